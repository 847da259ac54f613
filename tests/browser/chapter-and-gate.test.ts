// Chapter 2, the AND gate: the page loads clean, every live cell finishes, every number the prose states is read from
// the page and compared, the sigmoid neuron learns while the step neuron stays put, the sliders move the decision
// line (also to an upright one), each "Try this" does what the text says, every exercise's reference solution
// passes, and the page reads in light and dark, at desktop and phone width. Numbers are read with regular
// expressions on the numbers themselves, so the tests do not depend on how the live-cell engine quotes strings.
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
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

const PATH = "/and-gate";
const EXERCISES = ["sigmoid", "or-nand", "xor-search", "logistic"];

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

const output = async (p: Page, id: string): Promise<string> => (await cellOutput(p, id).textContent()) ?? "";

/** The first number after `label` in a cell's output. */
const number = async (p: Page, id: string, label: RegExp): Promise<number> => numberAfter(await output(p, id), label);

/** The numbers of a table printed by matrixView in a cell's output (row labels left out), one array per row. */
const table = tableNumbers;

/** Puts a cell back to its original code and waits for the page. */
async function reset(p: Page, id: string): Promise<void> {
  await liveCell(p, id).getByRole("button", {name: "Reset"}).click();
  await p.waitForTimeout(100);
  await settled(p);
}

const column = (rows: number[][], j: number) => rows.map((row) => row[j]);
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Sets the slider labelled `label` in the `which`-th group of weight sliders (0: the decision line, 1: XOR). */
async function setSlider(p: Page, which: number, label: string, value: number): Promise<void> {
  await p
    .locator(".nn-controls")
    .filter({has: p.locator(`label:text-is("w₁")`)})
    .nth(which)
    .locator(".nn-control")
    .filter({has: p.locator(`label:text-is("${label}")`)})
    .locator("input[type=range]")
    .evaluate((input: HTMLInputElement, v) => {
      input.value = String(v);
      input.dispatchEvent(new Event("input", {bubbles: true}));
    }, value);
}

