// The keyboard, as a learner who does not use a mouse meets a chapter: the first Tab stop is a skip link to the
// text; from there Tab goes through every control of the chapter in reading order (Edit, Run and Reset of every
// cell, the code, the editor, sliders, think-about-its, hints) with a visible focus at every stop, in both themes;
// Enter opens the editor, Tab indents in it, and Escape then Tab leaves it (no Tab trap).
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {settle} from "./axe.js";
import {launch, open} from "./browser.js";

const CHAPTER = "/linear-regression";
/** Chapter 1 trains a network as it opens: generous on a busy machine. */
const TIMEOUT = 240_000;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** What has focus: its key (data-kb, set by `numberFocusables`) or a short description. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return "body";
    const key = element.getAttribute("data-kb");
    if (key !== null) return key;
    if (element.matches(".cm-content")) return "editor";
    return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}.${element.className}`;
  });
}

/**
 * Numbers every element of the main column that Tab should reach, in document order (data-kb="0", "1", …), and
 * returns the kind of each: links, buttons, form fields, summaries of open or closed details, and anything with a
 * tabindex ≥ 0, when rendered and enabled.
 */
function numberFocusables(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = 'a[href], button, input, select, textarea, summary, [tabindex], [contenteditable="true"]';
    const reachable = (element: HTMLElement) =>
      element.tabIndex >= 0 &&
      !(element as HTMLButtonElement).disabled &&
      element.checkVisibility({visibilityProperty: true}) &&
      !element.closest("[inert]");
    const elements = [...document.querySelectorAll<HTMLElement>(`#observablehq-main :is(${selector})`)].filter(
      reachable
    );
    return elements.map((element, i) => {
      element.setAttribute("data-kb", String(i));
      const cell = element.closest("[data-live-cell]");
      if (element.matches("[data-live-cell] button[data-action]")) return `${element.textContent}`;
      if (element.matches("pre.live-cell__source") && cell) return "code";
      if (element.matches("input[type=range]")) return "slider";
      if (element.matches("details.think > summary")) return "think";
      return element.tagName.toLowerCase();
    });
  });
}

/** Whether the focused element shows a focus ring (for the editor: its frame, which CodeMirror outlines). */
function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    if (!active) return false;
    const ring = active.matches(".cm-content") ? (active.closest(".cm-editor") as HTMLElement) : active;
    const style = getComputedStyle(ring);
    return style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 2;
  });
}

const inMain = (page: Page) => page.evaluate(() => document.activeElement?.closest("#observablehq-main") != null);

