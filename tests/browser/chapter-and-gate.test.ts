// Chapter 2, the AND gate: the page loads clean, every live cell finishes, the numbers the prose states are the ones
// the cells print, the sigmoid neuron learns while the step neuron stays put, the sliders move the decision line,
// every exercise's reference solution passes, and the page reads in light and dark, at desktop and phone width.
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {launch, open, type PageReport, screenshot} from "./browser.js";

const PATH = "/and-gate";
const EXERCISES = ["sigmoid", "step-and", "or-nand", "xor-search"];

let browser: Browser;
let page: Page;
let report: PageReport;

beforeAll(async () => {
  browser = await launch();
  ({page, report} = await open(browser, PATH));
  await settled(page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** Waits until no live cell is running (the two training cells take a few seconds). */
async function settled(p: Page): Promise<void> {
  await p.waitForFunction(
    () => document.querySelectorAll('[data-live-cell][data-state="running"]').length === 0,
    null,
    {timeout: 60_000}
  );
}

const cell = (p: Page, id: string) => p.locator(`[data-live-cell="${id}"]`);
const output = async (p: Page, id: string): Promise<string> =>
  (await cell(p, id).locator("[data-cell-output]").textContent()) ?? "";

/** The numbers of a table printed by matrixView in a cell's output (row labels left out), one array per row. */
function table(p: Page, id: string, index = 0): Promise<number[][]> {
  return cell(p, id)
    .locator("[data-cell-output] table.nn-matrix")
    .nth(index)
    .evaluate((t) =>
      [...t.querySelectorAll("tbody tr")].map((tr) =>
        [...tr.querySelectorAll("td")].map((td) => Number(td.getAttribute("title") ?? td.textContent))
      )
    );
}

const column = (rows: number[][], j: number) => rows.map((row) => row[j]);
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe("chapter 2: the AND gate", () => {
  it("loads with no console error or failed request, and every live cell reaches done", async () => {
    const states = await page.$$eval("[data-live-cell]", (cells) => cells.map((c) => c.getAttribute("data-state")));
    expect(states.length).toBeGreaterThanOrEqual(17);
    expect(states.filter((s) => s !== "done")).toEqual([]);
    expect(report.consoleErrors).toEqual([]);
    expect(report.failedRequests).toEqual([]);
    expect(report.foreignRequests).toEqual([]);
    // Math is typeset at build time.
    expect(await page.locator("main .katex").count()).toBeGreaterThan(50);
  });

  it("section 1: the sigmoid's properties are the ones the table prints", async () => {
    const rows = await table(page, "sigma");
    const inputs = [-10, -2, -1, 0, 1, 2, 10];
    expect(rows).toHaveLength(inputs.length);
    rows.forEach(([s, sMinus, oneMinus, slope], i) => {
      expect(s).toBeCloseTo(sigmoid(inputs[i]), 12);
      expect(sMinus).toBeCloseTo(oneMinus, 12); // σ(−z) = 1 − σ(z)
      expect(slope).toBeCloseTo(s * (1 - s), 12); // σ′ = σ(1 − σ)
      expect(s).toBeGreaterThan(0);
    });
    const zero = rows[inputs.indexOf(0)];
    expect(zero[0]).toBe(0.5);
    expect(zero[3]).toBe(0.25);
    expect(Math.max(...column(rows, 3))).toBe(0.25);
    // The "Try this" and the first exercise: σ(40) rounds to 1, σ(−40) ≈ 4·10⁻¹⁸, and log σ(−1000) overflows naively.
    expect(Math.E.toFixed(3)).toBe("2.718");
    expect(sigmoid(40)).toBe(1);
    expect(sigmoid(-40)).toBeCloseTo(4.25e-18, 20);
    expect(sigmoid(-1000)).toBe(0);
    expect(Math.log(sigmoid(-1000))).toBe(Number.NEGATIVE_INFINITY);
    expect(-1000 - Math.log1p(Math.exp(-1000))).toBe(-1000);
  });

  it("section 2: chapter 1's network with a sigmoid computes AND", async () => {
    const rows = await table(page, "and-net");
    expect(column(rows, 0)).toEqual([-0.2, -0.05, -0.05, 0.1].map((v) => expect.closeTo(v, 12)));
    const probabilities = column(rows, 1);
    expect(probabilities[0]).toBeCloseTo(0.4502, 4);
    expect(probabilities[1]).toBeCloseTo(0.4875, 4);
    expect(probabilities[2]).toBeCloseTo(0.4875, 4);
    expect(probabilities[3]).toBeCloseTo(0.525, 4);
    expect(column(rows, 2)).toEqual([0, 0, 0, 1]);
    expect(column(rows, 3)).toEqual([0, 0, 0, 1]);
    const text = await output(page, "and-net");
    expect(text).toContain("ŷ equals y in every row: true");
    // The diagram shows the network drawn from the cell's andNet, with the output for (1, 1).
    expect(await page.locator(".nn-network").first().getAttribute("class")).toContain("nn-network");
  });

  it("section 3: both biases make AND, the margins and the range of biases are printed", async () => {
    const rows = await table(page, "step-and"); // z and step(z) for b = −0.2, then for b = −0.23
    expect(rows[0]).toEqual([-0.2, -0.05, -0.05, 0.1].map((v) => expect.closeTo(v, 12)));
    expect(rows[1]).toEqual([0, 0, 0, 1]);
    expect(rows[2]).toEqual([-0.23, -0.08, -0.08, 0.07].map((v) => expect.closeTo(v, 12)));
    expect(rows[3]).toEqual([0, 0, 0, 1]);
    const margins = await output(page, "step-and");
    expect(margins).toContain("z closest to 0: 0.05 with b = -0.2");
    expect(margins).toContain("z closest to 0: 0.07 with b = -0.23");
    const range = await output(page, "bias-range");
    expect(range).toContain("step(0) = 1: b from -0.3 to -0.16");
    expect(range).toContain("step(0) = 0: b from -0.29 to -0.15");
    // Steeper sigmoids: k = 100 is almost the step, with slopes near 0 at three inputs.
    const outputs = await table(page, "steep", 0);
    const slopes = await table(page, "steep", 1);
    expect(outputs[0]).toEqual(probabilitiesFor(1));
    expect(outputs[2][0]).toBeLessThan(1e-8);
    expect(outputs[2][3]).toBeGreaterThan(0.9999);
    expect(slopes[2].filter((s) => s < 0.01)).toHaveLength(4);
    expect(slopes[2].filter((s) => s < 1e-4)).toHaveLength(2);
    expect(slopes[2][1]).toBeCloseTo(0.006648, 6);
  });

  it("section 4: the decision line follows the sliders and counts the misclassified points", async () => {
    const text = await output(page, "boundary");
    expect(text).toContain("line: x₂ = -1.000·x₁ + 1.333");
    expect(text).toContain("misclassified: 0 of 4");
    const map = page.locator(".nn-decision-map").first();
    await map.scrollIntoViewIfNeeded();
    await expect.poll(() => map.textContent()).toContain("accuracy on the points: 100 %");
    // Move the bias slider of section 4 to −0.35: nothing fires any more, and (1, 1) is misclassified.
    await setSlider(page, 0, "b", -0.35);
    await expect.poll(() => output(page, "boundary")).toContain("misclassified: 1 of 4");
    await expect
      .poll(() => page.locator(".and-boundary .and-status").first().textContent())
      .toBe("misclassified: 1 of 4");
    await setSlider(page, 0, "b", -0.2);
    await expect.poll(() => output(page, "boundary")).toContain("misclassified: 0 of 4");
  });

  it("section 5: XOR keeps at least one point misclassified, and two layers compute it", async () => {
    const xorFigure = page.locator(".and-boundary").nth(1);
    await expect.poll(() => xorFigure.locator(".and-status").textContent()).toContain("fewest so far: 3");
    for (const [w1, w2, b] of [
      [1, 1, -0.5],
      [1, -1, -0.5],
      [-1, 1, -0.5],
      [2, 2, -1]
    ]) {
      await setSlider(page, 1, "w₁", w1);
      await setSlider(page, 1, "w₂", w2);
      await setSlider(page, 1, "b", b);
    }
    await expect.poll(() => xorFigure.locator(".and-status").textContent()).toContain("fewest so far: 1");
    const preview = await output(page, "xor-preview");
    expect(preview).toContain("two layers: 0, 1, 1, 0");
    expect(preview).toMatch(/XOR: +0, 1, 1, 0/);
  });

  it("section 6: the sigmoid neuron learns, the step neuron's weights never move", async () => {
    const start = await table(page, "start");
    expect(start[0][0]).toBeCloseTo(-1.381, 3);
    expect(start[0][1]).toBeCloseTo(-1.239, 3);
    expect(start[0][2]).toBe(0.5);

    const trained = await output(page, "train");
    const match = /epoch 300: loss ([\d.]+) \(start ([\d.]+)\)/.exec(trained);
    expect(match).not.toBeNull();
    const [last, first] = [Number(match?.[1]), Number(match?.[2])];
    expect(first).toBeCloseTo(0.9861, 4);
    expect(last).toBeCloseTo(0.1099, 4);
    expect(last).toBeLessThan(first / 5);
    const figures = cell(page, "train").locator(".and-boundary .and-status");
    expect(await figures.textContent()).toBe("misclassified: 0 of 4");
    // The loss curve holds all 300 epochs, and the loss falls epoch after epoch.
    const losses = await cell(page, "train")
      .locator(".nn-loss-curve")
      .evaluate((c) => (c as unknown as {data: {loss: number}[]}).data.map((p) => p.loss));
    expect(losses).toHaveLength(300);
    expect(losses.every((loss, i) => i === 0 || loss < losses[i - 1])).toBe(true);

    const gradients = await table(page, "gradients");
    const [nudge, dw1, dw2, db] = gradients[0];
    expect(nudge).toBeCloseTo(dw1, 2);
    expect(Math.min(Math.abs(dw1), Math.abs(dw2), Math.abs(db))).toBeGreaterThan(0.05);
    expect(gradients[1]).toEqual([0, 0, 0, 0]);

    const stepped = await output(page, "train-step");
    expect(stepped).toMatch(/epoch 300: w₁, w₂ and b moved by 0"?$/);
    expect(await cell(page, "train-step").locator(".and-status").textContent()).toBe("misclassified: 2 of 4");

    expect(await output(page, "mlp")).toContain("2 → 3 relu → 1 sigmoid");
  });

  it("section 7: neither the sigmoid nor the step is additive", async () => {
    const sums = await output(page, "not-linear");
    expect(sums).toContain("σ(1 + 1) = 0.8808");
    expect(sums).toContain("σ(1) + σ(1) = 1.4621");
    expect(sums).toContain("step(0.5 + 0.5) = 1");
    expect(sums).toContain("step(0.5) + step(0.5) = 2");
  });

  it("has the exercises, think-about-it questions and summary the standard asks for", async () => {
    expect(await page.locator(`[data-exercise^="and-gate/"]`).count()).toBe(EXERCISES.length);
    expect(await page.locator("details.think").count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByText("Try this:").count()).toBeGreaterThanOrEqual(5);
    const summary = page.locator("h2:has-text('Summary') + ul > li");
    expect(await summary.count()).toBeGreaterThanOrEqual(5);
    expect(await summary.count()).toBeLessThanOrEqual(8);
  });

  it("each exercise starts pending and passes with its reference solution", async () => {
    const {page: fresh, report: freshReport} = await open(browser, PATH);
    try {
      await settled(fresh);
      fresh.on("dialog", (dialog) => void dialog.accept());
      for (const id of EXERCISES) {
        const root = fresh.locator(`[data-exercise="and-gate/${id}"]`);
        await expect.poll(() => root.getAttribute("data-status")).toBe("pending");
        await root.getByRole("button", {name: "Hint"}).click();
        await expect(root.locator(".exercise__hint:visible").count()).resolves.toBe(1);
        await root.getByRole("button", {name: "Show solution"}).click();
        await root.getByRole("button", {name: "Run"}).click();
        await expect.poll(() => root.getAttribute("data-status"), {timeout: 15_000}).toBe("passed");
        await expect(root.locator(".exercise__result").textContent()).resolves.toMatch(/^✓/);
      }
      await expect(fresh.locator(".chapter-progress").textContent()).resolves.toMatch(/4 of 4|all 4/);
      expect(freshReport.consoleErrors).toEqual([]);
    } finally {
      await fresh.context().close();
    }
  });

  for (const colorScheme of ["light", "dark"] as const) {
    for (const width of [1200, 390]) {
      it(`reads in ${colorScheme} at ${width} px: no sideways scrolling, screenshot saved`, async () => {
        const {page: view, report: viewReport} = await open(browser, PATH, {colorScheme, width});
        try {
          await settled(view);
          // Scroll through so that figures drawn only when visible are drawn.
          const height = await view.evaluate(() => document.documentElement.scrollHeight);
          for (let y = 0; y < height; y += 700) {
            await view.evaluate((top) => window.scrollTo(0, top), y);
            await view.waitForTimeout(30);
          }
          await view.evaluate(() => window.scrollTo(0, 0));
          const overflow = await view.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow).toBeLessThanOrEqual(0);
          expect(viewReport.consoleErrors).toEqual([]);
          await screenshot(view, `and-gate/${colorScheme}-${width}`);
        } finally {
          await view.context().close();
        }
      });
    }
  }
});

/** σ(z) at the four inputs for chapter 1's weights scaled by k (what the `steep` table's first row holds for k = 1). */
function probabilitiesFor(k: number): unknown[] {
  return [-0.2, -0.05, -0.05, 0.1].map((z) => expect.closeTo(sigmoid(k * z), 4));
}

/** Sets the slider labelled `label` in the `which`-th group of weight sliders and fires its input event. */
async function setSlider(p: Page, which: number, label: string, value: number): Promise<void> {
  const row = p
    .locator(".nn-controls")
    .filter({has: p.locator("select")})
    .nth(which);
  await row
    .locator(".nn-control")
    .filter({has: p.locator(`label:text-is("${label}")`)})
    .locator("input[type=range]")
    .evaluate((input: HTMLInputElement, v) => {
      input.value = String(v);
      input.dispatchEvent(new Event("input", {bubbles: true}));
    }, value);
}
