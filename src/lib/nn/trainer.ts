// The training loop, one batch at a time. Each step: cut a batch, run forward and backward (backprop.ts), add
// the L1 or L2 penalty (regularization.ts), let the optimizer move every W and b. Each epoch: one pass over all samples, then the
// learning-rate schedule and the stopping rule have their say.
//
//   batchSize = all samples → full-batch gradient descent (the default)
//   batchSize = k           → mini-batch SGD (samples reshuffled every epoch)
//   batchSize = 1           → stochastic gradient descent
//
// Trainer is synchronous and allocates nothing per step after the first epoch; train() in train.ts runs it in
// short time slices for pages, and trainSync() below runs it to the end in one go (tests, benchmarks, MLP.fit).
// A large batch is processed in chunks of rows, one chunk per step(), adding up the chunks' gradients before the
// update: the result is the same gradient, but no single step keeps a page busy for long.

import type {Augment} from "./augment.js";
import {backward, Gradients, Workspace} from "./backprop.js";
import {checkInteger, checkNonNegative, checkPositive, stopIfDiverged} from "./check.js";
import {checkLoss, type LossName, type Targets, targetMatrix} from "./losses.js";
import {Matrix} from "./matrix.js";
import {countCorrect} from "./metrics.js";
import type {Network} from "./network.js";
import {type Optimizer, type OptimizerSpec, optimizer} from "./optimizers.js";
import {Random} from "./random.js";
import {addPenalty} from "./regularization.js";
import {type Schedule, type ScheduleSpec, schedule} from "./schedules.js";
import {Plateau} from "./stopping.js";

/** How to train: the loss, the optimizer and its step size, batches, penalty and when to stop. */
export interface TrainOptions {
  /** The loss to minimise. */
  loss: LossName;
  /** The last layer outputs raw scores (activation "identity"); the loss applies softmax/sigmoid itself. */
  fromLogits?: boolean;
  /** The step size η (default 0.1). */
  learningRate?: number;
  /** "sgd" (default), "momentum", "adam", {name, …options} or an optimizer object. */
  optimizer?: OptimizerSpec;
  /** How η changes over epochs: "constant" (default), "inverseScaling", "stepDecay", "adaptive". */
  schedule?: ScheduleSpec;
  /** Samples per gradient step (default: all of them, full batch). */
  batchSize?: number;
  /** Reshuffle the samples every epoch when using mini-batches (default true). */
  shuffle?: boolean;
  /** L2 penalty α: adds α/(2n)·ΣW² to the loss and α/n·W to dW (scikit-learn's `alpha`; biases are not penalised). */
  l2?: number;
  /** L1 penalty α: adds α/n·Σ|W| to the loss and α/n·sign(W) to dW (pulls small weights to 0; biases are not penalised). */
  l1?: number;
  /** Epochs to run at most (default 200). */
  maxIter?: number;
  /** Stop once the loss has not improved by more than tol for more than nIterNoChange epochs (default: never). */
  tol?: number;
  /** See tol (default 10). */
  nIterNoChange?: number;
  /** Seed for reshuffling (default 0). */
  seed?: number;
  /** Changes each sample as it is drawn into a batch, e.g. distortImages() (default: the samples as given). */
  augment?: Augment;
}

/** What training reports after each epoch. */
export interface TrainProgress {
  /** Epochs completed so far (1 after the first). */
  epoch: number;
  /** Mean loss over the epoch's batches (including the L1 and L2 penalties), measured before each batch's update. */
  loss: number;
  /** Share of training samples classified correctly during the epoch (classification losses only). */
  accuracy?: number;
  /** The learning rate used in this epoch. */
  learningRate: number;
  /** The network being trained: read its layers' W and b to draw them. */
  network: Network;
  /** True on the last report; stopReason says why training ended. */
  done: boolean;
  /** On the last report: why training stopped. */
  stopReason?: string;
}

