// Live cells in the page's runtime. Each live cell has a host variable in Framework's `main` module (created by the
// build plugin as an ordinary hidden cell declaring the same names, so the page's other cells can refer to them from
// the start) and Framework's output variables `name = exports => exports[name]`. Running a cell (re)defines its host
// with the compiled code; the runtime then reruns every cell that depends on its outputs, in dependency order.
import type {Module, Observer, Variable} from "observablehq:runtime";
import {t} from "../i18n.js";
import type {CompiledCell} from "./compile.js";
import {evaluate} from "./evaluate.js";
import {type Guard, StopError} from "./guard.js";
import {loadModule} from "./loaders.js";
import {errorBox, errorLine, ThrownValue} from "./output.js";
import {asError, isIterator, Run, shown} from "./run.js";

/**
 * running: computing (or waiting for its inputs); done; error: its own code failed; stopped: the learner stopped it,
 * or it was not run because the page died while it ran; waiting: it did nothing wrong but a cell it uses cannot run.
 */
export type CellState = "running" | "done" | "stopped" | "waiting" | "error";

/** What a run ended with: handed to onRun listeners (the exercises build on this). */
export interface RunResult {
  id: string;
  state: Exclude<CellState, "running">;
  /** An expression cell's value (its last value for a generator). */
  value?: unknown;
  /** A program cell's top-level declarations. */
  exports?: Record<string, unknown>;
  error?: Error;
}

/** A build- or browser-time compile error, as embedded in the page. */
export interface CompileProblem {
  message: string;
  line: number;
  column: number;
}

/** What the build plugin embeds for each cell. */
export interface CellData {
  id: string;
  path: string;
  source: string;
  /** The hash saved edits are compared with (store.ts): the English lesson's source, in both languages. */
  original?: string;
  budget: number;
  /** The fence's key=value attributes (e.g. exercise=…), for features built on live cells. */
  attributes: Record<string, string>;
  compiled: CompiledCell | null;
  error: CompileProblem | null;
}

type CellFunction = (guard: Guard, modules: unknown[], live: (exports: object) => void, ...args: unknown[]) => unknown;

const IMPLICIT = 2; // @observablehq/runtime's TYPE_IMPLICIT: a name used but not defined
const DUPLICATE = 3; // @observablehq/runtime's TYPE_DUPLICATE: a name defined by more than one variable

/** A problem whose message says it all (no error name in front). */
export class CellProblem extends Error {
  constructor(
    message: string,
    /** Where in the cell, [line, column], when known. */
    readonly position?: [number, number]
  ) {
    super(message);
    this.name = "CellProblem";
  }
}

/** A name this cell declares that another cell of the page defines already: the cell does not run. */
interface Conflict {
  name: string;
  /** The live cell that defines it, or null for one of the page's fixed cells. */
  other: LiveCell | null;
}

/** A short paragraph of text for the cell's output (a stopped or waiting cell says why). */
export function note(className: string, text: string): HTMLElement {
  const p = document.createElement("p");
  p.className = className;
  p.textContent = text;
  return p;
}

export class LiveCell {
  readonly id: string;
  readonly output: HTMLElement;
  readonly url: string;
  /** The current source: the lesson's, or the learner's edit. */
  source: string;
  compiled: CompiledCell | null;
  compileError: Error | null;
  /** The lesson's compile error (a build-time error), if any. */
  readonly originalError: Error | null;
  run: Run | null = null;
  state: CellState = "running";
  readonly outputs = new Map<string, Variable>();
  readonly listeners = new Set<(result: RunResult) => void>();
  /** Names this cell declares that other cells define: while there are any, the cell does not run. */
  conflicts: Conflict[] = [];
  /** True while the cell's own code runs (not while it only waits for its inputs). */
  busy = false;
  onStateChange: (state: CellState) => void = () => {};
  private fn: CellFunction | null = null;
  /** The name of the host variable; its output variables refer to it by this name. */
  private readonly hostName: string;

