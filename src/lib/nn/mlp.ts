// A scikit-learn-style face on the same core: MLPClassifier and MLPRegressor.
//
// They take sklearn's parameter names in camelCase (hidden_layer_sizes → hiddenLayerSizes, …) and its defaults, so
// Python code written for sklearn carries over line by line.
//
//   const clf = new MLPClassifier({hiddenLayerSizes: [4], activation: "tanh", randomState: 1}).fit(X, y);
//   clf.predict(X); clf.score(X, y); clf.lossCurve;
//
// As in sklearn the output layer is chosen from the task: one sigmoid unit with binary cross-entropy for two
// classes, softmax with cross-entropy for more, identity with squared error (½·mean) for regression.
// With earlyStopping, a share of the samples (validationFraction, drawn at random but not stratified) is held out,
// training stops when the score on it stalls, and the weights of the best epoch are kept, as in sklearn.
// Differences: randomState defaults to 0 (runs are repeatable) and biases start at 0.

import type {ActivationName} from "./activations.js";
import {checkInteger, checkName, checkNonNegative, checkPositive} from "./check.js";
import type {LossName, Targets} from "./losses.js";
import {Matrix, toMatrix} from "./matrix.js";
import {accuracy, predictClasses} from "./metrics.js";
import {type Network, network} from "./network.js";
import type {OptimizerSpec} from "./optimizers.js";
import {Random} from "./random.js";
import type {ScheduleName} from "./schedules.js";
import {EarlyStopping} from "./stopping.js";
import {train} from "./train.js";
import {Trainer, type TrainOptions, type TrainProgress} from "./trainer.js";

/** Hidden activations by sklearn's names ("logistic" is sigmoid); the library's own names work too. */
export type MLPActivation = "identity" | "logistic" | "tanh" | "relu" | "sigmoid" | "leakyRelu";

/** sklearn's learning_rate options (used with solver "sgd"). */
export type MLPLearningRate = "constant" | "invscaling" | "adaptive";

/** The parameters of MLPClassifier / MLPRegressor, with sklearn's defaults. */
export interface MLPOptions {
  /** Units per hidden layer (default [100]). */
  hiddenLayerSizes?: number[];
  /** Hidden activation (default "relu"). */
  activation?: MLPActivation;
  /** "adam" (default) or "sgd" (with momentum, as in sklearn). */
  solver?: "sgd" | "adam";
  /** L2 penalty (default 1e-4). */
  alpha?: number;
  /** Samples per mini-batch; "auto" = min(200, n) (default). */
  batchSize?: number | "auto";
  /** Schedule for solver "sgd" (default "constant"). */
  learningRate?: MLPLearningRate;
  /** Initial step size (default 0.001). */
  learningRateInit?: number;
  /** Exponent of "invscaling" (default 0.5). */
  powerT?: number;
  /** Maximum epochs (default 200). */
  maxIter?: number;
  /** Reshuffle every epoch (default true). */
  shuffle?: boolean;
  /** Seed for weights and shuffling (default 0). */
  randomState?: number;
  /** Improvement below which an epoch counts as "no change" (default 1e-4). */
  tol?: number;
  /** Momentum for solver "sgd" (default 0.9). */
  momentum?: number;
  /** Nesterov momentum for solver "sgd" (default true). */
  nesterovsMomentum?: boolean;
  /** Adam's β1, β2, ε (defaults 0.9, 0.999, 1e-8). */
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  /** Epochs without change before stopping (default 10). */
  nIterNoChange?: number;
  /** Hold out validationFraction of the samples and stop when the score on them stalls (default false). */
  earlyStopping?: boolean;
  /** Share of the samples held out for early stopping (default 0.1). */
  validationFraction?: number;
}

const DEFAULTS: Required<MLPOptions> = {
  hiddenLayerSizes: [100],
  activation: "relu",
  solver: "adam",
  alpha: 1e-4,
  batchSize: "auto",
  learningRate: "constant",
  learningRateInit: 0.001,
  powerT: 0.5,
  maxIter: 200,
  shuffle: true,
  randomState: 0,
  tol: 1e-4,
  momentum: 0.9,
  nesterovsMomentum: true,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  nIterNoChange: 10,
  earlyStopping: false,
  validationFraction: 0.1
};

