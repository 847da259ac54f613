// Live cells in real Chromium on the built site, on the test page src/lab/live-cells.md.
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {cellOutput, launch, liveCell, open, type PageReport, screenshot} from "./browser.js";

const PATH = "/lab/live-cells";
const KEY_A = "nn-course:live-cell:/lab/live-cells#a";
/** Requests that would mean the editor or the compiler was loaded. */
const LAZY = /codemirror|@lezer|sucrase|acorn|lib\/live\/(compile|editor|analyze)\./;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const cell = liveCell;
const output = cellOutput;
const state = (page: Page, id: string) => cell(page, id).getAttribute("data-state");

async function settled(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    () => document.querySelectorAll('[data-live-cell][data-state="running"]').length === 0,
    null,
    {
      timeout
    }
  );
}

async function load(path = PATH): Promise<{page: Page; report: PageReport}> {
  const opened = await open(browser, path);
  await settled(opened.page);
  return opened;
}

/** Opens the cell's editor, replaces its source and runs it with Shift+Enter. */
async function edit(page: Page, id: string, source: string): Promise<void> {
  await cell(page, id).getByRole("button", {name: "Edit"}).click();
  const content = cell(page, id).locator(".cm-content");
  await content.waitFor();
  await content.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(source);
  await page.keyboard.press("Shift+Enter");
}

function loadedUrls(page: Page): Promise<string[]> {
  return page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name));
}

function expectClean(report: PageReport): void {
  expect(report.consoleErrors).toEqual([]);
  expect(report.failedRequests).toEqual([]);
  expect(report.foreignRequests).toEqual([]);
}

