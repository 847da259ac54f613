// Pure gradient-descent runs for the 1-D and 2-D pictures: plain gradient descent, momentum and Adam.
// Each stops early and says so when the iterate runs away (overflow, NaN, or beyond `limit`).
import {adam, momentum, sgd} from "../lib/nn/index.js";
import {words} from "./words.js";

export interface Run1d {
  /** x after 0, 1, 2 … steps (xs[0] is the start). */
  xs: number[];
  diverged: boolean;
  /** Why the run stopped early, in words, or "" when it did not. */
  message: string;
}

/** Gradient descent on a function of one variable: x ← x − η f′(x). Stops as diverged once |x| > limit. */
export function descend1d(
  df: (x: number) => number,
  x0: number,
  learningRate: number,
  steps: number,
  limit = 1e6
): Run1d {
  const xs = [x0];
  let x = x0;
  for (let k = 1; k <= steps; k++) {
    const g = df(x);
    const next = x - learningRate * g;
    if (!Number.isFinite(g) || !Number.isFinite(next) || Math.abs(next) > limit) {
      const where = Number.isFinite(next) ? `x = ${next.toPrecision(3)}` : words("descent.notFinite");
      return {
        xs,
        diverged: true,
        message: words("descent.diverged1d", {k, where, rate: learningRate})
      };
    }
    xs.push(next);
    x = next;
  }
  return {xs, diverged: false, message: ""};
}

export type Optimizer = "gd" | "momentum" | "adam";

export interface OptimizerOptions {
  learningRate: number;
  steps: number;
  /** Momentum's β (default 0.9); Adam's β1 (default 0.9). */
  beta?: number;
  /** Adam's β2 (default 0.999). */
  beta2?: number;
  epsilon?: number;
  limit?: number;
}

export interface Run2d {
  optimizer: Optimizer;
  points: [number, number][];
  diverged: boolean;
  message: string;
}

/** The network library's optimizer for each path, so the picture moves exactly as training would. */
function libraryOptimizer(optimizer: Optimizer, beta: number, beta2: number, epsilon: number) {
  if (optimizer === "momentum") return momentum({beta});
  if (optimizer === "adam") return adam({beta1: beta, beta2, epsilon});
  return sgd();
}

/** Runs one optimizer from `start` on a function of two variables given its gradient. */
export function descend2d(
  grad: (x0: number, x1: number) => [number, number],
  start: [number, number],
  optimizer: Optimizer,
  {learningRate, steps, beta = 0.9, beta2 = 0.999, epsilon = 1e-8, limit = 1e6}: OptimizerOptions
): Run2d {
  const step = libraryOptimizer(optimizer, beta, beta2, epsilon);
  const p = Float64Array.from(start);
  const g = new Float64Array(2);
  const points: [number, number][] = [[p[0], p[1]]];
  for (let t = 1; t <= steps; t++) {
    g.set(grad(p[0], p[1]));
    step.beginStep();
    step.update(0, p, g, learningRate);
    if (!p.every(Number.isFinite) || Math.hypot(p[0], p[1]) > limit) {
      return {
        optimizer,
        points,
        diverged: true,
        message: words("descent.diverged2d", {name: optimizerName(optimizer), t, rate: learningRate})
      };
    }
    points.push([p[0], p[1]]);
  }
  return {optimizer, points, diverged: false, message: ""};
}

export const OPTIMIZER_NAMES: Record<Optimizer, string> = {gd: "Gradient descent", momentum: "Momentum", adam: "Adam"};

/** An optimizer's name as the page shows it, in the page's language. */
export const optimizerName = (optimizer: Optimizer): string => words(`optimizer.${optimizer}`);
