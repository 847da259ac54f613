// The learner's side of a live cell: Edit/Run/Stop/Reset, the editor (CodeMirror, loaded on the first Edit or click
// into the code, with the compiler), the "edited" and "not run yet" markers, saved edits, crash marks, notices and
// "Reset all cells on this page".
import {t} from "../i18n.js";
import type {CompiledCell} from "./compile.js";
import type {EditorHandle} from "./editor.js";
import {RunMarks} from "./marks.js";
import {type CellState, type LiveCell, type LivePage, note, type RunResult} from "./runtime.js";
import {hashSource, loadEdit, removeEdit, type SavedEdit, saveEdit, storageKey} from "./store.js";

const SAVE_DELAY_MS = 300;
/** Stop appears once a run has lasted this long (quick runs never show it). */
const STOP_DELAY_MS = 300;

/** The editor's key help, in the page's language. */
export const keysHint = (): string => t("cell.keys");

let compiler: Promise<typeof import("./compile.js")> | undefined;
let editorModule: Promise<typeof import("./editor.js")> | undefined;
const loadCompiler = () => (compiler ??= import("./compile.js"));
const loadEditor = () => (editorModule ??= import("./editor.js"));

export class CellUi {
  private editor: EditorHandle | null = null;
  private opening: Promise<EditorHandle> | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private stopTimer: ReturnType<typeof setTimeout> | undefined;
  /** The source `cell.compiled` was compiled from. */
  private compiledSource: string;
  /** Where the last run's error points, to mark in the editor (also once it opens). */
  private errorMark: [number, number] | null = null;
  private readonly key: string;
  private readonly notice: HTMLElement;
  private readonly pre: HTMLElement | null;
  private readonly editorHost: HTMLElement;
  private readonly stopButton: HTMLButtonElement | null;

