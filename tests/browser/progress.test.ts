// The home page's course map and the Export / Import / Reset progress buttons, driven as a learner would.
import {readFileSync} from "node:fs";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {chapters} from "../../observablehq.config.js";
import {launch, open} from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const record = (status: string) => JSON.stringify({status, solutionShown: false});
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
      await expect(items.first().textContent()).resolves.toMatch(/Linear regression is a one-layer network/);
      await expect(items.nth(4).textContent()).resolves.toMatch(/Backpropagation/);
      await expect(items.last().textContent()).resolves.toMatch(/handwritten digits/);
      expect(report.consoleErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it("imports a progress file, refuses a corrupt one without changes, exports, and resets after asking", async () => {
    const {page} = await open(browser, "/");
    try {
      await importText(
        page,
        "good.json",
        file({"exercise:linear-regression/predict": record("passed"), "live:x": "const a = 1;"})
      );
      await expect
        .poll(() => page.locator(".progress-status").textContent())
        .toBe("Imported 2 saved items from good.json.");
      const stored = () => page.evaluate(() => localStorage.getItem("nn-course:exercise:linear-regression/predict"));
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
      expect(exported.entries).toEqual({
        "exercise:linear-regression/predict": record("passed"),
        "live:x": "const a = 1;"
      });

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
