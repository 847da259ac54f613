// Layers and the network: what a network is made of, and the calls that run it.
//
// A dense layer holds W (inputs × units) and b (1 × units) and computes Z = A_prev · W + b, then A = g(Z).
// A network is a list of such layers; the input layer holds no parameters and is not counted, so
// { inputs: 2, layers: [3 units, 1 unit] } is a two-layer network. The lessons number layers from 1 (W^[1] is
// the first layer's weights); arrays count from 0, so W^[1] is net.layers[0].W and W^[l] is net.layers[l − 1].W.

import {type Activation, type ActivationName, activation} from "./activations.js";
import {backward, forward, Gradients, Workspace} from "./backprop.js";
import {checkFinite, checkInteger, shape} from "./check.js";
import {type Initializer, initWeights} from "./init.js";
import type {LossName, LossOptions, Targets} from "./losses.js";
import {Matrix} from "./matrix.js";
import {Random} from "./random.js";

/** One dense layer in a network spec: how many units and which activation g. */
export interface LayerSpec {
  units: number;
  activation: ActivationName;
  /** Overrides the network's initialiser for this layer. */
  init?: Initializer;
}

/** What network() builds: input width, layers in order, and how to draw the first weights. */
export interface NetworkSpec {
  inputs: number;
  layers: readonly LayerSpec[];
  /** Seed of the random initial weights: the same seed gives the same network (default 0). */
  seed?: number;
  /** Initialiser for W; "auto" (default) picks "he" for relu/leakyRelu layers and "xavier" for the rest. */
  init?: Initializer | "auto";
}

/** A dense layer: W (inputs × units), b (1 × units) and its activation; W and b can be read and replaced. */
export class Layer {
  /** Inputs per sample (rows of W). */
  readonly inputs: number;
  /** Units (columns of W). */
  readonly units: number;
  private _W: Matrix;
  private _b: Matrix;
  private _activation: Activation;

  /** A layer with the given weights and bias (their shapes fix inputs and units). */
  constructor(W: Matrix, b: Matrix, activationName: ActivationName) {
    this.inputs = W.rows;
    this.units = W.cols;
    this._W = W;
    this._b = b;
    this.W = W; // run the shape checks of the setters
    this.b = b;
    this._activation = activation(activationName);
  }

  /** The weights, one row per input and one column per unit. */
  get W(): Matrix {
    return this._W;
  }
  set W(W: Matrix) {
    this._W = this.checked("W", W, this.inputs, this.units);
  }

  /** The bias row, one entry per unit. */
  get b(): Matrix {
    return this._b;
  }
  set b(b: Matrix) {
    this._b = this.checked("b", b, 1, this.units);
  }

  /** The activation's name; assign a name to change it. */
  get activation(): ActivationName {
    return this._activation.name;
  }
  set activation(name: ActivationName) {
    this._activation = activation(name);
  }

  /** The activation itself (its forward and backward functions). */
  get g(): Activation {
    return this._activation;
  }

  private checked(name: string, M: Matrix, rows: number, cols: number): Matrix {
    if (!(M instanceof Matrix)) throw new Error(`layer ${name}: expected a Matrix, e.g. Matrix.from([[…]])`);
    if (M.rows !== rows || M.cols !== cols) {
      throw new Error(
        `layer ${name}: must be ${shape(rows, cols)} for ${this.inputs} inputs and ${this.units} units, ` +
          `got ${shape(M.rows, M.cols)}`
      );
    }
    return M;
  }
}

/** Loss and its gradients, one {dW, db} per layer (same shapes as W and b), all means over the batch. */
export interface LossAndGradients {
  loss: number;
  grads: {dW: Matrix; db: Matrix}[];
}

/** A feed-forward network of dense layers. */
export class Network {
  /** Inputs per sample (features). */
  readonly inputs: number;
  /** The layers after the input, the output layer last. */
  readonly layers: Layer[];

