import {describe, expect, it} from "vitest";
import {backpropSteps, derivativeText, plainText, superscriptParts} from "../../../src/components/backpropSteps.js";
import {Matrix, network} from "../../../src/lib/nn/index.js";

describe("backpropagation steps", () => {
  const steps = backpropSteps([2, 3, 1], ["tanh", "sigmoid"], 4);

  it("lists the forward pass layer by layer, then the backward pass from the output back", () => {
    expect(steps.map((s) => plainText(s.name))).toEqual([
      "Z[1]",
      "A[1]",
      "Z[2]",
      "A[2]",
      "dZ[2]",
      "dW[2]",
      "db[2]",
      "dA[1]",
      "dZ[1]",
      "dW[1]",
      "db[1]"
    ]);
    expect(steps.slice(0, 4).every((s) => s.phase === "forward")).toBe(true);
    expect(steps.slice(4).every((s) => s.phase === "backward")).toBe(true);
  });

  it("writes the formulas with samples as rows, and tanh's slope as 1 − A²", () => {
    const formula = (name: string) => plainText(steps.find((s) => plainText(s.name) === name)?.formula ?? "");
    expect(formula("Z[1]")).toBe("Z[1] = X · W[1] + b[1]");
    expect(formula("dZ[2]")).toBe("dZ[2] = A[2] − Y");
    expect(formula("dW[2]")).toBe("dW[2] = A[1]ᵀ · dZ[2] / m");
    expect(formula("dA[1]")).toBe("dA[1] = dZ[2] · W[2]ᵀ");
    expect(formula("dZ[1]")).toBe("dZ[1] = dA[1] ⊙ (1 − A[1]²)");
    expect(formula("dW[1]")).toBe("dW[1] = Xᵀ · dZ[1] / m");
  });

  it("gives every gradient the shape of its parameter, as the library computes it", () => {
    const net = network({
      inputs: 2,
      layers: [
        {units: 3, activation: "tanh"},
        {units: 1, activation: "sigmoid"}
      ],
      seed: 1
    });
    const X = Matrix.from([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1]
    ]);
    const {grads} = net.lossAndGradients(X, [0, 1, 1, 0], "binaryCrossEntropy");
    const shapeOf = (name: string) => steps.find((s) => plainText(s.name) === name)?.shape;
    grads.forEach(({dW, db}, i) => {
      expect(shapeOf(`dW[${i + 1}]`)).toBe(`${dW.rows} × ${dW.cols}`);
      expect(shapeOf(`db[${i + 1}]`)).toBe(`${db.rows} × ${db.cols}`);
    });
    expect(shapeOf("Z[1]")).toBe("4 × 3");
    expect(shapeOf("dA[1]")).toBe("4 × 3");
    expect(steps.find((s) => plainText(s.name) === "dW[1]")?.detail).toBe(
      "(2 × 4) · (4 × 3) → 2 × 3, the shape of W^[1]"
    );
  });

  it("says which units and connections each step touches", () => {
    const byName = (name: string) => steps.find((s) => plainText(s.name) === name);
    expect(byName("Z[1]")).toMatchObject({columns: [0, 1], weights: [1], biases: [1]});
    expect(byName("A[2]")).toMatchObject({columns: [2], weights: [], biases: []});
    expect(byName("dW[2]")).toMatchObject({weights: [2], biases: [], place: {kind: "weight", index: 2}});
    expect(byName("db[1]")).toMatchObject({weights: [], biases: [1]});
    expect(byName("dZ[1]")).toMatchObject({columns: [1], place: {kind: "unit", index: 1}});
  });

  it("handles deeper networks and other activations", () => {
    const deep = backpropSteps([4, 5, 5, 3], ["relu", "sigmoid", "softmax"], 10);
    expect(deep).toHaveLength(6 + 1 + 3 * 2 + 2 * 2);
    expect(plainText(deep.find((s) => plainText(s.name) === "dZ[2]")?.formula ?? "")).toBe(
      "dZ[2] = dA[2] ⊙ A[2] ⊙ (1 − A[2])"
    );
    expect(plainText(deep.find((s) => plainText(s.name) === "dZ[1]")?.formula ?? "")).toBe(
      "dZ[1] = dA[1] ⊙ (Z[1] > 0)"
    );
    expect(derivativeText("identity", 1)).toBe("1");
    expect(backpropSteps([3, 2], ["tanh"], 1).map((s) => plainText(s.formula))[2]).toBe("dZ[1] = dA[1] ⊙ (1 − A[1]²)");
  });

  it("refuses a network without layers, a wrong number of activations and a bad batch", () => {
    expect(() => backpropSteps([2], [], 4)).toThrow(/at least one layer/);
    expect(() => backpropSteps([2, 3, 1], ["tanh"], 4)).toThrow(/1 activations for 2 layers/);
    expect(() => backpropSteps([2, 1], ["sigmoid"], 0)).toThrow(/batch/);
  });

  it("splits superscripts out for display", () => {
    expect(superscriptParts("dW^[2] = A^[1]ᵀ")).toEqual([
      {text: "dW", sup: false},
      {text: "[2]", sup: true},
      {text: " = A", sup: false},
      {text: "[1]", sup: true},
      {text: "ᵀ", sup: false}
    ]);
    expect(superscriptParts("X")).toEqual([{text: "X", sup: false}]);
  });
});
