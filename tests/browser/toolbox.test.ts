// The Toolbox page is the visual test bed of the components: every component renders, is labelled, reacts to its
// inputs, follows a theme switch and fits a phone; the decision map keeps ≥ 30 redraws per second during training.
import {mkdirSync, writeFileSync} from "node:fs";
import type {Browser, Locator, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {ARTIFACTS, launch, open, type PageReport, screenshot} from "./browser.js";

/** Root class of each component on the page, and how many the Toolbox shows at least. */
const COMPONENTS: Record<string, number> = {
  ".nn-function-plot": 3,
  ".nn-network": 3,
  ".nn-decision-map": 2,
  ".nn-loss-curve": 2,
  ".nn-gd1d": 1,
  ".nn-gd2d": 1,
  ".nn-graph": 1,
  ".nn-matrix-view": 4,
  ".nn-controls": 1,
  ".nn-curve-plot": 1,
  ".nn-histogram": 2,
  ".nn-batch-plan": 1
};

let browser: Browser;
let page: Page;
let report: PageReport;

/** Waits until every component has appeared (cells run asynchronously after load). */
async function ready(p: Page): Promise<void> {
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
    expect(await page.locator(".nn-network").first().locator("line.edge").count()).toBe(9); // XOR 2-2-1 with biases
    expect(await page.locator(".nn-graph").first().locator("g.node").count()).toBe(7);
    expect(await canvasVariety(page.locator(".nn-decision-map canvas").first())).toBeGreaterThan(20);
    // The first function plot's label describes the sigmoid.
    expect(await ariaLabel(page.locator(".nn-function-plot svg").first())).toContain(
      "S-shaped curve from 0 to 1, 0.5 at z = 0"
    );
    // The checked forward pass from the source: A1 = [0.3, 0.7, 1.1] and sigmoid(A1).
    const views = page.locator(".nn-matrix-view");
    expect(await views.nth(0).getAttribute("aria-label")).toContain("[0.3, 0.7, 1.1]");
    expect(await views.nth(1).getAttribute("aria-label")).toContain("[0.57444252, 0.66818777, 0.75026011]");
    expect(await page.locator(".nn-matrix-view [role=img]").first().getAttribute("aria-label")).toContain(
      "[19, 22], [43, 50]"
    );
  });

  it("function plot: follows its select, rejects a bad formula and keeps the last curve", async () => {
    const plot = page.locator(".nn-function-plot").first();
    const path = plot.locator("path.f").first();
    const before = await path.getAttribute("d");
    await page.locator("select").first().selectOption({label: "relu"});
    await page.waitForFunction(() =>
      document.querySelector(".nn-function-plot svg")?.getAttribute("aria-label")?.startsWith("ReLU")
    );
    const relu = page.locator(".nn-function-plot path.f").first();
    expect(await relu.getAttribute("d")).not.toBe(before);
    // Keyboard readout.
    const svg = page.locator(".nn-function-plot svg").first();
    await svg.focus();
    await svg.press("End");
    expect(await page.locator(".nn-function-plot .nn-readout").first().textContent()).toContain(
      "x = 5   ReLU(z) = 5, slope = 1"
    );

    const typed = page.locator(".nn-function-plot").nth(2);
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
    const diagram = page.locator(".nn-network").first();
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
    const field = page.locator(".nn-control input[inputmode=numeric]");
    const last = page.locator(".nn-network").last();
    expect(await last.locator("g.node").count()).toBe(2 + 4 + 3 + 1);
    await field.fill("5");
    await expect.poll(() => page.locator(".nn-network").last().locator("g.node").count()).toBe(2 + 5 + 1);
    await field.fill("5, x");
    await expect
      .poll(() => page.locator(".nn-control .nn-error").last().textContent())
      .toContain('"x" is not a layer size');
    expect(await page.locator(".nn-network").last().locator("g.node").count()).toBe(2 + 5 + 1);
  });

  it("gradient descent 1-D: steps, and says 'diverged' when the learning rate is too large", async () => {
    const gd = page.locator(".nn-gd1d");
    await gd.getByRole("button", {name: "Step"}).click();
    expect(await gd.locator(".nn-readout").textContent()).toContain("step 1: x = 3.2");
    // Learning rate 1.2 (the slider's maximum) on x²: every step lands 1.4 times further out.
    await page
      .locator("input[type=range]")
      .first()
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

  it("decision map: redraws at ≥ 30 frames per second while the network trains, and the loss falls", async () => {
    const map = page.locator(".nn-decision-map").first();
    const curve = page.locator(".nn-loss-curve").first();
    const accuracyBefore = await map.evaluate((el) => (el as HTMLElement & {accuracy: number}).accuracy);
    const canvasBefore = await pixel(map.locator("canvas").first(), 0.1, 0.9);
    await page.getByRole("button", {name: "▶ Play"}).click();
    await page.waitForTimeout(500);
    const measure = () =>
      map.evaluate((el) => ({frames: (el as HTMLElement & {frames: number}).frames, t: performance.now()}));
    const start = await measure();
    await page.waitForTimeout(2000);
    const end = await measure();
    const fps = ((end.frames - start.frames) * 1000) / (end.t - start.t);
    const points = await curve.evaluate(
      (el) => (el as HTMLElement & {data: {epoch: number; loss: number; testLoss?: number}[]}).data.length
    );
    const lastEpoch = await curve.evaluate(
      (el) => (el as HTMLElement & {data: {epoch: number}[]}).data.at(-1)?.epoch ?? 0
    );
    await page.getByRole("button", {name: "⏸ Pause"}).click();
    const losses = await curve.evaluate((el) =>
      (el as HTMLElement & {data: {loss: number; testLoss: number}[]}).data.map((p) => [p.loss, p.testLoss])
    );
    const firstPoints = await curve.evaluate((el) => (el as HTMLElement & {data: unknown[]}).data.slice(0, 3));
    const accuracyAfter = await map.evaluate((el) => (el as HTMLElement & {accuracy: number}).accuracy);
    const result = {
      fps: Math.round(fps * 10) / 10,
      seconds: (end.t - start.t) / 1000,
      epochs: lastEpoch,
      lossPoints: points,
      firstLoss: losses[0][0],
      lastLoss: losses.at(-1)?.[0],
      accuracyBefore,
      accuracyAfter,
      firstPoints
    };
    mkdirSync(ARTIFACTS, {recursive: true});
    writeFileSync(`${ARTIFACTS}/decision-map-fps.json`, `${JSON.stringify(result, null, 2)}\n`);
    console.log(
      `decision map during training: ${result.fps} redraws per second over ${result.seconds.toFixed(2)} s, ${lastEpoch} epochs`
    );
    expect(fps).toBeGreaterThanOrEqual(30);
    expect(lastEpoch).toBeGreaterThan(300);
    expect(losses.at(-1)?.[0]).toBeLessThan(losses[0][0] * 0.7);
    expect(losses.at(-1)?.[1]).toBeLessThan(losses[0][1]);
    expect(accuracyAfter).toBeGreaterThan(Math.max(0.85, accuracyBefore));
    expect(await pixel(map.locator("canvas").first(), 0.1, 0.9)).not.toEqual(canvasBefore);
    const multiples = map.locator(".nn-multiples canvas");
    expect(await multiples.getAttribute("aria-label")).toContain("each of the 6 hidden units");
    expect(await canvasVariety(multiples)).toBeGreaterThan(20);
    expect(await map.locator("[role=img]").first().getAttribute("aria-label")).toMatch(/\d+ % classified correctly/);
  });

  it("stops its animation loop when destroyed (no leaked frames)", async () => {
    const map = page.locator(".nn-decision-map").first();
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
      page
        .locator(".nn-function-plot path.f")
        .nth(1)
        .evaluate((p) => getComputedStyle(p).stroke);
    const background = () => pixel(page.locator(".nn-decision-map canvas").nth(1), 0.02, 0.02);
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
