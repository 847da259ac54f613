// When to stop training: the rule scikit-learn's MLP uses.
//
// An epoch counts as "no improvement" unless its loss beats the best loss so far by more than `tol`. After more
// than `nIterNoChange` such epochs in a row, training has converged and stops (or, with the adaptive schedule, the
// learning rate is cut and the count starts again).

import {checkInteger, checkNonNegative} from "./check.js";

/** Counts epochs in a row whose loss did not improve on the best by more than tol. */
export class Plateau {
  readonly tol: number;
  readonly nIterNoChange: number;
  private best = Number.POSITIVE_INFINITY;
  private count = 0;

  /** A counter with scikit-learn's defaults: tol = 1e-4, nIterNoChange = 10. */
  constructor(tol = 1e-4, nIterNoChange = 10) {
    checkNonNegative("stopping", "tol", tol);
    checkInteger("stopping", "nIterNoChange", nIterNoChange);
    this.tol = tol;
    this.nIterNoChange = nIterNoChange;
  }

  /** Records one epoch's loss; true once there were more than nIterNoChange epochs without improvement. */
  update(loss: number): boolean {
    this.count = loss > this.best - this.tol ? this.count + 1 : 0;
    if (loss < this.best) this.best = loss;
    return this.count > this.nIterNoChange;
  }

  /** Starts counting again (after the learning rate was lowered). */
  reset(): void {
    this.count = 0;
  }
}
