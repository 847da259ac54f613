// The pure half of the playground trainer: which data sets and settings it offers, the network a setting builds,
// the live-cell source that writes that network out, and the way back (the setting a network and data set show).
// No DOM here, so every function can be unit-tested in Node.
import {circles, type Dataset, gate, moons, type Network, network, spirals} from "../lib/nn/index.js";
import {constLine} from "./playground/sourceLines.js";
import {words} from "./words.js";

/** The data sets the trainer offers, by key. */
export const PLAYGROUND_DATASETS = {
  xor: {label: words("dataset.xor"), code: 'gate("xor")', make: () => gate("xor")},
  circles: {label: words("dataset.circles"), code: "circles()", make: () => circles()},
  moons: {label: words("dataset.moons"), code: "moons()", make: () => moons()},
  spirals: {label: words("dataset.spirals"), code: "spirals({classes: 2})", make: () => spirals({classes: 2})}
} as const;

export type PlaygroundDataName = keyof typeof PLAYGROUND_DATASETS;
export const PLAYGROUND_DATA_NAMES = Object.keys(PLAYGROUND_DATASETS) as PlaygroundDataName[];

/** Hidden activations the trainer offers (step has no gradient and softmax is an output function). */
export const HIDDEN_ACTIVATIONS = ["tanh", "relu", "leakyRelu", "sigmoid", "identity"] as const;
export type HiddenActivation = (typeof HIDDEN_ACTIVATIONS)[number];

/** Learning rates on offer, as in TensorFlow Playground. */
export const LEARNING_RATES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10] as const;

/** At most this many hidden layers, and units per layer, from the controls (a cell may ask for more). */
export const MAX_HIDDEN_LAYERS = 4;
export const MAX_UNITS = 8;

/** Seed of the first weights: the same setting always starts from the same network. */
export const PLAYGROUND_SEED = 1;

/** One setting of the trainer: a data set, the hidden layers, their activation, and the learning rate. */
export interface PlaygroundConfig {
  data: PlaygroundDataName;
  /** Units in each hidden layer, first to last; [] for none (one sigmoid neuron). */
  hidden: number[];
  activation: HiddenActivation;
  learningRate: number;
}

export const DEFAULT_PLAYGROUND: PlaygroundConfig = {data: "xor", hidden: [2], activation: "tanh", learningRate: 1};

/** The names the trainer's live cell declares. */
export const PLAYGROUND_NAMES = {
  data: "playgroundData",
  hidden: "hiddenSizes",
  activation: "hiddenActivation",
  learningRate: "playgroundRate",
  network: "playgroundNet"
} as const;

/** The data set and the untrained network of a setting (what the live cell computes, for use without a cell). */
export function buildPlayground(config: PlaygroundConfig): {data: Dataset; network: Network} {
  return {
    data: PLAYGROUND_DATASETS[config.data].make(),
    network: network({
      inputs: 2,
      seed: PLAYGROUND_SEED,
      layers: [
        ...config.hidden.map((units) => ({units, activation: config.activation})),
        {units: 1, activation: "sigmoid"}
      ]
    })
  };
}

/** The value of each setting as TypeScript source. */
function valueCode(config: PlaygroundConfig): Record<"data" | "hidden" | "activation" | "learningRate", string> {
  return {
    data: PLAYGROUND_DATASETS[config.data].code,
    hidden: `[${config.hidden.join(", ")}]`,
    activation: JSON.stringify(config.activation),
    learningRate: String(config.learningRate)
  };
}

/** The whole live cell for a setting. It uses the library's names, imported by an earlier cell of the page. */
export function playgroundSource(config: PlaygroundConfig): string {
  const v = valueCode(config);
  const n = PLAYGROUND_NAMES;
  const or = (items: string[]) => `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
  const datasets = or(Object.values(PLAYGROUND_DATASETS).map((d) => d.code));
  const activations = or(HIDDEN_ACTIVATIONS.map((a) => JSON.stringify(a)));
  return [
    `// Data: ${datasets}.`,
    `const ${n.data} = ${v.data};`,
    `const ${n.hidden} = ${v.hidden}; // units in each hidden layer ([] for none)`,
    `// Hidden activation: ${activations}.`,
    `const ${n.activation}: ActivationName = ${v.activation};`,
    `const ${n.learningRate} = ${v.learningRate}; // the learning rate η`,
    `const ${n.network} = network({inputs: 2, seed: ${PLAYGROUND_SEED}, layers: [`,
    `  ...${n.hidden}.map((units) => ({units, activation: ${n.activation}})),`,
    `  {units: 1, activation: "sigmoid"} // the output: the probability of class 1`,
    "]});"
  ].join("\n");
}

/**
 * The cell's source with the settings named in `changed` rewritten, each on its own `const name = …;` line, so that
 * everything else the learner wrote stays as it was. When one of those lines is missing, the whole cell is written
 * anew from `config`.
 */
export function rewritePlaygroundSource(
  source: string,
  config: PlaygroundConfig,
  changed: readonly (keyof PlaygroundConfig)[]
): string {
  const v = valueCode(config);
  let out = source;
  for (const key of changed) {
    const line = constLine(PLAYGROUND_NAMES[key]);
    if (!line.test(out)) return playgroundSource(config);
    out = out.replace(line, (_match, head: string, _value: string, rest: string) => `${head}${v[key]};${rest}`);
  }
  return out;
}

/** Anything shaped like a network whose layers can be read (the library's Network fits). */
interface LayeredNetwork {
  inputs: number;
  layers: readonly {units: number; activation: string}[];
}

/** What the trainer can show of a network and data set: the matching setting, and what falls outside it. */
export interface ReadSetting {
  /** The data set's key, or null for a data set the trainer does not list. */
  data: PlaygroundDataName | null;
  hidden: number[];
  /** The first hidden layer's activation (null without hidden layers). */
  activation: string | null;
  learningRate: number;
  /** Sentences about what the controls cannot show (mixed activations, an unusual output layer…). */
  notes: string[];
}

/** Reads the setting back from what the cell built: the inverse of buildPlayground. */
export function readPlayground(data: Pick<Dataset, "name">, net: LayeredNetwork, learningRate: number): ReadSetting {
  const byName: Record<string, PlaygroundDataName> = {
    "XOR gate": "xor",
    circles: "circles",
    moons: "moons",
    spirals: "spirals"
  };
  const hiddenLayers = net.layers.slice(0, -1);
  const activations = [...new Set(hiddenLayers.map((l) => l.activation))];
  const notes: string[] = [];
  if (activations.length > 1) notes.push(words("playground.mixed", {activations: activations.join(", ")}));
  return {
    data: byName[data.name] ?? null,
    hidden: hiddenLayers.map((l) => l.units),
    activation: activations[0] ?? null,
    learningRate,
    notes
  };
}
