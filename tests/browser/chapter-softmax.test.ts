// Chapter 3, softmax: the page loads clean, every live cell finishes, every number the prose states is the one the
// cells print, the bars follow the keyboard and the mouse, the training cell lowers the loss while its decision map
// moves, the "Try this" edits show what the text says, every exercise's reference solution passes, and the page
// reads in light and dark, at desktop and phone width.
import {readFileSync} from "node:fs";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {blobs, softmax} from "../../src/lib/nn/index.js";
import {cellOutput, launch, liveCell, numbers, open, type PageReport, screenshot, settled} from "./browser.js";

const PATH = "/softmax";
const EXERCISES = ["stableSoftmax", "predictClass", "crossEntropy", "logSigmoid"];
const SOURCE = readFileSync("src/softmax.md", "utf8");

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

const output = (p: Page, id: string): Promise<string> => cellOutput(p, id).innerText();

/** The numbers on the line of a cell's output that starts with `prefix` (outputs are one display per block). */
async function line(p: Page, id: string, prefix: string): Promise<number[]> {
  const blocks = await cellOutput(p, id)
    .locator(":scope > *")
    .evaluateAll((nodes) => nodes.map((n) => (n.textContent ?? "").replace(/^"|"$/g, "")));
  const found = blocks.find((text) => text.startsWith(prefix));
  if (found === undefined) throw new Error(`no line starting with "${prefix}" in cell ${id}: ${blocks.join(" | ")}`);
  return numbers(found.slice(prefix.length));
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

/** The source of a live cell as the page's Markdown writes it. */
function cellSource(id: string): string {
  const fence = "```";
  const match = new RegExp(`${fence}ts live id=${id}[^\\n]*\\n([\\s\\S]*?)\\n${fence}`).exec(SOURCE);
  if (!match) throw new Error(`no live cell ${id} in src/softmax.md`);
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
  await p.waitForTimeout(100);
  await settled(p);
}

const close = (got: number[], expected: number[], digits: number) => {
  expect(got).toHaveLength(expected.length);
  got.forEach((v, i) => {
    expect(v).toBeCloseTo(expected[i], digits);
  });
};

describe("chapter 3: softmax", () => {
  it("loads with no console error or failed request, and every live cell reaches done", async () => {
    const states = await page.$$eval("[data-live-cell]", (cells) => cells.map((c) => c.getAttribute("data-state")));
    expect(states.length).toBeGreaterThanOrEqual(18);
    expect(states.filter((s) => s !== "done")).toEqual([]);
    expect(report.consoleErrors).toEqual([]);
    expect(report.failedRequests).toEqual([]);
    expect(report.foreignRequests).toEqual([]);
    expect(await page.locator("main .katex").count()).toBeGreaterThan(60);
    expect(await page.locator('main a[href$="notation"]').count()).toBeGreaterThan(0);
  });

  it("section 1: three outputs, the largest score wins, and the hand-set weights classify every fruit", async () => {
    const fruit = blobs(); // 150 fruit, 50 of each class, as the prose says
    expect([0, 1, 2].map((c) => fruit.y.filter((y) => y === c).length)).toEqual([50, 50, 50]);
    const rows = await table(page, "fruit");
    close(rows[0], [1.0959, -4.6999, -3.396], 3);
    expect(rows.map((row) => row.indexOf(Math.max(...row)))).toEqual([0, 1, 2]);
    const text = await output(page, "fruit");
    expect(text).toContain("predicted: apple, lemon, passion fruit");
    expect(await line(page, "fruit", "right on")).toEqual([150, 150]);
    const legend = await liveCell(page, "fruit").locator(".nn-decision-map .nn-legend").textContent();
    expect(legend).toBe("applelemonpassion fruit");
  });

  it("section 2: softmax([0.3, 2.9, 4.0]) step by step, to eight decimals", async () => {
    expect(await line(page, "softmax-numbers", "e^z = ")).toEqual([1.34985881, 18.17414537, 54.59815003]);
    expect(await line(page, "softmax-numbers", "sum = ")).toEqual([74.12215421]);
    expect(await line(page, "softmax-numbers", "softmax(z) = ")).toEqual([0.01821127, 0.24519181, 0.73659691]);
    expect(await line(page, "softmax-numbers", "library softmax(z) = ")).toEqual([0.01821127, 0.24519181, 0.73659691]);
    expect(await line(page, "softmax-numbers", "sum of the probabilities = ")).toEqual([1]);
    expect(await line(page, "softmax-numbers", "as percentages: ")).toEqual([1.8, 24.5, 73.7]);
  });

  it("section 2: the bars state their values, and follow the arrow keys and a drag", async () => {
    const svg = liveCell(page, "bars").locator(".nn-softmax-bars svg");
    await svg.scrollIntoViewIfNeeded();
    expect(await svg.getAttribute("role")).toBe("img");
    expect(await svg.getAttribute("aria-label")).toContain(
      "Scores z: apple 0.3, lemon 2.9, passion fruit 4. softmax(z): apple 1.8 %, lemon 24.5 %, passion fruit 73.7 %."
    );
    // The Try this: apple's score up to 4, level with passion fruit (37 steps of 0.1 from the keyboard).
    await svg.focus();
    for (let i = 0; i < 37; i++) await page.keyboard.press("ArrowUp");
    await expect
      .poll(() => svg.getAttribute("aria-label"))
      .toContain(
        "Scores z: apple 4, lemon 2.9, passion fruit 4. softmax(z): apple 42.9 %, lemon 14.3 %, passion fruit 42.9 %."
      );
    expect(await liveCell(page, "bars").locator(".nn-readout").textContent()).toContain(
      "apple: z = 4, softmax = 42.9 %"
    );
    // Right arrow selects lemon; Shift+Down lowers it by 1.
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Shift+ArrowDown");
    await expect.poll(() => svg.getAttribute("aria-label")).toContain("lemon 1.9,");
    // Drag passion fruit's bar (the third of the score panel) down to about −4.
    const bar = liveCell(page, "bars").locator(".panel-z rect.bar").nth(2);
    const box = await bar.boundingBox();
    if (!box) throw new Error("the passion fruit bar has no box");
    const x = box.x + box.width / 2;
    await page.mouse.move(x, box.y + 2);
    await page.mouse.down();
    await page.mouse.move(x, box.y + box.height * 2.5, {steps: 5});
    await page.mouse.up();
    const label = (await svg.getAttribute("aria-label")) ?? "";
    const fruitScore = numbers(/passion fruit (-?[\d.]+)\./.exec(label)?.[1] ?? "NaN")[0];
    expect(fruitScore).toBeLessThan(0);
    const applePercent = Number(/softmax\(z\): apple ([\d.]+) %/.exec(label)?.[1]);
    expect(applePercent).toBeGreaterThan(85); // apple now leads by far
  });

  it("section 3: the exponentials overflow, the naive formula gives NaN, the stable one does not", async () => {
    expect(await line(page, "overflow", "e^10 = ")).toEqual([22026.47]);
    expect(await line(page, "overflow", "e^100 = ")).toEqual([2.69e43]);
    expect(await line(page, "overflow", "e^1000 = ")).toEqual([Number.POSITIVE_INFINITY]);
    const [largest] = await line(page, "overflow", "largest 64-bit number: ");
    expect(largest.toPrecision(2)).toBe("1.8e+308");
    const naive = await line(page, "overflow", "naiveSoftmax(");
    expect(naive.slice(0, 3)).toEqual([1010, 1000, 990]);
    expect(naive.slice(3)).toEqual([Number.NaN, Number.NaN, Number.NaN]);
    expect(await line(page, "stable", "z − max z = ")).toEqual([0, -10, -20]);
    expect(await line(page, "stable", "softmax = ")).toEqual([9.999546e-1, 4.53978686e-5, 2.06106005e-9]);
    expect(await line(page, "stable", "library softmax = ")).toEqual([9.999546e-1, 4.53978686e-5, 2.06106005e-9]);
    expect(await line(page, "stable", "the first class: ")).toEqual([99.995]);
  });

  it("section 4: argmax of the scores and of the probabilities agree on every fruit", async () => {
    expect(await line(page, "order", "argmax z and argmax softmax(z) agree on")).toEqual([150, 150]);
    // The think-about-it: scores ×10 give passion fruit 99.998 % and apple about 1e-14 %; +5 changes nothing.
    const [apple, , passionFruit] = softmax([3, 29, 40]);
    expect((100 * passionFruit).toFixed(3)).toBe("99.998");
    expect(Math.round(Math.log10(100 * apple))).toBe(-14);
    softmax([5.3, 7.9, 9]).forEach((p, k) => {
      expect(p).toBeCloseTo(softmax([0.3, 2.9, 4.0])[k], 14);
    });
  });

  it("section 5: −log 0.6 = 0.51, −log 0.1 = 2.30, and J is the same from labels, one-hot rows or twice the data", async () => {
    expect(await line(page, "cross-entropy", "−log 0.6 = ")).toEqual([0.51, 0.51]);
    expect(await line(page, "cross-entropy", "−log 0.1 = ")).toEqual([2.3, 2.3]);
    const [oneHotJ] = await line(page, "batch", "J from one-hot rows:");
    expect(oneHotJ).toBeGreaterThan(0.01);
    expect(await line(page, "batch", "J from integer labels:")).toEqual([oneHotJ]);
    expect(await line(page, "batch", "J over 300 rows:")).toEqual([oneHotJ]);
  });

  it("section 6: round-off, and the loss from probabilities against the loss from logits", async () => {
    expect(await line(page, "round-off", "2 / 10000 = ")).toEqual([0.0002]);
    const roundOff = await output(page, "round-off");
    expect(roundOff).toContain("= 0.00019999999999997797");
    expect(await line(page, "round-off", "−log softmax(z)₀ = ")).toEqual([Number.POSITIVE_INFINITY]);
    const [clipped] = await line(page, "round-off", "from probabilities: ");
    expect(clipped).toBeCloseTo(-Math.log(1e-15), 10); // 34.5, as the prose says
    expect(clipped.toFixed(1)).toBe("34.5");
    expect(await line(page, "round-off", "from logits: ")).toEqual([800]);
  });

  it("section 7: nudging each score by 1e-6 gives ŷ − y to six decimals", async () => {
    const rows = await table(page, "nudge");
    const expected = [-0.981789, 0.245192, 0.736597];
    rows.forEach(([slope, formula], k) => {
      expect(formula.toFixed(6)).toBe(expected[k].toFixed(6));
      expect(slope.toFixed(6)).toBe(expected[k].toFixed(6));
    });
    expect(rows.reduce((sum, [, formula]) => sum + formula, 0)).toBeCloseTo(0, 12);
  });

  it("section 8: training lowers the loss from 3.83 to 0.107, and the decision map moves while it runs", async () => {
    const [epoch, loss, start, accuracy, startAccuracy] = await line(page, "train", "epoch");
    expect(epoch).toBe(150);
    expect(start.toFixed(2)).toBe("3.83");
    expect(loss.toFixed(3)).toBe("0.107");
    expect(loss).toBeLessThan(start / 10);
    expect([accuracy, startAccuracy]).toEqual([100, 0]);
    const curve = liveCell(page, "train").locator(".nn-loss-curve");
    const losses = await curve.evaluate((c) => (c as unknown as {data: {loss: number}[]}).data.map((p) => p.loss));
    expect(losses).toHaveLength(150);
    expect(losses.every((value, i) => i === 0 || value < losses[i - 1])).toBe(true);
    const legend = await liveCell(page, "train").locator(".nn-decision-map .nn-legend").textContent();
    expect(legend).toBe("applelemonpassion fruit");

    // Run it again and watch the map: the picture changes while it trains, and ends with every fruit in place.
    const canvas = () => liveCell(page, "train").locator(".nn-decision-map canvas").first();
    await canvas().scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
    const final = await canvas().evaluate((c: HTMLCanvasElement) => c.toDataURL());
    await liveCell(page, "train").getByRole("button", {name: "Run"}).click();
    await canvas().scrollIntoViewIfNeeded(); // the map draws only while it is on screen
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          seen.add(await canvas().evaluate((c: HTMLCanvasElement) => c.toDataURL()));
          return [...seen].filter((image) => image !== final).length;
        },
        {timeout: 20_000, interval: 50}
      )
      .toBeGreaterThanOrEqual(2);
    await settled(page);
    await expect
      .poll(() => liveCell(page, "train").locator(".nn-decision-map .nn-caption").textContent())
      .toBe("accuracy on the points: 100 %");
    const frames = await liveCell(page, "train")
      .locator(".nn-decision-map")
      .evaluate((map) => (map as unknown as {frames: number}).frames);
    expect(frames).toBeGreaterThan(20); // redrawn while it trained, not only at the start and the end
  }, 120_000);

  it("section 9 and 10: softmax sums to 1, the sigmoids need not; MLPClassifier picks softmax for three classes", async () => {
    expect(await line(page, "multi-label", "softmax:")).toEqual([0.604, 0.366, 0.03, 1]);
    expect(await line(page, "multi-label", "sigmoids:")).toEqual([0.881, 0.818, 0.269, 1.967]);
    expect(await output(page, "mlp")).toContain("2 → 4 relu → 3 softmax");
  });

  it("has the exercises, think-about-it questions, summary and pointer to chapter 4 the standard asks for", async () => {
    expect(await page.locator(`[data-exercise^="softmax/"]`).count()).toBe(EXERCISES.length);
    expect(await page.locator("details.think").count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByText("Try this:").count()).toBeGreaterThanOrEqual(3);
    const summary = page.locator("h2:has-text('Summary') + ul > li");
    expect(await summary.count()).toBeGreaterThanOrEqual(5);
    expect(await summary.count()).toBeLessThanOrEqual(8);
    expect(await page.locator('main a[href$="xor"]').count()).toBeGreaterThan(0);
  });

  it("the Try this edits show what the text says", async () => {
    const {page: fresh, report: freshReport} = await open(browser, PATH);
    try {
      await settled(fresh);
      await edit(fresh, "fruit", cellSource("fruit").replace("[[-2.5, -2.5, -2]]", "[[-2.5, -6, -2]]"));
      expect(await line(fresh, "fruit", "right on")).toEqual([143, 150]);
      const train = cellSource("train");
      await edit(fresh, "train", train.replace("learningRate: 0.05", "learningRate: 1"));
      expect((await line(fresh, "train", "epoch")).slice(0, 2)).toEqual([150, 0.0178]);
      await edit(fresh, "train", train.replace("learningRate: 0.05", "learningRate: 0.005"));
      const slow = await line(fresh, "train", "epoch");
      expect([slow[0], slow[1], slow[3]]).toEqual([150, 1.4728, 0]);
      const longer = train
        .replace("learningRate: 0.05", "learningRate: 0.005")
        .replace("maxIter: 150", "maxIter: 1500");
      await edit(fresh, "train", longer);
      expect((await line(fresh, "train", "epoch")).slice(0, 2)).toEqual([1500, 0.1072]);
      expect(freshReport.consoleErrors).toEqual([]);
    } finally {
      await fresh.context().close();
    }
  }, 240_000);

  it("each exercise starts pending and passes with its reference solution", async () => {
    const {page: fresh, report: freshReport} = await open(browser, PATH);
    try {
      await settled(fresh);
      fresh.on("dialog", (dialog) => void dialog.accept());
      for (const id of EXERCISES) {
        const root = fresh.locator(`[data-exercise="softmax/${id}"]`);
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
          // The bars fit the width: nothing of the chart reaches past its cell.
          const fits = await view
            .locator(".nn-softmax-bars svg")
            .evaluate(
              (svg) =>
                svg.getBoundingClientRect().right <=
                (svg.closest("[data-live-cell]")?.getBoundingClientRect().right ?? 0)
            );
          expect(fits).toBe(true);
          expect(viewReport.consoleErrors).toEqual([]);
          await screenshot(view, `softmax/${colorScheme}-${width}`);
        } finally {
          await view.context().close();
        }
      });
    }
  }
});
