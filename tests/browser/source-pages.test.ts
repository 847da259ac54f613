// The library's source pages (/source/ and /source/<file>): one page per file of src/lib/nn, showing exactly the
// file's lines, each with a number that links to it; #L<n> scrolls to and highlights line n.
import {readdirSync, readFileSync} from "node:fs";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {launch, open, screenshot} from "./browser.js";

const LIBRARY = "src/lib/nn";

/** Every .ts file of the library, without the extension. */
const FILES = readdirSync(LIBRARY)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => f.slice(0, -3))
  .sort();

/** The lines of a file on disk (a final newline does not start another line). */
const linesOf = (name: string) => readFileSync(`${LIBRARY}/${name}.ts`, "utf-8").replace(/\n$/, "").split("\n");

/** The page of a file: /source/<name>, and /source/ for index.ts. */
const pathOf = (name: string) => (name === "index" ? "/source/" : `/source/${name}`);

/** The listing's lines as the page shows them: the text of each line's code, without its number. */
const shownLines = (page: Page) =>
  page.locator(".nn-source__line .nn-source__code").evaluateAll((codes) => codes.map((c) => c.textContent ?? ""));

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("a source page for every file of src/lib/nn", () => {
  it("finds the library's files", () => {
    expect(FILES.length).toBeGreaterThanOrEqual(20);
    expect(FILES).toContain("matrix");
    expect(FILES).toContain("index");
  });

  it.each(FILES)("%s.ts: the page shows the file's lines, numbered, with no error", async (name) => {
    const {page, report} = await open(browser, pathOf(name));
    try {
      expect(report.consoleErrors).toEqual([]);
      expect(report.failedRequests).toEqual([]);
      expect(report.foreignRequests).toEqual([]);
      const listing = page.locator(`[data-source-file="${name}.ts"]`);
      expect(await listing.count()).toBe(1);
      const lines = linesOf(name);
      expect(await listing.getAttribute("data-lines")).toBe(String(lines.length));
      // The same lines, in the same order, character for character (a few are checked by eye below).
      const shown = await shownLines(page);
      expect(shown.length).toBe(lines.length);
      expect(shown).toEqual(lines);
      // Every line has the id L<n> and a visible number linking to it.
      const numbers = await page
        .locator(".nn-source__line")
        .evaluateAll((ls) =>
          ls.map((l) => [l.id, l.querySelector("a")?.getAttribute("href"), l.querySelector("a")?.textContent])
        );
      expect(numbers).toEqual(lines.map((_, i) => [`L${i + 1}`, `#L${i + 1}`, String(i + 1)]));
      // Highlighted at build time: keywords carry highlight.js classes, and no script was needed for it.
      expect(await listing.locator(".hljs-keyword").count()).toBeGreaterThan(0);
      if (name !== "index") expect(await page.locator("main h1").textContent()).toBe(`${name}.ts`);
    } finally {
      await page.context().close();
    }
  });

  it("matrix.ts: a few lines read exactly as in the file", async () => {
    const {page} = await open(browser, "/source/matrix");
    try {
      const lines = linesOf("matrix");
      const at = (n: number) => page.locator(`#L${n} .nn-source__code`).textContent();
      for (const n of [1, Math.ceil(lines.length / 2), lines.length]) expect(await at(n)).toBe(lines[n - 1]);
      // A template string with ${…} is shown as code, not interpolated by the page.
      const template = lines.findIndex((l) => l.includes("${"));
      expect(template).toBeGreaterThanOrEqual(0);
      expect(await at(template + 1)).toBe(lines[template]);
    } finally {
      await page.context().close();
    }
  });
});

describe("line anchors", () => {
  it("#L42 scrolls to line 42 and highlights it; a click on a number moves the highlight", async () => {
    const {page} = await open(browser, "/source/matrix#L42");
    try {
      const line = page.locator("#L42");
      const box = await line.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return {top: r.top, bottom: r.bottom, height: window.innerHeight, scrolled: window.scrollY};
      });
      expect(box.scrolled).toBeGreaterThan(0);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(box.height);
      const background = (n: number) => page.locator(`#L${n}`).evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(await line.evaluate((el) => el.matches(":target"))).toBe(true);
      expect(await background(42)).not.toBe(await background(41));
      expect(await background(41)).toBe(await background(43));
      await screenshot(page, "source-matrix-L42");
      // Clicking line 60's number links to it.
      await page.locator("#L60 a.nn-source__number").click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe("#L60");
      expect(await page.locator("#L60").evaluate((el) => el.matches(":target"))).toBe(true);
      expect(await background(60)).not.toBe(await background(42));
    } finally {
      await page.context().close();
    }
  });
});

