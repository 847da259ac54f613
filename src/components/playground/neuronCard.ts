// The math of one neuron, with its current numbers: a = h(w₁x₁ + w₂x₂ + … + b) typeset with KaTeX, and a field for
// each of its weights and its bias, so that every link of the network can be read and changed from the keyboard.
// The card shows the node under the pointer, else the one with the focus, else the selected one.
import {t} from "../../lib/i18n.js";
import type {Network} from "../../lib/nn/index.js";
import {renderTex} from "../../lib/tex.js";
import {weightName} from "../networkDiagram.js";
import {h, setText, uid} from "../theme.js";
import {FEATURES, type FeatureId, featureAbout} from "./features.js";
import {type NodeTarget, nodeWords, sameTarget} from "./networkView.js";

/** TeX of an activation applied to its argument (identity: the argument alone). */
const APPLY: Record<string, (inner: string) => string> = {
  tanh: (x) => `\\tanh\\big(${x}\\big)`,
  relu: (x) => `\\operatorname{ReLU}\\big(${x}\\big)`,
  leakyRelu: (x) => `\\operatorname{LeakyReLU}\\big(${x}\\big)`,
  sigmoid: (x) => `\\sigma\\big(${x}\\big)`,
  step: (x) => `\\operatorname{step}\\big(${x}\\big)`,
  identity: (x) => x
};

/** The TeX name of input i of layer `layer`: a feature for the first layer, a neuron of the layer before otherwise. */
function inputTex(layer: number, i: number, features: readonly FeatureId[]): string {
  if (layer === 0) return FEATURES.find((f) => f.id === features[i])?.tex ?? `x_{${i + 1}}`;
  return `a^{[${layer}]}_{${i + 1}}`;
}

/**
 * The formula of unit `unit` of layer `layer` with the network's current numbers, e.g.
 * a^{[1]}_{2} = \tanh\big(0.52\,x_1 - 1.30\,x_2 + 0.10\big); long sums break after every three terms.
 */
export function neuronTex(net: Network, layer: number, unit: number, features: readonly FeatureId[]): string {
  const l = net.layers[layer];
  const terms = Array.from({length: l.inputs}, (_, i) => ({
    w: l.W.data[i * l.units + unit],
    x: inputTex(layer, i, features)
  }));
  const b = l.b.data[unit];
  const number = (v: number) =>
    Number.isFinite(v) ? Math.abs(v).toFixed(2) : String(Math.abs(v)).replace("Infinity", "\\infty");
  const parts = terms.map((t, k) => `${t.w < 0 ? "-" : k === 0 ? "" : "+"} ${number(t.w)}\\,${t.x}`);
  parts.push(`${b < 0 ? "-" : parts.length ? "+" : ""} ${number(b)}`);
  const lines: string[] = [];
  for (let k = 0; k < parts.length; k += 3) lines.push(parts.slice(k, k + 3).join(" "));
  const sum = lines.join(" \\\\ &\\qquad ");
  const last = layer === net.layers.length - 1;
  if (last && l.activation === "softmax") {
    return `\\begin{aligned} z_{${unit + 1}} &= ${sum} \\\\ \\hat y_{${unit + 1}} &= \\operatorname{softmax}(z)_{${unit + 1}} \\end{aligned}`;
  }
  const name = last ? "\\hat y" : `a^{[${layer + 1}]}_{${unit + 1}}`;
  const apply = APPLY[l.activation] ?? ((x: string) => `\\operatorname{${l.activation}}\\big(${x}\\big)`);
  return `\\begin{aligned} ${name} &= ${apply(sum)} \\end{aligned}`;
}

/** The general form the numbers fill in, for the kind of node shown. */
function generalTex(net: Network, layer: number): string {
  const last = layer === net.layers.length - 1;
  const act = net.layers[layer].activation;
  if (last && act === "softmax")
    return "z_k = \\textstyle\\sum_i w_{ik}\\, a_i + b_k, \\quad \\hat y_k = \\operatorname{softmax}(z)_k";
  const g = last ? "g" : "h";
  return `${last ? "\\hat y" : "a"} = ${g}\\big(\\textstyle\\sum_i w_i\\, x_i + b\\big)`;
}

/**
 * A card. `onWeight` sets a weight (i = −1: the bias); `describe` says in words what a node's map shows (its text
 * alternative), or "" when it cannot tell yet.
 */
