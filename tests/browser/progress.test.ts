// The home page's course map and the Export / Import / Reset progress buttons, driven as a learner would.
import {existsSync, readFileSync} from "node:fs";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {chapters} from "../../observablehq.config.js";
import {findExercises} from "../../src/build/exercise-ids.js";
import {launch, open, openIn} from "./browser.js";
import {pages, sourceFile} from "./pages.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const record = (status: string) => JSON.stringify({status, solutionShown: false});
const EDIT_KEY = "live-cell:/lab/live-cells#a";
const EDIT = JSON.stringify({original: "00000000", source: "const a = 3;"});

// Real exercise ids, read from the chapters as they are now: a chapter with at least two exercises.
const chapterExercises = pages
  .filter((page) => page.path !== "/" && existsSync(sourceFile(page.path)))
  .map((page) => ({path: page.path, ids: findExercises(page.path, readFileSync(sourceFile(page.path), "utf-8"))}));
const withTwo = chapterExercises.find((chapter) => chapter.ids.length >= 2);
if (!withTwo) throw new Error("progress.test: no chapter has two exercises");
const [first, second] = withTwo.ids;
const chapterOf = (id: string) => chapterExercises.find((chapter) => chapter.ids.includes(id))?.path;
const exercisesOf = (id: string) => chapterExercises.find((chapter) => chapter.ids.includes(id))?.ids ?? [];
const file = (entries: Record<string, string>) =>
  JSON.stringify({format: "nn-course-progress", version: 1, exported: "2026-01-01T00:00:00.000Z", entries});

async function importText(page: Page, name: string, text: string) {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", {name: "Import progress"}).click();
  await (await chooser).setFiles({name, mimeType: "application/json", buffer: Buffer.from(text)});
}