describe("the index page and links", () => {
  it("lists the files in the order of index.ts, each with the first words of its header comment", async () => {
    const {page, report} = await open(browser, "/source/");
    try {
      expect(report.consoleErrors).toEqual([]);
      const order = [...readFileSync(`${LIBRARY}/index.ts`, "utf-8").matchAll(/from "\.\/([\w-]+)\.js"/g)].map(
        (m) => m[1]
      );
      const unique = order.filter((name, i) => order.indexOf(name) === i);
      const listed = await page
        .locator("ol.nn-source__files > li")
        .evaluateAll((items) => items.map((li) => [li.querySelector("a")?.getAttribute("href"), li.textContent]));
      expect(listed.map(([href]) => href)).toEqual(unique.map((name) => `./${name}`));
      for (const [i, name] of unique.entries()) {
        const header = /^\/\/ (\S+ \S+ \S+)/.exec(readFileSync(`${LIBRARY}/${name}.ts`, "utf-8"))?.[1] ?? "";
        expect(header.length, name).toBeGreaterThan(5);
        expect(listed[i][1], name).toContain(header);
      }
      // The files index.ts does not export are listed too, so every file is reachable from here.
      const all = await page
        .locator(".nn-source__files a")
        .evaluateAll((as) => as.map((a) => a.getAttribute("href")?.slice(2)));
      expect([...all, "index"].sort()).toEqual(FILES);
      // The sidebar links here.
      expect(await page.locator("#observablehq-sidebar a", {hasText: "The library's source"}).count()).toBe(1);
    } finally {
      await page.context().close();
    }
  });

  it("links the files a file imports, and its neighbours in reading order", async () => {
    const {page} = await open(browser, "/source/backprop");
    try {
      await page.locator(".nn-source__listing a", {hasText: '"./matrix.js"'}).first().click();
      await page.waitForURL(/\/source\/matrix$/);
      expect(await page.locator("main h1").textContent()).toBe("matrix.ts");
      await page.locator("nav.nn-source__nav a[rel=next]").click();
      await page.waitForURL(/\/source\/random$/);
    } finally {
      await page.context().close();
    }
  });

  it("search finds a source page by a word of its code", async () => {
    const {page, report} = await open(browser, "/");
    try {
      await page.locator("#observablehq-search input").fill("mulberry32");
      await expect
        .poll(() => page.locator("#observablehq-search-results li a").allTextContents())
        .toContainEqual(expect.stringContaining("random.ts"));
      expect(report.failedRequests).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it("fits a phone in the dark theme: the listing scrolls inside itself, the page does not", async () => {
    const {page, report} = await open(browser, "/source/trainer#L120", {colorScheme: "dark", width: 375});
    try {
      expect(report.consoleErrors).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      const listing = page.locator(".nn-source__listing");
      const widths = await listing.evaluate((el) => ({client: el.clientWidth, scroll: el.scrollWidth}));
      expect(widths.scroll).toBeGreaterThan(widths.client);
      // The keyboard can scroll it: the listing takes focus.
      expect(await listing.getAttribute("tabindex")).toBe("0");
      await listing.focus();
      await page.keyboard.press("ArrowRight");
      await expect.poll(() => listing.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
      // The line numbers stay in view while the code scrolls.
      const number = page.locator("#L120 a.nn-source__number");
      const left = await number.evaluate((el) => el.getBoundingClientRect().left);
      expect(left).toBeGreaterThanOrEqual(0);
      expect(await page.locator("#L120").evaluate((el) => el.matches(":target"))).toBe(true);
      await screenshot(page, "source-trainer-dark-375");
    } finally {
      await page.context().close();
    }
  });
});
