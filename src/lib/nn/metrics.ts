// Accuracy: the share of samples whose predicted class is the true one. It is what we care about, but it cannot
// be the loss: nudging a weight a little rarely flips any prediction, so its slope is 0 almost everywhere and
// gradient descent would have nothing to follow. We train on a smooth loss and report accuracy alongside.

import type {Matrix} from "./matrix.js";

/**
 * How many rows of `output` pick the class marked in Y (same shape). With one column, a row predicts class 1 when
 * its output reaches `threshold` (0.5 for probabilities, 0 for raw scores); with several, the largest column wins.
 */
export function countCorrect(output: Matrix, Y: Matrix, threshold = 0.5): number {
  const {rows, cols} = output;
  const a = output.data;
  const y = Y.data;
  let correct = 0;
  for (let i = 0; i < rows; i++) {
    if (cols === 1) {
      if (a[i] >= threshold === y[i] >= 0.5) correct++;
      continue;
    }
    let best = i * cols;
    for (let j = best + 1; j < (i + 1) * cols; j++) if (a[j] > a[best]) best = j;
    if (y[best] === 1) correct++;
  }
  return correct;
}

/** The fraction of predictions equal to the labels (two equal-length lists). */
export function accuracy<T>(predicted: ArrayLike<T>, labels: ArrayLike<T>): number {
  if (predicted.length !== labels.length) {
    throw new Error(`accuracy: ${predicted.length} predictions but ${labels.length} labels`);
  }
  if (labels.length === 0) throw new Error("accuracy: no samples to score");
  let correct = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) correct++;
  return correct / labels.length;
}

/** Predicted class per row: argmax, or output ≥ threshold for a single column. */
export function predictClasses(output: Matrix, threshold = 0.5): number[] {
  if (output.cols > 1) return output.argmaxRows();
  return Array.from(output.data, (a) => (a >= threshold ? 1 : 0));
}

/**
 * Counts of (true class, predicted class): row c, column p counts the samples of class c predicted as p, so the
 * diagonal holds the right answers and everything else is a mistake, by kind. `k` is the number of classes.
 */
export function confusionMatrix(labels: ArrayLike<number>, predicted: ArrayLike<number>, k: number): number[][] {
  if (predicted.length !== labels.length) {
    throw new Error(`confusionMatrix: ${predicted.length} predictions but ${labels.length} labels`);
  }
  const counts = Array.from({length: k}, () => new Array<number>(k).fill(0));
  for (let i = 0; i < labels.length; i++) {
    const [c, p] = [labels[i], predicted[i]];
    if (!(Number.isInteger(c) && Number.isInteger(p) && c >= 0 && p >= 0 && c < k && p < k)) {
      throw new Error(`confusionMatrix: sample ${i} has class ${c} and prediction ${p}, outside 0 … ${k - 1}`);
    }
    counts[c][p]++;
  }
  return counts;
}
