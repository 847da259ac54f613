// Accessibility by the standard tool: axe-core (WCAG 2 A and AA, and best practices) finds no violation on any
// page of the config, in the light and the dark theme, at desktop and phone width; nor in the states a learner
// brings a chapter into (an editor open, a syntax error marked, think-about-its open, hints and verdicts shown),
// nor on the test pages that show every feature of live cells and exercises.
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {axeViolations, resize, settle} from "./axe.js";
import {launch, open} from "./browser.js";
import {pages} from "./pages.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a page, lets its cells finish, and returns axe's violations (one line each). */
async function check(path: string, options: {colorScheme?: "light" | "dark"} = {}) {
  const {page} = await open(browser, path, options);
  try {
    await settle(page);
    return await axeViolations(page);
  } finally {
    await page.context().close();
  }
}

// A chapter trains a network when it opens, which takes a while on a busy machine: each page is loaded once per
// theme and checked at desktop width, then at phone width (375 px), where code and formulas scroll sideways.
const PAGE_TIMEOUT = 240_000;

describe.each(["light", "dark"] as const)("axe on every page, %s theme, desktop then phone width", (colorScheme) => {
  it.each(pages)(
    "$path has no violation",
    async ({path}) => {
      const {page} = await open(browser, path, {colorScheme});
      try {
        await settle(page);
        const desktop = await axeViolations(page);
        await resize(page, 375);
        const phone = await axeViolations(page);
        expect({desktop, phone}).toEqual({desktop: [], phone: []});
      } finally {
        await page.context().close();
      }
    },
    PAGE_TIMEOUT
  );
});

describe.each(["light", "dark"] as const)("axe on what a learner opens, %s theme", (colorScheme) => {
  it(
    "chapter 1 with an editor open, a syntax error, think-about-its open, every hint and a verdict shown",
    async () => {
      const {page} = await open(browser, "/linear-regression", {colorScheme});
      try {
        await settle(page);
        const violations: Record<string, string[]> = {};

        // An editor open on a cell, with a syntax error marked in it and shown in the output.
        const exercise = page.locator(".exercise").first();
        const cell = exercise.locator("[data-live-cell]");
        await cell.getByRole("button", {name: "Edit"}).click();
        const content = cell.locator(".cm-content");
        await content.waitFor();
        await content.focus();
        await page.keyboard.press("ControlOrMeta+a");
        await page.keyboard.insertText("function predict(X: number[][]): number[] {\n  return [;\n}\n");
        await page.keyboard.press("Shift+Enter");
        await expect.poll(() => cell.getAttribute("data-state")).toBe("error");
        await settle(page);
        violations["editor with a syntax error"] = await axeViolations(page);

        // A wrong answer: the exercise shows its failed case.
        await content.focus();
        await page.keyboard.press("ControlOrMeta+a");
        await page.keyboard.insertText(
          "function predict(X: number[][], w: number[], b: number): number[] {\n  return X.map(() => b);\n}\n"
        );
        await page.keyboard.press("Shift+Enter");
        await expect.poll(() => exercise.getAttribute("data-status")).toBe("failed");
        await settle(page);
        violations["a failed check"] = await axeViolations(page);

        // Every think-about-it open, every hint of every exercise shown.
        for (const summary of await page.locator("details.think > summary").all()) await summary.click();
        expect(await page.locator("details.think[open]").count()).toBeGreaterThanOrEqual(2);
        for (const button of await page.getByRole("button", {name: "Hint"}).all()) {
          while ((await button.textContent()) === "Hint" && (await button.isEnabled())) await button.click();
        }
        expect(await page.locator(".exercise__hint:visible").count()).toBeGreaterThan(0);
        await settle(page);
        violations["think-about-its and hints open"] = await axeViolations(page);

        // A solution shown (after the confirmation) and passed.
        page.once("dialog", (dialog) => void dialog.accept());
        await page.locator(".exercise").nth(1).getByRole("button", {name: "Show solution"}).click();
        await expect.poll(() => page.locator(".exercise").nth(1).getAttribute("data-status")).toBe("passed");
        await settle(page);
        violations["a solution shown and passed"] = await axeViolations(page);

        expect(violations).toEqual(Object.fromEntries(Object.keys(violations).map((state) => [state, []])));
      } finally {
        await page.context().close();
      }
    },
    PAGE_TIMEOUT
  );

  it.each(["/lab/live-cells", "/lab/exercises"])(
    "the test page %s, every feature of cells and exercises",
    async (path) => {
      expect(await check(path, {colorScheme})).toEqual([]);
    }
  );
});

describe("the checks can fail", () => {
  it("axe reports a violation that is put into a page", async () => {
    const {page} = await open(browser, "/notation");
    try {
      await page.evaluate(() => {
        const image = document.createElement("img");
        image.src = "data:,";
        document.querySelector("main")?.append(image);
        document.documentElement.removeAttribute("lang");
      });
      const violations = await axeViolations(page);
      expect(violations.some((line) => line.startsWith("image-alt: "))).toBe(true);
      expect(violations.some((line) => line.startsWith("html-has-lang: html"))).toBe(true);
    } finally {
      await page.context().close();
    }
  });

  it("a cell's output that scrolls sideways gets a Tab stop and a name, and loses them when it fits", async () => {
    const {page} = await open(browser, "/lab/live-cells", {width: 375});
    try {
      await settle(page);
      const output = page.locator("[data-live-cell] [data-cell-output]").first();
      await output.evaluate((node) => {
        const wide = document.createElement("div");
        wide.className = "a11y-test-wide";
        wide.style.width = "2000px";
        wide.textContent = "wide";
        node.append(wide);
      });
      await settle(page);
      await expect(output.getAttribute("tabindex")).resolves.toBe("0");
      await expect(output.getAttribute("aria-label")).resolves.toMatch(/scrolls sideways/);
      await output.locator(".a11y-test-wide").evaluate((node) => node.remove());
      await settle(page);
      await expect(output.getAttribute("tabindex")).resolves.toBeNull();
      await expect(output.getAttribute("aria-label")).resolves.toBeNull();
    } finally {
      await page.context().close();
    }
  });
});
