// Crash marks. A cell that makes the page run out of memory kills the tab before any guard can act, and a saved edit
// would run again on every reload and kill it again. So while a page has edited cells, every run is marked in
// localStorage (next to the saved edits) before its code starts, and the mark is cleared when the run ends or the
// page is left normally. A mark that survives means the page died during that run: on the next load the edit is
// not run by itself.
//
// Marks carry the id of the tab that wrote them. Each tab holds a Web Lock named after its id for as long as it
// lives, so another tab of the same page (still training, say) is told apart from a tab that died. Without Web Locks
// every surviving mark counts as a crash, which errs on the safe side.

/** Not under the progress prefix ("nn-course:"): marks are not progress, so export, import and reset leave them. */
const PREFIX = "nn-course-running:";
/** Clearing waits this long after a run ends, so cells that rerun at every step of a training do not write. */
const CLEAR_DELAY_MS = 500;

type Marks = Record<string, string>;

const tab = Math.random().toString(36).slice(2, 10);
let locked: Promise<void> | undefined;

/** Holds this tab's lock until the tab goes away (the browser releases it then, crash or not). */
function lockTab(): Promise<void> {
  locked ??= new Promise<void>((resolve) => {
    if (!navigator.locks) return resolve();
    void navigator.locks
      .request(`nn-course-tab:${tab}`, () => {
        resolve();
        return new Promise<never>(() => {});
      })
      .catch(() => resolve());
  });
  return locked;
}

export class RunMarks {
  private readonly key: string;
  /** This tab's running cells. */
  private readonly running = new Set<string>();
  /** This tab's cells marked in storage (a superset of `running` until the next clear). */
  private readonly written = new Set<string>();
  private clearTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(path: string) {
    this.key = PREFIX + path;
    addEventListener("pagehide", () => {
      // Leaving normally: nothing of this tab was interrupted by a crash.
      this.running.clear();
      this.flush();
    });
    addEventListener("pageshow", (event) => {
      // Back from the back/forward cache with runs going on: mark them again.
      if (event.persisted) for (const id of this.running) this.write(id);
    });
  }

  private read(): Marks {
    try {
      const value: unknown = JSON.parse(localStorage.getItem(this.key) ?? "{}");
      return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Marks) : {};
    } catch {
      return {};
    }
  }

  private store(marks: Marks): void {
    try {
      if (Object.keys(marks).length) localStorage.setItem(this.key, JSON.stringify(marks));
      else localStorage.removeItem(this.key);
    } catch {
      // Storage full or off: no crash protection, but nothing else breaks.
    }
  }

  private write(id: string): void {
    this.store({...this.read(), [id]: tab});
    this.written.add(id);
  }

  /** Before a run's code starts. */
  start(id: string): void {
    void lockTab();
    this.running.add(id);
    if (!this.written.has(id)) this.write(id);
  }

  /** After a run ends (the mark goes a little later, see CLEAR_DELAY_MS). */
  end(id: string): void {
    if (!this.running.delete(id) || this.clearTimer !== undefined) return;
    this.clearTimer = setTimeout(() => this.flush(), CLEAR_DELAY_MS);
  }

  /** Forgets any mark of `id`, this tab's or a dead tab's (Reset, or Run after a crash). */
  forget(id: string): void {
    const marks = this.read();
    if (!(id in marks)) return;
    delete marks[id];
    this.store(marks);
    this.written.delete(id);
  }

  /** Writes this tab's marks as they are now: only the cells still running. */
  private flush(): void {
    clearTimeout(this.clearTimer);
    this.clearTimer = undefined;
    const marks = this.read();
    for (const id of this.written) {
      if (this.running.has(id) || marks[id] !== tab) continue;
      delete marks[id];
      this.written.delete(id);
    }
    this.store(marks);
  }

  /** Cells marked in storage: the crash evidence to check, before this tab writes any mark. */
  marked(): string[] {
    return Object.keys(this.read());
  }

  /**
   * The marked cells whose tab is gone: the page died while they ran. Marks of tabs that are still open (another
   * tab of this page) do not count. A tab the browser discarded to save memory is not a crash either.
   */
  async crashed(): Promise<string[]> {
    const marks = this.read();
    const ids = Object.keys(marks);
    if (!ids.length || (document as {wasDiscarded?: boolean}).wasDiscarded) return [];
    let alive = new Set<string>();
    try {
      const held = (await navigator.locks?.query())?.held ?? [];
      alive = new Set(held.map((lock) => lock.name ?? ""));
    } catch {
      // No Web Locks: every mark counts.
    }
    return ids.filter((id) => !alive.has(`nn-course-tab:${marks[id]}`));
  }
}