  constructor(
    readonly cell: LiveCell,
    private readonly marks: RunMarks,
    private readonly onEditedChange: () => void
  ) {
    const root = cell.root;
    this.compiledSource = cell.data.source;
    this.key = storageKey(cell.data.path, cell.id);
    this.notice = root.querySelector<HTMLElement>(".live-cell__notice") ?? root;
    this.pre = root.querySelector<HTMLElement>(".live-cell__source");
    this.editorHost = root.querySelector<HTMLElement>(".live-cell__editor") ?? root;
    this.stopButton = root.querySelector<HTMLButtonElement>('[data-action="stop"]');
    root.addEventListener("click", (event) => {
      const action = (event.target as Element).closest<HTMLElement>("[data-action]")?.dataset.action;
      if (action === "edit") void this.edit(true);
      else if (action === "run") void this.run();
      else if (action === "stop") this.cell.stop();
      else if (action === "reset") this.reset();
    });
    this.pre?.addEventListener("click", () => void this.edit(true));
    // Typing saves after a short pause; leaving the page must not lose the last keystrokes.
    addEventListener("pagehide", () => {
      if (this.saveTimer !== undefined) this.save();
    });
    this.pre?.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      event.preventDefault();
      void this.edit(true);
    });
    cell.onStateChange = (state) => this.stateChanged(state);
    cell.listeners.add((result) => this.ran(result));
  }

  /** The lesson's version that edits are saved against (the English page's, so edits carry across languages). */
  private get lessonHash(): string {
    return this.cell.data.original ?? hashSource(this.cell.data.source);
  }

  get edited(): boolean {
    return this.cell.source !== this.cell.data.source;
  }

  /** Stop shows while the cell's own code runs, once it has run for STOP_DELAY_MS. */
  private stateChanged(state: CellState): void {
    clearTimeout(this.stopTimer);
    const button = this.stopButton;
    if (!button) return;
    if (state !== "running") {
      if (button.contains(document.activeElement))
        this.cell.root.querySelector<HTMLElement>('[data-action="run"]')?.focus();
      button.hidden = true;
      return;
    }
    this.stopTimer = setTimeout(() => {
      if (this.cell.state === "running" && this.cell.busy) button.hidden = false;
    }, STOP_DELAY_MS);
  }

  /** After each run: the error's place in the editor, and a word for an empty cell. */
  private ran(result: RunResult): void {
    this.errorMark = result.state === "error" && result.error ? (this.cell.errorPosition(result.error) ?? null) : null;
    if (!(result.error instanceof SyntaxError))
      this.editor?.markError(this.errorMark?.[0] ?? null, this.errorMark?.[1]);
    if (result.state === "done" && !this.cell.source.trim())
      this.cell.output.replaceChildren(note("live-cell__empty", t("cell.empty")));
  }

  /** Opens the editor (loading it and the compiler on first use). */
  async edit(focus: boolean): Promise<EditorHandle> {
    if (this.editor) {
      if (focus) this.editor.focus();
      return this.editor;
    }
    this.opening ??= (async () => {
      void loadCompiler(); // in parallel: the first Run should not wait for it
      const {createEditor} = await loadEditor();
      const hint = document.createElement("p");
      hint.className = "live-cell__keys";
      hint.id = `live-keys-${this.cell.id}`;
      hint.textContent = keysHint();
      const editor = createEditor({
        parent: this.editorHost,
        source: this.cell.source,
        label: t("cell.code", {id: this.cell.id}),
        describedBy: hint.id,
        onChange: (source) => this.changed(source),
        onRun: () => void this.run(),
        onEscape: () => this.leaveEditor()
      });
      this.editorHost.append(hint);
      if (this.pre) this.pre.hidden = true;
      this.editorHost.hidden = false;
      this.cell.root.dataset.editing = "";
      this.editor = editor;
      if (this.errorMark) editor.markError(...this.errorMark);
      return editor;
    })();
    const editor = await this.opening;
    if (focus) editor.focus();
    return editor;
  }

  /**
   * Escape: focus moves to the editor's frame, and the next Tab goes on to whatever follows the editor (without this,
   * Tab would go straight back into the editor, which is the frame's first focusable child).
   */
  private leaveEditor(): void {
    const frame = this.editorHost;
    frame.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Tab" && !event.shiftKey && document.activeElement === frame) {
        event.preventDefault();
        focusableAfter(frame)?.focus();
      }
    };
    frame.addEventListener("keydown", onKey);
    frame.addEventListener("blur", () => frame.removeEventListener("keydown", onKey), {once: true});
  }

  private changed(source: string): void {
    this.cell.source = source;
    this.updateEdited();
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(), SAVE_DELAY_MS);
  }

  private save(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const edit: SavedEdit = {original: this.lessonHash, source: this.cell.source};
    const problem = this.edited ? saveEdit(this.key, edit) : removeEdit(this.key);
    if (problem) this.showNotice(problem);
    else if (this.notice.dataset.kind === "storage") this.hideNotice();
  }

  /** The "edited" marker, and "not run yet" (with the old output dimmed) while the code differs from what ran. */
  private updateEdited(): void {
    const root = this.cell.root;
    root.toggleAttribute("data-edited", this.edited);
    const marker = root.querySelector<HTMLElement>(".live-cell__edited");
    if (marker) marker.hidden = !this.edited;
    const unrun = this.cell.source !== this.compiledSource;
    root.toggleAttribute("data-unrun", unrun);
    const unrunMarker = root.querySelector<HTMLElement>(".live-cell__unrun");
    if (unrunMarker) unrunMarker.hidden = !unrun;
    if (unrun) this.cell.output.dataset.stale = "edited";
    else if (this.cell.output.dataset.stale === "edited") delete this.cell.output.dataset.stale;
    this.onEditedChange();
  }

  /** Compiles the current source if it changed, and runs the cell with everything that depends on it. */
  async run(): Promise<void> {
    if (this.editor) this.cell.source = this.editor.getSource();
    const source = this.cell.source;
    this.save();
    if (source === this.compiledSource && !this.cell.compileError) {
      this.cell.rerun();
      return;
    }
    if (source === this.cell.data.source) {
      this.compiledSource = source;
      this.define(this.cell.data.compiled, this.cell.originalError);
      return;
    }
    const {compileCell, CellSyntaxError} = await loadCompiler();
    if (source !== this.cell.source) return; // a newer run started while the compiler loaded
    try {
      const compiled = compileCell(source, {path: this.cell.data.path});
      this.compiledSource = source;
      this.define(compiled, null);
    } catch (error) {
      if (!(error instanceof CellSyntaxError)) throw error;
      this.compiledSource = source;
      this.define(this.cell.compiled, error);
      this.editor?.markError(error.line, error.column);
    }
  }

  private define(compiled: CompiledCell | null, error: Error | null): void {
    if (!error) this.editor?.markError(null);
    this.updateEdited();
    this.cell.define(compiled, error);
  }

  /** Back to the lesson's source; the saved edit (and any crash mark) is forgotten. */
  reset(): void {
    clearTimeout(this.saveTimer);
    this.cell.source = this.cell.data.source;
    this.editor?.setSource(this.cell.source);
    this.marks.forget(this.cell.id);
    const problem = removeEdit(this.key);
    if (problem) this.showNotice(problem);
    else this.hideNotice();
    this.updateEdited();
    void this.run();
  }

  /** Replaces the source (as if typed) and runs it: for exercises and "Use my edit". */
  async setSource(source: string): Promise<void> {
    this.cell.source = source;
    this.updateEdited();
    // The pre-rendered code shows the lesson's source only: show the new one in the editor.
    const editor = await this.edit(false);
    if (this.cell.source !== source) return; // replaced again meanwhile
    editor.setSource(source);
    await this.run();
  }

  /**
   * On page load: runs the lesson's cell, or restores the learner's saved edit and runs that, unless `crashed`
   * (a promise, when marks survived a page that died) says not to: then the edit waits for Run.
   */
  start(crashed?: Promise<Held | undefined>): void {
    const {edit, problem} = loadEdit(this.key);
    if (problem) this.showNotice(problem, "storage");
    if (!edit || edit.source === this.cell.data.source) {
      this.cell.define(this.cell.data.compiled, this.cell.originalError);
    } else if (edit.original === this.lessonHash) {
      this.cell.source = edit.source;
      this.cell.hold();
      this.updateEdited();
      void this.edit(false).then(async () => {
        const verdict = await crashed;
        if (verdict?.held && this.cell.source === edit.source) {
          this.cell.holdBack(verdict.message, verdict.reason);
          return;
        }
        await this.run();
      });
    } else {
      // The lesson changed since the edit was made: never apply it silently.
      this.cell.define(this.cell.data.compiled, this.cell.originalError);
      this.showNotice(t("cell.outdated"), "outdated", [
        [
          t("cell.useEdit"),
          () => {
            this.hideNotice();
            void this.setSource(edit.source);
          }
        ],
        [
          t("cell.discardEdit"),
          () => {
            this.hideNotice();
            removeEdit(this.key);
          }
        ]
      ]);
    }
  }

  private showNotice(message: string, kind = "storage", actions: [string, () => void][] = []): void {
    this.notice.replaceChildren(message);
    for (const [label, action] of actions) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = label;
      button.addEventListener("click", action);
      this.notice.append(" ", button);
    }
    this.notice.dataset.kind = kind;
    this.notice.hidden = false;
  }

  private hideNotice(): void {
    this.notice.hidden = true;
    this.notice.replaceChildren();
    delete this.notice.dataset.kind;
  }
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/** The first focusable element after `element` (and outside it) in document order. */
function focusableAfter(element: Element): HTMLElement | undefined {
  return [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].find(
    (candidate) =>
      !element.contains(candidate) &&
      element.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING &&
      candidate.getClientRects().length > 0
  );
}

