// Compares a learner's value with the expected one and says, in words, how they differ.
// Numbers match within a tolerance; arrays and matrices must have the same shape first; NaN is named.

/** Anything shaped like the network library's Matrix. */
interface MatrixLike {
  rows: number;
  cols: number;
  data: ArrayLike<number>;
}

export interface Tolerance {
  /** Largest accepted |got − expected| (default 1e-9). */
  absolute?: number;
  /** Largest accepted |got − expected| / |expected| (default 1e-9). A number passes if either holds. */
  relative?: number;
}

function isMatrixLike(value: unknown): value is MatrixLike {
  return typeof value === "object" && value !== null && "rows" in value && "cols" in value && "data" in value;
}

/** The shape of a value, as the course writes it: (4×2) for a matrix or nested array, (3) for a flat array. */
export function shapeOf(value: unknown): string | undefined {
  if (isMatrixLike(value)) return `(${value.rows}×${value.cols})`;
  if (Array.isArray(value)) {
    if (value.length > 0 && Array.isArray(value[0])) return `(${value.length}×${(value[0] as unknown[]).length})`;
    return `(${value.length})`;
  }
  return undefined;
}

/** Short, readable rendering of a value for a failure message. */
export function describe(value: unknown): string {
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined) return "undefined";
  if (typeof value === "function") return `a function ${value.name || "(anonymous)"}`;
  if (isMatrixLike(value)) {
    const rows: number[][] = [];
    for (let i = 0; i < Math.min(value.rows, 6); i++)
      rows.push(Array.from({length: value.cols}, (_, j) => value.data[i * value.cols + j]));
    return `Matrix ${shapeOf(value)} ${JSON.stringify(rows)}${value.rows > 6 ? "…" : ""}`;
  }
  const text = JSON.stringify(value, (_key, v) => (typeof v === "number" && Number.isNaN(v) ? "NaN" : v));
  return text === undefined ? String(value) : text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function toRows(value: MatrixLike | unknown[]): unknown[] {
  if (!isMatrixLike(value)) return value;
  return Array.from({length: value.rows}, (_, i) =>
    Array.from({length: value.cols}, (_, j) => value.data[i * value.cols + j])
  );
}

/**
 * Returns undefined when `got` matches `expected`, otherwise a sentence saying where they differ
 * ("at [2]: expected 0.1, got 0.3", "shape (4×1) expected, got (1×4)", "got NaN at [0][1]").
 */
export function difference(got: unknown, expected: unknown, tolerance: Tolerance = {}, at = ""): string | undefined {
  const {absolute = 1e-9, relative = 1e-9} = tolerance;
  const where = at ? ` at ${at}` : "";
  if (typeof expected === "number") {
    if (typeof got !== "number")
      return `expected a number${where}, got ${typeof got === "object" ? describe(got) : typeof got}`;
    if (Number.isNaN(got) && !Number.isNaN(expected)) return `got NaN${where}, expected ${describe(expected)}`;
    if (Number.isNaN(expected)) return Number.isNaN(got) ? undefined : `expected NaN${where}, got ${describe(got)}`;
    if (got === expected) return undefined;
    const error = Math.abs(got - expected);
    if (error <= absolute || error <= relative * Math.abs(expected)) return undefined;
    return `expected ${describe(expected)}${where}, got ${describe(got)} (off by ${error.toPrecision(3)}, tolerance ${absolute})`;
  }
  if (isMatrixLike(expected) || Array.isArray(expected)) {
    if (!isMatrixLike(got) && !Array.isArray(got)) return `expected an array or matrix${where}, got ${describe(got)}`;
    const expectedShape = shapeOf(expected);
    const gotShape = shapeOf(got);
    if (expectedShape !== gotShape) return `expected shape ${expectedShape}${where}, got shape ${gotShape}`;
    const gotRows = toRows(got);
    const expectedRows = toRows(expected);
    for (let i = 0; i < expectedRows.length; i++) {
      const problem = difference(gotRows[i], expectedRows[i], tolerance, `${at}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (typeof expected === "object" && expected !== null) {
    if (typeof got !== "object" || got === null) return `expected an object${where}, got ${describe(got)}`;
    for (const key of Object.keys(expected)) {
      const problem = difference(
        (got as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
        tolerance,
        `${at}.${key}`
      );
      if (problem) return problem;
    }
    return undefined;
  }
  return Object.is(got, expected) ? undefined : `expected ${describe(expected)}${where}, got ${describe(got)}`;
}