describe("chapter 2: the AND gate", () => {
  it("loads with no console error or failed request, and every live cell reaches done", async () => {
    const states = await page.$$eval("[data-live-cell]", (cells) => cells.map((c) => c.getAttribute("data-state")));
    expect(states.length).toBeGreaterThanOrEqual(19);
    expect(states.filter((s) => s !== "done")).toEqual([]);
    expect(report.consoleErrors).toEqual([]);
    expect(report.failedRequests).toEqual([]);
    expect(report.foreignRequests).toEqual([]);
    // Math is typeset at build time.
    expect(await page.locator("main .katex").count()).toBeGreaterThan(50);
  });

  it("the sigmoid: the table's properties, and what 64-bit numbers do far from 0", async () => {
    const rows = await table(page, "sigma");
    const inputs = [-10, -2, -1, 0, 1, 2, 10];
    expect(rows).toHaveLength(inputs.length);
    rows.forEach(([s, sMinus, oneMinus, slope], i) => {
      expect(s).toBeCloseTo(sigmoid(inputs[i]), 12);
      expect(sMinus).toBeCloseTo(oneMinus, 12); // σ(−z) = 1 − σ(z)
      expect(slope).toBeCloseTo(s * (1 - s), 12); // σ′ = σ(1 − σ)
    });
    const zero = rows[inputs.indexOf(0)];
    expect(zero[0]).toBe(0.5);
    expect(zero[3]).toBe(0.25);
    expect(Math.max(...column(rows, 3))).toBe(0.25);
    // 1 − σ(40) = 0, σ(−40) = 4.248e-18, σ′(40) = 0, and σ′ is exactly 0 from z ≈ 36.7 on.
    expect(await number(page, "float-limits", /1 − σ\(40\) =/)).toBe(0);
    expect(await number(page, "float-limits", /σ\(−40\) =/)).toBe(4.248e-18);
    expect(await number(page, "float-limits", /σ′\(40\) =/)).toBe(0);
    expect(await number(page, "float-limits", /exactly 0 from z =/)).toBe(36.7);
    expect(await number(page, "float-limits", /gap between 1 and the next 64-bit number:/)).toBe(2.2e-16);
  });

  it("AND: chapter 1's network with a sigmoid computes it", async () => {
    const rows = await table(page, "and-net");
    expect(column(rows, 0)).toEqual([-0.2, -0.05, -0.05, 0.1].map((v) => expect.closeTo(v, 12)));
    expect(column(rows, 1).map((a) => Number(a.toFixed(4)))).toEqual([0.4502, 0.4875, 0.4875, 0.525]);
    expect(column(rows, 2)).toEqual([0, 0, 0, 1]);
    expect(column(rows, 3)).toEqual([0, 0, 0, 1]);
    expect(await output(page, "and-net")).toMatch(/equals y in every row: true/);
    expect(await cellOutput(page, "and-net").locator(".nn-network svg").getAttribute("aria-label")).toContain(
      "the output is [0.525]"
    );
  });

  it("the step: both biases make AND, the margins and the range of biases are printed", async () => {
    const rows = await table(page, "step-and"); // z and step(z) for b = −0.2, then for b = −0.23
    expect(rows[0]).toEqual([-0.2, -0.05, -0.05, 0.1].map((v) => expect.closeTo(v, 12)));
    expect(rows[1]).toEqual([0, 0, 0, 1]);
    expect(rows[2]).toEqual([-0.23, -0.08, -0.08, 0.07].map((v) => expect.closeTo(v, 12)));
    expect(rows[3]).toEqual([0, 0, 0, 1]);
    expect(await output(page, "step-and")).toMatch(/z closest to 0: 0\.05 with b = -0\.2\b/);
    expect(await output(page, "step-and")).toMatch(/z closest to 0: 0\.07 with b = -0\.23/);
    // −0.3 < b ≤ −0.15 with this course's step(0) = 0; the other convention shifts both ends by one grid step.
    expect(await output(page, "bias-range")).toMatch(/step\(0\) = 0: b from -0\.29 to -0\.15/);
    expect(await output(page, "bias-range")).toMatch(/step\(0\) = 1: b from -0\.3 to -0\.16/);
    // Steeper sigmoids: k = 100 is almost the step, with every slope below 0.01.
    const outputs = await table(page, "steep", 0);
    const slopes = await table(page, "steep", 1);
    expect(outputs[0]).toEqual([-0.2, -0.05, -0.05, 0.1].map((z) => expect.closeTo(sigmoid(z), 4)));
    expect(outputs[2][0]).toBeLessThan(1e-8);
    expect(outputs[2][3]).toBeGreaterThan(0.9999);
    expect(slopes[2].filter((s) => s < 0.01)).toHaveLength(4);
    expect(slopes[0].every((s) => s <= 0.25)).toBe(true);
  });

  it("the decision line follows the sliders, stands upright for w₂ = 0, and keeps its arrow perpendicular", async () => {
    const boundary = cellOutput(page, "boundary");
    expect(await output(page, "boundary")).toMatch(/line: x₂ = -1\.000·x₁ \+ 1\.333/);
    expect(await boundary.locator(".nn-decision-status").textContent()).toBe("misclassified: 0 of 4");
    await boundary.scrollIntoViewIfNeeded();
    await expect
      .poll(() => boundary.locator(".nn-decision-map").textContent())
      .toContain("accuracy on the points: 100 %");
    // The arrow (w₁, w₂) meets the line at a right angle.
    const angle = await boundary.locator(".nn-decision-line svg").evaluate((svg) => {
      const [line, arrow] = [...svg.querySelectorAll("g[clip-path] line")];
      const v = (l: Element) => [
        Number(l.getAttribute("x2")) - Number(l.getAttribute("x1")),
        Number(l.getAttribute("y2")) - Number(l.getAttribute("y1"))
      ];
      const [a, b] = [v(line), v(arrow)];
      return (a[0] * b[0] + a[1] * b[1]) / (Math.hypot(...a) * Math.hypot(...b));
    });
    expect(Math.abs(angle)).toBeLessThan(1e-9);
    // The bias at −0.35: nothing fires any more, and (1, 1) is misclassified.
    await setSlider(page, 0, "b", -0.35);
    await expect.poll(() => boundary.locator(".nn-decision-status").textContent()).toBe("misclassified: 1 of 4");
    // Weights 3, 3, −4: the same line, every number multiplied by 20.
    await setSlider(page, 0, "w₁", 3);
    await setSlider(page, 0, "w₂", 3);
    await setSlider(page, 0, "b", -4);
    await expect.poll(() => output(page, "boundary")).toMatch(/line: x₂ = -1\.000·x₁ \+ 1\.333/);
    // w₂ = 0 and b = −1.5: an upright line at x₁ = 0.5, drawn, and no Infinity anywhere.
    await setSlider(page, 0, "w₂", 0);
    await setSlider(page, 0, "b", -1.5);
    await expect.poll(() => output(page, "boundary")).toMatch(/line: x₁ = 0\.500 \(a vertical line\)/);
    const upright = await boundary
      .locator(".nn-decision-line svg g[clip-path] line")
      .first()
      .evaluate((l) => ({
        visible: l.getAttribute("visibility"),
        dx: Math.abs(Number(l.getAttribute("x2")) - Number(l.getAttribute("x1")))
      }));
    expect(upright.visible).toBe("visible");
    expect(upright.dx).toBeLessThan(1e-6);
    expect(await boundary.textContent()).not.toMatch(/Infinity|NaN/);
    await setSlider(page, 0, "w₁", 0.15);
    await setSlider(page, 0, "w₂", 0.15);
    await setSlider(page, 0, "b", -0.2);
    await expect.poll(() => boundary.locator(".nn-decision-status").textContent()).toBe("misclassified: 0 of 4");
  });

  it("XOR keeps at least one point misclassified, and two layers of step neurons compute it", async () => {
    const xorFigure = page.locator(".nn-decision-line").filter({hasText: "fewest so far"});
    await expect.poll(() => xorFigure.locator(".nn-decision-status").textContent()).toContain("fewest so far: 3");
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
    await expect.poll(() => xorFigure.locator(".nn-decision-status").textContent()).toContain("fewest so far: 1");
    const preview = await output(page, "xor-preview");
    expect(preview).toMatch(/two layers: 0, 1, 1, 0/);
    expect(preview).toMatch(/XOR: +0, 1, 1, 0/);
    expect(await cellOutput(page, "xor-preview").locator(".nn-network svg").getAttribute("aria-label")).toMatch(
      /2 → 2 step → 1 step.*the output is \[1\]/
    );
  });

  it("the sigmoid neuron learns, from epoch 51 nothing is misclassified; the step neuron's weights never move", async () => {
    const start = await table(page, "start");
    expect(start[0].map((v) => Number(v.toFixed(3)))).toEqual([-1.381, -1.239, 0.5]);

    expect(await output(page, "train")).toMatch(/epoch 300:/);
    expect(await number(page, "train", /J =/)).toBe(0.1099);
    expect(await number(page, "train", /misclassified from epoch/)).toBe(51);
    const train = cellOutput(page, "train");
    expect(await train.locator(".nn-decision-status").textContent()).toBe("misclassified: 0 of 4");
    await train.scrollIntoViewIfNeeded();
    await expect.poll(() => train.locator(".nn-decision-map").textContent()).toContain("accuracy on the points: 100 %");
    // The cost curve holds all 300 epochs, from 0.9861, falling epoch after epoch.
    const losses = await train
      .locator(".nn-loss-curve")
      .evaluate((c) => (c as unknown as {data: {loss: number}[]}).data.map((p) => p.loss));
    expect(losses).toHaveLength(300);
    expect(Number(losses[0].toFixed(4))).toBe(0.9861);
    expect(losses.every((loss, i) => i === 0 || loss < losses[i - 1])).toBe(true);

    // The cost against w₁: a staircase for the step neuron, 17.27 at the start.
    expect(await number(page, "cost-vs-w1", /costs −log\(1e-15\) =/)).toBe(34.54);
    expect(await number(page, "cost-vs-w1", /J at the start:/)).toBe(17.27);
    expect(await cellOutput(page, "cost-vs-w1").locator(".nn-function-plot").count()).toBe(2);

    const gradients = await table(page, "gradients");
    const [nudge, dw1, dw2, db] = gradients[0];
    expect(nudge).toBeCloseTo(dw1, 2);
    expect(Math.min(Math.abs(dw1), Math.abs(dw2), Math.abs(db))).toBeGreaterThan(0.05);
    expect(gradients[1]).toEqual([0, 0, 0, 0]);

    expect(await output(page, "train-step")).toMatch(/epoch 300: w₁, w₂ and b moved by 0\b/);
    expect(await cellOutput(page, "train-step").locator(".nn-decision-status").textContent()).toBe(
      "misclassified: 2 of 4"
    );
  });

  it("neither the sigmoid nor the step is additive", async () => {
    expect(await number(page, "not-linear", /σ\(1 \+ 1\) =/)).toBe(0.8808);
    expect(await number(page, "not-linear", /σ\(1\) \+ σ\(1\) =/)).toBe(1.4621);
    expect(await number(page, "not-linear", /step\(0\.5 \+ 0\.5\) =/)).toBe(1);
    expect(await number(page, "not-linear", /step\(0\.5\) \+ step\(0\.5\) =/)).toBe(2);
  });

  it("has the exercises, think-about-it questions, Try-this prompts and summary the standard asks for", async () => {
    expect(await page.locator(`[data-exercise^="and-gate/"]`).count()).toBe(EXERCISES.length);
    expect(await page.locator("details.think").count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByText("Try this:").count()).toBeGreaterThanOrEqual(5);
    const summary = page.locator("h2:has-text('Summary') + ul > li");
    expect(await summary.count()).toBeGreaterThanOrEqual(5);
    expect(await summary.count()).toBeLessThanOrEqual(8);
  });

  it("each Try this does what the text says", async () => {
    const {page: fresh, report: freshReport} = await open(browser, PATH);
    try {
      await settled(fresh);
      // σ(40) and σ(−40) in the table: σ(40) = 1 and σ′(40) = 0.
      await editCell(fresh, "sigma", ["[-10, -2, -1, 0, 1, 2, 10]", "[-10, -2, -1, 0, 1, 2, 10, 40, -40]"]);
      const rows = await table(fresh, "sigma");
      expect(rows[7][0]).toBe(1);
      expect(rows[7][3]).toBe(0);
      expect(rows[8][0]).toBeCloseTo(4.248e-18, 20);
      // The bias at −0.35: (1, 1) becomes class 0 and is misclassified.
      await editCell(fresh, "and-net", ["[[-0.2]]", "[[-0.35]]"]);
      expect(column(await table(fresh, "and-net"), 2)).toEqual([0, 0, 0, 0]);
      expect(await output(fresh, "and-net")).toMatch(/equals y in every row: false/);
      await reset(fresh, "and-net");
      // The weights typed into the decision-line cell: the same line as the sliders' start, a sharp map.
      await editCell(fresh, "boundary", [
        "{w1: lineInput.w1, w2: lineInput.w2, b: lineInput.b}",
        "{w1: 3, w2: 3, b: -4}"
      ]);
      expect(await output(fresh, "boundary")).toMatch(/line: x₂ = -1\.000·x₁ \+ 1\.333/);
      // The last bias at −0.5: the second layer fires when either input is on.
      await editCell(fresh, "xor-preview", ["[[-1.5]]", "[[-0.5]]"]);
      expect(await output(fresh, "xor-preview")).toMatch(/two layers: 1, 1, 1, 1/);
      // Learning rate 5: nothing misclassified from epoch 5.
      await editCell(fresh, "train", ["learningRate: 0.5", "learningRate: 5"]);
      expect(await number(fresh, "train", /misclassified from epoch/)).toBe(5);
      // 3000 epochs with the rate 0.5: the cost reaches 0.0117, never 0.
      await editCell(fresh, "train", ["learningRate: 5", "learningRate: 0.5"], ["maxIter: 300", "maxIter: 3000"]);
      expect(await output(fresh, "train")).toMatch(/epoch 3000:/);
      expect(await number(fresh, "train", /J =/)).toBe(0.0117);
      expect(freshReport.consoleErrors).toEqual([]);
    } finally {
      await fresh.context().close();
    }
  }, 400_000);

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
  }, 120_000);

  for (const colorScheme of ["light", "dark"] as const) {
    for (const width of [1200, 375]) {
      it(`reads in ${colorScheme} at ${width} px: no sideways scrolling, no cut formula, screenshot saved`, async () => {
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
          const cut = await view.$$eval("main .katex-display", (all) =>
            all.filter((d) => d.scrollWidth > d.clientWidth + 1).map((d) => d.textContent?.slice(0, 40))
          );
          expect(cut).toEqual([]);
          expect(viewReport.consoleErrors).toEqual([]);
          await screenshot(view, `and-gate/${colorScheme}-${width}`);
        } finally {
          await view.context().close();
        }
      }, 120_000);
    }
  }
});
