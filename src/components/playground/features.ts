// The Playground's input features: a point (x₁, x₂) of the plane becomes the network's inputs, TensorFlow
// Playground's seven (x₁, x₂, their squares, their product, their sines), any of them on or off. A network fed x₁²
// and x₂² can draw a circle with a single neuron: the features do part of the hidden layers' work.
import {t} from "../../lib/i18n.js";
import {Matrix} from "../../lib/nn/index.js";

/** A feature: its name in code, in text and in TeX, and how it is computed from x₁ and x₂. */
export interface Feature {
  id: string;
  text: string;
  tex: string;
  /** What it is, in words (for screen readers and the neuron card). */
  about: string;
  f: (x1: number, x2: number) => number;
}

export const FEATURES = [
  {id: "x1", text: "x₁", tex: "x_1", about: "the first coordinate", f: (x1: number) => x1},
  {id: "x2", text: "x₂", tex: "x_2", about: "the second coordinate", f: (_x1: number, x2: number) => x2},
  {id: "x1^2", text: "x₁²", tex: "x_1^2", about: "the square of x₁", f: (x1: number) => x1 * x1},
  {id: "x2^2", text: "x₂²", tex: "x_2^2", about: "the square of x₂", f: (_x1: number, x2: number) => x2 * x2},
  {id: "x1*x2", text: "x₁x₂", tex: "x_1x_2", about: "the product of x₁ and x₂", f: (x1: number, x2: number) => x1 * x2},
  {id: "sin(x1)", text: "sin x₁", tex: "\\sin x_1", about: "the sine of x₁", f: (x1: number) => Math.sin(x1)},
  {
    id: "sin(x2)",
    text: "sin x₂",
    tex: "\\sin x_2",
    about: "the sine of x₂",
    f: (_x1: number, x2: number) => Math.sin(x2)
  }
] as const satisfies readonly Feature[];

export type FeatureId = (typeof FEATURES)[number]["id"];
export const FEATURE_IDS: readonly FeatureId[] = FEATURES.map((f) => f.id);

/** What a feature is, in words, in the page's language (`about` is the English). */
export function featureAbout(id: FeatureId): string {
  return t(`pg.about.${id}`);
}

/** The feature with this id; an unknown id throws a message listing the valid ones. */
export function feature(id: string): Feature {
  const found = FEATURES.find((f) => f.id === id);
  if (!found) {
    throw new Error(t("pg.feature.unknown", {id, list: FEATURE_IDS.map((f) => `"${f}"`).join(", ")}));
  }
  return found;
}

/** Checks a list of feature ids (from a learner's cell or a model file): known, not repeated, at least one. */
export function checkFeatures(ids: unknown): FeatureId[] {
  if (!Array.isArray(ids) || ids.length === 0) {
    throw new Error(t("pg.feature.list"));
  }
  const seen = new Set<string>();
  for (const id of ids) {
    feature(String(id));
    if (seen.has(id)) throw new Error(t("pg.feature.twice", {id}));

    seen.add(id);
  }
  return ids as FeatureId[];
}

/**
 * The features of every point: row i of `points` (x₁, x₂) becomes row i of the result, one column per feature in
 * the order given. Writes into `out` when it is given (the decision map reuses one matrix for its grid).
 */
export function featureMatrix(points: Matrix, ids: readonly FeatureId[], out?: Matrix): Matrix {
  if (points.cols !== 2) throw new Error(`featureMatrix: points must have 2 columns (x₁, x₂), got ${points.cols}`);
  const fs = ids.map(feature);
  const F = out ?? new Matrix(points.rows, fs.length);
  if (F.rows !== points.rows || F.cols !== fs.length) throw new Error("featureMatrix: out has the wrong shape");
  for (let i = 0; i < points.rows; i++) {
    const x1 = points.data[2 * i];
    const x2 = points.data[2 * i + 1];
    for (let j = 0; j < fs.length; j++) F.data[i * fs.length + j] = fs[j].f(x1, x2);
  }
  return F;
}
