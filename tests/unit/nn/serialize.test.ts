// Saving a network as JSON: the round trip is exact, and a file that is not a saved network is refused with a reason.
import {describe, expect, it} from "vitest";
import {Matrix, network, networkFromJSON, networkToJSON} from "../../../src/lib/nn/index.js";

const net = network({
  inputs: 3,
  layers: [
    {units: 4, activation: "relu"},
    {units: 2, activation: "tanh"},
    {units: 3, activation: "softmax"}
  ],
  seed: 5
});

describe("networkToJSON / networkFromJSON", () => {
  it("round-trips a network through JSON text bit for bit, and it computes the same outputs", () => {
    net.layers[1].b = Matrix.row([0.1 + 0.2, -1e-300]);
    const text = JSON.stringify(networkToJSON(net));
    const back = networkFromJSON(text);
    expect(back.toString()).toBe(net.toString());
    back.layers.forEach((layer, l) => {
      expect(Array.from(layer.W.data)).toEqual(Array.from(net.layers[l].W.data));
      expect(Array.from(layer.b.data)).toEqual(Array.from(net.layers[l].b.data));
    });
    const X = Matrix.from([
      [0.3, -1, 2],
      [1, 1, 1]
    ]);
    expect(Array.from(back.forward(X).data)).toEqual(Array.from(net.forward(X).data));
    expect(networkFromJSON(JSON.parse(text)).outputs).toBe(3);
  });

  it("writes W with one row per input and b as a plain list", () => {
    const json = networkToJSON(net);
    expect(json.format).toBe("nn-course/network");
    expect(json.inputs).toBe(3);
    expect(json.layers[0].W).toHaveLength(3);
    expect(json.layers[0].W[0]).toHaveLength(4);
    expect(json.layers[2]).toMatchObject({units: 3, activation: "softmax"});
    expect(json.layers[2].b).toHaveLength(3);
  });

  it("keeps other keys out of the way: a page may store its own settings next to the network", () => {
    const withExtras = {...networkToJSON(net), playground: {features: ["x1", "x2", "x1^2"]}};
    expect(networkFromJSON(withExtras).parameterCount).toBe(net.parameterCount);
  });

  it("refuses what is not a saved network, saying why", () => {
    expect(() => networkFromJSON("x1,x2,label\n1,2,0")).toThrow(/the text is not JSON/);
    expect(() => networkFromJSON({name: "my model"})).toThrow(
      /not a saved network: it has no "format": "nn-course\/network"/
    );
    expect(() => networkFromJSON(null)).toThrow(/not a saved network/);
    const json = networkToJSON(net);
    expect(() => networkFromJSON({...json, version: 2})).toThrow(/version 2 is unknown/);
    expect(() => networkFromJSON({...json, layers: []})).toThrow(/at least one layer/);
    const badShape = structuredClone(json);
    badShape.layers[1].W.pop();
    expect(() => networkFromJSON(badShape)).toThrow(
      "networkFromJSON: layer 1: W must be 4×2 (one row per input, one column per unit), got 3 rows"
    );
    const badNumber = structuredClone(json) as unknown as {layers: {W: unknown[][]}[]};
    badNumber.layers[0].W[2][1] = "0.5";
    expect(() => networkFromJSON(badNumber)).toThrow(
      'networkFromJSON: layer 0: W holds "0.5" at row 2, column 1; expected a number'
    );
    const badActivation = structuredClone(json) as unknown as {layers: {activation: string}[]};
    badActivation.layers[0].activation = "swish";
    expect(() => networkFromJSON(badActivation)).toThrow(/swish/);
  });

  it("refuses to save a network that diverged", () => {
    const broken = net.clone();
    broken.layers[2].W.data[4] = Number.NaN;
    expect(() => networkToJSON(broken)).toThrow(
      "networkToJSON: layer 2 W holds NaN; a network that diverged cannot be saved (reset it first)"
    );
  });
});
