// Runs axe-core (the standard accessibility checker) in a page of the built site. axe's source is read from
// node_modules and injected as an inline script, so nothing is fetched.
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import type {AxeResults, RunOptions} from "axe-core";
import type {Page} from "playwright-core";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf-8");

/** WCAG 2 A and AA, and Deque's best practices (landmarks, headings, table headers, …). */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "best-practice"];

/** One line per violating node: rule, CSS target, what to fix, and axe's summary of why it failed. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({content: AXE_SOURCE});
  const options: RunOptions = {runOnly: {type: "tag", values: AXE_TAGS}, resultTypes: ["violations"]};
  const results = await page.evaluate(
    (options) =>
      (window as unknown as {axe: {run(context: Document, options: RunOptions): Promise<AxeResults>}}).axe.run(
        document,
        options
      ),
    options
  );
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id}: ${node.target.join(" ")} (${violation.help}) ${node.failureSummary?.replace(/\s+/g, " ") ?? ""}`
    )
  );
}

/** Waits until no live cell is running (outputs are part of what axe checks), and for scrolling regions to be marked. */
export async function settle(page: Page, timeout = 180_000): Promise<void> {
  await page.waitForFunction(
    () => document.querySelectorAll('[data-live-cell][data-state="running"]').length === 0,
    null,
    {timeout}
  );
  // src/assets/a11y.ts looks at scrolling regions again shortly after the page changes.
  await page.waitForFunction(() => !document.documentElement.hasAttribute("data-a11y-pending"), null, {timeout});
}

/** Resizes the viewport and waits until the page has followed (components redrawn, scrolling regions marked). */
export async function resize(page: Page, width: number): Promise<void> {
  await page.setViewportSize({width, height: 800});
  // The resize event is dispatched before the next frame's callbacks: after two frames it has been handled.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await settle(page);
}
