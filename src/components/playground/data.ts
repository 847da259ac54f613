// The Playground's data: the six data sets of TensorFlow Playground drawn from a seed (four to classify, with as many
// classes as asked, and two to regress), the split into training and test points, and the learner's own points.
// Points live in the square from −6 to 6, as there. Pure functions, no DOM.
//
// Noise works as in TensorFlow Playground: a point is drawn where its class says, but labelled from a jittered copy
// of itself, so near a boundary some points carry the other class's label (the spiral and the Gaussians jitter the
// point itself instead).
import {Matrix, Random} from "../../lib/nn/index.js";
import {type DataSetName, dataSetLabel, type PlaygroundSettings, type Problem} from "./settings.js";

/** One point: where it is, its target (a class 0, 1, … or a value to regress) and whether it is held out. */
export interface DataPoint {
  x1: number;
  x2: number;
  y: number;
  test: boolean;
}

export type Domain = [[number, number], [number, number]];

/** What the playground trains on and draws. */
export interface PlaygroundData {
  /** "spiral", "your points", … */
  name: string;
  problem: Problem;
  /** Classes (classification), 1 for regression. */
  classes: number;
  points: DataPoint[];
  /** The part of the plane the maps show. */
  domain: Domain;
  /** True for points a learner added, moved or loaded (a link cannot carry them). */
  own: boolean;
}

/** Points drawn by a generator, before the split; n points, noise as a fraction (0 … 0.5), k classes. */
type Generator = (n: number, noise: number, k: number, random: Random) => Omit<DataPoint, "test">[];

const RADIUS = 5;
export const GENERATED_DOMAIN: Domain = [
  [-6, 6],
  [-6, 6]
];
const TAU = 2 * Math.PI;

/** Points per class: n spread as evenly as possible over k classes. */
const perClass = (n: number, k: number, c: number) => Math.floor(n / k) + (c < n % k ? 1 : 0);

/** Rings around the centre, the innermost is the last class (for two: class 1, blue, inside class 0). */
const circle: Generator = (n, noise, k, random) => {
  const band = RADIUS / k;
  const gap = 0.2 * band;
  const out: Omit<DataPoint, "test">[] = [];
  for (let ring = 0; ring < k; ring++) {
    for (let i = 0; i < perClass(n, k, ring); i++) {
      const r = random.uniform(ring === 0 ? 0 : ring * band + gap, (ring + 1) * band - (ring < k - 1 ? gap : 0));
      const angle = random.uniform(0, TAU);
      const x1 = r * Math.sin(angle);
      const x2 = r * Math.cos(angle);
      const jittered = Math.hypot(
        x1 + random.uniform(-RADIUS, RADIUS) * noise,
        x2 + random.uniform(-RADIUS, RADIUS) * noise
      );
      out.push({x1, x2, y: k - 1 - Math.min(k - 1, Math.floor(jittered / band))});
    }
  }
  return out;
};

/** The quadrant of a point: 0 top right, 1 top left, 2 bottom left, 3 bottom right. */
const quadrant = (x1: number, x2: number) => (x2 >= 0 ? (x1 >= 0 ? 0 : 1) : x1 < 0 ? 2 : 3);

/** Quadrants; with two classes opposite quadrants share a class (x₁x₂ > 0 is class 1), with four each has its own. */
const xor: Generator = (n, noise, k, random) =>
  Array.from({length: n}, () => {
    const pad = (v: number) => v + (v > 0 ? 0.3 : -0.3); // keep points off the axes, where the label flips
    const x1 = pad(random.uniform(-5, 5));
    const x2 = pad(random.uniform(-5, 5));
    const q = quadrant(x1 + random.uniform(-5, 5) * noise, x2 + random.uniform(-5, 5) * noise);
    return {x1, x2, y: (q + 1) % k};
  });

/** A round cloud per class, the centres evenly spaced on a circle; noise widens the clouds. */
const gauss: Generator = (n, noise, k, random) => {
  const sd = Math.sqrt(0.5 + (noise / 0.5) * 3.5); // variance from 0.5 (no noise) to 4 (50 %)
  const out: Omit<DataPoint, "test">[] = [];
  for (let c = 0; c < k; c++) {
    const angle = (5 * Math.PI) / 4 + (c * TAU) / k; // two classes: class 0 around (−2, −2), class 1 around (2, 2)
    const [cx, cy] = [2 * Math.SQRT2 * Math.cos(angle), 2 * Math.SQRT2 * Math.sin(angle)];
    for (let i = 0; i < perClass(n, k, c); i++) out.push({x1: random.normal(cx, sd), x2: random.normal(cy, sd), y: c});
  }
  return out;
};

