// The loop guard. The compiler puts `if(--__lg.n<0)__lg.t();` at the top of every loop body and function body of a
// cell, so a counter decrement is all a loop iteration pays; every so many iterations `t()` looks at the clock.
//
// Time. The budget measures uninterrupted running: the clock starts at the first check of a task and a message to the
// next task restarts it, which can only arrive once the cell gives the event loop a turn (a generator's yield, an awaited
// timer). So a training loop that yields runs for as long as it likes, while `while (true) {}` or `for (;;) await 0`
// (which never lets a timer fire) is stopped. The number of iterations between two checks adapts, so that the clock
// is read about every CHECK_MS however slow one iteration is (one that allocates 8 MB is checked every time).
//
// Memory. A page that runs out of memory dies with all its tabs' work, so memory has a budget too. The compiler gives
// a cell guarded versions of Array, ArrayBuffer and the typed arrays (`const Array=__lg.c("Array")`): each large
// allocation is counted until the garbage collector frees it, and an allocation that would take the cell past the
// budget is refused before it happens (`new Array(1e9)` would otherwise freeze the page for seconds, then crash it).
// Where the browser reports the heap precisely (Chromium's performance.memory, when enabled), its growth since the
// run started counts too, which also covers what library code allocates for the cell.
//
// Once tripped, every later check throws again, so a loop that catches the error and carries on is stopped by the
// guard of the enclosing loop or function.
import {t} from "../i18n.js";

/** The most iterations between two looks at the clock (when iterations are fast). */
export const CHECK_EVERY = 1000;
/** Aim for a look at the clock about this often (ms), however slow one iteration is. */
const CHECK_MS = 2;
export const DEFAULT_BUDGET_MS = 2000;
/** The memory one run of a cell may hold. */
export const MEMORY_BUDGET_BYTES = 500e6;
/** Allocations from 1 MB up are counted: big enough that temporaries in a loop rarely add up to the budget. */
const COUNTED_BYTES = 1 << 20;
/** performance.memory is read at most this often (ms); Chromium updates it at most every 50 ms anyway. */
const HEAP_EVERY_MS = 50;

/** "500 MB", "8 GB", "64 KB": sizes in the messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${Number((bytes / 1e9).toPrecision(2))} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  return `${Math.max(1, Math.round(bytes / 1e3))} KB`;
}

/** Thrown into a cell that ran too long without a break. */
export class BudgetError extends Error {
  constructor(budgetMs: number) {
    super(t("run.timeout", {seconds: budgetMs / 1000}));
    this.name = "TimeoutError";
  }
}

/** Thrown into a cell that holds, or asks for, more memory than the budget. */
export class MemoryError extends Error {
  /** Without `call`: the run's memory grew past the budget. With it: that one allocation would not fit. */
  constructor(budgetBytes: number, call?: string, bytes = 0) {
    const budget = formatBytes(budgetBytes);
    super(call ? t("run.memoryCall", {call, bytes: formatBytes(bytes), budget}) : t("run.memory", {budget}));
    this.name = "MemoryError";
  }
}

/** Thrown into a run the learner stopped with the Stop button. */
export class StopError extends Error {
  constructor() {
    super(t("run.stoppedByYou"));
    this.name = "Stopped";
  }
}

/** Thrown into the code of a run that was replaced by a newer run of its cell (its result would be discarded). */
export const CANCELLED = Object.freeze(new Error("This run of the cell was cancelled by a newer run."));

export interface Guard {
  /** Countdown to the next check. */
  n: number;
  /** The check: throws when a budget is spent or the run was cancelled or stopped. */
  t(): void;
  /** The guarded version of a global constructor (Array, ArrayBuffer, the typed arrays) for this run. */
  c(name: string): unknown;
  /** Stops this run's loops and functions at their next guard (its timers and listeners included). */
  cancel(): void;
  /** Stops the run as the Stop button does: its code throws StopError at its next guard. */
  stop(): void;
  /** The error this guard threw, if it did (a cell may have swallowed it). */
  readonly error: Error | null;
  /** Memory the run's counted allocations still hold, in bytes. */
  readonly bytes: number;
}

/** The constructors a cell gets in guarded form, with the bytes one element takes. */
export const GUARDED_CONSTRUCTORS: Readonly<Record<string, number>> = {
  Array: 8,
  ArrayBuffer: 1,
  Float64Array: 8,
  Float32Array: 4,
  Int32Array: 4,
  Uint32Array: 4,
  Int16Array: 2,
  Uint16Array: 2,
  Int8Array: 1,
  Uint8Array: 1,
  Uint8ClampedArray: 1,
  BigInt64Array: 8,
  BigUint64Array: 8
};

interface Held {
  bytes: number;
}

/** Subtracts a counted allocation from its run once the garbage collector has freed it. */
const freed =
  typeof FinalizationRegistry === "function"
    ? new FinalizationRegistry<{held: Held; bytes: number}>(({held, bytes}) => {
        held.bytes -= bytes;
      })
    : undefined;