  /** A network from ready-made layers (each layer's inputs must match the previous layer's units). */
  constructor(inputs: number, layers: Layer[]) {
    checkInteger("network", "inputs", inputs);
    if (layers.length === 0) throw new Error("network: give at least one layer (the output layer)");
    layers.forEach((layer, l) => {
      const before = l === 0 ? inputs : layers[l - 1].units;
      if (layer.inputs !== before) {
        throw new Error(`network: layer ${l} expects ${layer.inputs} inputs but receives ${before}`);
      }
    });
    this.inputs = inputs;
    this.layers = layers;
  }

  /** Width of the output layer. */
  get outputs(): number {
    return this.layers[this.layers.length - 1].units;
  }

  /** How many numbers the network learns (all W and b entries). */
  get parameterCount(): number {
    return this.layers.reduce((s, l) => s + l.W.data.length + l.b.data.length, 0);
  }

  /** The output for a batch X (one sample per row). */
  forward(X: Matrix): Matrix {
    this.checkInput("forward", X);
    return forward(this, X, new Workspace(this, X.rows)).clone();
  }

  /** Every layer's Z and A for a batch X (A[0] is X itself), for lessons that show the inside of a forward pass. */
  trace(X: Matrix): {Z: Matrix[]; A: Matrix[]} {
    this.checkInput("trace", X);
    const ws = new Workspace(this, X.rows);
    forward(this, X, ws);
    return {Z: ws.Z.map((m) => m.clone()), A: [X.clone(), ...ws.A.map((m) => m.clone())]};
  }

  /** Mean loss over the batch (X, Y) and its gradient for every W and b, by backpropagation. */
  lossAndGradients(X: Matrix, Y: Targets, loss: LossName, options: LossOptions = {}): LossAndGradients {
    this.checkInput("lossAndGradients", X);
    const ws = new Workspace(this, X.rows);
    const grads = new Gradients(this);
    const T = ws.targets("lossAndGradients", loss, Y);
    const value = backward(this, X, T, loss, options.fromLogits ?? false, ws, grads);
    return {loss: value, grads: this.layers.map((_, l) => ({dW: grads.dW[l], db: grads.db[l]}))};
  }

  /** An independent copy (same architecture, copied parameters). */
  clone(): Network {
    return new Network(
      this.inputs,
      this.layers.map((l) => new Layer(l.W.clone(), l.b.clone(), l.activation))
    );
  }

  /** One line describing the architecture, e.g. "2 → 4 sigmoid → 1 sigmoid (17 parameters)". */
  toString(): string {
    const parts = [String(this.inputs), ...this.layers.map((l) => `${l.units} ${l.activation}`)];
    return `${parts.join(" → ")} (${this.parameterCount} parameters)`;
  }

  /** Throws unless X is a finite matrix with one column per input. */
  checkInput(where: string, X: Matrix): void {
    if (!(X instanceof Matrix)) throw new Error(`${where}: X must be a Matrix (one sample per row)`);
    if (X.cols !== this.inputs) {
      throw new Error(`${where}: X is ${shape(X.rows, X.cols)} but the network takes ${this.inputs} inputs per sample`);
    }
    if (X.rows === 0) throw new Error(`${where}: X has no rows; pass at least one sample`);
    checkFinite(where, "X", X.data, X.cols);
  }
}

/** Builds a network from a spec, with weights drawn from a seeded generator and biases at 0. */
export function network(spec: NetworkSpec): Network {
  if (!spec || typeof spec !== "object") throw new Error("network: expected {inputs, layers: [{units, activation}]}");
  checkInteger("network", "inputs", spec.inputs);
  if (!Array.isArray(spec.layers) || spec.layers.length === 0) {
    throw new Error("network: layers must list at least one {units, activation}");
  }
  const random = new Random(spec.seed ?? 0);
  let fanIn = spec.inputs;
  const layers = spec.layers.map((s, l) => {
    checkInteger(`network layer ${l}`, "units", s?.units);
    activation(s.activation); // unknown names fail here, before any weights are drawn
    const chosen = s.init ?? spec.init ?? "auto";
    const relu = s.activation === "relu" || s.activation === "leakyRelu";
    const init = chosen === "auto" ? (relu ? "he" : "xavier") : chosen;
    const layer = new Layer(initWeights(init, fanIn, s.units, random), new Matrix(1, s.units), s.activation);
    fanIn = s.units;
    return layer;
  });
  return new Network(spec.inputs, layers);
}
