// The Playground's code: the live cell that builds the network and the training options with the course library,
// written from the settings; the rewrite of the lines a control changed (everything else the learner typed stays);
// and the way back, the settings read from what the cell built. Pure functions, no DOM.

import {t} from "../../lib/i18n.js";
import {
  type ActivationName,
  type LayerSpec,
  type LossName,
  type Network,
  network,
  type TrainOptions
} from "../../lib/nn/index.js";
import {checkFeatures, FEATURE_IDS} from "./features.js";
import {
  ACTIVATIONS,
  MAX_LAYERS,
  MAX_NEURONS,
  OPTIMIZERS,
  outputUnits,
  type PlaygroundActivation,
  type PlaygroundOptimizer,
  type PlaygroundSettings,
  type Regularization,
  type SettingKey
} from "./settings.js";
import {constLine, propertyLine} from "./sourceLines.js";

/** The names the cell declares (the page hands them to the playground). */
export const CELL_NAMES = {
  inputs: "inputs",
  hidden: "hiddenLayers",
  activation: "activation",
  output: "outputLayer",
  network: "net",
  training: "training"
} as const;

/** The seed of the first weights in the cell: the same setting always starts from the same network. */
export const NETWORK_SEED = 1;

/** The output layer and loss a problem needs, and a comment that says why. */
export function outputFor(s: Pick<PlaygroundSettings, "problem" | "classes">): {
  layer: LayerSpec;
  loss: LossName;
  why: string;
} {
  if (s.problem === "regression") {
    return {layer: {units: 1, activation: "identity"}, loss: "mse", why: t("pg.cell.whyRegression")};
  }
  const k = outputUnits(s);
  return k === 1
    ? {layer: {units: 1, activation: "sigmoid"}, loss: "binaryCrossEntropy", why: t("pg.cell.whyTwo")}
    : {layer: {units: k, activation: "softmax"}, loss: "crossEntropy", why: t("pg.cell.whyMany", {k})};
}

/** The untrained network a setting describes: what the cell builds, for use without a cell. */
export function buildNetwork(s: PlaygroundSettings): Network {
  return network({
    inputs: s.features.length,
    seed: NETWORK_SEED,
    layers: [...s.hidden.map((units) => ({units, activation: s.activation})), outputFor(s).layer]
  });
}

/** The training options a setting describes: what the cell's `training` holds. */
export function trainOptions(s: PlaygroundSettings): TrainOptions {
  const penalty = s.regularization === "none" ? {l2: 0} : {[s.regularization]: s.regularizationRate};
  return {
    loss: outputFor(s).loss,
    optimizer: s.optimizer,
    learningRate: s.learningRate,
    batchSize: s.batchSize,
    ...penalty
  };
}

/** Each setting the cell holds, as TypeScript. */
function code(s: PlaygroundSettings) {
  const out = outputFor(s);
  const reg = s.regularization === "none" ? "l2: 0" : `${s.regularization}: ${s.regularizationRate}`;
  return {
    inputs: `[${s.features.map((f) => JSON.stringify(f)).join(", ")}]`,
    hidden: `[${s.hidden.join(", ")}]`,
    activation: JSON.stringify(s.activation),
    output: `{units: ${out.layer.units}, activation: ${JSON.stringify(out.layer.activation)}}; // ${out.why}`,
    loss: JSON.stringify(out.loss),
    optimizer: JSON.stringify(s.optimizer),
    learningRate: String(s.learningRate),
    batchSize: String(s.batchSize),
    reg
  };
}

