// The chapter standard's budget: at most 3,000 words of prose per chapter, counted by the strict rule of
// src/build/prose-words.ts (formulas, code names and hints count as words).
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {chapters} from "../../observablehq.config.js";
import {CHAPTER_WORD_BUDGET, proseWords} from "../../src/build/prose-words.js";

describe("proseWords", () => {
  it("counts the words of prose and drops what is not prose", () => {
    const page = [
      "---",
      "title: Not counted",
      "---",
      "",
      "# One title",
      "",
      "The weighted sum $z = w_1x_1 + b$ of `predict` costs $5 and $10, see [the notes](https://example.org/a-b-c).",
      "",
      "<!-- a comment of five words -->",
      "<style>p { color: red }</style>",
      '<details class="think"><summary>Think about it: why?</summary> Because.</details>',
      "",
      "$$",
      "J = \\frac{1}{m} \\sum L",
      "$$",
      "",
      "| name | value |",
      "| --- | ---: |",
      "| η | 0.5 |",
      "",
      "- a bullet — with a dash",
      "",
      "```ts live id=x",
      "const notCounted = 1;",
      "```",
      "",
      "```md hint=x",
      "A hint with $a$ counts.",
      "```"
    ].join("\n");
    // One title (2) · The weighted sum $…$ of `…` costs $5 and $10, see [the notes] (13: "$5 and $10" is no
    // formula) · Think about it: why? Because. (5) · name value η 0.5 (4) · a bullet with a dash (5: "—" is no
    // word) · A hint with $…$ counts. (5)
    expect(proseWords(page)).toBe(2 + 13 + 5 + 4 + 5 + 5);
  });

  it("keeps an unclosed code span's backtick as text and closes a span only at a run of the same length", () => {
    expect(proseWords("a `` b ` c `` d")).toBe(3);
    expect(proseWords("a ` b\n\nc ` d")).toBe(4);
    expect(proseWords("price \\$5 and $x$")).toBe(4);
  });
});

describe("chapter length", () => {
  it.each(chapters.map((c) => [c.name, c.path] as const))("%s has at most 3,000 words of prose", (name, path) => {
    const words = proseWords(readFileSync(`src${path}.md`, "utf-8"));
    expect(
      words,
      `${name} (src${path}.md) has ${words} words of prose; the budget is ${CHAPTER_WORD_BUDGET}`
    ).toBeLessThanOrEqual(CHAPTER_WORD_BUDGET);
  });
});
