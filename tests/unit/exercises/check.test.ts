import {describe, expect, it} from "vitest";
import {all, assert, cases, count, runCheck, value} from "../../../src/lib/exercises/check.js";
import {difference, shapeOf} from "../../../src/lib/exercises/compare.js";

describe("difference", () => {
  it("accepts numbers within the tolerance and names the gap otherwise", () => {
    expect(difference(0.1 + 0.2, 0.3)).toBeUndefined();
    expect(difference(0.31, 0.3)).toMatch(/expected 0.3, got 0.31 \(off by 0.0100/);
    expect(difference(0.31, 0.3, {absolute: 0.05})).toBeUndefined();
  });

  it("names NaN explicitly and where it is", () => {
    expect(difference(Number.NaN, 1)).toBe("got NaN, expected 1");
    expect(difference([[1, Number.NaN]], [[1, 2]])).toBe("got NaN at [0][1], expected 2");
    expect(difference(Number.NaN, Number.NaN)).toBeUndefined();
  });

  it("compares shapes before values, for arrays and matrices alike", () => {
    const matrix = {rows: 1, cols: 4, data: new Float64Array([1, 2, 3, 4])};
    expect(shapeOf(matrix)).toBe("(1×4)");
    expect(difference(matrix, [[1], [2], [3], [4]])).toBe("expected shape (4×1), got shape (1×4)");
    expect(difference(matrix, [[1, 2, 3, 4]])).toBeUndefined();
    expect(difference([1, 2], [1, 2, 3])).toBe("expected shape (3), got shape (2)");
  });

  it("reports a wrong type", () => {
    expect(difference("0.5", 0.5)).toBe("expected a number, got string");
    expect(difference(undefined, [1])).toBe("expected an array or matrix, got undefined");
  });
});

describe("cases", () => {
  const double = (x: number) => 2 * x;

  it("passes when every case matches", () => {
    expect(
      cases(double, [
        {args: [1], expected: 2},
        {args: [0.5], expected: 1}
      ])
    ).toEqual({
      passed: true,
      message: "double passes all 2 cases."
    });
  });

  it("reports the first failing case with input, expected, got and its hint", () => {
    const verdict = cases(
      (x: number) => x + 1,
      [
        {args: [1], expected: 2},
        {args: [3], expected: 6, hint: "Multiply, don't add."}
      ]
    );
    expect(verdict).toMatchObject({
      passed: false,
      message: "Case 2 of 2: expected 6, got 4 (off by 2.00, tolerance 1e-9)",
      hint: "Multiply, don't add.",
      failedCase: {input: "3", expected: "6", got: "4"}
    });
  });

  it("turns an exception into a failed case instead of breaking", () => {
    const verdict = cases(
      () => {
        throw new RangeError("boom");
      },
      [{args: [1], expected: 2}],
      {name: "predict"}
    );
    expect(verdict).toMatchObject({
      passed: false,
      message: "predict: case 1 of 1: it threw an error.",
      failedCase: {got: "RangeError: boom"}
    });
  });

  it("checks that bad input is refused with a clear message", () => {
    const mse = (a: number[]) => {
      if (a.length === 0) throw new Error("mse: empty input");
      return 0;
    };
    expect(cases(mse, [{args: [[]], throws: /empty/}]).passed).toBe(true);
    expect(cases(() => 0, [{args: [[]], throws: /empty/}]).message).toMatch(/should have refused this input/);
    expect(
      cases(() => {
        throw new Error("oops");
      }, [{args: [[]], throws: /empty/}]).message
    ).toMatch(/does not say what went wrong/);
  });

  it("names the function in every message, and counts in words", () => {
    function logSigmoid(z: number) {
      return z;
    }
    const list = [1, 2, 3, 4, 5].map((z) => ({args: [z], expected: z === 4 ? 0 : z}));
    expect(cases(logSigmoid, list).message).toMatch(/^logSigmoid: case 4 of 5: expected 0, got 4/);
    expect(cases(logSigmoid, [{args: [1], expected: 1}]).message).toBe("logSigmoid passes its one case.");
    expect([count(1, "solution"), count(2, "solution"), count(0, "matrix", "matrices")]).toEqual([
      "1 solution",
      "2 solutions",
      "0 matrices"
    ]);
  });

  it("refuses something that is not a function, and a Promise result", () => {
    expect(cases(42, [])).toMatchObject({passed: false, message: "Your function should be a function, but it is 42."});
    expect(cases(undefined, [], {name: "predict"}).message).toBe("predict should be a function, but it is undefined.");
    expect(cases(async () => 1, [{args: [], expected: 1}]).message).toMatch(/returned a Promise/);
  });
});

describe("value, assert, all, runCheck", () => {
  it("combines verdicts and keeps the first failure", () => {
    expect(all(assert(true, "a"), value([1, 2], [1, 2]))).toEqual({passed: true, message: "The value is right."});
    expect(all(assert(true, "a"), assert(false, "b is wrong", "look at b"), assert(false, "c"))).toEqual({
      passed: false,
      message: "b is wrong",
      hint: "look at b"
    });
  });

  it("runCheck turns a throwing or broken check into a failed verdict", () => {
    expect(
      runCheck(() => {
        throw new TypeError("x is not a function");
      })
    ).toEqual({
      passed: false,
      message: "Your code threw an error while it was checked: TypeError: x is not a function"
    });
    expect(runCheck(() => undefined as never).passed).toBe(false);
  });
});
