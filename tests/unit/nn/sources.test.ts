// The numbers the source notes print, reproduced by the library to the digits they print.
import {describe, expect, it} from "vitest";
import {
  activate,
  gate,
  linearRegressionTable,
  lossValue,
  Matrix,
  network,
  predictClasses,
  softmax,
  Value
} from "../../../src/lib/nn/index.js";

/** `actual` rounded the way `printed` is written ("0.57444252" → 8 decimals, "4.53978686e-05" → 9 significant digits). */
function expectPrinted(actual: number, printed: string): void {
  if (/e/i.test(printed)) {
    const digits = printed.split(/e/i)[0].replace(/[-.]/g, "").length;
    expect(Number(actual.toExponential(digits - 1))).toBe(Number(printed));
  } else {
    const decimals = printed.includes(".") ? printed.split(".")[1].length : 0;
    expect(actual.toFixed(decimals)).toBe(Number(printed).toFixed(decimals));
  }
}

function expectAllPrinted(actual: number[], printed: string[]): void {
  expect(actual).toHaveLength(printed.length);
  actual.forEach((a, i) => {
    expectPrinted(a, printed[i]);
  });
}

describe("seed 002: the three-layer forward pass", () => {
  const net = network({
    inputs: 2,
    layers: [
      {units: 3, activation: "sigmoid"},
      {units: 2, activation: "sigmoid"},
      {units: 2, activation: "identity"}
    ]
  });
  net.layers[0].W = Matrix.from([
    [0.1, 0.3, 0.5],
    [0.2, 0.4, 0.6]
  ]);
  net.layers[0].b = Matrix.row([0.1, 0.2, 0.3]);
  net.layers[1].W = Matrix.from([
    [0.1, 0.4],
    [0.2, 0.5],
    [0.3, 0.6]
  ]);
  net.layers[1].b = Matrix.row([0.1, 0.2]);
  net.layers[2].W = Matrix.from([
    [0.1, 0.3],
    [0.2, 0.4]
  ]);
  net.layers[2].b = Matrix.row([0.1, 0.2]);
  const X = Matrix.row([1.0, 0.5]);

  // The notes call the pre-activation A1 and the sigmoid output Z1 (the reverse of this library's Z and A).
  it("first layer: X·W1 + B1 = [0.3, 0.7, 1.1] and its sigmoid [0.57444252, 0.66818777, 0.75026011]", () => {
    const {Z, A} = net.trace(X);
    expectAllPrinted(Z[0].row(0), ["0.3", "0.7", "1.1"]);
    expectAllPrinted(A[1].row(0), ["0.57444252", "0.66818777", "0.75026011"]);
  });

  it("output Y = [0.31682708, 0.69627909]", () => {
    expectAllPrinted(net.forward(X).row(0), ["0.31682708", "0.69627909"]);
  });
});

describe("softmax", () => {
  it("softmax([0.3, 2.9, 4.0]) = [0.01821127, 0.24519181, 0.73659691]", () => {
    expectAllPrinted(softmax([0.3, 2.9, 4.0]), ["0.01821127", "0.24519181", "0.73659691"]);
  });

  it("softmax([1010, 1000, 990]) = [9.99954600e-01, 4.53978686e-05, 2.06106005e-09], with no NaN", () => {
    const a = softmax([1010, 1000, 990]);
    expect(a.some(Number.isNaN)).toBe(false);
    expectAllPrinted(a, ["9.99954600e-01", "4.53978686e-05", "2.06106005e-09"]);
    // the naive formula overflows, which is the point of subtracting the max
    const naive = [1010, 1000, 990].map((z) => Math.exp(z) / (Math.exp(1010) + Math.exp(1000) + Math.exp(990)));
    expect(naive.every(Number.isNaN)).toBe(true);
  });

  it("the batch form agrees with the list form, row by row", () => {
    const A = activate(
      "softmax",
      Matrix.from([
        [0.3, 2.9, 4.0],
        [1010, 1000, 990]
      ])
    );
    expect(A.row(0)).toEqual(softmax([0.3, 2.9, 4.0]));
    expect(A.row(1)).toEqual(softmax([1010, 1000, 990]));
  });
});

describe("seed 004: cross-entropy", () => {
  const t = Matrix.row([0, 0, 1, 0, 0, 0, 0, 0, 0, 0]); // the correct label is "2"
  it("−log 0.6 = 0.51 when the true class gets 0.6", () => {
    const y = Matrix.row([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]);
    expectPrinted(lossValue("crossEntropy", y, t), "0.51");
  });
  it("−log 0.1 = 2.30 when it gets 0.1", () => {
    const y = Matrix.row([0.1, 0.05, 0.1, 0.0, 0.05, 0.6, 0.0, 0.1, 0.0, 0.0]);
    expectPrinted(lossValue("crossEntropy", y, t), "2.30");
  });
});

