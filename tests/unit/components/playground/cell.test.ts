// The Playground's live cell: written from the settings it builds exactly what the playground would build itself;
// a control rewrites only its own line, keeping the learner's edits; and reading back gives the settings again.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {
  buildNetwork,
  type CellValues,
  playgroundCell,
  readCell,
  rewritePlaygroundCell,
  trainOptions
} from "../../../../src/components/playground/cell.js";
import {DEFAULT_SETTINGS, type PlaygroundSettings} from "../../../../src/components/playground/settings.js";
import * as nn from "../../../../src/lib/nn/index.js";
import {runCell} from "../../live/run-cell.js";

/** What the cell declares, run as the page runs it. */
function run(source: string): CellValues & {out: Record<string, unknown>} {
  const out = runCell(source, {}, [nn]).result as Record<string, unknown>;
  return {inputs: out.inputs, network: out.net, training: out.training, out};
}

const spiral3: PlaygroundSettings = {
  ...DEFAULT_SETTINGS,
  data: "spiral",
  classes: 3,
  features: ["x1", "x2", "sin(x1)"],
  hidden: [8, 6, 4],
  activation: "relu",
  regularization: "l2",
  regularizationRate: 0.03,
  learningRate: 0.01,
  optimizer: "adam",
  batchSize: 20
};

