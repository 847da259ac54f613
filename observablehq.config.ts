// Observable Framework configuration for the course. Everything the site needs is served by the site itself:
// no CDN, no third-party fonts (see README, "No network").
import type MarkdownIt from "markdown-it";
import {exercisesPlugin} from "./src/build/exercises-plugin.js";
import {katexPlugin} from "./src/build/katex-plugin.js";
import {liveCellsPlugin} from "./src/build/live-cells-plugin.js";

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
    {
      name: "Reference",
      open: true,
      pages: [
        {name: "Notation", path: "/notation"},
        {name: "Toolbox", path: "/toolbox"}
      ]
    }
  ],
  // Framework's default adds a stylesheet from a third-party font host; the course uses system fonts instead.
  globalStylesheets: [],
  style: "style.css",
  theme: ["air", "near-midnight"],
  search: true,
  pager: true,
  toc: true,
  // KaTeX's stylesheet (fonts inlined, built by src/assets/katex.css.ts) for build-time and run-time formulas; and a
  // guard for Framework's sidebar, which keeps its state in sessionStorage and would throw when that storage is full
  // or forbidden: its writes fail quietly instead (the course's own storage reports its problems, see lib/progress).
  head:
    '<link rel="icon" href="data:,"><link rel="stylesheet" href="/assets/katex.css">' +
    `<script>${SIDEBAR_STORAGE_GUARD}</script>`,
  footer: "Neural networks from the inside: an open, self-paced course. Everything runs in your browser.",
  markdownIt: (md: MarkdownIt) => md.use(katexPlugin).use(exercisesPlugin).use(liveCellsPlugin)
};
