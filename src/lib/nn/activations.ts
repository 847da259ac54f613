// Activation functions g and their derivatives g'. A layer computes A = g(Z) on the way forward and, on the way
// back, turns the gradient dA into dZ = dA ⊙ g'(Z) (elementwise), which is the chain rule for one layer.
//
// Without a non-linear g, stacked layers collapse into one linear map (A·W1·W2 = A·(W1·W2)), so depth buys nothing.
// step and sign have derivative 0 everywhere (and none at 0): no gradient flows through them, which is exactly why
// gradient descent cannot train a network built from them, and why smooth functions like sigmoid replaced them.

import {checkName} from "./check.js";
import {Matrix} from "./matrix.js";

/** Names of the built-in activation functions. */
export const activationNames = ["identity", "step", "sign", "sigmoid", "tanh", "relu", "leakyRelu", "softmax"] as const;

/** One of "identity", "step", "sign", "sigmoid", "tanh", "relu", "leakyRelu", "softmax". */
export type ActivationName = (typeof activationNames)[number];

/** An activation g: per number (for plots and tables) and per batch (for the network). */
export interface Activation {
  /** Its name, as used in network specs. */
  readonly name: ActivationName;
  /** g(z) for one number (softmax needs a whole row: use softmax(values)). */
  f(z: number): number;
  /** g'(z) for one number (softmax's derivative is a matrix: use softmaxJacobian(values)). */
  df(z: number): number;
  /** A = g(Z) for a batch; A may be Z itself. */
  forward(Z: Matrix, A: Matrix): void;
  /** dZ = dA ⊙ g'(Z) for a batch, written over dA; uses whichever of Z or A = g(Z) is cheaper. */
  backward(Z: Matrix, A: Matrix, dA: Matrix): void;
}

/** The slope leakyRelu keeps for negative inputs. */
export const LEAKY_SLOPE = 0.01;

const sigmoidOf = (z: number): number => 1 / (1 + Math.exp(-z));

// Each activation has a per-number form (f, df) and batch loops (forward, backward) that repeat the same formula
// inline: calling f once per entry would cost more than the arithmetic itself. The batch derivative uses a = g(z)
// where that is cheaper (sigmoid, tanh), since forward has already computed it.

