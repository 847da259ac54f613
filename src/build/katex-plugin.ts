// Build-time math: a markdown-it plugin that renders $…$ (inline) and $$…$$ (display) TeX with KaTeX,
// so formulas arrive as HTML with no client-side JavaScript and no layout shift.
//
// Rules (the same as Pandoc's, so prose with dollars keeps working):
// - `${…}` is Framework's interpolation and is never math.
// - An opening `$` must be followed by a non-space; a closing `$` must follow a non-space and must not be
//   followed by a digit, and the first unescaped `$` after the opening one must be that closer. So
//   "costs $5 and $10" stays text. `\$` is a literal dollar sign.
// - Code spans and fenced code are left alone (markdown-it parses them before any `$` inside is seen).
// - Invalid TeX fails the build with the page, the line and KaTeX's message.
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import katex from "katex";
import type MarkdownIt from "markdown-it";
import type StateBlock from "markdown-it/lib/rules_block/state_block.mjs";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type StateInline from "markdown-it/lib/rules_inline/state_inline.mjs";
import type Token from "markdown-it/lib/token.mjs";

const DOLLAR = 0x24;
const BRACE = 0x7b;
const BACKSLASH = 0x5c;

export interface KatexPluginOptions {
  /** Folder of the Markdown pages, used to report lines in the page's source file. */
  root?: string;
  /** KaTeX macros shared by every formula of the site. */
  macros?: Record<string, string>;
}

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/** Finds the closing `$` of inline math that opens at `start`, or -1. */
export function findInlineClose(src: string, start: number, max: number): number {
  for (let pos = start + 1; pos < max; pos++) {
    const code = src.charCodeAt(pos);
    if (code === BACKSLASH) {
      pos++; // skip the escaped character (for example \$ inside math)
      continue;
    }
    if (code !== DOLLAR) continue;
    // The first unescaped `$` decides: a valid closer ends the formula; anything else means this was no
    // formula at all (as in "costs $5 and $10"), so the opening `$` stays text.
    if (isSpace(src.charCodeAt(pos - 1))) return -1;
    if (pos + 1 < max && isDigit(src.charCodeAt(pos + 1))) return -1;
    return pos;
  }
  return -1;
}

function mathInline(state: StateInline, silent: boolean): boolean {
  const {src, pos, posMax} = state;
  if (src.charCodeAt(pos) !== DOLLAR) return false;
  const next = src.charCodeAt(pos + 1);
  if (next === BRACE) return false; // ${…}: Framework's interpolation
  const display = next === DOLLAR;
  const open = display ? pos + 2 : pos + 1;
  if (open >= posMax || isSpace(src.charCodeAt(open))) return false;
  let close: number;
  if (display) {
    close = src.indexOf("$$", open);
    if (close < 0 || close >= posMax) return false;
  } else {
    close = findInlineClose(src, pos, posMax);
    if (close < 0) return false;
  }
  if (!silent) {
    const token = state.push("math", "math", 0);
    token.content = src.slice(open, close);
    token.meta = {display};
  }
  state.pos = close + (display ? 2 : 1);
  return true;
}

function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  let start = state.bMarks[startLine] + state.tShift[startLine];
  let max = state.eMarks[startLine];
  if (state.sCount[startLine] - state.blkIndent >= 4) return false; // indented code
  if (!state.src.startsWith("$$", start) || state.src.charCodeAt(start + 2) === BRACE) return false;
  start += 2;
  let content: string;
  let line = startLine;
  let firstLine = state.src.slice(start, max);
  if (firstLine.trimEnd().endsWith("$$") && firstLine.trim().length > 2) {
    // $$ … $$ on one line
    firstLine = firstLine.trimEnd();
    content = firstLine.slice(0, -2);
  } else {
    const lines = [firstLine];
    let closed = false;
    while (++line < endLine) {
      start = state.bMarks[line] + state.tShift[line];
      max = state.eMarks[line];
      const text = state.src.slice(start, max).trimEnd();
      if (text.endsWith("$$")) {
        lines.push(text.slice(0, -2));
        closed = true;
        break;
      }
      lines.push(state.src.slice(state.bMarks[line], max));
    }
    if (!closed) return false;
    content = lines.join("\n");
  }
  if (silent) return true;
  state.line = line + 1;
  const token = state.push("math", "math", 0);
  token.block = true;
  token.content = content;
  token.map = [startLine, state.line];
  token.meta = {display: true};
  return true;
}

/** Number of lines taken by a page's front matter (markdown-it sees the page without it). */
function frontMatterLines(root: string, path: string | undefined): number {
  if (!path) return 0;
  const file = join(root, `${path}.md`);
  if (!existsSync(file)) return 0;
  const match = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(readFileSync(file, "utf-8"));
  return match ? match[0].split("\n").length - 1 : 0;
}

export class TexError extends Error {}

/**
 * The pages (Framework paths, e.g. /and-gate) that have at least one formula, filled as pages are rendered: the
 * config's head preloads KaTeX's main fonts on exactly these pages (src/build/katex-fonts.ts).
 */
export const pagesWithMath = new Set<string>();

/** Renders one formula; invalid TeX throws a TexError naming the page and line. */
export function renderMath(
  tex: string,
  display: boolean,
  where: {path?: string; line?: number},
  macros: Record<string, string> = {}
): string {
  try {
    return katex.renderToString(tex, {displayMode: display, throwOnError: true, output: "htmlAndMathml", macros});
  } catch (error) {
    if (!(error instanceof katex.ParseError)) throw error;
    const page = where.path ? `${where.path}.md` : "(unknown page)";
    throw new TexError(`${page}:${where.line ?? "?"}: invalid TeX in ${display ? "$$…$$" : "$…$"}: ${error.message}`);
  }
}

export function katexPlugin(md: MarkdownIt, options: KatexPluginOptions = {}): void {
  const root = options.root ?? "src";
  const macros = {...options.macros};
  md.inline.ruler.after("escape", "math", mathInline);
  md.block.ruler.before("fence", "math", mathBlock, {alt: ["paragraph", "reference", "blockquote", "list"]});

  // Render (and so validate) every formula right after parsing, while we still know its line.
  md.core.ruler.after("inline", "math", (state: StateCore) => {
    const offset = frontMatterLines(root, state.env?.path);
    let formulas = 0;
    const renderToken = (token: Token, line: number) => {
      formulas++;
      token.meta = {
        ...token.meta,
        html: renderMath(token.content, token.meta.display, {path: state.env?.path, line}, macros)
      };
    };
    for (const block of state.tokens) {
      const first = (block.map?.[0] ?? 0) + 1 + offset;
      if (block.type === "math") renderToken(block, first);
      let line = first;
      for (const child of block.children ?? []) {
        if (child.type === "softbreak" || child.type === "hardbreak") line++;
        if (child.type === "math") renderToken(child, line);
      }
    }
    if (formulas > 0 && state.env?.path) pagesWithMath.add(state.env.path);
  });

  md.renderer.rules.math = (tokens, idx) => {
    const token = tokens[idx];
    if (token.block) return `<div class="math-display">${token.meta.html}</div>\n`;
    // Keep punctuation right after a formula on the formula's line: "… $x$." must not wrap before the period.
    const next = tokens[idx + 1];
    const punctuation = next?.type === "text" ? /^[.,;:!?)\]’”]+/.exec(next.content)?.[0] : undefined;
    if (!punctuation) return token.meta.html;
    next.content = next.content.slice(punctuation.length);
    return `<span class="math-nowrap">${token.meta.html}${md.utils.escapeHtml(punctuation)}</span>`;
  };
}
