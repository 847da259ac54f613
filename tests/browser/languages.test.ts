// The two languages of the site: the switch on every page, the remembered choice, the first visit by the browser's
// language, the sidebar, pager, search and <html lang> of each language, and a learner's progress and edits shared
// by a page and its twin.
import type {Browser, BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {launch, liveCell, openIn, origin, settled} from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const newContext = (locale = "en-US") =>
  browser.newContext({locale, colorScheme: "light", viewport: {width: 1200, height: 900}});
const pathOf = (page: Page) => new URL(page.url()).pathname.replace(/\.html$/, "");
const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const stored = (page: Page) => page.evaluate(() => localStorage.getItem("nn-course-lang"));

async function withContext(locale: string, test: (context: BrowserContext) => Promise<void>): Promise<void> {
  const context = await newContext(locale);
  try {
    await test(context);
  } finally {
    await context.close();
  }
}

describe("the language switch", () => {
  it("leads to the same page in the other language, by keyboard, and is remembered", async () => {
    await withContext("en-US", async (context) => {
      const {page, report} = await openIn(context, "/linear-regression");
      expect(await lang(page)).toBe("en");
      const toChinese = page.getByRole("link", {name: "中文"});
      await expect(toChinese.getAttribute("hreflang")).resolves.toBe("zh-CN");
      // By keyboard: Tab until the switch has the focus, then Enter.
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press("Tab");
        if (await toChinese.evaluate((a) => a === document.activeElement)) break;
      }
      await expect(toChinese.evaluate((a) => a === document.activeElement)).resolves.toBe(true);
      await Promise.all([page.waitForURL(/\/zh\/linear-regression/), page.keyboard.press("Enter")]);
      expect(pathOf(page)).toBe("/zh/linear-regression");
      expect(await lang(page)).toBe("zh-CN");
      expect(await stored(page)).toBe("zh");
      await expect(page.locator("main h1").first().textContent()).resolves.toBe("线性回归就是单层网络");

      // Remembered: coming back to the site from outside (a typed address) opens the Chinese twin.
      await page.goto(`${origin()}/notation`, {waitUntil: "networkidle"});
      expect(pathOf(page)).toBe("/zh/notation");

      // Switching back to English is remembered too, and a link followed inside the site is never redirected.
      await Promise.all([page.waitForURL(/\/notation$/), page.getByRole("link", {name: "English"}).click()]);
      expect(await stored(page)).toBe("en");
      await page.goto(`${origin()}/zh/linear-regression`, {waitUntil: "networkidle"});
      expect(pathOf(page)).toBe("/linear-regression");
      await page.goto(`${origin()}/`, {waitUntil: "networkidle"});
      await Promise.all([page.waitForURL(/\/zh\/$/), page.getByRole("link", {name: "中文"}).click()]);
      expect(pathOf(page)).toBe("/zh/");
      expect(report.consoleErrors).toEqual([]);
    });
  });

  it("sends a Chinese browser to the Chinese page on its first visit, once, and never against a choice", async () => {
    await withContext("zh-CN", async (context) => {
      const {page} = await openIn(context, "/linear-regression");
      expect(pathOf(page)).toBe("/zh/linear-regression");
      expect(await stored(page)).toBe("zh");
      // The learner chooses English: no redirect back, on this page, on a reload or on the next visit.
      await Promise.all([page.waitForURL(/\/linear-regression$/), page.getByRole("link", {name: "English"}).click()]);
      await page.reload({waitUntil: "networkidle"});
      expect(pathOf(page)).toBe("/linear-regression");
      await page.goto(`${origin()}/notation`, {waitUntil: "networkidle"});
      expect(pathOf(page)).toBe("/notation");
      expect(await stored(page)).toBe("en");
    });
    await withContext("en-US", async (context) => {
      // An English browser is never redirected, not even from a Chinese page it opened itself.
      const {page} = await openIn(context, "/zh/notation");
      expect(pathOf(page)).toBe("/zh/notation");
      await page.goto(`${origin()}/notation`, {waitUntil: "networkidle"});
      expect(pathOf(page)).toBe("/notation");
      expect(await stored(page)).toBeNull();
    });
  });
});

