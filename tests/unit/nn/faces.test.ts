// Three faces of one training run: the library's own loop, MLPClassifier (scikit-learn's names) and
// sequential/compile/fit (Keras's names) reach the same weights from the same seed and settings; and the two
// ways the faces hold data out, early stopping (scikit-learn) and validationSplit (Keras).
import {describe, expect, it} from "vitest";
import {
  dense,
  EarlyStopping,
  MLPClassifier,
  type Network,
  network,
  Random,
  sequential,
  spirals,
  trainSync
} from "../../../src/lib/nn/index.js";

const data = spirals({n: 150, noise: 0.1, seed: 0});

/** The largest difference between the weights and biases of two networks of the same shape. */
function largestDifference(a: Network, b: Network): number {
  let largest = 0;
  a.layers.forEach((layer, l) => {
    for (const [P, Q] of [
      [layer.W, b.layers[l].W],
      [layer.b, b.layers[l].b]
    ]) {
      for (let k = 0; k < P.data.length; k++) largest = Math.max(largest, Math.abs(P.data[k] - Q.data[k]));
    }
  });
  return largest;
}

describe("three faces of one training run", () => {
  it("train, MLPClassifier and sequential reach the same weights, ReLU layers included", () => {
    for (const activation of ["relu", "tanh"] as const) {
      const own = network({
        inputs: 2,
        layers: [
          {units: 16, activation},
          {units: 3, activation: "softmax"}
        ],
        seed: 1,
        init: "xavier"
      });
      const options = {loss: "crossEntropy", optimizer: "adam", learningRate: 0.01, batchSize: 32} as const;
      trainSync(own, data.X, data.y, {...options, maxIter: 30, seed: 1, tol: 1e-4, nIterNoChange: 10});

      const clf = new MLPClassifier({
        hiddenLayerSizes: [16],
        activation,
        solver: "adam",
        alpha: 0,
        batchSize: 32,
        learningRateInit: 0.01,
        maxIter: 30,
        randomState: 1
      }).fit(data.X, data.y);

      const model = sequential([dense(16, activation), dense(3, "softmax")], {seed: 1});
      model.compile({loss: "crossEntropy", optimizer: {name: "adam", learningRate: 0.01}});
      const history = model.fit(data.X, data.y, {epochs: 30, batchSize: 32, seed: 1});

      expect(clf.nIter).toBe(30); // the loss did not stall, so tol did not stop it early
      expect(largestDifference(own, clf.network)).toBe(0);
      expect(largestDifference(own, model.network)).toBe(0);
      expect(history.loss).toEqual(clf.lossCurve);
    }
  });

  it("sequential starts every layer from Glorot's uniform weights, as Keras does, whatever the activation", () => {
    const model = sequential([dense(64, "relu"), dense(3)], {inputs: 32, seed: 4});
    const built = network({inputs: 32, layers: model.layers, seed: 4, init: "glorot"});
    expect(largestDifference(model.network, built)).toBe(0);
    const limit = Math.sqrt(6 / (32 + 64));
    expect(Math.max(...model.network.layers[0].W.data.map(Math.abs))).toBeLessThanOrEqual(limit);
  });
});

describe("holding data out", () => {
  it("validationSplit trains on the first rows and reports the loss on the last ones (Keras's val_loss)", () => {
    const X = data.X;
    const y = data.y.map((c) => (c === 2 ? 1 : 0)); // arm 2 against the other two
    const order = new Random(5).shuffle(Array.from({length: X.rows}, (_, i) => i));
    const Xs = X.selectRows(order);
    const ys = order.map((i) => y[i]);
    const layers = [dense(8, "tanh"), dense(1, "sigmoid")];
    const compiled = () =>
      sequential(layers, {seed: 2}).compile({
        loss: "binaryCrossEntropy",
        optimizer: {name: "sgd", learningRate: 0.5}
      });
    const held = compiled();
    const history = held.fit(Xs, ys, {epochs: 20, validationSplit: 0.2});
    const first = Array.from({length: 120}, (_, i) => i);
    const last = Array.from({length: 30}, (_, i) => 120 + i);
    const plain = compiled();
    const plainHistory = plain.fit(Xs.selectRows(first), ys.slice(0, 120), {epochs: 20});
    expect(history.loss).toEqual(plainHistory.loss);
    expect(history.valLoss).toHaveLength(20);
    const lastLoss = held.network.lossAndGradients(Xs.selectRows(last), ys.slice(120), "binaryCrossEntropy").loss;
    expect(history.valLoss?.at(-1)).toBe(lastLoss);
    expect(plainHistory.valLoss).toBeUndefined();
    expect(() => held.fit(Xs, ys, {validationSplit: 1})).toThrow("validationSplit must be at least 0 and below 1");
  });

  it("EarlyStopping keeps the weights of the best score and stops after nIterNoChange epochs without progress", () => {
    const net = network({inputs: 1, layers: [{units: 1, activation: "identity"}]});
    const early = new EarlyStopping(0.01, 2);
    const scores = [0.5, 0.7, 0.705, 0.6, 0.69];
    const stops = scores.map((score, epoch) => {
      net.layers[0].b.set(0, 0, epoch); // mark the weights with the epoch
      return early.update(net, score);
    });
    expect(stops).toEqual([false, false, false, false, true]); // 0.705 beats 0.7 by less than tol: no progress
    expect(early.bestEpoch).toBe(3);
    expect(early.bestScore).toBe(0.705);
    early.restore(net);
    expect(net.layers[0].b.get(0, 0)).toBe(2);
  });

  it("MLPClassifier's earlyStopping holds out validationFraction, stops when the score stalls, keeps the best weights", () => {
    const options = {hiddenLayerSizes: [32], learningRateInit: 0.02, maxIter: 500, randomState: 3};
    const clf = new MLPClassifier({...options, earlyStopping: true, validationFraction: 0.2}).fit(data.X, data.y);
    expect(clf.nIter).toBeLessThan(500);
    expect(clf.validationScores).toHaveLength(clf.nIter);
    const best = Math.max(...clf.validationScores);
    const bestEpoch = clf.validationScores.indexOf(best) + 1;
    expect(clf.stopReason).toContain(`kept the weights of epoch ${bestEpoch}, the best`);
    // The held-out samples: the first ⌈0.2 · 150⌉ = 30 of a shuffle seeded with randomState.
    const held = new Random(3).shuffle(Array.from({length: 150}, (_, i) => i)).slice(0, 30);
    const heldY = held.map((i) => data.y[i]);
    expect(clf.score(data.X.selectRows(held), heldY)).toBe(best);
    expect(clf.lossCurve).toHaveLength(clf.nIter);
    expect(() => new MLPClassifier({validationFraction: 1})).toThrow("validationFraction must be between 0 and 1");
  });
});