  constructor(
    readonly page: LivePage,
    readonly root: HTMLElement,
    readonly data: CellData,
    readonly host: Variable,
    hostId: string
  ) {
    this.id = data.id;
    this.source = data.source;
    this.compiled = data.compiled;
    this.originalError = data.error ? syntaxError(data.error) : null;
    this.compileError = this.originalError;
    this.output = root.querySelector<HTMLElement>("[data-cell-output]") ?? root;
    this.url = `live-cell-${this.id}.js`;
    this.hostName = host._name ?? `cell ${hostId}`;
    for (const v of host._outputs) if (v._name) this.outputs.set(v._name, v);
    const observer: Observer = {
      pending: () => this.setState("running"),
      rejected: (error) => {
        // Errors thrown by the cell's own code were shown by its run; this is an input that failed.
        if (error instanceof Object && shown.has(error)) return;
        const e = asError(error);
        this.run = null;
        // An input whose cell cannot run (a name conflict, a stopped run): this cell did nothing wrong, it waits.
        const waiting = this.page.isBlocker(e.message);
        this.output.replaceChildren(
          waiting
            ? note("live-cell__waiting", `${e.message} This cell runs again once that is resolved.`)
            : errorBox(this.describe(e))
        );
        delete this.output.dataset.stale;
        this.settle({id: this.id, state: waiting ? "waiting" : "error", error: e});
      }
    };
    host._observer = observer;
  }

  setState(state: CellState): void {
    if (state !== "running") this.busy = false;
    this.state = state;
    this.root.dataset.state = state;
    this.onStateChange(state);
    // Output left from the previous run is dimmed until the new run replaces it.
    if (state === "running" && this.output.hasChildNodes()) this.output.dataset.stale = "";
  }

  settle(result: RunResult): void {
    this.setState(result.state);
    this.page.hooks.runEnded(this);
    for (const listener of this.listeners) {
      try {
        listener(result);
      } catch (error) {
        console.error(error);
      }
    }
    this.root.dispatchEvent(new CustomEvent("live-cell-run", {detail: result, bubbles: true}));
  }

  /** The line of the cell where `name` is first used or declared, as " (line N)". */
  private lineOf(name: string): string {
    const position = this.compiled?.positions?.[name];
    return position ? t("run.line", {line: position[0]}) : "";
  }

  /** Where in the cell an error points, [line, column], for the editor's mark. */
  errorPosition(error: Error): [number, number] | undefined {
    if (error instanceof CellProblem) return error.position;
    const input = (error as {input?: string}).input;
    if (input && !shown.has(error)) return this.compiled?.positions?.[input];
    const line = errorLine(error, this.url);
    return line ? [line, 0] : undefined;
  }

  /** The message shown for an error: where it happened, and for a failed input, which one. */
  describe(error: Error): string {
    const input = (error as {input?: string}).input;
    if (input && !shown.has(error)) {
      const where = this.lineOf(input);
      if (error.message === `${input} is not defined`) {
        const removed = this.page.removed.get(input);
        if (removed) {
          const what = t(removed.source.trim() ? "run.codeNoLonger" : "run.codeDeleted");
          return t("run.notDefinedRemoved", {input, where, id: removed.id, what});
        }
        return t("run.notDefined", {input, where});
      }
      return t("run.uses", {input, where, message: error.message});
    }
    if (error instanceof CellProblem) return error.message;
    if (error instanceof SyntaxError && "line" in error) return `${error.name}: ${error.message}`;
    const line = error instanceof ThrownValue ? undefined : errorLine(error, this.url);
    return `${error.name}: ${error.message}${line ? t("run.line", {line}) : ""}`;
  }

  /** Uses `compiled` (or the compile error) from now on and runs it, with everything that depends on it. */
  define(compiled: CompiledCell | null, error: Error | null): void {
    this.compiled = compiled;
    this.compileError = error;
    this.fn = null;
    // With a compile error the outputs stay, so the cells using them say which input failed.
    if (compiled && !error) this.claimOutputs(compiled);
    const inputs = compiled && !error ? compiled.inputs : [];
    this.host.define(this.hostName, ["invalidation", ...inputs], (invalidation: Promise<void>, ...values: unknown[]) =>
      this.execute(invalidation, values)
    );
    this.page.recheckConflicts(this);
  }

