// Matrices, the way the whole library (and the NumPy code in the lessons) uses them.
//
// Convention: one sample per ROW. A batch X of n samples with d features is an n×d matrix, and a dense layer
// with `units` neurons computes
//
//     Z = A_prev · W + b        A_prev: n×inputs   W: inputs×units   b: 1×units (added to every row)
//
// so W has one row per input and one column per unit, exactly like `np.dot(X, W1) + B1` in NumPy.
//
// Storage: a Matrix is a row-major Float64Array — entry (i, j) lives at data[i * cols + j]. Plain typed arrays
// and plain loops are what make training fast enough to animate; no library sits in the hot path.

import {checkInteger, shape} from "./check.js";
import {matmulInto} from "./products.js";

/** Something that can stand on the right of an elementwise operation: a matrix or a single number. */
export type Operand = Matrix | number;

/** A dense row-major matrix of float64 numbers: `rows`, `cols`, `data`. */
export class Matrix {
  /** Number of rows (one per sample). */
  readonly rows: number;
  /** Number of columns (one per feature or unit). */
  readonly cols: number;
  /** The entries, row after row: (i, j) is data[i * cols + j]. */
  readonly data: Float64Array;

  /** A rows×cols matrix over `data` (row-major, not copied), or filled with zeros when `data` is omitted. */
  constructor(rows: number, cols: number, data?: Float64Array) {
    checkInteger("Matrix", "rows", rows, 0);
    checkInteger("Matrix", "cols", cols, 0);
    if (data && data.length !== rows * cols) {
      throw new Error(`Matrix: ${shape(rows, cols)} needs ${rows * cols} numbers, got ${data.length}`);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data ?? new Float64Array(rows * cols);
  }

  /** A matrix of zeros. */
  static zeros(rows: number, cols: number): Matrix {
    return new Matrix(rows, cols);
  }

  /** A matrix with every entry equal to `value`. */
  static fill(rows: number, cols: number, value: number): Matrix {
    return new Matrix(rows, cols).fill(value);
  }

  /** A matrix from nested arrays, one inner array per row: Matrix.from([[1, 2], [3, 4]]). */
  static from(array: readonly (readonly number[])[]): Matrix {
    if (!Array.isArray(array)) throw new Error("Matrix.from: expected an array of rows, e.g. [[1, 2], [3, 4]]");
    const rows = array.length;
    const cols = rows > 0 ? array[0].length : 0;
    const m = new Matrix(rows, cols);
    for (let i = 0; i < rows; i++) {
      const row = array[i];
      if (!Array.isArray(row) || row.length !== cols) {
        throw new Error(
          `Matrix.from: row ${i} has ${Array.isArray(row) ? row.length : "no"} entries but row 0 has ${cols}; ` +
            "every row must have the same length"
        );
      }
      for (let j = 0; j < cols; j++) {
        if (typeof row[j] !== "number") throw new Error(`Matrix.from: entry (${i}, ${j}) is not a number`);
        m.data[i * cols + j] = row[j];
      }
    }
    return m;
  }

  /** A 1×n matrix (one sample, or a bias row) from a list of numbers. */
  static row(values: readonly number[]): Matrix {
    return Matrix.from([values]);
  }

  /** An n×1 matrix (one target per sample) from a list of numbers. */
  static column(values: readonly number[]): Matrix {
    return Matrix.from(values.map((v) => [v]));
  }

  /** [rows, cols], as NumPy's `.shape`. */
  get shape(): [number, number] {
    return [this.rows, this.cols];
  }

  /** Entry (i, j). */
  get(i: number, j: number): number {
    this.checkIndex("get", i, j);
    return this.data[i * this.cols + j];
  }

  /** Sets entry (i, j) and returns the matrix. */
  set(i: number, j: number, value: number): this {
    this.checkIndex("set", i, j);
    this.data[i * this.cols + j] = value;
    return this;
  }

  /** Sets every entry to `value` and returns the matrix. */
  fill(value: number): this {
    this.data.fill(value);
    return this;
  }

  /** Nested arrays, one per row (the inverse of Matrix.from). */
  toArray(): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < this.rows; i++) out.push(Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols)));
    return out;
  }

  /** Row i as a plain array. */
  row(i: number): number[] {
    this.checkIndex("row", i, 0);
    return Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols));
  }

  /** Column j as a plain array. */
  column(j: number): number[] {
    this.checkIndex("column", 0, j);
    return Array.from({length: this.rows}, (_, i) => this.data[i * this.cols + j]);
  }

  /** An independent copy. */
  clone(): Matrix {
    return new Matrix(this.rows, this.cols, this.data.slice());
  }

  /** Copies `other`'s entries into this matrix (same shape) and returns it. */
  copyFrom(other: Matrix): this {
    sameShape("copyFrom", this, other);
    this.data.set(other.data);
    return this;
  }

  /** The rows at `indices`, in that order (used to cut mini-batches). */
  selectRows(indices: readonly number[]): Matrix {
    const out = new Matrix(indices.length, this.cols);
    indices.forEach((r, i) => {
      this.checkIndex("selectRows", r, 0);
      out.data.set(this.data.subarray(r * this.cols, (r + 1) * this.cols), i * this.cols);
    });
    return out;
  }

  /** The matrix product this · B; the inner sizes must agree. */
  matmul(B: Matrix): Matrix {
    return matmulInto(new Matrix(this.rows, B.cols), this, B);
  }

  /** The transpose: rows become columns. */
  transpose(): Matrix {
    const out = new Matrix(this.cols, this.rows);
    for (let i = 0; i < this.rows; i++) {
      for (let j = 0; j < this.cols; j++) out.data[j * this.rows + i] = this.data[i * this.cols + j];
    }
    return out;
  }

  /** this + B: B may have the same shape, be a 1×cols row (added to every row, like the bias b), a rows×1 column, or a number. */
  add(B: Operand): Matrix {
    return elementwise("add", "+", this, B, (x, y) => x + y);
  }

  /** this − B, broadcasting like add. */
  sub(B: Operand): Matrix {
    return elementwise("sub", "−", this, B, (x, y) => x - y);
  }

  /** Elementwise (Hadamard) product this ⊙ B, broadcasting like add. Not the matrix product: see matmul. */
  mul(B: Operand): Matrix {
    return elementwise("mul", "⊙", this, B, (x, y) => x * y);
  }

  /** Elementwise division this ⊘ B, broadcasting like add. */
  div(B: Operand): Matrix {
    return elementwise("div", "⊘", this, B, (x, y) => x / y);
  }

  /** Every entry times the number s. */
  scale(s: number): Matrix {
    return this.map((x) => x * s);
  }

  /** A new matrix with f applied to every entry (f also receives the row and column). */
  map(f: (x: number, i: number, j: number) => number): Matrix {
    const out = new Matrix(this.rows, this.cols);
    for (let i = 0; i < this.rows; i++) {
      for (let j = 0; j < this.cols; j++) out.data[i * this.cols + j] = f(this.data[i * this.cols + j], i, j);
    }
    return out;
  }

  /** Sum of all entries; with axis 0 the 1×cols column sums (like NumPy), with axis 1 the rows×1 row sums. */
  sum(): number;
  sum(axis: 0 | 1): Matrix;
  sum(axis?: 0 | 1): number | Matrix {
    if (axis === undefined) return this.data.reduce((s, x) => s + x, 0);
    if (axis !== 0 && axis !== 1)
      throw new Error(`sum: axis must be 0 (down the columns) or 1 (along the rows), got ${axis}`);
    const out = axis === 0 ? new Matrix(1, this.cols) : new Matrix(this.rows, 1);
    for (let i = 0; i < this.rows; i++) {
      for (let j = 0; j < this.cols; j++) out.data[axis === 0 ? j : i] += this.data[i * this.cols + j];
    }
    return out;
  }

  /** Mean of all entries; with an axis, the means along it (see sum). */
  mean(): number;
  mean(axis: 0 | 1): Matrix;
  mean(axis?: 0 | 1): number | Matrix {
    if (axis === undefined) return this.sum() / this.data.length;
    return this.sum(axis).scale(1 / (axis === 0 ? this.rows : this.cols));
  }

  /** For each row, the column of its largest entry (the predicted class); ties go to the first. */
  argmaxRows(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.rows; i++) {
      let best = 0;
      for (let j = 1; j < this.cols; j++) if (this.data[i * this.cols + j] > this.data[i * this.cols + best]) best = j;
      out.push(best);
    }
    return out;
  }

  /** The matrix as aligned text, e.g. for a lesson's printout. */
  toString(digits = 4): string {
    const cells = this.toArray().map((row) => row.map((x) => x.toFixed(digits)));
    const width = Math.max(0, ...cells.flat().map((s) => s.length));
    return cells.map((row) => `[${row.map((s) => s.padStart(width)).join(" ")}]`).join("\n");
  }

  private checkIndex(where: string, i: number, j: number): void {
    if (!Number.isInteger(i) || !Number.isInteger(j) || i < 0 || j < 0 || i >= this.rows || j >= this.cols) {
      throw new Error(`${where}: index (${i}, ${j}) is outside a ${shape(this.rows, this.cols)} matrix`);
    }
  }
}

