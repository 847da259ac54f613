// Chapter 7, the capstone: the page downloads the digits with a progress bar, every live cell finishes (the two
// training cells included), every number the prose states is the one the cells print, training animates while it
// runs, the confusion matrix and the mistakes answer the keyboard and the mouse, a digit drawn with the mouse (and one
// drawn with the arrow keys) gets a prediction, the ECG diagram and the convolution print what the text says, a saved
// network loads back with the same answers, the Try this on the notes' 25-15-10 network holds, every exercise's
// solution passes, and the page reads in light and dark, at desktop and phone width. Speed is not asserted here; the
// benchmark (tests/bench/digits.ts) measures it.
import {readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {
  cellOutput,
  editCell,
  launch,
  liveCell,
  numbers,
  open,
  outputLines,
  type PageReport,
  passEveryExercise,
  screenshot,
  scrollThrough,
  settled
} from "./browser.js";

const PATH = "/digits";
const EXERCISES = ["confusion-matrix", "preprocess", "parameters", "conv1d"];
const SOURCE = readFileSync("src/digits.md", "utf8");
// Training 10 epochs takes seconds on a quiet machine and minutes on a busy one: wait generously, assert no speed.
const TRAINED = 400_000;

let browser: Browser;
let page: Page;
let report: PageReport;

beforeAll(async () => {
  browser = await launch();
  ({page, report} = await open(browser, PATH));
  await settled(page, TRAINED);
}, TRAINED + 60_000);

afterAll(async () => {
  await browser?.close();
});

/** The numbers of the block of a cell's output that starts with `prefix`. */
async function line(p: Page, id: string, prefix: string): Promise<number[]> {
  const found = (await outputLines(p, id)).find((text) => text.startsWith(prefix));
  if (found === undefined) throw new Error(`no line starting with "${prefix}" in cell ${id}`);
  return numbers(found.slice(prefix.length));
}

/** The whole text of the block of a cell's output that starts with `prefix`. */
async function text(p: Page, id: string, prefix: string): Promise<string> {
  const found = (await outputLines(p, id)).find((t) => t.startsWith(prefix));
  if (found === undefined) throw new Error(`no line starting with "${prefix}" in cell ${id}`);
  return found;
}

/** The readout of the drawing section's probability bars ("most probable: 7 (99 %)"). */
const drawnReadout = (p: Page) => liveCell(p, "draw").locator(".nn-probability-bars .nn-readout").innerText();

describe("chapter 7: handwritten digits", () => {
  it("downloads the digits with a progress bar, and every live cell reaches done with no console error", async () => {
    const states = await page.$$eval("[data-live-cell]", (cells) => cells.map((c) => c.getAttribute("data-state")));
    expect(states.length).toBeGreaterThanOrEqual(16);
    expect(states.filter((s) => s !== "done")).toEqual([]);
    expect(report.consoleErrors).toEqual([]);
    expect(report.failedRequests).toEqual([]);
    expect(report.foreignRequests).toEqual([]);
    const progress = page.locator(".nn-download progress");
    expect(await progress.evaluate((p: HTMLProgressElement) => p.value === p.max && p.max > 0)).toBe(true);
    expect(await page.locator(".nn-download .nn-readout").innerText()).toBe("the 10,000 digits: 1.6 MB downloaded.");
    expect(await page.locator("main .katex").count()).toBeGreaterThan(40);
    expect(await page.locator('main a[href$="notation"]').count()).toBeGreaterThan(0);
    // The library's functions link to their source pages where they first appear.
    for (const file of ["mnist", "augment", "train", "metrics", "conv1d", "serialize"]) {
      expect(await page.locator(`main a[href$="source/${file}"]`).count(), file).toBeGreaterThan(0);
    }
  });

  it("section 1: 8,000 training and 2,000 test digits of 784 pixels, counted per digit and drawn", async () => {
    expect(await line(page, "data", "training set: X is ")).toEqual([8000, 784]);
    expect(await line(page, "data", "test set: X is ")).toEqual([2000, 784]);
    expect(await line(page, "data", "training digits of each class 0–9: ")).toEqual([
      808, 897, 800, 839, 774, 690, 803, 874, 743, 772
    ]);
    const row = await line(page, "data", "row 14 of the first image: ");
    expect(row).toHaveLength(28);
    expect(Math.max(...row)).toBe(1);
    const grid = liveCell(page, "data").locator(".nn-digit-grid");
    expect(await grid.locator("canvas").count()).toBe(24);
    expect(await grid.locator("xpath=..").getAttribute("aria-label")).toMatch(/^The first training digits: 8, 4, 2, 3/);
  });

  it("section 2: softmax regression has 7,850 parameters, reads 88.6 % of the test digits, and draws ten templates", async () => {
    expect(await text(page, "regression", "784 → 10 softmax")).toBe(
      "784 → 10 softmax (7850 parameters): test accuracy 88.6 %"
    );
    expect(SOURCE).toContain("One layer already reads 88.6 % of the test digits.");
    expect(await liveCell(page, "regression").locator(".nn-digit-grid canvas").count()).toBe(10);
    expect(await cellOutput(page, "regression").locator("p").first().innerText()).toMatch(
      /^epoch 3\.0: loss 0\.\d{3}$/
    );
  });

  it("section 3: the hidden layer reaches 95 % in epoch 6 and ends at 95.2 %, with 50,890 parameters", async () => {
    expect(await text(page, "mlp", "784 →")).toBe("784 → 64 relu → 10 softmax (50890 parameters)");
    const accuracies = await line(page, "mlp", "test accuracy after each epoch (%): ");
    expect(accuracies).toHaveLength(10);
    expect(accuracies.findIndex((a) => a >= 95)).toBe(5); // epoch 6
    expect(accuracies.at(-1)).toBe(95.2);
    expect(SOURCE).toContain("reaches 95 % in epoch 6 and ends at 95.2 %");
    expect(await cellOutput(page, "mlp").locator("p").first().innerText()).toMatch(
      /^epoch 10\.0 after [\d.]+ s; test accuracy 95\.2 %$/
    );
    // The curve: 4 reports within each epoch (every 50 of its 250 mini-batches) and one at its end; the loss falls.
    const curve = await liveCell(page, "mlp")
      .locator(".nn-loss-curve")
      .evaluate((c) => (c as unknown as {data: {epoch: number; loss: number; testLoss: number}[]}).data);
    expect(curve).toHaveLength(50);
    expect(curve.filter((p) => Number.isFinite(p.testLoss)).map((p) => p.epoch)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    ]);
    expect(curve.at(-1)?.loss).toBeLessThan((curve[0]?.loss ?? 0) / 3);
  });

  it(
    "section 3: training animates: the status line and the curve change many times while it runs",
    async () => {
      const {page: fresh, report: freshReport} = await open(browser, PATH);
      try {
        const status = cellOutput(fresh, "mlp").locator("p").first();
        await status.waitFor({timeout: TRAINED});
        const seen = new Set<string>();
        await expect
          .poll(
            async () => {
              seen.add((await status.innerText()) ?? "");
              return [...seen].filter((s) => /^epoch \d+\.\d/.test(s)).length;
            },
            {timeout: TRAINED, interval: 100}
          )
          .toBeGreaterThanOrEqual(5);
        // While it trains, the page answers: scrolling and typing in another cell's editor work.
        await liveCell(fresh, "conv").scrollIntoViewIfNeeded();
        await settled(fresh, TRAINED);
        expect(await fresh.locator('[data-live-cell][data-state="error"]').count()).toBe(0);
        expect(freshReport.consoleErrors).toEqual([]);
      } finally {
        await fresh.context().close();
      }
    },
    TRAINED + 60_000
  );

  it("section 4: the confusion matrix, its caption and the digits of a cell chosen by keyboard and by mouse", async () => {
    const wrong = (await outputLines(page, "confusion")).find((t) => t.endsWith("test digits are read wrongly"));
    expect(numbers(wrong ?? "")).toEqual([96, 2000]);
    expect(SOURCE).toContain("96 of the 2,000 test digits are read wrongly");
    const caption = await liveCell(page, "confusion").locator(".nn-confusion-view .nn-caption").innerText();
    expect(caption).toContain(
      "1904 of 2000 right; most frequent mistakes: 4 read as 9 (8), 2 read as 1 (5), 3 read as 7 (5)."
    );
    expect(SOURCE).toContain("a 4 read as 9, a 2 read as 1, a 3 read as 7");
    // Keyboard: the grid has one tab stop; arrows move; Enter chooses. Row 4, column 9: the 4s read as 9.
    const first = liveCell(page, "confusion").locator('td[tabindex="0"]');
    await first.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowDown");
    for (let i = 0; i < 9; i++) await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    const chosen = liveCell(page, "confusion").locator(".nn-fig[role=img]").last();
    await expect.poll(() => chosen.getAttribute("aria-label")).toBe("Test digits 4 read as 9: 8 shown.");
    expect(await chosen.locator("canvas").count()).toBe(8);
    // Mouse: the diagonal cell of the 1s.
    await liveCell(page, "confusion").locator('td[data-true="1"][data-predicted="1"]').click();
    await expect.poll(() => chosen.getAttribute("aria-label")).toMatch(/^Test digits 1 read as 1: 24 shown\.$/);
  });

  it("section 4: the ten most confident mistakes, each with all ten probabilities, and 64 hidden units", async () => {
    const mistakes = liveCell(page, "mistakes").locator(".nn-digit-grid button");
    expect(await mistakes.count()).toBe(10);
    const bars = liveCell(page, "mistakes").locator(".nn-probability-bars svg");
    const firstLabel = await bars.getAttribute("aria-label");
    expect(firstLabel).toMatch(/^Probabilities, largest first: /);
    const captions = await liveCell(page, "mistakes").locator("figcaption").allInnerTexts();
    const confidences = captions.map((c) => numbers(c)[1]);
    expect([...confidences].sort((a, b) => b - a)).toEqual(confidences); // most confident first
    await mistakes.nth(3).click();
    await expect.poll(() => bars.getAttribute("aria-label")).not.toBe(firstLabel);
    expect(await mistakes.nth(3).getAttribute("aria-pressed")).toBe("true");
    expect(await liveCell(page, "hidden-units").locator("canvas").count()).toBe(64);
  });

  it("section 5: a digit drawn with the mouse is cropped, scaled into 20 × 20, centred in 28 × 28 and read", async () => {
    const pad = liveCell(page, "draw").locator(".nn-drawing-pad canvas");
    await pad.scrollIntoViewIfNeeded();
    // On load the pad shows test digit 0, and the network reads it.
    await expect.poll(() => drawnReadout(page)).toMatch(/^most probable: \d \(\d+ %\)$/);
    await liveCell(page, "draw").getByRole("button", {name: "Clear"}).click();
    await expect.poll(() => drawnReadout(page)).toBe("no prediction yet");
    // A 7: a bar across the top, then a stroke down to the left.
    const box = await pad.boundingBox();
    if (!box) throw new Error("the pad has no box");
    const at = (x: number, y: number) => [box.x + (x / 112) * box.width, box.y + (y / 112) * box.height] as const;
    await page.mouse.move(...at(30, 24));
    await page.mouse.down();
    await page.mouse.move(...at(82, 24), {steps: 8});
    // Live while drawing: the bar across the top is read before the button is released.
    await expect.poll(() => drawnReadout(page)).toMatch(/^most probable: \d /);
    await page.mouse.move(...at(50, 94), {steps: 10});
    await page.mouse.up();
    await expect.poll(() => drawnReadout(page)).toMatch(/^most probable: 7 /);
    const stages = liveCell(page, "draw").locator(".nn-digit-grid canvas");
    const sizes = await stages.evaluateAll((canvases) =>
      canvases.map((c) => [(c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height])
    );
    expect(sizes).toHaveLength(4);
    expect(sizes[0]).toEqual([112, 112]);
    expect(Math.max(...sizes[2])).toBe(20);
    expect(sizes[3]).toEqual([28, 28]);
    expect(await liveCell(page, "draw").locator(".nn-digit-grid figcaption").allInnerTexts()).toEqual([
      "drawing",
      "cropped",
      "20 × 20",
      "28 × 28"
    ]);
  });

  it("section 5: without a mouse, a test digit picked with the slider and a stroke drawn with the arrow keys", async () => {
    const pick = liveCell(page, "draw").getByLabel("or pick test digit number");
    await pick.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => pick.inputValue()).toBe("1");
    await expect.poll(() => drawnReadout(page)).toMatch(/^most probable: \d /);
    const pad = liveCell(page, "draw").locator(".nn-drawing-pad canvas");
    await pad.focus();
    await page.keyboard.press("Delete");
    await expect.poll(() => drawnReadout(page)).toBe("no prediction yet");
    await page.keyboard.press("Space"); // pen down in the middle
    for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Space"); // pen up
    await expect.poll(() => drawnReadout(page)).toMatch(/^most probable: 1 /);
    expect(await liveCell(page, "draw").locator(".nn-drawing-pad .nn-readout").innerText()).toContain("pen up");
  });

  it("section 6: the ECG network's windows, the convolution's outputs and the weight counts", async () => {
    const diagram = liveCell(page, "ecg").locator(".nn-receptive-fields svg");
    expect(await diagram.getAttribute("aria-label")).toBe(
      "A signal of 100 slices. layer 1: 9 units, each reading 20 slices below, 10 apart; layer 2: 3 units, each " +
        "reading 5 units below, 2 apart; then sigmoid output, reading every unit below."
    );
    await diagram.focus();
    const readout = liveCell(page, "ecg").locator(".nn-receptive-fields .nn-readout");
    await expect.poll(() => readout.innerText()).toBe("layer 1, unit 1: reads slices 1–20");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => readout.innerText()).toBe("layer 1, unit 2: reads slices 11–30");
    for (let i = 0; i < 9; i++) await page.keyboard.press("ArrowRight");
    await expect.poll(() => readout.innerText()).toBe("layer 1, unit 9: reads slices 81–100");
    await page.keyboard.press("ArrowUp");
    await expect
      .poll(() => readout.innerText())
      .toBe("layer 2, unit 1: reads units 1–5 of layer 1, so slices 1–60 of the signal");
    const layer1 = await line(page, "conv", "layer 1 (9 units): ");
    expect(layer1).toHaveLength(9);
    const largest = layer1
      .map((v, i) => [v, i + 1])
      .sort((a, b) => b[0] - a[0])
      .slice(0, 4)
      .map(([, unit]) => unit);
    expect(largest.sort((a, b) => a - b)).toEqual([1, 4, 6, 9]);
    expect(await line(page, "conv", "layer 2 (3 units): ")).toHaveLength(3);
    expect(await line(page, "conv", "parameters of layers 1 and 2, dense: ")).toEqual([909, 30]);
    expect(await line(page, "conv", "windows with their own weights: ")).toEqual([189, 18]);
    expect(await line(page, "conv", "convolution, one shared kernel each: ")).toEqual([21, 6]);
  });

  it("section 7: saved as JSON and loaded back, the network gives exactly the same answers; other files are refused", async () => {
    expect(await line(page, "export", "largest change in any output after loading: ")).toEqual([0]);
    expect(await text(page, "export", "a file that is not a network: ")).toBe(
      'a file that is not a network: networkFromJSON: this is not a saved network: it has no "format": ' +
        '"nn-course/network" (save one with networkToJSON)'
    );
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      liveCell(page, "export").getByRole("link", {name: "Download the trained network"}).click()
    ]);
    expect(download.suggestedFilename()).toBe("digits-network.json");
    const file = join(tmpdir(), `digits-network-${process.pid}.json`);
    await download.saveAs(file);
    const saved = JSON.parse(readFileSync(file, "utf8"));
    expect(saved.format).toBe("nn-course/network");
    expect(saved.layers.map((l: {units: number}) => l.units)).toEqual([64, 10]);
    const input = liveCell(page, "load").locator('input[type="file"]');
    await input.setInputFiles(file);
    const result = cellOutput(page, "load").locator("p");
    await expect
      .poll(() => result.innerText())
      .toBe(
        "loaded 784 → 64 relu → 10 softmax (50890 parameters): the same answer as the trained network on 2000 of " +
          "2000 test digits"
      );
    await input.setInputFiles({name: "notes.json", mimeType: "application/json", buffer: Buffer.from("[1, 2, 3]")});
    await expect.poll(() => result.innerText()).toMatch(/not a saved network/);
  });

  it("has four exercises, three think-about-it questions, a summary and the closing pointers", async () => {
    expect(await page.locator('[data-exercise^="digits/"]').count()).toBe(EXERCISES.length);
    expect(await page.locator("details.think").count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByText("Try this:").count()).toBeGreaterThanOrEqual(3);
    const summary = page.locator("h2:has-text('Summary') + ul > li");
    expect(await summary.count()).toBeGreaterThanOrEqual(5);
    expect(await summary.count()).toBeLessThanOrEqual(8);
    expect(await page.locator('main a[href$="playground"]').count()).toBeGreaterThan(0);
  });

  it("each exercise starts pending and passes with its reference solution", async () => {
    await passEveryExercise(page, "digits", EXERCISES);
    expect(report.consoleErrors).toEqual([]);
  }, 240_000);

  it(
    "Try this: the notes' 25-15-10 network has 20,175 parameters and ends at 94.5 %, and the cells below follow",
    async () => {
      await editCell(page, "mlp-options", ["const hiddenSizes = [64];", "const hiddenSizes = [25, 15];"]);
      await settled(page, TRAINED);
      expect(await text(page, "mlp", "784 →")).toBe("784 → 25 relu → 15 relu → 10 softmax (20175 parameters)");
      expect((await line(page, "mlp", "test accuracy after each epoch (%): ")).at(-1)).toBe(94.5);
      expect(SOURCE).toContain("This network has 20,175 parameters, less than half as many, and ends at 94.5 %.");
      expect(await liveCell(page, "hidden-units").locator("canvas").count()).toBe(25);
      const states = await page.$$eval("[data-live-cell]", (cells) => cells.map((c) => c.getAttribute("data-state")));
      expect(states.filter((s) => s !== "done")).toEqual([]);
      expect(report.consoleErrors).toEqual([]);
    },
    TRAINED + 60_000
  );

  it(
    "reads in light and dark, at desktop and phone width: nothing wider than the screen, screenshots saved",
    async () => {
      await screenshot(page, "digits/light-1200");
      const views = [
        {colorScheme: "dark", width: 1200},
        {colorScheme: "light", width: 375},
        {colorScheme: "dark", width: 375}
      ] as const;
      await Promise.all(
        views.map(async ({colorScheme, width}) => {
          const {page: view, report: viewReport} = await open(browser, PATH, {colorScheme, width});
          try {
            await settled(view, TRAINED);
            expect(await scrollThrough(view)).toBeLessThanOrEqual(0);
            // The pad, the bars and the ECG diagram fit inside their cells.
            for (const selector of [".nn-drawing-pad canvas", ".nn-probability-bars svg", ".nn-receptive-fields svg"]) {
              const fits = await view
                .locator(selector)
                .first()
                .evaluate(
                  (el) =>
                    el.getBoundingClientRect().right <=
                    (el.closest("[data-live-cell]")?.getBoundingClientRect().right ?? 0) + 0.5
                );
              expect(fits, selector).toBe(true);
            }
            expect(viewReport.consoleErrors).toEqual([]);
            await screenshot(view, `digits/${colorScheme}-${width}`);
          } finally {
            await view.context().close();
          }
        })
      );
    },
    3 * TRAINED
  );
});