  /**
   * Gives each name the cell declares an output variable, unless another cell of the page defines the name already:
   * then the other cell keeps it (with everything that uses it) and this cell reports the conflict. An imported
   * name another cell defines too (`import * as d3 from "d3"` where a helper cell imported d3) stays the cell's own.
   */
  private claimOutputs(compiled: CompiledCell): void {
    this.conflicts = [];
    const keep = new Set<string>();
    for (const name of compiled.outputs) {
      const other = this.outputs.has(name) ? undefined : this.page.definerOf(name, this);
      if (other === undefined) keep.add(name);
      else if (!compiled.imported?.includes(name)) this.conflicts.push({name, other});
    }
    for (const [name, v] of this.outputs) {
      if (keep.has(name)) continue;
      v.delete();
      this.outputs.delete(name);
      this.page.removed.set(name, this);
    }
    for (const name of keep) {
      if (this.outputs.has(name)) continue;
      const v = this.page.main
        .variable(true)
        .define(name, [this.hostName], (exports: Record<string, unknown>) => exports[name]);
      this.outputs.set(name, v);
      this.page.removed.delete(name);
    }
  }

  /** Keeps the cell waiting (running) until define() is called, e.g. while a restored edit compiles. */
  hold(): void {
    this.run = null;
    // The runtime starts a variable's next computation only after the previous one settled: settle when replaced.
    this.host.define(this.hostName, ["invalidation"], (invalidation: Promise<void>) => invalidation);
  }

  /**
   * Does not run the cell: it shows `message` and is stopped; the cells using it wait, saying `reason` (why it was
   * not run). Run or Reset defines it again.
   */
  holdBack(message: string, reason: string): void {
    this.run = null;
    this.host.define(this.hostName, [], () => {
      this.output.replaceChildren(note("live-cell__stopped", message));
      delete this.output.dataset.stale;
      this.settle({id: this.id, state: "stopped"});
      throw this.page.blocker(this, reason);
    });
  }

  /** The Stop button: ends the current run where it is. */
  stop(): void {
    this.run?.stop();
  }

  /** Runs the current definition again (Run on an unchanged cell). */
  rerun(): void {
    this.define(this.compiled, this.compileError);
  }

  /** Why the cell may not run: the message for this cell, and the reason the cells using it are given. */
  private conflictProblem(): {problem: CellProblem; reason: string} | undefined {
    const [first] = this.conflicts;
    if (first) {
      const {name, other} = first;
      const by = other ? t("run.theCell", {id: other.id}) : t("run.fixedPart");
      const position = this.compiled?.positions?.[name];
      const fix = other ? t("run.renameOr", {name, id: other.id}) : t("run.rename", {name});
      return {
        problem: new CellProblem(t("run.defined", {name, by, where: this.lineOf(name), fix}), position),
        reason: t("run.reasonDefined", {name, by})
      };
    }
    const duplicate = this.page.conflict(this);
    return duplicate ? {problem: new CellProblem(duplicate), reason: `cannot run: ${duplicate}`} : undefined;
  }

  /** The host variable's definition: one run of the cell. */
  private async execute(invalidation: Promise<void>, values: unknown[]): Promise<unknown> {
    const run = new Run(this, invalidation);
    this.run = run;
    this.setState("running");
    this.busy = true;
    try {
      if (this.compileError) throw this.compileError;
      const compiled = this.compiled as CompiledCell;
      const conflict = this.conflictProblem();
      if (conflict) {
        run.fail(conflict.problem);
        throw this.page.blocker(this, conflict.reason);
      }
      this.page.hooks.runStarted(this);
      const modules = await run.wait(Promise.all(compiled.imports.map(loadModule)));
      if (!run.current) return undefined;
      this.fn ??= evaluate(compiled.code, this.url) as CellFunction;
      let live: object = {};
      const args = compiled.params.map((name) => {
        const input = compiled.inputs.indexOf(name);
        return input >= 0 ? values[input] : run.special(name, invalidation);
      });
      const result = this.fn(run.guard, modules, (outputs) => (live = outputs), ...args);
      if (compiled.generator) return run.drive(result as Iterator<unknown>, () => live);
      const value = await run.wait(result);
      // The guard's error may have been caught by the cell's own try/catch: the run still failed.
      if (run.guard.error) throw run.guard.error;
      if (!compiled.expression) {
        run.finish({exports: value as Record<string, unknown>});
        return value;
      }
      if (isIterator(value)) return run.drive(value, null);
      const resolved = await run.wait(value);
      run.finish({value: resolved}, {value: resolved});
      return resolved;
    } catch (error) {
      if (error instanceof Object && shown.has(error)) throw error;
      const e = run.fail(error);
      // A stopped run that had not finished: the cells using it wait for it to run again.
      if (e instanceof StopError) throw this.page.blocker(this, t("run.reasonStopped"));
      throw e;
    }
  }
}