/** Trains a network on (X, Y) batch by batch: call step() (or runEpoch()) until done; progress() reports. */
export class Trainer {
  /** The network being trained (its W and b change in place). */
  readonly network: Network;
  /** The training samples, one per row. */
  readonly X: Matrix;
  /** Targets as a matrix shaped like the output (labels already one-hot). */
  readonly Y: Matrix;
  /** The loss being minimised. */
  readonly loss: LossName;
  /** Whether the network outputs raw scores. */
  readonly fromLogits: boolean;
  /** Samples per gradient step. */
  readonly batchSize: number;
  /** Epochs to run at most. */
  readonly maxIter: number;
  /** The L2 penalty α. */
  readonly l2: number;
  /** The L1 penalty α. */
  readonly l1: number;
  /** The optimizer moving W and b. */
  readonly optimizer: Optimizer;
  /** The learning-rate schedule. */
  readonly schedule: Schedule;
  /** Epochs completed. */
  epoch = 0;
  /** Samples processed so far, over all epochs. */
  samplesSeen = 0;
  /** True once training has stopped (see stopReason). */
  done = false;
  /** Why training stopped. */
  stopReason?: string;

  private readonly shuffle: boolean;
  private readonly augment?: Augment;
  private readonly random: Random;
  private readonly plateau?: Plateau;
  private readonly stopsWhenStalled: boolean;
  private readonly order: Int32Array; // the sample order of the current epoch
  private readonly grads: Gradients; // the batch's gradients, which the optimizer uses
  private readonly chunkGrads: Gradients; // one chunk's gradients, when a batch takes several chunks
  private readonly chunkRows: number;
  private readonly workspaces = new Map<number, {ws: Workspace; X: Matrix; Y: Matrix}>();
  private lastBuffers?: {ws: Workspace; X: Matrix; Y: Matrix}; // the common case: the same size as last time
  private batchStart = 0; // position in `order` where the current batch starts
  private position = 0; // position in `order` of the next row to process
  private learningRate = 0;
  private batchLossSum = 0; // Σ chunk loss × chunk rows, this batch
  private lossSum = 0; // Σ batch loss × batch rows, this epoch
  private correct = 0; // correctly classified samples, this epoch
  // Loss and accuracy per epoch, in typed arrays that double in size when full (cheaper than pushing to arrays).
  private losses: Float64Array = new Float64Array(64);
  private accuracies: Float64Array = new Float64Array(64);

  /** Checks everything up front, so a mistake shows before the first step rather than in the middle of training. */
  constructor(net: Network, X: Matrix, Y: Targets, options: TrainOptions) {
    if (!options || typeof options !== "object") throw new Error('train: options are required, e.g. {loss: "mse"}');
    net.checkInput("train", X);
    this.network = net;
    this.X = X;
    this.augment = options.augment;
    if (this.augment !== undefined && typeof this.augment !== "function") {
      throw new Error("train: augment must be a function (sample, out, random) => void, e.g. distortImages()");
    }
    this.loss = checkLoss(options.loss);
    this.fromLogits = options.fromLogits ?? false;
    const n = X.rows;
    const {learningRate = 0.1, batchSize = n, maxIter = 200, l2 = 0, l1 = 0} = options;
    checkPositive("train", "learningRate", learningRate);
    checkInteger("train", "batchSize", batchSize);
    checkInteger("train", "maxIter", maxIter);
    checkNonNegative("train", "l2", l2);
    checkNonNegative("train", "l1", l1);
    this.batchSize = Math.min(batchSize, n);
    this.maxIter = maxIter;
    this.l2 = l2;
    this.l1 = l1;
    this.optimizer = optimizer(options.optimizer);
    this.schedule = schedule(options.schedule, learningRate);
    // The adaptive schedule needs to hear when the loss stalls even if the user set no stopping rule.
    this.stopsWhenStalled = options.tol !== undefined;
    if (this.stopsWhenStalled || this.schedule.name === "adaptive") {
      this.plateau = new Plateau(options.tol, options.nIterNoChange);
    }
    this.shuffle = (options.shuffle ?? true) && this.batchSize < n;
    this.random = new Random(options.seed ?? 0);
    this.order = Int32Array.from({length: n}, (_, i) => i);
    this.grads = new Gradients(net);
    this.chunkGrads = new Gradients(net);
    // About 3 million multiply-adds per chunk (2–3 ms): forward and backward cost ~3 per weight per row.
    const weights = net.layers.reduce((sum, layer) => sum + layer.inputs * layer.units, 0);
    this.chunkRows = Math.max(1, Math.floor(1e6 / weights));
    this.Y = targetMatrix("train", this.loss, Y, n, net.outputs);
  }

