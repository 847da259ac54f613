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

  // A generator whose uniform() hands out chosen values in order: the turn, the size, the move across, down.
  class Chosen extends Random {
    constructor(private readonly values: number[]) {
      super(0);
    }
    override uniform(): number {
      const v = this.values.shift();
      if (v === undefined) throw new Error("Chosen: no value left");
      return v;
    }
  }

  it("by default draws a turn of ±10°, a size of 90–110 % and a move of ±1 pixel across and down", () => {
    const ranges: [number, number][] = [];
    class Recording extends Random {
      override uniform(low: number, high: number): number {
        ranges.push([low, high]);
        return (low + high) / 2;
      }
    }
    const x = new Float64Array(pixels);
    distortImages()(x, new Float64Array(pixels), new Recording(0));
    expect(ranges).toEqual([
      [-10, 10],
      [0.9, 1.1],
      [-1, 1],
      [-1, 1]
    ]);
  });

  it("moves by whole pixels exactly: dx = dy = 1 puts old pixel (row v − 1, column u − 1) at (v, u)", () => {
    const x = Float64Array.from({length: pixels}, (_, k) => ((k * 13) % 17) / 17);
    const out = new Float64Array(pixels);
    distortImages({degrees: 0, scale: 0, shift: 1})(x, out, new Chosen([0, 1, 1, 1]));
    for (let v = 0; v < side; v++) {
      for (let u = 0; u < side; u++) {
        const expected = v >= 1 && u >= 1 ? x[(v - 1) * side + (u - 1)] : 0; // paper comes in at the top and left
        expect(out[v * side + u]).toBeCloseTo(expected, 12);
      }
    }
  });

  it("turns about the centre: at 90° the dot right of the centre goes below it (clockwise on the screen)", () => {
    const x = new Float64Array(pixels);
    x[14 * side + 20] = 1; // row 14, column 20
    const out = new Float64Array(pixels);
    distortImages({degrees: 90, scale: 0, shift: 0})(x, out, new Chosen([90, 1, 0, 0]));
    // new (row v, column u) shows old (row 27 − u, column v): old (14, 20) lands on (20, 13)
    expect(out[20 * side + 13]).toBeCloseTo(1, 12);
    expect(out.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });

  it("resizes about the centre: at 110 % the ink's spread from the centre grows by 10 %", () => {
    const x = new Float64Array(pixels);
    for (let u = 4; u <= 23; u++) x[14 * side + u] = 1; // a horizontal bar, columns 4–23, centred on 13.5
    const spread = (img: Float64Array) => {
      let ink = 0;
      let moment = 0;
      img.forEach((v, k) => {
        ink += v;
        moment += v * Math.abs((k % side) - 13.5);
      });
      return moment / ink;
    };
    const out = new Float64Array(pixels);
    distortImages({degrees: 0, scale: 0.1, shift: 0})(x, out, new Chosen([0, 1.1, 0, 0]));
    expect(spread(out) / spread(x)).toBeCloseTo(1.1, 2);
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

describe("the trainer's augment hook", () => {
  const X = new Matrix(6, 2).map((_, k) => (k % 5) + 1);
  const y = [0, 1, 0, 1, 1, 0];
  const fresh = () => network({inputs: 2, layers: [{units: 2, activation: "softmax"}], seed: 3});

  it("trains on what augment writes, not on X: with blank samples only the bias can learn", () => {
    const net = fresh();
    const W = Array.from(net.layers[0].W.data);
    const b = Array.from(net.layers[0].b.data);
    const blank = (_sample: Float64Array, out: Float64Array) => out.fill(0);
    const mostlyZeros = [0, 0, 0, 0, 0, 1]; // so that the bias has something to learn from blank inputs
    new Trainer(net, X, mostlyZeros, {loss: "crossEntropy", batchSize: 4, maxIter: 3, augment: blank}).runEpoch();
    expect(Array.from(net.layers[0].W.data)).toEqual(W); // ∂J/∂W = Xᵀ dZ = 0 for a batch of zeros
    expect(Array.from(net.layers[0].b.data)).not.toEqual(b);
  });

  it("an augment that copies gives exactly the training without one", () => {
    const [a, b] = [fresh(), fresh()];
    const copy = (sample: Float64Array, out: Float64Array) => out.set(sample);
    const options = {loss: "crossEntropy", batchSize: 4, maxIter: 3, seed: 5} as const;
    new Trainer(a, X, y, options).runEpoch();
    new Trainer(b, X, y, {...options, augment: copy}).runEpoch();
    expect(Array.from(b.layers[0].W.data)).toEqual(Array.from(a.layers[0].W.data));
  });
});

describe("partialProgress", () => {
  it("part-way through an epoch, averages the loss and accuracy of the batches so far", () => {
    const X = new Matrix(6, 2).map((_, k) => (k % 5) - 2);
    const net = network({inputs: 2, layers: [{units: 2, activation: "softmax"}], seed: 2});
    const trainer = new Trainer(net, X, [0, 1, 0, 1, 1, 0], {loss: "crossEntropy", batchSize: 2, shuffle: false});
    expect(trainer.partialProgress().epoch).toBe(0); // nothing done yet: the plain report
    trainer.step();
    trainer.step();
    const p = trainer.partialProgress();
    expect(p.epoch).toBeCloseTo(4 / 6, 12);
    expect(Number.isFinite(p.loss)).toBe(true);
    expect(p.accuracy).toBeGreaterThanOrEqual(0);
    expect((p.accuracy ?? 0) * 4).toBeCloseTo(Math.round((p.accuracy ?? 0) * 4), 12); // a count out of 4 samples
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
