// A Keras-style face on the same core, in Keras's three steps: describe the model, compile it (choose the loss and
// the optimizer), fit it.
//
//   const model = sequential([dense(3, "sigmoid"), dense(1, "sigmoid")]);
//   model.compile({loss: "binaryCrossEntropy", optimizer: {name: "adam", learningRate: 0.01}});
//   model.fit(X, y, {epochs: 100});
//   model.predict(X);
//
// The number of inputs is read from X on the first fit (or given as {inputs}), as Keras does. As in Keras, every
// dense layer starts from Glorot's uniform weights (whatever its activation) and biases at 0, and validationSplit
// holds out the last rows of the data, before any shuffling.

import type {ActivationName} from "./activations.js";
import {checkLoss, type LossName, type Targets} from "./losses.js";
import {Matrix, toMatrix} from "./matrix.js";
import {type LayerSpec, type Network, network} from "./network.js";
import {type Optimizer, type OptimizerName, type OptimizerSpec, optimizer} from "./optimizers.js";
import {train} from "./train.js";
import {Trainer, type TrainOptions, type TrainProgress} from "./trainer.js";

/** A dense (fully connected) layer of `units` neurons with activation g (default "identity", i.e. linear). */
export function dense(units: number, activation: ActivationName = "identity"): LayerSpec {
  return {units, activation};
}

/** compile() settings: the loss, the optimizer (by name or {name, learningRate, …}) and fromLogits. */
export interface CompileOptions {
  loss: LossName;
  optimizer?: OptimizerName | ({name: OptimizerName; learningRate?: number} & Record<string, unknown>);
  fromLogits?: boolean;
}

/** fit() settings (Keras defaults: 1 epoch, batches of 32, reshuffled each epoch, no validation). */
export interface FitOptions {
  epochs?: number;
  batchSize?: number;
  shuffle?: boolean;
  seed?: number;
  /** Share of the samples, taken from the end of X, kept out of training to measure valLoss (Keras's validation_split). */
  validationSplit?: number;
}

/** Loss (and accuracy, for classification) after each epoch, like Keras's History.history. */
export interface History {
  loss: number[];
  accuracy?: number[];
  /** Loss on the validation samples after each epoch (Keras's val_loss), when fit had a validationSplit. */
  valLoss?: number[];
}

// Samples and their targets, as fit() trains on them or holds them out.
interface Samples {
  X: Matrix;
  Y: Targets;
}

// Keras's default step sizes: 0.01 for SGD and momentum, 0.001 for Adam.
const DEFAULT_RATE: Record<OptimizerName, number> = {sgd: 0.01, momentum: 0.01, adam: 0.001};

/** A stack of dense layers with compile / fit / predict. */
export class Sequential {
  readonly layers: readonly LayerSpec[];
  private readonly seed: number;
  private built?: Network;
  private compiled?: {loss: LossName; fromLogits?: boolean; optimizer: Optimizer; learningRate: number};

  /** A model of these layers; the weights are drawn (from `seed`) once the number of inputs is known. */
  constructor(layers: readonly LayerSpec[], options: {inputs?: number; seed?: number} = {}) {
    if (!Array.isArray(layers) || layers.length === 0)
      throw new Error("sequential: give at least one dense(units) layer");
    this.layers = layers;
    this.seed = options.seed ?? 0;
    if (options.inputs !== undefined) this.build(options.inputs);
  }

  /** The underlying network (after the first fit, or at once when {inputs} was given). */
  get network(): Network {
    if (!this.built) throw new Error("sequential: the model has no weights yet; call fit(X, y) or pass {inputs}");
    return this.built;
  }

  /** Chooses the loss and the optimizer (which keeps its memory, e.g. Adam's averages, from one fit to the next). */
  compile(options: CompileOptions): this {
    if (!options?.loss) throw new Error('compile: choose a loss, e.g. compile({loss: "mse", optimizer: "sgd"})');
    const spec = options.optimizer ?? "sgd";
    const {name, learningRate, ...rest} = typeof spec === "string" ? {name: spec} : spec;
    this.compiled = {
      loss: checkLoss(options.loss),
      fromLogits: options.fromLogits,
      optimizer: optimizer({name, ...rest} as OptimizerSpec),
      learningRate: learningRate ?? DEFAULT_RATE[name]
    };
    return this;
  }