const SCHEDULES: Record<MLPLearningRate, ScheduleName> = {
  constant: "constant",
  invscaling: "inverseScaling",
  adaptive: "adaptive"
};

// What the training core needs for one fit: the network, its targets and the options, and for early stopping
// the held-out samples (with the labels as given, for score()).
interface Plan {
  X: Matrix;
  Y: Targets;
  net: Network;
  options: TrainOptions;
  validation?: {X: Matrix; y: readonly (number | string)[] | Matrix; early: EarlyStopping};
}

/** The part MLPClassifier and MLPRegressor share: parameters, network, fitting and the loss curve. */
abstract class MLPBase {
  /** The parameters in use (sklearn's defaults filled in). */
  readonly params: Required<MLPOptions>;
  /** Loss after each epoch of the last fit (sklearn's loss_curve_). */
  lossCurve: number[] = [];
  /** Epochs run by the last fit (sklearn's n_iter_). */
  nIter = 0;
  /** Why the last fit stopped. */
  stopReason = "";
  /** With earlyStopping: the score on the held-out samples after each epoch (sklearn's validation_scores_). */
  validationScores: readonly number[] = [];
  private net?: Network;

  constructor(options: MLPOptions = {}) {
    this.params = {...DEFAULTS, ...options};
    const p = this.params;
    if (!Array.isArray(p.hiddenLayerSizes)) throw new Error("MLP: hiddenLayerSizes must be an array, e.g. [100]");
    for (const units of p.hiddenLayerSizes) checkInteger("MLP", "each hidden layer size", units);
    checkName("MLP", "activation", p.activation, ["identity", "logistic", "tanh", "relu", "sigmoid", "leakyRelu"]);
    checkName("MLP", "solver", p.solver, ["sgd", "adam"]);
    checkName("MLP", "learningRate", p.learningRate, ["constant", "invscaling", "adaptive"]);
    checkNonNegative("MLP", "alpha", p.alpha);
    if (p.batchSize !== "auto") checkInteger("MLP", "batchSize", p.batchSize);
    checkPositive("MLP", "learningRateInit", p.learningRateInit);
    checkInteger("MLP", "maxIter", p.maxIter);
    if (!(p.validationFraction > 0 && p.validationFraction < 1)) {
      throw new Error(`MLP: validationFraction must be between 0 and 1, got ${p.validationFraction}`);
    }
  }

  /** The model's score on (X, y): accuracy for a classifier, R² for a regressor. */
  abstract score(X: Matrix | number[][], y: readonly (number | string)[] | Matrix): number;

  /** The trained network (its layers' W and b are sklearn's coefs_ and intercepts_). */
  get network(): Network {
    if (!this.net) throw new Error("MLP: not fitted yet; call fit(X, y) first");
    return this.net;
  }

  /** The weight matrices, one per layer (sklearn's coefs_). */
  get coefs(): Matrix[] {
    return this.network.layers.map((l) => l.W);
  }

  /** The bias rows, one per layer (sklearn's intercepts_). */
  get intercepts(): Matrix[] {
    return this.network.layers.map((l) => l.b);
  }

  /** Trains the weights in one go and returns this model. */
  fit(X: Matrix | number[][], y: readonly (number | string)[] | Matrix): this {
    const plan = this.plan(toMatrix(X), y);
    const trainer = new Trainer(plan.net, plan.X, plan.Y, plan.options);
    let stopped = false;
    while (!trainer.done && !stopped) if (trainer.step()) stopped = this.validate(plan);
    this.lossCurve = trainer.lossCurve;
    this.nIter = trainer.epoch;
    this.stopReason = stopped ? this.earlyStopReason(plan) : (trainer.stopReason ?? "");
    plan.validation?.early.restore(plan.net);
    return this;
  }

