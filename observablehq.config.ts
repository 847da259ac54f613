// Observable Framework configuration for the course. Everything the site needs is served by the site itself:
// no CDN, no third-party fonts (see README, "No network").
import type MarkdownIt from "markdown-it";
import {courseMapScript} from "./src/build/course-map.js";
import {exercisesPlugin} from "./src/build/exercises-plugin.js";
import {katexFontLinks, katexPreloadLinks} from "./src/build/katex-fonts.js";
import {katexPlugin, pagesWithMath} from "./src/build/katex-plugin.js";
import {liveCellsPlugin} from "./src/build/live-cells-plugin.js";
import {sourcePagePaths, sourcePagesPlugin} from "./src/build/source-pages.js";

export const chapters = [
  {name: "1 · Linear regression is a one-layer network", path: "/linear-regression"},
  {name: "2 · The AND gate: sigmoid and step", path: "/and-gate"},
  {name: "3 · Softmax: more than two classes", path: "/softmax"},
  {name: "4 · XOR: layers and activations", path: "/xor"},
  {name: "5 · Backpropagation and gradient descent", path: "/backpropagation"},
  {name: "6 · Training in practice", path: "/training"},
  {name: "7 · Capstone: handwritten digits", path: "/digits"}
];

const SIDEBAR_STORAGE_GUARD =
  'try{sessionStorage.getItem("observablehq-sidebar")}catch{Object.defineProperty(window,"sessionStorage",' +
  "{value:{getItem:()=>null,setItem(){},removeItem(){}}})}" +
  "{const set=Storage.prototype.setItem;Storage.prototype.setItem=function(k,v){try{return set.call(this,k,v)}" +
  'catch(e){if(!String(k).startsWith("observablehq-"))throw e}}}';

export default {
  root: "src",
  // COURSE_DIST lets several builds (a test run, a preview) write to separate folders.
  output: process.env.COURSE_DIST || "dist",
  title: "Neural networks from the inside",
  pages: [
    {name: "Chapters", open: true, pages: chapters},
    // After the chapters: everything they taught, in one picture to play with.
    {name: "Playground", path: "/playground"},
    {
      name: "Reference",
      open: true,
      pages: [
        {name: "Notation", path: "/notation"},
        {name: "Toolbox", path: "/toolbox"},
        {name: "The library's source", path: "/source/index"}
      ]
    }
  ],
  // One page per file of the network library (src/source/[file].md), e.g. /source/matrix; /source/ lists them.
  dynamicPaths: sourcePagePaths(),
  // Framework's default adds a stylesheet from a third-party font host; the course uses system fonts instead.
  globalStylesheets: [],
  style: "style.css",
  theme: ["air", "near-midnight"],
  search: true,
  pager: true,
  toc: true,
  // KaTeX's stylesheet (src/assets/katex/katex.css.ts) for build-time and run-time formulas, and inert links that make
  // Framework copy KaTeX's fonts into the build: a browser fetches a font only when a formula uses it; pages with
  // formulas preload the two main fonts (src/build/katex-fonts.ts). src/assets/a11y.ts fixes Framework's own markup
  // for accessibility and adds the skip link. A guard for Framework's sidebar, which keeps its state in
  // sessionStorage and would throw when that storage is full or forbidden: its writes fail quietly instead (the
  // course's own storage reports its problems, see lib/progress). The home page gets the chapters for its map.
  head: ({path}: {path: string}) =>
    `<link rel="icon" href="data:,"><link rel="stylesheet" href="/assets/katex/katex.css">${katexFontLinks()}` +
    (pagesWithMath.has(path) ? katexPreloadLinks() : "") +
    `<script>${SIDEBAR_STORAGE_GUARD}</script>` +
    '<script type="module" src="/assets/a11y.js"></script>' +
    (path === "/index" ? courseMapScript(chapters) : ""),
  footer: "Neural networks from the inside: an open, self-paced course. Everything runs in your browser.",
  markdownIt: (md: MarkdownIt) => md.use(katexPlugin).use(exercisesPlugin).use(liveCellsPlugin).use(sourcePagesPlugin)
};