export function neuronCard(
  onWeight: (layer: number, i: number, j: number, value: number) => void,
  describe: (target: NodeTarget) => string
) {
  let shown: NodeTarget | null = null;
  let context: {network: Network; features: readonly FeatureId[]; outputs: number} | null = null;
  let fields: {input: HTMLInputElement; i: number; row: HTMLElement}[] = [];
  let lastTex = "";

  const title = h("p", {class: "nn-pg-card-title"});
  const mapText = h("p", {class: "nn-pg-card-map"});
  const general = h("div", {class: "nn-pg-card-general"});
  const formula = h("div", {class: "nn-pg-card-formula"});
  const weights = h("div", {class: "nn-pg-card-weights", role: "group"});
  const root = h("div", {class: "nn-pg-card", "aria-live": "off"}, title, mapText, general, formula, weights);
  setText(title, t("pg.cardEmpty"));

  function render(): void {
    if (!shown || !context) {
      setText(title, t("pg.cardEmpty"));
      setText(mapText, "");
      general.replaceChildren();
      formula.replaceChildren();
      weights.replaceChildren();
      fields = [];
      lastTex = "";
      return;
    }
    const target = shown;
    if (target.kind === "feature") {
      const f = FEATURES.find((x) => x.id === target.feature);
      const on = context.features.includes(target.feature);
      setText(
        title,
        t(on ? "pg.cardInputOn" : "pg.cardInputOff", {name: f?.text ?? "", about: featureAbout(target.feature)})
      );
      general.replaceChildren();
      formula.replaceChildren();
      weights.replaceChildren();
      fields = [];
      lastTex = "";
      setText(mapText, describe(target));
      return;
    }
    const net = context.network;
    const layer = net.layers[target.layer];
    if (!layer || target.unit >= layer.units) return;
    const layers = net.layers.length;
    const what = nodeWords(target.layer, target.unit, layers, context.outputs);
    setText(
      title,
      t("pg.cardNeuron", {
        what: `${what[0].toUpperCase()}${what.slice(1)}`,
        activation: layer.activation,
        of: target.layer === layers - 1 ? "" : t("pg.cardOfInputs", {n: layer.inputs, s: layer.inputs === 1 ? "" : "s"})
      })
    );
    renderTex(general, generalTex(net, target.layer));
    // The fields: one per incoming weight, then the bias.
    const group = `${target.layer}/${target.unit}`;
    if (weights.dataset.group !== group) {
      weights.dataset.group = group;
      weights.setAttribute("aria-label", t("pg.cardWeights", {what}));
      fields = [...Array.from({length: layer.inputs}, (_, i) => i), -1].map((i) => {
        const id = uid("nn-pg-w");
        const name = weightName({bias: i < 0, i: Math.max(0, i), j: target.unit, layer: target.layer + 1});
        const from =
          i < 0
            ? t("pg.bias")
            : target.layer === 0
              ? t("pg.fromInput", {name: FEATURES.find((f) => f.id === context?.features[i])?.text ?? ""})
              : t("pg.fromNeuron", {unit: i + 1, layer: target.layer});

        const input = h("input", {type: "number", id, step: "0.01"});
        input.addEventListener("change", () => {
          const value = Number(input.value);
          if (input.value.trim() !== "" && Number.isFinite(value)) onWeight(target.layer, i, target.unit, value);
        });
        const row = h("div", {class: "nn-control"}, h("label", {for: id, text: `${name} ${from}`}), input);
        return {input, i, row};
      });
      weights.replaceChildren(...fields.map((f) => f.row));
    }
    refresh();
  }

  /** Rewrites the numbers (the formula and the fields not being typed in). */
  function refresh(): void {
    if (shown) setText(mapText, describe(shown));
    if (shown?.kind !== "neuron" || !context) return;
    const net = context.network;
    const layer = net.layers[shown.layer];
    if (!layer) return;
    const tex = neuronTex(net, shown.layer, shown.unit, context.features);
    if (tex !== lastTex) {
      lastTex = tex;
      renderTex(formula, tex, true);
    }
    for (const {input, i} of fields) {
      if (document.activeElement === input) continue;
      const v = i < 0 ? layer.b.data[shown.unit] : layer.W.data[i * layer.units + shown.unit];
      const text = Number.isFinite(v) ? String(Number(v.toFixed(3))) : "";
      if (input.value !== text) input.value = text;
    }
  }

  return {
    root,
    /** Shows a node (or nothing) of this network. */
    show(target: NodeTarget | null, next: {network: Network; features: readonly FeatureId[]; outputs: number} | null) {
      const same =
        sameTarget(target, shown) && next?.network === context?.network && next?.features === context?.features;
      shown = target;
      context = next;
      if (!same) weights.dataset.group = "";
      render();
    },
    refresh,
    get shown() {
      return shown;
    }
  };
}

export type NeuronCard = ReturnType<typeof neuronCard>;
