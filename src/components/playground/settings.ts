// The Playground's settings: every choice its controls offer (TensorFlow Playground's, plus more classes and
// better optimizers), the defaults, and the rules that keep a setting consistent. Pure data, no DOM.
import {t} from "../../lib/i18n.js";
import {FEATURE_IDS, type FeatureId} from "./features.js";

export const PROBLEMS = ["classification", "regression"] as const;
export type Problem = (typeof PROBLEMS)[number];

/** The generated data sets, as in TensorFlow Playground: four to classify, two to regress. */
export const DATA_SETS = {
  circle: {label: "circle", problem: "classification", maxClasses: 4},
  xor: {label: "XOR", problem: "classification", maxClasses: 4},
  gauss: {label: "Gaussian", problem: "classification", maxClasses: 4},
  spiral: {label: "spiral", problem: "classification", maxClasses: 4},
  plane: {label: "plane", problem: "regression", maxClasses: 1},
  multiGauss: {label: "multi-Gaussian", problem: "regression", maxClasses: 1}
} as const satisfies Record<string, {label: string; problem: Problem; maxClasses: number}>;
export type DataSetName = keyof typeof DATA_SETS;
export const DATA_SET_NAMES = Object.keys(DATA_SETS) as DataSetName[];

/** A data set's name as the page shows it, in the page's language (`label` is the English one). */
export function dataSetLabel(name: DataSetName): string {
  return t(`pg.data.${name}`);
}

/** Hidden activations, with TensorFlow Playground's names ("linear" is the library's identity). */
export const ACTIVATIONS = {relu: "ReLU", tanh: "tanh", sigmoid: "sigmoid", identity: "linear"} as const;
export type PlaygroundActivation = keyof typeof ACTIVATIONS;

export const REGULARIZATIONS = {none: "none", l1: "L1", l2: "L2"} as const;
export type Regularization = keyof typeof REGULARIZATIONS;

export const OPTIMIZERS = {sgd: "SGD", momentum: "momentum", adam: "Adam"} as const;
export type PlaygroundOptimizer = keyof typeof OPTIMIZERS;

export const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10] as const;
/** Regularisation rates α (0 is "none"). */
export const REGULARIZATION_RATES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10] as const;
/** Epochs trained per animation frame at most (the first is TensorFlow Playground's pace). */
export const SPEEDS = [1, 2, 5, 10, 20] as const;

export const MAX_LAYERS = 6;
export const MAX_NEURONS = 8;
export const MAX_CLASSES = 4;
export const LIMITS = {
  noise: {min: 0, max: 50, step: 5},
  trainRatio: {min: 10, max: 90, step: 10},
  batchSize: {min: 1, max: 30, step: 1},
  seed: {min: 0, max: 999_999, step: 1}
} as const;

/** Everything a learner can set. A shared link holds exactly these values (see url.ts). */
export interface PlaygroundSettings {
  problem: Problem;
  data: DataSetName;
  /** Classes of a classification data set, 2 … 4. */
  classes: number;
  /** Noise in percent, 0 … 50. */
  noise: number;
  /** Share of the points used for training, in percent; the rest are test points. */
  trainRatio: number;
  /** The data set's seed: Regenerate draws new points by changing it. */
  seed: number;
  features: FeatureId[];
  /** Neurons per hidden layer, first to last. */
  hidden: number[];
  activation: PlaygroundActivation;
  regularization: Regularization;
  regularizationRate: number;
  learningRate: number;
  optimizer: PlaygroundOptimizer;
  batchSize: number;
  showTest: boolean;
  discretize: boolean;
  /** Epochs per animation frame at most. */
  speed: number;
}

export type SettingKey = keyof PlaygroundSettings;

export const DEFAULT_SETTINGS: PlaygroundSettings = {
  problem: "classification",
  data: "circle",
  classes: 2,
  noise: 0,
  trainRatio: 50,
  seed: 1,
  features: ["x1", "x2"],
  hidden: [4, 2],
  activation: "tanh",
  regularization: "none",
  regularizationRate: 0.01,
  learningRate: 0.03,
  optimizer: "sgd",
  batchSize: 10,
  showTest: false,
  discretize: false,
  speed: 1
};

/** The settings that make up the model (they are what the live cell writes); the others are about data and view. */
export const MODEL_KEYS = [
  "features",
  "hidden",
  "activation",
  "problem",
  "classes",
  "optimizer",
  "learningRate",
  "batchSize",
  "regularization",
  "regularizationRate"
] as const satisfies readonly SettingKey[];

/** Outputs of the network: one sigmoid unit for two classes, one softmax unit per class, one linear unit to regress. */
export function outputUnits(s: Pick<PlaygroundSettings, "problem" | "classes">): number {
  return s.problem === "regression" || s.classes <= 2 ? 1 : s.classes;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const snap = (v: number, {min, max, step}: {min: number; max: number; step: number}) =>
  clamp(Math.round((v - min) / step) * step + min, min, max);

/**
 * A consistent setting from `s`: the data set fits the problem, the classes fit the data set, the layers and the
 * numbers stay within the controls' ranges, and at least one feature is on. Values that were changed are named in
 * `notes` (for a shared link that asked for something out of range).
 */
export function normalizeSettings(s: PlaygroundSettings): {settings: PlaygroundSettings; notes: string[]} {
  const notes: string[] = [];
  const out = {...s, hidden: [...s.hidden], features: [...s.features]};
  if (DATA_SETS[out.data].problem !== out.problem) {
    const first = DATA_SET_NAMES.find((d) => DATA_SETS[d].problem === out.problem) ?? "circle";
    out.data = first;
  }
  const maxClasses = DATA_SETS[out.data].maxClasses;
  const classes = out.problem === "regression" ? 2 : clamp(Math.round(out.classes), 2, maxClasses);
  if (out.problem === "classification" && classes !== out.classes) {
    notes.push(t("pg.url.classes", {data: dataSetLabel(out.data), max: maxClasses, classes}));
  }
  out.classes = classes;
  if (out.hidden.length > MAX_LAYERS) {
    notes.push(t("pg.url.layers", {layers: MAX_LAYERS}));
    out.hidden = out.hidden.slice(0, MAX_LAYERS);
  }
  out.hidden = out.hidden.map((n) => clamp(Math.round(n), 1, MAX_NEURONS));
  out.features = FEATURE_IDS.filter((f) => out.features.includes(f));
  if (out.features.length === 0) {
    notes.push(t("pg.url.oneInput"));

    out.features = ["x1"];
  }
  out.noise = snap(out.noise, LIMITS.noise);
  out.trainRatio = snap(out.trainRatio, LIMITS.trainRatio);
  out.batchSize = snap(out.batchSize, LIMITS.batchSize);
  out.seed = snap(out.seed, LIMITS.seed);
  return {settings: out, notes};
}

/** Keys whose values differ between two settings. */
export function changedKeys(a: PlaygroundSettings, b: PlaygroundSettings): SettingKey[] {
  return (Object.keys(a) as SettingKey[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}