describe("each language has its own sidebar, pager, search and lang attribute", () => {
  it("lists only Chinese pages on a Chinese page, and only English ones on an English page", async () => {
    await withContext("en-US", async (context) => {
      const {page} = await openIn(context, "/zh/linear-regression");
      const links = await page
        .locator("#observablehq-sidebar a")
        .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(links.length).toBeGreaterThan(3);
      expect(links.every((path) => path.startsWith("/zh/"))).toBe(true);
      await expect(page.locator("#observablehq-sidebar a").first().textContent()).resolves.toBe("从内部看神经网络");
      await expect(page.locator("#observablehq-search input").getAttribute("placeholder")).resolves.toBe("搜索");
      const prev = await page.locator("#observablehq-footer nav a[rel=prev]").getAttribute("href");
      const next = await page.locator("#observablehq-footer nav a[rel=next]").getAttribute("href");
      expect(new URL(prev ?? "", page.url()).pathname).toBe("/zh/");
      expect(new URL(next ?? "", page.url()).pathname).toMatch(/^\/zh\//);
      await expect(page.locator("#observablehq-toc nav > div").textContent()).resolves.toBe("本页内容");

      const english = (await openIn(context, "/linear-regression")).page;
      const englishLinks = await english
        .locator("#observablehq-sidebar a")
        .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(englishLinks.some((path) => path.startsWith("/zh/"))).toBe(false);
      expect(await lang(english)).toBe("en");
      const englishNext = await english.locator("#observablehq-footer nav a[rel=next]").getAttribute("href");
      expect(englishNext).toMatch(/and-gate/);
    });
  });

  it("finds a Chinese word, and shows each language's results on its own pages", async () => {
    await withContext("en-US", async (context) => {
      const {page} = await openIn(context, "/zh/notation");
      const input = page.locator("#observablehq-search input");
      await input.fill("梯度下降");
      const results = page.locator("#observablehq-search-results li a");
      await expect.poll(() => results.count(), {timeout: 20_000}).toBeGreaterThan(0);
      const found = await results.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(found).toContain("/zh/linear-regression");
      expect(found.every((path) => path.startsWith("/zh/"))).toBe(true);
      await expect(page.locator("#observablehq-search-results > div").textContent()).resolves.toMatch(/个结果/);
      // A word of two characters inside a longer one, and a single character.
      await input.fill("偏置");
      await expect.poll(() => results.count()).toBeGreaterThan(0);
      await input.fill("不存在的词语");
      await expect.poll(() => page.locator("#observablehq-search-results").textContent()).toBe("没有结果");

      const english = (await openIn(context, "/notation")).page;
      await english.locator("#observablehq-search input").fill("gradient");
      const englishResults = english.locator("#observablehq-search-results li a");
      await expect.poll(() => englishResults.count(), {timeout: 20_000}).toBeGreaterThan(0);
      const englishFound = await englishResults.evaluateAll((as) =>
        as.map((a) => new URL((a as HTMLAnchorElement).href).pathname)
      );
      expect(englishFound.some((path) => path.startsWith("/zh/"))).toBe(false);
    });
  });
});

describe("a learner's work is the same in both languages", () => {
  it("shows an exercise passed and a cell edited in English as passed and edited in Chinese, and back", async () => {
    await withContext("en-US", async (context) => {
      const {page} = await openIn(context, "/linear-regression");
      await settled(page);
      page.on("dialog", (dialog) => void dialog.accept());
      const exercise = page.locator('[data-exercise="linear-regression/predict"]');
      await exercise.getByRole("button", {name: "Show solution"}).click();
      await expect.poll(() => exercise.getAttribute("data-status"), {timeout: 60_000}).toBe("passed");

      const zh = (await openIn(context, "/zh/linear-regression")).page;
      await settled(zh);
      const twin = zh.locator('[data-exercise="linear-regression/predict"]');
      await expect.poll(() => twin.getAttribute("data-status"), {timeout: 60_000}).toBe("passed");
      await expect(twin.locator(".exercise__badge").textContent()).resolves.toContain("已完成");
      await expect(zh.locator(".chapter-progress").textContent()).resolves.toMatch(/已通过 1 \/ 4 道练习/);
      // The solution the learner was shown is their code in both languages.
      await expect(liveCell(zh, "exercise-predict").getAttribute("data-edited")).resolves.toBe("");
      await expect(twin.getByRole("button", {name: "查看答案"}).count()).resolves.toBe(1);
      await expect(liveCell(zh, "neuron").getByRole("button", {name: "运行"}).count()).resolves.toBe(1);

      // Reset in Chinese brings back the lesson's code in English too.
      await liveCell(zh, "exercise-predict").getByRole("button", {name: "重置"}).click();
      await expect.poll(() => liveCell(zh, "exercise-predict").getAttribute("data-edited")).toBeNull();
      const back = (await openIn(context, "/linear-regression")).page;
      await settled(back);
      await expect(liveCell(back, "exercise-predict").getAttribute("data-edited")).resolves.toBeNull();
      // …and the exercise stays passed: progress is earned.
      await expect(back.locator(".chapter-progress").textContent()).resolves.toMatch(/1 of 4/);
    });
  }, 600_000); // chapter 1 trains a network on each of its three loads
});
