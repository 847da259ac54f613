// The Playground's input features: each one's value at known points, the order of the columns, and the messages.
import {describe, expect, it} from "vitest";
import {checkFeatures, FEATURE_IDS, featureMatrix} from "../../../../src/components/playground/features.js";
import {Matrix} from "../../../../src/lib/nn/index.js";

describe("playground features", () => {
  it("offers TensorFlow Playground's seven inputs", () => {
    expect(FEATURE_IDS).toEqual(["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"]);
  });

  it("turns each point (x₁, x₂) into one row of the features asked for, in that order", () => {
    const points = Matrix.from([
      [2, -3],
      [0.5, Math.PI / 2]
    ]);
    const F = featureMatrix(points, FEATURE_IDS);
    expect(F.shape).toEqual([2, 7]);
    expect(F.row(0)).toEqual([2, -3, 4, 9, -6, Math.sin(2), Math.sin(-3)]);
    expect(F.row(1)).toEqual([0.5, Math.PI / 2, 0.25, (Math.PI / 2) ** 2, Math.PI / 4, Math.sin(0.5), 1]);
    expect(featureMatrix(points, ["x1*x2", "x1"]).toArray()).toEqual([
      [-6, 2],
      [Math.PI / 4, 0.5]
    ]);
  });

  it("writes into a matrix it is given (the maps reuse one)", () => {
    const out = new Matrix(1, 2);
    expect(featureMatrix(Matrix.from([[3, 4]]), ["x1^2", "x2^2"], out)).toBe(out);
    expect(Array.from(out.data)).toEqual([9, 16]);
  });

  it("refuses unknown, repeated or missing features with a message", () => {
    expect(checkFeatures(["x2", "sin(x1)"])).toEqual(["x2", "sin(x1)"]);
    expect(() => checkFeatures(["x1", "x3"])).toThrow('"x3" is not an input of the playground; choose from "x1", "x2"');
    expect(() => checkFeatures(["x1", "x1"])).toThrow('the input "x1" is listed twice');
    expect(() => checkFeatures([])).toThrow("at least one feature");
    expect(() => checkFeatures("x1")).toThrow("at least one feature");
    expect(() => featureMatrix(new Matrix(2, 3), ["x1"])).toThrow("points must have 2 columns");
  });
});
