// 2. Network diagram: inputs, optional bias "1" nodes, hidden and output units; edge colour = sign of the weight
// (blue +, orange −), width = |w|. Optional w_{ij}^{[l]} labels, node values after a forward pass of an input,
// and a readout of any weight's value and gradient on hover or with the arrow keys. update() redraws in place,
// so it can follow a network while it trains.
import * as d3 from "d3";
import {Matrix} from "../lib/nn/index.js";
import {fmt} from "./axes.js";
import {
  type DiagramEdge,
  edgeWeight,
  entry,
  layerSizes,
  type NetworkLike,
  networkLayout,
  placeLabels,
  type RunnableNetwork
} from "./networkModel.js";
import {ensureStyles, extend, followWidth, h, lifecycle, resolveWidth, setAttrs, setLabel, setText} from "./theme.js";
import type {MatrixLike} from "./validate.js";
import {plural, words} from "./words.js";

export interface NetworkDiagramOptions {
  /** The network to draw (the library's Network, or anything with inputs and layers [{W, b}]). */
  network: NetworkLike;
  /** One sample; node values after its forward pass are printed in the nodes. */
  input?: readonly number[];
  /** Gradients from lossAndGradients(…).grads, shown in the weight readout. */
  gradients?: readonly {dW: MatrixLike; db: MatrixLike}[];
  /** Draw bias nodes "1" (default true). */
  bias?: boolean;
  /** Write w_{ij}^{[l]} on every edge (default false; gets crowded beyond a few units). */
  labels?: boolean;
  /** Name of the output node(s), default "ŷ" (a regression chapter may call it "ẑ"). */
  outputName?: string;
  label?: string;
  width?: number;
  height?: number;
  invalidation?: Promise<unknown>;
}

export type NetworkDiagram = HTMLDivElement & {
  /** Redraws on the next animation frame with a new network, input, gradients or options (or the same network after training). */
  update(options?: Partial<NetworkDiagramOptions>): void;
  /** Selects the weight with this edge id (as the keyboard does), showing its value and gradient. */
  select(edgeId: string | null): void;
  destroy(): void;
};

const SUB = "₀₁₂₃₄₅₆₇₈₉";
const sub = (n: number) => String(n).replace(/\d/g, (d) => SUB[Number(d)]);

const sup = (n: number) => `⁽${String(n).replace(/\d/g, (d) => "⁰¹²³⁴⁵⁶⁷⁸⁹"[Number(d)])}⁾`;

/** "w₁₂⁽¹⁾"-style plain name of an edge's parameter (1-based indices, W's row then column). */
export function weightName(e: Pick<DiagramEdge, "bias" | "i" | "j" | "layer">): string {
  return e.bias ? `b${sub(e.j + 1)}${sup(e.layer)}` : `w${sub(e.i + 1)}${sub(e.j + 1)}${sup(e.layer)}`;
}

/**
 * A node's value in at most 5 characters, so that it stays inside its circle whatever the weights: "0.10", "-12.3",
 * "1234", "-2e12" (a diverging network), "NaN". Exported for tests.
 */
export function nodeValue(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "∞" : "-∞";
  const a = Math.abs(v);
  if (a < 9.995) return v.toFixed(2);
  if (a < 99.95) return v.toFixed(1);
  if (a < 9999.5) return v.toFixed(0);
  const [mantissa, exponent] = v.toExponential(0).split("e");
  return `${mantissa}e${Number(exponent)}`;
}

/** Every layer's activations for one sample, via the network's trace() when it has one. */
function activationsFor(net: NetworkLike, input: readonly number[]): number[][] | null {
  const runnable = net as RunnableNetwork;
  if (typeof runnable.trace !== "function") return null;
  const {A} = runnable.trace(Matrix.from([input as number[]]) as never);
  return A.map((m) => Array.from(m.data));
}

