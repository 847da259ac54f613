// The pure parts of the curve plot, the histogram and the batch plan: which curve a name means, where a mark sits,
// how values fall into bins, and what the text alternatives say.
import {describe, expect, it} from "vitest";
import {describePlan} from "../../../src/components/batchPlan.js";
import {describeCurves, nearestPoint, seriesIndex} from "../../../src/components/curvePlot.js";
import {binValues, describeHistogram} from "../../../src/components/histogram.js";

describe("curve plot", () => {
  it("finds a curve by name or position, and names the curves when there is no such one", () => {
    const names = ["full batch", "batch 32", "batch 1"];
    expect(seriesIndex(names, "batch 32")).toBe(1);
    expect(seriesIndex(names, 2)).toBe(2);
    expect(() => seriesIndex(names, "batch 8")).toThrow(
      'curvePlot: no curve "batch 8"; the curves are "full batch", "batch 32", "batch 1".'
    );
    expect(() => seriesIndex(names, 3)).toThrow("no curve 3");
  });

  it("puts a mark on the point nearest to its x", () => {
    const points = [
      {x: 1, y: 0.5},
      {x: 2, y: 0.4},
      {x: 4, y: 0.3}
    ];
    expect(nearestPoint(points, 2)).toEqual({x: 2, y: 0.4});
    expect(nearestPoint(points, 3.4)).toEqual({x: 4, y: 0.3});
    expect(nearestPoint([], 1)).toBeUndefined();
  });

  it("says where each curve starts and ends, and how many marks it has", () => {
    const data = [
      {
        name: "training",
        points: [
          {x: 1, y: 0.6925},
          {x: 1000, y: 0.0004453}
        ],
        marks: []
      },
      {
        name: "validation",
        points: [
          {x: 1, y: 0.7},
          {x: 1000, y: 0.6326}
        ],
        marks: [{x: 134, label: "lowest"}]
      },
      {name: "test", points: [], marks: []}
    ];
    expect(describeCurves(data, "epoch", "loss", true)).toBe(
      "loss against epoch (logarithmic axis) for 3 curves. training: loss from 0.6925 at epoch 1 to 0.0004453 at " +
        "epoch 1000; validation: loss from 0.7 at epoch 1 to 0.6326 at epoch 1000, 1 mark; test: no points yet."
    );
  });
});

describe("histogram", () => {
  it("counts values into equal bins, the largest value in the last bin", () => {
    const bins = binValues([0, 0.1, 0.5, 0.9, 1], 2);
    expect(bins.map((b) => [b.x0, b.x1, b.count])).toEqual([
      [0, 0.5, 2],
      [0.5, 1, 3]
    ]);
    expect(bins.map((b) => b.share)).toEqual([0.4, 0.6]);
  });

  it("counts values outside a given domain in the end bins and skips what is not finite", () => {
    const bins = binValues([-5, -1, 0.2, 7, Number.NaN, Number.POSITIVE_INFINITY], 4, [-1, 1]);
    expect(bins.map((b) => b.count)).toEqual([2, 0, 1, 1]);
    expect(bins.reduce((sum, b) => sum + b.share, 0)).toBeCloseTo(1, 15);
  });

  it("gives equal values a bin one unit wide, and refuses an empty list or a bin count below 1", () => {
    expect(binValues([3, 3, 3], 1)).toEqual([{x0: 2.5, x1: 3.5, count: 3, share: 1}]);
    expect(() => binValues([], 10)).toThrow("no finite values");
    expect(() => binValues([1, 2], 0)).toThrow("bins must be a whole number ≥ 1");
  });

  it("summarises the values in its text alternative", () => {
    const values = [-1, -1, -1, 1, 1, 1, 0.5];
    const label = describeHistogram(values, binValues(values, 4, [-1, 1]), "layer 1 activations");
    expect(label).toBe(
      "Histogram of 7 layer 1 activations: mean 0.07143, standard deviation 1.018, from -1 to 1; the fullest bar, " +
        "57 % of the values, is between 0.5 and 1."
    );
  });
});

describe("batch plan", () => {
  it("lists every epoch's batches in its text alternative", () => {
    const epochs = [
      [[3, 1], [0, 2], [4]],
      [[2, 4], [1, 3], [0]]
    ];
    expect(describePlan(epochs)).toBe(
      "2 epochs in batches of 2, 2, 1 samples. epoch 1: [3, 1] [0, 2] [4]; epoch 2: [2, 4] [1, 3] [0]."
    );
  });
});
