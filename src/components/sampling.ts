// Pure sampling helpers: a function of x on a domain, a function of two variables on a grid,
// the gradient field as arrows, and domains padded for plotting.

/** n + 1 evenly spaced points from a to b. */
export function linspace(a: number, b: number, n: number): number[] {
  if (n < 1) return [a];
  return Array.from({length: n + 1}, (_, i) => a + ((b - a) * i) / n);
}

export interface Sample {
  x: number;
  y: number;
}

/**
 * Samples f on [a, b] at n + 1 points. Non-finite values become NaN (gaps), and each x in `breaks`
 * inserts a gap so a jump (step, sign) is not drawn as a steep line.
 */
export function sampleFunction(
  f: (x: number) => number,
  [a, b]: [number, number],
  n = 400,
  breaks: number[] = []
): Sample[] {
  const xs = linspace(a, b, n);
  const out: Sample[] = [];
  const gaps = breaks.filter((x) => x > a && x < b).sort((p, q) => p - q);
  let g = 0;
  for (const x of xs) {
    while (g < gaps.length && gaps[g] < x) {
      const e = (b - a) * 1e-9;
      out.push(
        {x: gaps[g] - e, y: safe(f, gaps[g] - e)},
        {x: gaps[g], y: Number.NaN},
        {x: gaps[g] + e, y: safe(f, gaps[g] + e)}
      );
      g++;
    }
    out.push({x, y: safe(f, x)});
  }
  return out;
}

function safe(f: (x: number) => number, x: number): number {
  try {
    const y = f(x);
    return Number.isFinite(y) ? y : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * A y-range that shows the curves: the extent of the finite values, trimmed to the 2nd–98th percentile when
 * the tails run away (1/x, exp), padded by 8 %, and never degenerate (a constant gets ±1).
 */
export function autoDomain(values: number[], pad = 0.08): [number, number] {
  const finite = values.filter(Number.isFinite).sort((p, q) => p - q);
  if (finite.length === 0) return [-1, 1];
  let lo = finite[0];
  let hi = finite[finite.length - 1];
  const q = (p: number) => finite[Math.min(finite.length - 1, Math.floor(p * (finite.length - 1)))];
  const core = q(0.98) - q(0.02);
  if (core > 0 && hi - lo > 20 * core) {
    lo = q(0.02);
    hi = q(0.98);
  }
  if (hi - lo < 1e-9) return [lo - 1, hi + 1];
  const p = (hi - lo) * pad;
  return [lo - p, hi + p];
}

/** Values of f on an nx × ny grid over the domain, row-major with y increasing by row (d3.contours layout). */
export function sampleGrid(
  f: (x0: number, x1: number) => number,
  [[x0a, x0b], [x1a, x1b]]: [[number, number], [number, number]],
  nx: number,
  ny: number
): Float64Array {
  const values = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    const x1 = x1a + ((x1b - x1a) * (j + 0.5)) / ny;
    for (let i = 0; i < nx; i++) {
      const x0 = x0a + ((x0b - x0a) * (i + 0.5)) / nx;
      const v = f(x0, x1);
      values[j * nx + i] = Number.isFinite(v) ? v : Number.NaN;
    }
  }
  return values;
}

/** Contour levels for a grid: quantiles of the finite values, so a bowl gets rings at every height. */
export function contourLevels(values: ArrayLike<number>, count = 12): number[] {
  const finite = Array.from(values)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (finite.length === 0) return [];
  const levels = new Set<number>();
  for (let k = 1; k <= count; k++) {
    const t = k / (count + 1);
    levels.add(finite[Math.floor(t * t * (finite.length - 1))]);
  }
  return [...levels].sort((a, b) => a - b);
}

export interface Arrow {
  x0: number;
  x1: number;
  /** The gradient at (x0, x1). */
  g0: number;
  g1: number;
  /** Its length. */
  magnitude: number;
}

/** The gradient at an n × n lattice of points (cell centres), for the arrow field. */
export function gradientField(
  grad: (x0: number, x1: number) => [number, number],
  [[x0a, x0b], [x1a, x1b]]: [[number, number], [number, number]],
  nx: number,
  ny: number = nx
): Arrow[] {
  const arrows: Arrow[] = [];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const x0 = x0a + ((x0b - x0a) * (i + 0.5)) / nx;
      const x1 = x1a + ((x1b - x1a) * (j + 0.5)) / ny;
      const [g0, g1] = grad(x0, x1);
      if (Number.isFinite(g0) && Number.isFinite(g1)) arrows.push({x0, x1, g0, g1, magnitude: Math.hypot(g0, g1)});
    }
  }
  return arrows;
}

/** Numerical gradient by central differences (used when no analytic gradient is given). */
export function numericalGradient(f: (x0: number, x1: number) => number, h = 1e-5) {
  return (x0: number, x1: number): [number, number] => [
    (f(x0 + h, x1) - f(x0 - h, x1)) / (2 * h),
    (f(x0, x1 + h) - f(x0, x1 - h)) / (2 * h)
  ];
}
