// A Playground model as a file: it comes back with its inputs and problem; other files are refused with the reason.
import {describe, expect, it} from "vitest";
import {buildNetwork} from "../../../../src/components/playground/cell.js";
import {modelFromFile, modelToFile} from "../../../../src/components/playground/modelFile.js";
import {DEFAULT_SETTINGS, type PlaygroundSettings} from "../../../../src/components/playground/settings.js";
import {network, networkToJSON} from "../../../../src/lib/nn/index.js";

describe("playground model files", () => {
  it("saves the network with its inputs and problem, and loads both back", () => {
    const s: PlaygroundSettings = {
      ...DEFAULT_SETTINGS,
      classes: 3,
      data: "spiral",
      features: ["x1", "x2", "x1*x2"],
      hidden: [5]
    };
    const net = buildNetwork(s);
    net.layers[0].W.data[0] = 1.25;
    const {network: back, info} = modelFromFile(modelToFile(net, s));
    expect(info).toEqual({features: ["x1", "x2", "x1*x2"], problem: "classification", classes: 3});
    expect(back.toString()).toBe("3 → 5 tanh → 3 softmax (38 parameters)");
    expect(back.layers[0].W.data[0]).toBe(1.25);
    const reg = modelFromFile(
      modelToFile(buildNetwork({...DEFAULT_SETTINGS, problem: "regression", data: "plane"}), {
        ...DEFAULT_SETTINGS,
        problem: "regression"
      })
    );
    expect(reg.info).toEqual({features: ["x1", "x2"], problem: "regression", classes: 1});
  });

  it("takes a library network with two inputs, read as x₁ and x₂", () => {
    const net = network({
      inputs: 2,
      layers: [
        {units: 3, activation: "relu"},
        {units: 1, activation: "sigmoid"}
      ]
    });
    expect(modelFromFile(JSON.stringify(networkToJSON(net))).info).toEqual({
      features: ["x1", "x2"],
      problem: "classification",
      classes: 2
    });
  });

  it("refuses files it cannot use, saying why", () => {
    expect(() => modelFromFile("x1,x2,label\n1,2,0")).toThrow(/the text is not JSON/);
    expect(() => modelFromFile('{"weights": [1, 2]}')).toThrow(/not a saved network/);
    const digits = network({inputs: 64, layers: [{units: 10, activation: "softmax"}]});
    expect(() => modelFromFile(JSON.stringify(networkToJSON(digits)))).toThrow(
      "this network takes 64 inputs and says nothing about them; the playground can guess only for 2 (x₁ and x₂)"
    );
    const wide = network({
      inputs: 2,
      layers: [
        {units: 16, activation: "relu"},
        {units: 1, activation: "sigmoid"}
      ]
    });
    expect(() => modelFromFile(JSON.stringify(networkToJSON(wide)))).toThrow(
      "this network has hidden layers [16]; the playground draws at most 6 layers of 8 neurons"
    );
    const mismatch = {
      ...networkToJSON(network({inputs: 2, layers: [{units: 1, activation: "sigmoid"}]})),
      playground: {features: ["x1"]}
    };
    expect(() => modelFromFile(JSON.stringify(mismatch))).toThrow("the file lists 1 inputs but its network takes 2");
  });
});
