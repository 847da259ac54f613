// Benchmark of live cells in Chromium on the built site (src/lab/live-cells.md), reported, not asserted:
//  1. JavaScript transferred (gzip) for a page with live cells before any edit, split into the cell machinery
//     (live-cell glue + Observable runtime and inspector), the rest of Framework's client, and the page's libraries;
//     and the editor + compiler chunk loaded on the first Edit.
//  2. Edit → editable: from clicking Edit (cold: the editor is not loaded yet) to a focused CodeMirror editor.
//  3. Shift+Enter → dependent output: from the key press in cell `a` to the new text in `show-b` (a → b → show-b).
//
//   npx tsx tests/bench/live-cells.ts            builds into $LIVE_BENCH_DIST (default /tmp/nn-course-live-bench)
//   npx tsx tests/bench/live-cells.ts --no-build reuses that build
import {execFileSync} from "node:child_process";
import {rmSync} from "node:fs";
import {gzipSync} from "node:zlib";
import {chromium, type Page} from "playwright-core";
import {CHROMIUM_ARGS, ensureChromium} from "../browser/chromium.js";
import {serve} from "../browser/serve.js";

const DIST = process.env.LIVE_BENCH_DIST ?? "/tmp/nn-course-live-bench";
const PATH = "/lab/live-cells";
const EDIT_RUNS = 7;
const RERUNS = 40;
const LAZY =
  /codemirror|@lezer|@marijn|crelt|style-mod|w3c-keyname|sucrase|acorn|ts-interface-checker|lines-and-columns|@jridgewell|lib\/live\/(compile|editor|analyze|globals|modules)\./;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function build(): void {
  rmSync(DIST, {recursive: true, force: true}); // Framework does not clear an output folder outside the project
  execFileSync("npx", ["observable", "build"], {stdio: "ignore", env: {...process.env, COURSE_DIST: DIST}});
}

/** Records every JavaScript response of the page: URL → gzip size. */
function recordScripts(page: Page): Map<string, number> {
  const sizes = new Map<string, number>();
  page.on("response", async (response) => {
    const url = response.url();
    if (!url.endsWith(".js")) return;
    try {
      sizes.set(url, gzipSync(await response.body(), {level: 9}).length);
    } catch {
      // a response without a body (redirect): nothing transferred
    }
  });
  return sizes;
}

function sum(sizes: Map<string, number>, test: (url: string) => boolean): number {
  let total = 0;
  for (const [url, size] of sizes) if (test(url)) total += size;
  return total;
}

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('[data-live-cell][data-state="running"]').length === 0);
}

async function main(): Promise<void> {
  if (!process.argv.includes("--no-build")) build();
  const {server, origin} = await serve(DIST);
  const browser = await chromium.launch({executablePath: ensureChromium(), args: CHROMIUM_ARGS});
  try {
    // 1. Transfer before and after the first edit.
    const context = await browser.newContext();
    const page = await context.newPage();
    const sizes = recordScripts(page);
    await page.goto(origin + PATH, {waitUntil: "networkidle"});
    await settled(page);
    const before = new Map(sizes);
    const machinery = sum(before, (u) => /_import\/lib\/live\/|_observablehq\/runtime\./.test(u));
    const glue = sum(before, (u) => /_import\/lib\/live\//.test(u));
    const framework = sum(before, (u) => /_observablehq\/(client|stdlib)\./.test(u));
    const total = sum(before, () => true);
    const lazyBefore = [...before.keys()].filter((u) => LAZY.test(u));
    await page.locator('[data-live-cell="a"]').getByRole("button", {name: "Edit"}).click();
    await page.locator('[data-live-cell="a"] .cm-content').waitFor();
    await page.waitForLoadState("networkidle");
    const lazy = sum(sizes, (u) => !before.has(u));
    await context.close();

    // 2. Edit → editable, each on a fresh page (nothing cached).
    const editTimes: number[] = [];
    for (let i = 0; i < EDIT_RUNS; ++i) {
      const ctx = await browser.newContext();
      const p = await ctx.newPage();
      await p.goto(origin + PATH, {waitUntil: "networkidle"});
      await settled(p);
      editTimes.push(
        await p.evaluate(async () => {
          const root = document.querySelector('[data-live-cell="a"]') as HTMLElement;
          const button = [...root.querySelectorAll("button")].find((b) => b.textContent === "Edit") as HTMLElement;
          const start = performance.now();
          button.click();
          while (!document.activeElement?.classList.contains("cm-content")) {
            await new Promise((resolve) => setTimeout(resolve, 1));
          }
          return performance.now() - start;
        })
      );
      await ctx.close();
    }

    // 3. Shift+Enter → dependent output, timed in the page from the keydown to the mutation that shows the value.
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await p.goto(origin + PATH, {waitUntil: "networkidle"});
    await settled(p);
    await p.locator('[data-live-cell="a"]').getByRole("button", {name: "Edit"}).click();
    const content = p.locator('[data-live-cell="a"] .cm-content');
    await content.waitFor();
    const rerunTimes: number[] = [];
    for (let i = 0; i < RERUNS + 3; ++i) {
      const value = 100 + i;
      await content.focus();
      await p.keyboard.press("ControlOrMeta+a");
      await p.keyboard.insertText(`const a = ${value};`);
      // Listen first (in the page), then press: the measurement starts at the keydown event itself.
      await p.evaluate((expected) => {
        const w = window as unknown as {benchTiming: Promise<number>};
        w.benchTiming = new Promise<number>((resolve) => {
          let start = 0;
          document.addEventListener("keydown", () => (start = performance.now()), {capture: true, once: true});
          const output = document.querySelector('[data-live-cell="show-b"] [data-cell-output]') as HTMLElement;
          const observer = new MutationObserver(() => {
            if (output.textContent === `b is ${expected}`) {
              observer.disconnect();
              resolve(performance.now() - start);
            }
          });
          observer.observe(output, {childList: true, subtree: true, characterData: true});
        });
      }, value * 10);
      await p.keyboard.press("Shift+Enter");
      const ms = await p.evaluate(() => (window as unknown as {benchTiming: Promise<number>}).benchTiming);
      if (i >= 3) rerunTimes.push(ms); // the first runs warm up the compiler
    }
    await ctx.close();

    const rows: [string, string, string][] = [
      ["cell machinery before any edit (live glue + runtime + inspector), gzip", kb(machinery), "≤ 150 KB"],
      ["  of which live-cell glue (src/lib/live, static part)", kb(glue), ""],
      ["Framework client + stdlib (every Framework page), gzip", kb(framework), ""],
      ["all JavaScript of the test page before any edit, gzip", kb(total), ""],
      ["editor + compiler loaded on first Edit, gzip", kb(lazy), "not before Edit"],
      ["editor or compiler requests before any edit", String(lazyBefore.length), "0"],
      [`Edit → editable, median of ${EDIT_RUNS} cold loads`, `${median(editTimes).toFixed(0)} ms`, "≤ 300 ms"],
      [`Shift+Enter → dependent output, p50 of ${RERUNS}`, `${median(rerunTimes).toFixed(1)} ms`, "≤ 30 ms"],
      [`Shift+Enter → dependent output, p90 of ${RERUNS}`, `${quantile(rerunTimes, 0.9).toFixed(1)} ms`, ""]
    ];
    console.log("\nLive cells (Chromium, localhost, built site)\n");
    for (const [name, value, target] of rows) console.log(`${name.padEnd(74)} ${value.padStart(10)}  ${target}`);
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
