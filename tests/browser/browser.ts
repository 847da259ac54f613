// Shared helpers for browser tests: launch Chromium, open a built page, and record what went wrong on it.
import {mkdirSync} from "node:fs";
import {dirname} from "node:path";
import {type Browser, type BrowserContext, chromium, type Locator, type Page} from "playwright-core";
import {expect, inject} from "vitest";
import {CHROMIUM_ARGS} from "./chromium.js";

export const ARTIFACTS = "test-artifacts";

export interface PageReport {
  consoleErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
}

export async function launch(): Promise<Browser> {
  return chromium.launch({executablePath: inject("chromiumPath"), args: CHROMIUM_ARGS});
}

export function origin(): string {
  return inject("origin");
}

/** Opens `path` of the built site in a new page and collects console errors, failed and off-origin requests. */
export async function open(
  browser: Browser,
  path: string,
  options: {colorScheme?: "light" | "dark"; width?: number} = {}
): Promise<{page: Page; report: PageReport}> {
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? "light",
    viewport: {width: options.width ?? 1200, height: 900}
  });
  return openIn(context, path);
}

/** Opens `path` in a new page of `context` (which keeps its storage), as open() does. */
export async function openIn(context: BrowserContext, path: string): Promise<{page: Page; report: PageReport}> {
  const page = await context.newPage();
  const report: PageReport = {consoleErrors: [], failedRequests: [], foreignRequests: []};
  const base = origin();
  page.on("console", (message) => {
    if (message.type() === "error") report.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => report.consoleErrors.push(String(error)));
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(base) && !url.startsWith("data:") && !url.startsWith("blob:")) report.foreignRequests.push(url);
  });
  page.on("requestfailed", (request) =>
    report.failedRequests.push(`${request.url()} (${request.failure()?.errorText})`)
  );
  page.on("response", (response) => {
    if (response.status() >= 400) report.failedRequests.push(`${response.url()} (${response.status()})`);
  });
  // Nothing but the site itself may be reached: abort anything else so a stray CDN import fails loudly.
  await page.route(
    (url) => !url.href.startsWith(base) && url.protocol !== "data:" && url.protocol !== "blob:",
    (route) => route.abort()
  );
  await page.goto(base + path, {waitUntil: "networkidle"});
  return {page, report};
}

export async function screenshot(page: Page, name: string): Promise<void> {
  const file = `${ARTIFACTS}/${name}.png`;
  mkdirSync(dirname(file), {recursive: true});
  await page.screenshot({path: file, fullPage: true});
}

/** A live cell by its id (the live-cell contract: data-live-cell, data-state, [data-cell-output]). */
export const liveCell = (page: Page, id: string): Locator => page.locator(`[data-live-cell="${id}"]`);

/** A live cell's output area. */
export const cellOutput = (page: Page, id: string): Locator => liveCell(page, id).locator("[data-cell-output]");

// Helpers for chapter tests (every chapter test reads numbers from cells, edits cells and runs the exercises).

/** Waits until the page has live cells and none of them is running (training cells take a while on a busy machine). */
export async function settled(page: Page, timeout = 180_000): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelectorAll("[data-live-cell]").length > 0 &&
      document.querySelectorAll('[data-live-cell][data-state="running"]').length === 0,
    null,
    {timeout}
  );
}

/** Every number in a text, in order (1e-5, 2.69e+43, −0.98, Infinity and NaN included). */
export function numbers(text: string): number[] {
  return [...text.matchAll(/-?(?:\d+\.?\d*(?:e[+-]?\d+)?|Infinity)|NaN/g)].map((m) => Number(m[0]));
}

