// Backpropagation checked two ways: against central differences, and against scalar autodiff (Value).
import {describe, expect, it} from "vitest";
import {
  type ActivationName,
  activations,
  gradientCheck,
  type LossName,
  Matrix,
  network,
  Random,
  softmaxJacobian,
  Value
} from "../../../src/lib/nn/index.js";

const random = new Random(42);
const X = new Matrix(6, 3).map(() => random.uniform(-1, 1));

interface Pairing {
  name: string;
  output: ActivationName;
  loss: LossName;
  units: number;
  fromLogits?: boolean;
  targets: number[] | Matrix;
}

const pairings: Pairing[] = [
  {
    name: "identity + mse",
    output: "identity",
    loss: "mse",
    units: 2,
    targets: new Matrix(6, 2).map(() => random.normal())
  },
  {
    name: "sigmoid + binaryCrossEntropy",
    output: "sigmoid",
    loss: "binaryCrossEntropy",
    units: 1,
    targets: [0, 1, 1, 0, 1, 0]
  },
  {name: "softmax + crossEntropy", output: "softmax", loss: "crossEntropy", units: 3, targets: [0, 2, 1, 2, 0, 1]},
  {
    name: "logits + crossEntropy (fromLogits)",
    output: "identity",
    loss: "crossEntropy",
    units: 3,
    fromLogits: true,
    targets: [1, 0, 2, 2, 1, 0]
  },
  // the general path (dA, then g'), used by pairings that do not simplify
  {
    name: "logits + binaryCrossEntropy (fromLogits)",
    output: "identity",
    loss: "binaryCrossEntropy",
    units: 1,
    fromLogits: true,
    targets: [1, 1, 0, 0, 1, 0]
  },
  {name: "sigmoid + mse", output: "sigmoid", loss: "mse", units: 2, targets: new Matrix(6, 2).map(() => random.next())},
  {name: "softmax + mse", output: "softmax", loss: "mse", units: 3, targets: new Matrix(6, 3).map(() => random.next())},
  {
    name: "tanh + mse",
    output: "tanh",
    loss: "mse",
    units: 2,
    targets: new Matrix(6, 2).map(() => random.uniform(-1, 1))
  }
];

const hiddenActivations: ActivationName[] = ["sigmoid", "tanh", "relu", "leakyRelu", "identity"];

describe("gradient check: backprop matches central differences (max relative error < 1e-6)", () => {
  for (const hidden of hiddenActivations) {
    for (const p of pairings) {
      it(`${hidden} hidden layers, ${p.name}`, () => {
        const net = network({
          inputs: 3,
          layers: [
            {units: 5, activation: hidden},
            {units: 4, activation: hidden},
            {units: p.units, activation: p.output}
          ],
          seed: 7
        });
        // random, non-zero biases too, so that every parameter matters
        for (const layer of net.layers) layer.b = layer.b.map(() => random.uniform(-0.5, 0.5));
        const result = gradientCheck(net, X, p.targets, p.loss, {fromLogits: p.fromLogits});
        expect(result.layers).toHaveLength(3);
        expect(result.max).toBeLessThan(1e-6);
      });
    }
  }
});

describe("gradient check has teeth", () => {
  it("flags a backward pass with a wrong derivative", () => {
    const net = network({
      inputs: 3,
      layers: [
        {units: 4, activation: "tanh"},
        {units: 1, activation: "sigmoid"}
      ],
      seed: 3
    });
    const right = activations.tanh.backward;
    // the mistake in seed 001: (1 − a)² instead of 1 − a²
    activations.tanh.backward = (_Z, A, dA) => {
      for (let k = 0; k < dA.data.length; k++) dA.data[k] *= (1 - A.data[k]) ** 2;
    };
    try {
      const result = gradientCheck(net, X, [1, 0, 1, 1, 0, 0], "binaryCrossEntropy");
      expect(result.layers[0].dW).toBeGreaterThan(1e-2);
      expect(result.layers[1].dW).toBeLessThan(1e-6); // the output layer does not use tanh's derivative
    } finally {
      activations.tanh.backward = right;
    }
  });
});

// The same loss written with Value, one scalar at a time.
function valueLoss(
  W: Value[][][],
  b: Value[][],
  acts: ActivationName[],
  X: number[][],
  Y: number[][],
  loss: LossName
): Value {
  const g = (name: ActivationName, z: Value[]): Value[] => {
    if (name === "softmax") {
      const e = z.map((v) => v.exp());
      const sum = e.reduce((s, v) => s.add(v));
      return e.map((v) => v.div(sum));
    }
    return z.map((v) =>
      name === "identity" ? v : name === "sigmoid" ? v.sigmoid() : name === "tanh" ? v.tanh() : v.relu()
    );
  };
  let total = new Value(0);
  X.forEach((x, i) => {
    let a: Value[] = x.map((v) => new Value(v));
    W.forEach((Wl, l) => {
      const z = b[l].map((bj, j) => a.reduce((s, ak, k) => s.add(ak.mul(Wl[k][j])), bj));
      a = g(acts[l], z);
    });
    a.forEach((aj, j) => {
      const y = Y[i][j];
      if (loss === "mse") total = total.add(aj.sub(y).pow(2).mul(0.5));
      else if (loss === "crossEntropy") total = y ? total.sub(aj.log().mul(y)) : total;
      else
        total = total.sub(
          aj
            .log()
            .mul(y)
            .add(
              new Value(1)
                .sub(aj)
                .log()
                .mul(1 - y)
            )
        );
    });
  });
  return total.div(X.length);
}

