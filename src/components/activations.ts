// Activation-function presets with their derivatives, TeX and a sentence describing the curve (used for aria-labels).
import {type ActivationName, activations, LEAKY_SLOPE} from "../lib/nn/index.js";

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
    description: "identity: straight line through the origin with slope 1"
  },
  step: {
    name: "step",
    tex: "\\operatorname{step}(z)",
    label: "step(z)",
    ...fn("step"),
    breaks: [0],
    description: "step: 0 for z ≤ 0, jumps to 1 for z > 0; slope 0 everywhere except the jump"
  },
  sign: {
    name: "sign",
    tex: "\\operatorname{sign}(z)",
    label: "sign(z)",
    ...fn("sign"),
    breaks: [0],
    description: "sign: −1 for negative z, +1 for positive z, 0 at z = 0; slope 0 except at the jump"
  },
  sigmoid: {
    name: "sigmoid",
    tex: "\\sigma(z)",
    label: "σ(z)",
    ...fn("sigmoid"),
    description: "sigmoid: S-shaped curve from 0 to 1, 0.5 at z = 0; slope largest (0.25) at z = 0"
  },
  tanh: {
    name: "tanh",
    tex: "\\tanh(z)",
    label: "tanh(z)",
    ...fn("tanh"),
    description: "tanh: S-shaped curve from −1 to 1 through the origin; slope 1 at z = 0"
  },
  relu: {
    name: "relu",
    tex: "\\operatorname{ReLU}(z)",
    label: "ReLU(z)",
    ...fn("relu"),
    description: "ReLU: 0 for negative z, then the line z with slope 1 for positive z"
  },
  leakyRelu: {
    name: "leakyRelu",
    tex: "\\operatorname{LeakyReLU}(z)",
    label: "leaky ReLU(z)",
    ...fn("leakyRelu"),
    description: `leaky ReLU: slope ${LEAKY_SLOPE} for negative z, slope 1 for positive z`
  }
};

/** Accepts "relu", "ReLU", "leaky_relu", "leaky-relu", "leakyReLU"… */
export function findPreset(name: string): FunctionPreset | undefined {
  const key = name.replace(/[\s_-]/g, "").toLowerCase();
  return Object.values(PRESETS).find((p) => p.name.toLowerCase() === key);
}

export const PRESET_NAMES = Object.keys(PRESETS);
