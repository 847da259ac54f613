// Chapter 1 in Chinese (/zh/linear-regression): a wrong answer's failing case is told in Chinese. (Every Chinese
// chapter's numbers and exercises are checked against the English ones in chinese-chapters.test.ts.)
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {launch, liveCell, open, settled} from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("chapter 1 in Chinese", () => {
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