  /** Like fit, but yields progress after every epoch without blocking the page (see train()). */
  async *fitLive(X: Matrix | number[][], y: readonly (number | string)[] | Matrix): AsyncGenerator<TrainProgress> {
    const plan = this.plan(toMatrix(X), y);
    this.lossCurve = [];
    try {
      for await (const progress of train(plan.net, plan.X, plan.Y, plan.options)) {
        const stopped = this.validate(plan);
        this.lossCurve.push(progress.loss);
        this.nIter = progress.epoch;
        this.stopReason = stopped ? this.earlyStopReason(plan) : (progress.stopReason ?? "");
        yield stopped ? {...progress, done: true, stopReason: this.stopReason} : progress;
        if (stopped) break;
      }
    } finally {
      plan.validation?.early.restore(plan.net);
    }
  }

  // After an epoch, with earlyStopping: score the held-out samples; true when it is time to stop.
  private validate({net, validation}: Plan): boolean {
    if (!validation) return false;
    return validation.early.update(net, this.score(validation.X, validation.y));
  }

  private earlyStopReason({validation}: Plan): string {
    const {tol, nIterNoChange} = this.params;
    const best = validation?.early.bestEpoch;
    return `the validation score improved by less than tol = ${tol} for ${nIterNoChange} epochs in a row; kept the weights of epoch ${best}, the best`;
  }

  /** The network's raw outputs for X. */
  protected output(X: Matrix | number[][]): Matrix {
    return this.network.forward(toMatrix(X));
  }

  /** Output units, output activation, loss and targets for this task. */
  protected abstract outputFor(y: readonly (number | string)[] | Matrix): {
    units: number;
    activation: ActivationName;
    loss: LossName;
    Y: Targets;
  };

  private plan(allX: Matrix, y: readonly (number | string)[] | Matrix): Plan {
    const p = this.params;
    const rows = y instanceof Matrix ? y.rows : y.length;
    if (rows !== allX.rows) throw new Error(`fit: X has ${allX.rows} samples but y has ${rows}`);
    const out = this.outputFor(y); // classes come from all the labels, held-out ones included
    this.validationScores = [];
    let X = allX;
    let Y = out.Y;
    let validation: Plan["validation"];
    if (p.earlyStopping) {
      const {fit, held} = holdOut(allX.rows, p.validationFraction, p.randomState);
      X = allX.selectRows(fit);
      Y = pick(out.Y, fit);
      const early = new EarlyStopping(p.tol, p.nIterNoChange);
      this.validationScores = early.scores; // filled in after every epoch
      validation = {X: allX.selectRows(held), y: pick(y, held), early};
    }
    const hidden: ActivationName = p.activation === "logistic" ? "sigmoid" : p.activation;
    this.net = network({
      inputs: X.cols,
      layers: [
        ...p.hiddenLayerSizes.map((units) => ({units, activation: hidden})),
        {units: out.units, activation: out.activation}
      ],
      seed: p.randomState,
      init: "xavier" // sklearn's Glorot uniform
    });
    const optimizer: OptimizerSpec =
      p.solver === "adam"
        ? {name: "adam", beta1: p.beta1, beta2: p.beta2, epsilon: p.epsilon}
        : {name: "momentum", beta: p.momentum, nesterov: p.nesterovsMomentum};
    const options: TrainOptions = {
      loss: out.loss,
      learningRate: p.learningRateInit,
      optimizer: p.solver === "sgd" && p.momentum === 0 ? "sgd" : optimizer,
      schedule: p.solver === "sgd" ? {name: SCHEDULES[p.learningRate], powerT: p.powerT} : "constant",
      batchSize: p.batchSize === "auto" ? Math.min(200, X.rows) : Math.min(p.batchSize, X.rows),
      shuffle: p.shuffle,
      l2: p.alpha,
      maxIter: p.maxIter,
      tol: p.earlyStopping ? undefined : p.tol, // with early stopping, the validation score decides when to stop
      nIterNoChange: p.nIterNoChange,
      seed: p.randomState
    };
    return {X, Y, net: this.net, options, validation};
  }
}

/** A multi-layer perceptron classifier, like sklearn.neural_network.MLPClassifier. */
export class MLPClassifier extends MLPBase {
  /** The class labels in sorted order (sklearn's classes_). */
  classes: (number | string)[] = [];

