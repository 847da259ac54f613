// Build-time side of the source pages: the network library's own files (src/lib/nn/*.ts), shown in the site as
// highlighted listings with a link on every line, so learners can read the code that trains their networks.
//
// Pages and URLs: /source/ lists the files in reading order (the order of src/lib/nn/index.ts) and shows index.ts;
// /source/<name> shows src/lib/nn/<name>.ts, and #L42 is its line 42. The pages are src/source/index.md and
// src/source/[file].md (a parameterized page; observablehq.config.ts lists its paths with sourcePagePaths()). Both
// hold a fence that this markdown-it plugin replaces with the listing, read from the file at every build, so a
// page can never show other code than the library runs. The Chinese twins, /zh/source/ and /zh/source/<name>
// (src/zh/source/), show the same code with the page's own words (caption, navigation, lists) in Chinese.
import {readdirSync, readFileSync} from "node:fs";
import hljs from "highlight.js/lib/core";
import typescript from "highlight.js/lib/languages/typescript";
import type MarkdownIt from "markdown-it";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type Token from "markdown-it/lib/token.mjs";
import {type Lang, langOfPath, t} from "../lib/i18n.js";

hljs.registerLanguage("typescript", typescript);

/** The library's folder. */
export const LIBRARY = new URL("../lib/nn/", import.meta.url);

/** One file of the library, as the source pages present it. */
export interface LibraryFile {
  /** The file name without ".ts": "matrix" (the page is /source/matrix). */
  name: string;
  /** "matrix.ts". */
  file: string;
  /** The first sentence of its header comment. */
  purpose: string;
  /** Whether index.ts exports from it (the others are helpers of other files, or Node-only). */
  exported: boolean;
}

/** The text of src/lib/nn/<name>.ts. */
export function readLibraryFile(name: string): string {
  return readFileSync(new URL(`${name}.ts`, LIBRARY), "utf8");
}

/** The lines of a file as the listing numbers them (a final newline does not start another line). */
export function sourceLines(text: string): string[] {
  return text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
}

/**
 * The header comment's first sentence: the `//` lines at the top of the file, up to the first empty comment line,
 * cut after the first full stop that ends a sentence.
 */
export function purposeOf(text: string): string {
  const paragraph: string[] = [];
  for (const line of sourceLines(text)) {
    const comment = /^\/\/ ?(.*)$/.exec(line);
    if (!comment || comment[1].trim() === "") break;
    paragraph.push(comment[1].trim());
  }
  const joined = paragraph.join(" ");
  return /^.*?[.!?](?=\s|$)/.exec(joined)?.[0] ?? joined;
}

/**
 * The library's files in reading order: the modules in the order index.ts exports them, then the files it does
 * not export (alphabetically). index.ts itself is not in the list; its page is the list.
 */