describe("the playground's live cell", () => {
  it.each([
    ["the defaults", DEFAULT_SETTINGS],
    ["three spirals", spiral3],
    ["a regression without hidden layers", {...DEFAULT_SETTINGS, problem: "regression", data: "plane", hidden: []}]
  ] as [string, PlaygroundSettings][])(
    "%s: the cell builds what buildNetwork builds, with trainOptions",
    (_name, s) => {
      const source = playgroundCell(s);
      expect(source.split("\n").length).toBeLessThanOrEqual(25);
      const {network, training, inputs} = run(source);
      const built = buildNetwork(s);
      expect((network as nn.Network).toString()).toBe(built.toString());
      (network as nn.Network).layers.forEach((layer, l) => {
        expect(Array.from(layer.W.data)).toEqual(Array.from(built.layers[l].W.data));
      });
      expect(training).toEqual(trainOptions(s));
      expect(inputs).toEqual(s.features);
      const read = readCell({inputs, network, training}, s);
      expect(read.notes).toEqual([]);
      expect({...s, ...read.settings}).toEqual(s);
    }
  );

  it("is the cell the Playground page prints", () => {
    const page = readFileSync("src/playground.md", "utf8");
    expect(/```ts live id=playground\n([\s\S]*?)\n```/.exec(page)?.[1]).toBe(playgroundCell(DEFAULT_SETTINGS));
  });

  it("is the cell the Chinese Playground page prints, with its comments in Chinese", () => {
    const page = readFileSync("src/zh/playground.md", "utf8");
    const globals = globalThis as {document?: unknown};
    globals.document = {documentElement: {lang: "zh-CN"}}; // what t() reads in the page
    try {
      const cell = playgroundCell(DEFAULT_SETTINGS);
      expect(cell).toContain("// 2 个类别：P(类别 1)");
      expect(/```ts live id=playground\n([\s\S]*?)\n```/.exec(page)?.[1]).toBe(cell);
    } finally {
      delete globals.document;
    }
  });

  it("writes the output layer and loss each problem needs", () => {
    expect(playgroundCell(DEFAULT_SETTINGS)).toContain(
      'const outputLayer: LayerSpec = {units: 1, activation: "sigmoid"}; // 2 classes: P(class 1)'
    );
    expect(playgroundCell(spiral3)).toContain('{units: 3, activation: "softmax"}; // 3 classes: a probability each');
    expect(playgroundCell(spiral3)).toContain('loss: "crossEntropy",');
    expect(playgroundCell(spiral3)).toContain("l2: 0.03 // the penalty");
    expect(playgroundCell({...DEFAULT_SETTINGS, problem: "regression", data: "plane"})).toContain('loss: "mse",');
  });

  it("rewrites only the lines of the settings that changed, keeping the learner's edits", () => {
    const learner = playgroundCell(DEFAULT_SETTINGS)
      .replace("seed: 1", "seed: 7")
      .replace("batchSize: 10,", "batchSize: 10, // my batch")
      .concat("\nconst mine = 42;");
    let s: PlaygroundSettings = {...DEFAULT_SETTINGS, hidden: [5, 5, 5]};
    let source = rewritePlaygroundCell(learner, s, ["hidden"]);
    expect(source).toContain("const hiddenLayers = [5, 5, 5]; // neurons in each hidden layer");
    expect(source).toContain("seed: 7");
    expect(source).toContain("const mine = 42;");
    s = {...s, classes: 3, data: "spiral", learningRate: 0.3, batchSize: 1, optimizer: "momentum"};
    source = rewritePlaygroundCell(source, s, ["classes", "learningRate", "batchSize", "optimizer", "data", "noise"]);
    expect(source).toContain(
      'const outputLayer: LayerSpec = {units: 3, activation: "softmax"}; // 3 classes: a probability each'
    );
    expect(source).toContain('loss: "crossEntropy",');
    expect(source).toContain("learningRate: 0.3,");
    expect(source).toContain("batchSize: 1, // my batch");
    expect(source).toContain('optimizer: "momentum", // "sgd", "momentum" or "adam"');
    s = {...s, regularization: "l1", regularizationRate: 0.1};
    source = rewritePlaygroundCell(source, s, ["regularization"]);
    expect(source).toMatch(/^ {2}l1: 0\.1 \/\/ the penalty/m);
    s = {...s, regularization: "none"};
    source = rewritePlaygroundCell(source, s, ["regularization"]);
    expect(source).toMatch(/^ {2}l2: 0 \/\/ the penalty/m);
    s = {...s, features: ["x1^2", "x2^2"], activation: "sigmoid"};
    source = rewritePlaygroundCell(source, s, ["features", "activation"]);
    expect(source).toContain('const inputs = ["x1^2", "x2^2"];');
    expect(source).toContain('const activation: ActivationName = "sigmoid";');
    const {network, training, inputs} = run(source);
    expect((network as nn.Network).toString()).toBe(
      "2 → 5 sigmoid → 5 sigmoid → 5 sigmoid → 3 softmax (93 parameters)"
    );
    expect(readCell({network, training, inputs}, s).settings).toMatchObject({
      hidden: [5, 5, 5],
      optimizer: "momentum",
      learningRate: 0.3,
      batchSize: 1,
      regularization: "none"
    });
  });

  it("writes the whole cell anew when a line it needs is gone", () => {
    const without = playgroundCell(DEFAULT_SETTINGS).replace(/^const hiddenLayers.*\n/m, "");
    expect(rewritePlaygroundCell(without, {...DEFAULT_SETTINGS, hidden: [3]}, ["hidden"])).toBe(
      playgroundCell({...DEFAULT_SETTINGS, hidden: [3]})
    );
  });

  it("reads back what the controls cannot show as notes, and refuses a network the data cannot train", () => {
    const net = nn.network({
      inputs: 2,
      layers: [
        {units: 3, activation: "tanh"},
        {units: 3, activation: "leakyRelu"},
        {units: 1, activation: "sigmoid"}
      ]
    });
    const read = readCell(
      {inputs: ["x1", "x2"], network: net, training: {loss: "binaryCrossEntropy", l1: 0.1, l2: 0.1}},
      DEFAULT_SETTINGS
    );
    expect(read.notes).toEqual([
      "the hidden layers mix activations (tanh, leakyRelu)",
      "both L1 and L2 penalties are on; the menu shows L1"
    ]);
    expect(read.settings).toMatchObject({
      activation: "tanh",
      regularization: "l1",
      regularizationRate: 0.1,
      optimizer: "sgd"
    });
    const training = {loss: "binaryCrossEntropy"};
    expect(() => readCell({inputs: ["x1"], network: net, training}, DEFAULT_SETTINGS)).toThrow(
      "the network takes 2 inputs but inputs lists 1 feature; give it inputs: inputs.length"
    );
    expect(() =>
      readCell({inputs: ["x1", "x2"], network: net, training}, {problem: "classification", classes: 3})
    ).toThrow('the output layer has 1 unit, but the data has 3 classes: give it {units: 3, activation: "softmax"}');
    const deep = nn.network({
      inputs: 2,
      layers: [...Array(7)]
        .map((): nn.LayerSpec => ({units: 2, activation: "tanh"}))
        .concat([{units: 1, activation: "sigmoid"}])
    });
    expect(() => readCell({inputs: ["x1", "x2"], network: deep, training}, DEFAULT_SETTINGS)).toThrow(
      "the playground draws at most 6 hidden layers of 8 neurons; this network has [2, 2, 2, 2, 2, 2, 2]"
    );
    expect(() => readCell({inputs: ["x1", "x2"], network: {}, training}, DEFAULT_SETTINGS)).toThrow(
      "net must be a network made by network({…})"
    );
    expect(() => readCell({inputs: ["x1", "x2"], network: net, training: {}}, DEFAULT_SETTINGS)).toThrow(
      'training must hold the training options, at least {loss: "binaryCrossEntropy"}'
    );
  });
});
