// Data loader: KaTeX's stylesheet with its WOFF2 fonts inlined, so formulas need nothing from another origin
// (and no second request per font, hence no layout shift when the fonts arrive).
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";

const require = createRequire(import.meta.url);
const dist = dirname(require.resolve("katex/dist/katex.min.css"));
const css = readFileSync(join(dist, "katex.min.css"), "utf-8");

// Every @font-face lists woff2, woff and ttf; all current browsers read woff2, so keep that one, inlined.
const inlined = css.replace(/src:url\(fonts\/([\w-]+)\.woff2\) format\("woff2"\)[^;}]*/g, (_match, name: string) => {
  const font = readFileSync(join(dist, "fonts", `${name}.woff2`)).toString("base64");
  return `src:url(data:font/woff2;base64,${font}) format("woff2")`;
});
if (/url\(fonts\//.test(inlined)) throw new Error("katex.css: a font reference was not inlined");
process.stdout.write(inlined);
