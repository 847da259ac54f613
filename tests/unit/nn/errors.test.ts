// Every bad input is refused with a message that says what is wrong and what to do.
import {describe, expect, it} from "vitest";
import {
  activation,
  adaptive,
  affineInto,
  dense,
  digitsFromJSON,
  gate,
  gradientCheck,
  Layer,
  lossValue,
  Matrix,
  MLPClassifier,
  MLPRegressor,
  matmulTransposeAInto,
  matmulTransposeBInto,
  momentum,
  Network,
  network,
  oneHot,
  optimizer,
  Random,
  schedule,
  sequential,
  spirals,
  stepDecay,
  stopIfDiverged,
  train,
  trainSync,
  trainTestSplit,
  Value
} from "../../../src/lib/nn/index.js";

const xor = gate("xor");
const small = () =>
  network({
    inputs: 2,
    layers: [
      {units: 3, activation: "tanh"},
      {units: 2, activation: "softmax"}
    ]
  });

describe("shapes", () => {
  it("matmul names both shapes and the inner sizes", () => {
    expect(() => new Matrix(4, 2).matmul(new Matrix(3, 1))).toThrow("matmul: (4×2)·(3×1) — inner sizes 2 and 3 differ");
    expect(() => matmulTransposeAInto(new Matrix(2, 1), new Matrix(4, 2), new Matrix(3, 1))).toThrow(
      "matmul Aᵀ·B: (4×2)ᵀ·(3×1) — inner sizes 4 and 3 differ"
    );
    expect(() => matmulTransposeBInto(new Matrix(4, 3), new Matrix(4, 2), new Matrix(3, 1), new Matrix(1, 3))).toThrow(
      "inner sizes 2 and 1 differ"
    );
  });

  it("elementwise operations say which shapes would have worked", () => {
    expect(() => new Matrix(4, 3).add(new Matrix(2, 3))).toThrow(
      "add: (4×3) + (2×3) — shapes differ; the right side must be 4×3, a 1×3 row, a 4×1 column or a number"
    );
    expect(() => new Matrix(2, 2).mul(new Matrix(2, 3))).toThrow("mul: (2×2) ⊙ (2×3) — shapes differ");
  });

  it("an output of the wrong shape, or a bias that is not a row, is refused", () => {
    expect(() => affineInto(new Matrix(2, 2), new Matrix(2, 2), new Matrix(2, 3), new Matrix(1, 3))).toThrow(
      "A·W + b: the result is 2×3 but out is 2×2"
    );
    expect(() => affineInto(new Matrix(2, 3), new Matrix(2, 2), new Matrix(2, 3), new Matrix(3, 1))).toThrow(
      "A·W + b: b is 3×1 but must be a 1×3 row, one entry per unit"
    );
  });

  it("ragged nested arrays, wrong data lengths and out-of-range indices are refused", () => {
    expect(() => Matrix.from([[1, 2], [3]])).toThrow("Matrix.from: row 1 has 1 entries but row 0 has 2");
    expect(() => new Matrix(2, 2, new Float64Array(3))).toThrow("Matrix: 2×2 needs 4 numbers, got 3");
    expect(() => new Matrix(2, 2).get(2, 0)).toThrow("get: index (2, 0) is outside a 2×2 matrix");
    expect(() => new Matrix(-1, 2)).toThrow("Matrix: rows must be a whole number ≥ 0, got -1");
  });

  it("assigning W or b of the wrong shape names the layer's shape", () => {
    const net = small();
    expect(() => {
      net.layers[0].W = new Matrix(3, 2);
    }).toThrow("layer W: must be 2×3 for 2 inputs and 3 units, got 3×2");
    expect(() => {
      net.layers[1].b = new Matrix(2, 1);
    }).toThrow("layer b: must be 1×2 for 3 inputs and 2 units, got 2×1");
  });

  it("X with the wrong number of columns, or no rows, is refused", () => {
    expect(() => small().forward(new Matrix(4, 3))).toThrow(
      "forward: X is 4×3 but the network takes 2 inputs per sample"
    );
    expect(() => small().forward(new Matrix(0, 2))).toThrow("forward: X has no rows; pass at least one sample");
  });

  it("layers that do not fit together are refused", () => {
    expect(
      () =>
        new Network(2, [
          new Layer(new Matrix(2, 3), new Matrix(1, 3), "relu"),
          new Layer(new Matrix(4, 1), new Matrix(1, 1), "sigmoid")
        ])
    ).toThrow("network: layer 1 expects 4 inputs but receives 3");
  });
});

