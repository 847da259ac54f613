// The Toolbox page is the visual test bed of the components and the library: every example is a live cell that runs
// on a fresh load and that a learner can edit and rerun; every component renders, is labelled, reacts to its inputs,
// follows training, a theme switch and fits a phone. (How fast the decision map redraws is measured by the bench.)
import {readFileSync} from "node:fs";
import MarkdownIt from "markdown-it";
import type {Browser, Locator, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {parseLiveInfo} from "../../src/build/live-cells-plugin.js";
import {cellOutput, launch, liveCell, open, type PageReport, screenshot} from "./browser.js";

/** Root class of each component on the page, and how many the Toolbox shows at least. */
const COMPONENTS: Record<string, number> = {
  ".nn-function-plot": 3,
  ".nn-network": 3,
  ".nn-decision-map": 2,
  ".nn-loss-curve": 3,
  ".nn-gd1d": 1,
  ".nn-gd2d": 1,
  ".nn-graph": 1,
  ".nn-matrix-view": 9,
  ".nn-controls": 1,
  ".nn-softmax-bars": 1,
  ".nn-backprop": 1,
  ".nn-decision-line": 1,
  ".nn-loss-map": 2,
  ".nn-residual-plot": 1,
  ".nn-curve-plot": 1,
  ".nn-histogram": 2,
  ".nn-batch-plan": 1
};

/** The live cell of each main library entry, and the source pages its caption links to. */
const LIBRARY_CELLS: Record<string, string[]> = {
  matrix: ["matrix", "products"],
  network: ["network", "backprop"],
  datasets: ["datasets"],
  train: ["train", "optimizers", "schedules", "stopping"],
  trainer: ["trainer"],
  "gradient-check": ["gradient-check"],
  value: ["value"],
  mlp: ["mlp"],
  sequential: ["sequential"]
};

/** The live cells of the Toolbox's Markdown source, in page order (the ids the build gives them). */
function liveCellsInSource(): {id: string; lines: number; source: string}[] {
  const tokens = new MarkdownIt().parse(readFileSync("src/toolbox.md", "utf-8"), {});
  return tokens.flatMap((token) => {
    const info = token.type === "fence" ? parseLiveInfo(token.info) : null;
    const source = token.content;
    return info ? [{id: info.id ?? "", lines: source.trimEnd().split("\n").length, source}] : [];
  });
}

/** Waits until no live cell of the page is running. */
const settled = (p: Page, timeout = 30_000) =>
  p.waitForFunction(() => document.querySelectorAll('[data-live-cell][data-state="running"]').length === 0, null, {
    timeout
  });

/** Opens a cell's editor, lets `type` edit it with the keyboard, and reruns it with Shift+Enter. */
async function editCell(p: Page, id: string, type: (keyboard: Page["keyboard"]) => Promise<void>): Promise<void> {
  await liveCell(p, id).getByRole("button", {name: "Edit"}).click();
  const content = liveCell(p, id).locator(".cm-content");
  await content.waitFor();
  await content.focus();
  await type(p.keyboard);
  await p.keyboard.press("Shift+Enter");
}

let browser: Browser;
let page: Page;
let report: PageReport;

/** Waits until every live cell has finished and every component has appeared. */
async function ready(p: Page): Promise<void> {
  await settled(p);
  for (const [selector, count] of Object.entries(COMPONENTS))
    await p.waitForFunction(
      ([s, n]) => document.querySelectorAll(s as string).length >= (n as number),
      [selector, count]
    );
}

const ariaLabel = (l: Locator) =>
  l.evaluate((el) => (el.closest("[aria-label]") ?? el).getAttribute("aria-label") ?? "");

/** Whether a canvas has more than one colour in it (i.e. something was drawn). */
const canvasVariety = (l: Locator) =>
  l.evaluate((c: HTMLCanvasElement) => {
    const ctx = c.getContext("2d");
    if (!ctx || c.width === 0) return 0;
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return colours.size;
  });

/** The colour of the canvas pixel at a fraction (fx, fy) of its size. */
const pixel = (l: Locator, fx: number, fy: number) =>
  l.evaluate(
    (c: HTMLCanvasElement, [x, y]) =>
      Array.from(c.getContext("2d")?.getImageData(Math.floor(c.width * x), Math.floor(c.height * y), 1, 1).data ?? []),
    [fx, fy]
  );

beforeAll(async () => {
  browser = await launch();
  ({page, report} = await open(browser, "/toolbox", {colorScheme: "light"}));
  await ready(page);
});

afterAll(async () => {
  await browser?.close();
});

describe("Toolbox page", () => {
  it("loads with no console error, failed request or off-site request", () => {
    expect(report.consoleErrors).toEqual([]);
    expect(report.failedRequests).toEqual([]);
    expect(report.foreignRequests).toEqual([]);
  });

  it("makes every example a live cell that finishes on a fresh load", async () => {
    const source = liveCellsInSource();
    const onPage = await page.$$eval("[data-live-cell]", (cells) =>
      cells.map((c) => ({id: c.getAttribute("data-live-cell"), state: c.getAttribute("data-state")}))
    );
    expect(onPage.map((c) => c.id)).toEqual(source.map((c) => c.id));
    expect(onPage.length).toBeGreaterThanOrEqual(20);
    expect(onPage.filter((c) => c.state !== "done")).toEqual([]);
    // Small cells: at most 25 lines each.
    expect(source.filter((c) => c.lines > 25)).toEqual([]);
    // No example is left as plain code: the only non-live code blocks are the signatures (run=false).
    const plain = await page.locator("main pre:not(.live-cell__source)").count();
    const signatures = (readFileSync("src/toolbox.md", "utf-8").match(/^```ts run=false$/gm) ?? []).length;
    expect(plain).toBe(signatures);
    // Every component is drawn by a live cell.
    for (const selector of Object.keys(COMPONENTS)) {
      const inCells = page.locator(`[data-live-cell] [data-cell-output] ${selector}`);
      expect(await inCells.count(), selector).toBeGreaterThan(0);
    }
    // Every main library entry has its cell, and the cell's caption links to its source pages.
    for (const [id, files] of Object.entries(LIBRARY_CELLS)) {
      expect(await liveCell(page, id).getAttribute("data-state"), id).toBe("done");
      const caption = liveCell(page, id).locator("xpath=following-sibling::p[1]");
      const links = await caption.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
      for (const file of files) expect(links, `${id} links to ${file}.ts`).toContain(`./source/${file}`);
    }
    expect(report.consoleErrors).toEqual([]);
  });

  it("library cells print what the library computes", async () => {
    const text = (id: string) => cellOutput(page, id).innerText();
    expect(await text("matrix")).toContain("MN.get(1, 0) = 43");
    // Trainer step by step and trainSync in one call end on the same loss.
    const trainer = await text("trainer");
    const stepwise = /, (0\.\d{4}) after epoch 300/.exec(trainer)?.[1];
    expect(stepwise).toMatch(/^0\.0\d+$/);
    expect(/trainSync: 300 epochs, loss (0\.\d{4})/.exec(trainer)?.[1]).toBe(stepwise);
    const worst = Number(/largest of all: ([\d.e+-]+)/.exec(await text("gradient-check"))?.[1]);
    expect(worst).toBeGreaterThan(0);
    expect(worst).toBeLessThan(1e-6);
    expect(await text("value")).toContain("∂/∂w = 0.4700, ∂/∂x = -0.1175");
    expect(await text("train")).toMatch(/epoch 300: loss 0\.00\d+, accuracy 1/);
    const accuracy = /accuracy: ([\d.]+) on the training part, ([\d.]+) on the test part/.exec(await text("mlp"));
    expect(Number(accuracy?.[2])).toBeGreaterThan(0.85);
    const predictions = await cellOutput(page, "sequential").locator(".nn-matrix-view td").allInnerTexts();
    expect(predictions.map((p) => Math.round(Number(p)))).toEqual([0, 1, 1, 0]);
    expect(await text("datasets")).toMatch(/iris\s+150\s+4\s+3/);
    // "the 16 tanh units separate 99 % of the training points"
    const spiral = cellOutput(page, "spiral-map").locator(".nn-decision-map");
    expect(await spiral.evaluate((el) => (el as HTMLElement & {accuracy: number}).accuracy)).toBeGreaterThanOrEqual(
      0.985
    );
  });

  it("shows every component, each drawn and labelled", async () => {
    for (const [selector, count] of Object.entries(COMPONENTS)) {
      const all = page.locator(selector);
      expect(await all.count(), selector).toBeGreaterThanOrEqual(count);
    }
    // Each picture has role="img" and a label of real length.
    const pictures = page.locator(".nn-fig [role=img]");
    const n = await pictures.count();
    expect(n).toBeGreaterThanOrEqual(15);
    for (let i = 0; i < n; i++) {
      const label = (await pictures.nth(i).getAttribute("aria-label")) ?? "";
      expect(label.length, `aria-label of picture ${i}`).toBeGreaterThan(20);
    }
    // SVG components have drawn marks; canvases are not blank.
    for (const selector of [".nn-function-plot", ".nn-loss-curve", ".nn-gd1d", ".nn-gd2d", ".nn-curve-plot"]) {
      const d = await page
        .locator(`${selector} svg path`)
        .evaluateAll((ps) => ps.map((p) => p.getAttribute("d") ?? "").filter((s) => s.length > 20).length);
      expect(d, selector).toBeGreaterThan(0);
    }
    expect(await cellOutput(page, "network-diagram").locator("line.edge").count()).toBe(9); // XOR 2-2-1 with biases
    expect(await page.locator(".nn-graph").first().locator("g.node").count()).toBe(7);
    expect(await canvasVariety(page.locator(".nn-decision-map canvas").first())).toBeGreaterThan(20);
    // The first function plot's label describes the sigmoid.
    expect(await ariaLabel(cellOutput(page, "function-plot").locator(".nn-function-plot svg"))).toContain(
      "S-shaped curve from 0 to 1, 0.5 at z = 0"
    );
    // The checked forward pass from the source: A1 = [0.3, 0.7, 1.1] and sigmoid(A1).
    const views = cellOutput(page, "network").locator(".nn-matrix-view");
    expect(await views.nth(0).getAttribute("aria-label")).toContain("[0.3, 0.7, 1.1]");
    expect(await views.nth(1).getAttribute("aria-label")).toContain("[0.57444252, 0.66818777, 0.75026011]");
    expect(await cellOutput(page, "matrix-view").locator("[role=img]").first().getAttribute("aria-label")).toContain(
      "[19, 22], [43, 50]"
    );
  });

  it("function plot: follows its select, rejects a bad formula and keeps the last curve", async () => {
    const plot = cellOutput(page, "function-plot").locator(".nn-function-plot");
    const path = plot.locator("path.f").first();
    const before = await path.getAttribute("d");
    await cellOutput(page, "function-plot").locator("select").selectOption({label: "relu"});
    await expect.poll(() => plot.locator("svg").getAttribute("aria-label")).toMatch(/^ReLU/);
    expect(await path.getAttribute("d")).not.toBe(before);
    // Keyboard readout.
    const svg = plot.locator("svg");
    await svg.focus();
    await svg.press("End");
    expect(await plot.locator(".nn-readout").textContent()).toContain("x = 5   ReLU(z) = 5, slope = 1");

    const typed = cellOutput(page, "formula").locator(".nn-function-plot");
    const curve = typed.locator("path.f").first();
    const good = await curve.getAttribute("d");
    const input = typed.locator("input[type=text]");
    await input.fill("x^2 +");
    await expect
      .poll(() => typed.locator(".nn-expr .nn-error").textContent())
      .toContain("Unexpected end of expression");
    expect(await curve.getAttribute("d")).toBe(good);
    await input.fill("sin(x)");
    await expect.poll(() => curve.getAttribute("d")).not.toBe(good);
    expect(await typed.locator(".nn-expr .nn-error").textContent()).toBe("");
    expect(await typed.locator(".nn-legend").textContent()).toContain("f′(x) = cos(x)");
  });

  it("network diagram: hovering a weight shows its value and gradient", async () => {
    const diagram = cellOutput(page, "network-diagram").locator(".nn-network");
    await diagram.locator("line.hit").first().dispatchEvent("pointerover");
    const text = (await diagram.locator(".nn-readout").textContent()) ?? "";
    expect(text).toMatch(/^b₁⁽¹⁾ = -?[\d.]+ /);
    expect(text).toMatch(/∂L\/∂b₁⁽¹⁾ = -?[\d.e-]+/);
    await diagram.locator("svg").focus();
    await diagram.locator("svg").press("ArrowRight");
    expect(await diagram.locator(".nn-readout").textContent()).toMatch(/^b₂⁽¹⁾ = /);
    await diagram.locator("svg").press("ArrowRight");
    expect(await diagram.locator(".nn-readout").textContent()).toMatch(
      /^w₁₁⁽¹⁾ = -?[\d.]+ {2}\(input x₁ → unit 1 of layer 1; layers\[0\]\.W\[0\]\[0\]\)/
    );
    expect(await diagram.locator("text.value").nth(1).textContent()).toBe("1.00"); // node x₁ (after the bias node) shows input 1
  });

  it("hidden sizes: a valid edit redraws the diagram, an invalid one shows a message and keeps it", async () => {
    const cell = cellOutput(page, "controls");
    const field = cell.locator(".nn-control input[inputmode=numeric]");
    const diagram = cell.locator(".nn-network");
    expect(await diagram.locator("g.node").count()).toBe(2 + 4 + 3 + 1);
    await field.fill("5");
    await expect.poll(() => diagram.locator("g.node").count()).toBe(2 + 5 + 1);
    await field.fill("5, x");
    await expect.poll(() => cell.locator(".nn-control .nn-error").textContent()).toContain('"x" is not a layer size');
    expect(await diagram.locator("g.node").count()).toBe(2 + 5 + 1);
  });

  it("gradient descent 1-D: steps, and says 'diverged' when the learning rate is too large", async () => {
    const gd = page.locator(".nn-gd1d");
    await gd.getByRole("button", {name: "Step"}).click();
    expect(await gd.locator(".nn-readout").textContent()).toContain("step 1: x = 3.2");
    // Learning rate 1.2 (the slider's maximum) on x²: every step lands 1.4 times further out.
    await cellOutput(page, "gd1d")
      .locator("input[type=range]")
      .evaluate((el: HTMLInputElement) => {
        el.value = el.max;
        el.dispatchEvent(new Event("input", {bubbles: true}));
      });
    await expect.poll(() => page.locator(".nn-gd1d svg").getAttribute("aria-label")).toContain("learning rate 1.2");
    const fresh = page.locator(".nn-gd1d");
    for (let i = 0; i < 12; i++) await fresh.getByRole("button", {name: "Step"}).click({force: true});
    expect(await fresh.locator(".nn-error").last().textContent()).toMatch(/^Diverged at step \d+: x = /);
    expect(await fresh.getAttribute("data-diverged")).toBe("true");
    expect(report.consoleErrors).toEqual([]);
  });

  it("gradient descent 2-D: clicking moves the start point and the readout gives ∇f", async () => {
    const gd = page.locator(".nn-gd2d");
    expect(await gd.locator(".nn-readout").textContent()).toContain("start (3, 4): ∇f = (6, 8)");
    await gd.locator("svg").scrollIntoViewIfNeeded();
    const box = (await gd.locator("svg").boundingBox()) as {x: number; y: number; width: number; height: number};
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.7);
    await expect.poll(() => gd.locator(".nn-readout").textContent()).not.toContain("start (3, 4)");
    expect(await gd.locator("svg").getAttribute("aria-label")).not.toContain("from (3, 4)");
    expect(await gd.locator("g.field line").count()).toBeGreaterThan(30);
  });

  it("computational graph: J = 3(a + bc) gives ∂J/∂a = 3, ∂J/∂b = 6, ∂J/∂c = 9", async () => {
    const graph = page.locator(".nn-graph");
    expect(await graph.locator("text.val").allTextContents()).toEqual(Array(7).fill("?"));
    await graph.getByRole("button", {name: "Next step ▶"}).click();
    expect(await graph.locator(".nn-readout").textContent()).toContain("forward: a = 5");
    await graph.getByRole("button", {name: "Show all"}).click();
    const grads = await graph.locator("text.grad").allTextContents();
    expect(grads).toEqual(expect.arrayContaining(["∂J/∂a = 3", "∂J/∂b = 6", "∂J/∂c = 9", "∂J/∂u = 3", "∂J/∂J = 1"]));
    expect(await graph.locator("text.val").allTextContents()).toEqual(expect.arrayContaining(["33", "11", "6"]));
    expect(await graph.locator(".nn-readout").textContent()).toContain("∂J/∂a = ∂J/∂v · ∂v/∂a = 3 · 1 = 3");
  });

  it("decision map: redraws while the network trains, follows it, and the loss falls", async () => {
    const pictures = cellOutput(page, "training-pictures");
    const map = pictures.locator(".nn-decision-map");
    const curve = pictures.locator(".nn-loss-curve");
    const frames = () => map.evaluate((el) => (el as HTMLElement & {frames: number}).frames);
    const points = () =>
      curve.evaluate((el) =>
        (el as HTMLElement & {data: {epoch: number; loss: number; testLoss: number}[]}).data.map((p) => ({...p}))
      );
    const accuracyBefore = await map.evaluate((el) => (el as HTMLElement & {accuracy: number}).accuracy);
    const canvasBefore = await pixel(map.locator("canvas").first(), 0.1, 0.9);
    const framesBefore = await frames();
    const diagram = pictures.locator(".nn-network");
    const valuesBefore = await diagram.locator("text.value").allTextContents();
    expect(await points()).toEqual([]);
    await cellOutput(page, "training-controls").getByRole("button", {name: "▶ Play"}).click();
    // However slowly the machine runs, training reaches epoch 600 (two minutes at most).
    await expect.poll(async () => (await points()).at(-1)?.epoch ?? 0, {timeout: 120_000}).toBeGreaterThanOrEqual(600);
    await cellOutput(page, "training-controls").getByRole("button", {name: "⏸ Pause"}).click();
    const losses = await points();
    // The curve got one point per five epochs, in order, each with a training and a test loss.
    expect(losses[0].epoch).toBe(5);
    expect(losses.every((p, i) => i === 0 || p.epoch === losses[i - 1].epoch + 5)).toBe(true);
    expect(losses.every((p) => Number.isFinite(p.loss) && Number.isFinite(p.testLoss))).toBe(true);
    // The loss falls, on the training and the test part, and the map classifies better.
    expect(losses.at(-1)?.loss).toBeLessThan(losses[0].loss * 0.7);
    expect(losses.at(-1)?.testLoss).toBeLessThan(losses[0].testLoss);
    const accuracyAfter = await map.evaluate((el) => (el as HTMLElement & {accuracy: number}).accuracy);
    expect(accuracyAfter).toBeGreaterThan(Math.max(0.85, accuracyBefore));
    // The map redrew (several times) and its picture changed; the hidden units' maps are drawn too.
    expect((await frames()) - framesBefore).toBeGreaterThan(5);
    expect(await pixel(map.locator("canvas").first(), 0.1, 0.9)).not.toEqual(canvasBefore);
    const multiples = map.locator(".nn-multiples canvas");
    expect(await multiples.getAttribute("aria-label")).toContain("each of the 6 hidden units");
    expect(await canvasVariety(multiples)).toBeGreaterThan(20);
    expect(await map.locator("[role=img]").first().getAttribute("aria-label")).toMatch(/\d+ % classified correctly/);
    // The diagram follows the same network: the values in its nodes (for the input (0.5, 0.25)) changed.
    expect(await diagram.locator("text.value").allTextContents()).not.toEqual(valuesBefore);
  });

  it("stops its animation loop when destroyed (no leaked frames)", async () => {
    const map = cellOutput(page, "training-pictures").locator(".nn-decision-map");
    const controls = page.locator(".nn-controls[aria-label='training controls']");
    await page.getByRole("button", {name: "▶ Play"}).click();
    await page.waitForTimeout(300);
    await controls.evaluate((el) => (el as HTMLElement & {destroy(): void}).destroy());
    await page.waitForTimeout(100);
    const f0 = await map.evaluate((el) => (el as HTMLElement & {frames: number}).frames);
    await page.waitForTimeout(500);
    expect(await map.evaluate((el) => (el as HTMLElement & {frames: number}).frames)).toBe(f0);
  });

  it("follows a switch to the dark theme (SVG and canvas) and back", async () => {
    const stroke = () =>
      cellOutput(page, "step-sigmoid")
        .locator("path.f")
        .nth(1)
        .evaluate((p) => getComputedStyle(p).stroke);
    const background = () => pixel(cellOutput(page, "spiral-map").locator("canvas").first(), 0.02, 0.02);
    const lightStroke = await stroke();
    await screenshot(page, "toolbox-light");
    await page.emulateMedia({colorScheme: "dark"});
    await expect.poll(stroke).not.toBe(lightStroke);
    // The spiral map's corner is confidently one class: a class colour blended with the dark page background.
    await expect
      .poll(async () => {
        const [r, g, b] = await background();
        return r + g + b;
      })
      .toBeLessThan(450);
    await screenshot(page, "toolbox-dark");
    await page.emulateMedia({colorScheme: "light"});
    await expect.poll(stroke).toBe(lightStroke);
    expect(report.consoleErrors).toEqual([]);
  });
});

describe("Toolbox page: a learner edits the examples", () => {
  let learner: Page;
  let learnerReport: PageReport;
  beforeAll(async () => {
    ({page: learner, report: learnerReport} = await open(browser, "/toolbox"));
    await settled(learner);
  });
  afterAll(async () => {
    await learner?.context().close();
  });

  it("edits a component cell: a new function is drawn", async () => {
    const svg = cellOutput(learner, "step-sigmoid").locator(".nn-function-plot svg");
    const before = await svg.getAttribute("aria-label");
    expect(before).toContain("step: 0 for z ≤ 0");
    await editCell(learner, "step-sigmoid", async (keyboard) => {
      await keyboard.press("ControlOrMeta+a");
      await keyboard.type('functionPlot({functions: ["tanh", "relu"], xLabel: "z", invalidation})');
    });
    await expect.poll(() => svg.getAttribute("aria-label")).toMatch(/^tanh: S-shaped curve from −1 to 1.*; ReLU: /);
    expect(await liveCell(learner, "step-sigmoid").getAttribute("data-state")).toBe("done");
    expect(await liveCell(learner, "step-sigmoid").locator(".live-cell__edited").isVisible()).toBe(true);
  });

  it("edits a library cell: a new line prints a new result", async () => {
    const output = cellOutput(learner, "matrix");
    const tables = output.locator("table");
    expect(await tables.count()).toBe(3);
    await editCell(learner, "matrix", async (keyboard) => {
      await keyboard.press("ControlOrMeta+End");
      await keyboard.press("Enter");
      await keyboard.type("display(M.transpose()); // rows become columns");
    });
    await expect.poll(() => tables.count()).toBe(4);
    expect(await tables.nth(3).locator("td").allTextContents()).toEqual(["1", "3", "2", "4"]);
    expect(await liveCell(learner, "matrix").getAttribute("data-state")).toBe("done");
    // A mistake shows the library's message, naming both shapes; nothing else on the page breaks.
    await editCell(learner, "matrix", async (keyboard) => {
      await keyboard.press("ControlOrMeta+End");
      await keyboard.press("Enter");
      await keyboard.type("display(M.matmul(Matrix.row([1, 2])));");
    });
    await expect.poll(() => liveCell(learner, "matrix").getAttribute("data-state")).toBe("error");
    expect(await output.innerText()).toContain("(2×2)·(1×2)");
    expect(learnerReport.consoleErrors).toEqual([]);
    await screenshot(learner, "toolbox-edited");
  });

  it("gives what the captions' Try this prompts say", async () => {
    /** Replaces the cell's code by its Markdown source with one change, as a learner would type it, and reruns. */
    const tryThis = async (id: string, from: string, to: string) => {
      const source = liveCellsInSource().find((c) => c.id === id)?.source ?? "";
      expect(source, id).toContain(from);
      await editCell(learner, id, async (keyboard) => {
        await keyboard.press("ControlOrMeta+a");
        await keyboard.insertText(source.replace(from, to));
      });
      await expect.poll(() => liveCell(learner, id).getAttribute("data-state"), {timeout: 30_000}).toBe("done");
      return cellOutput(learner, id).innerText();
    };
    // train: plain gradient descent is still at a loss of 0.67 after 300 epochs; tol 1e-3 stops at epoch 96.
    expect(await tryThis("train", 'optimizer: "adam"', 'optimizer: "sgd"')).toMatch(/epoch 300: loss 0\.67\d\d/);
    expect(await tryThis("train", "maxIter: 300", "maxIter: 300, tol: 1e-3")).toMatch(
      /epoch 96: .*improved by less than tol = 0\.001 for 10 epochs in a row/
    );
    // gradientCheck: with h = 0.1 the error grows to about 1e-2.
    const coarse = await tryThis("gradient-check", "{h: 1e-5}", "{h: 0.1}");
    const worst = Number(/largest of all: ([\d.e+-]+)/.exec(coarse)?.[1]);
    expect(worst).toBeGreaterThan(3e-3);
    expect(worst).toBeLessThan(3e-2);
    // spirals: three units cannot untangle the arms.
    await tryThis("spiral-map", "units: 16", "units: 3");
    const spiral = cellOutput(learner, "spiral-map").locator(".nn-decision-map");
    expect(await spiral.evaluate((el) => (el as HTMLElement & {accuracy: number}).accuracy)).toBeLessThan(0.8);
    // The computational graph: with a = −1 the gradients stay the same and J = 3(−1 + 6) = 15.
    await tryThis("graph", 'new Value(5, "a")', 'new Value(-1, "a")');
    const graph = cellOutput(learner, "graph").locator(".nn-graph");
    await graph.getByRole("button", {name: "Show all"}).click();
    expect(await graph.locator("text.grad").allTextContents()).toEqual(
      expect.arrayContaining(["∂J/∂a = 3", "∂J/∂b = 6", "∂J/∂c = 9"])
    );
    expect(await graph.locator("text.val").allTextContents()).toContain("15");
    expect(learnerReport.consoleErrors).toEqual([]);
  });
});

describe("Toolbox page at phone width, dark", () => {
  it("fits 360 px with no component wider than the screen", async () => {
    const {page: phone, report: phoneReport} = await open(browser, "/toolbox", {colorScheme: "dark", width: 360});
    await ready(phone);
    await phone.waitForTimeout(300);
    const overflow = await phone.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>(".nn-fig svg, .nn-fig canvas, .nn-legend")]
        .filter((el) => el.getBoundingClientRect().width > 0 && !el.closest(".nn-scroll"))
        .map((el) => ({cls: el.closest(".nn-fig")?.className, right: Math.round(el.getBoundingClientRect().right)}))
        .filter((r) => r.right > window.innerWidth + 1)
    );
    expect(overflow).toEqual([]);
    // Nothing on the page makes it scroll sideways.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(phoneReport.consoleErrors).toEqual([]);
    await screenshot(phone, "toolbox-dark-360");
    await phone.context().close();
  });
});
