// Live cells under a careless learner (issue 20), on the test pages src/lab/live-cells.md and src/lab/live-training.md:
// runaway memory, a tab that dies during a run, Stop, long training with a loss curve, name conflicts, imports a
// helper cell holds, and the small things every learner meets (stale output, text shown as text, thrown objects,
// error lines, deleted code).
import type {Browser, BrowserContext, Page} from "playwright-core";
import {chromium} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, test} from "vitest";
import {cellOutput, launch, liveCell, open, openIn, type PageReport, screenshot} from "./browser.js";
import {CHROMIUM_ARGS} from "./chromium.js";

const PATH = "/lab/live-cells";
/** The page with a training cell and a loss curve, and a hidden helper cell that imports d3. */
const TRAINING = "/lab/live-training";
const EDIT_KEY = `nn-course:live-cell:${TRAINING}#curve-train`;
const MARKS_KEY = `nn-course-running:${TRAINING}`;

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
const text = (page: Page, id: string) => output(page, id).textContent();

async function settled(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    () => document.querySelectorAll('[data-live-cell][data-state="running"]').length === 0,
    null,
    {timeout}
  );
}

async function load(path = PATH): Promise<{page: Page; report: PageReport}> {
  const opened = await open(browser, path);
  await settled(opened.page);
  return opened;
}

/** Opens the cell's editor, replaces its source, and runs it with Shift+Enter (unless `run` is false). */
async function edit(page: Page, id: string, source: string, run = true): Promise<void> {
  await cell(page, id).getByRole("button", {name: "Edit"}).click();
  const content = cell(page, id).locator(".cm-content");
  await content.waitFor();
  await content.focus();
  await page.keyboard.press("ControlOrMeta+a");
  if (source) await page.keyboard.insertText(source);
  else await page.keyboard.press("Delete");
  if (run) await page.keyboard.press("Shift+Enter");
}

/** The training cell of the test page, set to train for ten million epochs. */
const LONG_TRAINING = `const neuron = network({inputs: 2, layers: [{units: 1, activation: "sigmoid"}], seed: 7});
const curve = lossCurve({height: 180, invalidation});
display(curve);
const options = {loss: "binaryCrossEntropy", learningRate: 0.5, maxIter: 1e7} as const;
const framesEvery = Math.ceil(options.maxIter / 300); // about 300 frames in all
let trained = 0;
for await (const progress of train(neuron, andX, andY, options)) {
  trained = progress.epoch;
  curve.push({epoch: progress.epoch, loss: progress.loss});
  if (progress.epoch % framesEvery !== 0 && !progress.done) continue;
  yield \`epoch \${progress.epoch}: loss \${progress.loss.toFixed(4)}\`;
}`;

/** How many loss points the curve of the training cell holds, and how many were pushed. */
const curveSize = (page: Page) =>
  cell(page, "curve-train")
    .locator(".nn-loss-curve")
    .evaluate((el) => {
      const curve = el as HTMLElement & {data: unknown[]; count: number};
      return {kept: curve.data.length, pushed: curve.count};
    });