describe("live cells", () => {
  test("a fresh page runs every cell to done without loading the editor or the compiler", async () => {
    const {page, report} = await load();
    const states = await page.$$eval("[data-live-cell]", (cells) => cells.map((c) => c.getAttribute("data-state")));
    expect(states.length).toBeGreaterThanOrEqual(10);
    expect(states.every((s) => s === "done")).toBe(true);
    await expect.poll(() => output(page, "show-b").textContent()).toContain("b is 20");
    // A Matrix is shown as a table with its shape.
    expect(await output(page, "matrix").locator("caption").textContent()).toBe("Matrix 2 × 2");
    expect(await output(page, "matrix").locator("td").allTextContents()).toEqual(["1", "2", "3", "4.5"]);
    // Ordinary cells and live cells share one namespace, both ways.
    expect(await page.getByText("ordinary sees b = 20").count()).toBe(1);
    expect(await output(page, "uses-ordinary").textContent()).toContain("ordinary says 21");
    expect(await output(page, "train-watch").textContent()).toContain("watching epoch 90");
    // An element with a next() method is shown as an element, not driven as an iterator.
    expect(await output(page, "stepper").locator("output").textContent()).toBe("a diagram that steps");
    // The source is pre-rendered with highlighting, and nothing of the editor or the compiler is loaded.
    expect(await cell(page, "b").locator("pre .hljs-keyword").first().textContent()).toBe("const");
    expect((await loadedUrls(page)).filter((url) => LAZY.test(url))).toEqual([]);
    const html = await page.content();
    expect(html).not.toMatch(/modulepreload[^>]*(codemirror|sucrase|acorn|live\/compile|live\/editor)/);
    // Buttons have accessible names.
    for (const name of ["Edit", "Run", "Reset"])
      expect(await cell(page, "a").getByRole("button", {name}).count()).toBe(1);
    await screenshot(page, "live-cells-light");
    expectClean(report);
    await page.context().close();
  });

  test("editing a cell reruns the cells that depend on it, live and ordinary", async () => {
    const {page, report} = await load();
    await edit(page, "a", "const a: number = 3;");
    await expect.poll(() => output(page, "show-b").textContent()).toContain("b is 30");
    await expect.poll(() => output(page, "uses-ordinary").textContent()).toContain("ordinary says 31");
    expect(await page.getByText("ordinary sees b = 30").count()).toBe(1);
    expect(await cell(page, "a").locator(".live-cell__edited").isVisible()).toBe(true);
    expect(await page.locator(".live-page-bar").isVisible()).toBe(true);
    expect((await loadedUrls(page)).some((url) => /codemirror/.test(url))).toBe(true);
    // An input of an ordinary cell drives a live cell.
    await page.locator("#scale").evaluate((input: HTMLInputElement) => {
      input.value = "4";
      input.dispatchEvent(new Event("input", {bubbles: true}));
    });
    await expect.poll(() => output(page, "scaled").textContent()).toContain("scaled b: 120");
    expectClean(report);
    await page.context().close();
  });

  test("a syntax error is shown with its position and marked; fixing it recovers", async () => {
    const {page} = await load();
    await edit(page, "b", "const b = a * ;");
    await expect.poll(() => state(page, "b")).toBe("error");
    expect(await output(page, "b").textContent()).toMatch(/SyntaxError: .*\(line 1, column 15\)/);
    expect(await cell(page, "b").locator(".cm-live-error, .cm-live-error-line").count()).toBeGreaterThan(0);
    // The previous output of the dependent is replaced, and it says which input failed.
    await expect.poll(() => state(page, "show-b")).toBe("error");
    expect(await output(page, "show-b").textContent()).toContain("uses b (line 1), which failed");
    await screenshot(page, "live-cells-syntax-error");
    await edit(page, "b", "const b = a * 100;");
    await expect.poll(() => output(page, "show-b").textContent()).toContain("b is 200");
    await expect.poll(() => state(page, "b")).toBe("done");
    expect(await cell(page, "b").locator(".cm-live-error").count()).toBe(0);
    await page.context().close();
  });

  test("a runtime error names the cell line; independent cells keep working", async () => {
    const {page} = await load();
    await edit(page, "b", "const x = 1;\nconst b: number = (null as any).value * x;");
    await expect.poll(() => state(page, "b")).toBe("error");
    expect(await output(page, "b").textContent()).toMatch(/TypeError: .*\(line 2\)/);
    await edit(page, "a", "const a = 5;");
    await expect.poll(() => state(page, "a")).toBe("done");
    expect(await state(page, "after-spin")).toBe("done");
    await page.context().close();
  });

  test("while (true) {} is stopped by the 2 s guard and other cells still rerun", async () => {
    const {page, report} = await load();
    await edit(page, "spin", "let spins = 0;\nwhile (true) {}");
    // How long that takes is the guard's budget plus the machine's load: the message says which guard stopped it.
    await page.waitForFunction(
      () => document.querySelector('[data-live-cell="spin"]')?.getAttribute("data-state") === "error",
      null,
      {timeout: 30_000}
    );
    expect(await output(page, "spin").textContent()).toContain("Stopped after running for 2 s");
    expect(await output(page, "after-spin").textContent()).toContain("uses spins (line 1), which failed");
    await edit(page, "a", "const a = 6;");
    await expect.poll(() => output(page, "show-b").textContent()).toContain("b is 60");
    // The learner fixes the cell and runs it again.
    await edit(page, "spin", "let spins = 0;\nfor (let i = 0; i < 5; i++) spins++;");
    await expect.poll(() => output(page, "after-spin").textContent()).toContain("spins: 5");
    expectClean(report);
    await page.context().close();
  });

  test("rerunning a training cell cancels the running instance", async () => {
    const {page} = await open(browser, PATH);
    await expect.poll(() => output(page, "train").textContent()).toMatch(/epoch \d/);
    const run = cell(page, "train").getByRole("button", {name: "Run"});
    for (let i = 0; i < 3; ++i) {
      await page.waitForTimeout(200);
      expect(await state(page, "train")).toBe("running");
      await run.click();
    }
    await settled(page);
    const counters = await page.evaluate(() => ({...(globalThis as unknown as Record<string, number>)}));
    expect(counters.runs).toBe(4);
    expect(counters.maxActive).toBe(1);
    expect(counters.active).toBe(0);
    expect(await output(page, "train").textContent()).toContain("epoch 90");
    await page.context().close();
  });

  test("a rerun clears the timers of the run it replaces", async () => {
    const {page} = await load();
    const run = cell(page, "ticker").getByRole("button", {name: "Run"});
    await run.click();
    await run.click();
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as {tickerRuns: number}).tickerRuns)).toBe(3);
    await page.waitForTimeout(100);
    const ticks = () => page.evaluate(() => ({...(globalThis as unknown as {ticks: Record<number, number>}).ticks}));
    const first = await ticks();
    await page.waitForTimeout(300);
    const second = await ticks();
    expect(second[1]).toBe(first[1]);
    expect(second[2]).toBe(first[2]);
    expect(second[3]).toBeGreaterThan(first[3]);
    await page.context().close();
  });

  test("a rerun removes the listeners the run it replaces added to document", async () => {
    const {page} = await load();
    const run = cell(page, "listener").getByRole("button", {name: "Run"});
    await run.click();
    await run.click();
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as {keyRuns: number}).keyRuns)).toBe(3);
    await expect.poll(() => cell(page, "listener").getAttribute("data-state")).toBe("done");
    // An old run's listener left in place would throw "cancelled" (its guard is spent) or count a key.
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.evaluate(() => document.dispatchEvent(new Event("nn-test-key")));
    expect(errors).toEqual([]);
    const keys = await page.evaluate(() => ({...(globalThis as unknown as {keys: Record<number, number>}).keys}));
    expect(keys).toEqual({3: 1});
    await page.context().close();
  });

  test("an edit is saved, restored on reload with its output, and Reset restores the original", async () => {
    const {page} = await load();
    await edit(page, "a", "const a = 7;");
    await expect.poll(() => output(page, "show-b").textContent()).toContain("b is 70");
    expect(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), KEY_A)) ?? "{}").source).toBe(
      "const a = 7;"
    );
    await page.reload();
    await settled(page);
    await expect.poll(() => output(page, "show-b").textContent()).toContain("b is 70");
    expect(await cell(page, "a").locator(".cm-content").textContent()).toBe("const a = 7;");
    expect(await cell(page, "a").locator(".live-cell__edited").isVisible()).toBe(true);
    await cell(page, "a").getByRole("button", {name: "Reset"}).click();
    await expect.poll(() => output(page, "show-b").textContent()).toContain("b is 20");
    expect(await cell(page, "a").locator(".cm-content").textContent()).toBe("const a: number = 2;");
    expect(await cell(page, "a").locator(".live-cell__edited").isVisible()).toBe(false);
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY_A)).toBeNull();
    // Reset all cells on this page.
    await edit(page, "a", "const a = 8;");
    await edit(page, "spin", "let spins = 3;");
    await expect.poll(() => output(page, "after-spin").textContent()).toContain("spins: 3");
    await page.getByRole("button", {name: "Reset all cells on this page"}).click();
    await expect.poll(() => output(page, "show-b").textContent()).toContain("b is 20");
    await expect.poll(() => output(page, "after-spin").textContent()).toContain("spins: 1000");
    expect(await page.locator(".live-page-bar").isVisible()).toBe(false);
    await page.context().close();
  });

  test("keyboard only: Edit, type, Shift+Enter, Escape, Tab onward", async () => {
    const {page} = await load();
    await cell(page, "a").getByRole("button", {name: "Edit"}).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("cm-content"))).toBe(true);
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("const a = 4;");
    await page.keyboard.press("Shift+Enter");
    await expect.poll(() => output(page, "show-b").textContent()).toContain("b is 40");
    await page.keyboard.press("Escape");
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest(".cm-editor")))).toBe(false);
    await page.keyboard.press("Tab");
    // Focus moved on past the editor, to the next cell's first button.
    const focused = await page.evaluate(() => ({
      text: document.activeElement?.textContent,
      cell: document.activeElement?.closest("[data-live-cell]")?.getAttribute("data-live-cell")
    }));
    expect(focused).toEqual({text: "Edit", cell: "b"});
    // Ctrl+Enter runs too.
    await cell(page, "a").locator(".cm-content").focus();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("const a = 9;");
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => output(page, "show-b").textContent()).toContain("b is 90");
    await page.context().close();
  });

  test("a name another cell defines is an error in the cell that redefines it only; an unknown import is a clear error", async () => {
    const {page} = await load();
    await edit(page, "spin", "const a = 5;");
    await expect.poll(() => state(page, "spin")).toBe("error");
    expect(await output(page, "spin").textContent()).toContain("a is already defined by the cell “a” (line 1)");
    expect(await state(page, "a")).toBe("done");
    expect(await output(page, "show-b").textContent()).toBe("b is 20");
    await cell(page, "spin").getByRole("button", {name: "Reset"}).click();
    await expect.poll(() => state(page, "a")).toBe("done");
    await expect.poll(() => output(page, "show-b").textContent()).toContain("b is 20");
    await edit(page, "spin", 'import _ from "lodash";\nlet spins = 1;');
    await expect.poll(() => state(page, "spin")).toBe("error");
    expect(await output(page, "spin").textContent()).toContain('Cannot import "lodash" in a live cell');
    await page.context().close();
  });

  test("storage that fails or holds garbage gives a notice, never an exception or a lost keystroke", async () => {
    const {page, report} = await load();
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException("full", "QuotaExceededError");
      };
    });
    await edit(page, "a", "const a = 11;");
    await expect.poll(() => output(page, "show-b").textContent()).toContain("b is 110");
    await expect.poll(() => cell(page, "a").locator(".live-cell__notice").textContent()).toContain("can't be saved");
    await page.keyboard.type(" // more");
    expect(await cell(page, "a").locator(".cm-content").textContent()).toBe("const a = 11; // more");
    expectClean(report);
    await page.context().close();

    const second = await load();
    await second.page.evaluate((key) => localStorage.setItem(key, "{not json"), KEY_A);
    await second.page.reload();
    await settled(second.page);
    expect(await cell(second.page, "a").locator(".live-cell__notice").textContent()).toContain("could not be read");
    expect(await output(second.page, "show-b").textContent()).toContain("b is 20");
    expectClean(second.report);
    await second.page.context().close();
  });

  test("an edit of an older version of the cell is offered, not applied", async () => {
    const {page} = await load();
    await page.evaluate(
      (key) => localStorage.setItem(key, JSON.stringify({original: "00000000", source: "const a = 12;"})),
      KEY_A
    );
    await page.reload();
    await settled(page);
    const notice = cell(page, "a").locator(".live-cell__notice");
    expect(await notice.textContent()).toContain("updated in the course since you edited it");
    expect(await output(page, "show-b").textContent()).toContain("b is 20");
    await notice.getByRole("button", {name: "Use my edit"}).click();
    // The first edit loads the editor and the compiler: give a busy machine time.
    await expect.poll(() => output(page, "show-b").textContent(), {timeout: 15_000}).toContain("b is 120");
    expect(await notice.isVisible()).toBe(false);
    await page.context().close();
  });

  test("the API for features built on live cells: onRun, setSource, getSource, reset", async () => {
    const {page} = await load();
    // A string, so that vitest leaves this import() alone: the page imports the same module its cells use.
    await page.evaluate(
      `import(document.querySelector('link[rel="modulepreload"][href*="lib/live/index."]').href).then((m) => (window.live = m.live))`
    );
    const result = await page.evaluate(async () => {
      const {live} = window as unknown as {live: typeof import("../../src/lib/live/index.js").live};
      await live.ready;
      const runs: unknown[] = [];
      live.onRun("a", (run) => runs.push({state: run.state, exports: run.exports}));
      await live.setSource("a", "const a = 5;");
      await new Promise((resolve) => setTimeout(resolve, 300));
      const source = live.getSource("a");
      live.reset("a");
      await new Promise((resolve) => setTimeout(resolve, 300));
      return {runs, source, after: live.getSource("a")};
    });
    expect(result.source).toBe("const a = 5;");
    expect(result.runs).toEqual([
      {state: "done", exports: {a: 5}},
      {state: "done", exports: {a: 2}}
    ]);
    expect(result.after).toBe("const a: number = 2;\n");
    expect(await output(page, "show-b").textContent()).toContain("b is 20");
    await page.context().close();
  });

  test("dark theme at phone width: cells fit the screen", async () => {
    const {page, report} = await open(browser, PATH, {colorScheme: "dark", width: 375});
    await settled(page);
    await cell(page, "b").getByRole("button", {name: "Edit"}).click();
    await cell(page, "b").locator(".cm-content").waitFor();
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      cell: Math.max(...[...document.querySelectorAll("[data-live-cell]")].map((c) => c.getBoundingClientRect().right))
    }));
    expect(widths.cell).toBeLessThanOrEqual(widths.viewport);
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    await screenshot(page, "live-cells-dark-phone");
    expectClean(report);
    await page.context().close();
  });
});
