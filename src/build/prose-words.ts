// The prose-word count of a page, the measure of the chapter standard's budget (at most 3,000 words of prose per
// chapter, tests/unit/chapter-length.test.ts). The rule is strict on purpose, so that a reviewer who counts
// formulas, code names and hints as words finds the same or fewer:
// - dropped: the front matter; every fenced code block except ```md hint blocks, whose text counts as prose;
//   <style> and <script> blocks; HTML comments; display math $$…$$; HTML tags (their text stays); link
//   targets `](…)`; table separator rows (`| --- | :-: |`);
// - each inline formula $…$ and each inline code span `…` counts as one word;
// - a word is a whitespace-separated token that contains a letter or a digit.
import {findInlineClose} from "./katex-plugin.js";

/** The chapter standard's budget: words of prose per chapter. */
export const CHAPTER_WORD_BUDGET = 3000;

const FENCE_OPEN = /^\s*(`{3,}|~{3,})(.*)$/;

/** The page without front matter and fenced blocks; a ```md hint block's text stays, as prose. */
function withoutFences(markdown: string): string {
  const lines = markdown
    .replace(/\r\n?/g, "\n")
    .replace(/^---\n[\s\S]*?\n---(\n|$)/, "")
    .split("\n");
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE_OPEN.exec(lines[i]);
    if (!open) {
      kept.push(lines[i]);
      continue;
    }
    const [, marker, info] = open;
    const isHint = /^md\b/.test(info.trim()) && /\bhint\b/.test(info);
    // The fence closes at a line of the same character, at least as long, and nothing else (CommonMark);
    // an unclosed fence runs to the end of the page.
    const close = new RegExp(`^\\s*${marker[0]}{${marker.length},}\\s*$`);
    let j = i + 1;
    while (j < lines.length && !close.test(lines[j])) j++;
    kept.push(isHint ? lines.slice(i + 1, j).join("\n") : "");
    i = j;
  }
  return kept.join("\n");
}

/** Replaces each code span (a run of n backticks up to the next run of exactly n) with one word. */
function codeSpansAsWords(text: string): string {
  let out = "";
  let pos = 0;
  while (pos < text.length) {
    const open = /`+/g;
    open.lastIndex = pos;
    const start = open.exec(text);
    if (!start) break;
    const ticks = start[0];
    const close = new RegExp(`(?<!\`)${ticks}(?!\`)`, "g");
    close.lastIndex = start.index + ticks.length;
    const end = close.exec(text);
    // A span does not cross a blank line (the end of its paragraph); unmatched backticks stay text.
    if (!end || /\n\s*\n/.test(text.slice(start.index, end.index))) {
      out += text.slice(pos, start.index + ticks.length);
      pos = start.index + ticks.length;
      continue;
    }
    out += `${text.slice(pos, start.index)} code `;
    pos = end.index + ticks.length;
  }
  return out + text.slice(pos);
}

/** Replaces each inline formula with one word, with the site's own rules for where $…$ is math. */
function inlineMathAsWords(text: string): string {
  let out = "";
  let from = 0;
  for (let pos = 0; pos < text.length; pos++) {
    const code = text[pos];
    if (code === "\\") {
      pos++; // \$ is a literal dollar sign
      continue;
    }
    if (code !== "$") continue;
    const next = text[pos + 1];
    if (next === undefined || next === "{" || /\s/.test(next)) continue;
    const paragraphEnd = text.slice(pos).search(/\n\s*\n/);
    const max = paragraphEnd < 0 ? text.length : pos + paragraphEnd;
    const close = findInlineClose(text, pos, max);
    if (close < 0) continue;
    out += `${text.slice(from, pos)} math `;
    from = close + 1;
    pos = close;
  }
  return out + text.slice(from);
}

/** The number of words of prose in a Markdown page, by the rule at the top of this file. */
export function proseWords(markdown: string): number {
  let text = withoutFences(markdown)
    .replace(/<style\b[\s\S]*?<\/style>/gi, " ")
    .replace(/<script\b[\s\S]*?<\/script>/gi, " ")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/\$\$[\s\S]*?\$\$/g, " ");
  text = inlineMathAsWords(codeSpansAsWords(text))
    .replace(/<\/?[A-Za-z][^>]*>/g, " ")
    .replace(/\]\([^)\s]*(?:\s+"[^"]*")?\)/g, "] ")
    .replace(/^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$/gm, " ");
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}
