// The loop guard: runaway loops and recursion are stopped within the budget; finite code gives the same results.
import {describe, expect, test} from "vitest";
import {compileCell} from "../../../src/lib/live/compile.js";
import {BudgetError, CANCELLED, MemoryError, StopError} from "../../../src/lib/live/guard.js";
import {runCell} from "./run-cell.js";

const BUDGET = 100;

function stopped(source: string): {error: unknown; ms: number} {
  // Without guards the code below would hang the test run instead of failing it.
  expect(compileCell(source).code).toContain("__lg.t()");
  const start = performance.now();
  try {
    const {guard} = runCell(source, {}, [], BUDGET);
    return {error: guard.error, ms: performance.now() - start};
  } catch (error) {
    return {error, ms: performance.now() - start};
  }
}

describe("the guard stops runaway code", () => {
  for (const [name, source] of [
    ["while (true) {}", "while (true) {}"],
    ["for (;;);", "for (;;);"],
    ["do {} while (true)", "do {} while (true);"],
    [
      "a loop that swallows the guard's error",
      "let n = 0;\nwhile (true) {\n  try { n++; for (;;) {} } catch (e) {}\n}"
    ],
    ["a loop in a function", "function spin() { while (1) {} }\nspin();"],
    [
      "recursion in arrow functions with an expression body",
      "const fib = (n) => (n < 2 ? n : fib(n - 1) + fib(n - 2));\nfib(60);"
    ],
    ["exponential recursion", "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\nfib(60);"]
  ] as const) {
    test(name, () => {
      const {error, ms} = stopped(source);
      expect(error).toBeInstanceOf(BudgetError);
      expect((error as Error).message).toMatch(/Stopped after running for 0.1 s/);
      // It ran for its budget and then stopped (a guard that never stops would hang until the test's time-out).
      expect(ms).toBeGreaterThanOrEqual(BUDGET - 1);
    });
  }

  test("runaway recursion is stopped (by the stack or the guard)", () => {
    const {error} = stopped("function down(n) { return down(n + 1) + 1; }\ndown(0);");
    expect(error instanceof RangeError || error instanceof BudgetError).toBe(true);
  });

  test("an error the cell swallows at its top level is still recorded", () => {
    const source = "try { while (true) {} } catch {}\nconst after = 1;";
    expect(compileCell(source).code).toContain("__lg.t()");
    const {result, guard} = runCell(source, {}, [], BUDGET);
    expect(result).toEqual({after: 1});
    expect(guard.error).toBeInstanceOf(BudgetError);
  });

  test("a cancelled run stops at its next guard, even in a callback after the run", () => {
    const {result, guard} = runCell("const tick = () => 1;", {}, [], BUDGET);
    const {tick} = result as {tick: () => number};
    expect(tick()).toBe(1);
    guard.cancel();
    expect(() => tick()).toThrow(CANCELLED);
  });

  test("the budget restarts when the cell gives the event loop a turn", async () => {
    // A larger budget than the other tests: on a busy machine a 30 ms spin can be descheduled for 100 ms.
    const budget = 3 * BUDGET;
    const {guard} = runCell("const noop = () => 0;", {}, [], budget);
    const spin = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end) for (let i = 0; i < 1000; i++) guard.n-- < 0 && guard.t();
    };
    for (let i = 0; i < 5; i++) {
      spin(budget * 0.3); // 5 × 90 ms in total, but never 300 ms without a break
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(guard.error).toBeNull();
  });
});

