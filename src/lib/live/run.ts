// One execution of a live cell: its guard and timers, its displays (shown in the cell's output as they come), how it
// ends (done or error), and how a generator cell is stepped. A newer run of the cell replaces it: from then on
// everything it does is ignored, its loops stop at their next guard and its timers are cleared.
import {Generators} from "observablehq:stdlib";
import {pageLang, t} from "../i18n.js";
import {CANCELLED, createGuard, type Guard, StopError} from "./guard.js";
import {errorBox, render, ThrownValue} from "./output.js";
import type {LiveCell, RunResult} from "./runtime.js";

/** Errors a run has shown already; the host's observer ignores them. */
export const shown = new WeakSet<object>();

export function asError(error: unknown): Error {
  return error instanceof Error ? error : new ThrownValue(error);
}

/**
 * A generator or iterator that an expression cell evaluates to is shown one value at a time, as in Framework. A
 * component that merely has a next() method (a stepper, a diagram) is an element to show, not an iterator.
 */
export function isIterator(value: unknown): value is Iterator<unknown> | AsyncIterator<unknown> {
  if (typeof value !== "object" || value === null) return false;
  if (typeof Node !== "undefined" && value instanceof Node) return false;
  const candidate = value as {next?: unknown; return?: unknown};
  return typeof candidate.next === "function" && typeof candidate.return === "function";
}

/** One execution of a cell: its guard, its displays, and whether a newer run replaced it. */
export class Run {
  readonly guard: Guard;
  private cleared = false;
  private cancelled = false;
  private yielded: Node | null = null;
  /** How many values a generator cell has yielded, and the last one: where a stopped run was. */
  private steps = 0;
  private lastYield: unknown;
  private readonly started = performance.now();
  /** Rejects with StopError when the learner presses Stop. */
  private stopNow: (error: StopError) => void = () => {};
  /** Rejects when the run is replaced or stopped: what every wait of the run races against. */
  private readonly interrupted: Promise<never>;
  /**
   * Rejects when a newer run replaces this one. The runtime starts a variable's next computation only after the
   * previous one settled, so a run stops waiting (for a module, a promise, a generator step) as soon as it is replaced.
   */
  readonly replaced: Promise<never>;

  constructor(
    readonly cell: LiveCell,
    invalidation: Promise<void>
  ) {
    this.guard = createGuard(cell.data.budget);
    this.replaced = invalidation.then(() => {
      this.cancel();
      return Promise.reject(CANCELLED);
    });
    this.replaced.catch(() => {}); // not an unhandled rejection when nothing was waiting
    const stopping = new Promise<never>((_, reject) => (this.stopNow = reject));
    this.interrupted = Promise.race([this.replaced, stopping]);
    this.interrupted.catch(() => {});
  }

  /**
   * The Stop button: the run's loops stop at their next guard, its waits end, its timers and listeners go; a
   * generator cell keeps its last output and its cell says where it stopped.
   */
  stop(): void {
    if (!this.current) return;
    this.guard.stop();
    this.stopNow(this.guard.error as StopError);
  }

