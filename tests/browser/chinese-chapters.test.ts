// Every chapter that has a Chinese twin (src/zh/<path>.md), in the browser: the Chinese page runs the same cells to
// the same numbers as the English one, and every exercise passes with the Chinese buttons and verdicts.
// (tests/unit/i18n-parity.test.ts holds the code of the two pages equal; this checks that it behaves the same.)
// Left out of the comparison: durations, the pictures' own text, cells that time the machine, and a cell whose numbers
// differ between two loads of the English page (a race against the clock, an animation caught midway): those only
// have to finish.
import {existsSync, readFileSync} from "node:fs";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {chapters} from "../../observablehq.config.js";
import {cellOutput, launch, liveCell, liveCellSource, numbers, open, settled} from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const translated = chapters.filter(({path}) => existsSync(`src/zh${path}.md`));

/** A cell that times this machine (its code reads the clock) prints other numbers on every load, in any language. */
function timesTheMachine(markdown: string, id: string): boolean {
  try {
    return /performance\.now|Date\.now|msPerCall/.test(liveCellSource(markdown, id));
  } catch {
    return false; // an exercise cell
  }
}

/** Each live cell's id, state and the numbers its output shows, sorted (a translation may reorder a sentence). */
async function cellNumbers(page: Page): Promise<Map<string, {state: string | null; numbers: number[]}>> {
  const ids = await page
    .locator("[data-live-cell]")
    .evaluateAll((cells) => cells.map((cell) => cell.getAttribute("data-live-cell") ?? ""));
  const result = new Map<string, {state: string | null; numbers: number[]}>();
  for (const id of ids) {
    // The words and numbers the cell printed, not those of its pictures: a plot's ticks and readouts depend on the
    // width and on whether it was on screen when it last redrew (plots off screen wait), not on the language.
    const shown = await cellOutput(page, id).evaluate((node) => {
      for (const figure of node.querySelectorAll<HTMLElement>("svg, canvas, .nn-fig")) figure.style.display = "none";
      return (node as HTMLElement).innerText;
    });
    // Durations ("6.7 s", "12 ms", "6.7 秒") depend on the machine, not on the language: left out.
    const text = shown.replace(/-?\d+(?:\.\d+)?\s*(?:ms|s|毫秒|秒)(?![A-Za-z])/g, " ");
    result.set(id, {
      state: await liveCell(page, id).getAttribute("data-state"),
      numbers: numbers(text).sort((a, b) => a - b)
    });
  }
  return result;
}

async function load(path: string): Promise<Map<string, {state: string | null; numbers: number[]}>> {
  const {page, report} = await open(browser, path);
  try {
    await settled(page, 300_000);
    expect(report.consoleErrors, path).toEqual([]);
    expect(report.failedRequests, path).toEqual([]);
    if (path.startsWith("/zh/")) expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    return await cellNumbers(page);
  } finally {
    await page.context().close();
  }
}

describe("the Chinese chapters", () => {
  it("there is at least one", () => {
    expect(translated.length).toBeGreaterThan(0);
  });

  for (const {path} of translated) {
    describe(path, () => {
      it("runs every cell to the numbers of the English chapter", async () => {
        const english = await load(path);
        const again = await load(path);
        const chinese = await load(`/zh${path}`);
        expect([...chinese.keys()]).toEqual([...english.keys()]);
        const cells = readFileSync(`src${path}.md`, "utf-8").match(/^```ts live/gm)?.length ?? 0;
        expect(chinese.size).toBe(cells);
        const markdown = readFileSync(`src${path}.md`, "utf-8");
        for (const [id, cell] of chinese) {
          const en = english.get(id);
          expect(cell.state, `${id}: state`).toBe("done");
          const steady =
            !timesTheMachine(markdown, id) && JSON.stringify(en?.numbers) === JSON.stringify(again.get(id)?.numbers);
          if (steady) expect(cell.numbers, `${id}: numbers`).toEqual(en?.numbers);
        }
      }, 900_000);

      it("passes every exercise with the Chinese buttons, and says so in Chinese", async () => {
        const chapter = path.slice(1);
        const ids = [...readFileSync(`src${path}.md`, "utf-8").matchAll(/^```ts live exercise=([\w-]+)/gm)].map(
          (m) => m[1]
        );
        const {page} = await open(browser, `/zh${path}`);
        try {
          await settled(page, 300_000);
          page.on("dialog", (dialog) => void dialog.accept());
          for (const id of ids) {
            const root = page.locator(`[data-exercise="${chapter}/${id}"]`);
            await expect.poll(() => root.getAttribute("data-status"), {message: id}).toBe("pending");
            await expect(root.locator(".exercise__result").textContent()).resolves.toMatch(/^尚未检查/);
            const hint = root.getByRole("button", {name: "提示"});
            if ((await hint.count()) > 0) await hint.first().click();
            await root.getByRole("button", {name: "查看答案"}).click();
            await root.getByRole("button", {name: "运行"}).click();
            await expect.poll(() => root.getAttribute("data-status"), {timeout: 120_000, message: id}).toBe("passed");
            await expect(root.locator(".exercise__result").textContent()).resolves.toMatch(/^✓ /);
          }
          if (ids.length > 0)
            await expect(page.locator(".chapter-progress").textContent()).resolves.toMatch(
              new RegExp(`全部完成：${ids.length} 道练习都已通过`)
            );
        } finally {
          await page.context().close();
        }
      }, 900_000);
    });
  }
});
