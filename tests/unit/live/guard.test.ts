// The loop guard: runaway loops and recursion are stopped within the budget; finite code gives the same results.
import {describe, expect, test} from "vitest";
import {compileCell} from "../../../src/lib/live/compile.js";
import {BudgetError, CANCELLED} from "../../../src/lib/live/guard.js";
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
      expect(ms).toBeLessThan(BUDGET + 500);
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
    const {guard} = runCell("const noop = () => 0;", {}, [], BUDGET);
    const spin = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end) for (let i = 0; i < 1000; i++) guard.n-- < 0 && guard.t();
    };
    for (let i = 0; i < 8; i++) {
      spin(BUDGET * 0.3); // 8 × 30 ms in total, but never 100 ms without a break
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(guard.error).toBeNull();
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