describe("progress on the home page", () => {
  it("shows every chapter in order with its progress", async () => {
    const {page, report} = await open(browser, "/");
    try {
      const items = page.locator("ol.course-map > li");
      await expect.poll(() => items.count()).toBe(chapters.length);
      const names = await items.locator("a").allTextContents();
      expect(names).toEqual(chapters.map((chapter) => chapter.name.replace(/^\d+ · /, "")));
      expect(report.consoleErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it("imports a progress file after showing what it holds, refuses a corrupt one, exports, and resets after asking", async () => {
    const {page} = await open(browser, "/");
    try {
      await importText(page, "good.json", file({[`exercise:${first}`]: record("passed"), [EDIT_KEY]: EDIT}));
      const dialog = page.getByRole("dialog", {name: "Import progress from good.json?"});
      await expect.poll(() => dialog.isVisible()).toBe(true);
      expect(await dialog.textContent()).toContain("The file holds 1 exercise passed and 1 edited cell.");
      // Nothing is stored yet: nothing to replace or merge.
      expect(await dialog.getByRole("button").allTextContents()).toEqual(["Import", "Cancel"]);
      await dialog.getByRole("button", {name: "Import"}).click();
      await expect
        .poll(() => page.locator(".progress-status").textContent())
        .toBe("Imported 2 saved items from good.json.");
      const stored = () => page.evaluate((key) => localStorage.getItem(key), `nn-course:exercise:${first}`);
      await expect(stored()).resolves.toBe(record("passed"));

      await importText(page, "bad.json", "{not json");
      await expect
        .poll(() => page.locator(".progress-status").textContent())
        .toMatch(/^Could not import bad.json: The file is not valid JSON/);
      await importText(page, "other.json", JSON.stringify({format: "something-else"}));
      await expect
        .poll(() => page.locator(".progress-status").textContent())
        .toMatch(/not a progress file of this course/);
      await expect(stored()).resolves.toBe(record("passed"));

      const download = page.waitForEvent("download");
      await page.getByRole("button", {name: "Export progress"}).click();
      const exported = JSON.parse(readFileSync(await (await download).path(), "utf-8"));
      expect(exported.format).toBe("nn-course-progress");
      expect(exported.entries).toEqual({[`exercise:${first}`]: record("passed"), [EDIT_KEY]: EDIT});

      page.once("dialog", (dialog) => dialog.dismiss());
      await page.getByRole("button", {name: "Reset progress"}).click();
      await expect(stored()).resolves.toBe(record("passed"));
      page.once("dialog", (dialog) => dialog.accept());
      await page.getByRole("button", {name: "Reset progress"}).click();
      await expect.poll(stored).toBeNull();
      await expect(page.locator(".progress-status").textContent()).resolves.toBe("Progress reset.");
    } finally {
      await page.context().close();
    }
  });

  it("over existing progress, Import asks: Cancel changes nothing, Merge adds, Replace replaces; bad entries are named", async () => {
    const {page} = await open(browser, "/");
    try {
      await page.evaluate(
        ([a, edit]) => {
          localStorage.setItem(`nn-course:exercise:${a}`, JSON.stringify({status: "passed", solutionShown: false}));
          localStorage.setItem("nn-course:live-cell:/lab/live-cells#a", edit);
        },
        [first, EDIT]
      );
      const text = file({
        [`exercise:${second}`]: record("passed"),
        [`exercise:${first}`]: record("failed"),
        "exercise:no-such-chapter/nope": record("passed"),
        "live-cell:/lab/live-cells#b": "not json at all",
        "unknown-thing": "1"
      });
      const dialog = page.getByRole("dialog", {name: "Import progress from mixed.json?"});
      const refused =
        "Not imported, because they would not load: “exercise:no-such-chapter/nope” (no such exercise in this " +
        "course), “live-cell:/lab/live-cells#b” (corrupt: not JSON), “unknown-thing” (not something this course stores).";

      await importText(page, "mixed.json", text);
      await expect.poll(() => dialog.isVisible()).toBe(true);
      const shown = (await dialog.textContent()) ?? "";
      expect(shown).toContain("The file holds 1 exercise passed (of 2 recorded) and 0 edited cells.");
      expect(shown).toContain(refused);
      expect(shown).toContain("This browser has 1 exercise passed and 1 edited cell.");
      expect(await dialog.getByRole("button").allTextContents()).toEqual([
        "Replace my progress",
        "Merge with my progress",
        "Cancel"
      ]);
      await dialog.getByRole("button", {name: "Cancel"}).click();
      await expect
        .poll(() => page.locator(".progress-status").textContent())
        .toBe("Nothing was imported from mixed.json.");
      const keys = () =>
        page.evaluate(() =>
          Object.keys(localStorage)
            .filter((key) => key.startsWith("nn-course:"))
            .sort()
        );
      expect(await keys()).toEqual([`nn-course:exercise:${first}`, "nn-course:live-cell:/lab/live-cells#a"].sort());

      await importText(page, "mixed.json", text);
      await dialog.getByRole("button", {name: "Merge with my progress"}).click();
      await expect
        .poll(() => page.locator(".progress-status").textContent())
        .toBe("Merged 2 saved items from mixed.json; 3 refused.");
      expect(await keys()).toEqual(
        [`nn-course:exercise:${first}`, `nn-course:exercise:${second}`, "nn-course:live-cell:/lab/live-cells#a"].sort()
      );
      // Passed here, failed in the file: it stays passed.
      expect(await page.evaluate((key) => localStorage.getItem(key), `nn-course:exercise:${first}`)).toBe(
        record("passed")
      );

      await importText(page, "mixed.json", text);
      await dialog.getByRole("button", {name: "Replace my progress"}).click();
      await expect
        .poll(() => page.locator(".progress-status").textContent())
        .toBe("Imported 2 saved items from mixed.json; 3 refused.");
      expect(await keys()).toEqual([`nn-course:exercise:${first}`, `nn-course:exercise:${second}`].sort());
      expect(await page.evaluate((key) => localStorage.getItem(key), `nn-course:exercise:${first}`)).toBe(
        record("failed")
      );
    } finally {
      await page.context().close();
    }
  });

  it("with storage full, shows and exports what is stored, says it is full, and the sidebar does not break", async () => {
    const context = await browser.newContext({viewport: {width: 1200, height: 900}});
    try {
      const {page: seed} = await openIn(context, "/");
      await seed.evaluate(
        ([a, b]) => {
          for (const id of [a, b])
            localStorage.setItem(`nn-course:exercise:${id}`, JSON.stringify({status: "passed", solutionShown: false}));
        },
        [first, second]
      );
      await seed.close();
      await context.addInitScript(() => {
        Storage.prototype.setItem = () => {
          throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        };
      });
      const {page, report} = await openIn(context, "/");
      const chapter = page.locator(`ol.course-map > li[data-chapter="${chapterOf(first)}"]`);
      const total = exercisesOf(first).length;
      await expect
        .poll(() => chapter.textContent())
        .toContain(total === 2 ? "complete: all 2 exercises passed" : `2 of ${total} exercises passed`);
      expect(await page.locator(".progress-status").textContent()).toMatch(/storage for this site is full/);
      expect(await page.locator(".progress-status").textContent()).not.toMatch(/does not allow/);
      const download = page.waitForEvent("download");
      await page.getByRole("button", {name: "Export progress"}).click();
      const exported = JSON.parse(readFileSync(await (await download).path(), "utf-8"));
      expect(Object.keys(exported.entries).sort()).toEqual([`exercise:${first}`, `exercise:${second}`].sort());
      await expect.poll(() => page.locator(".progress-status").textContent()).toBe("Exported 2 saved items.");
      // Framework's sidebar writes to sessionStorage when a section opens or closes, and before the page unloads.
      await page.locator("#observablehq-sidebar summary").first().click();
      await page.locator("#observablehq-sidebar summary").first().click();
      await page.reload({waitUntil: "networkidle"});
      expect(report.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("works with storage disabled, with a notice", async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      Object.defineProperty(window, "localStorage", {
        get() {
          throw new DOMException("storage disabled", "SecurityError");
        }
      });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    try {
      const {origin} = await import("./browser.js");
      await page.goto(`${origin()}/`, {waitUntil: "networkidle"});
      await expect.poll(() => page.locator("ol.course-map > li").count()).toBe(chapters.length);
      await expect(page.locator(".progress-status").textContent()).resolves.toMatch(
        /does not allow this site to store data/
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
