// What the browser benchmarks share: a build of the site in a folder of its own, a local server for it,
// Chromium, a recorder of response sizes, and the table with a verdict for every target.
import {execFileSync} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import {type Browser, chromium, type Page} from "playwright-core";
import {CHROMIUM_ARGS, ensureChromium} from "../browser/chromium.js";
import {serve} from "../browser/serve.js";

export interface Site {
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Builds the site into a new temporary folder (so two runs on one machine never share one), serves it on a free
 * loopback port and starts Chromium. BENCH_DIST=<folder> reuses an existing build instead (e.g. dist/).
 */
export async function openSite(): Promise<Site> {
  let dist = process.env.BENCH_DIST;
  let temporary: string | undefined;
  if (!dist) {
    temporary = mkdtempSync(join(tmpdir(), "nn-course-bench-"));
    dist = join(temporary, "dist");
    console.log(`Building the site into ${dist}…`);
    execFileSync("npx", ["observable", "build"], {stdio: "ignore", env: {...process.env, COURSE_DIST: dist}});
  }
  const {server, origin} = await serve(dist);
  const browser = await chromium.launch({executablePath: ensureChromium(), args: CHROMIUM_ARGS});
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (temporary) rmSync(temporary, {recursive: true, force: true});
    }
  };
}

/**
 * Records the size of every response of a page (URL → gzip bytes). Reading a body is asynchronous, so `sizes()`
 * waits for every body still being read before it answers: summing earlier would miss the late ones.
 */
export function recordResponses(page: Page): {sizes(): Promise<Map<string, number>>} {
  const sizes = new Map<string, number>();
  const pending = new Set<Promise<void>>();
  page.on("response", (response) => {
    const reading = response
      .body()
      .then((body) => {
        sizes.set(response.url(), gzipSync(body, {level: 9}).length);
      })
      .catch(() => {
        // A response without a body (a redirect): nothing transferred.
      });
    pending.add(reading);
    reading.finally(() => pending.delete(reading));
  });
  return {
    async sizes() {
      while (pending.size > 0) await Promise.all(pending);
      return new Map(sizes);
    }
  };
}

export function sum(sizes: Map<string, number>, test: (url: string) => boolean): number {
  let total = 0;
  for (const [url, size] of sizes) if (test(url)) total += size;
  return total;
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const ms = (t: number) => `${t.toFixed(0)} ms`;
export const median = (xs: number[]) => quantile(xs, 0.5);

export function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** One line of a result table: a measurement, its target if it has one, and whether the target was met. */
export interface Row {
  name: string;
  value: string;
  target?: string;
  met?: boolean;
}

export const verdict = (met: boolean | undefined) => (met === undefined ? "" : met ? "met" : "MISSED");

export function printRows(title: string, rows: Row[]): void {
  console.log(`\n${title}\n`);
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const row of rows)
    console.log(
      `${row.name.padEnd(width)}  ${row.value.padStart(10)}  ${(row.target ?? "").padEnd(16)}  ${verdict(row.met)}`.trimEnd()
    );
}

/** A Markdown table (as the README shows it): a header row, then one row per entry. */
export function printTable(title: string, header: string[], rows: string[][], right: boolean[]): void {
  console.log(`\n${title}\n`);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (right[i] ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`);
  for (const row of rows) console.log(line(row));
}

/** CPU time (not wall time) of the renderer's main thread in a trace, in milliseconds. */
export function mainThreadCpuMs(traceFile: string): number {
  const events = JSON.parse(readFileSync(traceFile, "utf8")).traceEvents as {
    ph: string;
    name: string;
    pid: number;
    tid: number;
    tdur?: number;
    args?: {name?: string};
  }[];
  const main = events.find((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain");
  if (!main) throw new Error("the trace has no renderer main thread");
  return events
    .filter((e) => e.ph === "X" && e.pid === main.pid && e.tid === main.tid)
    .reduce((sum, e) => sum + (e.tdur ?? 0) / 1000, 0);
}

/**
 * Animation frames per second of a page with nothing playing, over `ms` milliseconds: the ceiling right now (on a
 * busy machine it falls below 60, and no page can draw faster than it). The function is passed as a string: the
 * bundler's helpers are not defined inside the page.
 */
export async function idleFrameRate(page: Page, ms: number): Promise<number> {
  return Number(
    await page.evaluate(
      `new Promise((done) => {
        let frames = 0;
        const start = performance.now();
        const tick = () => {
          frames++;
          if (performance.now() - start < ${ms}) requestAnimationFrame(tick);
          else done(frames / ((performance.now() - start) / 1000));
        };
        requestAnimationFrame(tick);
      })`
    )
  );
}
