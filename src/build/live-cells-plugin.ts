// Build-time side of live cells: turns ```ts live fences into live cells (see src/lib/live/AUTHORING.md).
//
// For each live cell the page gets: the highlighted source, Edit/Run/Reset buttons (and Stop, shown during long runs), an output area, the cell's
// compiled code as JSON, and a hidden *host* — an ordinary Framework cell that declares the same names, so the page's
// other cells can use them from the start. Before the first live cell the page also gets a hidden *setup* cell that
// imports the live-cell runtime (which takes the hosts over and runs the compiled code) and the modules the cells
// import (so Framework bundles and preloads them).
import {existsSync, readFileSync} from "node:fs";
import hljs from "highlight.js/lib/core";
import typescript from "highlight.js/lib/languages/typescript";
import type {Options, Renderer, Token} from "markdown-it";
import MarkdownIt from "markdown-it";
import {canonicalPath, langOfPath, t} from "../lib/i18n.js";
import {CellSyntaxError, type CompiledCell, compileCell} from "../lib/live/compile.js";
import {DEFAULT_BUDGET_MS} from "../lib/live/guard.js";
import {relativeSpecifier} from "../lib/live/modules.js";
import type {CellData} from "../lib/live/runtime.js";
import {hashSource} from "../lib/live/store.js";

hljs.registerLanguage("typescript", typescript);

const TAGS = new Set(["ts", "typescript", "js", "javascript"]);

export interface LiveInfo {
  id?: string;
  budget: number;
  /** Every key=value word of the info string (e.g. exercise=sigmoid), for features built on live cells. */
  attributes: Record<string, string>;
}

/** Parses a fence's info string: "ts live id=train timeout=10000" → {id: "train", budget: 10000}; not live → null. */
export function parseLiveInfo(info: string): LiveInfo | null {
  const [tag, ...words] = info.trim().split(/\s+/);
  if (!TAGS.has(tag?.toLowerCase()) || !words.includes("live")) return null;
  const result: LiveInfo = {budget: DEFAULT_BUDGET_MS, attributes: {}};
  for (const word of words) {
    const [key, value] = word.split("=");
    if (value !== undefined) result.attributes[key] = value;
    if (key === "id" && value && /^[\w-]+$/.test(value)) result.id = value;
    if (key === "timeout" && value) {
      const ms = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(value);
      if (ms) result.budget = Number(ms[1]) * (ms[2] === "s" ? 1000 : 1);
    }
  }
  return result;
}

interface PageCell {
  data: CellData;
  first: boolean;
}

interface PageState {
  cells: Map<Token, PageCell>;
  imports: string[];
}

/**
 * The hash a saved edit of each cell is compared with, by cell id: the lesson's source as the English page has it.
 * A Chinese twin's cells differ from their English ones only in comments and words (the parity test), so an edit
 * made in either language counts as made against the same lesson, and shows in both.
 */
const twinHashes = new Map<string, Map<string, string>>();
function englishHashes(path: string): Map<string, string> {
  let hashes = twinHashes.get(path);
  if (hashes) return hashes;
  hashes = new Map();
  const file = new URL(`..${path}.md`, import.meta.url);
  if (existsSync(file)) {
    const tokens = new MarkdownIt().parse(readFileSync(file, "utf-8"), {});
    const ids = new Set<string>();
    let ordinal = 0;
    for (const token of tokens) {
      const info = token.type === "fence" ? parseLiveInfo(token.info) : null;
      if (!info) continue;
      const exercise = info.attributes.exercise; // the exercises plugin names an exercise's cell exercise-<name>
      let outputs: string[] = [];
      try {
        outputs = compileCell(token.content, {path}).outputs;
      } catch {
        // a cell that does not compile is named by its position
      }
      const id = cellId(info.id ?? (exercise ? `exercise-${exercise}` : undefined), outputs, ++ordinal, ids);
      hashes.set(id, hashSource(token.content));
    }
  }
  twinHashes.set(path, hashes);
  return hashes;
}

/** A stable id: named by the author, else by the cell's first declared name, else by its position; unique. */
function cellId(named: string | undefined, outputs: string[], ordinal: number, ids: Set<string>): string {
  const base = named ?? outputs[0] ?? `cell-${ordinal}`;
  let id = base;
  for (let n = 2; ids.has(id); ++n) id = `${base}-${n}`;
  ids.add(id);
  return id;
}

/** Compiles every live cell of the page once (the setup cell needs all their imports before the first cell). */
function pageState(env: {path?: string; __live?: PageState}, tokens: Token[]): PageState {
  if (env.__live) return env.__live;
  // A Chinese page's cells are its English twin's: the same storage keys, and imports resolved as in the twin.
  const path = canonicalPath(env.path ?? "/index");
  const twin = path !== (env.path ?? "/index") ? englishHashes(path) : undefined;
  const state: PageState = {cells: new Map(), imports: []};
  const ids = new Set<string>();
  let ordinal = 0;
  for (const token of tokens) {
    const info = token.type === "fence" ? parseLiveInfo(token.info) : null;
    if (!info) continue;
    ++ordinal;
    let compiled: CompiledCell | null = null;
    let error: CellData["error"] = null;
    const source = token.content; // as written, final newline included (exercises compare sources with it)
    try {
      compiled = compileCell(source, {path});
      for (const m of compiled.imports) if (!state.imports.includes(m)) state.imports.push(m);
    } catch (e) {
      if (!(e instanceof CellSyntaxError)) throw e;
      error = {message: e.message, line: e.line, column: e.column};
      console.warn(`live cell ${ordinal} of ${path}: ${e.message}`);
    }
    const id = cellId(info.id, compiled?.outputs ?? [], ordinal, ids);
    const data: CellData = {
      id,
      path,
      source,
      original: twin?.get(id) ?? hashSource(source),
      budget: info.budget,
      attributes: info.attributes,
      compiled,
      error
    };
    state.cells.set(token, {data, first: state.cells.size === 0});
  }
  env.__live = state;
  return state;
}

