// Observable Framework configuration for the course. Everything the site needs is served by the site itself:
// no CDN, no third-party fonts (see README, "No network").
import {existsSync} from "node:fs";
import type MarkdownIt from "markdown-it";
import {courseMapScript} from "./src/build/course-map.js";
import {exercisesPlugin} from "./src/build/exercises-plugin.js";
import {katexFontLinks, katexPreloadLinks} from "./src/build/katex-fonts.js";
import {katexPlugin, pagesWithMath} from "./src/build/katex-plugin.js";
import {languageHead, languageSwitch} from "./src/build/languages.js";
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

const reference = [
  {name: "Notation", path: "/notation"},
  {name: "Toolbox", path: "/toolbox"},
  {name: "The library's source", path: "/source/index"}
];

// The Chinese edition: /zh/<path> is the English /<path> in Chinese (src/zh/, front matter `lang: zh-CN`). A page
// joins the Chinese sidebar once its file exists; the names below are the sidebar's. Pages not translated yet are
// not listed in Chinese (the Chinese home page links them in English).
const zhNames: Record<string, string> = {
  "/linear-regression": "1 · 线性回归就是单层网络",
  "/and-gate": "2 · 与门：sigmoid 与阶跃函数",
  "/softmax": "3 · softmax：两个以上的类别",
  "/xor": "4 · 异或：层与激活函数",
  "/backpropagation": "5 · 反向传播与梯度下降",
  "/training": "6 · 训练实践",
  "/digits": "7 · 综合项目：手写数字",
  "/playground": "游乐场",
  "/notation": "符号",
  "/glossary": "术语表",
  "/toolbox": "工具箱",
  "/source/index": "库的源代码"
};
const inChinese = (pages: {path: string}[]) =>
  pages
    .filter(({path}) => existsSync(new URL(`./src/zh${path}.md`, import.meta.url)))
    .map(({path}) => ({name: zhNames[path] ?? path, path: `/zh${path}`}));
export const zhChapters = inChinese(chapters);
export const zhReference = inChinese([...reference, {path: "/glossary"}]);

const SIDEBAR_STORAGE_GUARD =
  'try{sessionStorage.getItem("observablehq-sidebar")}catch{Object.defineProperty(window,"sessionStorage",' +
  "{value:{getItem:()=>null,setItem(){},removeItem(){}}})}" +
  "{const set=Storage.prototype.setItem;Storage.prototype.setItem=function(k,v){try{return set.call(this,k,v)}" +
  'catch(e){if(!String(k).startsWith("observablehq-"))throw e}}}';

/** The Chinese home page's course map: every chapter, in Chinese where it is translated, else in English. */
function zhCourseMap() {
  return chapters.map(({path}) => {
    const translated = zhChapters.some((chapter) => chapter.path === `/zh${path}`);
    return {name: zhNames[path] ?? path, path, href: translated ? `.${path}` : `..${path}`, english: !translated};
  });
}

export default {
  root: "src",
  // COURSE_DIST lets several builds (a test run, a preview) write to separate folders.
  output: process.env.COURSE_DIST || "dist",
  title: "Neural networks from the inside",
  // Each language has its own sections and its own previous/next sequence (a section's `pager`); the patched
  // Framework (src/build/patches/) shows a page only the sections of its language (see `locales`).
  pages: [
    {name: "Chapters", open: true, pages: chapters},
    // After the chapters: everything they taught, in one picture to play with.
    {name: "Playground", path: "/playground"},
    {name: "Reference", open: true, pages: reference},
    {name: "章节", open: true, pager: "zh", pages: zhChapters},
    ...inChinese([{path: "/playground"}]).map((page) => ({...page, pager: "zh"})),
    {name: "参考", open: true, pager: "zh", pages: zhReference}
  ],
  // Read by the patched Framework for pages whose front matter says `lang: zh-CN`: their site title, home page,
  // sidebar sections (pager group), search box and table-of-contents label.
  locales: {
    "zh-CN": {
      path: "/zh/",
      pager: "zh",
      title: "从内部看神经网络",
      search: "搜索",
      toc: "本页内容",
      results: "{n} 个结果",
      noResults: "没有结果"
    }
  },
  // One page per file of the network library (src/source/[file].md), e.g. /source/matrix; /source/ lists them. The
  // Chinese twins (src/zh/source/[file].md) are /zh/source/matrix and so on.
  dynamicPaths: [...sourcePagePaths(), ...sourcePagePaths().map((path) => `/zh${path}`)],
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
    languageHead(path) +
    `<link rel="icon" href="data:,"><link rel="stylesheet" href="/assets/katex/katex.css">${katexFontLinks()}` +
    (pagesWithMath.has(path) ? katexPreloadLinks() : "") +
    `<script>${SIDEBAR_STORAGE_GUARD}</script>` +
    '<script type="module" src="/assets/a11y.js"></script>' +
    (path === "/index" ? courseMapScript(chapters) : "") +
    (path === "/zh/index" ? courseMapScript(zhCourseMap()) : ""),
  // The language switch: this page in the other language (src/build/languages.ts).
  header: ({path}: {path: string}) => languageSwitch(path),
  footer: ({path}: {path: string}) =>
    path.startsWith("/zh/")
      ? "从内部看神经网络：一门开放的自学课程。一切都在你的浏览器中运行。"
      : "Neural networks from the inside: an open, self-paced course. Everything runs in your browser.",
  markdownIt: (md: MarkdownIt) => md.use(katexPlugin).use(exercisesPlugin).use(liveCellsPlugin).use(sourcePagesPlugin)
};
