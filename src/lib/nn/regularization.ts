// Regularisation: a penalty on large weights, added to the loss, so that every gradient step also pulls the weights
// towards 0. Only W is penalised, never b: a bias shifts a unit's output without making the fit any more wiggly.
//
//   L2 ("weight decay")  penalty α/(2m) · Σ w²    gradient α/m · w         each weight shrinks in proportion to its size
//   L1 ("lasso")         penalty α/m · Σ |w|      gradient α/m · sign(w)   each weight is pulled by the same amount, so
//                                                                          small ones reach 0 and stay near it
//
// m is the number of samples in the batch, as in scikit-learn's MLP (whose `alpha` is the L2 α here). TensorFlow
// Playground leaves the 1/m out, so its rates are m times stronger. |w| has no slope at w = 0; sign(0) = 0 there.

import type {Matrix} from "./matrix.js";

/** How strong each penalty is: α for L1 and α for L2 (0 turns one off; both may be on). */
export interface Penalty {
  l1: number;
  l2: number;
}

/**
 * Adds the penalty's gradient to each layer's dW and returns the penalty itself, for a batch of `rows` samples.
 * `layers[l].W` and `dW[l]` have the same shape.
 */
export function addPenalty(
  layers: readonly {W: Matrix}[],
  dW: readonly Matrix[],
  rows: number,
  penalty: Penalty
): number {
  const {l1, l2} = penalty;
  let sumAbs = 0;
  let sumSquares = 0;
  layers.forEach((layer, l) => {
    const W = layer.W.data;
    const d = dW[l].data;
    for (let k = 0; k < W.length; k++) {
      const w = W[k];
      d[k] += (l2 * w + l1 * Math.sign(w)) / rows;
      sumSquares += w * w;
      sumAbs += Math.abs(w);
    }
  });
  return (l1 * sumAbs + (l2 * sumSquares) / 2) / rows;
}
