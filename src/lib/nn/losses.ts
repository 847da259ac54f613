// Loss functions: one number saying how wrong the network's outputs are, averaged over the samples of a batch.
// Y holds the targets in the same shape as the output (one row per sample; one-hot rows for classes).
//
//   "mse"                 ½ · mean over samples of Σ_j (a_j − y_j)²  (the ½ cancels the 2 of the derivative;
//                         with one output this equals scikit-learn's squared loss)
//   "binaryCrossEntropy"  −mean of Σ_j [y_j log a_j + (1 − y_j) log(1 − a_j)]   (sigmoid outputs)
//   "crossEntropy"        −mean of Σ_j y_j log a_j   (softmax outputs; with one-hot Y, just −log of the
//                         probability given to the true class: −log 0.6 ≈ 0.51, −log 0.1 ≈ 2.30)
//
// With `fromLogits` the output is the raw scores Z (last activation "identity") and the loss applies softmax or
// sigmoid itself, in a form that never takes the log of 0: log Σ e^z is computed as max + log Σ e^(z − max).

import {checkName, shape} from "./check.js";
import {Matrix} from "./matrix.js";

/** Names of the built-in losses. */
export const lossNames = ["mse", "binaryCrossEntropy", "crossEntropy"] as const;

/** One of "mse", "binaryCrossEntropy", "crossEntropy". */
export type LossName = (typeof lossNames)[number];

/** fromLogits: the outputs are raw scores Z, not probabilities (the loss applies softmax/sigmoid stably). */
export interface LossOptions {
  fromLogits?: boolean;
}

/** What the network may be given as targets: a matrix like its output, or one number (or class label) per sample. */
export type Targets = Matrix | readonly number[];

// Probabilities are kept in [EPS, 1 − EPS] before a log: log 0 = −∞ would make one confident mistake infinite.
const EPS = 1e-15;
const clip = (p: number): number => Math.min(Math.max(p, EPS), 1 - EPS);

/** The loss named `name`; an unknown name throws a message listing the valid ones. */
export function checkLoss(name: unknown): LossName {
  return checkName("loss", "loss", name, lossNames);
}

/** The loss of `output` against targets Y (same shape), as a mean over the rows. */
export function lossValue(name: LossName, output: Matrix, Y: Matrix, options: LossOptions = {}): number {
  checkLoss(name);
  if (output.rows !== Y.rows || output.cols !== Y.cols) {
    throw new Error(`loss: outputs are ${shape(output.rows, output.cols)} but targets are ${shape(Y.rows, Y.cols)}`);
  }
  if (output.rows === 0) throw new Error("loss: the batch is empty; pass at least one sample");
  if (name === "mse" && options.fromLogits) {
    throw new Error('loss: fromLogits only applies to "crossEntropy" and "binaryCrossEntropy"');
  }
  return meanLoss(name, output, Y, options.fromLogits ?? false);
}

/** lossValue without the argument checks, for the training loop (which checked everything once, up front). */
export function meanLoss(name: LossName, output: Matrix, Y: Matrix, fromLogits: boolean): number {
  const a = output.data;
  const y = Y.data;
  const n = output.rows;
  const k = output.cols;
  let total = 0;
  if (name === "mse") {
    for (let i = 0; i < a.length; i++) total += (a[i] - y[i]) ** 2;
    return total / (2 * n);
  }
  if (name === "binaryCrossEntropy") {
    for (let i = 0; i < a.length; i++) {
      if (fromLogits) {
        // −[y log σ(z) + (1−y) log(1−σ(z))] rewritten so that exp never overflows.
        const z = a[i];
        total += Math.max(z, 0) - z * y[i] + Math.log1p(Math.exp(-Math.abs(z)));
      } else {
        const p = clip(a[i]);
        total -= y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p);
      }
    }
    return total / n;
  }
  for (let r = 0; r < n; r++) {
    const start = r * k;
    if (fromLogits) {
      // −Σ y_j log softmax(z)_j = Σ_j y_j · (logΣe^z − z_j)
      let max = Number.NEGATIVE_INFINITY;
      for (let j = start; j < start + k; j++) if (a[j] > max) max = a[j];
      let sum = 0;
      for (let j = start; j < start + k; j++) sum += Math.exp(a[j] - max);
      const logSumExp = max + Math.log(sum);
      for (let j = start; j < start + k; j++) if (y[j] !== 0) total += y[j] * (logSumExp - a[j]);
    } else {
      for (let j = start; j < start + k; j++) if (y[j] !== 0) total -= y[j] * Math.log(clip(a[j]));
    }
  }
  return total / n;
}

/**
 * dL/dA for probability outputs A, written into dA (mean over the batch, so each row carries a 1/n):
 *   mse                 (a − y) / n                 (the ½ of the loss cancels the 2 of the square)
 *   binaryCrossEntropy  (a − y) / (a(1 − a)) / n
 *   crossEntropy        −y / a / n
 * For softmax with crossEntropy and sigmoid with binaryCrossEntropy, backprop.ts skips this and the activation's
 * derivative: the two combine into the shorter dZ = (A − Y) / n.
 */
export function lossGradientInto(name: LossName, A: Matrix, Y: Matrix, dA: Matrix): Matrix {
  const a = A.data;
  const y = Y.data;
  const d = dA.data;
  const n = A.rows;
  for (let i = 0; i < a.length; i++) {
    if (name === "mse") d[i] = (a[i] - y[i]) / n;
    else if (name === "binaryCrossEntropy") {
      const p = clip(a[i]);
      d[i] = (p - y[i]) / (p * (1 - p) * n);
    } else d[i] = -y[i] / (clip(a[i]) * n);
  }
  return dA;
}

/** Targets as a matrix shaped like the output (rows × units): class labels become one-hot rows; values are checked. */
export function targetMatrix(where: string, name: LossName, Y: Targets, rows: number, units: number): Matrix {
  let T: Matrix;
  if (Y instanceof Matrix) {
    const labels = name === "crossEntropy" && units > 1 && Y.cols === 1;
    T = labels ? oneHot(Y.data, units, where) : Y;
  } else if (Array.isArray(Y) || ArrayBuffer.isView(Y)) {
    T = units === 1 ? new Matrix(Y.length, 1, Float64Array.from(Y)) : oneHot(Y, units, where);
  } else {
    throw new Error(`${where}: targets must be a Matrix or an array of numbers`);
  }
  if (T.rows !== rows || T.cols !== units) {
    throw new Error(
      `${where}: targets are ${shape(T.rows, T.cols)} but the network outputs ${shape(rows, units)}; ` +
        "give one target row per sample and one column per output unit"
    );
  }
  for (let k = 0; k < T.data.length; k++) {
    const t = T.data[k];
    const row = Math.floor(k / units);
    if (!Number.isFinite(t)) throw new Error(`${where}: target at row ${row} is ${t}; every target must be a number`);
    if (name !== "mse" && (t < 0 || t > 1)) {
      throw new Error(
        `${where}: target ${t} at row ${row} is not a probability; ${name} needs targets between 0 and 1`
      );
    }
  }
  return T;
}

/** One-hot rows: label c among k classes becomes a row of k zeros with a 1 in column c. */
export function oneHot(labels: ArrayLike<number>, k: number, where = "oneHot"): Matrix {
  const T = new Matrix(labels.length, k);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    if (!Number.isInteger(c) || c < 0 || c >= k) {
      throw new Error(
        `${where}: label ${c} at row ${i} is out of range; with ${k} classes the labels must be whole numbers 0…${k - 1}`
      );
    }
    T.data[i * k + c] = 1;
  }
  return T;
}
