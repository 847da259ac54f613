// Chapter 5, backpropagation and gradient descent: the page loads clean, every live cell finishes, every number the
// prose states is the one a cell prints (read from the page), the graph and the backpropagation diagram step forward
// and backward, the network trains, the Try-this edits show what the prose promises, every exercise's reference
// solution passes, and the page reads in light and dark, at desktop and phone width. Timings are only required to
// be numbers that make sense, never a particular speed.
import {readFileSync} from "node:fs";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {cellOutput, launch, liveCell, open, type PageReport, screenshot, settled} from "./browser.js";

const PATH = "/backpropagation";
const EXERCISES = ["numerical-gradient", "chain-rule", "logistic-gradients", "two-layer"];

let browser: Browser;
let page: Page;
let report: PageReport;

beforeAll(async () => {
  browser = await launch();
  ({page, report} = await open(browser, PATH));
  await settled(page);
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

const output = (p: Page, id: string): Promise<string> => cellOutput(p, id).innerText();

/** The first match of `pattern` (which captures numbers) in a cell's output, as numbers. */
async function read(p: Page, id: string, pattern: RegExp): Promise<number[]> {
  const text = await output(p, id);
  const match = pattern.exec(text);
  expect(match, `${id}: ${pattern} in ${text.slice(0, 300)}`).not.toBeNull();
  return (match as RegExpExecArray).slice(1).map(Number);
}

/** The numbers of a table printed by matrixView in a cell's output (row labels left out), one array per row. */
function table(p: Page, id: string): Promise<number[][]> {
  return cellOutput(p, id)
    .locator("table.nn-matrix")
    .first()
    .evaluate((t) =>
      [...t.querySelectorAll("tbody tr")].map((tr) =>
        [...tr.querySelectorAll("td")].map((td) => Number(td.getAttribute("title") ?? td.textContent))
      )
    );
}

/** The source of the live cell `id` as the page's Markdown has it. */
function sourceOf(id: string): string {
  const md = readFileSync("src/backpropagation.md", "utf-8");
  const match = new RegExp(`\`\`\`ts live id=${id}[^\\n]*\\n([\\s\\S]*?)\\n\`\`\``).exec(md);
  if (!match) throw new Error(`no live cell ${id} in the page`);
  return match[1];
}

/** Opens the cell's editor, replaces its source and runs it with Shift+Enter. */
async function edit(p: Page, id: string, source: string): Promise<void> {
  await liveCell(p, id).getByRole("button", {name: "Edit"}).click();
  const content = liveCell(p, id).locator(".cm-content");
  await content.waitFor();
  await content.focus();
  await p.keyboard.press("ControlOrMeta+a");
  await p.keyboard.insertText(source);
  await p.keyboard.press("Shift+Enter");
}

describe("chapter 5: backpropagation and gradient descent", () => {
  it("loads with no console error or failed request, and every live cell reaches done", async () => {
    const states = await page.$$eval("[data-live-cell]", (cells) => cells.map((c) => c.getAttribute("data-state")));
    expect(states.length).toBeGreaterThanOrEqual(24);
    expect(states.filter((s) => s !== "done")).toEqual([]);
    expect(report.consoleErrors).toEqual([]);
    expect(report.failedRequests).toEqual([]);
    expect(report.foreignRequests).toEqual([]);
    expect(await page.locator("main .katex").count()).toBeGreaterThan(100);
    await expect(page.locator('main a[href$="notation"]').count()).resolves.toBeGreaterThan(0);
  });

  it("section 1: a nudge of 0.001 gives 8.004, 4.004001 and 25.010001, and every derivative in the table checks", async () => {
    const text = await output(page, "nudge");
    expect(text).toContain("f(a) = 4a: f(2) = 8, f(2.001) = 8.004, ratio 4");
    expect(text).toContain("f(a) = a²: f(2) = 4, f(2.001) = 4.004001, ratio 4.001");
    expect(text).toContain("f(a) = a²: f(5) = 25, f(5.001) = 25.010001, ratio 10.001");
    // The prose's remark on floats: unrounded, 5.001² is 25.010001000000003.
    expect(5.001 ** 2).toBe(25.010001000000003);
    const rows = await table(page, "derivatives");
    expect(rows).toHaveLength(6);
    for (const [formula, nudged] of rows) expect(Math.abs(formula - nudged)).toBeLessThan(1e-5);
    const tanh = rows[5][0];
    expect(tanh).toBeCloseTo(1 - Math.tanh(0.5) ** 2, 6);
    expect(tanh).toBeCloseTo(0.786448, 6);
    expect((1 - Math.tanh(0.5)) ** 2).toBeCloseTo(0.289318, 6); // the mistyped form, in the Try this
  });

  it("section 2: the central difference gives 0.1999999999990898, h = 1e-50 gives 0, and the error plot is drawn", async () => {
    const [forward, central, exact] = await read(
      page,
      "differences",
      /x = 5, h = 1e-4: forward ([\d.]+), central ([\d.]+), exact ([\d.]+)/
    );
    expect(central).toBe(0.1999999999990898);
    expect(forward).toBe(0.20000099999917254);
    expect(exact).toBe(0.2);
    expect(Math.abs(central - exact)).toBeCloseTo(9.1e-13, 13); // "off by 9 × 10⁻¹³"
    expect(Math.abs(forward - exact)).toBeCloseTo(1e-6, 8); // "the forward one by 10⁻⁶"
    const [, , exact10] = await read(
      page,
      "differences",
      /x = 10, h = 1e-4: forward ([\d.]+), central ([\d.]+), exact ([\d.]+)/
    );
    expect(exact10).toBe(0.3);
    expect(await output(page, "differences")).toContain("h = 1e-50: central 0, because 5 + 1e-50 === 5 is true");
    const plot = cellOutput(page, "error-plot").locator("svg[role=img]");
    expect(await plot.locator("path[stroke^='var(--nn-c']").count()).toBe(2);
    expect(await plot.getAttribute("aria-label")).toContain("rounding error");
  });

  it("section 3: the gradient is (6, 8), (0, 4) and (6, 0); −∇f misses the minimum only in the elongated bowl", async () => {
    const text = await output(page, "gradient");
    expect(text).toContain("∇f(3, 4) = (6, 8)");
    expect(text).toContain("∇f(0, 2) = (0, 4)");
    expect(text).toContain("∇f(3, 0) = (6, 0)");
    const [round] = await read(page, "bowls", /round bowl at \(3, 4\): −∇f misses the minimum by ([\d.]+)°/);
    const [elongated] = await read(page, "bowls", /elongated bowl at \(3, 4\): −∇f misses the minimum by ([\d.]+)°/);
    expect(round).toBe(0);
    expect(elongated).toBe(28.3);
    const fields = cellOutput(page, "bowls").locator(".nn-gd2d");
    expect(await fields.count()).toBe(2);
    expect(await fields.nth(0).locator(".nn-readout").textContent()).toContain("∇f = (6, 8)");
    expect(await fields.nth(1).locator(".nn-readout").textContent()).toContain("∇f = (1.2, 8)");
    expect(await fields.nth(0).locator("g.field line").count()).toBeGreaterThan(30); // the arrows
    // Saddle: descent slides off along x₁; local minimum: it stops near x₀ = 1.86 although f is lower near −2.11.
    const saddle = await output(page, "saddle");
    expect(saddle).toMatch(/25 steps to \(0\.01511, 19\.08\)/);
    expect(saddle).toMatch(/60 steps to \(1\.861, [^)]*\), f = 0\.9665/);
    const f = (x: number) => (x * x - 4) ** 2 / 8 + x / 2;
    expect(f(-2.11)).toBeLessThan(f(1.86));
  });

  it("section 4: from (−3, 4), η = 0.1 reaches the minimum, η = 10 diverges, η = 1e-10 barely moves", async () => {
    const text = (await output(page, "descend")).replace(/−/g, "-");
    const end = (eta: string) => {
      const match = new RegExp(`η = ${eta}: ends at \\(([^,]+), ([^)]+)\\)`).exec(text);
      expect(match, `η = ${eta} in ${text}`).not.toBeNull();
      return [Number(match?.[1]), Number(match?.[2])];
    };
    const [a0, a1] = end("0.1");
    expect(a0 / (-3 * 0.8 ** 100)).toBeCloseTo(1, 7);
    expect(a1 / (4 * 0.8 ** 100)).toBeCloseTo(1, 7);
    expect(Math.hypot(a0, a1) / (5 * 0.8 ** 100)).toBeCloseTo(1, 7); // "10⁻⁹ from the minimum"
    expect(Math.hypot(a0, a1)).toBeCloseTo(1e-9, 10);
    const [b0, b1] = end("10");
    expect(b0 / (-3 * 19 ** 100)).toBeCloseTo(1, 8);
    expect(b1 / (4 * 19 ** 100)).toBeCloseTo(1, 8);
    expect(Math.log10(b1)).toBeCloseTo(128.5, 0); // "near 10¹²⁸"
    expect(end("1e-10")).toEqual([-2.99999994, 3.99999992]);
    // The 1-D animation and the zigzag run their steps.
    await expect
      .poll(() => cellOutput(page, "descent-1d").locator(".nn-readout").textContent(), {timeout: 30_000})
      .toContain("step 25");
    expect(await output(page, "zigzag")).toMatch(/30 steps to/);
  });

  it("section 4, try this: η = 0.5 lands on (0, 0), η = 1 bounces, η = 100 stops with the step and the rate", async () => {
    const {page: p} = await open(browser, PATH);
    try {
      await settled(p);
      await edit(p, "descend", sourceOf("descend").replace("[0.1, 10, 1e-10]", "[0.5, 1, 100]"));
      await expect
        .poll(() => output(p, "descend"))
        .toContain("η = 100: stopped at step 67: f is Infinity with η = 100");
      const text = await output(p, "descend");
      expect(text).toContain("η = 0.5: ends at (0.00000000, 0.00000000)");
      expect(text).toContain("η = 1: ends at (-3.00000000, 4.00000000)");
      await edit(p, "nudge", sourceOf("nudge").replace("const nudge = 0.001;", "const nudge = 0.1;"));
      await expect.poll(() => output(p, "nudge")).toContain("f(a) = a²: f(2) = 4, f(2.1) = 4.41, ratio 4.1");
      await edit(p, "accuracy", sourceOf("accuracy").replace("const weightNudge = 0.001;", "const weightNudge = 0.1;"));
      await expect.poll(() => output(p, "accuracy")).toContain("w = -0.4: 43 of 100 right, accuracy 43 %");
    } finally {
      await p.context().close();
    }
  });

  it("section 5: J = 33 with gradients 3, 3, 6, 9, the 7, 4, 2 case gives 45, and the graph steps forward then back", async () => {
    const text = await output(page, "graph");
    expect(text).toContain("a = 5, b = 3, c = 2: u = 6, v = 11, J = 33; ∂J/∂v = 3, ∂J/∂a = 3, ∂J/∂b = 6, ∂J/∂c = 9");
    expect(text).toContain("a = 7, b = 4, c = 2: u = 8, v = 15, J = 45; ∂J/∂v = 3, ∂J/∂a = 3, ∂J/∂b = 6, ∂J/∂c = 12");
    const graph = cellOutput(page, "graph").locator(".nn-graph");
    const readout = graph.locator(".nn-readout");
    const next = graph.getByRole("button", {name: "Next step ▶"});
    await graph.getByRole("button", {name: "Reset"}).click();
    for (let k = 0; k < 4; k++) await next.click();
    await expect(readout.textContent()).resolves.toContain("forward: u = 3 × 2 = 6");
    await next.click();
    await expect(readout.textContent()).resolves.toContain("forward: v = 5 + 6 = 11");
    await next.click();
    await next.click();
    await expect(readout.textContent()).resolves.toContain("forward: J = 11 × 3 = 33");
    await next.click();
    await expect(readout.textContent()).resolves.toContain("∂J/∂J = 1");
    await next.click();
    await next.click();
    await expect(readout.textContent()).resolves.toContain("∂J/∂v = ∂J/∂J · ∂J/∂v = 1 · 3 = 3");
    await next.click();
    await next.click();
    await expect(readout.textContent()).resolves.toContain("∂J/∂c = ∂J/∂u · ∂u/∂c = 3 · 3 = 9");
    await next.click();
    await expect(readout.textContent()).resolves.toContain("∂J/∂b = ∂J/∂u · ∂u/∂b = 3 · 2 = 6");
    await next.click();
    await expect(readout.textContent()).resolves.toMatch(/step 14 of 14: .*∂J\/∂a = .* = 3$/);
    expect(await next.isDisabled()).toBe(true);
  });

  it("section 6: the loop, the library and gradientCheck agree on logistic regression's gradients", async () => {
    const [loop, library] = await table(page, "logistic-check");
    expect(loop).toHaveLength(3);
    loop.forEach((g, j) => {
      expect(g).toBeCloseTo(library[j], 8);
    });
    const [relative] = await read(page, "logistic-check", /largest relative difference ([\d.e+-]+)/);
    expect(relative).toBeLessThan(1e-6);
    // dw₂ uses x₂ (the AND table's second column), so it differs from dw₁.
    expect(Math.abs(loop[0] - loop[1])).toBeGreaterThan(0.01);
  });

  it("section 7: every gradient has its parameter's shape, and the diagram walks the backward pass layer by layer", async () => {
    const shapes = await output(page, "shapes");
    expect(shapes).toContain("layer 1: W 2 × 3, dW 2 × 3; b 1 × 3, db 1 × 3");
    expect(shapes).toContain("layer 2: W 3 × 1, dW 3 × 1; b 1 × 1, db 1 × 1");
    const diagram = cellOutput(page, "backprop-steps").locator(".nn-backprop");
    const readout = diagram.locator(".nn-readout");
    const next = diagram.getByRole("button", {name: "Next step ▶"});
    await expect(readout.textContent()).resolves.toContain("step 0 of 11");
    const seen: string[] = [];
    const arrows: number[] = [];
    for (let k = 1; k <= 11; k++) {
      await next.click();
      const text = (await readout.textContent()) ?? "";
      expect(text).toContain(`step ${k} of 11`);
      seen.push(text);
      // Something is lit at every step; connections in use carry an arrow.
      expect(await diagram.locator("circle[stroke-width='3']").count()).toBeGreaterThan(0);
      arrows.push(await diagram.locator("line[marker-end]").count());
    }
    // Z[1] uses the 6 weights and 3 biases of layer 1; A[1] none; dW[2] the 3 weights of layer 2; db[1] 3 biases.
    expect(arrows).toEqual([9, 0, 4, 0, 0, 3, 1, 3, 0, 6, 3]);
    expect(seen[0]).toContain("forward: Z[1] = X · W[1] + b[1]");
    expect(seen[0]).toContain("(4 × 2) · (2 × 3) + (1 × 3) → 4 × 3");
    expect(seen[4]).toContain("backward: dZ[2] = A[2] − Y");
    expect(seen[5]).toContain("dW[2] = A[1]ᵀ · dZ[2] / m");
    expect(seen[5]).toContain("(3 × 4) · (4 × 1) → 3 × 1, the shape of W[2]");
    expect(seen[7]).toContain("dA[1] = dZ[2] · W[2]ᵀ");
    expect(seen[8]).toContain("dZ[1] = dA[1] ⊙ (1 − A[1]²)");
    expect(seen[9]).toContain("2 × 3, the shape of W[1]");
    expect(await next.isDisabled()).toBe(true);
    expect(await diagram.locator("svg").getAttribute("aria-label")).toContain("Step 11 of 11, backward");
    await diagram.getByRole("button", {name: "Reset"}).click();
    await expect(readout.textContent()).resolves.toContain("step 0 of 11");
    // Play steps by itself until paused.
    await diagram.getByRole("button", {name: "Play"}).click();
    await expect.poll(() => readout.textContent(), {timeout: 15_000}).toContain("step 2 of 11");
    await diagram.getByRole("button", {name: "Pause"}).click();
    const paused = await readout.textContent();
    await page.waitForTimeout(1500);
    expect(await readout.textContent()).toBe(paused);
  });

  it("section 7: training with these gradients lowers the loss and learns XOR", async () => {
    const [epoch, last, first] = await read(page, "train", /epoch (\d+): loss ([\d.]+) \(start ([\d.]+)\)/);
    expect(epoch).toBe(1000);
    expect(first).toBeCloseTo(0.7955, 4);
    expect(last).toBeLessThan(first / 10);
    expect(await output(page, "train")).toContain("outputs 0.00, 1.00, 1.00, 0.00");
    const losses = await cellOutput(page, "train")
      .locator(".nn-loss-curve")
      .evaluate((c) => (c as unknown as {data: {loss: number}[]}).data.map((p) => p.loss));
    expect(losses).toHaveLength(1000);
    expect(losses[999]).toBeLessThan(losses[0]);
  });

  it("section 8: the timings are printed and make sense (no speed is required)", async () => {
    const timing = await output(page, "timing");
    expect(timing).toContain("337 parameters: 674 forward passes for one numerical gradient");
    const [backprop, numerical, ratio] = await read(
      page,
      "timing",
      /backpropagation ([\d.]+) ms, numerical ([\d.]+) ms: ratio (\d+)/
    );
    for (const v of [backprop, numerical, ratio]) expect(Number.isFinite(v) && v > 0).toBe(true);
    expect(ratio).toBeGreaterThan(1);
    const [listMs, typedMs, loopRatio] = await read(
      page,
      "dot-timing",
      /plain array: ([\d.]+) ms; over a Float64Array: ([\d.]+) ms; ratio ([\d.]+)/
    );
    for (const v of [listMs, typedMs, loopRatio]) expect(Number.isFinite(v) && v > 0).toBe(true);
    const [valueMs, valueRatio] = await read(page, "dot-timing", /over Value objects: (\d+) ms, (\d+) times/);
    expect(valueMs).toBeGreaterThan(0);
    expect(valueRatio).toBeGreaterThan(1);
  });

  it("section 9: 32 of 100 right is 32 %, a nudge of 0.001 changes the cross-entropy but not the accuracy", async () => {
    const text = await output(page, "accuracy");
    const lines = [...text.matchAll(/w = (-?[\d.]+): (\d+) of 100 right, accuracy (\d+) %; cross-entropy ([\d.]+)/g)];
    expect(lines.map((line) => line.slice(1).map(Number))).toEqual([
      [-0.5, 32, 32, 1.209056],
      [-0.499, 32, 32, 1.208051]
    ]);
    const readouts = page.locator(".bp-row .nn-function-plot .nn-readout");
    await expect.poll(() => readouts.nth(0).textContent()).toMatch(/accuracy = 0\.32, slope = 0/);
    await expect.poll(() => readouts.nth(1).textContent()).toMatch(/cross-entropy = 1\.209, slope = -1\.0/);
  });

  it("has the exercises, think-about-it questions, Try-this prompts, summary and pointer the standard asks for", async () => {
    expect(await page.locator(`[data-exercise^="backpropagation/"]`).count()).toBe(EXERCISES.length);
    const thinks = await page.locator("details.think summary").allTextContents();
    expect(thinks).toHaveLength(3);
    expect(thinks.join(" ")).toMatch(/central difference.*one forward pass.*many minima/s);
    expect(await page.getByText("Try this:").count()).toBeGreaterThanOrEqual(8);
    const summary = page.locator("h2:has-text('Summary') + ul > li");
    expect(await summary.count()).toBeGreaterThanOrEqual(5);
    expect(await summary.count()).toBeLessThanOrEqual(8);
    await expect(page.locator('main a[href$="training"]').count()).resolves.toBeGreaterThan(0);
  });

  it("each exercise starts pending and passes with its reference solution", async () => {
    const {page: fresh, report: freshReport} = await open(browser, PATH);
    try {
      await settled(fresh);
      fresh.on("dialog", (dialog) => void dialog.accept());
      for (const id of EXERCISES) {
        const root = fresh.locator(`[data-exercise="backpropagation/${id}"]`);
        await expect.poll(() => root.getAttribute("data-status")).toBe("pending");
        await root.getByRole("button", {name: "Hint"}).click();
        await expect(root.locator(".exercise__hint:visible").count()).resolves.toBe(1);
        await root.getByRole("button", {name: "Show solution"}).click();
        await root.getByRole("button", {name: "Run"}).click();
        await expect.poll(() => root.getAttribute("data-status"), {timeout: 20_000}).toBe("passed");
        await expect(root.locator(".exercise__result").textContent()).resolves.toMatch(/^✓/);
      }
      await expect(fresh.locator(".chapter-progress").textContent()).resolves.toMatch(/4 of 4|all 4/);
      expect(freshReport.consoleErrors).toEqual([]);
    } finally {
      await fresh.context().close();
    }
  });

  for (const colorScheme of ["light", "dark"] as const) {
    for (const width of [1200, 375]) {
      it(`reads in ${colorScheme} at ${width} px: no sideways scrolling, screenshot saved`, async () => {
        const {page: view, report: viewReport} = await open(browser, PATH, {colorScheme, width});
        try {
          await settled(view);
          const height = await view.evaluate(() => document.documentElement.scrollHeight);
          for (let y = 0; y < height; y += 700) {
            await view.evaluate((top) => window.scrollTo(0, top), y);
            await view.waitForTimeout(30);
          }
          await view.evaluate(() => window.scrollTo(0, 0));
          const overflow = await view.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow).toBeLessThanOrEqual(0);
          expect(viewReport.consoleErrors).toEqual([]);
          await screenshot(view, `backpropagation/${colorScheme}-${width}`);
        } finally {
          await view.context().close();
        }
      });
    }
  }
});
