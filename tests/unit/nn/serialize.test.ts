// Keeping a trained network: networkToJSON and networkFromJSON give back the very same network, and anything that is
// not a saved network is refused with a message that says why.
import {describe, expect, it} from "vitest";
import {
  gate,
  Matrix,
  NETWORK_FORMAT,
  network,
  networkFromJSON,
  networkToJSON,
  trainSync
} from "../../../src/lib/nn/index.js";

const xor = gate("xor");

function trained() {
  const net = network({
    inputs: 2,
    layers: [
      {units: 4, activation: "tanh"},
      {units: 3, activation: "relu"},
      {units: 1, activation: "sigmoid"}
    ],
    seed: 5
  });
  trainSync(net, xor.X, xor.y, {loss: "binaryCrossEntropy", learningRate: 0.5, maxIter: 300});
  return net;
}

describe("networkToJSON / networkFromJSON", () => {
  it("round-trips through JSON text: same shapes, activations and bit-for-bit the same outputs", () => {
    const net = trained();
    const text = JSON.stringify(networkToJSON(net));
    const back = networkFromJSON(text);
    expect(back.toString()).toBe(net.toString());
    expect(back.layers.map((l) => l.activation)).toEqual(["tanh", "relu", "sigmoid"]);
    const X = Matrix.from([
      [0, 0],
      [1, 0],
      [0.3, 0.7],
      [-2, 5]
    ]);
    expect(Array.from(back.forward(X).data)).toEqual(Array.from(net.forward(X).data));
    // an independent copy: changing the loaded weights leaves the original alone
    back.layers[0].W.set(0, 0, 99);
    expect(net.layers[0].W.get(0, 0)).not.toBe(99);
  });

  it("writes readable JSON: the format, sizes, W with one row per input, and b", () => {
    const net = network({inputs: 3, layers: [{units: 2, activation: "softmax"}], seed: 1});
    net.layers[0].b = Matrix.from([[0.5, -0.25]]);
    const json = networkToJSON(net);
    expect(json.format).toBe(NETWORK_FORMAT);
    expect(json.version).toBe(1);
    expect(json.inputs).toBe(3);
    expect(json.layers[0].units).toBe(2);
    expect(json.layers[0].W).toHaveLength(3);
    expect(json.layers[0].W[0]).toHaveLength(2);
    expect(json.layers[0].b).toEqual([0.5, -0.25]);
    expect(networkFromJSON(json).layers[0].b.toArray()).toEqual([[0.5, -0.25]]);
  });

  it("refuses a file that is not a saved network, saying what is wrong", () => {
    const good = networkToJSON(
      network({
        inputs: 2,
        layers: [
          {units: 2, activation: "relu"},
          {units: 1, activation: "sigmoid"}
        ]
      })
    );
    const bad = (change: (json: Record<string, unknown> & {layers: Record<string, unknown>[]}) => void) => {
      const copy = JSON.parse(JSON.stringify(good));
      change(copy);
      return () => networkFromJSON(copy);
    };
    expect(() => networkFromJSON("name,age\nAda,36")).toThrow(/not a saved network: it is not even JSON/);
    expect(() => networkFromJSON('{"name": "my shopping list"}')).toThrow(/no "format": "nn-course\/network" field/);
    expect(() => networkFromJSON(null)).toThrow(/not a saved network/);
    expect(() => networkFromJSON([1, 2, 3])).toThrow(/not a saved network/);
    expect(bad((j) => (j.version = 2))).toThrow(/unknown version 2/);
    expect(bad((j) => (j.layers = []))).toThrow(/has no layers/);
    expect(bad((j) => (j.layers[1].activation = "swish"))).toThrow(/layer 1 has the unknown activation "swish"/);
    expect(bad((j) => (j.layers[0].W = [[1, 2]]))).toThrow(/layer 0 W should be 2×2/);
    expect(bad((j) => (j.layers[1].b = [1, 2]))).toThrow(/layer 1 b should be 1×1/);
    expect(bad((j) => (j.layers[1].units = 2))).toThrow(/layer 1 W should be 2×2/);
    expect(bad((j) => (j.inputs = 0))).toThrow(/not whole numbers ≥ 1/);
    expect(bad((j) => ((j.layers[0].W as number[][])[1][0] = Number.NaN))).toThrow(/finite numbers only/);
  });
});
