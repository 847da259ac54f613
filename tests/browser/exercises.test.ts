// The exercise flow on a test page, as a learner goes through it: starter → wrong answer → hints → right answer,
// a solution behind a confirmation, Reset, progress kept across a reload, and code that throws or never ends.
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {launch, open, openIn, screenshot} from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const exercise = (page: Page, id: string) => page.locator(`[data-exercise="lab/exercises/${id}"]`);
const status = (page: Page, id: string) => exercise(page, id).getAttribute("data-status");
const result = (page: Page, id: string) => exercise(page, id).locator(".exercise__result").innerText();

/** Types `code` into the exercise's editor, replacing what is there, and runs it with Shift+Enter. */
async function submit(page: Page, id: string, code: string) {
  const root = exercise(page, id);
  await root.getByRole("button", {name: "Edit"}).click();
  const editor = root.locator(".cm-content");
  await editor.waitFor();
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await editor.fill(code);
  await page.keyboard.press("Shift+Enter");
}

describe("exercises", () => {
  it("goes from the starter to a failed check, hints, a passing answer, and keeps the progress", async () => {
    const {page, report} = await open(browser, "/lab/exercises");
    try {
      await expect.poll(() => status(page, "double")).toBe("pending");
      await expect.poll(() => result(page, "double")).toMatch(/Not checked yet/);
      await expect(exercise(page, "double").getByRole("button", {name: "Run"}).count()).resolves.toBe(1);
      await expect(exercise(page, "double").getByRole("button", {name: "Reset"}).count()).resolves.toBe(1);

      await submit(page, "double", "function double(x: number): number {\n  return x + 1;\n}");
      await expect.poll(() => status(page, "double")).toBe("failed");
      const failed = await result(page, "double");
      expect(failed).toMatch(/✗ double: case 2 of 3: expected -1, got 0.5/);
      expect(failed).toMatch(/Input\s+-0.5\s+Expected\s+-1\s+Got\s+0.5/);

      const hintButton = exercise(page, "double").getByRole("button", {name: "Hint"});
      await hintButton.click();
      await expect(exercise(page, "double").locator(".exercise__hint:visible").count()).resolves.toBe(1);
      await expect(exercise(page, "double").locator(".exercise__hint .katex").count()).resolves.toBe(1);
      await hintButton.click();
      await expect(exercise(page, "double").locator(".exercise__hint:visible").count()).resolves.toBe(2);
      await expect(exercise(page, "double").getByRole("button", {name: "No more hints"}).isDisabled()).resolves.toBe(
        true
      );

      await submit(page, "double", "function double(x: number): number {\n  return x * 2;\n}");
      await expect.poll(() => status(page, "double")).toBe("passed");
      await expect(result(page, "double")).resolves.toMatch(/✓ double passes all 3 cases/);
      await expect(page.locator(".chapter-progress").innerText()).resolves.toMatch(/1 of 2 exercises passed/);
      await screenshot(page, "exercises/passed");

      await page.reload({waitUntil: "networkidle"});
      await expect.poll(() => status(page, "double")).toBe("passed");
      await expect(page.locator(".chapter-progress").innerText()).resolves.toMatch(/1 of 2 exercises passed/);
      expect(report.consoleErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it("shows the solution only after confirming, records it, and Reset brings back the starter", async () => {
    const {page} = await open(browser, "/lab/exercises");
    try {
      await expect.poll(() => status(page, "shape")).toBe("pending");
      const button = exercise(page, "shape").getByRole("button", {name: "Show solution"});
      page.once("dialog", (dialog) => dialog.dismiss());
      await button.click();
      await expect(status(page, "shape")).resolves.toBe("pending");

      page.once("dialog", (dialog) => dialog.accept());
      await button.click();
      // The first edit loads the editor and the compiler: give a busy machine time.
      await expect.poll(() => status(page, "shape"), {timeout: 15_000}).toBe("passed");
      await expect(exercise(page, "shape").locator(".cm-content").innerText()).resolves.toMatch(/\[4, 5, 6\]/);
      await expect(exercise(page, "shape").locator(".exercise__badge").innerText()).resolves.toMatch(
        /solved · solution shown/
      );
      const stored = await page.evaluate(() => localStorage.getItem("nn-course:exercise:lab/exercises/shape"));
      expect(JSON.parse(stored ?? "{}")).toEqual({status: "passed", solutionShown: true});

      await exercise(page, "shape").getByRole("button", {name: "Reset", exact: true}).click();
      await expect.poll(() => status(page, "shape")).toBe("pending");
      await expect(exercise(page, "shape").locator("[data-live-cell]").innerText()).resolves.toMatch(
        /TODO: build a 2×3 matrix/
      );
    } finally {
      await page.context().close();
    }
  });

  it("reports code that throws, returns the wrong type, or never ends as a failed check, and the page goes on", async () => {
    const {page} = await open(browser, "/lab/exercises");
    try {
      await expect.poll(() => status(page, "double")).toBe("pending");
      await submit(page, "double", 'function double(x: number): number {\n  throw new Error("not today");\n}');
      await expect.poll(() => status(page, "double")).toBe("failed");
      await expect(result(page, "double")).resolves.toMatch(
        /double: case 1 of 3: it threw an error[\s\S]*Error: not today/
      );

      await submit(page, "double", 'function double(x: number): any {\n  return "2";\n}');
      await expect.poll(() => result(page, "double")).toMatch(/expected a number, got string/);

      await submit(page, "double", "function double(x: number): number {\n  while (true) {}\n}");
      await expect.poll(() => result(page, "double"), {timeout: 10_000}).toMatch(/Stopped after running for 2 s/);
      await expect(status(page, "double")).resolves.toBe("failed");

      await submit(page, "double", "function double(x: number): number {\n  return 2 * x;\n}");
      await expect.poll(() => status(page, "double")).toBe("passed");
    } finally {
      await page.context().close();
    }
  });

  it("after a pass, Reset says the exercise stays solved, as the badge does, also after a reload", async () => {
    const {page} = await open(browser, "/lab/exercises");
    try {
      await submit(page, "double", "function double(x: number): number {\n  return 2 * x;\n}");
      await expect.poll(() => status(page, "double")).toBe("passed");
      await exercise(page, "double").getByRole("button", {name: "Reset", exact: true}).click();
      const solved =
        "You have solved this exercise: it stays solved in your progress. This is the starter code again; fill in " +
        "the marked place and press Run to check a new answer.";
      await expect.poll(() => result(page, "double")).toBe(solved);
      expect(await exercise(page, "double").locator(".exercise__badge").innerText()).toBe("✓ solved");
      await page.reload({waitUntil: "networkidle"});
      await expect.poll(() => result(page, "double")).toBe(solved);
      expect(await exercise(page, "double").locator(".exercise__badge").innerText()).toBe("✓ solved");
    } finally {
      await page.context().close();
    }
  });

  it("names a missing or misspelt function", async () => {
    const {page} = await open(browser, "/lab/exercises");
    try {
      await submit(page, "double", "function doubel(x: number): number {\n  return 2 * x;\n}");
      await expect.poll(() => status(page, "double")).toBe("failed");
      expect(await result(page, "double")).toBe(
        "✗ `double` is not defined in your cell, and the check needs it. Your cell defines `doubel`: did you mean `double`?"
      );
      await submit(page, "double", "const twice = (x: number) => 2 * x;");
      await expect
        .poll(() => result(page, "double"))
        .toBe("✗ `double` is not defined in your cell, and the check needs it. Define it with exactly this name.");
    } finally {
      await page.context().close();
    }
  });

  it("with storage full, a chapter still shows what is solved, keeps new passes for the visit, and says so", async () => {
    const context = await browser.newContext({viewport: {width: 1200, height: 900}});
    try {
      const {page: seed} = await openIn(context, "/lab/exercises");
      await seed.evaluate(() =>
        localStorage.setItem(
          "nn-course:exercise:lab/exercises/double",
          JSON.stringify({status: "passed", solutionShown: false})
        )
      );
      await seed.close();
      await context.addInitScript(() => {
        Storage.prototype.setItem = () => {
          throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        };
      });
      const {page, report} = await openIn(context, "/lab/exercises");
      await expect.poll(() => exercise(page, "double").locator(".exercise__badge").innerText()).toBe("✓ solved");
      const progress = page.locator(".chapter-progress");
      await expect.poll(() => progress.innerText()).toMatch(/1 of 2 exercises passed/);
      expect(await progress.innerText()).toMatch(
        /storage for this site is full, so new progress and edits are kept only/
      );
      page.once("dialog", (dialog) => dialog.accept());
      await exercise(page, "shape").getByRole("button", {name: "Show solution"}).click();
      await expect.poll(() => status(page, "shape"), {timeout: 15_000}).toBe("passed");
      expect(await exercise(page, "shape").locator(".exercise__badge").innerText()).toBe("✓ solved · solution shown");
      await expect.poll(() => progress.innerText()).toMatch(/complete: all 2 exercises passed/);
      expect(report.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
