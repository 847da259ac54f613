// Parity of the two languages: every Chinese page src/zh/<path>.md against its English twin src/<path>.md. Both
// must hold the same live cells (ids and fence attributes, in the same order), the same code once comments are
// removed and the words in strings are set aside (captions, labels and check messages are translated, nothing
// else), and the same exercises with the same checks and solutions and as many hints. A learner's edits and progress
// are keyed by cell and exercise id, so a difference here would lose them between languages.
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {join, relative} from "node:path";
import {describe, expect, it} from "vitest";
import {normalizeCode, pageShape} from "./parity.js";

/** Every Markdown page under src/zh, as its path below src/zh ("linear-regression.md", "source/index.md"). */
function chinesePages(dir = "src/zh"): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return chinesePages(path);
    return name.endsWith(".md") ? [relative("src/zh", path)] : [];
  });
}

const pairs = chinesePages().filter((page) => existsSync(join("src", page)));

describe("every Chinese page against its English twin", () => {
  it("finds the pilot pages", () => {
    expect(pairs).toEqual(expect.arrayContaining(["index.md", "linear-regression.md", "notation.md"]));
  });

  it.each(pairs)("%s: the same cells, code, exercises and checks", (page) => {
    const english = pageShape(readFileSync(join("src", page), "utf-8"));
    const chinese = pageShape(readFileSync(join("src/zh", page), "utf-8"));
    expect(chinese.cells.map((cell) => cell.attributes)).toEqual(english.cells.map((cell) => cell.attributes));
    chinese.cells.forEach((cell, i) => {
      expect(cell.code, `live cell ${i + 1} (${cell.attributes})`).toBe(english.cells[i].code);
    });
    expect(chinese.checks).toEqual(english.checks);
    expect(chinese.solutions).toEqual(english.solutions);
    expect(chinese.hints).toEqual(english.hints);
  });

  it("says once, in a chapter with cells, that the library's error messages are in English", () => {
    for (const page of pairs) {
      const text = readFileSync(join("src/zh", page), "utf-8");
      if (pageShape(text).cells.length) expect(text, page).toMatch(/错误信息是英文的/);
    }
  });
});

describe("the parity check itself", () => {
  const english = readFileSync("src/linear-regression.md", "utf-8");
  const chinese = readFileSync("src/zh/linear-regression.md", "utf-8");
  const same = (a: string, b: string) => JSON.stringify(pageShape(a)) === JSON.stringify(pageShape(b));

  it("accepts the translated chapter 1", () => {
    expect(same(english, chinese)).toBe(true);
  });

  it("ignores comments and the words in strings, but not the code", () => {
    const $ = "$";
    expect(normalizeCode(`const a = 1; // one\nshow("hello", \`x ${$}{a + 1} y\`);`)).toBe(
      normalizeCode(`const a = 1; // 一\nshow("你好", \`甲 ${$}{a + 1} 乙\`);`)
    );
    expect(normalizeCode(`show(\`x ${$}{a + 1}\`)`)).not.toBe(normalizeCode(`show(\`x ${$}{a + 2}\`)`));
    expect(normalizeCode("const rate = 0.5;")).not.toBe(normalizeCode("const rate = 0.05;"));
  });

  it("fails on a Chinese page whose code, cells, exercises or checks differ", () => {
    const changes: [string, (text: string) => string][] = [
      [
        "a number in a cell",
        (text) => text.replace("const learningRate = 0.5; // η", "const learningRate = 0.05; // η")
      ],
      ["a cell id", (text) => text.replace("```ts live id=nudge", "```ts live id=push")],
      ["a cell removed", (text) => text.replace(/```ts live id=mismatch[\s\S]*?```\n/, "")],
      [
        "cells swapped",
        (text) =>
          text
            .replace("```ts live id=start", "```ts live id=TMP")
            .replace("```ts live id=nudge", "```ts live id=start")
            .replace("```ts live id=TMP", "```ts live id=nudge")
      ],
      ["an exercise id", (text) => text.replaceAll("exercise=mse", "exercise=mean-squared")],
      ["a check's expected value", (text) => text.replace("expected: 0.01375,", "expected: 0.0137,")],
      ["a solution", (text) => text.replace("return total / y.length;", "return total / (y.length || 1);")],
      ["a hint removed", (text) => text.replace(/```md hint=weights[\s\S]*?```\n/, "")],
      ["a timeout", (text) => text.replace("id=train timeout=5s", "id=train timeout=2s")]
    ];
    for (const [what, change] of changes) {
      const modified = change(chinese);
      expect(modified, what).not.toBe(chinese);
      expect(same(english, modified), what).toBe(false);
    }
  });
});