function heapUsed(): number | undefined {
  return (performance as {memory?: {usedJSHeapSize?: number}}).memory?.usedJSHeapSize;
}

/** The bytes `new name(...args)` will take, estimated before it runs. */
function bytesOf(name: string, args: unknown[]): number {
  const perElement = GUARDED_CONSTRUCTORS[name] ?? 0;
  const [first] = args;
  if (typeof first === "number") return name === "Array" && args.length !== 1 ? 0 : Math.max(0, first) * perElement;
  if (name === "Array" || name === "ArrayBuffer" || typeof first !== "object" || first === null) return 0;
  if (first instanceof ArrayBuffer) return 0; // a view on memory that exists already
  const length = (first as {length?: unknown}).length;
  return typeof length === "number" ? length * perElement : 0;
}

function callText(name: string, args: unknown[]): string {
  const shown = args.map((a) => (typeof a === "number" ? String(a) : "…")).join(", ");
  return `new ${name}(${shown})`;
}

/**
 * Calls `fn` in the next task. A MessageChannel message, like the one the library's train() waits for between
 * slices, so the clock restarts whenever a training loop hands the thread back; a nested setTimeout(0) would wait
 * ≥ 4 ms and could lose the race to those messages, stopping a well-behaved loop on a busy machine.
 */
function nextTurn(fn: () => void): void {
  if (typeof MessageChannel === "undefined") {
    setTimeout(fn, 0);
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    fn();
  };
  channel.port2.postMessage(null);
}

export function createGuard(budgetMs = DEFAULT_BUDGET_MS, memoryBytes = MEMORY_BUDGET_BYTES): Guard {
  let start = 0;
  let armed = false;
  let error: Error | null = null;
  let every = 1; // iterations between two checks: starts at 1, adapts to the speed of the loop
  let lastCheck = performance.now();
  const heapStart = heapUsed();
  let lastHeapCheck = lastCheck;
  const held: Held = {bytes: 0};
  const constructors = new Map<string, unknown>();

  const trip = (e: Error): never => {
    error ??= e;
    guard.n = -1;
    throw error;
  };

  /** Counts `bytes` for an allocation about to happen; refuses it if it would go past the budget. */
  const reserve = (name: string, args: unknown[]): number => {
    if (error) trip(error);
    const bytes = bytesOf(name, args);
    if (bytes < COUNTED_BYTES) return 0;
    if (bytes > memoryBytes) trip(new MemoryError(memoryBytes, callText(name, args), bytes));
    if (held.bytes + bytes > memoryBytes) trip(new MemoryError(memoryBytes));
    return bytes;
  };

  const track = (object: object, bytes: number) => {
    if (bytes === 0 || !freed) return;
    held.bytes += bytes;
    freed.register(object, {held, bytes});
  };

  const guarded = (name: string): unknown => {
    const target = (globalThis as Record<string, unknown>)[name] as (new (
      ...args: unknown[]
    ) => object) &
      ((...args: unknown[]) => object);
    if (typeof target !== "function") return target;
    return new Proxy(target, {
      construct(target, args, newTarget) {
        const bytes = reserve(name, args);
        const object = Reflect.construct(target, args, newTarget) as object;
        track(object, bytes);
        return object;
      },
      // Array(n) without `new` allocates too.
      apply(target, self, args) {
        const bytes = reserve(name, args);
        const object = Reflect.apply(target, self, args) as object;
        track(object, bytes);
        return object;
      }
    });
  };

  const guard: Guard = {
    n: 1,
    t() {
      if (error) trip(error);
      const now = performance.now();
      // About one check every CHECK_MS: fewer iterations between checks when they are slow, more when fast.
      const elapsed = now - lastCheck;
      lastCheck = now;
      every = Math.max(1, Math.min(CHECK_EVERY, Math.floor((every * CHECK_MS) / Math.max(elapsed, 0.001))));
      if (!armed) {
        armed = true;
        start = now;
        nextTurn(() => {
          armed = false;
        });
      } else if (now - start > budgetMs) {
        trip(new BudgetError(budgetMs));
      }
      if (heapStart !== undefined && now - lastHeapCheck >= HEAP_EVERY_MS) {
        lastHeapCheck = now;
        const grown = (heapUsed() ?? heapStart) - heapStart;
        if (grown > memoryBytes) trip(new MemoryError(memoryBytes));
      }
      guard.n = every;
    },
    c(name) {
      if (!(name in GUARDED_CONSTRUCTORS)) return (globalThis as Record<string, unknown>)[name];
      if (!constructors.has(name)) constructors.set(name, guarded(name));
      return constructors.get(name);
    },
    cancel() {
      error ??= CANCELLED;
      guard.n = -1;
    },
    stop() {
      error ??= new StopError();
      guard.n = -1;
    },
    get error() {
      return error;
    },
    get bytes() {
      return held.bytes;
    }
  };
  return guard;
}
