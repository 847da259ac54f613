// One training run of the Playground, without the page: the data turned into features, the network being trained
// and the one it started from, the library's Trainer, and the losses on the training and the test points. Pure
// logic, so it can be tested in Node; the page drives it one animation frame at a time.
import {t} from "../../lib/i18n.js";
import {
  countCorrect,
  forward,
  lossValue,
  type Matrix,
  type Network,
  Trainer,
  type TrainOptions,
  targetMatrix,
  Workspace
} from "../../lib/nn/index.js";
import {type PlaygroundData, pointsOf} from "./data.js";
import {type FeatureId, featureMatrix} from "./features.js";

/** What a run starts from. The network is copied: the one passed in stays as it was (Reset goes back to it). */
export interface SessionSpec {
  data: PlaygroundData;
  features: readonly FeatureId[];
  network: Network;
  training: TrainOptions;
}

/** The training or test points, ready for the network: features F, targets Y (one-hot for several classes). */
interface PointSet {
  F: Matrix;
  Y: Matrix;
  ws: Workspace | null;
}

/** The loss and, for classification, the share of points classified correctly (NaN without points). */
export interface Scores {
  trainLoss: number;
  testLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
}

/** Trainers run until stopped: TensorFlow Playground has no last epoch either. */
const FOREVER = Number.MAX_SAFE_INTEGER;

export class Session {
  readonly features: readonly FeatureId[];
  /** The first weights, for Reset. */
  readonly start: Network;
  /** The network being trained (its W and b change in place). */
  network: Network;
  data: PlaygroundData;
  training: TrainOptions;
  /** Epochs trained since the start (or the last reset). */
  epoch = 0;
  private trainer: Trainer | null = null;
  private base = 0; // epochs trained before the current trainer was made (it is remade when data or options change)
  private sets!: {train: PointSet; test: PointSet};

  constructor(spec: SessionSpec) {
    this.features = [...spec.features];
    if (spec.network.inputs !== this.features.length) {
      throw new Error(t("pg.featuresOn", {n: spec.network.inputs, k: this.features.length}));
    }
    this.start = spec.network.clone();
    this.network = spec.network.clone();
    this.training = spec.training;
    this.data = spec.data;
    this.setData(spec.data);
  }

  /** New points (added, moved, loaded): training goes on from the current weights. */
  setData(data: PlaygroundData): void {
    this.data = data;
    const set = (test: boolean): PointSet => {
      const {X, y} = pointsOf(data, test);
      const F = featureMatrix(X, this.features);
      const Y = targetMatrix("playground", this.training.loss, y, y.length, this.network.outputs);
      return {F, Y, ws: null};
    };
    this.sets = {train: set(false), test: set(true)};
    this.newTrainer();
  }

  /** New training options (a learning rate, an optimizer…): training goes on from the current weights. */
  setTraining(training: TrainOptions): void {
    this.training = training;
    this.setData(this.data); // the targets depend on the loss
  }

  /** Back to the first weights and epoch 0. */
  reset(): void {
    this.network = this.start.clone();
    this.base = 0;
    this.epoch = 0;
    this.setData(this.data);
  }

  /** Points to train on. */
  get trainCount(): number {
    return this.sets.train.F.rows;
  }

  /** Why training stopped on its own (a stopping rule the learner set), or undefined. */
  get stopReason(): string | undefined {
    return this.trainer?.done ? this.trainer.stopReason : undefined;
  }

  /**
   * Trains until `epochs` more epochs are done or `budgetMs` milliseconds have passed, one batch at a time, so that a
   * frame never waits long (a large data set finishes its epoch in the next frames). Returns the epochs completed.
   * Throws when there is nothing to train on, or with the library's message (naming the epoch and the learning rate)
   * when the loss diverges.
   */
  trainFor(epochs: number, budgetMs: number, now: () => number = () => performance.now()): number {
    if (!this.trainer) throw new Error(t("pg.noTrainingPoints"));
    const trainer = this.trainer;
    const start = now();
    let done = 0;
    try {
      while (done < epochs && !trainer.done) {
        if (trainer.step()) done++;
        if (now() - start >= budgetMs) break;
      }
    } catch (error) {
      // The trainer counts from its own start; the learner counts from the run's.
      const message = (error as Error).message.replace(
        /^training stopped in epoch (\d+)/,
        (_m, e: string) => `training stopped in epoch ${this.base + Number(e)}`
      );
      throw new Error(message);
    } finally {
      this.epoch = this.base + trainer.epoch;
    }
    return done;
  }

  /** Losses without the penalty (what TensorFlow Playground shows) and accuracies, with the current weights. */
  scores(): Scores {
    const score = (set: PointSet): [number, number] => {
      if (set.F.rows === 0) return [Number.NaN, Number.NaN];
      set.ws ??= new Workspace(this.network, set.F.rows);
      const A = forward(this.network, set.F, set.ws);
      const loss = lossValue(this.training.loss, A, set.Y, {fromLogits: this.training.fromLogits});
      if (this.training.loss === "mse") return [loss, Number.NaN];
      return [loss, countCorrect(A, set.Y, this.training.fromLogits ? 0 : 0.5) / set.F.rows];
    };
    const [trainLoss, trainAccuracy] = score(this.sets.train);
    const [testLoss, testAccuracy] = score(this.sets.test);
    return {trainLoss, testLoss, trainAccuracy, testAccuracy};
  }

  /** Sets one weight (layer l counts from 0, as net.layers does): W[i][j], or the bias b[j] when i is -1. */
  setWeight(l: number, i: number, j: number, value: number): void {
    const layer = this.network.layers[l];
    if (!layer || j < 0 || j >= layer.units || i < -1 || i >= layer.inputs)
      throw new Error(t("pg.badWeight", {where: `${l}/${i}/${j}`}));
    if (!Number.isFinite(value)) throw new Error(t("pg.weightNumber", {value}));
    if (i === -1) layer.b.data[j] = value;
    else layer.W.data[i * layer.units + j] = value;
  }

  private newTrainer(): void {
    this.base = this.epoch;
    this.sets.train.ws = null;
    this.sets.test.ws = null;
    this.trainer =
      this.sets.train.F.rows === 0
        ? null
        : new Trainer(this.network, this.sets.train.F, this.sets.train.Y, {
            ...this.training,
            maxIter: this.training.maxIter ?? FOREVER
          });
  }
}

/** Two networks with the same shape and activations (features aside). */
export function sameArchitecture(a: Network, b: Network): boolean {
  return (
    a.inputs === b.inputs &&
    a.layers.length === b.layers.length &&
    a.layers.every((l, i) => l.units === b.layers[i].units && l.activation === b.layers[i].activation)
  );
}

/** Two networks with the same architecture and exactly the same weights. */
export function sameNetwork(a: Network, b: Network): boolean {
  const equal = (x: Matrix, y: Matrix) => x.data.every((v, k) => Object.is(v, y.data[k]));
  return sameArchitecture(a, b) && a.layers.every((l, i) => equal(l.W, b.layers[i].W) && equal(l.b, b.layers[i].b));
}
