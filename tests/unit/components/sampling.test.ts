import * as d3 from "d3";
import {describe, expect, it} from "vitest";
import {
  autoDomain,
  contourLevels,
  gradientField,
  linspace,
  numericalGradient,
  sampleFunction,
  sampleGrid
} from "../../../src/components/sampling.js";

describe("sampling", () => {
  it("samples evenly and turns non-finite values into gaps", () => {
    expect(linspace(0, 1, 4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    const s = sampleFunction((x) => 1 / x, [-1, 1], 4);
    expect(s.map((p) => p.x)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(s[2].y).toBeNaN();
    expect(s[3].y).toBe(2);
  });

  it("breaks the line at a jump so a step is not drawn as a steep ramp", () => {
    const step = (x: number) => (x > 0 ? 1 : 0);
    const s = sampleFunction(step, [-1, 1], 3, [0]);
    const gap = s.findIndex((p) => Number.isNaN(p.y));
    expect(gap).toBeGreaterThan(0);
    expect(s[gap - 1].y).toBe(0);
    expect(s[gap + 1].y).toBe(1);
    expect(s[gap].x).toBe(0);
  });

  it("fits a y-range, trimming runaway tails and padding", () => {
    expect(autoDomain([0, 1])).toEqual([-0.08, 1.08]);
    expect(autoDomain([3, 3])).toEqual([2, 4]);
    expect(autoDomain([Number.NaN])).toEqual([-1, 1]);
    const tails = [...Array.from({length: 100}, (_, i) => i / 100), 1e9];
    expect(autoDomain(tails)[1]).toBeLessThan(2);
  });

  it("samples a grid row by row with x0 varying fastest (the d3.contours layout)", () => {
    const v = sampleGrid(
      (a, b) => a + 10 * b,
      [
        [0, 2],
        [0, 2]
      ],
      2,
      2
    );
    expect(Array.from(v)).toEqual([0.5 + 5, 1.5 + 5, 0.5 + 15, 1.5 + 15]);
  });

  it("picks increasing contour levels that d3.contours turns into rings around the minimum of a bowl", () => {
    const n = 40;
    const values = sampleGrid(
      (a, b) => a * a + b * b,
      [
        [-5, 5],
        [-5, 5]
      ],
      n,
      n
    );
    const levels = contourLevels(values, 8);
    expect(levels.length).toBe(8);
    for (let i = 1; i < levels.length; i++) expect(levels[i]).toBeGreaterThan(levels[i - 1]);
    const rings = d3.contours().size([n, n]).thresholds(levels)(Array.from(values));
    expect(rings.length).toBe(8);
    expect(rings[0].coordinates.length).toBeGreaterThan(0);
    // The lowest ring is centred on the grid centre (the minimum at (0, 0)).
    const ring = rings[0].coordinates[0][0];
    const cx = d3.mean(ring, (p) => p[0]) as number;
    expect(cx).toBeCloseTo(n / 2, 0);
  });

  it("samples the gradient field of x0² + x1²: at (3, 4) the gradient is (6, 8)", () => {
    const grad = (a: number, b: number): [number, number] => [2 * a, 2 * b];
    const arrows = gradientField(
      grad,
      [
        [2, 4],
        [3, 5]
      ],
      1
    );
    expect(arrows).toEqual([{x0: 3, x1: 4, g0: 6, g1: 8, magnitude: 10}]);
    const numeric = numericalGradient((a, b) => a * a + b * b)(3, 4);
    expect(numeric[0]).toBeCloseTo(6, 6);
    expect(numeric[1]).toBeCloseTo(8, 6);
    // Every arrow of −∇f points towards the minimum at the origin.
    for (const a of gradientField(
      grad,
      [
        [-5, 5],
        [-5, 5]
      ],
      6
    ))
      expect(-a.g0 * a.x0 - a.g1 * a.x1).toBeLessThan(0);
  });
});
