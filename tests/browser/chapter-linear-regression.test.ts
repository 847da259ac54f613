// Chapter 1, "Linear regression is a one-layer network", in real Chromium on the built site: every live cell runs
// to done without an error, every number the prose states is read from the page and compared, the sliders drive the
// squares and the map, training lowers the cost and arrives at (0.15, 0.15, −0.2), each "Try this" does what the
// text says when a learner makes the edit, and every exercise's reference solution passes its check in the page.
// Numbers are read with regular expressions on the numbers themselves, so the tests do not depend on how the
// live-cell engine quotes strings.
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {
  cellOutput,
  editCell,
  launch,
  liveCell,
  numberAfter,
  open,
  type PageReport,
  screenshot,
  settled,
  tableNumbers
} from "./browser.js";

const PATH = "/linear-regression";
const EXERCISES = ["predict", "mse", "weights", "fit-line"];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// innerText keeps a line break between two printed values, as the reader sees them.
const text = (page: Page, id: string): Promise<string> => cellOutput(page, id).innerText();

/** The first number after `label` in a cell's output (e.g. number(page, "train", /MSE by/)). */
const number = async (page: Page, id: string, label: RegExp): Promise<number> =>
  numberAfter(await text(page, id), label);

function expectClean(report: PageReport): void {
  expect(report.consoleErrors).toEqual([]);
  expect(report.failedRequests).toEqual([]);
  expect(report.foreignRequests).toEqual([]);
}

async function cellStates(page: Page): Promise<string[]> {
  return page.$$eval("[data-live-cell]", (cells) =>
    cells.map((c) => `${c.getAttribute("data-live-cell")}=${c.getAttribute("data-state")}`)
  );
}

async function expectAllDone(page: Page): Promise<void> {
  const states = await cellStates(page);
  expect(states.length).toBeGreaterThanOrEqual(20);
  expect(states.filter((s) => !s.endsWith("=done"))).toEqual([]);
}

/** Moves one of the three guess sliders (0: w₁, 1: w₂, 2: b) to `value`. */
async function setSlider(page: Page, index: number, value: number): Promise<void> {
  await page
    .locator(".guess-sliders input[type=range]")
    .nth(index)
    .evaluate((input, v) => {
      (input as HTMLInputElement).value = String(v);
      input.dispatchEvent(new Event("input", {bubbles: true}));
    }, value);
}

