// The progress widgets: the course map on the home page (each chapter's exercises passed out of total),
// a chapter's own progress line, and the Export / Import / Reset buttons. All of them redraw whenever
// progress changes, in this tab or in another one.
import {pageLang, t} from "../i18n.js";
import {
  countPassed,
  describeRefused,
  exportProgress,
  type ImportPlan,
  importPlan,
  onProgressChange,
  type ProgressSummary,
  readProgressFile,
  resetProgress,
  summarize
} from "./progress.js";
import {browserStorage, PREFIX, type SafeStorage} from "./storage.js";

export interface ChapterInfo {
  name: string;
  path: string;
  /** The link, when it is not `.${path}` (the Chinese home page links untranslated chapters in English). */
  href?: string;
  /** The chapter is only in English so far (marked on a Chinese page). */
  english?: boolean;
  exercises: string[];
}

let shared: SafeStorage | undefined;
/** The page's one storage wrapper. */
export function courseStorage(): SafeStorage {
  shared ??= browserStorage();
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
  if (pageLang() === "zh") {
    if (total === 0) return "还没有练习";
    return passed === total ? `全部完成：${total} 道练习都已通过` : `已通过 ${passed} / ${total} 道练习`;
  }
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
      ...chapters.map(({name, path, href, english, exercises}) => {
        const {passed, total} = countPassed(storage, exercises);
        const item = element(
          "li",
          {},
          element("a", {href: href ?? `.${path}`}, name.replace(/^\d+ · /, "")),
          english ? "（英文）" : "",
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

/** One chapter's progress, for the top of a chapter page, and a notice when progress cannot be saved. */
export function chapterProgress(exercises: string[], invalidation?: Promise<unknown>): HTMLElement {
  const root = element("div", {className: "chapter-progress"});
  root.setAttribute("aria-live", "polite");
  live(() => {
    const storage = courseStorage();
    const {passed, total} = countPassed(storage, exercises);
    const line = element("p", {}, t("progress.chapter"), progressLine(passed, total));
    root.replaceChildren(line);
    if (storage.problem) root.append(element("p", {className: "progress-problem"}, storage.problem));
  }, invalidation);
  return root;
}

/** "2 exercises passed (of 3 recorded) and 1 edited cell" */
function describeSummary({passed, exercises, edits}: ProgressSummary): string {
  if (pageLang() === "zh")
    return t("progress.summary", {passed, edits, recorded: exercises > passed ? `（共记录 ${exercises} 道）` : ""});
  const parts = [
    `${passed} exercise${passed === 1 ? "" : "s"} passed${exercises > passed ? ` (of ${exercises} recorded)` : ""}`,
    `${edits} edited cell${edits === 1 ? "" : "s"}`
  ];
  return parts.join(" and ");
}

type ImportChoice = "replace" | "merge" | "cancel";

/**
 * Asks what to do with a file: shows what it holds (and what will not be imported, with why) next to what this
 * browser has, and offers Replace, Merge and Cancel (only Import and Cancel when nothing is stored yet).
 */
function askImport(name: string, plan: ImportPlan, current: ProgressSummary, empty: boolean): Promise<ImportChoice> {
  const dialog = element("dialog", {className: "progress-import"});
  const title = element("h2", {id: "progress-import-title"}, t("progress.importTitle", {name}));
  dialog.setAttribute("aria-labelledby", title.id);
  dialog.append(title, element("p", {}, t("progress.fileHolds", {summary: describeSummary(plan.summary)})));
  if (plan.refused.length)
    dialog.append(
      element("p", {className: "progress-refused"}, t("progress.refused", {list: describeRefused(plan.refused)}))
    );
  if (!empty)
    dialog.append(
      element("p", {}, t("progress.browserHas", {summary: describeSummary(current)})),
      element("p", {}, t("progress.replaceOrMerge"))
    );
  const buttons = element("p", {className: "progress-import__buttons"});
  dialog.append(buttons);
  return new Promise((resolve) => {
    const choose = (choice: ImportChoice) => {
      dialog.close();
      dialog.remove();
      resolve(choice);
    };
    const choices: [string, ImportChoice][] = empty
      ? [
          [t("progress.import"), "replace"],
          [t("progress.cancel"), "cancel"]
        ]
      : [
          [t("progress.replace"), "replace"],
          [t("progress.merge"), "merge"],
          [t("progress.cancel"), "cancel"]
        ];
    for (const [label, choice] of choices) {
      const button = element("button", {type: "button", textContent: label});
      button.addEventListener("click", () => choose(choice));
      buttons.append(button, " ");
    }
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      choose("cancel");
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/**
 * Export, Import and Reset buttons, with a status line for what happened. `chapters` (the course's exercises) lets
 * Import refuse records of exercises that do not exist.
 */
export function progressControls(chapters?: ChapterInfo[]): HTMLElement {
  const known = chapters ? {exercises: chapters.flatMap((chapter) => chapter.exercises)} : {};
  const storage = courseStorage();
  const status = element("p", {className: "progress-status"});
  status.setAttribute("role", "status");
  const say = (message: string) => {
    status.textContent = message;
  };

  const exportButton = element("button", {type: "button", textContent: t("progress.export")});
  exportButton.addEventListener("click", () => {
    const file = exportProgress(storage);
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], {type: "application/json"}));
    const link = element("a", {href: url, download: `nn-course-progress-${file.exported.slice(0, 10)}.json`});
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    say(t("progress.exported", {n: Object.keys(file.entries).length}));
  });

  const fileInput = element("input", {type: "file", accept: "application/json,.json", hidden: true});
  fileInput.setAttribute("aria-label", t("progress.fileLabel"));
  const importButton = element("button", {type: "button", textContent: t("progress.importButton")});
  importButton.addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (!file) return;
    const read = readProgressFile(await file.text(), known);
    if (!read.ok) {
      say(t("progress.couldNot", {name: file.name, reason: read.reason}));
      return;
    }
    const current = exportProgress(storage).entries;
    const choice = await askImport(file.name, read.plan, summarize(current), Object.keys(current).length === 0);
    if (choice === "cancel") {
      say(t("progress.nothing", {name: file.name}));
      return;
    }
    const result = importPlan(storage, read.plan, choice);
    const refused = read.plan.refused.length;
    say(
      result.ok
        ? `${choice === "merge" ? "Merged" : "Imported"} ${result.count} saved item${result.count === 1 ? "" : "s"} from ${file.name}${refused ? `; ${refused} refused` : ""}.`
        : t("progress.couldNot", {name: file.name, reason: result.reason})
    );
  });

  const resetButton = element("button", {type: "button", textContent: t("progress.resetButton")});
  resetButton.addEventListener("click", () => {
    if (!window.confirm(t("progress.confirmReset"))) return;
    resetProgress(storage);
    say(t("progress.resetDone"));
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
