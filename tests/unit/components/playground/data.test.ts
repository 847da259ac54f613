// The Playground's data sets: the same seed gives the same points, each data set has the shape it promises, the
// split follows the ratio, and noise mislabels points near the boundary.
import {describe, expect, it} from "vitest";
import {dataToCSV, domainAround, generateData, pointsOf, split} from "../../../../src/components/playground/data.js";
import {DEFAULT_SETTINGS, type PlaygroundSettings} from "../../../../src/components/playground/settings.js";
import {Random} from "../../../../src/lib/nn/index.js";

const make = (part: Partial<PlaygroundSettings>) => generateData({...DEFAULT_SETTINGS, ...part});

describe("playground data", () => {
  it("draws 500 points to classify and 1200 to regress, the same for the same seed, others for another", () => {
    const a = make({data: "spiral"});
    expect(a.points).toHaveLength(500);
    expect(make({data: "spiral"}).points).toEqual(a.points);
    expect(make({data: "spiral", seed: 2}).points).not.toEqual(a.points);
    expect(make({problem: "regression", data: "plane"}).points).toHaveLength(1200);
    for (const p of a.points) {
      expect(Math.abs(p.x1)).toBeLessThanOrEqual(6);
      expect(Math.abs(p.x2)).toBeLessThanOrEqual(6);
    }
  });

  it("splits by the training ratio", () => {
    expect(make({trainRatio: 50}).points.filter((p) => !p.test)).toHaveLength(250);
    expect(make({trainRatio: 80}).points.filter((p) => !p.test)).toHaveLength(400);
    const {X, y} = pointsOf(make({trainRatio: 30}), true);
    expect(X.shape).toEqual([350, 2]);
    expect(y).toHaveLength(350);
    const points = Array.from({length: 10}, (_, i) => ({x1: i, x2: 0, y: 0, test: false}));
    const shuffled = split(points, 70, new Random(1));
    expect(shuffled.filter((p) => p.test)).toHaveLength(3);
    expect(shuffled.map((p) => p.x1).sort()).toEqual(points.map((p) => p.x1));
  });

  it("circle: two classes, class 1 inside class 0 with a gap between them when there is no noise", () => {
    const {points, classes} = make({data: "circle"});
    expect(classes).toBe(2);
    const r = (p: {x1: number; x2: number}) => Math.hypot(p.x1, p.x2);
    expect(Math.max(...points.filter((p) => p.y === 1).map(r))).toBeLessThanOrEqual(2);
    expect(Math.min(...points.filter((p) => p.y === 0).map(r))).toBeGreaterThanOrEqual(3);
    expect(points.filter((p) => p.y === 1)).toHaveLength(250);
  });

  it("XOR: class 1 where x₁x₂ > 0 with two classes, one class per quadrant with four", () => {
    for (const p of make({data: "xor"}).points) expect(p.y).toBe(p.x1 * p.x2 > 0 ? 1 : 0);
    const four = make({data: "xor", classes: 4}).points;
    const quadrant = (p: {x1: number; x2: number}) => (p.x2 >= 0 ? (p.x1 >= 0 ? 0 : 1) : p.x1 < 0 ? 2 : 3);
    for (const p of four) expect(p.y).toBe((quadrant(p) + 1) % 4);
    expect(new Set(four.map((p) => p.y)).size).toBe(4);
  });

  it("Gaussian and spiral: as many classes as asked, evenly shared", () => {
    for (const data of ["gauss", "spiral", "circle"] as const) {
      const {points, classes} = make({data, classes: 3});
      expect(classes).toBe(3);
      const counts = [0, 1, 2].map((c) => points.filter((p) => p.y === c).length);
      expect(counts.reduce((a, b) => a + b)).toBe(500);
      for (const n of counts) expect(n).toBeGreaterThanOrEqual(160);
    }
    const gauss = make({data: "gauss"}).points;
    const mean = (c: number, k: "x1" | "x2") => {
      const of = gauss.filter((p) => p.y === c);
      return of.reduce((s, p) => s + p[k], 0) / of.length;
    };
    expect(mean(1, "x1")).toBeCloseTo(2, 0);
    expect(mean(0, "x2")).toBeCloseTo(-2, 0);
  });

  it("noise mislabels points near a boundary", () => {
    const wrong = (noise: number) =>
      make({data: "xor", noise}).points.filter((p) => p.y !== (p.x1 * p.x2 > 0 ? 1 : 0)).length;
    expect(wrong(0)).toBe(0);
    expect(wrong(30)).toBeGreaterThan(20);
  });

  it("regression: the plane's target is (x₁ + x₂)/10 without noise; the bumps stay in [−1, 1]", () => {
    for (const p of make({problem: "regression", data: "plane"}).points)
      expect(p.y).toBeCloseTo((p.x1 + p.x2) / 10, 12);
    const bumps = make({problem: "regression", data: "multiGauss"}).points;
    expect(Math.max(...bumps.map((p) => p.y))).toBeLessThanOrEqual(1);
    expect(Math.min(...bumps.map((p) => p.y))).toBeGreaterThanOrEqual(-1);
    expect(bumps.some((p) => p.y > 0.9) && bumps.some((p) => p.y < -0.9)).toBe(true);
  });

  it("frames a learner's points and writes them as the CSV it reads", () => {
    expect(
      domainAround([
        {x1: 0, x2: 10},
        {x1: 10, x2: 10}
      ])
    ).toEqual([
      [-1, 11],
      [9.4, 10.6]
    ]);
    const data = {...make({}), points: [{x1: 1.5, x2: -2, y: 1, test: false}]};
    expect(dataToCSV(data)).toBe("x1,x2,label\n1.5,-2,1\n");
  });
});
