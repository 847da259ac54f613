// Input checks shared by the components: each throws an Error whose message says what was expected and what came.

/** A matrix as the network library stores it (row-major), or anything shaped like it. */
export interface MatrixLike {
  rows: number;
  cols: number;
  data: ArrayLike<number>;
}

export type MatrixInput = MatrixLike | readonly (readonly number[])[];

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  return typeof value;
}

export function isMatrixLike(value: unknown): value is MatrixLike {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as MatrixLike).rows === "number" &&
    typeof (value as MatrixLike).cols === "number" &&
    typeof (value as MatrixLike).data === "object"
  );
}

/** Converts a Matrix-like or number[][] to number[][], checking it is rectangular and finite. */
export function toRows(value: unknown, name = "matrix"): number[][] {
  if (isMatrixLike(value)) {
    const {rows, cols, data} = value;
    if (data.length !== rows * cols)
      throw new Error(
        `${name}: rows × cols = ${rows} × ${cols} needs ${rows * cols} numbers, data has ${data.length}.`
      );
    return Array.from({length: rows}, (_, i) => Array.from({length: cols}, (_, j) => data[i * cols + j]));
  }
  if (!Array.isArray(value) || value.length === 0)
    throw new Error(`${name}: expected a Matrix or a non-empty number[][], got ${describe(value)}.`);
  const rows = value.map((row, i) => {
    if (!Array.isArray(row)) throw new Error(`${name}: row ${i} is ${describe(row)}, expected an array of numbers.`);
    return row;
  });
  const cols = rows[0].length;
  rows.forEach((row, i) => {
    if (row.length !== cols)
      throw new Error(
        `${name}: row ${i} has ${row.length} entries but row 0 has ${cols}; every row needs the same length.`
      );
    row.forEach((v, j) => {
      if (typeof v !== "number" || Number.isNaN(v))
        throw new Error(`${name}: entry [${i}][${j}] is ${describe(v)}, expected a number.`);
    });
  });
  return rows.map((row) => [...row]);
}

export function assertFiniteNumber(value: unknown, name: string): number {
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new Error(`${name} must be a finite number, got ${describe(value)}.`);
  return value;
}

export function assertPositive(value: unknown, name: string): number {
  const v = assertFiniteNumber(value, name);
  if (v <= 0) throw new Error(`${name} must be greater than 0, got ${v}.`);
  return v;
}

export function assertInteger(value: unknown, name: string, min = 0): number {
  const v = assertFiniteNumber(value, name);
  if (!Number.isInteger(v) || v < min) throw new Error(`${name} must be a whole number ≥ ${min}, got ${v}.`);
  return v;
}

/** A [min, max] pair with min < max. */
export function assertDomain(value: unknown, name: string): [number, number] {
  if (!Array.isArray(value) || value.length !== 2)
    throw new Error(`${name} must be a [min, max] pair, got ${describe(value)}.`);
  const [a, b] = [assertFiniteNumber(value[0], `${name}[0]`), assertFiniteNumber(value[1], `${name}[1]`)];
  if (!(a < b)) throw new Error(`${name} must have min < max, got [${a}, ${b}].`);
  return [a, b];
}

/** Checks a point list of 2-feature samples: [[x0, x1], …]. */
export function assertPoints2d(value: unknown, name = "points"): [number, number][] {
  const rows = toRows(value, name);
  if (rows[0].length !== 2)
    throw new Error(`${name}: the decision map draws 2 features, but each sample here has ${rows[0].length}.`);
  return rows.map((r) => [r[0], r[1]]);
}
