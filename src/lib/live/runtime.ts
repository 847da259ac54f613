// Live cells in the page's runtime. Each live cell has a host variable in Framework's `main` module (created by the
// build plugin as an ordinary hidden cell declaring the same names, so the page's other cells can refer to them from
// the start) and Framework's output variables `name = exports => exports[name]`. Running a cell (re)defines its host
// with the compiled code; the runtime then reruns every cell that depends on its outputs, in dependency order.
import type {Module, Observer, Variable} from "observablehq:runtime";
import type {CompiledCell} from "./compile.js";
import {evaluate} from "./evaluate.js";
import type {Guard} from "./guard.js";
import {loadModule} from "./loaders.js";
import {errorBox, errorLine} from "./output.js";
import {asError, isIterator, Run, shown} from "./run.js";

export type CellState = "running" | "done" | "error";

/** What a run ended with: handed to onRun listeners (the exercises build on this). */
export interface RunResult {
  id: string;
  state: "done" | "error";
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
  budget: number;
  /** The fence's key=value attributes (e.g. exercise=…), for features built on live cells. */
  attributes: Record<string, string>;
  compiled: CompiledCell | null;
  error: CompileProblem | null;
}

type CellFunction = (guard: Guard, modules: unknown[], live: (exports: object) => void, ...args: unknown[]) => unknown;

const DUPLICATE = 3; // @observablehq/runtime's TYPE_DUPLICATE: a name defined by more than one variable

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
        this.output.replaceChildren(errorBox(this.describe(e)));
        delete this.output.dataset.stale;
        this.settle({id: this.id, state: "error", error: e});
      }
    };
    host._observer = observer;
  }

  setState(state: CellState): void {
    this.state = state;
    this.root.dataset.state = state;
    // Output left from the previous run is dimmed until the new run replaces it.
    if (state === "running" && this.output.hasChildNodes()) this.output.dataset.stale = "";
  }

  settle(result: RunResult): void {
    this.setState(result.state);
    for (const listener of this.listeners) {
      try {
        listener(result);
      } catch (error) {
        console.error(error);
      }
    }
    this.root.dispatchEvent(new CustomEvent("live-cell-run", {detail: result, bubbles: true}));
  }

  /** The message shown for an error: where it happened, and for a failed input, which one. */
  describe(error: Error): string {
    const input = (error as {input?: string}).input;
    if (input && !shown.has(error)) {
      if (error.message === `${input} is not defined`)
        return `${input} is not defined: no cell on this page defines it.`;
      return `This cell uses ${input}, which failed: ${error.message}`;
    }
    if (error instanceof SyntaxError && "line" in error) return `${error.name}: ${error.message}`;
    const line = errorLine(error, this.url);
    return `${error.name}: ${error.message}${line ? ` (line ${line})` : ""}`;
  }

  /** Uses `compiled` (or the compile error) from now on and runs it, with everything that depends on it. */
  define(compiled: CompiledCell | null, error: Error | null): void {
    this.compiled = compiled;
    this.compileError = error;
    this.fn = null;
    if (compiled) {
      for (const [name, v] of this.outputs) {
        if (compiled.outputs.includes(name)) continue;
        v.delete();
        this.outputs.delete(name);
      }
      for (const name of compiled.outputs) {
        if (this.outputs.has(name)) continue;
        const v = this.page.main
          .variable(true)
          .define(name, [this.hostName], (exports: Record<string, unknown>) => exports[name]);
        this.outputs.set(name, v);
      }
    }
    // With a compile error the outputs stay, so the cells using them say which input failed.
    const inputs = compiled && !error ? compiled.inputs : [];
    this.host.define(this.hostName, ["invalidation", ...inputs], (invalidation: Promise<void>, ...values: unknown[]) =>
      this.execute(invalidation, values)
    );
    this.page.recheckConflicts(this);
  }

  /** Keeps the cell waiting (running) until define() is called, e.g. while a restored edit compiles. */
  hold(): void {
    this.run = null;
    // The runtime starts a variable's next computation only after the previous one settled: settle when replaced.
    this.host.define(this.hostName, ["invalidation"], (invalidation: Promise<void>) => invalidation);
  }

  /** Runs the current definition again (Run on an unchanged cell). */
  rerun(): void {
    this.define(this.compiled, this.compileError);
  }

  /** The host variable's definition: one run of the cell. */
  private async execute(invalidation: Promise<void>, values: unknown[]): Promise<unknown> {
    const run = new Run(this, invalidation);
    this.run = run;
    this.setState("running");
    try {
      if (this.compileError) throw this.compileError;
      const compiled = this.compiled as CompiledCell;
      const conflict = this.page.conflict(this);
      if (conflict) throw new Error(conflict);
      const modules = await Promise.race([Promise.all(compiled.imports.map(loadModule)), run.replaced]);
      if (!run.current) return undefined;
      this.fn ??= evaluate(compiled.code, this.url) as CellFunction;
      let live: object = {};
      const args = compiled.params.map((name) => {
        const input = compiled.inputs.indexOf(name);
        return input >= 0 ? values[input] : run.special(name, invalidation);
      });
      const result = this.fn(run.guard, modules, (outputs) => (live = outputs), ...args);
      if (compiled.generator) return run.drive(result as Iterator<unknown>, () => live);
      const value = await Promise.race([result, run.replaced]);
      // The guard's error may have been caught by the cell's own try/catch: the run still failed.
      if (run.guard.error) throw run.guard.error;
      if (!compiled.expression) {
        run.finish({exports: value as Record<string, unknown>});
        return value;
      }
      if (isIterator(value)) return run.drive(value, null);
      const resolved = await Promise.race([value, run.replaced]);
      run.finish({value: resolved}, {value: resolved});
      return resolved;
    } catch (error) {
      throw run.fail(error);
    }
  }
}

function syntaxError({message, line, column}: CompileProblem): Error {
  const error = new SyntaxError(message);
  Object.assign(error, {line, column});
  return error;
}

/** The page's live cells and Framework's `main` module they live in. */
export class LivePage {
  readonly cells = new Map<string, LiveCell>();

  constructor(readonly main: Module) {}

  /** Why `cell` may not run now: a name it defines is defined elsewhere too. */
  conflict(cell: LiveCell): string | undefined {
    for (const name of cell.compiled?.outputs ?? []) {
      if (this.main._scope.get(name)?._type !== DUPLICATE) continue;
      const other = [...this.cells.values()].find((c) => c !== cell && c.compiled?.outputs.includes(name));
      return `${name} is defined more than once: ${other ? `also by the cell “${other.id}”` : "also elsewhere on this page"}. Rename one of them.`;
    }
    return undefined;
  }

  private readonly conflicts = new Map<LiveCell, string | undefined>();

  /** After `changed` was redefined, cells whose name conflicts appeared or went away run again. */
  recheckConflicts(changed: LiveCell): void {
    for (const cell of this.cells.values()) {
      const conflict = this.conflict(cell);
      if (cell !== changed && conflict !== this.conflicts.get(cell)) {
        this.conflicts.set(cell, conflict);
        cell.rerun();
      }
      this.conflicts.set(cell, conflict);
    }
  }
}
