import {describe, expect, it} from "vitest";
import {descend1d, descend2d} from "../../../src/components/descent.js";

const df = (x: number) => 2 * x; // f = x²

describe("gradient descent runs", () => {
  it("converges on x² with a small learning rate", () => {
    const run = descend1d(df, 4, 0.1, 50);
    expect(run.diverged).toBe(false);
    expect(run.xs.length).toBe(51);
    expect(run.xs[1]).toBeCloseTo(3.2, 12);
    expect(Math.abs(run.xs[50])).toBeLessThan(1e-3);
  });

  it("overshoots but still converges for 0.5 < η < 1 (signs alternate)", () => {
    const run = descend1d(df, 4, 0.9, 10);
    expect(run.diverged).toBe(false);
    expect(run.xs[1]).toBeCloseTo(-3.2, 12);
    expect(Math.sign(run.xs[1])).not.toBe(Math.sign(run.xs[2]));
  });

  it("reports divergence with a message instead of returning Infinity", () => {
    const run = descend1d(df, 4, 1.5, 200);
    expect(run.diverged).toBe(true);
    expect(run.message).toMatch(/^Diverged at step \d+/);
    expect(run.message).toContain("smaller learning rate than 1.5");
    expect(run.xs.every(Number.isFinite)).toBe(true);
    expect(Math.abs(run.xs[run.xs.length - 1])).toBeLessThanOrEqual(1e6);
  });

  it("runs gradient descent, momentum and Adam in 2-D towards the minimum of x0² + x1²", () => {
    const grad = (a: number, b: number): [number, number] => [2 * a, 2 * b];
    const gd = descend2d(grad, [3, 4], "gd", {learningRate: 0.1, steps: 1});
    expect(gd.points[1][0]).toBeCloseTo(3 - 0.1 * 6, 12);
    expect(gd.points[1][1]).toBeCloseTo(4 - 0.1 * 8, 12);
    for (const o of ["gd", "momentum", "adam"] as const) {
      const run = descend2d(grad, [3, 4], o, {learningRate: o === "adam" ? 0.3 : 0.05, steps: 200});
      const end = run.points[run.points.length - 1];
      expect(run.diverged).toBe(false);
      expect(Math.hypot(end[0], end[1])).toBeLessThan(0.1);
    }
    // Adam's first step moves each coordinate by about η, whatever the gradient's size.
    const adam = descend2d(grad, [3, 4], "adam", {learningRate: 0.1, steps: 1});
    expect(adam.points[1][0]).toBeCloseTo(2.9, 6);
    expect(adam.points[1][1]).toBeCloseTo(3.9, 6);
  });

  it("stops 2-D runs that blow up", () => {
    const run = descend2d((a, b) => [2 * a, 2 * b], [3, 4], "gd", {learningRate: 1.2, steps: 500});
    expect(run.diverged).toBe(true);
    expect(run.message).toContain("Gradient descent diverged");
  });
});
