// When to stop training, the way scikit-learn's MLP decides: an epoch counts as "no improvement" unless its loss
// beats the best loss so far by more than `tol`; after more than `nIterNoChange` such epochs in a row, training
// has converged (or, with the adaptive schedule, the learning rate is cut and the count starts again). Early
// stopping applies the same rule to a score measured on held-out samples, and keeps the best weights it saw.

import {checkInteger, checkNonNegative} from "./check.js";
import type {Network} from "./network.js";

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

/**
 * Early stopping on held-out samples: after each epoch, score the network on data it does not train on, keep a copy
 * of the weights with the best score so far, and stop once the score has not beaten the best by more than `tol` for
 * more than `nIterNoChange` epochs (scikit-learn's early_stopping; a higher score is better).
 */
export class EarlyStopping {
  /** The score after each epoch. */
  readonly scores: number[] = [];
  /** The best score so far, and the epoch (from 1) that reached it. */
  bestScore = Number.NEGATIVE_INFINITY;
  bestEpoch = 0;
  private best?: Network;
  private readonly plateau: Plateau;

  constructor(tol = 1e-4, nIterNoChange = 10) {
    this.plateau = new Plateau(tol, nIterNoChange);
  }

  /** Records the score of `net` after an epoch; true when it is time to stop. */
  update(net: Network, score: number): boolean {
    this.scores.push(score);
    if (score > this.bestScore) {
      this.bestScore = score;
      this.bestEpoch = this.scores.length;
      this.best = net.clone();
    }
    return this.plateau.update(-score); // the plateau counts losses: lower is better
  }

  /** Copies the weights of the best epoch back into `net`. */
  restore(net: Network): void {
    this.best?.layers.forEach((layer, l) => {
      net.layers[l].W = layer.W.clone();
      net.layers[l].b = layer.b.clone();
    });
  }
}