/** The whole cell for a setting. */
export function playgroundCell(s: PlaygroundSettings): string {
  const c = code(s);
  const n = CELL_NAMES;
  const list = (items: readonly string[]) => {
    const quoted = items.map((i) => JSON.stringify(i));
    return t("pg.cell.or", {list: quoted.slice(0, -1).join(t("pg.listSep")), last: quoted[quoted.length - 1]});
  };
  return [
    'import {type ActivationName, type LayerSpec, network, type TrainOptions} from "./lib/nn/index.js";',
    t("pg.cell.inputsComment", {list: list(FEATURE_IDS)}),
    `const ${n.inputs} = ${c.inputs};`,
    `const ${n.hidden} = ${c.hidden}; ${t("pg.cell.hiddenComment", {layers: MAX_LAYERS, neurons: MAX_NEURONS})}`,
    t("pg.cell.activationComment", {list: list(Object.keys(ACTIVATIONS))}),
    `const ${n.activation}: ActivationName = ${c.activation};`,
    `const ${n.output}: LayerSpec = ${c.output}`,
    `const ${n.network} = network({inputs: ${n.inputs}.length, seed: ${NETWORK_SEED}, layers: [`,
    `  ...${n.hidden}.map((units) => ({units, activation})),`,
    `  ${n.output}`,
    "]});",
    `const ${n.training}: TrainOptions = {`,
    `  loss: ${c.loss},`,
    `  optimizer: ${c.optimizer}, // ${list(Object.keys(OPTIMIZERS))}`,
    `  learningRate: ${c.learningRate},`,
    `  batchSize: ${c.batchSize},`,
    `  ${c.reg} ${t("pg.cell.penaltyComment")}`,
    "};"
  ].join("\n");
}

/**
 * The lines a setting lives on: a pattern (group 1 is kept, group 2 replaced by `value`, group 3 kept unless `rest`
 * says otherwise).
 */
function lines(key: SettingKey, s: PlaygroundSettings): {pattern: RegExp; value: string; rest?: string}[] {
  const c = code(s);
  const n = CELL_NAMES;
  switch (key) {
    case "features":
      return [{pattern: constLine(n.inputs), value: `${c.inputs};`}];
    case "hidden":
      return [{pattern: constLine(n.hidden), value: `${c.hidden};`}];
    case "activation":
      return [{pattern: constLine(n.activation), value: `${c.activation};`}];
    case "problem":
    case "classes":
      return [
        {pattern: constLine(n.output), value: c.output, rest: ""}, // its comment says how many classes
        {pattern: propertyLine("loss"), value: c.loss}
      ];
    case "optimizer":
      return [{pattern: propertyLine("optimizer"), value: c.optimizer}];
    case "learningRate":
      return [{pattern: propertyLine("learningRate"), value: c.learningRate}];
    case "batchSize":
      return [{pattern: propertyLine("batchSize"), value: c.batchSize}];
    case "regularization":
    case "regularizationRate":
      return [{pattern: propertyLine("(?:l1|l2)"), value: c.reg.replace(/^l\d: /, "")}];
    default:
      return []; // data and view settings are not in the cell
  }
}

/**
 * The cell's source with the settings named in `changed` rewritten on their own lines, so that everything else the
 * learner wrote stays as it was. When one of those lines is missing, the whole cell is written anew.
 */
export function rewritePlaygroundCell(source: string, s: PlaygroundSettings, changed: readonly SettingKey[]): string {
  let out = source;
  for (const key of changed) {
    for (const {pattern, value, rest} of lines(key, s)) {
      const match = pattern.exec(out);
      if (!match) return playgroundCell(s);
      // The penalty's name is part of the setting: "l2: 0" becomes "l1: 0.01".
      const head = key.startsWith("regularization")
        ? match[1].replace(/l[12](\s*:)/, `${s.regularization === "l1" ? "l1" : "l2"}$1`)
        : match[1];
      out = out.replace(pattern, () => `${head}${value}${rest ?? match[3] ?? ""}`);
    }
  }
  return out;
}

/** What the page hands over from the cell. */
export interface CellValues {
  inputs: unknown;
  network: unknown;
  training: unknown;
}