function syntaxError({message, line, column}: CompileProblem): Error {
  const error = new SyntaxError(message);
  Object.assign(error, {line, column});
  return error;
}

/** What the page around the runtime does when a run starts and ends (the UI keeps crash marks with these). */
export interface RunHooks {
  runStarted(cell: LiveCell): void;
  runEnded(cell: LiveCell): void;
}

/** The page's live cells and Framework's `main` module they live in. */
export class LivePage {
  readonly cells = new Map<string, LiveCell>();
  hooks: RunHooks = {runStarted() {}, runEnded() {}};
  /** Names a live cell defined before an edit removed them, and that cell (for "x is not defined" messages). */
  readonly removed = new Map<string, LiveCell>();
  /** Messages of errors that mean "waiting for another cell", not "failed" (see blocker()). */
  private readonly blockers = new Set<string>();

  constructor(readonly main: Module) {}

  /**
   * The error a cell's host rejects with when the cell cannot run through no fault of the cells using it: they show
   * its message and wait. `reason` completes "Waiting for the cell “id”, which …".
   */
  blocker(cell: LiveCell, reason: string): Error {
    const error = new Error(t("run.waiting", {id: cell.id, reason}));
    this.blockers.add(error.message);
    shown.add(error);
    return error;
  }

  isBlocker(message: string): boolean {
    return this.blockers.has(message);
  }

  /** Who defines `name` on the page besides `cell`: a live cell, null for a fixed cell, undefined for nobody. */
  definerOf(name: string, cell: LiveCell): LiveCell | null | undefined {
    const v = this.main._scope.get(name);
    if (!v || v._type === IMPLICIT) return undefined;
    for (const other of this.cells.values()) {
      if (other === cell) continue;
      const own = other.outputs.get(name);
      if (own && (own === v || v._type === DUPLICATE)) return other;
    }
    return null;
  }

  /** Why `cell` may not run now: a name it defines is defined by a fixed cell of the page too (set at build time). */
  conflict(cell: LiveCell): string | undefined {
    for (const name of cell.compiled?.outputs ?? []) {
      if (this.main._scope.get(name)?._type !== DUPLICATE) continue;
      const other = [...this.cells.values()].find((c) => c !== cell && c.compiled?.outputs.includes(name));
      return `${name} is defined more than once: ${other ? `also by the cell “${other.id}”` : "also elsewhere on this page"}. Rename one of them.`;
    }
    return undefined;
  }

  private readonly duplicates = new Map<LiveCell, string | undefined>();

  /**
   * After `changed` was redefined: cells whose name conflict went away (or changed) run again, so a cell that was
   * blocked takes its name as soon as the other cell gives it up.
   */
  recheckConflicts(changed: LiveCell): void {
    for (const cell of this.cells.values()) {
      if (cell === changed) continue;
      const duplicate = this.conflict(cell);
      const moved = cell.conflicts.some(({name, other}) => this.definerOf(name, cell) !== other);
      if (moved || duplicate !== this.duplicates.get(cell)) {
        this.duplicates.set(cell, duplicate);
        cell.rerun();
      }
    }
    this.duplicates.set(changed, this.conflict(changed));
  }
}
