// mathjs is loaded on first use: before it arrives, expressions resolve to placeholders that say so, and the
// synchronous parser names the way to wait for it. (A file of its own: the module state starts fresh here.)
import {describe, expect, it} from "vitest";
import {
  ExpressionsLoading,
  expressionsReady,
  parseFunction,
  parseFunctionAsync
} from "../../../src/components/expression.js";
import {resolveFunction} from "../../../src/components/functions.js";
import {resolveFunction2d} from "../../../src/components/gradientDescent2d.js";

// Importing mathjs takes seconds on a busy machine: a generous limit, not a speed requirement.
const LOADING = 60_000;

describe("mathjs loads on first use", () => {
  it("needs no mathjs for presets and {f} objects", () => {
    expect(resolveFunction("sigmoid").f(0)).toBe(0.5);
    expect(resolveFunction({f: (x) => 2 * x}).f(3)).toBe(6);
    expect(resolveFunction2d({f: (a, b) => a + b}).f(1, 2)).toBe(3);
    expect(() => resolveFunction("  ")).toThrow("Type a function");
    expect(expressionsReady()).toBe(false);
  });

  it(
    "resolves an expression to a NaN placeholder that waits for mathjs, then to the real function",
    async () => {
      const pending = resolveFunction("x^2 - 2x");
      expect(pending.loading).toBeInstanceOf(Promise);
      expect(pending.f(3)).toBeNaN();
      expect(pending.label).toBe("f(x) = x^2 - 2x");
      const pending2d = resolveFunction2d("x0^2 + x1^2");
      expect(pending2d.loading).toBeInstanceOf(Promise);
      expect(pending2d.grad(1, 1)).toEqual([Number.NaN, Number.NaN]);
      expect(() => parseFunction("x^2", ["x"])).toThrow(ExpressionsLoading);
      expect(() => parseFunction("x^2", ["x"])).toThrow("await loadExpressions() first");
      await pending.loading;
      expect(expressionsReady()).toBe(true);
      const ready = resolveFunction("x^2 - 2x");
      expect(ready.loading).toBeUndefined();
      expect(ready.f(3)).toBe(3);
      expect(ready.df(3)).toBe(4);
      expect(ready.derivativeLabel).toBe("f′(x) = 2 * x - 2");
      expect(resolveFunction2d("x0^2 + x1^2").grad(1, 2)).toEqual([2, 4]);
    },
    LOADING
  );

  it(
    "parses asynchronously, with mathjs's message for a bad formula",
    async () => {
      expect((await parseFunctionAsync("3x", ["x"])).partials[0].f(1)).toBe(3);
      await expect(parseFunctionAsync("3x +", ["x"])).rejects.toThrow(/^Cannot read "3x \+"/);
    },
    LOADING
  );
});