describe("the guard stops runaway memory", () => {
  const MB = 1e6;
  const failure = (source: string, budgetMs = 5000, memory = 50 * MB) => {
    try {
      const {guard} = runCell(source, {}, [], budgetMs, memory);
      return {error: guard.error, guard};
    } catch (error) {
      return {error, guard: undefined};
    }
  };

  test("an allocation larger than the budget is refused before it happens", () => {
    const {error} = failure("const big = new Array(1e9).fill(0);", 5000, 500 * MB);
    expect(error).toBeInstanceOf(MemoryError);
    expect((error as Error).message).toBe(
      "Stopped before new Array(1000000000), which would take about 8 GB of memory: a cell may use at most 500 MB. " +
        "Make it smaller and run the cell again."
    );
    expect(failure("const t = Float64Array.from({length: 3});\nconst u = new Float64Array(1e9);").error).toBeInstanceOf(
      MemoryError
    );
  });

  for (const [name, source] of [
    [
      "arrays pushed in an endless loop",
      "const chunks: number[][] = [];\nwhile (true) chunks.push(new Array(1e6).fill(0));"
    ],
    ["typed arrays", "const chunks = [];\nwhile (true) chunks.push(new Float64Array(1e6));"],
    ["Array() without new", "const chunks = [];\nfor (;;) chunks.push(Array(1e6));"]
  ] as const) {
    test(`${name} are stopped at the budget`, () => {
      const {error} = failure(source);
      expect(error).toBeInstanceOf(MemoryError);
      expect((error as Error).message).toBe(
        "Stopped after using more than 50 MB of memory: is an array growing without end? Fix the cell and run it again."
      );
    });
  }

  test("small or short-lived arrays are not stopped, and guarded constructors behave as the real ones", () => {
    const source = `let total = 0;
for (let i = 0; i < 200; i++) total += new Float64Array(1e5).length; // 800 KB each: 160 MB in all
const xs = Array.from({length: 3}, (_, i) => i);
const isArray = Array.isArray(xs) && xs instanceof Array && new Array(2) instanceof Array;
class Stack extends Array {}
const stack = new Stack();
stack.push(1);
const typed = new Float64Array([1, 2]) instanceof Float64Array;`;
    const {result, guard} = runCell(source, {}, [], 2000, 50 * 1e6);
    expect(guard.error).toBeNull();
    expect(result).toMatchObject({total: 2e7, xs: [0, 1, 2], isArray: true, typed: true});
    expect((result as {stack: unknown[]}).stack).toBeInstanceOf(Array);
  });

  test("a slow loop is checked at every iteration, not every thousand", () => {
    // Each iteration takes ~10 ms: checked every 1000 iterations, this would run 1000 of them (10 s) before a check.
    const source =
      "while (true) { counter.n++; const end = Date.now() + 10; let x = 0; while (Date.now() < end) x++; }";
    const counter = {n: 0};
    let error: unknown;
    try {
      error = runCell(source, {counter}, [], BUDGET).guard.error;
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(BudgetError);
    expect(counter.n).toBeGreaterThan(0);
    expect(counter.n).toBeLessThan(100); // about BUDGET / 10 ms iterations, far from a thousand
  });

  test("Stop ends a run at its next guard with StopError", () => {
    const {result, guard} = runCell("const tick = () => 1;", {}, [], BUDGET);
    guard.stop();
    expect(() => (result as {tick: () => number}).tick()).toThrow(StopError);
  });
});

describe("finite code gives the same results with the guard", () => {
  test("loops of every kind", () => {
    const source = `let sum = 0;
for (let i = 0; i < 50000; i++) sum += i;
let j = 0;
while (j < 1000) j++;
do j--; while (j > 500);
const keys = [];
for (const k in {a: 1, b: 2}) keys.push(k);
let product = 1;
for (const v of [1, 2, 3, 4]) product *= v;
outer: for (let a = 0; a < 10; a++) { for (let b = 0; b < 10; b++) { if (b > a) continue outer; sum -= 1; } }
const squares = [1, 2, 3].map((x) => x * x);
function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }
const f10 = fact(10);`;
    const {result, guard} = runCell(source);
    expect(guard.error).toBeNull();
    expect(result).toEqual({
      sum: (50000 * 49999) / 2 - 55,
      j: 500,
      keys: ["a", "b"],
      product: 24,
      squares: [1, 4, 9],
      fact: expect.any(Function),
      f10: 3628800
    });
  });
});