describe("chapter 1: linear regression", () => {
  test("every cell runs and prints the numbers the prose states; training reaches (0.15, 0.15, −0.2); every solution passes", async () => {
    const {page, report} = await open(browser, PATH);
    try {
      // While training runs, its printed MSE goes down.
      const seen: number[] = [];
      for (let k = 0; k < 6 && (await liveCell(page, "train").getAttribute("data-state")) === "running"; k++) {
        const match = /MSE (\d[\d.e+-]*)/.exec(await text(page, "train"));
        if (match) seen.push(Number(match[1]));
        await page.waitForTimeout(400);
      }
      expect(seen.length).toBeGreaterThanOrEqual(2);
      for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeLessThanOrEqual(seen[i - 1]);

      await settled(page);
      await expectAllDone(page);

      // A neuron: weights 0.5 and 2.5 pass on 1 and 5 of the signal 2; with the bias 1 the neuron outputs 7.
      expect(await text(page, "neuron")).toMatch(/the lines pass on 1 and 5\W+the neuron outputs 7\b/);
      // One layer after the input, three parameters; the diagram's output for (1, 1) is 0.1.
      expect(await number(page, "regression-net", /layers after the input:/)).toBe(1);
      expect(await text(page, "regression-net")).toMatch(/2 → 1 identity \(3 parameters\)/);
      expect(await cellOutput(page, "regression-net").locator("svg").first().getAttribute("aria-label")).toContain(
        "the output is [0.1]"
      );

      // The table: m = 4 samples, n = 2 features.
      expect(await tableNumbers(page, "data")).toEqual([
        [0, 0, -0.2],
        [1, 0, -0.05],
        [0, 1, -0.05],
        [1, 1, 0.1]
      ]);
      expect(await text(page, "data")).toMatch(/X\.shape = \[4,2\]/);

      // w₁ = w₂ = 0.15, b = −0.2 reproduce y; the residuals are 0 or about 1e-17, such as −1.388e-17.
      const loop = await tableNumbers(page, "linear-r");
      for (const [target, prediction, residual] of loop) {
        expect(prediction).toBeCloseTo(target, 12);
        expect(Math.abs(residual)).toBeLessThan(1e-16);
      }
      expect(loop.some(([, , residual]) => residual === 0)).toBe(true);
      expect(loop.map(([, , residual]) => Number(residual.toPrecision(4)))).toContain(-1.388e-17);
      expect(await number(page, "linear-r", /largest \|residual\|:/)).toBeCloseTo(2.776e-17, 19);
      expect(await number(page, "linear-r", /0\.15 \+ \(-0\.2\) =/)).toBe(-0.05000000000000002);

      // All samples at once: (4×2)·(2×1) → (4×1), identical to the loop, and typeset.
      expect(await text(page, "vectorised")).toMatch(/ŷ has shape \[4,1\]/);
      expect(await number(page, "vectorised", /largest gap to linearR's predictions:/)).toBe(0);
      expect(await cellOutput(page, "vectorised").locator(".katex").count()).toBeGreaterThan(0);
      // The shape mismatch on purpose, and the message the prose explains.
      expect(await text(page, "mismatch")).toContain("matmul: (4×2)·(1×2) — inner sizes 2 and 1 differ");

      // The MSE: practically 0 for the table's weights; 0.01375 for all zeros; the library's ½·MSE is half of it.
      expect(await text(page, "mse-at")).toMatch(/MSE at \(0\.15, 0\.15, -0\.2\): \d(\.\d+)?e-34/);
      expect(await number(page, "mse-at", /MSE at \(0, 0, 0\):/)).toBe(0.01375);
      expect(await number(page, "mse-at", /library's mse at \(0, 0, 0\):/)).toBe(0.006875);

      // The sliders start at 0 (the all-zero guess): the squares' mean area and the map agree with the MSE.
      expect(await number(page, "guess", /MSE =/)).toBe(0.01375);
      const squares = cellOutput(page, "guess").locator(".nn-residual-plot");
      expect(await squares.textContent()).toMatch(/mean area of the squares\): 0\.01375/);
      expect(await squares.locator("rect.square").count()).toBe(4);
      expect(await cellOutput(page, "guess").locator(".nn-loss-map").textContent()).toMatch(
        /w₁ = 0, w₂ = 0: MSE 0\.01375/
      );
      // At (0.15, 0.15, −0.2) the squares vanish and the MSE is 0.00000.
      await setSlider(page, 0, 0.15);
      await setSlider(page, 1, 0.15);
      await setSlider(page, 2, -0.2);
      await expect.poll(() => number(page, "guess", /MSE =/)).toBe(0);
      expect(await text(page, "guess")).toMatch(/MSE = 0\.00000/);
      await expect.poll(() => text(page, "guess")).toMatch(/b fixed at -0\.2/);
      const sides = await cellOutput(page, "guess")
        .locator("rect.square")
        .evaluateAll((rects) => rects.map((r) => Number(r.getAttribute("width"))));
      expect(Math.max(...sides)).toBeLessThan(0.01);
      // With b = 0 no choice of the weights fits: the first row is then always off by 0.2.
      await setSlider(page, 2, 0);
      await expect.poll(() => number(page, "guess", /MSE =/)).toBeGreaterThan(0.01);
      await settled(page);

      // The slope by nudging, −0.0245, next to the formula's −0.025; the other slopes.
      expect(await number(page, "nudge", /at the all-zero guess:/)).toBe(-0.0245);
      expect(await number(page, "gradient", /∂J\/∂w₁ =/)).toBe(-0.025);
      expect(await text(page, "gradient")).toMatch(/-0\.025 by the formula, -0\.0245 by nudging/);
      expect(await number(page, "gradient", /∂J\/∂w₂ =/)).toBe(-0.025);
      expect(await number(page, "gradient", /∂J\/∂b =/)).toBe(0.1);
      expect(await text(page, "start")).toMatch(/start: w₁ = -0\.488, w₂ = -0\.438, b = 0\.477/);

      // Training: the cost fell from its start, the weights are (0.15, 0.15, −0.2) to four decimals, and each epoch
      // multiplies the MSE by 0.711.
      const trained = await text(page, "train");
      expect(trained).toMatch(/epoch 150:/);
      expect(await number(page, "train", /\(start/)).toBe(0.1924);
      expect(await number(page, "train", /MSE/)).toBeLessThan(1e-20);
      expect(trained).toMatch(/w₁ = 0\.1500, w₂ = 0\.1500, b = -0\.2000/);
      expect(await number(page, "train", /multiplied the MSE by/)).toBe(0.711);
      // The diagram's output for x = (1, 1) settles at the table's 0.1; the cost curve has every epoch; the map's
      // trail has every point.
      const figures = cellOutput(page, "fit-figures");
      expect(await figures.locator(".nn-network svg").getAttribute("aria-label")).toContain("the output is [0.1]");
      const curve = figures.locator(".nn-loss-curve");
      await curve.scrollIntoViewIfNeeded();
      await expect.poll(() => curve.textContent().then((t) => t ?? "")).toContain("epoch 150");
      expect(await figures.locator(".nn-loss-map svg").getAttribute("aria-label")).toContain("after 150 steps");

      // The challenge: the largest learning rate that converges is 0.628, folded away.
      expect(await number(page, "largest-rate", /largest learning rate that converges:/)).toBe(0.628);
      expect(await cellOutput(page, "largest-rate").locator("details").getAttribute("open")).toBeNull();

      // The exercise's picture shows the starter's flat line at 0.
      expect(await text(page, "fit-line-plot")).toMatch(/your line: ŷ = 0\.000 \+ 0\.000·x/);

      // Exercises: pending on a fresh load; "Show solution" then Run makes each one pass.
      for (const id of EXERCISES) {
        const root = page.locator(`[data-exercise="linear-regression/${id}"]`);
        expect(await root.getAttribute("data-status")).toBe("pending");
        page.once("dialog", (dialog) => dialog.accept());
        await root.getByRole("button", {name: "Show solution"}).click();
        await expect.poll(() => root.getAttribute("data-status"), {timeout: 10_000}).toBe("passed");
        await root.getByRole("button", {name: "Run"}).click();
        await expect.poll(() => root.getAttribute("data-status"), {timeout: 10_000}).toBe("passed");
        expect(
          await root
            .locator(".exercise__result")
            .textContent()
            .then((t) => t ?? "")
        ).toMatch(/✓/);
      }
      // With the solution, the exercise's picture shows a line near y = 1 + 2x.
      await expect.poll(() => number(page, "fit-line-plot", /your line: ŷ =/)).toBeCloseTo(1, 1);
      expect(await number(page, "fit-line-plot", /\+/)).toBeCloseTo(2, 1);
      await settled(page);
      expectClean(report);
    } finally {
      await page.context().close();
    }
  }, 180_000);

  test("each Try this does what the text says", async () => {
    const {page, report} = await open(browser, PATH);
    try {
      await settled(page);
      // A negative weight: the line turns orange and the output drops below zero.
      await editCell(page, "neuron", ["[0.5, 2.5]", "[0.5, -2]"]);
      expect(await number(page, "neuron", /the neuron outputs/)).toBe(-2);
      const strokes = await cellOutput(page, "neuron")
        .locator("line.edge")
        .evaluateAll((lines) => lines.map((l) => l.getAttribute("stroke")));
      expect(strokes).toContain("var(--nn-neg)");
      // b = −0.1: every prediction and every residual rises by 0.1.
      await editCell(page, "linear-r", ["const b = -0.2;", "const b = -0.1;"]);
      for (const [, , residual] of await tableNumbers(page, "linear-r")) expect(residual).toBeCloseTo(0.1, 12);
      await editCell(page, "linear-r", ["const b = -0.1;", "const b = -0.2;"]);
      // The mismatch fixed: the message gives way to the shape of the result, and nothing else is printed.
      await editCell(page, "mismatch", ["Matrix.row", "Matrix.column"]);
      expect((await text(page, "mismatch")).replace(/["'`\s]/g, "")).toBe("theproductworks:shape[4,1]");
      // A finer nudge: −0.02495.
      await editCell(page, "nudge", ["const nudge = 0.001;", "const nudge = 0.0001;"]);
      expect(await number(page, "nudge", /at the all-zero guess:/)).toBe(-0.02495);

      // Learning rates. 0.05: after 150 epochs the weights are still far from the answer.
      await editCell(page, "train", ["const learningRate = 0.5;", "const learningRate = 0.05;"]);
      expect(Math.abs((await number(page, "train", /w₁ =/)) - 0.15)).toBeGreaterThan(0.03);
      expect(Math.abs((await number(page, "train", /b =/)) + 0.2)).toBeGreaterThan(0.03);
      // 0.7: every epoch multiplies the MSE by 1.514; the pictures keep their marks inside.
      await editCell(page, "train", ["const learningRate = 0.05;", "const learningRate = 0.7;"]);
      expect(await number(page, "train", /multiplied the MSE by/)).toBe(1.514);
      expect(await number(page, "train", /MSE/)).toBeGreaterThan(1e20);
      const figures = cellOutput(page, "fit-figures");
      await figures.scrollIntoViewIfNeeded();
      await expect.poll(() => figures.locator(".nn-loss-map").textContent()).toMatch(/off the map/);
      const outputValue = await figures.locator(".nn-network text.value").last().textContent();
      expect((outputValue ?? "").length).toBeLessThanOrEqual(5);
      // 100: the cost overflows and the loop stops in epoch 63, naming the learning rate.
      await editCell(page, "train", ["const learningRate = 0.7;", "const learningRate = 100;"]);
      expect(await liveCell(page, "train").getAttribute("data-state")).toBe("error");
      expect(await liveCell(page, "train").textContent()).toMatch(
        /training stopped in epoch 63: the loss became (Infinity|NaN) with learning rate 100\./
      );
      await liveCell(page, "train").getByRole("button", {name: "Reset"}).click();
      await page.waitForTimeout(100);
      await settled(page);
      expect(await number(page, "train", /multiplied the MSE by/)).toBe(0.711);

      // A fifth sample: the same lines work for any number of samples.
      await editCell(page, "data", ["[1, 1]]);", "[1, 1], [0.5, 0.5]]);"], ["0.05, 0.1];", "0.05, 0.1, -0.05];"]);
      expect(await text(page, "data")).toMatch(/X\.shape = \[5,2\]/);
      expect(await text(page, "vectorised")).toMatch(/ŷ has shape \[5,1\]/);
      await expectAllDone(page);
      expect(await text(page, "train")).toMatch(/w₁ = 0\.1500, w₂ = 0\.1500, b = -0\.2000/);
      expectClean(report);
    } finally {
      await page.context().close();
    }
  }, 300_000);

  for (const [colorScheme, width] of [
    ["light", 1200],
    ["dark", 1200],
    ["light", 375],
    ["dark", 375]
  ] as const) {
    test(`reads cleanly in ${colorScheme} at ${width} px`, async () => {
      const {page, report} = await open(browser, PATH, {colorScheme, width});
      try {
        await settled(page);
        await expectAllDone(page);
        // Nothing sticks out sideways: wide code scrolls inside its cell, figures shrink to fit, and no formula is
        // cut off (each display formula fits its box).
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        const cut = await page.$$eval("main .katex-display", (all) =>
          all.filter((d) => d.scrollWidth > d.clientWidth + 1).map((d) => d.textContent?.slice(0, 40))
        );
        expect(cut).toEqual([]);
        // The maps' tick labels stay readable (drawn at their real size, not shrunk with a viewBox).
        const ticks = await page.$$eval(".nn-loss-map .nn-axis text", (texts) =>
          texts.map((t) => t.getBoundingClientRect().height)
        );
        expect(ticks.length).toBeGreaterThan(0);
        expect(Math.min(...ticks)).toBeGreaterThanOrEqual(10);
        await screenshot(page, `chapter-linear-regression-${colorScheme}-${width}`);
        expectClean(report);
      } finally {
        await page.context().close();
      }
    });
  }
});
