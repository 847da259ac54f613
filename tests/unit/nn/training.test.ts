import {describe, expect, it} from "vitest";
import {
  accuracy,
  adam,
  adaptive,
  constant,
  gate,
  inverseScaling,
  lossValue,
  Matrix,
  momentum,
  type NetworkSpec,
  network,
  Plateau,
  predictClasses,
  sgd,
  spirals,
  stepDecay,
  Trainer,
  trainSync,
  trainTestSplit
} from "../../../src/lib/nn/index.js";
import {loadDigits} from "../../../src/lib/nn/node.js";

const xor = gate("xor");
const xorSpec: NetworkSpec = {
  inputs: 2,
  layers: [
    {units: 4, activation: "tanh"},
    {units: 1, activation: "sigmoid"}
  ],
  seed: 1
};

describe("learning", () => {
  it("learns XOR to 100 % from a fixed seed", () => {
    const net = network(xorSpec);
    const result = trainSync(net, xor.X, xor.y, {loss: "binaryCrossEntropy", learningRate: 0.5, maxIter: 2000});
    expect(predictClasses(net.forward(xor.X))).toEqual([0, 1, 1, 0]);
    expect(result.accuracyCurve?.at(-1)).toBe(1);
    expect(result.lossCurve.at(-1)).toBeLessThan(0.01);
    expect(result.lossCurve[0]).toBeGreaterThan(0.6); // it started out guessing
  });

  it("learns three spirals to ≥ 95 %", () => {
    const data = spirals({n: 300, classes: 3, seed: 0});
    const net = network({
      inputs: 2,
      layers: [
        {units: 16, activation: "relu"},
        {units: 16, activation: "relu"},
        {units: 3, activation: "softmax"}
      ],
      seed: 0
    });
    trainSync(net, data.X, data.y, {
      loss: "crossEntropy",
      optimizer: "adam",
      learningRate: 0.01,
      batchSize: 32,
      maxIter: 300
    });
    expect(accuracy(predictClasses(net.forward(data.X)), data.y)).toBeGreaterThanOrEqual(0.95);
  });

  it("learns the digits to ≥ 90 % on held-out test samples", () => {
    const digits = loadDigits();
    expect(digits.X.shape).toEqual([4000, 64]);
    const {train, test} = trainTestSplit(digits, {testFraction: 0.2, seed: 0});
    const net = network({
      inputs: 64,
      layers: [
        {units: 32, activation: "relu"},
        {units: 10, activation: "softmax"}
      ],
      seed: 0
    });
    trainSync(net, train.X, train.y, {
      loss: "crossEntropy",
      optimizer: "adam",
      learningRate: 0.003,
      batchSize: 32,
      maxIter: 25
    });
    const testAccuracy = accuracy(predictClasses(net.forward(test.X)), test.y);
    expect(testAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("the same seed gives bit-identical training; another seed does not", () => {
    const run = (seed: number) => {
      const net = network({...xorSpec, seed});
      const result = trainSync(net, xor.X, xor.y, {
        loss: "binaryCrossEntropy",
        optimizer: "adam",
        learningRate: 0.05,
        batchSize: 2,
        maxIter: 100,
        seed
      });
      return {loss: result.lossCurve, W: net.layers.map((l) => Array.from(l.W.data))};
    };
    expect(run(3)).toEqual(run(3));
    expect(run(3).W).not.toEqual(run(4).W);
  });
});

describe("batches", () => {
  // One epoch of plain SGD over batches of 2 must equal two hand-computed gradient steps, in the shuffled order.
  it("mini-batches take one step per batch, on the batch's mean gradient", () => {
    const net = network(xorSpec);
    const copy = net.clone();
    const trainer = new Trainer(net, xor.X, xor.y, {
      loss: "binaryCrossEntropy",
      learningRate: 0.3,
      batchSize: 2,
      shuffle: false
    });
    trainer.runEpoch();
    for (const rows of [
      [0, 1],
      [2, 3]
    ]) {
      const {grads} = copy.lossAndGradients(
        xor.X.selectRows(rows),
        rows.map((r) => xor.y[r]),
        "binaryCrossEntropy"
      );
      copy.layers.forEach((layer, l) => {
        layer.W = layer.W.sub(grads[l].dW.scale(0.3));
        layer.b = layer.b.sub(grads[l].db.scale(0.3));
      });
    }
    net.layers.forEach((layer, l) => {
      layer.W.data.forEach((w, k) => {
        expect(w).toBeCloseTo(copy.layers[l].W.data[k], 14);
      });
      layer.b.data.forEach((b, k) => {
        expect(b).toBeCloseTo(copy.layers[l].b.data[k], 14);
      });
    });
  });

  it("a large batch is processed in chunks whose gradients add up to the whole batch's", () => {
    const digits = loadDigits();
    const spec: NetworkSpec = {
      inputs: 64,
      layers: [
        {units: 32, activation: "relu"},
        {units: 10, activation: "softmax"}
      ],
      seed: 2
    };
    const net = network(spec);
    const trainer = new Trainer(net, digits.X, digits.y, {loss: "crossEntropy", learningRate: 0.5, l2: 0.1});
    let steps = 1;
    while (!trainer.step()) steps++;
    expect(steps).toBeGreaterThan(4); // 4000 rows of a 64-32-10 network: several chunks

    const copy = network(spec);
    const {loss, grads} = copy.lossAndGradients(digits.X, digits.y, "crossEntropy");
    const sumSquares = copy.layers.reduce((s, l) => s + l.W.data.reduce((t, w) => t + w * w, 0), 0);
    expect(trainer.lossCurve[0]).toBeCloseTo(loss + (0.1 * sumSquares) / (2 * 4000), 12);
    copy.layers.forEach((layer, l) => {
      const W = layer.W.sub(grads[l].dW.add(layer.W.scale(0.1 / 4000)).scale(0.5));
      W.data.forEach((w, k) => {
        expect(net.layers[l].W.data[k]).toBeCloseTo(w, 13);
      });
      layer.b.sub(grads[l].db.scale(0.5)).data.forEach((b, k) => {
        expect(net.layers[l].b.data[k]).toBeCloseTo(b, 13);
      });
    });
  });

  it("full batch, mini-batch and stochastic runs take n/batchSize steps per epoch", () => {
    for (const [batchSize, steps] of [
      [4, 1],
      [3, 2],
      [1, 4]
    ]) {
      const trainer = new Trainer(network(xorSpec), xor.X, xor.y, {loss: "binaryCrossEntropy", batchSize});
      let count = 0;
      while (!trainer.step()) count++;
      expect(count + 1).toBe(steps);
      expect(trainer.samplesSeen).toBe(4);
    }
  });

  it("the epoch loss is the mean over batches weighted by their size, and includes the L2 penalty", () => {
    const net = network(xorSpec);
    const before = net.clone();
    const progress = new Trainer(net, xor.X, xor.y, {loss: "binaryCrossEntropy", l2: 0.5}).runEpoch();
    const dataLoss = lossValue("binaryCrossEntropy", before.forward(xor.X), Matrix.column(xor.y));
    const sumSquares = before.layers.reduce((s, l) => s + l.W.data.reduce((t, w) => t + w * w, 0), 0);
    expect(progress.loss).toBeCloseTo(dataLoss + (0.5 * sumSquares) / (2 * 4), 14);
    expect(progress.epoch).toBe(1);
    expect(progress.accuracy).toBeGreaterThanOrEqual(0);
  });

  it("the L2 penalty keeps weights smaller", () => {
    const norm = (l2: number) => {
      const net = network(xorSpec);
      trainSync(net, xor.X, xor.y, {loss: "binaryCrossEntropy", learningRate: 0.5, maxIter: 500, l2});
      return net.layers.reduce((s, l) => s + l.W.data.reduce((t, w) => t + w * w, 0), 0);
    };
    expect(norm(0.1)).toBeLessThan(norm(0) / 2);
  });
});

describe("optimizers", () => {
  const step = (opt: ReturnType<typeof sgd>, grads: number[][], lr: number) => {
    const param = new Float64Array([1, -2]);
    for (const g of grads) {
      opt.beginStep();
      opt.update(0, param, new Float64Array(g), lr);
    }
    return Array.from(param);
  };

  it("sgd: W ← W − η·dW", () => {
    expect(step(sgd(), [[0.5, -1]], 0.1)).toEqual([1 - 0.05, -2 + 0.1]);
  });

  it("momentum: the velocity accumulates, v ← βv − η·dW", () => {
    // v1 = −0.1·g, v2 = 0.9·v1 − 0.1·g
    const [w] = step(
      momentum({beta: 0.9}),
      [
        [1, 0],
        [1, 0]
      ],
      0.1
    );
    expect(w).toBeCloseTo(1 - 0.1 - 0.19, 15);
    const [nesterov] = step(momentum({beta: 0.9, nesterov: true}), [[1, 0]], 0.1);
    expect(nesterov).toBeCloseTo(1 + 0.9 * -0.1 - 0.1, 15);
  });

  it("adam: the first step moves every parameter by about η, whatever the gradient's size", () => {
    const [w, v] = step(adam(), [[1000, -0.001]], 0.01);
    expect(w).toBeCloseTo(1 - 0.01, 6);
    expect(v).toBeCloseTo(-2 + 0.01, 4);
  });

  it("momentum and adam train XOR faster than plain SGD at the same rate", () => {
    const lossAfter = (optimizer: "sgd" | "momentum" | "adam") =>
      trainSync(network(xorSpec), xor.X, xor.y, {
        loss: "binaryCrossEntropy",
        optimizer,
        learningRate: 0.05,
        maxIter: 300
      }).lossCurve.at(-1) ?? Number.NaN;
    expect(lossAfter("momentum")).toBeLessThan(lossAfter("sgd"));
    expect(lossAfter("adam")).toBeLessThan(lossAfter("sgd"));
  });
});

describe("schedules and stopping", () => {
  it("constant, inverse scaling and step decay give the documented rates", () => {
    expect(constant(0.1).rate(50, 1000)).toBe(0.1);
    expect(inverseScaling(0.1).rate(1, 99)).toBeCloseTo(0.01, 15); // 0.1 / √100
    expect(inverseScaling(0.1, {powerT: 1}).rate(1, 9)).toBeCloseTo(0.01, 15);
    const decay = stepDecay(0.1, {every: 10, factor: 0.5});
    expect([0, 9, 10, 25].map((e) => decay.rate(e, 0))).toEqual([0.1, 0.1, 0.05, 0.025]);
  });

  it("adaptive divides the rate by 5 at each plateau until it reaches minRate", () => {
    const schedule = adaptive(0.01, {minRate: 1e-4});
    expect(schedule.onPlateau()).toBe(true);
    expect(schedule.rate(0, 0)).toBeCloseTo(0.002, 15);
    expect(schedule.onPlateau()).toBe(true);
    expect(schedule.onPlateau()).toBe(true); // 0.00008
    expect(schedule.onPlateau()).toBe(false);
  });

  it("Plateau counts epochs that do not beat the best loss by more than tol, like scikit-learn", () => {
    const plateau = new Plateau(0.1, 2);
    expect([1, 0.95, 0.92, 0.91].map((loss) => plateau.update(loss))).toEqual([false, false, false, true]);
    plateau.reset();
    expect(plateau.update(0.5)).toBe(false); // a real improvement resets the count
  });

  it("training stops when the loss stalls (tol, nIterNoChange) and says why", () => {
    const result = trainSync(network(xorSpec), xor.X, xor.y, {
      loss: "binaryCrossEntropy",
      learningRate: 0.5,
      maxIter: 5000,
      tol: 1e-3,
      nIterNoChange: 5
    });
    expect(result.epochs).toBeLessThan(5000);
    expect(result.stopReason).toBe("the loss improved by less than tol = 0.001 for 5 epochs in a row");
    const capped = trainSync(network(xorSpec), xor.X, xor.y, {loss: "binaryCrossEntropy", maxIter: 7});
    expect(capped.epochs).toBe(7);
    expect(capped.stopReason).toBe("reached maxIter = 7 epochs");
  });

  it("the adaptive schedule lowers the rate when the loss stalls, and training reports it", () => {
    const trainer = new Trainer(network(xorSpec), xor.X, xor.y, {
      loss: "binaryCrossEntropy",
      learningRate: 0.5,
      schedule: "adaptive",
      tol: 1e-3,
      nIterNoChange: 3,
      maxIter: 3000
    });
    const rates = new Set<number>();
    while (!trainer.done) rates.add(trainer.runEpoch().learningRate);
    const [first, second, third] = rates;
    expect([first, second]).toEqual([0.5, 0.1]);
    expect(third).toBeCloseTo(0.02, 15);
  });
});