  /** Runs one batch (or one chunk of a large batch); returns true if that finished an epoch. */
  step(): boolean {
    if (this.done) return false;
    const n = this.X.rows;
    const net = this.network;
    if (this.position === 0) this.startEpoch();
    const batchEnd = Math.min(this.batchStart + this.batchSize, n);
    const batchRows = batchEnd - this.batchStart;
    const end = Math.min(this.position + this.chunkRows, batchEnd);
    const rows = end - this.position;
    const wholeBatch = rows === batchRows;

    const chunk = this.buffers(rows);
    if (rows < n || this.augment) this.gather(chunk.X, chunk.Y, this.position, rows);
    const grads = wholeBatch ? this.grads : this.chunkGrads;
    const loss = backward(net, chunk.X, chunk.Y, this.loss, this.fromLogits, chunk.ws, grads);
    if (!wholeBatch) this.addChunk(rows / batchRows, this.position === this.batchStart);
    this.batchLossSum += loss * rows;
    if (this.loss !== "mse") this.correct += countCorrect(chunk.ws.A[net.layers.length - 1], chunk.Y, this.threshold);
    this.position = end;
    if (end < batchEnd) return false; // more chunks of this batch to go

    let batchLoss = this.batchLossSum / batchRows;
    if (this.l1 > 0 || this.l2 > 0) {
      batchLoss += addPenalty(net.layers, this.grads.dW, batchRows, {l1: this.l1, l2: this.l2});
    }
    if (!Number.isFinite(batchLoss)) this.diverged(batchLoss);
    this.lossSum += batchLoss * batchRows;
    this.batchLossSum = 0;
    this.optimizer.beginStep();
    // Slots 2l and 2l + 1 are layer l's W and b: the optimizer keeps its memory for each (see optimizers.ts).
    for (let l = 0; l < net.layers.length; l++) {
      const layer = net.layers[l];
      this.optimizer.update(2 * l, layer.W.data, this.grads.dW[l].data, this.learningRate);
      this.optimizer.update(2 * l + 1, layer.b.data, this.grads.db[l].data, this.learningRate);
    }
    this.samplesSeen += batchRows;
    this.batchStart = end;
    if (end < n) return false;
    this.endEpoch();
    return true;
  }

  /** Runs the rest of the current epoch and returns its progress. */
  runEpoch(): TrainProgress {
    while (!this.step()) {
      // each step is one batch
    }
    return this.progress();
  }

  /** Loss of every completed epoch. */
  get lossCurve(): number[] {
    return Array.from(this.losses.subarray(0, this.epoch));
  }

  /** Training accuracy of every completed epoch (classification losses only, else undefined). */
  get accuracyCurve(): number[] | undefined {
    return this.loss === "mse" ? undefined : Array.from(this.accuracies.subarray(0, this.epoch));
  }

  /** The last completed epoch: its number, loss, accuracy and learning rate, and the network. */
  progress(): TrainProgress {
    const last = this.epoch - 1;
    return {
      epoch: this.epoch,
      loss: last >= 0 ? this.losses[last] : Number.NaN,
      accuracy: this.loss === "mse" || last < 0 ? undefined : this.accuracies[last],
      learningRate: this.learningRate,
      network: this.network,
      done: this.done,
      stopReason: this.stopReason
    };
  }

  /**
   * Progress part-way through the current epoch, for reports between epochs: `epoch` counts the part done (2.5 is
   * halfway through the third epoch) and loss and accuracy are the means over the epoch's batches so far.
   */
  partialProgress(): TrainProgress {
    if (this.batchStart === 0) return this.progress();
    return {
      ...this.progress(),
      epoch: this.epoch + this.batchStart / this.X.rows,
      loss: this.lossSum / this.batchStart,
      accuracy: this.loss === "mse" ? undefined : this.correct / this.position
    };
  }

  private startEpoch(): void {
    this.learningRate = this.schedule.rate(this.epoch, this.samplesSeen);
    this.lossSum = 0;
    this.correct = 0;
    if (this.shuffle) this.random.shuffle(this.order);
  }

