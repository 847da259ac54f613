// Data loader: KaTeX's stylesheet, with each @font-face pointing at its WOFF2 file served by the site itself
// (src/build/katex-fonts.ts explains how the fonts get there). A browser fetches a font only when text uses it.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {katexDist, katexFonts} from "../../build/katex-fonts.js";

const css = readFileSync(join(katexDist, "katex.min.css"), "utf-8");
const hashed = new Map(katexFonts().map((font) => [font.name, font.hashedFile]));

// Every @font-face lists woff2, woff and ttf; all current browsers read woff2, so keep that one.
const linked = css.replace(/src:url\(fonts\/([\w-]+)\.woff2\) format\("woff2"\)[^;}]*/g, (_match, name: string) => {
  const file = hashed.get(name);
  if (!file) throw new Error(`katex.css: no font file for ${name}`);
  return `src:url(fonts/${file}) format("woff2")`;
});
if (/format\("(woff|truetype)"\)/.test(linked)) throw new Error("katex.css: a font reference was not rewritten");
process.stdout.write(linked);
