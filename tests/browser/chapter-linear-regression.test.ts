// Chapter 1, "Linear regression is a one-layer network", in real Chromium on the built site: every live cell runs
// to done without an error, the numbers the prose relies on are the ones the cells print, the sliders drive the
// table and the map, training lowers the loss and arrives at (0.15, 0.15, −0.2), and every exercise's reference
// solution passes its check in the page. The prose's "Try this" claims about other learning rates are checked
// here by running the chapter's update rule in Node.
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {Random} from "../../src/lib/nn/index.js";
import {cellOutput, launch, liveCell, open, type PageReport, screenshot} from "./browser.js";

const PATH = "/linear-regression";
const EXERCISES = ["predict", "mse", "weights", "fit-line"];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const cell = liveCell;
const output = cellOutput;
const text = (page: Page, id: string): Promise<string> =>
  output(page, id)
    .textContent()
    .then((t) => t ?? "");

/** Waits until no live cell is running (training takes a few seconds of animation). */
async function settled(page: Page, timeout = 40_000): Promise<void> {
  await page.waitForFunction(
    () => document.querySelectorAll('[data-live-cell][data-state="running"]').length === 0,
    null,
    {timeout}
  );
}

function expectClean(report: PageReport): void {
  expect(report.consoleErrors).toEqual([]);
  expect(report.failedRequests).toEqual([]);
  expect(report.foreignRequests).toEqual([]);
}

/** The numbers in a cell's matrix tables, row by row (row labels left out). */
function tableRows(page: Page, id: string): Promise<number[][]> {
  return output(page, id)
    .locator("table")
    .first()
    .evaluate((table) =>
      [...table.querySelectorAll("tbody tr")].map((tr) =>
        [...tr.querySelectorAll("td")].map((td) => Number(td.getAttribute("title") ?? td.textContent))
      )
    );
}

async function expectAllDone(page: Page): Promise<void> {
  const states = await page.$$eval("[data-live-cell]", (cells) =>
    cells.map((c) => `${c.getAttribute("data-live-cell")}=${c.getAttribute("data-state")}`)
  );
  expect(states.length).toBeGreaterThanOrEqual(18);
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

/** The chapter's update rule (w ← w − η·∂MSE/∂w) from the chapter's seeded start; returns the MSE after each epoch. */
function descend(learningRate: number, epochs: number): {losses: number[]; w1: number; w2: number; b: number} {
  const X = [
    [0, 0],
    [1, 0],
    [0, 1],
    [1, 1]
  ];
  const z = [-0.2, -0.05, -0.05, 0.1];
  const rng = new Random(7);
  let [w1, w2, b] = [rng.uniform(-0.5, 0.5), rng.uniform(-0.5, 0.5), rng.uniform(-0.5, 0.5)];
  const mse = () => X.reduce((s, [x1, x2], i) => s + (w1 * x1 + w2 * x2 + b - z[i]) ** 2, 0) / X.length;
  const losses = [mse()];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const r = X.map(([x1, x2], i) => w1 * x1 + w2 * x2 + b - z[i]);
    const m = X.length;
    const d1 = (2 / m) * r.reduce((s, e, i) => s + e * X[i][0], 0);
    const d2 = (2 / m) * r.reduce((s, e, i) => s + e * X[i][1], 0);
    const db = (2 / m) * r.reduce((s, e) => s + e, 0);
    [w1, w2, b] = [w1 - learningRate * d1, w2 - learningRate * d2, b - learningRate * db];
    losses.push(mse());
  }
  return {losses, w1, w2, b};
}

