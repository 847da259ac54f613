// Frame rate of the Playground page (src/playground.md) in Chromium on the built site, reported, not asserted. The
// target: the big map and every node's map redraw at least 30 times a second while a network of 6 hidden layers of
// 8 neurons trains on the spiral. Each setting is opened from a link (the page's address holds the whole setting),
// played, and the playground's redraws (`frames`) are counted over several 2-second windows; the median is compared
// with the target. Next to it: the same page's animation-frame rate with nothing playing (the ceiling on a busy
// machine), and from a trace of the same windows the main thread's CPU time per frame, which tells load from code:
// 1000 ms divided by it is the rate the page reaches with a core to itself.
//
// Part "playground" of `npm run bench` (tests/bench/browser.ts), on the build the other parts use:
//   npx tsx tests/bench/browser.ts playground
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {idleFrameRate, mainThreadCpuMs, median, type Row, type Site} from "./site.js";

const TARGET_FPS = 30;
const WINDOWS = 5;
const WINDOW_MS = 2000;

/** Settings to measure, as links; the first is the target's. */
const SETTINGS = [
  {
    name: "spiral, 6 × 8 tanh, inputs x₁ x₂ (the target)",
    hash: "data=spiral&hidden=8,8,8,8,8,8&activation=tanh&lr=0.03&batch=10&speed=1",
    target: true
  },
  {
    name: "spiral, 3 classes, 6 × 8 ReLU, all 7 inputs, Adam, 5 epochs per frame",
    hash: "data=spiral&classes=3&hidden=8,8,8,8,8,8&activation=relu&optimizer=adam&lr=0.01&inputs=x1,x2,x1^2,x2^2,x1*x2,sin(x1),sin(x2)&speed=5&showTest=1",
    target: false
  }
];

// The page's functions are passed as strings: the bundler's helpers are not defined inside the page.
const APP = `document.querySelector(".nn-pg")`;
const read = async (page: Page, expression: string): Promise<number> => Number(await page.evaluate(expression));

/** Opens the playground on a link and waits until the model cell has built the link's network. */
async function openOn(page: Page, origin: string, hash: string): Promise<void> {
  await page.goto(`${origin}/playground#${hash}`, {waitUntil: "networkidle"});
  const hidden = new URLSearchParams(hash).get("hidden") ?? "";
  await page.waitForFunction(
    `(() => { const app = ${APP}; return app && app.network && app.settings.hidden.join(",") === "${hidden}" &&
      app.network.layers.length === ${hidden.split(",").length + 1} &&
      document.querySelectorAll('[data-live-cell][data-state="running"]').length === 0; })()`,
    null,
    {timeout: 120_000}
  );
  await page.locator(".nn-pg").scrollIntoViewIfNeeded();
  await page.evaluate("window.scrollTo(0, document.querySelector('.nn-pg').getBoundingClientRect().top + scrollY)");
}

/** Plays and returns the redraws per second in each window, the main thread's CPU ms per redraw, and epochs per second. */
async function playRates(site: Site, page: Page, traceFile: string) {
  await page.evaluate(`${APP}.play()`);
  await page.waitForTimeout(1000); // warm-up: the first frames compile the code paths
  const rates: number[] = [];
  const frames0 = await read(page, `${APP}.frames`);
  const epochs0 = await read(page, `${APP}.epoch`);
  const t0 = await read(page, "performance.now()");
  await site.browser.startTracing(page, {path: traceFile, categories: ["toplevel"]});
  for (let w = 0; w < WINDOWS; w++) {
    const [f0, s0] = [await read(page, `${APP}.frames`), await read(page, "performance.now()")];
    await page.waitForTimeout(WINDOW_MS);
    const [f1, s1] = [await read(page, `${APP}.frames`), await read(page, "performance.now()")];
    rates.push((f1 - f0) / ((s1 - s0) / 1000));
  }
  await site.browser.stopTracing();
  const frames = (await read(page, `${APP}.frames`)) - frames0;
  const seconds = ((await read(page, "performance.now()")) - t0) / 1000;
  const epochs = (await read(page, `${APP}.epoch`)) - epochs0;
  const playing = await page.evaluate(`${APP}.playing`);
  await page.evaluate(`${APP}.pause()`);
  if (!playing)
    throw new Error(`training stopped during the measurement: ${await page.locator(".nn-pg-status").textContent()}`);
  return {rates, cpuPerFrame: mainThreadCpuMs(traceFile) / frames, epochsPerSecond: epochs / seconds};
}

/** The Playground's rows: for each setting the median redraw rate (with a verdict for the target), and what explains it. */
export async function benchPlayground(site: Site): Promise<Row[]> {
  const traces = mkdtempSync(join(tmpdir(), "playground-trace-"));
  const rows: Row[] = [];
  try {
    for (const setting of SETTINGS) {
      const context = await site.browser.newContext({viewport: {width: 1200, height: 900}});
      const page = await context.newPage();
      await openOn(page, site.origin, setting.hash);
      const nodes = await page.locator(".nn-pg-node").count();
      const idle: number[] = [];
      for (let w = 0; w < 3; w++) idle.push(await idleFrameRate(page, WINDOW_MS));
      const {rates, cpuPerFrame, epochsPerSecond} = await playRates(site, page, join(traces, "trace.json"));
      await context.close();
      const fps = median(rates);
      rows.push(
        {
          name: `Playground: maps redrawn while training, ${setting.name}, median of ${WINDOWS} × ${WINDOW_MS / 1000} s`,
          value: `${fps.toFixed(1)} fps`,
          ...(setting.target ? {target: `≥ ${TARGET_FPS} fps`, met: fps >= TARGET_FPS} : {})
        },
        {name: "  range over the windows", value: `${Math.min(...rates).toFixed(1)}–${Math.max(...rates).toFixed(1)}`},
        {name: `  node maps on screen (plus the big map)`, value: String(nodes)},
        {name: "  idle animation frames per second (the ceiling right now)", value: median(idle).toFixed(1)},
        {
          name: "  main-thread CPU per frame (and the rate it allows with a core free)",
          value: `${cpuPerFrame.toFixed(1)} ms (${(1000 / cpuPerFrame).toFixed(0)} fps)`
        },
        {name: "  epochs trained per second", value: epochsPerSecond.toFixed(0)}
      );
    }
  } finally {
    rmSync(traces, {recursive: true, force: true});
  }
  return rows;
}
