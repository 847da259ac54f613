// The matrix products a dense network needs, written as plain loops into a preallocated `out`.
//
// Training spends almost all its time here, so the loop order matters. Memory is row-major, so walking along a
// row is fast and jumping down a column is slow. Every product below keeps its innermost loop walking along
// rows (the "i-k-j" order):
//
//   forward        Z  = A_prev · W     row i of Z  += A_prev[i, k] · row k of W
//   weight grads   dW = A_prevᵀ · dZ   row k of dW += A_prev[i, k] · row i of dZ
//   input grads    dA = dZ · Wᵀ        row i of dA += dZ[i, j] · row j of Wᵀ   (W is small: transpose it first)

import {shape} from "./check.js";
import type {Matrix} from "./matrix.js";

function mismatch(name: string, A: Matrix, op: string, B: Matrix, a: number, b: number): Error {
  return new Error(
    `${name}: (${shape(A.rows, A.cols)})${op}(${shape(B.rows, B.cols)}) — inner sizes ${a} and ${b} differ`
  );
}

function checkOut(name: string, out: Matrix, rows: number, cols: number): void {
  if (out.rows !== rows || out.cols !== cols) {
    throw new Error(`${name}: the result is ${shape(rows, cols)} but out is ${shape(out.rows, out.cols)}`);
  }
}

/** out = A · B, returned. */
export function matmulInto(out: Matrix, A: Matrix, B: Matrix): Matrix {
  if (A.cols !== B.rows) throw mismatch("matmul", A, "·", B, A.cols, B.rows);
  checkOut("matmul", out, A.rows, B.cols);
  zero(out);
  accumulateProduct(out, A, B, false);
  return out;
}

/** Z = A · W + b, returned: each row of Z starts as the bias row b, then gains A·W. */
export function affineInto(Z: Matrix, A: Matrix, W: Matrix, b: Matrix): Matrix {
  if (A.cols !== W.rows) throw mismatch("A·W + b", A, "·", W, A.cols, W.rows);
  if (b.rows !== 1 || b.cols !== W.cols) {
    throw new Error(`A·W + b: b is ${shape(b.rows, b.cols)} but must be a 1×${W.cols} row, one entry per unit`);
  }
  checkOut("A·W + b", Z, A.rows, W.cols);
  const {rows, cols, data: z} = Z;
  const bias = b.data;
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) z[i * cols + j] = bias[j];
  accumulateProduct(Z, A, W, false);
  return Z;
}

/** out = Aᵀ · B, returned (A: n×m, B: n×p, out: m×p) — the weight gradient dW = A_prevᵀ · dZ. */
export function matmulTransposeAInto(out: Matrix, A: Matrix, B: Matrix): Matrix {
  if (A.rows !== B.rows) throw mismatch("matmul Aᵀ·B", A, "ᵀ·", B, A.rows, B.rows);
  checkOut("matmul Aᵀ·B", out, A.cols, B.cols);
  zero(out);
  accumulateProduct(out, A, B, true);
  return out;
}

/**
 * out = A · Bᵀ, returned (A: n×p, B: m×p, out: n×m) — the gradient passed back, dA_prev = dZ · Wᵀ.
 * B is small (a weight matrix), so we transpose it into the p×m matrix `BT` (a buffer kept for reuse) and run
 * the row-walking product, rather than taking n·m dot products whose sums each wait on the previous addition.
 */
export function matmulTransposeBInto(out: Matrix, A: Matrix, B: Matrix, BT: Matrix): Matrix {
  if (A.cols !== B.cols) throw mismatch("matmul A·Bᵀ", A, "·ᵀ", B, A.cols, B.cols);
  checkOut("matmul A·Bᵀ", out, A.rows, B.rows);
  checkOut("matmul A·Bᵀ (the buffer for Bᵀ)", BT, B.cols, B.rows);
  const {rows: m, cols: p} = B;
  for (let k = 0; k < m; k++) for (let j = 0; j < p; j++) BT.data[j * m + k] = B.data[k * p + j];
  zero(out);
  accumulateProduct(out, A, BT, false);
  return out;
}

/** out = the column sums of A (1×cols), returned — the bias gradient db = Σ over samples of dZ. */
export function columnSumsInto(out: Matrix, A: Matrix): Matrix {
  checkOut("column sums", out, 1, A.cols);
  const {rows: n, cols: p, data: a} = A;
  const o = out.data;
  zero(out);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) o[j] += a[i * p + j];
  return out;
}

// Sets every entry to 0 (a plain loop: for the tiny matrices of a toy network, calling fill() costs more).
function zero(M: Matrix): void {
  for (let k = 0; k < M.data.length; k++) M.data[k] = 0;
}

// The loop all products share: out += A · B, or out += Aᵀ · B when transposeA is set. Each entry s = A[i, k]
// adds s times a row of B to a row of out, so every loop walks along rows:
//   A · B    row i of out += s · row k of B
//   Aᵀ · B   row k of out += s · row i of B
// The innermost loop does four entries per step, which spends fewer steps on loop bookkeeping (about 1.5× faster
// for rows of 16 or more); a plain loop finishes the last few entries.
function accumulateProduct(out: Matrix, A: Matrix, B: Matrix, transposeA: boolean): void {
  const {rows: n, cols: m, data: a} = A;
  const {cols: p, data: b} = B;
  const o = out.data;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < m; k++) {
      const s = a[i * m + k];
      if (s === 0) continue; // ReLU outputs are often exactly 0, and 0 · a row adds nothing: skip it
      const oi = (transposeA ? k : i) * p;
      const bi = (transposeA ? i : k) * p;
      let j = 0;
      for (; j + 3 < p; j += 4) {
        o[oi + j] += s * b[bi + j];
        o[oi + j + 1] += s * b[bi + j + 1];
        o[oi + j + 2] += s * b[bi + j + 2];
        o[oi + j + 3] += s * b[bi + j + 3];
      }
      for (; j < p; j++) o[oi + j] += s * b[bi + j];
    }
  }
}