  /** Predicted class label for each row of X. */
  predict(X: Matrix | number[][]): (number | string)[] {
    return predictClasses(this.output(X)).map((c) => this.classes[c]);
  }

  /** Probability of each class for each row (n × classes; two columns for a binary task, as sklearn). */
  predictProba(X: Matrix | number[][]): Matrix {
    const P = this.output(X);
    return P.cols === 1 ? twoColumns(P) : P;
  }

  /** Mean accuracy on (X, y). */
  score(X: Matrix | number[][], y: readonly (number | string)[]): number {
    return accuracy(this.predict(X), y);
  }

  protected outputFor(y: readonly (number | string)[] | Matrix) {
    if (y instanceof Matrix) throw new Error("MLPClassifier.fit: y must be a list of class labels");
    this.classes = [...new Set(y)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (this.classes.length < 2) {
      throw new Error(`MLPClassifier.fit: y has only ${this.classes.length} class; a classifier needs at least 2`);
    }
    const index = new Map(this.classes.map((c, i) => [c, i]));
    const labels = y.map((c) => index.get(c) as number);
    return this.classes.length === 2
      ? {units: 1, activation: "sigmoid" as const, loss: "binaryCrossEntropy" as const, Y: labels}
      : {units: this.classes.length, activation: "softmax" as const, loss: "crossEntropy" as const, Y: labels};
  }
}

/** A multi-layer perceptron regressor, like sklearn.neural_network.MLPRegressor. */
export class MLPRegressor extends MLPBase {
  /** Predicted value for each row of X (single-output models; see predictMatrix). */
  predict(X: Matrix | number[][]): number[] {
    const out = this.output(X);
    if (out.cols !== 1) throw new Error(`MLPRegressor.predict: the model has ${out.cols} outputs; use predictMatrix`);
    return Array.from(out.data);
  }

  /** Predicted values, one row per sample and one column per output. */
  predictMatrix(X: Matrix | number[][]): Matrix {
    return this.output(X);
  }

  /** R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)² (1 is perfect; averaged over outputs). */
  score(X: Matrix | number[][], y: readonly number[] | Matrix): number {
    const Y = y instanceof Matrix ? y : Matrix.column([...y]);
    const P = this.output(X);
    const mean = Y.mean(0);
    const residual = Y.sub(P)
      .map((d) => d * d)
      .sum(0);
    const total = Y.sub(mean)
      .map((d) => d * d)
      .sum(0);
    return residual.map((r, _i, j) => 1 - r / total.data[j]).mean();
  }

  protected outputFor(y: readonly (number | string)[] | Matrix) {
    if (!(y instanceof Matrix) && y.some((v) => typeof v !== "number")) {
      throw new Error("MLPRegressor.fit: y must hold numbers (the values to predict)");
    }
    const Y = y instanceof Matrix ? y : (y as number[]);
    return {units: y instanceof Matrix ? y.cols : 1, activation: "identity" as const, loss: "mse" as const, Y};
  }
}

// Early stopping's split: ⌈fraction·n⌉ sample indices drawn at random (seeded) to hold out, the rest to fit on.
function holdOut(n: number, fraction: number, seed: number): {fit: number[]; held: number[]} {
  const order = new Random(seed).shuffle(Array.from({length: n}, (_, i) => i));
  const count = Math.ceil(fraction * n);
  if (count >= n) throw new Error(`fit: ${n} samples are too few to hold out ${fraction} of them for early stopping`);
  return {fit: order.slice(count), held: order.slice(0, count)};
}

// The rows `indices` of targets given as a matrix or as one value per sample.
function pick<T extends readonly (number | string)[] | Matrix>(y: T, indices: number[]): T {
  return (y instanceof Matrix ? y.selectRows(indices) : indices.map((i) => y[i])) as unknown as T;
}

// [1 − p, p] per row: the binary model's single output as sklearn's two columns.
function twoColumns(P: Matrix): Matrix {
  const out = new Matrix(P.rows, 2);
  for (let i = 0; i < P.rows; i++) {
    out.data[2 * i] = 1 - P.data[i];
    out.data[2 * i + 1] = P.data[i];
  }
  return out;
}