/** X as a Matrix: a Matrix is returned as it is, nested arrays (one per row) are converted. */
export function toMatrix(X: Matrix | readonly (readonly number[])[]): Matrix {
  return X instanceof Matrix ? X : Matrix.from(X);
}

/** Throws unless A and B have the same shape. */
export function sameShape(where: string, A: Matrix, B: Matrix): void {
  if (A.rows !== B.rows || A.cols !== B.cols) {
    throw new Error(`${where}: shapes ${shape(A.rows, A.cols)} and ${shape(B.rows, B.cols)} differ`);
  }
}

// One loop for add/sub/mul/div: B is matched to A's shape by repeating a row, a column or a number.
function elementwise(name: string, symbol: string, A: Matrix, B: Operand, f: (x: number, y: number) => number): Matrix {
  if (typeof B === "number") return A.map((x) => f(x, B));
  if (!(B instanceof Matrix)) throw new Error(`${name}: expected a Matrix or a number on the right`);
  const sameRows = B.rows === A.rows;
  const sameCols = B.cols === A.cols;
  if (!((sameRows || B.rows === 1) && (sameCols || B.cols === 1))) {
    throw new Error(
      `${name}: (${shape(A.rows, A.cols)}) ${symbol} (${shape(B.rows, B.cols)}) — shapes differ; the right side must be ` +
        `${shape(A.rows, A.cols)}, a 1×${A.cols} row, a ${A.rows}×1 column or a number`
    );
  }
  return A.map((x, i, j) => f(x, B.data[(sameRows ? i : 0) * B.cols + (sameCols ? j : 0)]));
}