describe("seed 000: one-layer networks", () => {
  const oneUnit = (activation: "identity" | "sigmoid" | "step", b: number) => {
    const net = network({inputs: 2, layers: [{units: 1, activation}]});
    net.layers[0].W = Matrix.column([0.15, 0.15]);
    net.layers[0].b = Matrix.row([b]);
    return net;
  };

  it("linear regression: w1 = w2 = 0.15, b = −0.2 reproduces the table z = −0.2, −0.05, −0.05, 0.1", () => {
    const table = linearRegressionTable();
    expect(table.X.toArray()).toEqual([
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1]
    ]);
    const z = oneUnit("identity", -0.2).forward(table.X).column(0);
    z.forEach((value, i) => {
      expectPrinted(value, String(table.y[i]));
    });
  });

  it("AND gate with sigmoid: only (1, 1) reaches the 0.5 threshold", () => {
    const and = gate("and");
    const probabilities = oneUnit("sigmoid", -0.2).forward(and.X);
    expect(predictClasses(probabilities, 0.5)).toEqual(and.y);
    expect(and.y).toEqual([0, 0, 0, 1]);
  });

  it("AND gate with the step function and b = −0.23 (threshold θ = −b = 0.23)", () => {
    const and = gate("and");
    expect(oneUnit("step", -0.23).forward(and.X).column(0)).toEqual([0, 0, 0, 1]);
  });
});

describe("seed 003: matrix multiplication by hand", () => {
  it("[[1,2],[3,4]]·[[5,6],[7,8]] = [[19,22],[43,50]]", () => {
    const product = Matrix.from([
      [1, 2],
      [3, 4]
    ]).matmul(
      Matrix.from([
        [5, 6],
        [7, 8]
      ])
    );
    expect(product.toArray()).toEqual([
      [19, 22],
      [43, 50]
    ]);
  });
});

describe("seed 001: the computational graph J = 3(a + bc)", () => {
  const graph = (a0: number, b0: number, c0: number) => {
    const a = new Value(a0, "a");
    const b = new Value(b0, "b");
    const c = new Value(c0, "c");
    const u = b.mul(c);
    const v = a.add(u);
    const J = v.mul(3);
    J.backward();
    return {u: u.data, v: v.data, J: J.data, da: a.grad, db: b.grad, dc: c.grad};
  };
  it("a=7, b=4, c=2: u=8, v=15, J=45 and dJ/da=3, dJ/db=3c=6, dJ/dc=3b=12 (the notes' 9 belongs to b=3)", () => {
    expect(graph(7, 4, 2)).toEqual({u: 8, v: 15, J: 45, da: 3, db: 6, dc: 12});
  });
  it("a=5, b=3, c=2: u=6, v=11, J=33 and dJ/da=3, dJ/db=6, dJ/dc=9", () => {
    expect(graph(5, 3, 2)).toEqual({u: 6, v: 11, J: 33, da: 3, db: 6, dc: 9});
  });
});

describe("seed 004: derivatives and gradients", () => {
  it("the gradient of x0² + x1² is (6, 8) at (3, 4), (0, 4) at (0, 2), (6, 0) at (3, 0)", () => {
    for (const [p, expected] of [
      [
        [3, 4],
        [6, 8]
      ],
      [
        [0, 2],
        [0, 4]
      ],
      [
        [3, 0],
        [6, 0]
      ]
    ]) {
      const x0 = new Value(p[0]);
      const x1 = new Value(p[1]);
      x0.pow(2).add(x1.pow(2)).backward();
      expect([x0.grad, x1.grad]).toEqual(expected);
    }
  });

  it("y = 0.01x² + 0.1x has slope 0.2 at x = 5 and 0.3 at x = 10 (numerically and by autodiff)", () => {
    const f = (x: number) => 0.01 * x * x + 0.1 * x;
    const h = 1e-4;
    for (const [x, slope] of [
      [5, 0.2],
      [10, 0.3]
    ]) {
      expect((f(x + h) - f(x - h)) / (2 * h)).toBeCloseTo(slope, 9);
      const v = new Value(x);
      v.pow(2).mul(0.01).add(v.mul(0.1)).backward();
      expect(v.grad).toBeCloseTo(slope, 12);
    }
  });
});
