// Shared helpers for browser tests: launch Chromium, open a built page, and record what went wrong on it.
import {mkdirSync} from "node:fs";
import {dirname} from "node:path";
import {type Browser, type BrowserContext, chromium, type Locator, type Page} from "playwright-core";
import {inject} from "vitest";
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

/** Waits until no live cell of the page is running (training cells animate for a few seconds). */
export async function settled(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForFunction(
    () => document.querySelectorAll('[data-live-cell][data-state="running"]').length === 0,
    null,
    {timeout}
  );
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

/** Opens a cell's editor as a learner would, makes the replacements in its source, runs it with Shift+Enter and waits. */
export async function editCell(page: Page, id: string, ...replacements: [string, string][]): Promise<void> {
  const cell = liveCell(page, id);
  await cell.getByRole("button", {name: "Edit"}).click();
  const content = cell.locator(".cm-content");
  await content.waitFor();
  let source = await content.evaluate((el) => (el as HTMLElement).innerText);
  for (const [from, to] of replacements) {
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
