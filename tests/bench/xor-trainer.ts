// Frame rate of chapter 4's width-and-depth trainer (src/xor.md, section 7) in Chromium on the built site, reported,
// not asserted. For each setting it presses Play with the neuron maps on and counts the decision map's redraws
// (the trainer's `frames`) over several 2-second windows; the median is compared with the target of 30 frames per
// second. The same page's idle animation-frame rate, with nothing playing, is printed next to it: on a busy machine
// that ceiling falls below 60, and no page can draw faster than it. A trace of the same windows gives the CPU time
// the page's main thread spent per frame: on a shared machine a frame waits for a core several times longer than
// it computes, and 1000 ms divided by that CPU time is the rate the trainer reaches with a core to itself.
//
// Part "xor" of `npm run bench` (tests/bench/browser.ts), on the build the other parts use:
//   npx tsx tests/bench/browser.ts xor
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Browser, Page} from "playwright-core";
import {idleFrameRate, mainThreadCpuMs, median, printTable, type Row, type Site, verdict} from "./site.js";

const PATH = "/xor";
const TARGET_FPS = 30;
const WINDOWS = 5;
const WINDOW_MS = 2000;

/** Settings to measure, as the learner would choose them with the trainer's controls. */
const SETTINGS = [
  {name: "XOR, 1 hidden layer of 2 tanh units (the chapter's start)", data: "XOR", units: [2], activation: "tanh"},
  {name: "circles, 2 hidden layers of 8 tanh units", data: "circles", units: [8, 8], activation: "tanh"},
  {
    name: "spirals, 4 hidden layers of 8 relu units (the most maps)",
    data: "spirals",
    units: [8, 8, 8, 8],
    activation: "relu"
  }
];

// The page's functions are passed as strings: the bundler's helpers are not defined inside the page.
const TRAINER = `document.querySelector(".nn-playground")`;
const read = async (page: Page, expression: string): Promise<number> => Number(await page.evaluate(expression));

/** Chooses a setting with the trainer's controls and waits until the rewritten cell has run and loaded it. */
async function choose(page: Page, setting: (typeof SETTINGS)[number]): Promise<void> {
  const trainer = page.locator(".nn-playground");
  const pick = async (label: string, value: string) => {
    await trainer.getByLabel(label, {exact: true}).selectOption({label: value});
    await page.waitForFunction(
      `(() => { const s = document.querySelector('[data-live-cell="playground"]'); return s.dataset.state !== "running"; })()`
    );
    await page.waitForTimeout(300);
  };
  await pick("data", setting.data);
  await pick("activation", setting.activation);
  await pick("hidden layers", String(setting.units.length));
  for (const [l, units] of setting.units.entries()) await pick(`units in layer ${l + 1}`, String(units));
  const config = JSON.parse(await page.evaluate(`JSON.stringify(${TRAINER}.config)`));
  if (JSON.stringify(config.hidden) !== JSON.stringify(setting.units) || config.activation !== setting.activation)
    throw new Error(`the trainer shows ${JSON.stringify(config)}, not the setting "${setting.name}"`);
}

/**
 * Plays the trainer and returns the decision map's redraws per second in each window, the main thread's CPU time per
 * redraw over all windows, and the epochs trained.
 */
async function playRates(browser: Browser, page: Page, traceFile: string) {
  await page.evaluate(`${TRAINER}.reset()`);
  await page.locator(".nn-playground").getByRole("button", {name: "▶ Play"}).click();
  await page.waitForTimeout(1000); // warm-up: the first frames compile the code paths
  const rates: number[] = [];
  const start = await read(page, `${TRAINER}.frames`);
  await browser.startTracing(page, {path: traceFile, categories: ["toplevel"]});
  for (let w = 0; w < WINDOWS; w++) {
    const [frames0, t0] = [await read(page, `${TRAINER}.frames`), await read(page, "performance.now()")];
    await page.waitForTimeout(WINDOW_MS);
    const [frames1, t1] = [await read(page, `${TRAINER}.frames`), await read(page, "performance.now()")];
    rates.push((frames1 - frames0) / ((t1 - t0) / 1000));
  }
  await browser.stopTracing();
  const frames = (await read(page, `${TRAINER}.frames`)) - start;
  const epochs = await read(page, `${TRAINER}.epoch`);
  await page.evaluate(`${TRAINER}.pause()`);
  return {rates, cpuPerFrame: mainThreadCpuMs(traceFile) / frames, epochs};
}

/** Measures every setting on the trainer of the built site, prints a table and returns one verdict row per setting. */
export async function benchXorTrainer(site: Site): Promise<Row[]> {
  const traces = mkdtempSync(join(tmpdir(), "xor-trainer-trace-"));
  const table: string[][] = [];
  const rows: Row[] = [];
  const page = await site.browser.newPage({viewport: {width: 1200, height: 900}});
  try {
    await page.goto(site.origin + PATH, {waitUntil: "networkidle"});
    await page.waitForFunction(
      () => document.querySelectorAll('[data-live-cell][data-state="running"]').length === 0,
      null,
      {timeout: 120_000}
    );
    await page.locator(".nn-playground").scrollIntoViewIfNeeded();
    const mapsOn = await page.locator(".nn-playground").getByLabel("neuron maps").isChecked();
    if (!mapsOn) throw new Error("the neuron maps should be on by default");
    for (const setting of SETTINGS) {
      await choose(page, setting);
      const idle = [];
      for (let w = 0; w < 3; w++) idle.push(await idleFrameRate(page, WINDOW_MS));
      const {rates, cpuPerFrame, epochs} = await playRates(site.browser, page, join(traces, "trace.json"));
      const fps = median(rates);
      const met = fps >= TARGET_FPS;
      const maps = setting.units.reduce((a, b) => a + b, 0);
      table.push([
        setting.name,
        String(maps),
        fps.toFixed(1),
        `${Math.min(...rates).toFixed(1)}–${Math.max(...rates).toFixed(1)}`,
        median(idle).toFixed(1),
        `${cpuPerFrame.toFixed(1)} (${(1000 / cpuPerFrame).toFixed(0)} fps)`,
        String(epochs),
        verdict(met)
      ]);
      rows.push({name: `chapter 4 trainer: ${setting.name}`, value: `${fps.toFixed(1)} fps`, target: "≥ 30 fps", met});
    }
  } finally {
    await page.close();
    rmSync(traces, {recursive: true, force: true});
  }
  printTable(
    "Chapter 4 trainer (Chromium, 1200 × 900, neuron maps on): decision-map redraws per second while training, " +
      `median of ${WINDOWS} windows of ${WINDOW_MS / 1000} s; idle = the page's frame rate with nothing playing ` +
      "(the ceiling right now); CPU = main-thread CPU per redraw and the rate it allows with a core to itself",
    ["setting", "neuron maps", "median fps", "range", "idle fps", "CPU ms per frame", "epochs", "≥ 30 fps"],
    table,
    [false, true, true, true, true, true, true, false]
  );
  return rows;
}