describe("runaway memory", () => {
  // Cell grow-long may run for 60 s without a break: what stops these loops is the memory guard, not the clock.
  test("an endless allocation is stopped with a memory message; after a reload it is stopped again, no crash", {
    timeout: 240_000
  }, async () => {
    const {page, report} = await load();
    const loop = "const heap: number[][] = [];\nwhile (true) heap.push(new Array(1e6).fill(0));";
    await edit(page, "grow-long", loop);
    await expect.poll(() => state(page, "grow-long"), {timeout: 60_000}).toBe("error");
    expect(await text(page, "grow-long")).toBe(
      "MemoryError: Stopped after using more than 500 MB of memory: is an array growing without end? " +
        "Fix the cell and run it again. (line 2)"
    );
    // The line is marked in the editor, and the rest of the page is untouched.
    await expect.poll(() => cell(page, "grow-long").locator(".cm-live-error-line").count()).toBe(1);
    expect(await text(page, "show-b")).toBe("b is 20");
    // The edit was saved: a reload runs it again, and the guard stops it again.
    await page.reload({waitUntil: "networkidle"});
    await expect.poll(() => state(page, "grow-long"), {timeout: 60_000}).toBe("error");
    expect(await text(page, "grow-long")).toContain("Stopped after using more than 500 MB of memory");
    await settled(page);
    expect(await text(page, "show-b")).toBe("b is 20");

    await edit(page, "grow-long", "const heap = [];\nfor (;;) heap.push(new Float64Array(1e6));");
    await expect
      .poll(() => text(page, "grow-long"), {timeout: 60_000})
      .toContain("Stopped after using more than 500 MB");

    // One allocation that could never fit is refused at once, instead of freezing the page.
    await edit(page, "grow", "const chunks = [new Array(1e9).fill(0)];");
    await expect.poll(() => state(page, "grow")).toBe("error");
    expect(await text(page, "grow")).toBe(
      "MemoryError: Stopped before new Array(1000000000), which would take about 8 GB of memory: a cell may use at " +
        "most 500 MB. Make it smaller and run the cell again. (line 1)"
    );
    expect(report.consoleErrors).toEqual([]);
    await page.context().close();
  });

  test("where the browser measures the heap, memory that library code allocates counts too", {
    timeout: 120_000
  }, async () => {
    // Chromium measures the heap for pages only with this switch; without it, the time guard stops such a loop.
    const precise = await chromium.launch({
      executablePath: inject("chromiumPath"),
      args: [...CHROMIUM_ARGS, "--enable-precise-memory-info"]
    });
    try {
      const {page} = await open(precise, PATH);
      await settled(page);
      await edit(page, "grow-long", "const heap = [];\nwhile (true) heap.push(Matrix.zeros(1000, 1000));");
      await expect.poll(() => state(page, "grow-long"), {timeout: 60_000}).toBe("error");
      expect(await text(page, "grow-long")).toContain("MemoryError: Stopped after using more than 500 MB of memory");
      await page.context().close();
    } finally {
      await precise.close();
    }
  });
});

/** Crashes the page's renderer, as running out of memory does. */
async function crash(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const crashed = page.waitForEvent("crash");
  void cdp.send("Page.crash").catch(() => {});
  await crashed;
}

describe("a page that dies during a run", () => {
  test("an edit that was running when the tab crashed is not run on reload; Run and Reset work", {
    timeout: 180_000
  }, async () => {
    const {page} = await load(TRAINING);
    const context = page.context();
    await edit(page, "curve-train", LONG_TRAINING);
    await expect.poll(() => curveSize(page).then((s) => s.pushed), {timeout: 20_000}).toBeGreaterThan(1000);
    expect(await state(page, "curve-train")).toBe("running");
    expect(
      Object.keys(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), MARKS_KEY)) ?? "{}"))
    ).toContain("curve-train");
    await crash(context, page);

    const {page: again, report} = await openIn(context, TRAINING);
    await settled(again);
    expect(await state(again, "curve-train")).toBe("stopped");
    expect(await text(again, "curve-train")).toBe(
      "This edit was running when the page stopped last time (it may have run out of memory), so it was not run " +
        "again. Press Run to try it, or Reset to go back to the lesson's code."
    );
    // The edit is kept and shown, not run; the cell using it waits and says why; the rest of the page ran.
    await expect.poll(() => cell(again, "curve-train").locator(".cm-content").textContent()).toContain("maxIter: 1e7");
    expect(await cell(again, "curve-train").locator(".nn-loss-curve").count()).toBe(0);
    expect(await state(again, "curve-watch")).toBe("waiting");
    expect(await text(again, "curve-watch")).toBe(
      "Waiting for the cell “curve-train”, which was not run: the page stopped while it was running last time. " +
        "This cell runs again once that is resolved."
    );
    expect(await state(again, "uses-helper")).toBe("done");
    await screenshot(again, "live-cells-after-crash");

    // Run tries the edit again; Stop ends it; after that, a reload runs it normally.
    await cell(again, "curve-train").getByRole("button", {name: "Run"}).click();
    await expect.poll(() => curveSize(again).then((s) => s.pushed), {timeout: 20_000}).toBeGreaterThan(100);
    await cell(again, "curve-train").getByRole("button", {name: "Stop"}).click();
    await expect.poll(() => state(again, "curve-train")).toBe("stopped");
    await again.reload({waitUntil: "networkidle"});
    await expect.poll(() => state(again, "curve-train"), {timeout: 20_000}).toBe("running");
    await expect.poll(() => curveSize(again).then((s) => s.pushed), {timeout: 20_000}).toBeGreaterThan(100);

    // Crash again; this time Reset brings back the lesson's cell, which runs to the end.
    await crash(context, again);
    const {page: third} = await openIn(context, TRAINING);
    await settled(third);
    expect(await state(third, "curve-train")).toBe("stopped");
    await cell(third, "curve-train").getByRole("button", {name: "Reset"}).click();
    await expect.poll(() => text(third, "curve-watch"), {timeout: 20_000}).toBe("trained 60 epochs");
    expect(await state(third, "curve-train")).toBe("done");
    expect(await third.evaluate((key) => localStorage.getItem(key), EDIT_KEY)).toBeNull();
    expect(report.consoleErrors).toEqual([]);
    await context.close();
  });

  test("another open tab of the page running the edit is not mistaken for a crash", async () => {
    const {page} = await load(TRAINING);
    const context = page.context();
    await edit(page, "curve-train", LONG_TRAINING);
    await expect.poll(() => curveSize(page).then((s) => s.pushed), {timeout: 20_000}).toBeGreaterThan(100);
    const {page: second} = await openIn(context, TRAINING);
    await expect.poll(() => curveSize(second).then((s) => s.pushed), {timeout: 20_000}).toBeGreaterThan(100);
    expect(await state(second, "curve-train")).toBe("running");
    await context.close();
  });
});