/** The text of each line of a cell's output (one block per display or yield), without quotes around strings. */
export async function outputLines(page: Page, id: string): Promise<string[]> {
  const blocks = await cellOutput(page, id)
    .locator(":scope > *")
    .evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ""));
  return blocks.flatMap((block) => block.split("\n")).map((line) => line.replace(/^["'`]|["'`]$/g, ""));
}

/** The source of the live cell `id` as a page's Markdown writes it. */
export function liveCellSource(markdown: string, id: string): string {
  const fence = "```";
  const match = new RegExp(`${fence}ts live id=${id}[^\\n]*\\n([\\s\\S]*?)\\n${fence}`).exec(markdown);
  if (!match) throw new Error(`no live cell ${id} in the page's Markdown`);
  return match[1];
}

/**
 * The first number after `label` in `text` ("MSE 1.09e-23" → 1.09e-23), read from the digits themselves, so that it
 * does not matter how the live-cell engine quotes or wraps a printed string. Throws when there is none.
 */
export function numberAfter(text: string, label: RegExp): number {
  const match = new RegExp(`${label.source}\\s*(-?\\d+(?:\\.\\d+)?(?:e[-+]?\\d+)?)`).exec(text);
  if (!match) throw new Error(`no number after ${label} in: ${text}`);
  return Number(match[1]);
}

/** The numbers of the `index`-th table in a cell's output, row by row (row labels left out; full precision from `title`). */
export function tableNumbers(page: Page, id: string, index = 0): Promise<number[][]> {
  return cellOutput(page, id)
    .locator("table")
    .nth(index)
    .evaluate((table) =>
      [...table.querySelectorAll("tbody tr")].map((tr) =>
        [...tr.querySelectorAll("td")].map((td) => Number(td.getAttribute("title") ?? td.textContent))
      )
    );
}

/**
 * Opens a cell's editor as a learner would, gives it a new source, runs it with Shift+Enter and waits until the page
 * settles. `edits` is either the whole new source, or [from, to] replacements made in the source the editor shows.
 */
export async function editCell(page: Page, id: string, ...edits: [string] | [string, string][]): Promise<void> {
  const cell = liveCell(page, id);
  await cell.getByRole("button", {name: "Edit"}).click();
  const content = cell.locator(".cm-content");
  await content.waitFor();
  let source = await content.evaluate((el) => (el as HTMLElement).innerText);
  for (const edit of edits) {
    if (typeof edit === "string") {
      source = edit;
      continue;
    }
    const [from, to] = edit;
    if (!source.includes(from)) throw new Error(`the ${id} cell does not contain ${from}`);
    source = source.replace(from, to);
  }
  await content.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(source);
  await page.keyboard.press("Shift+Enter");
  await page.waitForTimeout(100);
  await settled(page);
}

/**
 * On a freshly opened chapter: each exercise starts pending, shows a hint, and passes once its reference solution is
 * shown and run (the confirmation dialog accepted); then the chapter's progress counts them all.
 */
export async function passEveryExercise(page: Page, chapter: string, ids: readonly string[]): Promise<void> {
  page.on("dialog", (dialog) => void dialog.accept());
  for (const id of ids) {
    const root = page.locator(`[data-exercise="${chapter}/${id}"]`);
    await expect.poll(() => root.getAttribute("data-status")).toBe("pending");
    await root.getByRole("button", {name: "Hint"}).click();
    await expect(root.locator(".exercise__hint:visible").count()).resolves.toBe(1);
    await root.getByRole("button", {name: "Show solution"}).click();
    await root.getByRole("button", {name: "Run"}).click();
    await expect.poll(() => root.getAttribute("data-status"), {timeout: 60_000}).toBe("passed");
    await expect(root.locator(".exercise__result").textContent()).resolves.toMatch(/^✓/);
  }
  const count = new RegExp(`${ids.length} of ${ids.length}|all ${ids.length}`);
  await expect(page.locator(".chapter-progress").textContent()).resolves.toMatch(count);
}

/** Scrolls through the whole page (figures draw only once on screen), back to the top; returns the sideways overflow. */
export async function scrollThrough(page: Page): Promise<number> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 700) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(30);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