describe("Value (scalar autodiff) agrees with lossAndGradients", () => {
  const cases: {acts: ActivationName[]; loss: LossName; Y: number[][]}[] = [
    {
      acts: ["tanh", "softmax"],
      loss: "crossEntropy",
      Y: [
        [1, 0, 0],
        [0, 0, 1],
        [0, 1, 0],
        [0, 0, 1],
        [1, 0, 0],
        [0, 1, 0]
      ]
    },
    {acts: ["relu", "sigmoid"], loss: "binaryCrossEntropy", Y: [[1], [0], [0], [1], [1], [0]]},
    {
      acts: ["sigmoid", "identity"],
      loss: "mse",
      Y: [
        [0.5, -1],
        [1, 2],
        [0, 0],
        [-0.3, 0.1],
        [2, 1],
        [1, -1]
      ]
    }
  ];
  for (const {acts, loss, Y} of cases) {
    it(`${acts.join(" → ")} with ${loss}`, () => {
      const net = network({
        inputs: 3,
        layers: [
          {units: 4, activation: acts[0]},
          {units: Y[0].length, activation: acts[1]}
        ],
        seed: 11
      });
      for (const layer of net.layers) layer.b = layer.b.map(() => random.uniform(-0.5, 0.5));
      const W = net.layers.map((l) => l.W.toArray().map((row) => row.map((w) => new Value(w))));
      const b = net.layers.map((l) => l.b.row(0).map((v) => new Value(v)));
      const L = valueLoss(W, b, acts, X.toArray(), Y, loss);
      L.backward();
      const {loss: value, grads} = net.lossAndGradients(X, Matrix.from(Y), loss);
      expect(value).toBeCloseTo(L.data, 12);
      grads.forEach(({dW, db}, l) => {
        dW.toArray().forEach((row, k) => {
          row.forEach((g, j) => {
            expect(g).toBeCloseTo(W[l][k][j].grad, 12);
          });
        });
        db.row(0).forEach((g, j) => {
          expect(g).toBeCloseTo(b[l][j].grad, 12);
        });
      });
    });
  }
});

describe("activation derivatives", () => {
  const zs = [-2.5, -0.7, -0.1, 0.3, 1.2, 3];
  for (const name of ["identity", "sigmoid", "tanh", "relu", "leakyRelu"] as const) {
    it(`${name}: df matches a central difference of f, and backward multiplies dA by df`, () => {
      const {f, df} = activations[name];
      for (const z of zs) expect(df(z)).toBeCloseTo((f(z + 1e-6) - f(z - 1e-6)) / 2e-6, 8);
      const Z = Matrix.row(zs);
      const A = Z.map(f);
      const dA = Matrix.row(zs.map((_, i) => i + 1));
      const expected = zs.map((z, i) => (i + 1) * df(z));
      activations[name].backward(Z, A, dA);
      dA.row(0).forEach((d, i) => {
        expect(d).toBeCloseTo(expected[i], 14);
      });
    });
  }

  it("tanh'(z) = 1 − tanh(z)² (not (1 − tanh z)²)", () => {
    expect(activations.tanh.df(0.5)).toBeCloseTo(1 - Math.tanh(0.5) ** 2, 15);
    expect(activations.tanh.df(0.5)).not.toBeCloseTo((1 - Math.tanh(0.5)) ** 2, 3);
  });

  it("step and sign have derivative 0, so no gradient passes through them", () => {
    for (const name of ["step", "sign"] as const) {
      for (const z of zs) expect(activations[name].df(z)).toBe(0);
      const dA = Matrix.row([1, 2, 3]);
      activations[name].backward(Matrix.row([-1, 0.5, 2]), Matrix.row([0, 1, 1]), dA);
      expect(dA.row(0)).toEqual([0, 0, 0]);
    }
    expect([-2, 0, 2].map(activations.sign.f)).toEqual([-1, 0, 1]);
    expect([-2, 0, 2].map(activations.step.f)).toEqual([0, 0, 1]);
  });

  it("softmax's backward is its Jacobian times dA", () => {
    const z = [0.2, -1, 2.5, 0.4];
    const J = softmaxJacobian(z);
    const dA = [0.3, -0.2, 1, 0.5];
    const expected = z.map((_, k) => dA.reduce((s, d, j) => s + d * J[j][k], 0));
    const A = Matrix.row(z);
    activations.softmax.forward(Matrix.row(z), A);
    const D = Matrix.row(dA);
    activations.softmax.backward(Matrix.row(z), A, D);
    D.row(0).forEach((d, k) => {
      expect(d).toBeCloseTo(expected[k], 15);
    });
    // and the Jacobian itself matches central differences
    const h = 1e-6;
    for (let k = 0; k < z.length; k++) {
      const up = z.map((v, i) => (i === k ? v + h : v));
      const down = z.map((v, i) => (i === k ? v - h : v));
      const a1 = Matrix.row(up);
      const a0 = Matrix.row(down);
      activations.softmax.forward(Matrix.row(up), a1);
      activations.softmax.forward(Matrix.row(down), a0);
      for (let j = 0; j < z.length; j++) expect(J[j][k]).toBeCloseTo((a1.data[j] - a0.data[j]) / (2 * h), 8);
    }
  });
});
