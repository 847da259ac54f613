// The logic behind the figures chapters 1 and 2 draw: the decision line and its arrow, the loss map's contour levels
// and off-map marks, the residual squares, node values that fit their circle, and pixels kept near the plot whatever
// the numbers (a learning rate of 0.7 or 100 sends the weights to 1e12 and beyond).
import {describe, expect, it} from "vitest";
import {clampPixel} from "../../../src/components/axes.js";
import {lossLevels, placeOf} from "../../../src/components/lossMap.js";
import {nodeValue} from "../../../src/components/networkDiagram.js";
import {
  countMisclassified,
  cutSquare,
  lineEquation,
  stepClass,
  weightArrow,
  weightedSum
} from "../../../src/components/planeGeometry.js";
import {
  meanSquaredResidual,
  predictionsOf,
  residualDomain,
  residualSquare
} from "../../../src/components/residualPlot.js";

const AND = {
  X: [
    [0, 0],
    [1, 0],
    [0, 1],
    [1, 1]
  ],
  y: [0, 0, 0, 1]
};
const chapter1 = {w1: 0.15, w2: 0.15, b: -0.2};
const square: [number, number] = [-0.3, 1.3];

/** Area of a polygon (shoelace formula). */
const area = (ps: [number, number][]) =>
  Math.abs(ps.reduce((s, p, i) => s + p[0] * ps[(i + 1) % ps.length][1] - ps[(i + 1) % ps.length][0] * p[1], 0)) / 2;

describe("the decision line of one neuron", () => {
  it("classifies with the library's step: z > 0 gives 1, z = 0 gives 0", () => {
    expect(AND.X.map((x) => stepClass(chapter1, x))).toEqual([0, 0, 0, 1]);
    expect(stepClass({w1: 1, w2: 0, b: -1}, [1, 5])).toBe(0); // z = 0 exactly
    expect(weightedSum(chapter1, [1, 1])).toBeCloseTo(0.1, 15);
    expect(countMisclassified(chapter1, AND.X, AND.y)).toBe(0);
    expect(countMisclassified({w1: 0.15, w2: 0.15, b: -0.35}, AND.X, AND.y)).toBe(1);
  });

  it("cuts the square into the side z > 0 and the rest, which together cover it", () => {
    const {one, zero, ends} = cutSquare(chapter1, square);
    expect(ends).toHaveLength(2);
    for (const [a, c] of ends) expect(0.15 * a + 0.15 * c - 0.2).toBeCloseTo(0, 12);
    expect(area(one) + area(zero)).toBeCloseTo(1.6 * 1.6, 12);
    // The corner (1.3, 1.3) is on the blue side, (−0.3, −0.3) is not.
    expect(one).toContainEqual([1.3, 1.3]);
    expect(zero).toContainEqual([-0.3, -0.3]);
  });

  it("draws an upright line when w₂ = 0, and none when the line misses the square or both weights are 0", () => {
    const upright = cutSquare({w1: 3, w2: 0, b: -1.5}, square);
    expect(upright.ends.map((p) => p[0])).toEqual([0.5, 0.5].map((v) => expect.closeTo(v, 12)));
    expect(upright.ends.map((p) => p[1]).sort()).toEqual([-0.3, 1.3].map((v) => expect.closeTo(v, 12)));
    expect(cutSquare({w1: 3, w2: 0, b: -4}, square).ends).toEqual([]); // x₁ = 4/3 lies beyond the square
    expect(cutSquare({w1: 1, w2: 1, b: -10}, square).ends).toEqual([]);
    expect(cutSquare({w1: 0, w2: 0, b: -1}, square).ends).toEqual([]);
    expect(cutSquare({w1: 0, w2: 0, b: -1}, square).one).toEqual([]);
    // Through a corner: the corner counts once.
    expect(cutSquare({w1: 1, w2: -1, b: 0}, square).ends).toHaveLength(2);
    // Weights of a diverging run give no NaN coordinates.
    const wild = cutSquare({w1: 1e300, w2: -1e300, b: 1e300}, square);
    expect([...wild.one, ...wild.zero, ...wild.ends].flat().every(Number.isFinite)).toBe(true);
  });

  it("writes the line as an equation, also when it is upright or missing", () => {
    expect(lineEquation(chapter1)).toBe("x₂ = -1.000·x₁ + 1.333");
    expect(lineEquation({w1: 1, w2: 2, b: 1})).toBe("x₂ = -0.500·x₁ - 0.500");
    expect(lineEquation({w1: 3, w2: 0, b: -4})).toBe("x₁ = 1.333 (a vertical line)");
    expect(lineEquation({w1: 0, w2: 0, b: 1})).toMatch(/^no line/);
    expect(lineEquation({w1: 0, w2: 1, b: 0})).toBe("x₂ = 0.000·x₁ + 0.000");
    expect(lineEquation({w1: 1, w2: 1, b: -1})).not.toMatch(/Infinity|NaN/);
  });

  it("puts the arrow (w₁, w₂) on the line, perpendicular to it, pointing to the side z > 0", () => {
    for (const w of [chapter1, {w1: 3, w2: 0, b: -2}, {w1: -1, w2: 2, b: 0.3}]) {
      const arrow = weightArrow(w, square);
      expect(arrow).not.toBeNull();
      const {from, to} = arrow as {from: [number, number]; to: [number, number]};
      expect(weightedSum(w, from)).toBeCloseTo(0, 12);
      const d = [to[0] - from[0], to[1] - from[1]];
      // Parallel to (w₁, w₂): the cross product is 0 and the dot product positive.
      expect(d[0] * w.w2 - d[1] * w.w1).toBeCloseTo(0, 12);
      expect(d[0] * w.w1 + d[1] * w.w2).toBeGreaterThan(0);
      expect(Math.hypot(d[0], d[1])).toBeCloseTo(0.4, 12);
      expect(weightedSum(w, to)).toBeGreaterThan(0);
    }
    expect(weightArrow({w1: 0, w2: 0, b: 1}, square)).toBeNull();
    expect(weightArrow({w1: 1, w2: 1, b: -10}, square)).toBeNull(); // the line misses the square
  });
});

