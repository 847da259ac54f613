// The two higher-level faces, MLPClassifier/MLPRegressor (scikit-learn style) and sequential/dense (Keras style).
import {describe, expect, it} from "vitest";
import {
  blobs,
  coffee,
  dense,
  gate,
  iris,
  linearRegressionTable,
  Matrix,
  MLPClassifier,
  MLPRegressor,
  sequential,
  standardize,
  trainTestSplit
} from "../../../src/lib/nn/index.js";

const xor = gate("xor");

describe("MLPClassifier", () => {
  it("learns XOR with one small hidden layer, with sklearn's parameter names", () => {
    const clf = new MLPClassifier({
      hiddenLayerSizes: [4],
      activation: "tanh",
      learningRateInit: 0.05,
      maxIter: 1000,
      randomState: 1
    });
    clf.fit(xor.X, xor.y);
    expect(clf.predict(xor.X)).toEqual([0, 1, 1, 0]);
    expect(clf.score(xor.X, xor.y)).toBe(1);
    expect(clf.classes).toEqual([0, 1]);
    expect(clf.lossCurve.length).toBe(clf.nIter);
    expect(clf.lossCurve[0]).toBeGreaterThan(clf.lossCurve.at(-1) ?? 1);
    expect(clf.coefs.map((W) => W.shape)).toEqual([
      [2, 4],
      [4, 1]
    ]);
    expect(clf.intercepts.map((b) => b.shape)).toEqual([
      [1, 4],
      [1, 1]
    ]);
    const proba = clf.predictProba(xor.X);
    expect(proba.shape).toEqual([4, 2]);
    proba.toArray().forEach(([p0, p1]) => {
      expect(p0 + p1).toBeCloseTo(1, 15);
    });
  });

  it("classifies Iris (3 classes, string labels) on held-out flowers", () => {
    const data = iris();
    const {train, test} = trainTestSplit(data, {testFraction: 0.3, seed: 1});
    const scaled = standardize(train.X);
    const names = (y: number[]) => y.map((c) => data.classNames?.[c] ?? "");
    const clf = new MLPClassifier({hiddenLayerSizes: [10], learningRateInit: 0.01, maxIter: 500}).fit(
      scaled.X,
      names(train.y)
    );
    expect(clf.classes).toEqual(["setosa", "versicolor", "virginica"]);
    expect(clf.predictProba(scaled.X).shape).toEqual([train.X.rows, 3]);
    expect(clf.score(standardize(test.X, scaled).X, names(test.y))).toBeGreaterThanOrEqual(0.9);
    expect(clf.stopReason).not.toBe("");
  });

  it("stops like sklearn: converged when the loss stalls, or at maxIter", () => {
    const clf = new MLPClassifier({hiddenLayerSizes: [8], learningRateInit: 0.05, maxIter: 2000, tol: 1e-3}).fit(
      xor.X,
      xor.y
    );
    expect(clf.nIter).toBeLessThan(2000);
    expect(clf.stopReason).toMatch(/tol = 0.001 for 10 epochs/);
    const capped = new MLPClassifier({hiddenLayerSizes: [8], maxIter: 5}).fit(xor.X, xor.y);
    expect(capped.nIter).toBe(5);
  });

  it("supports solver sgd with constant, invscaling and adaptive learning rates", () => {
    const data = blobs({n: 90});
    for (const learningRate of ["constant", "invscaling", "adaptive"] as const) {
      const clf = new MLPClassifier({
        hiddenLayerSizes: [8],
        solver: "sgd",
        learningRate,
        learningRateInit: learningRate === "invscaling" ? 0.5 : 0.05,
        maxIter: 300,
        batchSize: 16
      }).fit(data.X, data.y);
      expect(clf.score(data.X, data.y)).toBeGreaterThanOrEqual(0.9);
    }
  });

  it("is repeatable: the same randomState gives the same model", () => {
    const curve = (randomState: number) =>
      new MLPClassifier({hiddenLayerSizes: [5], maxIter: 50, randomState}).fit(xor.X, xor.y).lossCurve;
    expect(curve(2)).toEqual(curve(2));
    expect(curve(2)).not.toEqual(curve(3));
  });

  it("fitLive yields every epoch and leaves the same model as fit", async () => {
    const options = {hiddenLayerSizes: [4], activation: "logistic" as const, learningRateInit: 0.05, maxIter: 40};
    const live = new MLPClassifier(options);
    let epochs = 0;
    for await (const progress of live.fitLive(xor.X, xor.y)) epochs = progress.epoch;
    const batch = new MLPClassifier(options).fit(xor.X, xor.y);
    expect(epochs).toBe(40);
    expect(live.lossCurve).toEqual(batch.lossCurve);
    expect(live.network.layers[0].activation).toBe("sigmoid");
  });
});

