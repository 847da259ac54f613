import {describe, expect, it} from "vitest";
import {assertDomain, assertInteger, assertPoints2d, assertPositive, toRows} from "../../../src/components/validate.js";

describe("validate", () => {
  it("converts a row-major matrix and nested arrays to rows", () => {
    expect(toRows({rows: 2, cols: 3, data: new Float64Array([1, 2, 3, 4, 5, 6])})).toEqual([
      [1, 2, 3],
      [4, 5, 6]
    ]);
    expect(toRows([[1], [2]])).toEqual([[1], [2]]);
  });

  it("names the problem in a bad matrix", () => {
    expect(() => toRows({rows: 2, cols: 2, data: [1, 2, 3]}, "W")).toThrow(
      "W: rows × cols = 2 × 2 needs 4 numbers, data has 3."
    );
    expect(() => toRows([[1, 2], [3]], "X")).toThrow("X: row 1 has 1 entries but row 0 has 2");
    expect(() => toRows([[1, "a"]] as unknown as number[][])).toThrow('entry [0][1] is "a"');
    expect(() => toRows([])).toThrow("expected a Matrix or a non-empty number[][]");
  });

  it("checks numbers and domains", () => {
    expect(assertPositive(0.5, "learningRate")).toBe(0.5);
    expect(() => assertPositive(0, "learningRate")).toThrow("learningRate must be greater than 0, got 0.");
    expect(() => assertInteger(2.5, "steps", 1)).toThrow("steps must be a whole number ≥ 1, got 2.5.");
    expect(assertDomain([-1, 2], "xDomain")).toEqual([-1, 2]);
    expect(() => assertDomain([2, 1], "xDomain")).toThrow("xDomain must have min < max, got [2, 1].");
    expect(() => assertDomain([0], "xDomain")).toThrow("xDomain must be a [min, max] pair");
  });

  it("refuses samples that do not have exactly 2 features", () => {
    expect(assertPoints2d([[1, 2]])).toEqual([[1, 2]]);
    expect(() => assertPoints2d([[1, 2, 3]], "X")).toThrow(
      "X: the decision map draws 2 features, but each sample here has 3."
    );
  });
});
