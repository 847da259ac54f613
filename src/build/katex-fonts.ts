// KaTeX's WOFF2 fonts served as files of their own, so that a browser downloads a font only when a formula on the
// page uses it (a page without formulas downloads none). Three pieces work together:
//  - observablehq.config.ts links every font from the head with an inert <link rel="katex-font">: browsers
//    ignore it, but it makes Framework copy the font into the build, as /_file/assets/katex/fonts/<name>.<hash>.woff2
//    (the hash is the first 8 hex digits of the file's SHA-256, Framework's naming for files);
//  - src/assets/katex/katex.css.ts writes KaTeX's stylesheet with @font-face URLs to those hashed names, relative to the
//    stylesheet (which Framework serves from /_file/assets/katex/ in the build and under npm run dev alike);
//  - src/assets/katex/fonts.tar.ts packs the fonts under both names: Framework extracts the plain name for the
//    build's copy, and the hashed name when npm run dev serves what the stylesheet asks for.
import {createHash} from "node:crypto";
import {readdirSync, readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";

export interface KatexFont {
  /** The file name without extension, e.g. KaTeX_Main-Regular. */
  name: string;
  bytes: Buffer;
  /** The name Framework gives the file in the build, e.g. KaTeX_Main-Regular.1a2b3c4d.woff2. */
  hashedFile: string;
}

/** Where katex.min.css and its fonts/ folder are. */
export const katexDist = dirname(createRequire(import.meta.url).resolve("katex/dist/katex.min.css"));

/** KaTeX's WOFF2 fonts (all current browsers read WOFF2, so the WOFF and TTF copies are not served). */
export function katexFonts(): KatexFont[] {
  const folder = join(katexDist, "fonts");
  return readdirSync(folder)
    .filter((file) => file.endsWith(".woff2"))
    .sort()
    .map((file) => {
      const bytes = readFileSync(join(folder, file));
      const name = file.slice(0, -".woff2".length);
      const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 8);
      return {name, bytes, hashedFile: `${name}.${hash}.woff2`};
    });
}

/** The inert head links that make Framework copy every font into the build (see above). */
export function katexFontLinks(): string {
  return katexFonts()
    .map((font) => `<link rel="katex-font" href="/assets/katex/fonts/${font.name}.woff2">`)
    .join("");
}

/**
 * Fonts nearly every formula uses (upright and italic letters). A page with formulas preloads them (the config's
 * head, with katexPlugin's pagesWithMath): text laid out before they arrive would move when they do (a layout
 * shift of 0.11 on chapter 2 without them).
 */
export const PRELOADED_FONTS = ["KaTeX_Main-Regular", "KaTeX_Math-Italic"];

export function katexPreloadLinks(): string {
  return PRELOADED_FONTS.map(
    (name) =>
      `<link rel="preload" href="/assets/katex/fonts/${name}.woff2" as="font" type="font/woff2" crossorigin fetchpriority="high">`
  ).join("");
}