/** The model settings read back from what the cell built, and sentences about what the controls cannot show. */
export interface ReadModel {
  features: PlaygroundSettings["features"];
  network: Network;
  training: TrainOptions;
  settings: Partial<PlaygroundSettings>;
  notes: string[];
}

/**
 * Reads the settings back from what the cell built: the inverse of playgroundCell. Throws a message naming the
 * problem when the cell's network cannot be trained on the current data (`current` gives its problem and classes).
 */
export function readCell(values: CellValues, current: Pick<PlaygroundSettings, "problem" | "classes">): ReadModel {
  const {inputs, training} = values;
  const net = values.network as Network;
  const features = checkFeatures(inputs);
  if (!net || typeof net !== "object" || typeof net.forward !== "function" || !Array.isArray(net.layers)) {
    throw new Error(t("pg.cell.notNetwork", {name: CELL_NAMES.network}));
  }
  if (net.inputs !== features.length) {
    throw new Error(
      t("pg.cell.inputs", {
        n: net.inputs,
        s: net.inputs === 1 ? "" : "s",
        name: CELL_NAMES.inputs,
        k: features.length,
        ks: features.length === 1 ? "" : "s"
      })
    );
  }
  const hiddenLayers = net.layers.slice(0, -1);
  if (hiddenLayers.length > MAX_LAYERS || hiddenLayers.some((l) => l.units > MAX_NEURONS)) {
    throw new Error(
      t("pg.cell.tooBig", {
        layers: MAX_LAYERS,
        neurons: MAX_NEURONS,
        has: hiddenLayers.length === 0 ? t("pg.cell.none") : `[${hiddenLayers.map((l) => l.units).join(", ")}]`
      })
    );
  }
  const out = net.layers[net.layers.length - 1];
  const want = outputFor(current);
  if (out.units !== want.layer.units) {
    const what =
      current.problem === "regression" ? t("pg.cell.dataRegression") : t("pg.cell.dataClasses", {k: current.classes});
    throw new Error(
      t("pg.cell.outputUnits", {
        units: out.units,
        s: out.units === 1 ? "" : "s",
        what,
        spec: `{units: ${want.layer.units}, activation: "${want.layer.activation}"}`
      })
    );
  }
  if (!training || typeof training !== "object" || !("loss" in training)) {
    throw new Error(t("pg.cell.training", {name: CELL_NAMES.training, spec: `{loss: "${want.loss}"}`}));
  }
  const options = training as TrainOptions;
  const notes: string[] = [];
  const settings: Partial<PlaygroundSettings> = {features, hidden: hiddenLayers.map((l) => l.units)};
  const activations = [...new Set(hiddenLayers.map((l) => l.activation as string))];
  if (activations.length > 1) notes.push(t("pg.cell.mixed", {list: activations.join(", ")}));
  if (activations[0] !== undefined) {
    if (activations[0] in ACTIVATIONS) settings.activation = activations[0] as PlaygroundActivation;
    else notes.push(t("pg.cell.unlisted", {activation: activations[0] as ActivationName}));
  }
  const optimizer =
    typeof options.optimizer === "string"
      ? options.optimizer
      : (options.optimizer as {name?: string} | undefined)?.name;
  if (optimizer === undefined) settings.optimizer = "sgd";
  else if (optimizer in OPTIMIZERS) settings.optimizer = optimizer as PlaygroundOptimizer;
  if (typeof options.learningRate === "number") settings.learningRate = options.learningRate;
  if (typeof options.batchSize === "number") settings.batchSize = options.batchSize;
  const l1 = options.l1 ?? 0;
  const l2 = options.l2 ?? 0;
  if (l1 > 0 && l2 > 0) notes.push(t("pg.cell.bothPenalties"));
  const regularization: Regularization = l1 > 0 ? "l1" : l2 > 0 ? "l2" : "none";
  settings.regularization = regularization;
  if (regularization !== "none") settings.regularizationRate = regularization === "l1" ? l1 : l2;
  return {features, network: net, training: options, settings, notes};
}
