// Activation-function presets with their derivatives, TeX and a sentence describing the curve (used for aria-labels,
// in the language of the page the module loads in).
import {type ActivationName, activations, LEAKY_SLOPE} from "../lib/nn/index.js";
import {words} from "./words.js";

export interface FunctionPreset {
  name: string;
  /** Label as TeX, e.g. "\\sigma(z)". */
  tex: string;
  /** Plain-text label for legends and readouts. */
  label: string;
  f: (x: number) => number;
  df: (x: number) => number;
  /** Points where f jumps (the plot breaks its line there). */
  breaks?: number[];
  /** What the curve looks like, for screen readers. */
  description: string;
}

// The functions themselves come from the network library, so a plot shows exactly what a network computes.
const fn = (name: ActivationName) => ({f: activations[name].f, df: activations[name].df});

export const PRESETS: Record<string, FunctionPreset> = {
  identity: {
    name: "identity",
    tex: "z",
    label: "identity(z)",
    ...fn("identity"),
    description: words("preset.identity")
  },
  step: {
    name: "step",
    tex: "\\operatorname{step}(z)",
    label: "step(z)",
    ...fn("step"),
    breaks: [0],
    description: words("preset.step")
  },
  sign: {
    name: "sign",
    tex: "\\operatorname{sign}(z)",
    label: "sign(z)",
    ...fn("sign"),
    breaks: [0],
    description: words("preset.sign")
  },
  sigmoid: {
    name: "sigmoid",
    tex: "\\sigma(z)",
    label: "σ(z)",
    ...fn("sigmoid"),
    description: words("preset.sigmoid")
  },
  tanh: {
    name: "tanh",
    tex: "\\tanh(z)",
    label: "tanh(z)",
    ...fn("tanh"),
    description: words("preset.tanh")
  },
  relu: {
    name: "relu",
    tex: "\\operatorname{ReLU}(z)",
    label: "ReLU(z)",
    ...fn("relu"),
    description: words("preset.relu")
  },
  leakyRelu: {
    name: "leakyRelu",
    tex: "\\operatorname{LeakyReLU}(z)",
    label: "leaky ReLU(z)",
    ...fn("leakyRelu"),
    description: words("preset.leakyRelu", {slope: LEAKY_SLOPE})
  }
};

/** Accepts "relu", "ReLU", "leaky_relu", "leaky-relu", "leakyReLU"… */
export function findPreset(name: string): FunctionPreset | undefined {
  const key = name.replace(/[\s_-]/g, "").toLowerCase();
  return Object.values(PRESETS).find((p) => p.name.toLowerCase() === key);
}

export const PRESET_NAMES = Object.keys(PRESETS);
