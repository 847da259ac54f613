// conv1d (a kernel slid along a signal), distortImages (data augmentation), confusionMatrix, and train's
// reports between epochs.
import {describe, expect, it} from "vitest";
import {
  confusionMatrix,
  conv1d,
  conv1dOutputLength,
  distortImages,
  Matrix,
  network,
  Random,
  spirals,
  Trainer,
  train
} from "../../../src/lib/nn/index.js";

describe("conv1d", () => {
  it("computes one weighted sum per window, stride apart, plus the bias", () => {
    expect(conv1d([1, 2, 3, 4], [1, 1])).toEqual([3, 5, 7]);
    expect(conv1d([1, 2, 3, 4, 5], [1, 0, -1], 2)).toEqual([-2, -2]);
    expect(conv1d([1, 2, 3], [2], 1, 0.5)).toEqual([2.5, 4.5, 6.5]);
  });

  it("fits the ECG example: 100 slices, windows of 20 every 10 → 9 units; 9 units, windows of 5 every 2 → 3", () => {
    expect(conv1dOutputLength(100, 20, 10)).toBe(9);
    expect(conv1dOutputLength(9, 5, 2)).toBe(3);
    const signal = Array.from({length: 100}, (_, t) => t);
    const first = conv1d(signal, new Array(20).fill(1), 10);
    expect(first).toHaveLength(9);
    expect(first[0]).toBe(190); // 0 + 1 + … + 19
    expect(first[8]).toBe(1790); // 80 + … + 99
  });

  it("refuses a kernel longer than the signal and a stride that is not a whole number", () => {
    expect(() => conv1d([1, 2], [1, 1, 1])).toThrow(/kernel \(3 weights\) is longer than the signal \(2 values\)/);
    expect(() => conv1d([1, 2, 3], [1], 0)).toThrow(/stride must be a whole number ≥ 1, got 0/);
    expect(() => conv1d([1, 2, 3], [])).toThrow(/kernel size must be a whole number ≥ 1, got 0/);
  });
});

describe("distortImages", () => {
  const side = 28;
  const pixels = side * side;
  const dot = () => {
    const x = new Float64Array(pixels);
    x[14 * side + 14] = 1;
    return x;
  };

  it("with no turn, resizing or move, copies the image exactly", () => {
    const x = Float64Array.from({length: pixels}, (_, k) => (k % 7) / 7);
    const out = new Float64Array(pixels);
    distortImages({degrees: 0, scale: 0, shift: 0})(x, out, new Random(1));
    expect(Array.from(out)).toEqual(Array.from(x));
  });

  it("a move of up to a pixel moves the ink at most a pixel, keeps it (up to the blending) and stays in 0–1", () => {
    const out = new Float64Array(pixels);
    distortImages({degrees: 0, scale: 0, shift: 1})(dot(), out, new Random(2));
    expect(out.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12); // bilinear blending spreads the dot, keeps its ink
    expect(Math.min(...out)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...out)).toBeLessThanOrEqual(1);
    for (const k of out.keys()) {
      if (out[k] === 0) continue;
      expect(Math.abs(Math.floor(k / side) - 14)).toBeLessThanOrEqual(1);
      expect(Math.abs((k % side) - 14)).toBeLessThanOrEqual(1);
    }
  });

  it("is repeatable with a seed, and checks the image's size", () => {
    const x = Float64Array.from({length: pixels}, (_, k) => ((k * 37) % 11) / 11);
    const [a, b] = [new Float64Array(pixels), new Float64Array(pixels)];
    distortImages()(x, a, new Random(9));
    distortImages()(x, b, new Random(9));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(x));
    expect(() => distortImages()(new Float64Array(64), new Float64Array(64), new Random(1))).toThrow(
      /28×28 = 784 pixels, got 64/
    );
    expect(() => distortImages({scale: 1})).toThrow(/scale must be below 1/);
  });

  it("plugs into training: each sample is changed as it enters a batch, every epoch anew; X is left alone", () => {
    const X = new Matrix(8, 3).map((_, k) => k);
    const copy = Array.from(X.data);
    const seen: number[][] = [];
    // An augment that records the samples it receives and hands on a shifted copy.
    const record = (sample: Float64Array, out: Float64Array) => {
      seen.push(Array.from(sample));
      for (let j = 0; j < sample.length; j++) out[j] = sample[j] + 100;
    };
    const net = network({inputs: 3, layers: [{units: 2, activation: "softmax"}]});
    const trainer = new Trainer(net, X, [0, 1, 0, 1, 0, 1, 0, 1], {
      loss: "crossEntropy",
      batchSize: 8, // one full batch: even then the samples go through augment
      maxIter: 2,
      augment: record
    });
    trainer.runEpoch();
    trainer.runEpoch();
    expect(seen).toHaveLength(16);
    expect(seen.slice(0, 8).sort((a, b) => a[0] - b[0])).toEqual(X.toArray());
    expect(Array.from(X.data)).toEqual(copy);
    expect(() => new Trainer(net, X, [0, 1, 0, 1, 0, 1, 0, 1], {loss: "crossEntropy", augment: 3 as never})).toThrow(
      /augment must be a function/
    );
  });
});

describe("confusionMatrix", () => {
  it("counts (true class, prediction) pairs: right answers on the diagonal", () => {
    expect(confusionMatrix([0, 0, 1, 1, 1, 2, 2, 2, 2, 0], [0, 1, 1, 1, 2, 2, 2, 0, 2, 0], 3)).toEqual([
      [2, 1, 0],
      [0, 2, 1],
      [1, 0, 3]
    ]);
    expect(confusionMatrix([], [], 2)).toEqual([
      [0, 0],
      [0, 0]
    ]);
  });

  it("names a length mismatch and a class outside 0 … k − 1", () => {
    expect(() => confusionMatrix([0, 1], [0], 2)).toThrow(/1 predictions but 2 labels/);
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrow(/sample 1 has class 3 and prediction 1, outside 0 … 2/);
  });
});

describe("train with reportEvery", () => {
  it("reports every few batches with fractional epochs, then at each epoch's end as before", async () => {
    const data = spirals({n: 96});
    const net = network({
      inputs: 2,
      layers: [
        {units: 8, activation: "relu"},
        {units: 3, activation: "softmax"}
      ],
      seed: 1
    });
    const epochs: number[] = [];
    for await (const p of train(net, data.X, data.y, {
      loss: "crossEntropy",
      batchSize: 16,
      maxIter: 2,
      reportEvery: 2
    })) {
      epochs.push(p.epoch);
      expect(Number.isFinite(p.loss)).toBe(true);
    }
    // 96 samples in batches of 16: 6 batches per epoch, a report after batches 2 and 4, then the epoch's own
    expect(epochs.map((e) => Number(e.toFixed(4)))).toEqual([0.3333, 0.6667, 1, 1.3333, 1.6667, 2]);
    const plain: number[] = [];
    for await (const p of train(net, data.X, data.y, {loss: "crossEntropy", batchSize: 16, maxIter: 2}))
      plain.push(p.epoch);
    expect(plain).toEqual([1, 2]);
    const wrong = train(net, data.X, data.y, {loss: "crossEntropy", reportEvery: 0.5});
    await expect(wrong.next()).rejects.toThrow(/reportEvery must be a whole number ≥ 1, got 0.5/);
  });
});