/** One arm per class, each turning 1.75 times around the centre. */
const spiral: Generator = (n, noise, k, random) => {
  const out: Omit<DataPoint, "test">[] = [];
  for (let c = 0; c < k; c++) {
    const m = perClass(n, k, c);
    for (let i = 0; i < m; i++) {
      const r = (i / m) * RADIUS;
      const t = 1.75 * (i / m) * TAU + ((c + 1) * TAU) / k;
      const x1 = r * Math.sin(t) + random.uniform(-1, 1) * noise;
      const x2 = r * Math.cos(t) + random.uniform(-1, 1) * noise;
      out.push({x1, x2, y: c});
    }
  }
  return out;
};

/** A tilted plane: the target is (x₁ + x₂)/10, from −1.2 to 1.2. */
const plane: Generator = (n, noise, _k, random) =>
  Array.from({length: n}, () => {
    const x1 = random.uniform(-6, 6);
    const x2 = random.uniform(-6, 6);
    const y = (x1 + random.uniform(-6, 6) * noise + x2 + random.uniform(-6, 6) * noise) / 10;
    return {x1, x2, y};
  });

/** Six bumps, three up and three down; the target is the bump that reaches furthest, from −1 to 1. */
const BUMPS = [
  [-4, 2.5, 1],
  [0, 2.5, -1],
  [4, 2.5, 1],
  [-4, -2.5, -1],
  [0, -2.5, 1],
  [4, -2.5, -1]
];
const multiGauss: Generator = (n, noise, _k, random) =>
  Array.from({length: n}, () => {
    const x1 = random.uniform(-6, 6);
    const x2 = random.uniform(-6, 6);
    const [u, v] = [x1 + random.uniform(-6, 6) * noise, x2 + random.uniform(-6, 6) * noise];
    let y = 0;
    for (const [cx, cy, sign] of BUMPS) {
      const value = sign * Math.max(0, 1 - Math.hypot(u - cx, v - cy) / 2);
      if (Math.abs(value) > Math.abs(y)) y = value;
    }
    return {x1, x2, y};
  });

const GENERATORS: Record<DataSetName, Generator> = {circle, xor, gauss, spiral, plane, multiGauss};

/** Points per data set: TensorFlow Playground's 500 to classify and 1200 to regress. */
export const SAMPLES = {classification: 500, regression: 1200} as const;

/** The data a setting asks for: drawn from its seed, shuffled, and split by its training ratio. */
export function generateData(
  s: Pick<PlaygroundSettings, "problem" | "data" | "classes" | "noise" | "trainRatio" | "seed">
): PlaygroundData {
  const random = new Random(s.seed);
  const k = s.problem === "regression" ? 1 : s.classes;
  const drawn = GENERATORS[s.data](SAMPLES[s.problem], s.noise / 100, k, random);
  const points = split(
    drawn.map((p) => ({...p, test: false})),
    s.trainRatio,
    random
  );
  return {name: dataSetLabel(s.data), problem: s.problem, classes: k, points, domain: GENERATED_DOMAIN, own: false};
}

/** The points shuffled, the first `trainRatio` percent for training and the rest held out for testing. */
export function split(points: readonly DataPoint[], trainRatio: number, random: Random): DataPoint[] {
  const order = random.shuffle(points.map((_, i) => i));
  const nTrain = Math.round((points.length * trainRatio) / 100);
  return order.map((i, rank) => ({...points[i], test: rank >= nTrain}));
}

/** The training or the test points as matrices: (x₁, x₂) per row, and the targets. */
export function pointsOf(data: PlaygroundData, test: boolean): {X: Matrix; y: number[]} {
  const chosen = data.points.filter((p) => p.test === test);
  return {
    X: new Matrix(chosen.length, 2, Float64Array.from(chosen.flatMap((p) => [p.x1, p.x2]))),
    y: chosen.map((p) => p.y)
  };
}

/** The part of the plane around some points: their extent plus 10 % on each side, in both directions at least 1 wide. */
export function domainAround(points: readonly {x1: number; x2: number}[]): Domain {
  if (points.length === 0) return GENERATED_DOMAIN;
  const axis = (values: number[]): [number, number] => {
    let [lo, hi] = [Math.min(...values), Math.max(...values)];
    if (hi - lo < 1) [lo, hi] = [(lo + hi) / 2 - 0.5, (lo + hi) / 2 + 0.5];
    const pad = (hi - lo) * 0.1;
    return [lo - pad, hi + pad];
  };
  return [axis(points.map((p) => p.x1)), axis(points.map((p) => p.x2))];
}

/** The points as CSV, in the format the playground loads: a header, then x₁, x₂ and the label, one point per line. */
export function dataToCSV(data: PlaygroundData): string {
  const lines = data.points.map((p) => `${p.x1},${p.x2},${p.y}`);
  return `x1,x2,${data.problem === "regression" ? "value" : "label"}\n${lines.join("\n")}\n`;
}
