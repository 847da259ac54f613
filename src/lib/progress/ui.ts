// The progress widgets: the course map on the home page (each chapter's exercises passed out of total),
// a chapter's own progress line, and the Export / Import / Reset buttons. All of them redraw whenever
// progress changes, in this tab or in another one.
import {countPassed, exportProgress, importProgress, onProgressChange, resetProgress} from "./progress.js";
import {PREFIX, type SafeStorage, safeStorage} from "./storage.js";

export interface ChapterInfo {
  name: string;
  path: string;
  exercises: string[];
}

let shared: SafeStorage | undefined;
/** The page's one storage wrapper. */
export function courseStorage(): SafeStorage {
  shared ??= safeStorage();
  return shared;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, unknown> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node: HTMLElementTagNameMap[K] = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Redraws `draw` on every change of progress, here or in another tab; stops when `invalidation` resolves. */
function live(draw: () => void, invalidation?: Promise<unknown>): void {
  draw();
  const stop = onProgressChange(draw);
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key.startsWith(PREFIX)) draw();
  };
  window.addEventListener("storage", onStorage);
  invalidation?.then(() => {
    stop();
    window.removeEventListener("storage", onStorage);
  });
}

function progressText(passed: number, total: number): string {
  if (total === 0) return "no exercises yet";
  if (passed === total) return `complete: all ${total} exercises passed`;
  return `${passed} of ${total} exercises passed`;
}

/** A `<progress>` with a text label, for one chapter. */
function progressLine(passed: number, total: number): HTMLElement {
  if (total === 0) return element("span", {className: "course-progress"}, progressText(passed, total));
  const bar = element("progress", {max: Math.max(total, 1), value: passed});
  bar.setAttribute("aria-hidden", "true"); // the text says the same
  return element("span", {className: "course-progress"}, bar, " ", progressText(passed, total));
}

/** The course map: every chapter in order, linked, with its progress. */
export function courseMap(chapters: ChapterInfo[], invalidation?: Promise<unknown>): HTMLElement {
  const list = element("ol", {className: "course-map"});
  live(() => {
    const storage = courseStorage();
    list.replaceChildren(
      ...chapters.map(({name, path, exercises}) => {
        const {passed, total} = countPassed(storage, exercises);
        const item = element(
          "li",
          {},
          element("a", {href: `.${path}`}, name.replace(/^\d+ · /, "")),
          " — ",
          progressLine(passed, total)
        );
        item.dataset.chapter = path;
        item.dataset.complete = String(total > 0 && passed === total);
        return item;
      })
    );
  }, invalidation);
  return list;
}

/** One chapter's progress, for the top of a chapter page. */
export function chapterProgress(exercises: string[], invalidation?: Promise<unknown>): HTMLElement {
  const root = element("p", {className: "chapter-progress"});
  root.setAttribute("aria-live", "polite");
  live(() => {
    const {passed, total} = countPassed(courseStorage(), exercises);
    root.replaceChildren("Your progress in this chapter: ", progressLine(passed, total));
  }, invalidation);
  return root;
}

/** Export, Import and Reset buttons, with a status line for what happened. */
export function progressControls(): HTMLElement {
  const storage = courseStorage();
  const status = element("p", {className: "progress-status"});
  status.setAttribute("role", "status");
  const say = (message: string) => {
    status.textContent = message;
  };

  const exportButton = element("button", {type: "button", textContent: "Export progress"});
  exportButton.addEventListener("click", () => {
    const file = exportProgress(storage);
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], {type: "application/json"}));
    const link = element("a", {href: url, download: `nn-course-progress-${file.exported.slice(0, 10)}.json`});
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    say(`Exported ${Object.keys(file.entries).length} saved items.`);
  });

  const fileInput = element("input", {type: "file", accept: "application/json,.json", hidden: true});
  fileInput.setAttribute("aria-label", "Progress file to import");
  const importButton = element("button", {type: "button", textContent: "Import progress"});
  importButton.addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (!file) return;
    const result = importProgress(storage, await file.text());
    say(
      result.ok
        ? `Imported ${result.count} saved items from ${file.name}.`
        : `Could not import ${file.name}: ${result.reason}`
    );
  });

  const resetButton = element("button", {type: "button", textContent: "Reset progress"});
  resetButton.addEventListener("click", () => {
    if (!window.confirm("Reset all progress and all edited cells in this browser? This cannot be undone.")) return;
    resetProgress(storage);
    say("Progress reset.");
  });

  const root = element(
    "div",
    {className: "progress-controls"},
    exportButton,
    importButton,
    resetButton,
    fileInput,
    status
  );
  if (storage.problem) say(storage.problem);
  return root;
}