describe("Stop, and long training that stays light", () => {
  test("the loss curve keeps at most 2,000 points and redraws at most once a frame; Stop keeps the edit", async () => {
    const {page, report} = await load(TRAINING);
    await edit(page, "curve-train", LONG_TRAINING);
    await cell(page, "curve-train").scrollIntoViewIfNeeded();
    // Count animation frames and redraws of the curve's line over a while.
    await page.evaluate(() => {
      const counts = {frames: 0, redraws: 0};
      (window as unknown as {counts: typeof counts}).counts = counts;
      const tick = () => {
        counts.frames++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const target = document.querySelector('[data-live-cell="curve-train"] [data-cell-output]') as Element;
      new MutationObserver((records) => {
        counts.redraws += records.filter((r) => (r.target as Element).classList.contains("series")).length;
      }).observe(target, {attributes: true, subtree: true, attributeFilter: ["d"]});
    });
    await expect.poll(() => curveSize(page).then((s) => s.pushed), {timeout: 30_000}).toBeGreaterThan(5000);
    const size = await curveSize(page);
    expect(size.kept).toBeLessThanOrEqual(2000);
    const counts = await page.evaluate(() => (window as unknown as {counts: {frames: number; redraws: number}}).counts);
    expect(counts.redraws).toBeGreaterThan(0);
    expect(counts.redraws).toBeLessThanOrEqual(counts.frames + 1);
    const segments = await cell(page, "curve-train")
      .locator("path.series")
      .getAttribute("d")
      .then((d) => (d ?? "").split("L").length);
    expect(segments).toBeLessThanOrEqual(2000);

    // A running cell shows Stop; Stop ends the run where it is and keeps the edit.
    const stop = cell(page, "curve-train").getByRole("button", {name: "Stop"});
    await expect.poll(() => stop.isVisible()).toBe(true);
    await stop.click();
    await expect.poll(() => state(page, "curve-train")).toBe("stopped");
    expect(await stop.isVisible()).toBe(false);
    const stopped = (await cell(page, "curve-train").locator(".live-cell__stopped").textContent()) ?? "";
    expect(stopped).toMatch(
      /^Stopped by you at step \d+ \(it last showed “epoch \d+: loss \d\.\d{4}”\)\. Your code is kept: Run starts it again\.$/
    );
    // The cell using its outputs keeps the last values; the edit is kept, in the editor and in storage.
    expect(await state(page, "curve-watch")).toBe("done");
    expect(await text(page, "curve-watch")).toMatch(/^trained [1-9]\d* epochs$/);
    expect(await cell(page, "curve-train").locator(".cm-content").textContent()).toContain("maxIter: 1e7");
    const saved = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), EDIT_KEY)) ?? "{}");
    expect(saved.source).toContain("maxIter: 1e7");
    const pushed = (await curveSize(page)).pushed;
    await page.waitForTimeout(300);
    expect((await curveSize(page)).pushed).toBe(pushed); // training really stopped
    await screenshot(page, "live-cells-stopped");

    // A cell waiting on a promise that never settles can be stopped too.
    await edit(page, "uses-helper", "const never: number = await new Promise(() => {});");
    await expect.poll(() => cell(page, "uses-helper").getByRole("button", {name: "Stop"}).isVisible()).toBe(true);
    await cell(page, "uses-helper").getByRole("button", {name: "Stop"}).click();
    await expect.poll(() => state(page, "uses-helper")).toBe("stopped");
    expect(await text(page, "uses-helper")).toMatch(
      /^Stopped by you after \d+\.\d s, before the cell finished\. Your code is kept: Run starts it again\.$/
    );
    expect(report.consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe("messages that tell the truth", () => {
  test("a redefinition names the name, the other cell and the fix; cells that did nothing wrong wait", async () => {
    const {page, report} = await load();
    await edit(page, "b", "const b = a * 10;\nconst spins = 1;");
    await expect.poll(() => state(page, "b")).toBe("error");
    expect(await text(page, "b")).toBe(
      "spins is already defined by the cell “spin” (line 2): a name can be defined by one cell only. " +
        "Rename spins in this cell, or remove it from the cell “spin”."
    );
    await expect.poll(() => cell(page, "b").locator(".cm-live-error-line").count()).toBe(1);
    // The cell that defined spins first, and the cells using it, are untouched.
    expect([await state(page, "spin"), await state(page, "after-spin"), await state(page, "a")]).toEqual([
      "done",
      "done",
      "done"
    ]);
    expect(await text(page, "after-spin")).toBe("spins: 1000");
    // The cells using b wait, and say what for.
    for (const id of ["show-b", "scaled", "uses-ordinary"]) {
      await expect.poll(() => state(page, id)).toBe("waiting");
      expect(await text(page, id)).toBe(
        "Waiting for the cell “b”, which cannot run: it defines spins, which the cell “spin” defines already. " +
          "This cell runs again once that is resolved."
      );
    }
    await screenshot(page, "live-cells-conflict");
    // Renaming fixes everything.
    await edit(page, "b", "const b = a * 10;\nconst moreSpins = 1;");
    await expect.poll(() => text(page, "show-b")).toBe("b is 20");
    expect(await state(page, "uses-ordinary")).toBe("done");

    // A name a fixed (non-editable) cell of the page holds: the slider's scale.
    await edit(page, "a", "const a = 2;\nconst scale = 1;");
    await expect.poll(() => state(page, "a")).toBe("error");
    expect(await text(page, "a")).toBe(
      "scale is already defined by a part of this page you cannot edit (line 2): a name can be defined by one " +
        "cell only. Rename scale in this cell."
    );
    // When the first definer gives the name up, the blocked cell takes it.
    await cell(page, "a").getByRole("button", {name: "Reset"}).click();
    await edit(page, "spin", "let spinz = 0;");
    await edit(page, "b", "const b = a * 10;\nconst spins = 7;");
    await expect.poll(() => text(page, "after-spin")).toBe("spins: 7");
    await expect.poll(() => text(page, "show-b")).toBe("b is 20");
    // Framework reports the errors of its own (non-live) cells in the console: here, the ordinary cell using b.
    for (const error of report.consoleErrors) expect(error).toMatch(/^RuntimeError: Waiting for the cell “[ab]”/);
    await page.context().close();
  });

  test("a cell may import d3 on a page whose hidden helper cell imports it", async () => {
    const {page, report} = await load(TRAINING);
    await edit(page, "uses-helper", 'import * as d3 from "d3";\nconst pi = d3.format(".3f")(Math.PI);\ndisplay(pi);');
    await expect.poll(() => state(page, "uses-helper")).toBe("done");
    expect(await text(page, "uses-helper")).toBe("3.142");
    expect(await text(page, "curve-watch")).toBe("trained 60 epochs");
    expect(report.consoleErrors).toEqual([]);
    await page.context().close();
  });

  test("edited but not run: the output is marked out of date until the cell runs", async () => {
    const {page} = await load();
    await edit(page, "a", "const a = 3;", false);
    const marker = cell(page, "a").locator(".live-cell__unrun");
    await expect.poll(() => marker.isVisible()).toBe(true);
    expect(await marker.textContent()).toBe("not run yet");
    expect(await cell(page, "a").getAttribute("data-unrun")).not.toBeNull();
    expect(await text(page, "show-b")).toBe("b is 20");
    await page.keyboard.press("Shift+Enter");
    await expect.poll(() => text(page, "show-b")).toBe("b is 30");
    expect(await marker.isVisible()).toBe(false);
    expect(await cell(page, "a").getAttribute("data-unrun")).toBeNull();
    await page.context().close();
  });

  test("text is shown as text; a thrown object is shown; runtime errors have their line, marked in the editor", async () => {
    const {page} = await load();
    // Strings, yielded or not, without quotes or backticks.
    expect(await text(page, "show-b")).toBe("b is 20");
    expect(await text(page, "train")).toBe("epoch 90");
    await edit(page, "show-b", `\`the lines pass on \${b / 20} and \${b / 4}\``);
    await expect.poll(() => text(page, "show-b")).toBe("the lines pass on 1 and 5");

    await edit(page, "spin", "let spins = 1;\nthrow {code: 42};");
    await expect.poll(() => state(page, "spin")).toBe("error");
    expect(await text(page, "spin")).toBe('Thrown value: {"code":42}');

    await edit(page, "spin", "const factor = 2;\nlet spins = factor * nosuchName;");
    await expect
      .poll(() => text(page, "spin"))
      .toBe(
        "nosuchName is not defined (line 2): no cell on this page defines it. Check the spelling, or define it in a cell."
      );
    expect(await state(page, "spin")).toBe("error");
    await expect.poll(() => cell(page, "spin").locator(".cm-live-error-line").count()).toBe(1);
    expect(await cell(page, "spin").locator(".cm-live-error-line").textContent()).toContain("nosuchName");

    await edit(page, "spin", "const xs = [1, 2];\nlet spins = (xs as any).nope.length;");
    await expect.poll(() => text(page, "spin")).toMatch(/^TypeError: .* \(line 2\)$/);
    expect(await cell(page, "spin").locator(".cm-live-error-line").textContent()).toContain("nope");
    await edit(page, "spin", "let spins = 2;");
    await expect.poll(() => text(page, "after-spin")).toBe("spins: 2");
    expect(await cell(page, "spin").locator(".cm-live-error-line").count()).toBe(0);
    await page.context().close();
  });

  test("a cell whose code was deleted says so, and so do the cells that used it", async () => {
    const {page} = await load();
    await edit(page, "b", "");
    await expect.poll(() => text(page, "b")).toBe("This cell is empty. Reset brings back the lesson's code.");
    await expect.poll(() => state(page, "show-b")).toBe("error");
    expect(await text(page, "show-b")).toBe(
      "b is not defined (line 1): the cell “b” defined it, but its code was deleted. Reset that cell, or define b again."
    );
    await cell(page, "b").getByRole("button", {name: "Reset"}).click();
    await expect.poll(() => text(page, "show-b")).toBe("b is 20");
    await edit(page, "b", "const c = 1;");
    await expect.poll(() => text(page, "show-b")).toContain("the cell “b” defined it, but its code no longer does.");
    await page.context().close();
  });

  test("the editor says, on the page and in its accessible description, how to leave it", async () => {
    const {page} = await load();
    await cell(page, "a").getByRole("button", {name: "Edit"}).click();
    const content = cell(page, "a").locator(".cm-content");
    await content.waitFor();
    const hint = "Shift+Enter runs the cell. Tab indents; to leave the editor, press Escape, then Tab.";
    expect(await cell(page, "a").locator(".live-cell__keys").textContent()).toBe(hint);
    expect(await cell(page, "a").locator(".live-cell__keys").isVisible()).toBe(true);
    const described = await content.evaluate((el) => {
      const id = el.getAttribute("aria-describedby");
      return id ? document.getElementById(id)?.textContent : null;
    });
    expect(described).toBe(hint);
    // Tab still indents inside the editor.
    await content.focus();
    await page.keyboard.press("End");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("cm-content"))).toBe(true);
    await page.context().close();
  });
});
