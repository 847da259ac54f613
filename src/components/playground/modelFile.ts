// A trained Playground model as a file: the library's saved network (serialize.ts) plus what the playground needs
// to use it again, the inputs it was fed and the problem it solves. Pure functions, no DOM.
import {t} from "../../lib/i18n.js";
import {type Network, type NetworkJSON, networkFromJSON, networkToJSON} from "../../lib/nn/index.js";
import {checkFeatures, type FeatureId} from "./features.js";
import {MAX_CLASSES, MAX_LAYERS, MAX_NEURONS, type PlaygroundSettings, type Problem} from "./settings.js";

/** What the playground keeps next to the network. */
export interface PlaygroundModelInfo {
  features: FeatureId[];
  problem: Problem;
  classes: number;
}

export type PlaygroundModelJSON = NetworkJSON & {playground: PlaygroundModelInfo};

/** The file's text for a network trained with these settings. */
export function modelToFile(net: Network, s: Pick<PlaygroundSettings, "features" | "problem" | "classes">): string {
  const json: PlaygroundModelJSON = {
    ...networkToJSON(net),
    playground: {features: [...s.features], problem: s.problem, classes: s.problem === "regression" ? 1 : s.classes}
  };
  return `${JSON.stringify(json)}\n`;
}

/**
 * The network and its settings from a file's text. A network saved elsewhere by the library loads too when it has
 * two inputs (x₁ and x₂) and a playground-sized shape; anything else is refused with the reason.
 */
export function modelFromFile(text: string): {network: Network; info: PlaygroundModelInfo} {
  const net = networkFromJSON(text); // says what is wrong with a file that is not a saved network
  const saved = (JSON.parse(text) as {playground?: Partial<PlaygroundModelInfo>}).playground;
  const hidden = net.layers.slice(0, -1);
  if (hidden.length > MAX_LAYERS || hidden.some((l) => l.units > MAX_NEURONS)) {
    throw new Error(
      t("pg.model.tooBig", {hidden: hidden.map((l) => l.units).join(", "), layers: MAX_LAYERS, neurons: MAX_NEURONS})
    );
  }
  let features: FeatureId[];
  if (saved?.features) features = checkFeatures(saved.features);
  else if (net.inputs === 2) features = ["x1", "x2"];
  else {
    throw new Error(t("pg.model.guess", {n: net.inputs}));
  }
  if (features.length !== net.inputs) {
    throw new Error(t("pg.model.inputs", {k: features.length, n: net.inputs}));
  }
  const out = net.layers[net.layers.length - 1];
  const problem: Problem =
    saved?.problem === "regression" || (saved?.problem === undefined && out.activation === "identity")
      ? "regression"
      : "classification";
  const classes = problem === "regression" ? 1 : out.units === 1 ? 2 : out.units;
  if (problem === "classification" && classes > MAX_CLASSES) {
    throw new Error(t("pg.model.outputs", {units: out.units, max: MAX_CLASSES}));
  }
  if (problem === "regression" && out.units !== 1) {
    throw new Error(t("pg.model.regression", {units: out.units}));
  }
  return {network: net, info: {features, problem, classes}};
}