/**
 * Space the output keeps before the cell first runs, so the text below does not jump when it arrives: about one
 * line for a cell that shows something (an expression, display(…) or yield), or `output-height=N` pixels from the
 * info string (for a picture). Styled by .live-cell__output[data-reserve] in live.css.
 */
function outputReserve(data: CellData): string {
  const height = /^(\d+)(px)?$/.exec(data.attributes["output-height"] ?? "")?.[1];
  if (height) return ` data-reserve style="--live-output-reserve: ${height}px"`;
  const shows = data.compiled?.expression || data.compiled?.generator || /\bdisplay\(/.test(data.source);
  return shows ? " data-reserve" : "";
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&${{"&": "amp", "<": "lt", ">": "gt", '"': "quot"}[c]};`);
}

/** JSON that is safe inside <script>: no "</script" or "<!--" can appear. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

let css: string | undefined;
function stylesheet(): string {
  css ??= readFileSync(new URL("../lib/live/live.css", import.meta.url), "utf8");
  return css;
}

export function liveCellsPlugin(md: MarkdownIt): void {
  const base = md.renderer.rules.fence;
  if (!base) throw new Error("liveCellsPlugin: markdown-it has no fence renderer");
  // Renders a Framework JavaScript cell (not echoed) through Framework's own fence renderer.
  const frameworkCell = (like: Token, source: string, options: Options, env: unknown, self: Renderer): string => {
    const token = new (like.constructor as new (type: string, tag: string, nesting: number) => Token)(
      "fence",
      "code",
      0
    );
    token.info = "js echo=false";
    token.content = source;
    token.map = like.map;
    return base([token], 0, options, env, self);
  };

  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    if (!parseLiveInfo(token.info)) return base(tokens, idx, options, env, self);
    const state = pageState(env, tokens);
    const cell = state.cells.get(token);
    if (!cell) return base(tokens, idx, options, env, self);
    const {data} = cell;
    const pagePath = (env as {path?: string}).path ?? "/index"; // where the page really is (data.path is its twin's)
    const lang = langOfPath(pagePath);
    let html = "";
    if (cell.first) {
      const imports = [
        `import {live as __live} from ${JSON.stringify(relativeSpecifier("/lib/live/index.js", pagePath))};`,
        ...state.imports.map((m) => `import ${JSON.stringify(relativeSpecifier(m, pagePath))};`)
      ];
      html += `<style>${stylesheet()}</style>\n`;
      html += `<div class="live-page-bar" hidden><span>${t("page.edited", {}, lang)}</span> <button type="button">${t("page.resetAll", {}, lang)}</button></div>\n`;
      html += `<div class="live-cell__host" hidden>${frameworkCell(token, imports.join("\n"), options, env, self)}</div>\n`;
    }
    const outputs = data.compiled?.outputs ?? [];
    const stub = outputs.length ? `const {${outputs.join(", ")}} = __live.host();` : "{\n  __live.host();\n}";
    const label = escapeHtml(data.id);
    html += `<div class="live-cell" data-live-cell="${label}" data-state="running">
<div class="live-cell__bar"><span class="live-cell__label">${t("cell.label", {}, lang)}</span><span class="live-cell__edited" hidden>${t("cell.edited", {}, lang)}</span><span class="live-cell__unrun" hidden>${t("cell.unrun", {}, lang)}</span><button type="button" class="live-cell__stop" data-action="stop" hidden>${t("cell.stop", {}, lang)}</button><span class="live-cell__buttons"><button type="button" data-action="edit">${t("cell.edit", {}, lang)}</button><button type="button" data-action="run">${t("cell.run", {}, lang)}</button><button type="button" data-action="reset">${t("cell.reset", {}, lang)}</button></span></div>
<pre class="live-cell__source" data-copy="none" tabindex="0" aria-label="${escapeHtml(t("cell.codeHint", {id: data.id}, lang))}"><code class="language-ts">${hljs.highlight(data.source, {language: "typescript"}).value}</code></pre>
<div class="live-cell__editor" tabindex="-1" hidden></div>
<div class="live-cell__notice" role="status" hidden></div>
<div class="live-cell__output" data-cell-output${outputReserve(data)}></div>
<div class="live-cell__host" hidden>${frameworkCell(token, stub, options, env, self)}</div>
<script type="application/json" data-live-data>${scriptJson(data)}</script>
</div>\n`;
    return html;
  };
}
