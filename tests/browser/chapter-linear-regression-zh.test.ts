// Chapter 1 in Chinese (/zh/linear-regression): the same chapter as the English one (tests/unit/i18n-parity.test.ts
// holds the code equal), so in the browser every cell must finish and print the same numbers as its English twin,
// every exercise's solution must pass with the Chinese buttons, and the site's own words must be Chinese.
import {readFileSync} from "node:fs";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {cellOutput, launch, liveCell, numbers, open, settled} from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Each live cell's id, state and the numbers its output shows (sorted: captions put them in another order). */
async function cellNumbers(page: Page): Promise<Map<string, {state: string | null; numbers: number[]}>> {
  const ids = await page
    .locator("[data-live-cell]")
    .evaluateAll((cells) => cells.map((cell) => cell.getAttribute("data-live-cell") ?? ""));
  const result = new Map<string, {state: string | null; numbers: number[]}>();
  for (const id of ids) {
    const text = await cellOutput(page, id).evaluate((node) => (node as HTMLElement).innerText);
    result.set(id, {
      state: await liveCell(page, id).getAttribute("data-state"),
      numbers: numbers(text).sort((a, b) => a - b)
    });
  }
  return result;
}

describe("chapter 1 in Chinese", () => {
  it("runs every cell to the same numbers as the English chapter", async () => {
    const english = await open(browser, "/linear-regression");
    const chinese = await open(browser, "/zh/linear-regression");
    try {
      await settled(english.page);
      await settled(chinese.page);
      const en = await cellNumbers(english.page);
      const zh = await cellNumbers(chinese.page);
      expect([...zh.keys()]).toEqual([...en.keys()]);
      expect(zh.size).toBe(readFileSync("src/linear-regression.md", "utf-8").match(/^```ts live/gm)?.length);
      expect(zh.get("train")?.numbers.length, "the training cell prints its numbers").toBeGreaterThan(5);
      for (const [id, cell] of zh) {
        expect(cell.state, id).toBe("done");
        expect(cell.numbers, id).toEqual(en.get(id)?.numbers);
      }
      expect(chinese.report.consoleErrors).toEqual([]);
      expect(chinese.report.failedRequests).toEqual([]);
      expect(await chinese.page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    } finally {
      await english.page.context().close();
      await chinese.page.context().close();
    }
  }, 600_000);

  it("passes every exercise with the Chinese buttons, and says so in Chinese", async () => {
    const {page} = await open(browser, "/zh/linear-regression");
    try {
      await settled(page);
      page.on("dialog", (dialog) => void dialog.accept());
      const ids = ["predict", "mse", "weights", "fit-line"];
      for (const id of ids) {
        const root = page.locator(`[data-exercise="linear-regression/${id}"]`);
        await expect.poll(() => root.getAttribute("data-status")).toBe("pending");
        await expect(root.locator(".exercise__result").textContent()).resolves.toMatch(/^尚未检查/);
        await root.getByRole("button", {name: "提示"}).click();
        await expect(root.locator(".exercise__hint:visible").textContent()).resolves.toMatch(/^提示 1。/);
        await root.getByRole("button", {name: "查看答案"}).click();
        await root.getByRole("button", {name: "运行"}).click();
        await expect.poll(() => root.getAttribute("data-status"), {timeout: 60_000}).toBe("passed");
        await expect(root.locator(".exercise__result").textContent()).resolves.toMatch(/^✓ /);
        await expect(root.locator(".exercise__badge").textContent()).resolves.toBe("✓ 已完成 · 看过答案");
      }
      // A check written with cases() speaks Chinese on a Chinese page.
      await expect(
        page.locator('[data-exercise="linear-regression/predict"] .exercise__result').textContent()
      ).resolves.toContain("predict 通过了全部 6 个用例");
      await expect(page.locator(".chapter-progress").textContent()).resolves.toMatch(/全部完成：4 道练习都已通过/);
    } finally {
      await page.context().close();
    }
  }, 600_000);

  it("shows a wrong answer's failing case in Chinese", async () => {
    const {page} = await open(browser, "/zh/linear-regression");
    try {
      await settled(page);
      const cell = liveCell(page, "exercise-mse");
      await cell.getByRole("button", {name: "编辑"}).click();
      const editor = cell.locator(".cm-content");
      await editor.click();
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.type("function mse(yHat: number[], y: number[]): number { return 1; }");
      await page.keyboard.press("Shift+Enter");
      const root = page.locator('[data-exercise="linear-regression/mse"]');
      await expect.poll(() => root.getAttribute("data-status"), {timeout: 60_000}).toBe("failed");
      const result = await root.locator(".exercise__result").innerText();
      expect(result).toMatch(/^✗ mse: 第 1 个用例（共 6 个）/);
      expect(result).toContain("期望");
      expect(result).toContain("实际");
      expect(result).toContain("提示：完全没有误差，MSE 就是 0。");
      await expect(cell.locator(".live-cell__edited").textContent()).resolves.toBe("已修改");
    } finally {
      await page.context().close();
    }
  }, 600_000);
});