  /** Trains for `epochs` passes over (X, Y) and returns the history. */
  fit(X: Matrix | number[][], Y: Targets, options: FitOptions = {}): History {
    const {fit, validation} = this.split(this.prepare(X), Y, options.validationSplit);
    const trainer = new Trainer(this.network, fit.X, fit.Y, this.trainOptions(fit.X, options));
    const {loss, fromLogits} = this.compiled as NonNullable<typeof this.compiled>;
    const valLoss: number[] = [];
    while (!trainer.done) {
      trainer.runEpoch();
      if (validation) valLoss.push(this.network.lossAndGradients(validation.X, validation.Y, loss, {fromLogits}).loss);
    }
    return {loss: trainer.lossCurve, accuracy: trainer.accuracyCurve, ...(validation ? {valLoss} : {})};
  }

  /** Like fit, but yields progress after every epoch without blocking the page (see train()); no valLoss. */
  fitLive(
    X: Matrix | number[][],
    Y: Targets,
    options: FitOptions = {}
  ): AsyncGenerator<TrainProgress, void, undefined> {
    const {fit} = this.split(this.prepare(X), Y, options.validationSplit);
    return train(this.network, fit.X, fit.Y, this.trainOptions(fit.X, options));
  }

  /** The model's outputs for X (raw scores if compiled with fromLogits). */
  predict(X: Matrix | number[][]): Matrix {
    return this.network.forward(toMatrix(X));
  }

  /** One line per layer, with parameter counts. */
  summary(): string {
    return this.network.layers
      .map((l, i) => `dense ${i}: ${l.units} units, ${l.activation}, ${l.W.data.length + l.b.data.length} parameters`)
      .join("\n");
  }

  private build(inputs: number): void {
    this.built = network({inputs, layers: this.layers, seed: this.seed, init: "glorot"}); // Keras's default
  }

  // Keras's validation_split: the last ⌊share·n⌋ rows are held out, the rest is trained on.
  private split(X: Matrix, Y: Targets, share = 0): {fit: Samples; validation?: Samples} {
    if (!(share >= 0 && share < 1)) {
      throw new Error(`fit: validationSplit must be at least 0 and below 1, got ${share}`);
    }
    const rows = Y instanceof Matrix ? Y.rows : Y.length;
    if (rows !== X.rows) throw new Error(`fit: X has ${X.rows} samples but Y has ${rows}`);
    const cut = X.rows - Math.floor(share * X.rows);
    if (cut === X.rows) return {fit: {X, Y}};
    if (cut === 0) throw new Error(`fit: validationSplit ${share} leaves no samples of ${X.rows} to train on`);
    const part = (from: number, to: number) => {
      const rowsOf = Array.from({length: to - from}, (_, i) => from + i);
      return {X: X.selectRows(rowsOf), Y: Y instanceof Matrix ? Y.selectRows(rowsOf) : Y.slice(from, to)};
    };
    return {fit: part(0, cut), validation: part(cut, X.rows)};
  }

  private prepare(X: Matrix | number[][]): Matrix {
    if (!this.compiled) throw new Error("fit: call compile({loss, optimizer}) before fit");
    const Xm = toMatrix(X);
    if (!this.built) this.build(Xm.cols);
    return Xm;
  }

  private trainOptions(X: Matrix, {epochs = 1, batchSize = 32, shuffle = true, seed = 0}: FitOptions): TrainOptions {
    const {loss, fromLogits, optimizer, learningRate} = this.compiled as NonNullable<typeof this.compiled>;
    return {
      loss,
      fromLogits,
      optimizer,
      learningRate,
      batchSize: Math.min(batchSize, X.rows),
      shuffle,
      seed,
      maxIter: epochs
    };
  }
}

/** A Keras-style model: sequential([dense(units, activation), …], {inputs?, seed?}). */
export function sequential(layers: readonly LayerSpec[], options: {inputs?: number; seed?: number} = {}): Sequential {
  return new Sequential(layers, options);
}