describe("names", () => {
  it("an unknown activation lists the valid names", () => {
    expect(() => activation("softplus")).toThrow(
      'activation: unknown activation "softplus"; choose one of "identity", "step", "sign", "sigmoid", "tanh", "relu", "leakyRelu", "softmax"'
    );
    expect(() => network({inputs: 2, layers: [{units: 2, activation: "Relu" as "relu"}]})).toThrow(
      'unknown activation "Relu"'
    );
  });

  it("an unknown loss lists the valid names", () => {
    expect(() => lossValue("hinge" as "mse", new Matrix(1, 1), new Matrix(1, 1))).toThrow(
      'loss: unknown loss "hinge"; choose one of "mse", "binaryCrossEntropy", "crossEntropy"'
    );
    expect(() => trainSync(small(), xor.X, xor.y, {loss: "crossentropy" as "mse"})).toThrow(
      'unknown loss "crossentropy"'
    );
  });

  it("unknown optimizers, schedules, initialisers and gates list the valid names", () => {
    expect(() => optimizer("rmsprop" as "sgd")).toThrow('choose one of "sgd", "momentum", "adam"');
    expect(() => schedule("cosine" as "constant", 0.1)).toThrow(
      'choose one of "constant", "inverseScaling", "stepDecay", "adaptive"'
    );
    expect(() => network({inputs: 2, layers: [{units: 1, activation: "relu"}], init: "lecun" as "he"})).toThrow(
      'choose one of "smallUniform", "xavier", "glorot", "he"'
    );
    expect(() => gate("xnor" as "xor")).toThrow('choose one of "and", "or", "nand", "xor"');
  });
});

describe("data", () => {
  it("NaN in X is refused, naming the row and column", () => {
    const X = Matrix.from([
      [0, 1],
      [Number.NaN, 2]
    ]);
    expect(() => small().forward(X)).toThrow(
      "forward: X holds NaN at row 1, column 0; remove or fill in missing values"
    );
    expect(() => trainSync(small(), X, [0, 1], {loss: "crossEntropy"})).toThrow(
      "train: X holds NaN at row 1, column 0"
    );
  });

  it("NaN in the targets is refused", () => {
    expect(() =>
      trainSync(network({inputs: 2, layers: [{units: 1, activation: "identity"}]}), xor.X, [0, Number.NaN, 1, 0], {
        loss: "mse"
      })
    ).toThrow("train: target at row 1 is NaN; every target must be a number");
  });

  it("labels out of range are refused, naming the row and the valid range", () => {
    expect(() => trainSync(small(), xor.X, [0, 1, 2, 0], {loss: "crossEntropy"})).toThrow(
      "train: label 2 at row 2 is out of range; with 2 classes the labels must be whole numbers 0…1"
    );
    expect(() => oneHot([0, 1.5], 3)).toThrow("oneHot: label 1.5 at row 1 is out of range");
    const binary = network({inputs: 2, layers: [{units: 1, activation: "sigmoid"}]});
    expect(() => trainSync(binary, xor.X, [0, 1, 3, 0], {loss: "binaryCrossEntropy"})).toThrow(
      "train: target 3 at row 2 is not a probability; binaryCrossEntropy needs targets between 0 and 1"
    );
  });

  it("targets that do not match the samples or the outputs are refused", () => {
    expect(() => trainSync(small(), xor.X, [0, 1, 1], {loss: "crossEntropy"})).toThrow(
      "train: targets are 3×2 but the network outputs 4×2; give one target row per sample and one column per output unit"
    );
    expect(() => small().lossAndGradients(xor.X, new Matrix(4, 3), "mse")).toThrow(
      "targets are 4×3 but the network outputs 4×2"
    );
  });

  it("an empty batch is refused", () => {
    expect(() => trainSync(small(), new Matrix(0, 2), [], {loss: "crossEntropy"})).toThrow(
      "train: X has no rows; pass at least one sample"
    );
    expect(() => lossValue("mse", new Matrix(0, 1), new Matrix(0, 1))).toThrow("loss: the batch is empty");
    expect(() => trainSync(small(), xor.X, xor.y, {loss: "crossEntropy", batchSize: 0})).toThrow(
      "train: batchSize must be a whole number ≥ 1, got 0"
    );
  });

  it("datasets refuse impossible sizes and splits", () => {
    expect(() => spirals({n: 2, classes: 3})).toThrow("spirals: n must be a whole number ≥ 3, got 2");
    expect(() => spirals({classes: 1})).toThrow("spirals: classes must be a whole number ≥ 2, got 1");
    expect(() => trainTestSplit(gate("and"), {testFraction: 1.5})).toThrow("testFraction must be between 0 and 1");
    expect(() => digitsFromJSON({} as never)).toThrow("digitsFromJSON: expected {images, labels} of equal length");
  });
});