export function networkDiagram(options: NetworkDiagramOptions): NetworkDiagram {
  ensureStyles();
  const life = lifecycle(options.invalidation);
  let opts = {...options};
  let width = resolveWidth(opts.width);
  let selected: string | null = null;
  let values: number[][] | null = null;
  let scheduled = false;
  let hiddenLabels = 0;

  const root = h("div", {class: "nn-fig nn-network"}) as NetworkDiagram;
  const svgNode = d3.create("svg").attr("role", "img").attr("tabindex", 0).node() as SVGSVGElement;
  const svg = d3.select(svgNode);
  const readout = h("div", {class: "nn-readout", "aria-live": "polite"});
  const legend = h(
    "div",
    {class: "nn-legend", "aria-hidden": "true"},
    h(
      "span",
      {style: "color: var(--nn-pos)"},
      h("i", {class: "nn-swatch"}),
      h("span", {style: "color: var(--theme-foreground)", text: words("network.positive")})
    ),
    h(
      "span",
      {style: "color: var(--nn-neg)"},
      h("i", {class: "nn-swatch"}),
      h("span", {style: "color: var(--theme-foreground)", text: words("network.negative")})
    )
  );
  root.append(legend, svgNode, readout);
  let edges: DiagramEdge[] = [];

  function validate(o: NetworkDiagramOptions): number[] {
    const sizes = layerSizes(o.network);
    if (o.input !== undefined) {
      if (!Array.isArray(o.input) || o.input.some((v) => typeof v !== "number" || !Number.isFinite(v)))
        throw new Error("networkDiagram: input must be an array of numbers, one per input node.");
      if (o.input.length !== sizes[0])
        throw new Error(`networkDiagram: input has ${o.input.length} values but the network takes ${sizes[0]} inputs.`);
    }
    if (o.gradients) {
      if (o.gradients.length !== o.network.layers.length)
        throw new Error(
          `networkDiagram: gradients has ${o.gradients.length} entries but the network has ${o.network.layers.length} layers.`
        );
      o.gradients.forEach((g, l) => {
        const W = o.network.layers[l].W;
        if (g.dW.rows !== W.rows || g.dW.cols !== W.cols)
          throw new Error(
            `networkDiagram: gradients[${l}].dW is ${g.dW.rows} × ${g.dW.cols} but W is ${W.rows} × ${W.cols}.`
          );
      });
    }
    return sizes;
  }

  function describeEdge(e: DiagramEdge): string {
    const w = edgeWeight(opts.network, e);
    const g = opts.gradients?.[e.layer - 1];
    const grad = g ? (e.bias ? entry(g.db, 0, e.j) : entry(g.dW, e.i, e.j)) : undefined;
    const from = e.bias
      ? words("network.bias")
      : e.layer === 1
        ? words("network.input", {x: `x${sub(e.i + 1)}`})
        : words("network.unit", {j: e.i + 1, l: e.layer - 1});
    const where = e.bias ? `b[${e.j}]` : `W[${e.i}][${e.j}]`;
    const edge = words("network.edge", {
      name: weightName(e),
      w: fmt(w),
      from,
      to: words("network.unit", {j: e.j + 1, l: e.layer}),
      code: `layers[${e.layer - 1}].${where}`
    });
    return `${edge}${grad === undefined ? "" : `\n∂L/∂${weightName(e)} = ${fmt(grad)}`}`;
  }

  function render() {
    const sizes = validate(opts);
    values = opts.input ? activationsFor(opts.network, opts.input) : null;
    const tallest = Math.max(...sizes.map((n, l) => n + (opts.bias !== false && l < sizes.length - 1 ? 1 : 0)));
    const height = opts.height ?? Math.max(160, Math.min(440, tallest * 62 + 30));
    const layout = networkLayout(sizes, {
      width,
      height,
      bias: opts.bias !== false,
      padX: Math.max(30, Math.min(60, width / 12))
    });
    edges = layout.edges;
    const r = layout.radius;
    let maxW = 0;
    for (const e of edges) maxW = Math.max(maxW, Math.abs(edgeWeight(opts.network, e)));
    svg.attr("width", width).attr("height", height).attr("viewBox", `0 0 ${width} ${height}`);
    const lines = svg.selectAll<SVGGElement, null>("g.edges").data([null]).join("g").attr("class", "edges");
    // Only attributes whose value changed are written: while training, that is just colour and width.
    lines
      .selectAll<SVGLineElement, DiagramEdge>("line.edge")
      .data(edges, (e) => e.id)
      .join("line")
      .each(function (e) {
        const w = edgeWeight(opts.network, e);
        setAttrs(this, {
          class: "edge",
          x1: e.source.x,
          y1: e.source.y,
          x2: e.target.x,
          y2: e.target.y,
          stroke: w >= 0 ? "var(--nn-pos)" : "var(--nn-neg)",
          "stroke-width": (0.75 + (5.25 * Math.abs(w)) / (maxW || 1)).toFixed(2),
          "stroke-opacity": selected && selected !== e.id ? 0.25 : 0.9,
          "stroke-dasharray": e.bias ? "4 3" : null
        });
      });
    // Wide invisible lines make thin edges easy to hover.
    lines
      .selectAll<SVGLineElement, DiagramEdge>("line.hit")
      .data(edges, (e) => e.id)
      .join("line")
      .each(function (e) {
        setAttrs(this, {
          class: "hit",
          stroke: "transparent",
          "stroke-width": 12,
          x1: e.source.x,
          y1: e.source.y,
          x2: e.target.x,
          y2: e.target.y,
          "data-edge": e.id
        });
      });
    // Labels go where they overlap nothing; the ones that fit nowhere are left out (the readout names every edge).
    const spots = opts.labels ? placeLabels(edges, layout.nodes, r, (e) => weightName(e).length * 6.2) : new Map();
    hiddenLabels = opts.labels ? edges.length - spots.size : 0;
    const labelData = edges.filter((e) => spots.has(e.id));
    svg
      .selectAll<SVGGElement, null>("g.wlabels")
      .data([null])
      .join("g")
      .attr("class", "wlabels")
      .selectAll<SVGTextElement, DiagramEdge>("text")
      .data(labelData, (e) => e.id)
      .join("text")
      .attr("class", "nn-label")
      .attr("font-size", 11)
      .attr("text-anchor", "middle")
      .attr("dy", "0.35em")
      .attr("paint-order", "stroke")
      .attr("stroke", "var(--theme-background)")
      .attr("stroke-width", 3)
      .attr("x", (e) => spots.get(e.id).x)
      .attr("y", (e) => spots.get(e.id).y)
      .text((e) => weightName(e));
    const nodes = svg
      .selectAll<SVGGElement, null>("g.nodes")
      .data([null])
      .join("g")
      .attr("class", "nodes")
      .selectAll<SVGGElement, (typeof layout.nodes)[number]>("g.node")
      .data(layout.nodes, (n) => n.id)
      .join((enter) => {
        const g = enter.append("g").attr("class", "node");
        g.append("circle");
        g.append("text").attr("class", "name");
        g.append("text").attr("class", "value");
        return g;
      })
      .attr("transform", (n) => `translate(${n.x},${n.y})`);
    nodes
      .select("circle")
      .attr("r", r)
      .attr("fill", "var(--theme-background)")
      .attr("stroke", (n) => (n.bias ? "var(--theme-foreground-muted)" : "var(--theme-foreground)"))
      .attr("stroke-width", 1.5)
      .attr("stroke-dasharray", (n) => (n.bias ? "3 2" : null));
    const last = sizes.length - 1;
    const nodeName = (n: (typeof layout.nodes)[number]) =>
      n.bias
        ? "1"
        : n.layer === 0
          ? `x${sub(n.index + 1)}`
          : n.layer === last
            ? sizes[last] === 1
              ? (opts.outputName ?? "ŷ")
              : `${opts.outputName ?? "ŷ"}${sub(n.index + 1)}`
            : `a${sub(n.index + 1)}${sup(n.layer)}`;
    const value = (n: (typeof layout.nodes)[number]) => (values && !n.bias ? values[n.layer][n.index] : undefined);
    nodes
      .select("text.name")
      .attr("class", "name nn-label")
      .attr("text-anchor", "middle")
      .attr("dy", (n) => (value(n) === undefined ? "0.35em" : "-0.15em"))
      .attr("font-size", Math.min(13, r * 0.8))
      .each(function (n) {
        setText(this as Node, nodeName(n));
      });
    nodes
      .select("text.value")
      .attr("class", "value nn-muted")
      .attr("text-anchor", "middle")
      .attr("dy", "1.05em")
      .attr("font-size", Math.min(11, r * 0.62))
      .each(function (n) {
        const v = value(n);
        setText(this as Node, v === undefined ? "" : nodeValue(v));
      });
    const arch = [
      String(sizes[0]),
      ...opts.network.layers.map((l, i) => `${sizes[i + 1]}${l.activation ? ` ${l.activation}` : ""}`)
    ].join(" → ");
    const out = values ? values[last] : null;
    setLabel(
      svgNode,
      opts.label ??
        words("network.summary", {
          arch,
          n: edges.length,
          bias: opts.bias !== false ? words("network.withBias") : "",
          output: out
            ? words("network.output", {input: opts.input?.map(fmt).join(", ") ?? "", output: out.map(fmt).join(", ")})
            : ""
        })
    );
    const sel = edges.find((e) => e.id === selected);
    setText(
      readout,
      sel
        ? describeEdge(sel)
        : words("network.hint", {
            left: hiddenLabels ? words("network.left", {n: hiddenLabels, s: plural(hiddenLabels)}) : ""
          })
    );
  }

  function select(id: string | null) {
    selected = id;
    render();
  }
  life.listen(svgNode, "pointerover", (event: PointerEvent) => {
    const id = (event.target as Element).getAttribute?.("data-edge");
    if (id) select(id);
  });
  life.listen(svgNode, "keydown", (event: KeyboardEvent) => {
    if (!edges.length) return;
    const k = edges.findIndex((e) => e.id === selected);
    if (event.key === "ArrowRight" || event.key === "ArrowDown") select(edges[(k + 1) % edges.length].id);
    else if (event.key === "ArrowLeft" || event.key === "ArrowUp")
      select(edges[(k - 1 + edges.length) % edges.length].id);
    else if (event.key === "Escape") select(null);
    else return;
    event.preventDefault();
  });
  if (opts.width === undefined)
    followWidth(root, life, (w) => {
      width = Math.min(w, 720);
      render();
    });
  render();
  return extend(root, {
    update(next: Partial<NetworkDiagramOptions> = {}) {
      const merged = {...opts, ...next};
      validate(merged);
      opts = merged;
      if (next.width) width = resolveWidth(next.width);
      if (!scheduled) {
        scheduled = true;
        life.frame(() => {
          scheduled = false;
          render();
        });
      }
    },
    select,
    destroy: life.destroy
  });
}
