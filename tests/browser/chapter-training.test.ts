// Chapter 6, training in practice: the page loads clean and every live cell finishes; every number the prose states
// (all of them from seeded runs) is the one the cells print; the races and the training curves redraw while they run
// and lower the loss; the Try this edits show what the text says; every exercise's reference solution passes in the
// page; and the page reads in light and dark, at desktop and phone width. Wall-clock times are printed by the race
// but never asserted.
import {readFileSync} from "node:fs";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {moons, network, spirals, trainTestSplit} from "../../src/lib/nn/index.js";
import {
  editCell,
  launch,
  liveCell,
  liveCellSource,
  numbers,
  open,
  outputLines,
  type PageReport,
  passEveryExercise,
  screenshot,
  scrollThrough,
  settled,
  tableNumbers
} from "./browser.js";

const PATH = "/training";
const SOURCE = readFileSync("src/training.md", "utf8");
const EXERCISES = ["mini-batches", "momentum", "adam", "early-stopping", "spiral-settings"];

let browser: Browser;
let page: Page;
let report: PageReport;

beforeAll(async () => {
  browser = await launch();
  ({page, report} = await open(browser, PATH));
  await settled(page);
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

/**
 * The numbers on the last line of a cell's output that starts with `prefix`: the cell's own printout comes after the
 * figures, whose readouts may start the same way.
 */
async function line(p: Page, id: string, prefix: string): Promise<number[]> {
  const lines = await outputLines(p, id);
  const found = [...lines].reverse().find((text) => text.startsWith(prefix));
  if (found === undefined) throw new Error(`no line starting with "${prefix}" in cell ${id}: ${lines.join(" | ")}`);
  return numbers(found.slice(prefix.length));
}

interface Curve {
  name: string;
  points: {x: number; y: number}[];
  marks: {x: number; label?: string}[];
}

/** The curves of the n-th curve plot in a cell, and how often it has redrawn. */
function curves(p: Page, id: string, n = 0): Promise<{data: Curve[]; frames: number}> {
  return liveCell(p, id)
    .locator(".nn-curve-plot")
    .nth(n)
    .evaluate((plot) => {
      const {data, frames} = plot as unknown as {data: Curve[]; frames: number};
      return {data: JSON.parse(JSON.stringify(data)) as Curve[], frames};
    });
}

/** A changed source; throws if `from` is not in it, so a test never edits nothing. */
function changed(source: string, from: string, to: string): string {
  if (!source.includes(from)) throw new Error(`"${from}" is not in the cell`);
  return source.replace(from, to);
}

const fixed = (values: number[], digits: number) => values.map((v) => v.toFixed(digits));

describe("chapter 6: training in practice", () => {
  it("loads with no console error or failed request, and every live cell reaches done", async () => {
    const states = await page.$$eval("[data-live-cell]", (cells) => cells.map((c) => c.getAttribute("data-state")));
    expect(states.length).toBeGreaterThanOrEqual(25);
    expect(states.filter((s) => s !== "done")).toEqual([]);
    expect(report.consoleErrors).toEqual([]);
    expect(report.failedRequests).toEqual([]);
    expect(report.foreignRequests).toEqual([]);
    expect(await page.locator("main .katex").count()).toBeGreaterThan(40);
    expect(await page.locator('main a[href$="notation"]').count()).toBeGreaterThan(0);
  });

  it("section 1: three epochs of 10 samples in batches of 4, each sample once per epoch", async () => {
    expect(await line(page, "plan", "iterations per epoch:")).toEqual([3, 4, 4, 2]);
    const label = (await liveCell(page, "plan").locator(".nn-batch-plan svg").getAttribute("aria-label")) ?? "";
    expect(label).toMatch(/^3 epochs in batches of 4, 4, 2 samples\./);
    const epochs = label
      .split(/epoch \d: /)
      .slice(1)
      .map((text) => numbers(text));
    expect(epochs).toHaveLength(3);
    for (const samples of epochs) expect([...samples].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(epochs[0]).not.toEqual(epochs[1]); // reshuffled
    expect(await liveCell(page, "plan").locator(".nn-batch-plan g.sample").count()).toBe(30);
  });

  it("section 2: the batch-size race ends at 0.287, 0.119 and 0.103 after 40 epochs, lower than it started", async () => {
    for (const [name, loss] of [
      ["full batch:", 0.287],
      ["batch 32:", 0.119],
      ["batch 1:", 0.103]
    ] as const) {
      const [epoch, got] = await line(page, "race", name); // then the milliseconds per epoch, not asserted
      expect(epoch).toBe(40);
      expect(got.toFixed(3)).toBe(loss.toFixed(3));
    }
    const [byEpoch, byTime] = await Promise.all([curves(page, "race", 0), curves(page, "race", 1)]);
    expect(byEpoch.data.map((c) => c.points.length)).toEqual([40, 40, 40]);
    for (const curve of byEpoch.data) expect(curve.points[39].y).toBeLessThan(curve.points[0].y);
    for (const curve of byTime.data) {
      const times = curve.points.map((p) => p.x);
      expect(times.every((t, i) => i === 0 || t >= times[i - 1])).toBe(true); // a clock, whatever its speed
    }
  });

  it("section 2: a batch's gradient error shrinks with its size; batch 1 escapes the XOR trap", async () => {
    const rows = await tableNumbers(page, "noise");
    expect(rows.map((r) => r[0])).toEqual([1, 4, 16, 32, 64, 400]);
    expect(rows.map((r) => r[1])).toEqual([400, 100, 25, 13, 7, 1]);
    expect(rows.slice(0, 5).map((r) => Number(r[2].toPrecision(3)))).toEqual([2.45, 1.07, 0.522, 0.407, 0.247]);
    expect(rows[5][2]).toBeLessThan(1e-12); // the full batch, up to rounding
    const steady = await line(page, "escape", "full batch:");
    expect(steady[0].toFixed(4)).toBe("0.3473");
    expect(steady.slice(3)).toEqual([0.5, 0.5]);
    const noisy = await line(page, "escape", "batch 1:");
    expect(noisy[1]).toBeLessThan(0.01);
    const captions = await liveCell(page, "escape").locator(".nn-decision-map .nn-caption").allTextContents();
    expect(captions).toEqual(["accuracy on the points: 50 %", "accuracy on the points: 100 %"]);
  });

  it("section 3: a zero start keeps the three hidden units identical; large and small starts saturate and fade", async () => {
    const [temperature, duration] = await tableNumbers(page, "zero-start");
    expect(new Set(temperature).size).toBe(1);
    expect(new Set(duration).size).toBe(1);
    expect(await line(page, "zero-start", "from zeros: accuracy")).toEqual([66]);
    expect(await line(page, "zero-start", "from random: accuracy")).toEqual([96.5]);
    expect(await liveCell(page, "zero-start").locator(".nn-decision-map").count()).toBe(2);

    const spread = (name: string) => line(page, "saturation", `${name}: spread of a`);
    const slope = (name: string) => line(page, "saturation", `${name}: mean slope 1 − a²`);
    expect(fixed(await spread("spread 1"), 2)).toEqual(["0.96", "0.96", "0.96", "0.96", "0.96"]);
    expect(fixed(await slope("spread 1"), 2)).toEqual(["0.08", "0.08", "0.08", "0.08", "0.08"]);
    expect(fixed((await spread("spread 0.01")).slice(0, 3), 3)).toEqual(["0.098", "0.010", "0.001"]);
    const xavier = await slope("Xavier");
    expect([Math.min(...xavier), Math.max(...xavier)].map((v) => v.toFixed(2))).toEqual(["0.61", "0.90"]);
    const histograms = liveCell(page, "saturation").locator(".nn-histogram svg");
    expect(await histograms.count()).toBe(15);
    expect(await histograms.first().getAttribute("role")).toBe("img");
    expect(await histograms.first().getAttribute("aria-label")).toMatch(/^Histogram of 20000 spread 1, layer 1: /);

    expect(await line(page, "seeds", "seed 1 twice: largest difference")).toEqual([0]);
    expect(await line(page, "seeds", "seed 1 and seed 2: largest difference")).toEqual([0.971]);
  });

  it("section 4: too small, too large, just right; the schedules, with marks where the rate was cut", async () => {
    expect(await line(page, "rates", "η = 0.05:")).toEqual([150, 0.723]);
    expect(await line(page, "rates", "η = 1:")).toEqual([150, 0.106]);
    expect(await line(page, "rates", "η = 10:")).toEqual([150, 14.161]);
    const rates = await curves(page, "rates");
    expect(rates.data[1].points[149].y).toBeLessThan(rates.data[1].points[0].y);

    const [loss, rate] = await Promise.all([curves(page, "schedules", 0), curves(page, "schedules", 1)]);
    const [constant, inverse, step, adaptive] = loss.data;
    expect(constant.points[179].y.toFixed(3)).toBe("0.294");
    expect(step.points[199].y.toFixed(4)).toBe("0.0198");
    expect(inverse.points[199].y.toFixed(3)).toBe("0.460");
    const ends = loss.data.map((c) => c.points[199].y);
    expect(Math.min(...ends)).toBe(step.points[199].y); // step decay settles lowest
    expect(step.marks.map((m) => m.x)).toEqual([41, 81, 121, 161]);
    expect(adaptive.marks[0].x).toBe(39);
    expect(inverse.marks.map((m) => m.label)).toEqual(["η 0.23"]);
    expect((4 / Math.sqrt(301)).toFixed(2)).toBe("0.23");
    expect(rate.data[1].points[1].y.toFixed(2)).toBe("0.23");
    expect(constant.marks).toEqual([]);
  });

  it("section 5: gradient descent, momentum and Adam race on the valley", async () => {
    expect(await line(page, "valley", "step 50: f =")).toEqual([0.2686, 0.0148, 0.0352]);
    const readout = (await liveCell(page, "valley").locator(".nn-readout").textContent()) ?? "";
    expect(readout).toContain("Adam: 50 steps to (-0.5428, -0.07576)");
    // The race animates: run it again and watch the step count and the drawing change.
    const cell = liveCell(page, "valley");
    await cell.scrollIntoViewIfNeeded();
    await cell.getByRole("button", {name: "Run"}).click();
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          seen.add((await outputLines(page, "valley")).join(" "));
          return seen.size;
        },
        {timeout: 30_000, interval: 50}
      )
      .toBeGreaterThanOrEqual(4);
    await settled(page);
    expect(await line(page, "valley", "step 50: f =")).toEqual([0.2686, 0.0148, 0.0352]);
  }, 120_000);

  it("section 6: the validation loss turns up at epoch 134 while the training loss falls; the penalty helps", async () => {
    expect(await line(page, "overfit", "epoch 1000: training loss")).toEqual([0, 0.633, 0.206, 134]);
    const {data, frames} = await curves(page, "overfit");
    expect(data.map((c) => c.points.length)).toEqual([1000, 1000]);
    const [training, validation] = data;
    expect(training.points[999].y).toBeLessThan(training.points[0].y);
    expect(validation.marks).toEqual([{x: 134, label: "lowest"}]);
    expect(validation.points[133].y.toFixed(3)).toBe("0.206");
    expect(frames).toBeGreaterThan(1);
    expect(await line(page, "early", "stopped after")).toEqual([33, 0.0001, 20, 12]);
    expect(await line(page, "penalty", "α = 0: training loss")).toEqual([0, 0.633]);
    expect(await line(page, "penalty", "α = 0.1: training loss")).toEqual([0.075, 0.205]);
  });

  it("section 6: the overfitting curves redraw while the network trains", async () => {
    const cell = liveCell(page, "overfit");
    const plot = cell.locator(".nn-curve-plot");
    await plot.scrollIntoViewIfNeeded();
    const before = await plot.evaluate((el) => (el as unknown as {frames: number}).frames);
    await cell.getByRole("button", {name: "Run"}).click();
    await plot.scrollIntoViewIfNeeded(); // the plot draws only while it is on screen
    await expect
      .poll(() => plot.evaluate((el) => (el as unknown as {frames: number}).frames), {timeout: 60_000})
      .toBeGreaterThan(5);
    await settled(page);
    const {data} = await curves(page, "overfit");
    expect(data[0].points).toHaveLength(1000);
    expect(before).toBeGreaterThan(0);
  }, 120_000);

  it("the batch-size race and the learning-rate races redraw while they run, and end where they did", async () => {
    for (const [id, prefix] of [
      ["race", "batch 1:"],
      ["rates", "η = 1:"],
      ["schedules", "step decay:"]
    ] as const) {
      const cell = liveCell(page, id);
      const plot = cell.locator(".nn-curve-plot").first();
      const frames = () => plot.evaluate((el) => (el as unknown as {frames: number}).frames);
      const end = await line(page, id, prefix);
      await cell.getByRole("button", {name: "Run"}).click();
      await expect.poll(() => cell.getAttribute("data-state")).toBe("running");
      await plot.scrollIntoViewIfNeeded(); // the plots draw only while they are on screen
      // A rerun draws a new plot, which counts its redraws from 1.
      await expect.poll(frames, {timeout: 60_000, interval: 50}).toBeGreaterThan(5);
      await settled(page);
      expect(await line(page, id, prefix)).toHaveLength(end.length);
      // Seeded: the losses repeat exactly (the race's milliseconds, last on its lines, may not).
      expect((await line(page, id, prefix)).slice(0, 2)).toEqual(end.slice(0, 2));
    }
  }, 240_000);

  it("section 7: train, MLPClassifier and sequential reach the same weights", async () => {
    expect(await line(page, "face-train", "train:")).toEqual([100, 0.053]);
    expect(await line(page, "face-sklearn", "MLPClassifier:")).toEqual([100, 99]);
    expect((await line(page, "face-keras", "sequential:"))[0]).toBe(100);
    expect(await line(page, "faces", "train vs MLPClassifier: largest difference")).toEqual([0]);
    expect(await line(page, "faces", "train vs sequential: largest difference")).toEqual([0]);
  });

  it("the counts and ratios the prose states hold", async () => {
    expect(Math.ceil(200 / 32)).toBe(7); // steps per epoch
    expect(Math.sqrt(100)).toBe(10); // a spread 10 times as wide with 100 inputs of spread 1
    const [slope] = await line(page, "saturation", "spread 1: mean slope 1 − a²");
    expect(Math.round(1 / slope)).toBe(12); // "about a twelfth"
    const [, inverse] = (await curves(page, "schedules", 1)).data.map((c) => c.points[1].y);
    expect(Math.round(4 / inverse)).toBe(17); // "seventeenfold"
    expect(1 / (1 - 0.9)).toBeCloseTo(10, 12);
    const [stoppedAt, , , best] = await line(page, "early", "stopped after");
    expect(stoppedAt - best).toBe(21);
    const big = network({
      inputs: 2,
      layers: [
        {units: 50, activation: "tanh"},
        {units: 1, activation: "sigmoid"}
      ]
    });
    expect(big.parameterCount).toBe(201);
    const halves = trainTestSplit(moons({n: 80, noise: 0.3, seed: 2}), {testFraction: 0.5, seed: 1});
    expect([halves.train.X.rows, halves.test.X.rows]).toEqual([40, 40]);
    const sets = trainTestSplit(spirals({n: 300, noise: 0.2, seed: 0}), {testFraction: 0.2, seed: 1});
    const tuning = trainTestSplit(sets.train, {testFraction: 0.25, seed: 2});
    expect([tuning.train.X.rows, tuning.test.X.rows, sets.test.X.rows]).toEqual([180, 60, 60]);
    // Adam on the valley moves each coordinate by at most about η = 0.1 per step.
    const runs = await liveCell(page, "valley")
      .locator(".nn-gd2d")
      .evaluate((el) => (el as unknown as {runs: {points: [number, number][]}[]}).runs.map((r) => r.points));
    const adamSteps = runs[2]
      .slice(1)
      .flatMap((p, k) => [Math.abs(p[0] - runs[2][k][0]), Math.abs(p[1] - runs[2][k][1])]);
    expect(Math.max(...adamSteps)).toBeLessThan(0.11);
  });

  it("has the exercises, think-about-it questions, Try this prompts, summary and pointer to chapter 7", async () => {
    expect(await page.locator('[data-exercise^="training/"]').count()).toBe(EXERCISES.length);
    expect(await page.locator("details.think").count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByText("Try this:").count()).toBeGreaterThanOrEqual(7);
    const summary = page.locator("h2:has-text('Summary') + ul > li");
    expect(await summary.count()).toBeGreaterThanOrEqual(5);
    expect(await summary.count()).toBeLessThanOrEqual(8);
    expect(await page.locator('main a[href$="digits"]').count()).toBeGreaterThan(0);
    expect(await page.locator('main h2:has-text("7. Three faces of one training run")').count()).toBe(1);
  });

  it("the Try this edits of sections 1 to 3 show what the text says", async () => {
    const {page: fresh, report: freshReport} = await open(browser, PATH);
    try {
      await settled(fresh);
      await editCell(fresh, "plan", changed(liveCellSource(SOURCE, "plan"), "planBatchSize = 4", "planBatchSize = 3"));
      expect(await line(fresh, "plan", "iterations per epoch:")).toEqual([4, 3, 3, 3, 1]);
      await editCell(fresh, "escape", changed(liveCellSource(SOURCE, "escape"), "seed: 3", "seed: 0"));
      expect((await line(fresh, "escape", "full batch:"))[0]).toBeLessThan(0.01);
      const zero = liveCellSource(SOURCE, "zero-start");
      await editCell(
        fresh,
        "zero-start",
        changed(zero, '{units: 3, activation: "sigmoid"}', '{units: 3, activation: "tanh"}')
      );
      const [temperature, duration] = await tableNumbers(fresh, "zero-start");
      expect([...temperature, ...duration]).toEqual([0, 0, 0, 0, 0, 0]);
      expect(await line(fresh, "zero-start", "from zeros: accuracy")).toEqual([71.5]);
      expect(freshReport.consoleErrors).toEqual([]);
    } finally {
      await fresh.context().close();
    }
  }, 240_000);

  it("the Try this edits of sections 4 to 7 show what the text says", async () => {
    const {page: fresh, report: freshReport} = await open(browser, PATH);
    try {
      await settled(fresh);
      await editCell(fresh, "schedules", changed(liveCellSource(SOURCE, "schedules"), "every: 40", "every: 10"));
      const [loss, rate] = await Promise.all([curves(fresh, "schedules", 0), curves(fresh, "schedules", 1)]);
      expect(rate.data[2].points[89].y).toBeGreaterThan(0.01); // epoch 90 still runs at 4 · 0.5^8
      expect(rate.data[2].points[90].y).toBeLessThan(0.01);
      expect(loss.data[2].points[199].y).toBeGreaterThan(0.0198);

      await editCell(
        fresh,
        "valley",
        changed(liveCellSource(SOURCE, "valley"), "learningRate: 0.1", "learningRate: 0.001")
      );
      const readout = (await liveCell(fresh, "valley").locator(".nn-readout").textContent()) ?? "";
      const adam = numbers(/Adam: 50 steps to \(([^)]*)\)/.exec(readout)?.[1] ?? "");
      expect([adam[0] + 4.5, 2 - adam[1]].map((moved) => moved.toFixed(2))).toEqual(["0.05", "0.05"]);

      await editCell(fresh, "penalty", changed(liveCellSource(SOURCE, "penalty"), "alpha = 0.1", "alpha = 0.2"));
      expect((await line(fresh, "penalty", "α = 0.2: training loss"))[0]).toBe(0.306);

      await editCell(
        fresh,
        "face-train",
        changed(liveCellSource(SOURCE, "face-train"), ',\n  seed: 7, init: "glorot"', ", seed: 7")
      );
      expect((await line(fresh, "faces", "train vs MLPClassifier: largest difference"))[0]).toBeGreaterThan(0.1);
      expect(freshReport.consoleErrors).toEqual([]);
    } finally {
      await fresh.context().close();
    }
  }, 300_000);

  it("each exercise starts pending and passes with its reference solution", async () => {
    const {page: fresh, report: freshReport} = await open(browser, PATH);
    try {
      await settled(fresh);
      await passEveryExercise(fresh, "training", EXERCISES);
      expect(await line(fresh, "exercise-spiral-settings", "validation accuracy")).toEqual([98.3]);
      expect(freshReport.consoleErrors).toEqual([]);
    } finally {
      await fresh.context().close();
    }
  }, 240_000);

  for (const colorScheme of ["light", "dark"] as const) {
    for (const width of [1200, 375]) {
      it(`reads in ${colorScheme} at ${width} px: no sideways scrolling, screenshot saved`, async () => {
        const {page: view, report: viewReport} = await open(browser, PATH, {colorScheme, width});
        try {
          await settled(view);
          expect(await scrollThrough(view)).toBeLessThanOrEqual(0);
          // Every figure fits inside its cell.
          const outside = await view.$$eval(
            ".nn-curve-plot svg, .nn-histogram svg, .nn-decision-map",
            (figures) =>
              figures.filter((figure) => {
                const cell = figure.closest("[data-live-cell]");
                return cell && figure.getBoundingClientRect().right > cell.getBoundingClientRect().right + 1;
              }).length
          );
          expect(outside).toBe(0);
          expect(viewReport.consoleErrors).toEqual([]);
          await screenshot(view, `training/${colorScheme}-${width}`);
        } finally {
          await view.context().close();
        }
      }, 240_000);
    }
  }
});