export function libraryFiles(): LibraryFile[] {
  const all = readdirSync(LIBRARY)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
    .map((f) => f.slice(0, -3))
    .sort();
  const ordered: string[] = [];
  for (const match of readLibraryFile("index").matchAll(/\bfrom\s+["']\.\/([\w-]+)\.js["']/g)) {
    if (all.includes(match[1]) && !ordered.includes(match[1])) ordered.push(match[1]);
  }
  const rest = all.filter((name) => name !== "index" && !ordered.includes(name));
  return [...ordered, ...rest].map((name) => ({
    name,
    file: `${name}.ts`,
    purpose: purposeOf(readLibraryFile(name)),
    exported: ordered.includes(name)
  }));
}

/** The site path of a file's page: "/source/matrix", and "/source/" for index.ts. */
export function sourcePagePath(name: string): string {
  return name === "index" ? "/source/" : `/source/${name}`;
}

/** The paths of the parameterized source pages, for the config's dynamicPaths. */
export function sourcePagePaths(): string[] {
  return libraryFiles().map((f) => sourcePagePath(f.name));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&${{"&": "amp", "<": "lt", ">": "gt", '"': "quot"}[c]};`);
}

/** Plain text with `code` spans, as in the header comments. */
function inlineText(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");
}

/**
 * Highlighted HTML for each line of a TypeScript source. highlight.js marks up the whole text at once, and a token
 * such as a block comment or a template string may span several lines: each line closes the spans still open at
 * its end and the next line reopens them, so every line is a self-contained piece of HTML.
 */
export function highlightLines(text: string): string[] {
  const html = hljs.highlight(sourceLines(text).join("\n"), {language: "typescript"}).value;
  const lines: string[] = [];
  const open: string[] = []; // the opening tags of the spans enclosing the current position
  let line = "";
  for (const part of html.split(/(<span[^>]*>|<\/span>|\n)/)) {
    if (part === "\n") {
      lines.push(line + "</span>".repeat(open.length));
      line = open.join("");
    } else if (part.startsWith("<span")) {
      open.push(part);
      line += part;
    } else if (part === "</span>") {
      open.pop();
      line += part;
    } else line += part;
  }
  lines.push(line);
  return lines;
}

/** Turns the import paths of library files ("./matrix.js") into links to their pages. */
function linkImports(lineHtml: string, names: ReadonlySet<string>): string {
  return lineHtml.replace(/&quot;\.\/([\w-]+)\.js&quot;/g, (whole, name: string) =>
    names.has(name) ? `<a href="./${name === "index" ? "" : name}">${whole}</a>` : whole
  );
}

/**
 * The listing of src/lib/nn/<name>.ts: a caption naming the file, and a <pre> (a labelled region that the keyboard
 * can scroll) with one block per line. Each line has the id L<n> and starts with its number, a link to #L<n>.
 * Dollars are written as &#36; so that Framework never reads `${` in the code as an interpolation.
 */
export function sourceListing(name: string, lang: Lang = "en"): string {
  const text = readLibraryFile(name);
  const names = new Set([...libraryFiles().map((f) => f.name), "index"]);
  const lines = highlightLines(text).map((html, i) => {
    const n = i + 1;
    return (
      `<span class="nn-source__line" id="L${n}"><a class="nn-source__number" href="#L${n}" aria-label="${t("src.line", {n}, lang)}">${n}</a>` +
      `<span class="nn-source__code">${linkImports(html, names)}</span></span>`
    );
  });
  const count = lines.length;
  const caption = `nn-source-${name}`;
  return (
    `<div class="nn-source" data-source-file="${name}.ts" data-lines="${count}">` +
    `<p class="nn-source__caption" id="${caption}">${t("src.caption", {file: `${name}.ts`, n: count}, lang)}</p>` +
    `<pre class="nn-source__listing" role="region" aria-labelledby="${caption}" tabindex="0" data-copy="none"><code>` +
    `${lines.join("")}</code></pre></div>`
  ).replace(/\$/g, "&#36;");
}

/** Which library files `name` imports, and which import it. */
function neighbours(name: string, files: readonly LibraryFile[]): {imports: string[]; importedBy: string[]} {
  const importsOf = (n: string) =>
    [...readLibraryFile(n).matchAll(/^import\b[^;]*?from\s+["']\.\/([\w-]+)\.js["']/gm)].map((m) => m[1]);
  return {
    imports: [...new Set(importsOf(name))],
    importedBy: files.map((f) => f.name).filter((n) => n !== name && importsOf(n).includes(name))
  };
}

const fileLink = (name: string) => `<a href="./${name === "index" ? "" : name}"><code>${name}.ts</code></a>`;

/** The top of a file's page: its purpose, where it sits in the reading order, what it uses and what uses it. */
function fileIntro(file: LibraryFile, files: readonly LibraryFile[], lang: Lang): string {
  const i = files.findIndex((f) => f.name === file.name);
  const previous = files[i - 1];
  const next = files[i + 1];
  const {imports, importedBy} = neighbours(file.name, files);
  const list = (names: string[]) =>
    names.length ? names.map(fileLink).join(t("src.listSep", {}, lang)) : t("src.none", {}, lang);
  const nav = [
    previous ? `<a href="./${previous.name}" rel="prev">← ${previous.file}</a>` : "",
    `<a href="./">${t("src.allFiles", {}, lang)}</a>`,
    next ? `<a href="./${next.name}" rel="next">${next.file} →</a>` : ""
  ].filter(Boolean);
  return (
    `<p class="nn-source__purpose">${inlineText(file.purpose)}</p>\n` +
    `<nav class="nn-source__nav" aria-label="${t("src.filesNav", {}, lang)}">${nav.join(" ")}</nav>\n` +
    `<p class="nn-source__uses">${t("src.uses", {imports: list(imports), importedBy: list(importedBy)}, lang)}</p>\n`
  );
}

/** The list of files on /source/: number, link, purpose. */
function fileIndex(files: readonly LibraryFile[], lang: Lang): string {
  const item = (f: LibraryFile) =>
    `<li><a href="./${f.name}"><code>${f.file}</code></a>: ${inlineText(f.purpose)} ` +
    `<span class="nn-source__count">${t("src.count", {n: sourceLines(readLibraryFile(f.name)).length}, lang)}</span></li>`;
  const exported = files.filter((f) => f.exported);
  const others = files.filter((f) => !f.exported);
  return (
    `<ol class="nn-source__files">${exported.map(item).join("\n")}</ol>\n` +
    `<p>${t("src.others", {}, lang)}</p>\n` +
    `<ul class="nn-source__files">${others.map(item).join("\n")}</ul>\n`
  );
}

let css: string | undefined;
function stylesheet(): string {
  css ??= readFileSync(new URL("./source-pages.css", import.meta.url), "utf8");
  return `<style>${css}</style>\n`;
}

function htmlBlock(state: StateCore, content: string): Token {
  const token = new state.Token("html_block", "", 0);
  token.content = content;
  return token;
}

/** An h1 that Framework also takes as the page's title. */
function heading(state: StateCore, text: string): Token[] {
  const open = new state.Token("heading_open", "h1", 1);
  const inline = new state.Token("inline", "", 0);
  const child = new state.Token("text", "", 0);
  child.content = text;
  inline.content = text;
  inline.children = [child];
  const close = new state.Token("heading_close", "h1", -1);
  open.block = close.block = true;
  return [open, inline, close];
}

/**
 * Replaces a ```nn-source fence with the page of the file its path names (/source/matrix → matrix.ts), and a
 * ```nn-source-index fence with the list of files followed by index.ts. Runs after Framework's own rules, so
 * nothing in the generated HTML is read as Markdown or as an interpolation.
 */
export function sourcePagesPlugin(md: MarkdownIt): void {
  md.core.ruler.push("nn-source", (state: StateCore) => {
    for (let i = 0; i < state.tokens.length; i++) {
      const token = state.tokens[i];
      const kind = token.type === "fence" ? token.info.trim() : "";
      if (kind !== "nn-source" && kind !== "nn-source-index") continue;
      const files = libraryFiles();
      const path: string = (state.env as {path?: string}).path ?? "";
      const lang = langOfPath(path); // /zh/source/… is the Chinese twin: the same code, the page's words in Chinese
      let replacement: Token[];
      if (kind === "nn-source-index") {
        replacement = [
          htmlBlock(state, stylesheet() + fileIndex(files, lang)),
          ...heading(state, "index.ts").map((t) => Object.assign(t, {tag: t.tag && "h2"})),
          htmlBlock(state, `<p class="nn-source__purpose">${inlineText(purposeOf(readLibraryFile("index")))}</p>\n`),
          htmlBlock(state, `${sourceListing("index", lang)}\n`)
        ];
      } else {
        const name = path.split("/").pop() ?? "";
        const file = files.find((f) => f.name === name);
        if (!file) {
          // Only the preview server can ask for this (the build makes pages for existing files only).
          replacement = [
            ...heading(state, t("src.noFile", {file: `${name}.ts`}, lang)),
            htmlBlock(
              state,
              `<p>${t("src.noFileText", {file: `${escapeHtml(name)}.ts`}, lang)} <a href="./">${t("src.allFilesShort", {}, lang)}</a>.</p>\n`
            )
          ];
          state.tokens.splice(i, 1, ...replacement);
          i += replacement.length - 1;
          continue;
        }
        replacement = [
          ...heading(state, file.file),
          htmlBlock(state, stylesheet() + fileIntro(file, files, lang)),
          htmlBlock(state, `${sourceListing(file.name, lang)}\n`)
        ];
      }
      state.tokens.splice(i, 1, ...replacement);
      i += replacement.length - 1;
    }
  });
}
