// The learner's side of a live cell: Edit/Run/Reset, the editor (CodeMirror, loaded on the first Edit or click into
// the code, with the compiler), the "edited" marker, saved edits, notices and "Reset all cells on this page".
import type {CompiledCell} from "./compile.js";
import type {EditorHandle} from "./editor.js";
import type {LiveCell, LivePage} from "./runtime.js";
import {hashSource, loadEdit, removeEdit, type SavedEdit, saveEdit, storageKey} from "./store.js";

const SAVE_DELAY_MS = 300;

let compiler: Promise<typeof import("./compile.js")> | undefined;
let editorModule: Promise<typeof import("./editor.js")> | undefined;
const loadCompiler = () => (compiler ??= import("./compile.js"));
const loadEditor = () => (editorModule ??= import("./editor.js"));

export class CellUi {
  private editor: EditorHandle | null = null;
  private opening: Promise<EditorHandle> | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** The source `cell.compiled` was compiled from. */
  private compiledSource: string;
  private readonly key: string;
  private readonly notice: HTMLElement;
  private readonly pre: HTMLElement | null;
  private readonly editorHost: HTMLElement;

  constructor(
    readonly cell: LiveCell,
    private readonly onEditedChange: () => void
  ) {
    const root = cell.root;
    this.compiledSource = cell.data.source;
    this.key = storageKey(cell.data.path, cell.id);
    this.notice = root.querySelector<HTMLElement>(".live-cell__notice") ?? root;
    this.pre = root.querySelector<HTMLElement>(".live-cell__source");
    this.editorHost = root.querySelector<HTMLElement>(".live-cell__editor") ?? root;
    root.addEventListener("click", (event) => {
      const action = (event.target as Element).closest<HTMLElement>("[data-action]")?.dataset.action;
      if (action === "edit") void this.edit(true);
      else if (action === "run") void this.run();
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
  }

  get edited(): boolean {
    return this.cell.source !== this.cell.data.source;
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
      const editor = createEditor({
        parent: this.editorHost,
        source: this.cell.source,
        label: `Code of the live cell ${this.cell.id}`,
        onChange: (source) => this.changed(source),
        onRun: () => void this.run(),
        onEscape: () => this.leaveEditor()
      });
      if (this.pre) this.pre.hidden = true;
      this.editorHost.hidden = false;
      this.cell.root.dataset.editing = "";
      this.editor = editor;
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
    const edit: SavedEdit = {original: hashSource(this.cell.data.source), source: this.cell.source};
    const problem = this.edited ? saveEdit(this.key, edit) : removeEdit(this.key);
    if (problem) this.showNotice(problem);
    else if (this.notice.dataset.kind === "storage") this.hideNotice();
  }

  private updateEdited(): void {
    this.cell.root.toggleAttribute("data-edited", this.edited);
    const marker = this.cell.root.querySelector<HTMLElement>(".live-cell__edited");
    if (marker) marker.hidden = !this.edited;
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
      this.compiledSource = "";
      this.define(this.cell.compiled, error);
      this.editor?.markError(error.line, error.column);
    }
  }

  private define(compiled: CompiledCell | null, error: Error | null): void {
    if (!error) this.editor?.markError(null);
    this.cell.define(compiled, error);
  }

  /** Back to the lesson's source; the saved edit is forgotten. */
  reset(): void {
    clearTimeout(this.saveTimer);
    this.cell.source = this.cell.data.source;
    this.editor?.setSource(this.cell.source);
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

  /** On page load: runs the lesson's cell, or restores the learner's saved edit and runs that. */
  start(): void {
    const {edit, problem} = loadEdit(this.key);
    if (problem) this.showNotice(problem, "storage");
    if (!edit || edit.source === this.cell.data.source) {
      this.cell.define(this.cell.data.compiled, this.cell.originalError);
    } else if (edit.original === hashSource(this.cell.data.source)) {
      this.cell.source = edit.source;
      this.cell.hold();
      this.updateEdited();
      void this.edit(false).then(() => this.run());
    } else {
      // The lesson changed since the edit was made: never apply it silently.
      this.cell.define(this.cell.data.compiled, this.cell.originalError);
      this.showNotice(
        "This cell was updated in the course since you edited it, so it shows the new version. Your edit is kept.",
        "outdated",
        [
          [
            "Use my edit",
            () => {
              this.hideNotice();
              void this.setSource(edit.source);
            }
          ],
          [
            "Discard my edit",
            () => {
              this.hideNotice();
              removeEdit(this.key);
            }
          ]
        ]
      );
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

/** Wires every cell of `page` and the page's "Reset all" bar; starts the cells. */
export function attachUi(page: LivePage): Map<string, CellUi> {
  const bar = document.querySelector<HTMLElement>(".live-page-bar");
  const uis = new Map<string, CellUi>();
  const update = () => {
    if (bar) bar.hidden = ![...uis.values()].some((ui) => ui.edited);
  };
  for (const cell of page.cells.values()) uis.set(cell.id, new CellUi(cell, update));
  bar?.querySelector("button")?.addEventListener("click", () => {
    for (const ui of uis.values()) if (ui.edited) ui.reset();
  });
  for (const ui of uis.values()) ui.start();
  return uis;
}
