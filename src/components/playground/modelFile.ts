// A trained Playground model as a file: the library's saved network (serialize.ts) plus what the playground needs
// to use it again, the inputs it was fed and the problem it solves. Pure functions, no DOM.
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
      `this network has hidden layers [${hidden.map((l) => l.units).join(", ")}]; the playground draws at most ` +
        `${MAX_LAYERS} layers of ${MAX_NEURONS} neurons`
    );
  }
  let features: FeatureId[];
  if (saved?.features) features = checkFeatures(saved.features);
  else if (net.inputs === 2) features = ["x1", "x2"];
  else {
    throw new Error(
      `this network takes ${net.inputs} inputs and says nothing about them; the playground can guess only for 2 (x₁ and x₂)`
    );
  }
  if (features.length !== net.inputs) {
    throw new Error(`the file lists ${features.length} inputs but its network takes ${net.inputs}`);
  }
  const out = net.layers[net.layers.length - 1];
  const problem: Problem =
    saved?.problem === "regression" || (saved?.problem === undefined && out.activation === "identity")
      ? "regression"
      : "classification";
  const classes = problem === "regression" ? 1 : out.units === 1 ? 2 : out.units;
  if (problem === "classification" && classes > MAX_CLASSES) {
    throw new Error(`this network has ${out.units} outputs; the playground shows at most ${MAX_CLASSES} classes`);
  }
  if (problem === "regression" && out.units !== 1) {
    throw new Error(`a regression network has one output; this one has ${out.units}`);
  }
  return {network: net, info: {features, problem, classes}};
}
