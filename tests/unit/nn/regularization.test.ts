// The L1 and L2 penalties: their gradients against central differences of the penalised loss, the trainer's update
// with L1 against a hand computation, and what L1 does that L2 does not (drives weights to 0).
import {describe, expect, it} from "vitest";
import {addPenalty, Matrix, network, type Penalty, Random, Trainer, trainSync} from "../../../src/lib/nn/index.js";

const spec = {
  inputs: 3,
  layers: [
    {units: 4, activation: "tanh" as const},
    {units: 2, activation: "softmax" as const}
  ],
  seed: 7
};
const random = new Random(3);
const X = new Matrix(5, 3).map(() => random.uniform(-1, 1));
const y = [0, 1, 1, 0, 1];

/** The loss the trainer minimises: the data loss plus the penalty, for the whole batch X. */
function penalisedLoss(net: ReturnType<typeof network>, penalty: Penalty): number {
  const data = net.lossAndGradients(X, y, "crossEntropy").loss;
  const zeros = net.layers.map((l) => new Matrix(l.inputs, l.units));
  return data + addPenalty(net.layers, zeros, X.rows, penalty);
}

describe("regularisation", () => {
  it.each([
    {name: "L1", penalty: {l1: 0.3, l2: 0}},
    {name: "L2", penalty: {l1: 0, l2: 0.3}},
    {name: "L1 and L2", penalty: {l1: 0.2, l2: 0.5}}
  ])("$name: the gradient matches central differences of the penalised loss", ({penalty}) => {
    const net = network(spec);
    // |w| has no slope at 0: keep every weight well away from it, so that w ± h stays on one side.
    for (const layer of net.layers)
      for (let k = 0; k < layer.W.data.length; k++) layer.W.data[k] += 0.05 * Math.sign(layer.W.data[k]);
    const {grads} = net.lossAndGradients(X, y, "crossEntropy");
    addPenalty(
      net.layers,
      grads.map((g) => g.dW),
      X.rows,
      penalty
    );
    const h = 1e-6;
    let worst = 0;
    net.layers.forEach((layer, l) => {
      for (let k = 0; k < layer.W.data.length; k++) {
        const w = layer.W.data[k];
        layer.W.data[k] = w + h;
        const up = penalisedLoss(net, penalty);
        layer.W.data[k] = w - h;
        const down = penalisedLoss(net, penalty);
        layer.W.data[k] = w;
        const numeric = (up - down) / (2 * h);
        worst = Math.max(worst, Math.abs(numeric - grads[l].dW.data[k]) / Math.max(1, Math.abs(numeric)));
      }
    });
    expect(worst).toBeLessThan(1e-7);
  });

  it("the penalty is α/m·Σ|w| + α/(2m)·Σw² over W only, and its gradient α/m·sign(w) + α/m·w", () => {
    const layers = [{W: Matrix.from([[0.5, -2]])}, {W: Matrix.from([[0], [3]])}];
    const dW = [new Matrix(1, 2), new Matrix(2, 1)];
    const value = addPenalty(layers, dW, 4, {l1: 0.2, l2: 0.1});
    expect(value).toBeCloseTo((0.2 * 5.5) / 4 + (0.1 * 13.25) / 8, 14);
    expect(Array.from(dW[0].data)).toEqual([(0.1 * 0.5 + 0.2) / 4, (0.1 * -2 - 0.2) / 4]);
    expect(Array.from(dW[1].data)).toEqual([0, (0.1 * 3 + 0.2) / 4]); // sign(0) = 0
  });

  it("one SGD step with L1 moves W by η·(dW + α/m·sign(W)) and leaves b to the data gradient", () => {
    const net = network(spec);
    const copy = net.clone();
    const trainer = new Trainer(net, X, y, {loss: "crossEntropy", learningRate: 0.5, l1: 0.4});
    const progress = trainer.runEpoch();
    const {loss, grads} = copy.lossAndGradients(X, y, "crossEntropy");
    const sumAbs = copy.layers.reduce((s, l) => s + l.W.data.reduce((t, w) => t + Math.abs(w), 0), 0);
    expect(progress.loss).toBeCloseTo(loss + (0.4 * sumAbs) / 5, 13);
    copy.layers.forEach((layer, l) => {
      layer.W.data.forEach((w, k) => {
        const expected = w - 0.5 * (grads[l].dW.data[k] + (0.4 * Math.sign(w)) / 5);
        expect(net.layers[l].W.data[k]).toBeCloseTo(expected, 14);
      });
      layer.b.data.forEach((b, k) => {
        expect(net.layers[l].b.data[k]).toBeCloseTo(b - 0.5 * grads[l].db.data[k], 14);
      });
    });
  });

  it("L1 drives the weights of features that do not matter to (near) 0; L2 shrinks every weight instead", () => {
    // y depends on 2 of 8 features; with 20 noisy samples, plain least squares gives the other 6 spurious weights.
    const r = new Random(4);
    const Xs = new Matrix(20, 8).map(() => r.uniform(-1, 1));
    const ys = Array.from({length: 20}, (_, i) => 2 * Xs.get(i, 0) - 3 * Xs.get(i, 1) + 0.3 * r.normal());
    const weights = (options: {l1?: number; l2?: number}) => {
      const net = network({inputs: 8, layers: [{units: 1, activation: "identity"}], seed: 1});
      trainSync(net, Xs, ys, {loss: "mse", learningRate: 0.1, maxIter: 5000, ...options});
      return Array.from(net.layers[0].W.data, Math.abs);
    };
    const plain = weights({});
    const l1 = weights({l1: 1});
    const l2 = weights({l2: 2});
    expect(Math.max(...plain.slice(2))).toBeGreaterThan(0.15);
    expect(Math.max(...l1.slice(2))).toBeLessThan(0.1);
    expect(l1.slice(2).filter((w) => w < 0.01).length).toBeGreaterThanOrEqual(4);
    expect(Math.min(l1[0], l1[1])).toBeGreaterThan(1.7); // the features that matter keep most of their weight
    expect(Math.min(l2[0], l2[1])).toBeLessThan(1.4); // L2 shrinks them too…
    expect(Math.max(...l2.slice(2))).toBeGreaterThan(0.2); // …and leaves spurious weights standing
  });

  it("refuses a negative L1 rate with its name", () => {
    expect(() => trainSync(network(spec), X, y, {loss: "crossEntropy", l1: -0.1})).toThrow(
      "train: l1 must be a number ≥ 0, got -0.1"
    );
  });
});