/** An edited cell not run on load: what it shows, and what the cells using it say. */
interface Held {
  held: boolean;
  message: string;
  reason: string;
}

/**
 * Which edited cells must not run by themselves because the page died while they ran: the edited cells whose mark
 * survived; or, when only lesson cells' marks survived (they ran with values from edited cells), every edited cell.
 */
async function crashVerdicts(page: LivePage, uis: Map<string, CellUi>, marks: RunMarks): Promise<Map<string, Held>> {
  const verdicts = new Map<string, Held>();
  const marked = await marks.crashed();
  // Marks of cells this page no longer has (the lesson changed) are of no use.
  for (const id of marked) if (!page.cells.has(id)) marks.forget(id);
  const crashed = marked.filter((id) => page.cells.has(id));
  const edited = [...uis].filter(([, ui]) => ui.edited).map(([id]) => id);
  const culprits = edited.filter((id) => crashed.includes(id));
  for (const id of culprits)
    verdicts.set(id, {
      held: true,
      message: t("cell.crashed"),
      reason: t("run.reasonCrashed")
    });
  const [lesson] = crashed;
  if (!culprits.length && lesson)
    for (const id of edited)
      verdicts.set(id, {
        held: true,
        message: t("cell.crashedOther", {lesson}),
        reason: t("run.reasonCrashedOther", {lesson})
      });
  return verdicts;
}

/** Wires every cell of `page` and the page's "Reset all" bar; starts the cells. */
export function attachUi(page: LivePage): Map<string, CellUi> {
  const bar = document.querySelector<HTMLElement>(".live-page-bar");
  const uis = new Map<string, CellUi>();
  const first = page.cells.values().next().value;
  const marks = new RunMarks(first?.data.path ?? location.pathname);
  const update = () => {
    if (bar) bar.hidden = ![...uis.values()].some((ui) => ui.edited);
  };
  for (const cell of page.cells.values()) uis.set(cell.id, new CellUi(cell, marks, update));
  bar?.querySelector("button")?.addEventListener("click", () => {
    for (const ui of uis.values()) if (ui.edited) ui.reset();
  });
  // Runs are marked only while the page has edits: the lesson's own cells are known to end.
  let edits = false;
  page.hooks = {
    runStarted: (cell) => {
      edits ||= [...uis.values()].some((ui) => ui.edited);
      if (edits) marks.start(cell.id);
    },
    runEnded: (cell) => marks.end(cell.id)
  };
  // Read the marks before any run writes new ones; most loads have none and start at once.
  const verdicts = marks.marked().length ? crashVerdicts(page, uis, marks) : undefined;
  for (const [id, ui] of uis) ui.start(verdicts?.then((all) => all.get(id)));
  return uis;
}