describe("training settings", () => {
  it("a non-positive or missing-number learning rate is refused", () => {
    for (const learningRate of [0, -0.1, Number.NaN]) {
      expect(() => trainSync(small(), xor.X, xor.y, {loss: "crossEntropy", learningRate})).toThrow(
        `train: learningRate must be a positive number, got ${learningRate}`
      );
    }
    expect(() => new MLPClassifier({learningRateInit: 0})).toThrow(
      "MLP: learningRateInit must be a positive number, got 0"
    );
  });

  it("other bad settings name the setting and the allowed values", () => {
    expect(() => trainSync(small(), xor.X, xor.y, {loss: "crossEntropy", maxIter: 2.5})).toThrow(
      "maxIter must be a whole number ≥ 1"
    );
    expect(() => trainSync(small(), xor.X, xor.y, {loss: "crossEntropy", l2: -1})).toThrow(
      "train: l2 must be a number ≥ 0, got -1"
    );
    expect(() => momentum({beta: 1})).toThrow("momentum: beta must be below 1 (it is a decay factor), got 1");
    expect(() => stepDecay(0.1, {factor: 2})).toThrow("stepDecay: factor must be below 1 so the rate goes down, got 2");
    expect(() => adaptive(0.1, {minRate: 0})).toThrow("adaptive: minRate must be a positive number, got 0");
    expect(() => new Random(0.5)).toThrow("Random: the seed must be a whole number, got 0.5");
    expect(() => trainSync(small(), xor.X, xor.y, {loss: "crossEntropy", tol: -1})).toThrow(
      "stopping: tol must be a number ≥ 0"
    );
  });

  it("fromLogits needs a last layer that outputs raw scores, and a cross-entropy loss", () => {
    expect(() => small().lossAndGradients(xor.X, xor.y, "crossEntropy", {fromLogits: true})).toThrow(
      'fromLogits: the last layer must output raw scores (activation "identity"), but it uses "softmax"'
    );
    const linear = network({inputs: 2, layers: [{units: 1, activation: "identity"}]});
    expect(() => linear.lossAndGradients(xor.X, xor.y, "mse", {fromLogits: true})).toThrow(
      'fromLogits only applies to "crossEntropy" and "binaryCrossEntropy"'
    );
  });

  it("models refuse misuse with a hint", () => {
    expect(() => new MLPClassifier().predict([[0, 0]])).toThrow("MLP: not fitted yet; call fit(X, y) first");
    expect(() => new MLPClassifier().fit(xor.X, [1, 1, 1, 1])).toThrow(
      "MLPClassifier.fit: y has only 1 class; a classifier needs at least 2"
    );
    expect(() => new MLPClassifier().fit(xor.X, [0, 1])).toThrow("fit: X has 4 samples but y has 2");
    expect(() => new MLPClassifier({hiddenLayerSizes: [0]})).toThrow(
      "MLP: each hidden layer size must be a whole number ≥ 1, got 0"
    );
    expect(() => new MLPClassifier({solver: "lbfgs" as "adam"})).toThrow(
      'unknown solver "lbfgs"; choose one of "sgd", "adam"'
    );
    expect(() => new MLPRegressor().fit(xor.X, ["a", "b", "c", "d"])).toThrow("MLPRegressor.fit: y must hold numbers");
    expect(() => sequential([dense(1, "sigmoid")]).fit(xor.X, xor.y)).toThrow(
      "fit: call compile({loss, optimizer}) before fit"
    );
    expect(() => sequential([dense(1)]).predict(xor.X)).toThrow(
      "sequential: the model has no weights yet; call fit(X, y) or pass {inputs}"
    );
  });

  it("Value refuses a log of a non-positive number", () => {
    expect(() => new Value(0).log()).toThrow("Value.log: the logarithm needs a positive number, got 0");
  });

  it("gradientCheck passes bad input on to the same checks", () => {
    expect(() => gradientCheck(small(), new Matrix(2, 5), [0, 1], "crossEntropy")).toThrow(
      "X is 2×5 but the network takes 2 inputs"
    );
  });
});

describe("divergence", () => {
  it("a NaN or infinite loss stops training, naming the epoch and the learning rate and suggesting a smaller one", () => {
    const data = spirals({n: 90});
    const net = network({
      inputs: 2,
      layers: [
        {units: 16, activation: "relu"},
        {units: 3, activation: "softmax"}
      ],
      seed: 1
    });
    let message = "";
    try {
      trainSync(net, data.X.scale(100), data.y, {loss: "crossEntropy", learningRate: 1e6, maxIter: 50});
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(
      /^training stopped in epoch \d+: the loss became (NaN|Infinity) with learning rate 1000000\. The steps are too large and the weights blew up; try a smaller learning rate, e\.g\. 100000$/
    );
  });

  it("the async trainer reports divergence the same way", async () => {
    const net = network({inputs: 2, layers: [{units: 1, activation: "identity"}]});
    const run = async () => {
      for await (const _ of train(net, xor.X.scale(1e3), [1e3, 0, 5, -1e3], {
        loss: "mse",
        learningRate: 10,
        maxIter: 1000
      })) {
        // keep going until it fails
      }
    };
    await expect(run()).rejects.toThrow(
      /^training stopped in epoch \d+: the loss became (NaN|Infinity) with learning rate 10\./
    );
  });

  it("a loop written by hand stops with the same message through stopIfDiverged", () => {
    expect(() => stopIfDiverged(0.25, 3, 0.5)).not.toThrow();
    expect(() => stopIfDiverged(Number.POSITIVE_INFINITY, 63, 100)).toThrow(
      "training stopped in epoch 63: the loss became Infinity with learning rate 100. The steps are too large and " +
        "the weights blew up; try a smaller learning rate, e.g. 10"
    );
    expect(() => stopIfDiverged(Number.NaN, 7, 2)).toThrow(/^training stopped in epoch 7: the loss became NaN/);
  });
});
