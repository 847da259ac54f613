// Forward and backward passes over a whole batch: the two loops every training step runs.
//
// forward:   for each layer l      Z[l] = A[l−1] · W[l] + b[l]        A[l] = g(Z[l])        (A[−1] is X)
// backward:  start from the loss   dZ[L] at the output layer, then for l = L … 0:
//                                  dW[l] = A[l−1]ᵀ · dZ[l]            db[l] = Σ_rows dZ[l]
//                                  dA[l−1] = dZ[l] · W[l]ᵀ            dZ[l−1] = dA[l−1] ⊙ g'(Z[l−1])
//
// Here l counts from 0, like the arrays: layer l is the lessons' layer l + 1 (Z[0] is their Z^[1]), L is the last
// layer, and "A[−1]", the activation before the first layer, is the input X itself (the lessons' A^[0]). dW is a
// mean over the batch because dZ[L] already carries a factor 1/n (see outputGradient below).
//
// The matrices live in a Workspace allocated once per batch size and reused, so a training epoch allocates
// nothing. The same two functions serve Network.lossAndGradients and the trainer; there is no second copy.

import {softmaxRow} from "./activations.js";
import {shape} from "./check.js";
import {type LossName, lossGradientInto, meanLoss, type Targets, targetMatrix} from "./losses.js";
import {Matrix} from "./matrix.js";
import type {Layer, Network} from "./network.js";
import {affineInto, columnSumsInto, matmulTransposeAInto, matmulTransposeBInto} from "./products.js";

/** Reusable buffers for batches of `rows` samples: Z, A and D (first dA, then dZ, in place) per layer. */
export class Workspace {
  /** Samples per batch. */
  readonly rows: number;
  /** Each layer's Z = A_prev · W + b. */
  readonly Z: Matrix[];
  /** Each layer's A = g(Z) (the same matrix as Z for identity layers). */
  readonly A: Matrix[];
  /** Each layer's dA, turned into dZ in place by the backward pass. */
  readonly D: Matrix[];
  /** Probabilities softmax(Z) or sigmoid(Z) of the output layer, used with fromLogits. */
  readonly P: Matrix;

  /** Buffers for `net` and batches of `rows` samples. */
  constructor(net: Network, rows: number) {
    this.rows = rows;
    this.Z = net.layers.map((l) => new Matrix(rows, l.units));
    // identity leaves Z unchanged, so A can share Z's memory instead of copying it
    this.A = net.layers.map((l, i) => (l.activation === "identity" ? this.Z[i] : new Matrix(rows, l.units)));
    this.D = net.layers.map((l) => new Matrix(rows, l.units));
    this.P = new Matrix(rows, net.outputs);
  }

  /** Y checked and shaped like this workspace's output (labels become one-hot rows). */
  targets(where: string, loss: LossName, Y: Targets): Matrix {
    return targetMatrix(where, loss, Y, this.rows, this.P.cols);
  }
}

/** dW and db for every layer, shaped like W and b (and a buffer per layer for Wᵀ). */
export class Gradients {
  /** ∂loss/∂W per layer. */
  readonly dW: Matrix[];
  /** ∂loss/∂b per layer. */
  readonly db: Matrix[];
  /** Scratch space for each layer's Wᵀ, used to pass the gradient back through W. */
  readonly WT: Matrix[];

  /** Zero gradients shaped like `net`'s parameters. */
  constructor(net: Network) {
    this.dW = net.layers.map((l) => new Matrix(l.inputs, l.units));
    this.db = net.layers.map((l) => new Matrix(1, l.units));
    this.WT = net.layers.map((l) => new Matrix(l.units, l.inputs));
  }
}

/** Runs X through the network into the workspace and returns the output layer's A. */
export function forward(net: Network, X: Matrix, ws: Workspace): Matrix {
  let A = X;
  for (let l = 0; l < net.layers.length; l++) {
    const layer = net.layers[l];
    affineInto(ws.Z[l], A, layer.W, layer.b);
    layer.g.forward(ws.Z[l], ws.A[l]);
    A = ws.A[l];
  }
  return A;
}

/** Forward pass, then backpropagation: fills `grads` with the batch-mean gradients and returns the loss. */
export function backward(
  net: Network,
  X: Matrix,
  Y: Matrix,
  loss: LossName,
  fromLogits: boolean,
  ws: Workspace,
  grads: Gradients
): number {
  const {layers} = net;
  const L = layers.length - 1;
  forward(net, X, ws);
  const value = outputGradient(layers[L], loss, fromLogits, ws.Z[L], ws.A[L], Y, ws.D[L], ws.P);
  for (let l = L; l >= 0; l--) {
    const dZ = ws.D[l];
    matmulTransposeAInto(grads.dW[l], l === 0 ? X : ws.A[l - 1], dZ);
    columnSumsInto(grads.db[l], dZ);
    if (l > 0) {
      matmulTransposeBInto(ws.D[l - 1], dZ, layers[l].W, grads.WT[l]); // dA of the layer below
      layers[l - 1].g.backward(ws.Z[l - 1], ws.A[l - 1], ws.D[l - 1]); // … turned into its dZ
    }
  }
  return value;
}

/**
 * The loss, and dZ of the output layer written into D.
 *
 * Softmax + cross-entropy and sigmoid + binary cross-entropy collapse to dZ = (A − Y)/n: the chain rule
 * Σ_k ∂L/∂a_k · ∂a_k/∂z_j gives (−y_k/a_k) · a_k(δ_kj − a_j) summed over k = a_j − y_j for softmax, and
 * (a−y)/(a(1−a)) · a(1−a) = a − y for sigmoid. The short form is cheaper and never divides by a tiny a(1−a).
 * With fromLogits the last layer outputs Z itself and the probabilities P are computed here.
 */
function outputGradient(
  layer: Layer,
  loss: LossName,
  fromLogits: boolean,
  Z: Matrix,
  A: Matrix,
  Y: Matrix,
  D: Matrix,
  P: Matrix
): number {
  const paired =
    (loss === "crossEntropy" && layer.activation === "softmax") ||
    (loss === "binaryCrossEntropy" && layer.activation === "sigmoid");
  if (fromLogits) {
    if (loss === "mse") throw new Error('fromLogits only applies to "crossEntropy" and "binaryCrossEntropy"');
    if (layer.activation !== "identity") {
      throw new Error(
        `fromLogits: the last layer must output raw scores (activation "identity"), but it uses "${layer.activation}"; ` +
          "either set its activation to identity or drop fromLogits"
      );
    }
    if (loss === "crossEntropy") for (let i = 0; i < Z.rows; i++) softmaxRow(Z.data, P.data, i * Z.cols, Z.cols);
    else for (let k = 0; k < Z.data.length; k++) P.data[k] = 1 / (1 + Math.exp(-Z.data[k]));
    differenceOverN(P, Y, D);
    return meanLoss(loss, Z, Y, true);
  }
  if (paired) differenceOverN(A, Y, D);
  else {
    lossGradientInto(loss, A, Y, D);
    layer.g.backward(Z, A, D);
  }
  return meanLoss(loss, A, Y, false);
}

// D = (A − Y) / n: the output error, averaged over the n samples of the batch.
function differenceOverN(A: Matrix, Y: Matrix, D: Matrix): void {
  if (A.rows !== Y.rows || A.cols !== Y.cols) {
    throw new Error(`loss: outputs are ${shape(A.rows, A.cols)} but targets are ${shape(Y.rows, Y.cols)}`);
  }
  const n = A.rows;
  for (let k = 0; k < A.data.length; k++) D.data[k] = (A.data[k] - Y.data[k]) / n;
}