describe("MLPRegressor", () => {
  it("fits the first lesson's linear table with no hidden layer (R² ≈ 1)", () => {
    const table = linearRegressionTable();
    const reg = new MLPRegressor({
      hiddenLayerSizes: [],
      solver: "sgd",
      momentum: 0,
      learningRateInit: 0.5,
      maxIter: 2000,
      alpha: 0,
      tol: 1e-12
    }).fit(table.X, table.y);
    expect(reg.score(table.X, table.y)).toBeGreaterThan(0.9999);
    const [w1, w2] = reg.coefs[0].column(0);
    expect(w1).toBeCloseTo(0.15, 3);
    expect(w2).toBeCloseTo(0.15, 3);
    expect(reg.intercepts[0].get(0, 0)).toBeCloseTo(-0.2, 3);
  });

  it("fits a curve with a hidden layer, and several outputs at once", () => {
    const x = Array.from({length: 200}, (_, i) => [(i / 199) * 2 - 1]);
    const y = x.map(([v]) => v * v);
    const options = {hiddenLayerSizes: [16], activation: "relu" as const, learningRateInit: 0.01, batchSize: 20};
    const reg = new MLPRegressor(options).fit(x, y);
    expect(reg.score(x, y)).toBeGreaterThan(0.95);
    expect(reg.predict([[0.5]])[0]).toBeCloseTo(0.25, 1);
    const two = Matrix.from(x.map(([v]) => [v * v, -v]));
    const multi = new MLPRegressor(options).fit(x, two);
    expect(multi.predictMatrix(x).shape).toEqual([200, 2]);
    expect(multi.score(x, two)).toBeGreaterThan(0.95);
    expect(() => multi.predict(x)).toThrow("MLPRegressor.predict: the model has 2 outputs; use predictMatrix");
  });
});

describe("sequential / dense", () => {
  it("the coffee-roasting recipe: model, compile, fit, predict", () => {
    const data = coffee(); // 200 roasts, seed 0
    const {X, mean, std} = standardize(data.X);
    const model = sequential([dense(3, "sigmoid"), dense(1, "sigmoid")], {seed: 0}); // (some seeds stall near 88 %)
    model.compile({loss: "binaryCrossEntropy", optimizer: {name: "adam", learningRate: 0.05}});
    const history = model.fit(X, data.y, {epochs: 300, batchSize: 32});
    expect(history.loss).toHaveLength(300);
    expect(history.accuracy?.at(-1)).toBeGreaterThanOrEqual(0.95);
    expect(model.network.toString()).toBe("2 → 3 sigmoid → 1 sigmoid (13 parameters)");
    expect(model.summary()).toBe("dense 0: 3 units, sigmoid, 9 parameters\ndense 1: 1 units, sigmoid, 4 parameters");
    // 200 °C for 17 minutes is far outside the good triangle (too long at that heat)
    const p = model.predict(standardize(Matrix.row([200, 17]), {mean, std}).X).get(0, 0);
    expect(p).toBeLessThan(0.5);
  });

  it("softmax regression from logits: a linear output and fromLogits", () => {
    const data = blobs({n: 150});
    const model = sequential([dense(8, "relu"), dense(3)], {inputs: 2});
    model.compile({loss: "crossEntropy", optimizer: "adam", fromLogits: true});
    const history = model.fit(data.X, data.y, {epochs: 100, batchSize: 16});
    expect(history.accuracy?.at(-1)).toBeGreaterThanOrEqual(0.9);
    const scores = model.predict(data.X);
    expect(scores.shape).toEqual([150, 3]);
    expect(scores.data.some((s) => s < 0 || s > 1)).toBe(true); // raw scores, not probabilities
  });

  it("fitLive yields each epoch", async () => {
    const model = sequential([dense(4, "tanh"), dense(1, "sigmoid")]);
    model.compile({loss: "binaryCrossEntropy", optimizer: {name: "sgd", learningRate: 0.5}});
    const epochs: number[] = [];
    for await (const progress of model.fitLive(xor.X, xor.y, {epochs: 5})) epochs.push(progress.epoch);
    expect(epochs).toEqual([1, 2, 3, 4, 5]);
  });
});