  private endEpoch(): void {
    const n = this.X.rows;
    this.batchStart = 0;
    this.position = 0;
    if (this.epoch === this.losses.length) {
      this.losses = grow(this.losses);
      this.accuracies = grow(this.accuracies);
    }
    const loss = this.lossSum / n;
    this.losses[this.epoch] = loss;
    this.accuracies[this.epoch] = this.correct / n;
    this.epoch++;
    if (this.plateau?.update(loss)) {
      if (this.schedule.onPlateau()) this.plateau.reset();
      else if (this.stopsWhenStalled) {
        this.stop(
          `the loss improved by less than tol = ${this.plateau.tol} for ${this.plateau.nIterNoChange} epochs in a row`
        );
      } else this.plateau.reset();
    }
    if (!this.done && this.epoch >= this.maxIter) this.stop(`reached maxIter = ${this.maxIter} epochs`);
  }

  private stop(reason: string): void {
    this.done = true;
    this.stopReason = reason;
  }

  private diverged(loss: number): void {
    this.stop("the loss diverged");
    stopIfDiverged(loss, this.epoch + 1, this.learningRate);
  }

  // Raw scores (fromLogits) cross the decision boundary at 0, probabilities at 0.5.
  private get threshold(): number {
    return this.fromLogits ? 0 : 0.5;
  }

  // The batch gradient is the mean over its rows, so a chunk's (mean) gradient counts with weight rows/batchRows.
  private addChunk(weight: number, first: boolean): void {
    const add = (sum: Matrix, part: Matrix) => {
      for (let k = 0; k < sum.data.length; k++) sum.data[k] = (first ? 0 : sum.data[k]) + weight * part.data[k];
    };
    for (let l = 0; l < this.network.layers.length; l++) {
      add(this.grads.dW[l], this.chunkGrads.dW[l]);
      add(this.grads.db[l], this.chunkGrads.db[l]);
    }
  }

  // Copies the samples order[start … start+rows) into the batch buffers; options.augment changes each on the way.
  private gather(Xb: Matrix, Yb: Matrix, start: number, rows: number): void {
    const copyRow = (from: Matrix, i: number, to: Matrix, r: number) => {
      for (let j = 0; j < from.cols; j++) to.data[r * to.cols + j] = from.data[i * from.cols + j];
    };
    const n = this.X.cols;
    for (let r = 0; r < rows; r++) {
      const i = this.order[start + r];
      if (this.augment)
        this.augment(this.X.data.subarray(i * n, (i + 1) * n), Xb.data.subarray(r * n, (r + 1) * n), this.random);
      else copyRow(this.X, i, Xb, r);
      copyRow(this.Y, i, Yb, r);
    }
  }

  // Buffers for `rows` samples, made on first use (a few sizes at most: whole batches, chunks and remainders).
  private buffers(rows: number): {ws: Workspace; X: Matrix; Y: Matrix} {
    if (this.lastBuffers?.ws.rows === rows) return this.lastBuffers;
    let b = this.workspaces.get(rows);
    if (!b) {
      const full = rows === this.X.rows && !this.augment; // the whole data set, as it is: no copy needed
      b = {
        ws: new Workspace(this.network, rows),
        X: full ? this.X : new Matrix(rows, this.X.cols),
        Y: full ? this.Y : new Matrix(rows, this.network.outputs)
      };
      this.workspaces.set(rows, b);
    }
    this.lastBuffers = b;
    return b;
  }
}

// A copy of `array` with twice the room.
function grow(array: Float64Array): Float64Array {
  const bigger = new Float64Array(2 * array.length);
  bigger.set(array);
  return bigger;
}

/** The outcome of trainSync: the loss (and accuracy) of every epoch and why it stopped. */
export interface TrainResult {
  /** Epochs run. */
  epochs: number;
  /** Loss per epoch. */
  lossCurve: number[];
  /** Training accuracy per epoch (classification losses only). */
  accuracyCurve?: number[];
  /** Why training stopped. */
  stopReason: string;
}

/** Trains to the end in one call (blocks until done: use train() in pages). */
export function trainSync(net: Network, X: Matrix, Y: Targets, options: TrainOptions): TrainResult {
  const trainer = new Trainer(net, X, Y, options);
  while (!trainer.done) trainer.step();
  return {
    epochs: trainer.epoch,
    lossCurve: trainer.lossCurve,
    accuracyCurve: trainer.accuracyCurve,
    stopReason: trainer.stopReason ?? ""
  };
}
