// Smoke test: every page in the config opens from the built site with no console error, no failed request,
// no request to any other origin, a title, and every formula of its source rendered by KaTeX.
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import MarkdownIt from "markdown-it";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {chapters} from "../../observablehq.config.js";
import {katexPlugin} from "../../src/build/katex-plugin.js";
import {launch, open, screenshot} from "./browser.js";
import {pages, sourceFile} from "./pages.js";

const md = new MarkdownIt({html: true}).use(katexPlugin);

/** How many formulas the page's Markdown source contains (front matter removed). */
function formulasInSource(path: string): number {
  const source = readFileSync(sourceFile(path), "utf-8").replace(/^---\n[\s\S]*?\n---\n/, "");
  return md.render(source).match(/class="katex"/g)?.length ?? 0;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(["light", "dark"] as const)("every page, %s theme", (colorScheme) => {
  it.each(pages)("$path opens cleanly", async ({path}) => {
    const {page, report} = await open(browser, path, {colorScheme});
    try {
      expect(report.consoleErrors, "console errors").toEqual([]);
      expect(report.failedRequests, "failed requests").toEqual([]);
      expect(report.foreignRequests, "requests to other origins").toEqual([]);
      await expect(page.locator("main h1").first().textContent()).resolves.toMatch(/\S/);
      const expected = formulasInSource(path);
      const rendered = await page.locator("main .katex").count();
      expect(rendered, "KaTeX formulas rendered").toBeGreaterThanOrEqual(expected);
      // Build-time KaTeX must also be styled: its fonts come from the site's own stylesheet.
      if (expected > 0) {
        const family = await page
          .locator("main .katex")
          .first()
          .evaluate((node) => getComputedStyle(node).fontFamily);
        expect(family).toContain("KaTeX_Main");
      }
      await screenshot(page, `smoke/${path.endsWith("/") ? `${path.slice(1)}index` : path.slice(1)}-${colorScheme}`);
    } finally {
      await page.context().close();
    }
  });
});

describe("site structure", () => {
  it("lists the chapters in the sidebar in lesson order, and links each from the home page", async () => {
    const {page} = await open(browser, "/");
    try {
      const sidebar = await page
        .locator("#observablehq-sidebar a.observablehq-link, #observablehq-sidebar li a")
        .allTextContents();
      const english = pages.filter((p) => !p.path.startsWith("/zh/"));
      const chapterNames = english.filter((p) => /^\d/.test(p.name)).map((p) => p.name);
      expect(chapterNames).toEqual(chapters.map((c) => c.name));
      expect(chapterNames.length).toBe(7);
      const positions = chapterNames.map((name) => sidebar.findIndex((text) => text.trim() === name));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      for (const {path} of english.filter((p) => /^\d/.test(p.name))) {
        await expect(page.locator(`main a[href$="${path.slice(1)}"]`).count()).resolves.toBeGreaterThan(0);
      }
      await expect(page.locator("#observablehq-search input").count()).resolves.toBe(1);
    } finally {
      await page.context().close();
    }
  });

  it("links each chapter to the previous and the next page", async () => {
    const {page} = await open(browser, "/and-gate");
    try {
      await expect(page.locator("#observablehq-footer nav a[rel=prev]").getAttribute("href")).resolves.toMatch(
        /linear-regression/
      );
      await expect(page.locator("#observablehq-footer nav a[rel=next]").getAttribute("href")).resolves.toMatch(
        /softmax/
      );
    } finally {
      await page.context().close();
    }
  });

  it("search finds a chapter by a word in it", async () => {
    const {page, report} = await open(browser, "/");
    try {
      await page.locator("#observablehq-search input").fill("softmax");
      await expect
        .poll(() => page.locator("#observablehq-search-results li a").allTextContents())
        .toContainEqual(expect.stringContaining("Softmax"));
      expect(report.failedRequests).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

describe("the built site is self-contained", () => {
  const dist = process.env.COURSE_DIST || "dist";
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });

  it("holds no module that Framework downloaded from a CDN (npm: imports, implicit built-ins)", () => {
    // On a machine with internet, Framework would fetch `npm:` modules and copy them to dist/_npm/.
    expect(files(dist).filter((file) => file.includes("/_npm/") || file.includes("/_jsr/"))).toEqual([]);
  });

  it("refers to no /_npm/ path that Framework would have resolved against the registry", () => {
    // Framework's client names libraries a page may load on demand; the patch in src/build/patches keeps them
    // unresolved instead of writing paths to "latest" versions that the build never ships.
    const offenders = files(dist)
      .filter((file) => file.endsWith(".js") || file.endsWith(".html"))
      .filter((file) => /["'`][./]*\/_npm\//.test(readFileSync(file, "utf-8")));
    expect(offenders).toEqual([]);
  });

  it("references no other origin for scripts, styles, fonts or images", () => {
    const offenders: string[] = [];
    for (const file of files(dist)) {
      if (file.endsWith(".html")) {
        const html = readFileSync(file, "utf-8");
        for (const match of html.matchAll(/<(script|link|img|source|iframe)\b[^>]*\b(src|href)="([^"]*)"/g)) {
          if (/^(https?:)?\/\//.test(match[3])) offenders.push(`${file}: ${match[0]}`);
        }
        for (const match of html.matchAll(/\bimport\s*\(?\s*["'](https?:\/\/[^"']+)/g))
          offenders.push(`${file}: ${match[1]}`);
      } else if (file.endsWith(".css")) {
        const css = readFileSync(file, "utf-8");
        for (const match of css.matchAll(/(?:url\(\s*["']?|@import\s+["'])((?:https?:)?\/\/[^"')]+)/g)) {
          offenders.push(`${file}: ${match[1]}`);
        }
      } else if (file.endsWith(".js")) {
        const js = readFileSync(file, "utf-8");
        for (const match of js.matchAll(/\bfrom\s*["'](https?:\/\/[^"']+)|\bimport\s*\(\s*["'](https?:\/\/[^"']+)/g)) {
          offenders.push(`${file}: ${match[1] ?? match[2]}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