  /** Where a stopped run was, in words. */
  stoppedMessage(): string {
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1);
    if (this.steps === 0) return t("run.stoppedAfter", {seconds});
    const last = this.lastYield;
    const zh = pageLang() === "zh";
    const quoted = `“${String(last).slice(0, 80)}”`;
    const shown =
      typeof last === "string" || typeof last === "number"
        ? zh
          ? `（最后显示的是 ${quoted}）`
          : ` (it last showed ${quoted})`
        : "";
    return t("run.stoppedAt", {steps: this.steps, shown});
  }

  get current(): boolean {
    return !this.cancelled && this.cell.run === this;
  }

  cancel(): void {
    this.cancelled = true;
    if (this.cell.run === this) this.cell.busy = false; // until the next run starts: nothing to stop meanwhile
    this.guard.cancel();
    this.release();
  }

  /** Clears the run's timers and removes its listeners. */
  private release(): void {
    for (const id of this.timeouts) clearTimeout(id);
    for (const id of this.intervals) clearInterval(id);
    for (const id of this.frames) cancelAnimationFrame(id);
    for (const [target, type, listener, options] of this.listeners)
      target.removeEventListener(type, listener, options as EventListenerOptions);
  }

  // The run's own timers: cleared when the run is replaced.
  private readonly timeouts = new Set<number>();
  private readonly intervals = new Set<number>();
  private readonly frames = new Set<number>();

  setTimeout = (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): number => {
    const id = window.setTimeout(() => {
      this.timeouts.delete(id);
      callback(...args);
    }, ms);
    this.timeouts.add(id);
    return id;
  };

  setInterval = (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): number => {
    const id = window.setInterval(callback, ms, ...args);
    this.intervals.add(id);
    return id;
  };

  requestAnimationFrame = (callback: FrameRequestCallback): number => {
    const id = window.requestAnimationFrame((time) => {
      this.frames.delete(id);
      callback(time);
    });
    this.frames.add(id);
    return id;
  };

  // The listeners the run added to window and document: removed when the run is replaced. (Listeners on elements
  // the cell created go away with those elements.)
  private readonly listeners: [EventTarget, string, EventListenerOrEventListenerObject, unknown][] = [];

  /** `target` as the cell sees it: the same object, except that addEventListener also records the listener. */
  private tracked<T extends EventTarget>(target: T): T {
    const add = (type: string, listener: EventListenerOrEventListenerObject | null, options?: unknown) => {
      if (!listener) return;
      target.addEventListener(type, listener, options as AddEventListenerOptions);
      this.listeners.push([target, type, listener, options]);
    };
    return new Proxy(target, {
      get: (object, property) => {
        if (property === "addEventListener") return add;
        const value = Reflect.get(object, property, object);
        // Methods need the real object as `this`; constructors (capitalised: Image, Float64Array…) stay as they are.
        return typeof value === "function" && !/^[A-Z]/.test(String(property)) ? value.bind(object) : value;
      },
      set: (object, property, value) => Reflect.set(object, property, value, object)
    });
  }

  private trackedWindow?: Window;
  private trackedDocument?: Document;

  /** The value of one of the specials (globals.ts) for this run. */
  special(name: string, invalidation: Promise<void>): unknown {
    switch (name) {
      case "display":
        return this.display;
      case "view":
        return this.view;
      case "invalidation":
        return invalidation;
      case "setTimeout":
        return this.setTimeout;
      case "setInterval":
        return this.setInterval;
      case "requestAnimationFrame":
        return this.requestAnimationFrame;
      case "window":
        this.trackedWindow ??= this.tracked(window);
        return this.trackedWindow;
      case "document":
        this.trackedDocument ??= this.tracked(document);
        return this.trackedDocument;
    }
  }

  /** The previous run's output stays until this run shows something, so a fast rerun doesn't flicker. */
  private clear(): void {
    if (!this.cleared) {
      this.cleared = true;
      this.cell.output.replaceChildren();
      delete this.cell.output.dataset.stale;
    }
  }

  display = (value: unknown): unknown => {
    if (this.current) {
      this.clear();
      this.cell.output.append(render(value));
    }
    return value;
  };

  view = (element: Element): AsyncGenerator<unknown> => Generators.input(this.display(element) as Element);

  /** A yielded value replaces the previous yielded value (displays stay). */
  showYield(value: unknown): void {
    if (!this.current) return;
    this.clear();
    if (value === undefined) return;
    const node = render(value);
    if (node === this.yielded) return;
    if (this.yielded?.parentNode === this.cell.output) this.cell.output.replaceChild(node, this.yielded);
    else this.cell.output.append(node);
    this.yielded = node;
  }

  finish(result: Omit<RunResult, "id" | "state">, show?: {value: unknown}): void {
    if (!this.current) return;
    this.clear();
    if (show) this.cell.output.append(render(show.value));
    this.cell.settle({id: this.cell.id, state: "done", ...result});
  }

  /** Shows `error` (if this run is still current) and returns it as an Error to rethrow. */
  fail(error: unknown): Error {
    const e = asError(error);
    shown.add(e);
    if (e instanceof StopError) {
      this.ended(e);
      return e;
    }
    if (this.current) {
      this.clear();
      this.cell.output.append(errorBox(this.cell.describe(e)));
      this.cell.settle({id: this.cell.id, state: "error", error: e});
    }
    return e;
  }

  /** A stopped run: what it showed stays, with a line that says where it stopped. */
  private ended(error: StopError): void {
    if (this.cell.run !== this) return;
    this.cancelled = true;
    this.release();
    this.clear();
    const note = document.createElement("p");
    note.className = "live-cell__stopped";
    note.textContent = this.stoppedMessage();
    this.cell.output.append(note);
    this.cell.settle({id: this.cell.id, state: "stopped", error});
  }

  /** Waits for `value`, unless the run is replaced or stopped first. */
  wait<T>(value: T | Promise<T>): Promise<T> {
    return Promise.race([value, this.interrupted]);
  }

  /**
   * Runs a generator to the end, one step per animation frame (the runtime pulls the next value after each frame).
   * A generator cell hands its live outputs to the runtime at each step, so cells using them rerun as it trains.
   * Stopped, it ends like a finished generator: its outputs keep their last values, so the cells using them stay.
   */
  async *drive(generator: Iterator<unknown> | AsyncIterator<unknown>, outputs: (() => object) | null) {
    let last: unknown;
    let done = false;
    try {
      while (this.current) {
        const step = await this.wait(generator.next());
        if (this.guard.error) throw this.guard.error;
        if (!this.current) return;
        if (step.done) {
          done = true;
          if (outputs) {
            this.finish({exports: step.value as Record<string, unknown>});
            yield step.value;
          } else {
            this.finish({value: last});
            yield last;
          }
          return;
        }
        last = await this.wait(step.value);
        this.steps++;
        this.lastYield = last;
        this.showYield(last);
        yield outputs ? outputs() : last;
      }
    } catch (error) {
      const e = this.fail(error);
      if (!(e instanceof StopError)) throw e;
    } finally {
      if (!done) void Promise.resolve(generator.return?.()).catch(() => {});
    }
  }
}