describe("the loss map", () => {
  it("spaces its contour levels between the lowest and highest finite values, closer near the bottom", () => {
    const levels = lossLevels([0, 1, 4, 9, Number.POSITIVE_INFINITY, Number.NaN], 4);
    expect(levels).toEqual([9 / 16, 9 / 4, 81 / 16]);
    expect(lossLevels([2, 2, 2])).toEqual([]);
    expect(lossLevels([Number.NaN])).toEqual([]);
    const many = lossLevels([1e-30, 1e300]);
    expect(many.every(Number.isFinite)).toBe(true);
  });

  it("says where a point off the map lies", () => {
    const domain: [[number, number], [number, number]] = [
      [-0.6, 0.9],
      [-0.6, 0.9]
    ];
    expect(placeOf([0.15, 0.15], domain)).toBe("inside");
    expect(placeOf([-5.6e11, -5.6e11], domain)).toBe("below and left");
    expect(placeOf([2, 0], domain)).toBe("right");
    expect(placeOf([0, 1e300], domain)).toBe("above");
    expect(placeOf([Number.NaN, 0], domain)).toBe("not a number");
  });
});

describe("the residual plot", () => {
  it("takes the predictions given, or the line's", () => {
    expect(predictionsOf({x: [0, 1, 2], line: {w: 2, b: 1}})).toEqual([1, 3, 5]);
    expect(predictionsOf({x: [0, 1], predictions: [0.5, 0.25]})).toEqual([0.5, 0.25]);
    expect(() => predictionsOf({x: [0, 1], predictions: [1]})).toThrow(/2 points but 1 predictions/);
    expect(() => predictionsOf({x: [0, 1]})).toThrow(/predictions .* or a line/);
  });

  it("computes the MSE as the mean of the squared residuals", () => {
    expect(meanSquaredResidual([-0.2, -0.05, -0.05, 0.1], [0, 0, 0, 0])).toBeCloseTo(0.01375, 15);
    expect(meanSquaredResidual([1, 2], [1, 2])).toBe(0);
    expect(meanSquaredResidual([], [])).toBeNaN();
  });

  it("draws each square as wide as the residual is tall, on the residual, and never larger than the plot", () => {
    // Prediction above the target (smaller pixel y): the square spans from the prediction down to the target.
    expect(residualSquare(50, 100, 60, 200)).toEqual({x: 50, y: 60, side: 40});
    // Prediction below the target.
    expect(residualSquare(50, 100, 130, 200)).toEqual({x: 50, y: 100, side: 30});
    // A wild prediction: the square is capped and still touches the target.
    expect(residualSquare(50, 100, -1e6, 200)).toEqual({x: 50, y: -100, side: 200});
    expect(residualSquare(50, 100, Number.NaN, 200)).toBeNull();
  });

  it("keeps the targets in view and leaves far-off predictions out of the range", () => {
    const [lo, hi] = residualDomain([1, 2, 3], [1.1, 2.2, 1e12]);
    expect(lo).toBeLessThanOrEqual(1);
    expect(hi).toBeGreaterThanOrEqual(3);
    expect(hi).toBeLessThan(10);
    const [lo0] = residualDomain([1, 2, 3], [0, 0, 0]); // the starter's flat line at 0 stays visible
    expect(lo0).toBeLessThanOrEqual(0);
  });
});

describe("numbers that stay inside their frame", () => {
  it("keeps pixel coordinates near the plot, whatever the value", () => {
    expect(clampPixel(120, 40, 300)).toBe(120);
    expect(clampPixel(1e300, 40, 300)).toBe(340);
    expect(clampPixel(-1e300, 40, 300)).toBe(0);
    expect(clampPixel(Number.POSITIVE_INFINITY, 300, 40)).toBe(340);
    expect(clampPixel(Number.NaN, 40, 300)).toBeNaN();
  });

  it("writes a node's value in at most 5 characters", () => {
    expect(nodeValue(0.1)).toBe("0.10");
    expect(nodeValue(-0.2)).toBe("-0.20");
    expect(nodeValue(7)).toBe("7.00");
    expect(nodeValue(-12.34)).toBe("-12.3");
    expect(nodeValue(1234.4)).toBe("1234");
    expect(nodeValue(-2052660424797.5)).toBe("-2e12");
    expect(nodeValue(7.3e155)).toBe("7e155");
    expect(nodeValue(Number.NaN)).toBe("NaN");
    expect(nodeValue(Number.NEGATIVE_INFINITY)).toBe("-∞");
    for (const v of [9.996, 99.96, 9999.6, -9999.6, 1e-20, 123456]) expect(nodeValue(v).length).toBeLessThanOrEqual(5);
  });
});