describe("the skip link", () => {
  it(
    "is the first Tab stop, shows only when focused, and Enter moves on to the chapter's text",
    async () => {
      const {page} = await open(browser, CHAPTER);
      try {
        const skip = page.locator("a.skip-link");
        expect((await skip.boundingBox())?.y ?? 0).toBeLessThan(0); // out of sight
        await page.keyboard.press("Tab");
        await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Skip to the content");
        const box = await skip.boundingBox();
        expect(box?.y).toBeGreaterThanOrEqual(0);
        expect(await focusVisible(page)).toBe(true);
        await page.keyboard.press("Enter");
        await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("observablehq-main");
        await page.keyboard.press("Tab");
        expect(await inMain(page)).toBe(true);
        // The first Tab stop of the text: the title's anchor, before any cell's button.
        await expect(page.evaluate(() => document.activeElement?.closest("h1") != null)).resolves.toBe(true);
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT
  );

  it(
    "is followed by the sidebar toggle, a button named Sidebar that Enter opens and closes",
    async () => {
      const {page} = await open(browser, CHAPTER, {width: 800}); // narrow: the sidebar starts closed
      try {
        await page.keyboard.press("Tab");
        await page.keyboard.press("Tab");
        const toggle = page.getByRole("button", {name: "Sidebar"});
        await expect(toggle.evaluate((node) => node === document.activeElement)).resolves.toBe(true);
        await expect(toggle.getAttribute("aria-pressed")).resolves.toBe("false");
        expect(await focusVisible(page)).toBe(true);
        await page.keyboard.press("Enter");
        await expect(toggle.getAttribute("aria-pressed")).resolves.toBe("true");
        await expect(page.locator("#observablehq-sidebar").isVisible()).resolves.toBe(true);
        await page.keyboard.press("Enter");
        await expect(toggle.getAttribute("aria-pressed")).resolves.toBe("false");
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT
  );
});

describe.each(["light", "dark"] as const)("Tab through a chapter, %s theme", (colorScheme) => {
  it(
    "reaches every control in reading order with a visible focus, and leaves the editor by Escape then Tab",
    async () => {
      const {page} = await open(browser, CHAPTER, {colorScheme});
      try {
        await settle(page);
        const kinds = await numberFocusables(page);
        const cells = await page.locator("#observablehq-main [data-live-cell]").count();
        expect(cells).toBeGreaterThan(10);
        for (const name of ["Edit", "Run", "Reset"]) expect(kinds.filter((kind) => kind === name).length).toBe(cells);
        expect(kinds.filter((kind) => kind === "code").length).toBe(cells);
        expect(kinds.filter((kind) => kind === "slider").length).toBeGreaterThanOrEqual(3);
        expect(kinds.filter((kind) => kind === "think").length).toBeGreaterThanOrEqual(2);

        // The editor is opened from the keyboard on the first exercise's code (Enter), in the middle of the walk.
        const exerciseCode = await page
          .locator(".exercise pre.live-cell__source")
          .first()
          .getAttribute("data-kb")
          .then((key) => key ?? "");

        await page.keyboard.press("Tab"); // the skip link
        await page.keyboard.press("Enter");
        const visited: string[] = [];
        const unfocused: string[] = [];
        for (let step = 0; step < kinds.length + 20; step++) {
          await page.keyboard.press("Tab");
          if (!(await inMain(page))) break;
          const key = await focused(page);
          visited.push(key);
          if (!(await focusVisible(page))) unfocused.push(key);
          if (key === exerciseCode) {
            await page.keyboard.press("Enter");
            await page.locator(".exercise .cm-content").first().waitFor();
            visited.push(await focused(page));
            if (!(await focusVisible(page))) unfocused.push("editor");
            // Tab indents: focus stays in the editor.
            await page.keyboard.press("Tab");
            await expect(focused(page)).resolves.toBe("editor");
            await page.keyboard.press("Escape");
          }
        }
        const expected = kinds.map((_, i) => String(i));
        expected.splice(expected.indexOf(exerciseCode) + 1, 0, "editor");
        expect(visited).toEqual(expected);
        expect(unfocused).toEqual([]);
        // After the last control of the text, Tab goes on to the footer: nothing traps it.
        await expect(
          page.evaluate(() => document.activeElement?.closest("#observablehq-footer") != null)
        ).resolves.toBe(true);
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT
  );
});

describe("the editor", () => {
  it(
    "keeps Tab for indenting; Escape then Tab goes on to the next control, Escape then Shift+Tab back",
    async () => {
      const {page} = await open(browser, CHAPTER);
      try {
        await settle(page);
        const cell = page.locator(".exercise [data-live-cell]").first();
        await cell.getByRole("button", {name: "Edit"}).click();
        const content = cell.locator(".cm-content");
        await content.waitFor();
        await expect(focused(page)).resolves.toBe("editor");
        const before = await content.innerText();
        await page.keyboard.press("End");
        await page.keyboard.press("Tab");
        await expect(focused(page)).resolves.toBe("editor");
        expect(await content.innerText()).not.toBe(before); // Tab indented

        const [next, previous] = await cell.evaluate((root) => {
          const all = [
            ...document.querySelectorAll<HTMLElement>(
              "a[href], button:not([disabled]), [tabindex]:not([tabindex='-1'])"
            )
          ].filter(
            (element) => element.checkVisibility() && !root.querySelector(".live-cell__editor")?.contains(element)
          );
          const editor = root.querySelector(".live-cell__editor") as HTMLElement;
          const after = all.find(
            (element) => editor.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING
          );
          const before = all.filter(
            (element) => editor.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING
          );
          after?.setAttribute("data-kb", "next");
          before.at(-1)?.setAttribute("data-kb", "previous");
          return [after?.outerHTML.slice(0, 80), before.at(-1)?.outerHTML.slice(0, 80)];
        });
        expect(next).toBeDefined();
        expect(previous).toBeDefined();

        await page.keyboard.press("Escape");
        await page.keyboard.press("Tab");
        await expect(focused(page)).resolves.toBe("next");

        await content.focus();
        await page.keyboard.press("Escape");
        await page.keyboard.press("Shift+Tab");
        await expect(focused(page)).resolves.toBe("previous");
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT
  );
});