describe("chapter 1: linear regression", () => {
  test("every cell runs, prints the chapter's numbers, trains to (0.15, 0.15, −0.2), and every solution passes", async () => {
    const {page, report} = await open(browser, PATH);
    try {
      // While training runs, its printed MSE goes down.
      const seen: number[] = [];
      for (let k = 0; k < 6 && (await cell(page, "train").getAttribute("data-state")) === "running"; k++) {
        const match = /MSE ([\d.e+-]+)/.exec(await text(page, "train"));
        if (match) seen.push(Number(match[1]));
        await page.waitForTimeout(400);
      }
      expect(seen.length).toBeGreaterThanOrEqual(2);
      for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeLessThanOrEqual(seen[i - 1]);

      await settled(page);
      await expectAllDone(page);

      // A neuron: weights 0.5 and 2.5 pass on half and 2.5 times the signal 2.
      expect(await text(page, "neuron")).toMatch(/the lines pass on 1 and 5[\s"]*the neuron outputs 6/);
      // One layer after the input, three parameters.
      expect(await text(page, "regression-net")).toMatch(
        /layers after the input: 1[\s"]*2 → 1 identity \(3 parameters\)/
      );
      expect(await output(page, "regression-net").locator("svg").getAttribute("aria-label")).toContain(
        "the output is [0.1]"
      );

      // The table of seed 000.
      expect(await tableRows(page, "data")).toEqual([
        [0, 0, -0.2],
        [1, 0, -0.05],
        [0, 1, -0.05],
        [1, 1, 0.1]
      ]);
      expect(await text(page, "data")).toContain("X.shape = [4,2]");

      // w₁ = w₂ = 0.15, b = −0.2 reproduce z; the residuals are 0 or rounding of order 1e-17.
      const loop = await tableRows(page, "linear-r");
      for (const [target, prediction, residual] of loop) {
        expect(prediction).toBeCloseTo(target, 12);
        expect(Math.abs(residual)).toBeLessThan(1e-16);
      }
      expect(loop.some(([, , residual]) => residual === 0)).toBe(true);
      expect(loop.map(([, , residual]) => residual).filter((r) => r !== 0)[0]).toBeCloseTo(-1.4e-17, 18);
      expect(await text(page, "linear-r")).toMatch(/largest \|residual\|: 2\.77\d*e-17/);

      // All samples at once: (4×2)·(2×1) → (4×1), identical to the loop.
      const vectorised = await text(page, "vectorised");
      expect(vectorised).toContain("ẑ has shape [4,1]");
      expect(vectorised).toContain("largest gap to linearR's predictions: 0");
      expect(await output(page, "vectorised").locator(".katex").count()).toBeGreaterThan(0);
      // The shape mismatch on purpose, and the message the prose explains.
      expect(await text(page, "mismatch")).toContain("matmul: (4×2)·(1×2) — inner sizes 2 and 1 differ");

      // The MSE: practically 0 for the seed weights; 0.01375 for all zeros, and the library's ½·MSE is half of it.
      const mse = await text(page, "mse-at");
      expect(mse).toMatch(/MSE at \(0\.15, 0\.15, -0\.2\): [\d.]+e-34/);
      expect(mse).toContain("MSE at (0, 0, 0): 0.01375");
      expect(mse).toContain("library's mse at (0, 0, 0): 0.006875");

      // The sliders start at 0 (the all-zero guess); at (0.15, 0.15, −0.2) the MSE is 0.00000.
      expect(await text(page, "guess")).toContain("MSE = 0.01375");
      expect(await text(page, "guess")).toContain("w₁ = 0.000, w₂ = 0.000: MSE 0.01375");
      await setSlider(page, 0, 0.15);
      await setSlider(page, 1, 0.15);
      await setSlider(page, 2, -0.2);
      await expect.poll(() => text(page, "guess")).toContain("MSE = 0.00000");
      await expect.poll(() => text(page, "guess")).toContain("b fixed at -0.2");
      expect(await text(page, "guess")).toMatch(/w₁ = 0\.150, w₂ = 0\.150: MSE \d(\.\d+)?e-\d\d/);
      // With b = 0 no choice of weights fits: the first row (x₁ = x₂ = 0) is then always off by 0.2.
      await setSlider(page, 2, 0);
      await expect.poll(() => text(page, "guess")).toMatch(/MSE = 0\.0[1-9]/);
      await settled(page);

      // The gradient at zero: weights pushed up, bias pushed down.
      const gradient = await text(page, "gradient");
      expect(gradient).toContain("∂MSE/∂w₁ = -0.025, ∂MSE/∂w₂ = -0.025");
      expect(gradient).toContain("∂MSE/∂b = 0.1");
      expect(await text(page, "start")).toContain("start: w₁ = -0.488, w₂ = -0.438, b = 0.477");

      // Training: the printed loss fell from its start, and the weights are (0.15, 0.15, −0.2) to four decimals.
      const trained = await text(page, "train");
      const final =
        /epoch 150: MSE ([\d.e+-]+), down from ([\d.]+)\s+w₁ = ([\d.-]+), w₂ = ([\d.-]+), b = ([\d.-]+)/.exec(trained);
      expect(final).not.toBeNull();
      const [, last, first, w1, w2, b] = final as RegExpExecArray;
      expect(Number(first)).toBeCloseTo(0.1924, 4);
      expect(Number(last)).toBeLessThan(1e-12);
      expect([w1, w2, b]).toEqual(["0.1500", "0.1500", "-0.2000"]);
      // The diagram's output node settles at the table's 0.1 for x = (1, 1); the loss curve has every epoch.
      expect(await output(page, "fit-figures").locator(".nn-network svg").getAttribute("aria-label")).toContain(
        "the output is [0.1]"
      );
      const curve = output(page, "fit-figures").locator(".nn-loss-curve");
      await curve.scrollIntoViewIfNeeded();
      await expect.poll(() => curve.textContent().then((t) => t ?? "")).toContain("epoch 150");

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
      await settled(page);
      expectClean(report);
    } finally {
      await page.context().close();
    }
  });

  test("the prose's claims about other learning rates hold for the chapter's update rule", () => {
    // η = 0.5 (the cell's value) converges within 150 epochs.
    const good = descend(0.5, 150);
    expect(good.losses[0]).toBeCloseTo(0.1924, 4);
    expect([good.w1, good.w2, good.b].map((v) => v.toFixed(4))).toEqual(["0.1500", "0.1500", "-0.2000"]);
    // η = 0.05: after 150 epochs still far from the answer.
    const slow = descend(0.05, 150);
    expect(Math.abs(slow.w1 - 0.15)).toBeGreaterThan(0.03);
    expect(Math.abs(slow.b + 0.2)).toBeGreaterThan(0.03);
    // η = 0.7: the loss falls for a few epochs, then grows without end.
    const wild = descend(0.7, 150);
    expect(wild.losses[3]).toBeLessThan(wild.losses[0]);
    expect(wild.losses[150]).toBeGreaterThan(1e6);
    expect(wild.losses[150]).toBeGreaterThan(wild.losses[100]);
  });

  for (const [colorScheme, width] of [
    ["light", 1200],
    ["dark", 1200],
    ["light", 390],
    ["dark", 390]
  ] as const) {
    test(`reads cleanly in ${colorScheme} at ${width} px`, async () => {
      const {page, report} = await open(browser, PATH, {colorScheme, width});
      try {
        await settled(page);
        await expectAllDone(page);
        // Nothing sticks out sideways: wide code scrolls inside its cell, figures shrink to fit.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await screenshot(page, `chapter-linear-regression-${colorScheme}-${width}`);
        expectClean(report);
      } finally {
        await page.context().close();
      }
    });
  }
});
