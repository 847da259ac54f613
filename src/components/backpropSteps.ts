// Pure part of the backpropagation diagram: the list of quantities one training step computes, in order (the
// forward pass, then the backward pass), with the shape of each, the product that makes it, and which layers and
// weights it touches. Samples are rows, as everywhere in the course. The backward formulas follow the textbook
// convention of chapter 5: dZ holds each sample's ∂L/∂z in a row, and the 1/m of the mean appears in dW and db.
// (The library puts the 1/m into dZ itself; the products are the same.)
import {words} from "./words.js";

export type Phase = "forward" | "backward";

export interface BackpropStep {
  phase: Phase;
  /** The quantity computed, e.g. "dW^[2]" (a "^[l]" marks the superscript). */
  name: string;
  /** Its formula, e.g. "dW^[2] = A^[1]ᵀ · dZ^[2] / m". */
  formula: string;
  /** Its shape, rows × columns, e.g. "3 × 1". */
  shape: string;
  /** How the shape comes about, e.g. "(3 × 4) · (4 × 1) → 3 × 1, the shape of W^[2]". */
  detail: string;
  /** Columns of the diagram whose units it involves (0 = the inputs, l = layer l). */
  columns: number[];
  /** Weight layers (1 … L) whose connections it uses. */
  weights: number[];
  /** Layers whose bias connections it uses. */
  biases: number[];
  /** Where the quantity's label goes: a column ("unit") or the gap of the weights of a layer ("weight"). */
  place: {kind: "unit" | "weight"; index: number};
}

/** g′ written in terms of what the forward pass kept, for the dZ of a hidden layer. */
export function derivativeText(activation: string, l: number): string {
  const A = `A^[${l}]`;
  const Z = `Z^[${l}]`;
  switch (activation) {
    case "tanh":
      return `(1 − ${A}²)`;
    case "sigmoid":
      return `${A} ⊙ (1 − ${A})`;
    case "relu":
      return `(${Z} > 0)`;
    case "leakyRelu":
      return `(${Z} > 0 ? 1 : 0.01)`;
    case "identity":
      return "1";
    default:
      return `${activation}′(${Z})`;
  }
}

const times = (r: number, c: number) => `${r} × ${c}`;

/**
 * The steps of one forward and backward pass through a network with layer sizes `sizes` ([inputs, units of layer
 * 1, …]), activations per layer (`activations[l - 1]` for layer l) and a batch of `m` samples.
 */
export function backpropSteps(sizes: readonly number[], activations: readonly string[], m: number): BackpropStep[] {
  const L = sizes.length - 1;
  if (L < 1) throw new Error("backpropDiagram: the network needs at least one layer after the input.");
  if (activations.length !== L)
    throw new Error(`backpropDiagram: ${activations.length} activations for ${L} layers; give one per layer.`);
  if (!Number.isInteger(m) || m < 1) throw new Error(`backpropDiagram: batch must be a whole number ≥ 1, got ${m}.`);
  const A = (l: number) => (l === 0 ? "X" : `A^[${l}]`);
  const steps: BackpropStep[] = [];
  for (let l = 1; l <= L; l++) {
    const [n0, n1] = [sizes[l - 1], sizes[l]];
    steps.push({
      phase: "forward",
      name: `Z^[${l}]`,
      formula: `Z^[${l}] = ${A(l - 1)} · W^[${l}] + b^[${l}]`,
      shape: times(m, n1),
      detail: `(${times(m, n0)}) · (${times(n0, n1)}) + (${times(1, n1)}) → ${times(m, n1)}`,
      columns: [l - 1, l],
      weights: [l],
      biases: [l],
      place: {kind: "unit", index: l}
    });
    steps.push({
      phase: "forward",
      name: `A^[${l}]`,
      formula: `A^[${l}] = ${activations[l - 1]}(Z^[${l}])`,
      shape: times(m, n1),
      detail: words("steps.elementwise", {shape: times(m, n1), output: l === L ? words("steps.output") : ""}),
      columns: [l],
      weights: [],
      biases: [],
      place: {kind: "unit", index: l}
    });
  }
  const out = activations[L - 1];
  const paired = out === "sigmoid" || out === "softmax" || out === "identity";
  steps.push({
    phase: "backward",
    name: `dZ^[${L}]`,
    formula: paired ? `dZ^[${L}] = A^[${L}] − Y` : `dZ^[${L}] = dA^[${L}] ⊙ ${derivativeText(out, L)}`,
    shape: times(m, sizes[L]),
    detail: words("steps.error", {shape: times(m, sizes[L])}),
    columns: [L],
    weights: [],
    biases: [],
    place: {kind: "unit", index: L}
  });
  for (let l = L; l >= 1; l--) {
    const [n0, n1] = [sizes[l - 1], sizes[l]];
    steps.push({
      phase: "backward",
      name: `dW^[${l}]`,
      formula: `dW^[${l}] = ${A(l - 1)}ᵀ · dZ^[${l}] / m`,
      shape: times(n0, n1),
      detail: `(${times(n0, m)}) · (${times(m, n1)}) → ${times(n0, n1)}${words("steps.shapeOf", {name: `W^[${l}]`})}`,
      columns: [l - 1, l],
      weights: [l],
      biases: [],
      place: {kind: "weight", index: l}
    });
    steps.push({
      phase: "backward",
      name: `db^[${l}]`,
      formula: `db^[${l}] = (${words("steps.rowSum", {dZ: `dZ^[${l}]`})}) / m`,
      shape: times(1, n1),
      detail:
        words("steps.summed", {shape: times(m, n1), sum: times(1, n1)}) + words("steps.shapeOf", {name: `b^[${l}]`}),
      columns: [l],
      weights: [],
      biases: [l],
      place: {kind: "weight", index: l}
    });
    if (l === 1) break;
    steps.push({
      phase: "backward",
      name: `dA^[${l - 1}]`,
      formula: `dA^[${l - 1}] = dZ^[${l}] · W^[${l}]ᵀ`,
      shape: times(m, n0),
      detail: `(${times(m, n1)}) · (${times(n1, n0)}) → ${times(m, n0)}${words("steps.passedBack", {W: `W^[${l}]`})}`,
      columns: [l - 1, l],
      weights: [l],
      biases: [],
      place: {kind: "unit", index: l - 1}
    });
    steps.push({
      phase: "backward",
      name: `dZ^[${l - 1}]`,
      formula: `dZ^[${l - 1}] = dA^[${l - 1}] ⊙ ${derivativeText(activations[l - 2], l - 1)}`,
      shape: times(m, n0),
      detail: words("steps.slope", {shape: times(m, n0), activation: activations[l - 2]}),
      columns: [l - 1],
      weights: [],
      biases: [],
      place: {kind: "unit", index: l - 1}
    });
  }
  return steps;
}

/** "dW^[2] = A^[1]ᵀ …" split into plain text and superscripts, for <sup> or an SVG tspan. */
export function superscriptParts(text: string): {text: string; sup: boolean}[] {
  const parts: {text: string; sup: boolean}[] = [];
  const pattern = /\^\[(\d+)\]/g;
  let last = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match.index > last) parts.push({text: text.slice(last, match.index), sup: false});
    parts.push({text: `[${match[1]}]`, sup: true});
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({text: text.slice(last), sup: false});
  return parts;
}

/** The same text with superscripts written inline, "dW[2]", for aria labels. */
export const plainText = (text: string): string => text.replace(/\^\[(\d+)\]/g, "[$1]");
