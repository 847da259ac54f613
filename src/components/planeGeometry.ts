// Geometry of one neuron's decision line in the plane of its two inputs: where z = w₁x₁ + w₂x₂ + b = 0 cuts a
// square, which part of the square has z > 0, the line written as an equation, and the weight arrow (w₁, w₂),
// which is perpendicular to the line. Pure maths, so it can be unit-tested in Node.
import {words} from "./words.js";

export type Point = [number, number];

/** The two weights and the bias of a neuron with two inputs. */
export interface LineWeights {
  w1: number;
  w2: number;
  b: number;
}

/** z = w₁x₁ + w₂x₂ + b at a point. */
export const weightedSum = (w: LineWeights, [x1, x2]: readonly number[]): number => w.w1 * x1 + w.w2 * x2 + w.b;

/** The class the step neuron gives a point: 1 where z > 0, else 0 (the library's step: step(0) = 0). */
export const stepClass = (w: LineWeights, x: readonly number[]): number => (weightedSum(w, x) > 0 ? 1 : 0);

/**
 * The square [lo, hi]² cut by the line z = 0: the polygon where z > 0 (`one`), the polygon where z ≤ 0 (`zero`), and
 * the line's two ends on the square's border (`ends` is empty when the line misses the square).
 */
export function cutSquare(
  w: LineWeights,
  [lo, hi]: readonly [number, number]
): {one: Point[]; zero: Point[]; ends: Point[]} {
  const corners: Point[] = [
    [lo, lo],
    [hi, lo],
    [hi, hi],
    [lo, hi]
  ];
  const one: Point[] = [];
  const zero: Point[] = [];
  const ends: Point[] = [];
  const add = (list: Point[], p: Point) => {
    const last = list[list.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) list.push(p);
  };
  corners.forEach((p, i) => {
    const q = corners[(i + 1) % 4];
    const zp = weightedSum(w, p);
    const zq = weightedSum(w, q);
    add(zp > 0 ? one : zero, p);
    const t = zp / (zp - zq);
    if (zp > 0 !== zq > 0 && t >= 0 && t <= 1) {
      const cross: Point = [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
      add(one, cross);
      add(zero, cross);
      if (!ends.some((e) => Math.abs(e[0] - cross[0]) + Math.abs(e[1] - cross[1]) < 1e-12)) ends.push(cross);
    }
  });
  return {one, zero, ends: ends.length === 2 ? ends : []};
}

/** A number with `digits` decimals, and "-0.000" written as "0.000". */
function fixed(v: number, digits: number): string {
  const s = v.toFixed(digits);
  return Number(s) === 0 ? (0).toFixed(digits) : s;
}

/**
 * The line z = 0 solved for x₂ ("x₂ = -1.000·x₁ + 1.333"), or for x₁ when w₂ = 0 (a vertical line, "x₁ = 0.500"), or
 * a sentence when both weights are 0 and there is no line.
 */
export function lineEquation(w: LineWeights, digits = 3): string {
  const signed = (v: number) => (Number(fixed(v, digits)) < 0 ? `- ${fixed(-v, digits)}` : `+ ${fixed(v, digits)}`);
  if (w.w2 !== 0) return `x₂ = ${fixed(-w.w1 / w.w2, digits)}·x₁ ${signed(-w.b / w.w2)}`;
  if (w.w1 !== 0) return words("line.vertical", {equation: `x₁ = ${fixed(-w.b / w.w1, digits)}`});
  return words("line.none");
}

/**
 * The arrow (w₁, w₂), drawn from the point of the line closest to the square's centre, `length` long (in input units).
 * It is perpendicular to the line and points to the side where z > 0. Null when there is no line or it misses the square.
 */
export function weightArrow(
  w: LineWeights,
  [lo, hi]: readonly [number, number],
  length = (hi - lo) / 4
): {from: Point; to: Point} | null {
  const norm = Math.hypot(w.w1, w.w2);
  if (!(norm > 0) || !Number.isFinite(norm)) return null;
  const centre: Point = [(lo + hi) / 2, (lo + hi) / 2];
  const [u1, u2] = [w.w1 / norm, w.w2 / norm];
  // Distance from the centre to the line along the unit normal, then step back onto the line.
  const distance = weightedSum(w, centre) / norm;
  const from: Point = [centre[0] - distance * u1, centre[1] - distance * u2];
  const inside = (v: number) => v >= lo && v <= hi;
  if (!inside(from[0]) || !inside(from[1])) return null;
  return {from, to: [from[0] + length * u1, from[1] + length * u2]};
}

/** How many of the points the step neuron puts in the wrong class. */
export function countMisclassified(w: LineWeights, X: readonly (readonly number[])[], y: readonly number[]): number {
  return X.reduce((count, x, i) => count + (stepClass(w, x) === y[i] ? 0 : 1), 0);
}