/** Every built-in activation, by name. */
export const activations: Record<ActivationName, Activation> = {
  identity: {
    name: "identity",
    f: (z) => z,
    df: () => 1,
    forward(Z, A) {
      if (A !== Z) A.data.set(Z.data);
    },
    backward() {} // g'(z) = 1: dZ = dA already
  },
  step: {
    name: "step",
    f: (z) => (z > 0 ? 1 : 0),
    df: () => 0,
    forward(Z, A) {
      const z = Z.data;
      const a = A.data;
      for (let k = 0; k < z.length; k++) a[k] = z[k] > 0 ? 1 : 0;
    },
    backward(_Z, _A, dA) {
      dA.data.fill(0); // flat on both sides: no gradient gets through
    }
  },
  sign: {
    name: "sign",
    f: (z) => (z > 0 ? 1 : z < 0 ? -1 : 0),
    df: () => 0,
    forward(Z, A) {
      const z = Z.data;
      const a = A.data;
      for (let k = 0; k < z.length; k++) a[k] = z[k] > 0 ? 1 : z[k] < 0 ? -1 : 0;
    },
    backward(_Z, _A, dA) {
      dA.data.fill(0);
    }
  },
  sigmoid: {
    name: "sigmoid",
    f: sigmoidOf,
    df: (z) => sigmoidOf(z) * (1 - sigmoidOf(z)),
    forward(Z, A) {
      const z = Z.data;
      const a = A.data;
      for (let k = 0; k < z.length; k++) a[k] = 1 / (1 + Math.exp(-z[k]));
    },
    backward(_Z, A, dA) {
      const a = A.data;
      const d = dA.data;
      for (let k = 0; k < d.length; k++) d[k] *= a[k] * (1 - a[k]); // σ'(z) = σ(z)(1 − σ(z))
    }
  },
  tanh: {
    name: "tanh",
    f: Math.tanh,
    df: (z) => 1 - Math.tanh(z) ** 2,
    forward(Z, A) {
      const z = Z.data;
      const a = A.data;
      for (let k = 0; k < z.length; k++) a[k] = Math.tanh(z[k]);
    },
    backward(_Z, A, dA) {
      const a = A.data;
      const d = dA.data;
      for (let k = 0; k < d.length; k++) d[k] *= 1 - a[k] * a[k]; // tanh'(z) = 1 − tanh(z)², elementwise
    }
  },
  relu: {
    name: "relu",
    f: (z) => Math.max(z, 0),
    df: (z) => (z > 0 ? 1 : 0), // at exactly 0 we use 0, as scikit-learn does
    forward(Z, A) {
      const z = Z.data;
      const a = A.data;
      for (let k = 0; k < z.length; k++) a[k] = Math.max(z[k], 0);
    },
    backward(Z, _A, dA) {
      const z = Z.data;
      const d = dA.data;
      for (let k = 0; k < d.length; k++) if (!(z[k] > 0)) d[k] = 0;
    }
  },
  leakyRelu: {
    name: "leakyRelu",
    f: (z) => (z > 0 ? z : LEAKY_SLOPE * z),
    df: (z) => (z > 0 ? 1 : LEAKY_SLOPE),
    forward(Z, A) {
      const z = Z.data;
      const a = A.data;
      for (let k = 0; k < z.length; k++) a[k] = z[k] > 0 ? z[k] : LEAKY_SLOPE * z[k];
    },
    backward(Z, _A, dA) {
      const z = Z.data;
      const d = dA.data;
      for (let k = 0; k < d.length; k++) if (!(z[k] > 0)) d[k] *= LEAKY_SLOPE;
    }
  },
  softmax: {
    name: "softmax",
    f() {
      throw new Error("softmax works on a whole row of scores, not one number: call softmax([z1, z2, …])");
    },
    df() {
      throw new Error("softmax's derivative is a matrix (every output depends on every input): call softmaxJacobian");
    },
    forward(Z, A) {
      for (let i = 0; i < Z.rows; i++) softmaxRow(Z.data, A.data, i * Z.cols, Z.cols);
    },
    backward(_Z, A, dA) {
      // The Jacobian–vector product without building the Jacobian: dZ_j = a_j · (dA_j − Σ_k dA_k a_k).
      const a = A.data;
      const d = dA.data;
      for (let i = 0; i < A.rows; i++) {
        const start = i * A.cols;
        let dot = 0;
        for (let j = start; j < start + A.cols; j++) dot += d[j] * a[j];
        for (let j = start; j < start + A.cols; j++) d[j] = a[j] * (d[j] - dot);
      }
    }
  }
};

/** The activation called `name`; an unknown name throws a message listing the valid ones. */
export function activation(name: string): Activation {
  return activations[checkName("activation", "activation", name, activationNames)];
}

/** Stable softmax of one row, z[start … start+n) → a[…]: subtracting the row max keeps every exp ≤ 1, so no overflow. */
export function softmaxRow(z: Float64Array, a: Float64Array, start: number, n: number): void {
  let max = Number.NEGATIVE_INFINITY;
  for (let j = start; j < start + n; j++) if (z[j] > max) max = z[j];
  let sum = 0;
  for (let j = start; j < start + n; j++) {
    a[j] = Math.exp(z[j] - max);
    sum += a[j];
  }
  for (let j = start; j < start + n; j++) a[j] /= sum;
}

/** softmax(z)_k = e^(z_k) / Σ_i e^(z_i), computed stably: softmax([1010, 1000, 990]) has no NaN. */
export function softmax(values: readonly number[]): number[] {
  const a = new Float64Array(values.length);
  softmaxRow(Float64Array.from(values), a, 0, values.length);
  return Array.from(a);
}

/** ∂softmax(z)_j / ∂z_k = a_j (δ_jk − a_k), as a matrix (row j, column k). */
export function softmaxJacobian(values: readonly number[]): number[][] {
  const a = softmax(values);
  return a.map((aj, j) => a.map((ak, k) => aj * ((j === k ? 1 : 0) - ak)));
}

/** g(Z) for a whole matrix. */
export function activate(name: ActivationName, Z: Matrix): Matrix {
  const A = new Matrix(Z.rows, Z.cols);
  activation(name).forward(Z, A);
  return A;
}

/** g'(Z), elementwise, for a whole matrix (not for softmax: see softmaxJacobian). */
export function activationDerivative(name: ActivationName, Z: Matrix): Matrix {
  return Z.map(activation(name).df);
}
