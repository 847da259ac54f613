// Backpropagation diagram: a network drawn as in the network diagram, stepped through one training step. The
// forward pass computes Z and A layer by layer, left to right; the backward pass computes dZ, dW, db and dA from
// the output back to the input. Each step lights up the units and connections it touches, with arrows in the
// direction the numbers flow, and names the quantity, its formula and its shape (samples as rows).
import * as d3 from "d3";
import {arrowMarker} from "./axes.js";
import {type BackpropStep, backpropSteps, type Phase, plainText, superscriptParts} from "./backpropSteps.js";
import {type DiagramEdge, layerSizes, type NetworkLike, networkLayout} from "./networkModel.js";
import {ensureStyles, extend, followWidth, h, lifecycle, resolveWidth, setLabel} from "./theme.js";
import {words} from "./words.js";

export interface BackpropDiagramOptions {
  /** The network to draw (the library's Network, or anything with inputs and layers [{W, b, activation}]). */
  network: NetworkLike;
  /** Samples in the batch, m (default 4): it sets the shapes the readout prints. */
  batch?: number;
  /** Step to show first: 0 = nothing computed yet (default), "all" = the whole pass. */
  step?: number | "all";
  /** Milliseconds between steps when playing (default 1200). */
  interval?: number;
  label?: string;
  width?: number;
  invalidation?: Promise<unknown>;
}

export type BackpropDiagram = HTMLDivElement & {
  /** Draws another network or batch size (from step 0 unless options.step says otherwise). */
  update(options: Partial<BackpropDiagramOptions>): void;
  next(): void;
  previous(): void;
  reset(): void;
  showAll(): void;
  play(): void;
  pause(): void;
  /** The current step (0 = none yet), the number of steps, and the step shown. */
  readonly state: {step: number; total: number; current: BackpropStep | null};
  destroy(): void;
};

const PHASE_COLOR: Record<Phase, string> = {forward: "var(--nn-c0)", backward: "var(--nn-c1)"};
const SUB = "₀₁₂₃₄₅₆₇₈₉";
const sub = (n: number) => String(n).replace(/\d/g, (d) => SUB[Number(d)]);

/** Appends `text` to an SVG text element, with "^[l]" as a raised, smaller tspan. */
function svgRich(node: SVGTextElement, text: string): void {
  const sel = d3.select(node);
  sel.selectAll("tspan").remove();
  for (const part of superscriptParts(text)) {
    sel
      .append("tspan")
      .attr("baseline-shift", part.sup ? "super" : null)
      .attr("font-size", part.sup ? "0.72em" : null)
      .text(part.text);
  }
}

/** The same for HTML: text nodes and <sup> elements. */
function htmlRich(text: string): Node[] {
  return superscriptParts(text).map((part) =>
    part.sup ? h("sup", {text: part.text}) : document.createTextNode(part.text)
  );
}

export function backpropDiagram(options: BackpropDiagramOptions): BackpropDiagram {
  ensureStyles();
  const life = lifecycle(options.invalidation);
  let opts = {...options};
  let width = resolveWidth(opts.width);
  let sizes: number[] = [];
  let steps: BackpropStep[] = [];
  let step = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  life.add(() => clearTimeout(timer));

  const root = h("div", {class: "nn-fig nn-backprop"}) as BackpropDiagram;
  const legend = h(
    "div",
    {class: "nn-legend", "aria-hidden": "true"},
    h(
      "span",
      {style: `color: ${PHASE_COLOR.forward}`},
      h("i", {class: "nn-swatch"}),
      h("span", {style: "color: var(--theme-foreground)", text: words("backprop.forwardPass")})
    ),
    h(
      "span",
      {style: `color: ${PHASE_COLOR.backward}`},
      h("i", {class: "nn-swatch"}),
      h("span", {style: "color: var(--theme-foreground)", text: words("backprop.backwardPass")})
    )
  );
  const svgNode = d3.create("svg").attr("role", "img").node() as SVGSVGElement;
  const svg = d3.select(svgNode);
  const bar = h("div", {class: "nn-bar", role: "group", "aria-label": words("backprop.group")});
  const prevButton = h("button", {type: "button", text: words("button.back")});
  const nextButton = h("button", {type: "button", text: words("button.next")});
  const playButton = h("button", {type: "button", text: words("button.play"), "aria-pressed": "false"});
  const allButton = h("button", {type: "button", text: words("button.showAll")});
  const resetButton = h("button", {type: "button", text: words("button.reset")});
  bar.append(prevButton, nextButton, playButton, allButton, resetButton);
  const readout = h("div", {class: "nn-readout", "aria-live": "polite"});
  root.append(legend, svgNode, bar, readout);
  const markerId = `nn-bp-${Math.random().toString(36).slice(2, 9)}`;

  function load(o: BackpropDiagramOptions): void {
    const nextSizes = layerSizes(o.network);
    const activations = o.network.layers.map((layer) => layer.activation ?? "g");
    steps = backpropSteps(nextSizes, activations, o.batch ?? 4);
    sizes = nextSizes;
  }

  function explain(): string {
    if (step === 0) return words("backprop.start", {n: steps.length});
    const s = steps[step - 1];
    return words("backprop.explain", {
      phase: words(`phase.${s.phase}`),
      formula: s.formula,
      shape: s.shape,
      detail: s.detail
    });
  }

  function render(): void {
    const L = sizes.length - 1;
    const top = 44; // room for the labels of the units' quantities
    const bottom = 40; // room for the labels of the weights' quantities
    const tallest = Math.max(...sizes.map((n, l) => n + (l < L ? 1 : 0)));
    const netHeight = Math.max(140, Math.min(360, tallest * 56));
    const height = top + netHeight + bottom;
    const layout = networkLayout(sizes, {
      width,
      height: netHeight,
      bias: true,
      padX: Math.max(34, Math.min(70, width / 9))
    });
    const r = Math.min(layout.radius, 17);
    const current = step > 0 ? steps[step - 1] : null;
    const color = current ? PHASE_COLOR[current.phase] : "var(--theme-foreground)";
    svg.attr("width", width).attr("height", height).attr("viewBox", `0 0 ${width} ${height}`);
    arrowMarker(svg, {id: markerId, fill: color, size: 7, refX: 9, orient: "auto"});
    const lit = (e: DiagramEdge) =>
      current !== null && (e.bias ? current.biases.includes(e.layer) : current.weights.includes(e.layer));
    // Lines stop at the circles' edges, so the arrowheads show; backward arrows run from target to source.
    const ends = (e: DiagramEdge) => {
      const backward = current?.phase === "backward";
      const [a, b] = backward ? [e.target, e.source] : [e.source, e.target];
      const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
      const [ux, uy] = [(b.x - a.x) / len, (b.y - a.y) / len];
      return {x1: a.x + ux * r, y1: top + a.y + uy * r, x2: b.x - ux * (r + 2), y2: top + b.y - uy * (r + 2)};
    };
    svg
      .selectAll<SVGGElement, null>("g.edges")
      .data([null])
      .join("g")
      .attr("class", "edges")
      .selectAll<SVGLineElement, DiagramEdge>("line")
      .data(layout.edges, (e) => e.id)
      .join("line")
      .each(function (e) {
        const p = ends(e);
        d3.select(this).attr("x1", p.x1).attr("y1", p.y1).attr("x2", p.x2).attr("y2", p.y2);
      })
      .attr("stroke", (e) => (lit(e) ? color : "var(--theme-foreground-faint)"))
      .attr("stroke-width", (e) => (lit(e) ? 2.25 : 1))
      .attr("stroke-dasharray", (e) => (e.bias ? "4 3" : null))
      .attr("marker-end", (e) => (lit(e) ? `url(#${markerId})` : null));
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
        g.append("text").attr("class", "nn-label").attr("text-anchor", "middle").attr("dy", "0.35em");
        return g;
      })
      .attr("transform", (n) => `translate(${n.x},${top + n.y})`);
    const litNode = (n: (typeof layout.nodes)[number]) =>
      current !== null && (n.bias ? current.biases.includes(n.layer + 1) : current.columns.includes(n.layer));
    nodes
      .select("circle")
      .attr("r", r)
      .attr("fill", "var(--theme-background)")
      .attr("stroke", (n) =>
        litNode(n) ? color : n.bias ? "var(--theme-foreground-muted)" : "var(--theme-foreground)"
      )
      .attr("stroke-width", (n) => (litNode(n) ? 3 : 1.5))
      .attr("stroke-dasharray", (n) => (n.bias ? "3 2" : null));
    nodes
      .select("text")
      .attr("font-size", Math.min(12, r * 0.75))
      .text((n) =>
        n.bias
          ? "1"
          : n.layer === 0
            ? `x${sub(n.index + 1)}`
            : n.layer === L
              ? sizes[L] === 1
                ? "ŷ"
                : `ŷ${sub(n.index + 1)}`
              : `a${sub(n.index + 1)}`
      );
    // The quantities: above each column for the units (two lines: forward, backward), below each gap for the weights.
    const columnX = sizes.map((_, l) => layout.nodes.find((n) => n.layer === l && !n.bias)?.x ?? 0);
    interface Tag {
      key: string;
      text: string;
      x: number;
      y: number;
      state: "hidden" | "done" | "current";
      phase: Phase;
    }
    const tags: Tag[] = [
      {key: "X", text: "X", x: columnX[0], y: 14, state: "done", phase: "forward"},
      ...sizes.slice(1).map((_, i): Tag => {
        const l = i + 1;
        return {
          key: `W${l}`,
          text: `W^[${l}], b^[${l}]`,
          x: (columnX[l - 1] + columnX[l]) / 2,
          y: height - 22,
          state: "done",
          phase: "forward"
        };
      })
    ];
    const grouped = new Map<string, BackpropStep[]>();
    for (const s of steps) {
      const key = `${s.place.kind}${s.place.index}${s.phase}`;
      grouped.set(key, [...(grouped.get(key) ?? []), s]);
    }
    for (const [key, group] of grouped) {
      const {kind, index} = group[0].place;
      const phase = group[0].phase;
      const x = kind === "unit" ? columnX[index] : (columnX[index - 1] + columnX[index]) / 2;
      const y = kind === "unit" ? (phase === "forward" ? 14 : 32) : height - 5;
      const shown = group.filter((s) => steps.indexOf(s) < step);
      const state = current && group.includes(current) ? "current" : shown.length ? "done" : "hidden";
      tags.push({key, text: shown.map((s) => s.name).join(", "), x, y, state, phase});
    }
    svg
      .selectAll<SVGGElement, null>("g.tags")
      .data([null])
      .join("g")
      .attr("class", "tags")
      .selectAll<SVGTextElement, Tag>("text")
      .data(tags, (t) => t.key)
      .join("text")
      .attr("class", "nn-label")
      .attr("text-anchor", "middle")
      .attr("x", (t) => t.x)
      .attr("y", (t) => t.y)
      .attr("font-weight", (t) => (t.state === "current" ? 700 : 400))
      .attr("fill", (t) => (t.state === "current" ? PHASE_COLOR[t.phase] : "var(--theme-foreground)"))
      .attr("visibility", (t) => (t.state === "hidden" ? "hidden" : "visible"))
      .each(function (t) {
        svgRich(this, t.text);
      });
    readout.replaceChildren(
      h("span", {text: words("backprop.stepOf", {k: step, n: steps.length})}),
      ...htmlRich(explain())
    );
    prevButton.disabled = step === 0;
    nextButton.disabled = step >= steps.length;
    const arch = [
      String(sizes[0]),
      ...opts.network.layers.map((l, i) => `${sizes[i + 1]} ${l.activation ?? ""}`.trim())
    ];
    setLabel(
      svgNode,
      opts.label ??
        words("backprop.summary", {arch: arch.join(" → "), m: opts.batch ?? 4}) +
          (current
            ? words("backprop.current", {
                k: step,
                n: steps.length,
                phase: words(`phase.${current.phase}`),
                formula: plainText(current.formula),
                shape: current.shape
              })
            : words("backprop.none"))
    );
    root.dataset.step = String(step);
  }

  const go = (s: number) => {
    step = Math.max(0, Math.min(steps.length, s));
    render();
  };
  function pause(): void {
    clearTimeout(timer);
    timer = undefined;
    playButton.textContent = words("button.play");
    playButton.setAttribute("aria-pressed", "false");
  }
  function play(): void {
    if (step >= steps.length) go(0);
    playButton.textContent = words("button.pause");
    playButton.setAttribute("aria-pressed", "true");
    const tick = () => {
      go(step + 1);
      if (step < steps.length && !life.destroyed) timer = setTimeout(tick, opts.interval ?? 1200);
      else pause();
    };
    timer = setTimeout(tick, opts.interval ?? 1200);
  }
  life.listen(prevButton, "click", () => {
    pause();
    go(step - 1);
  });
  life.listen(nextButton, "click", () => {
    pause();
    go(step + 1);
  });
  life.listen(playButton, "click", () => (timer === undefined ? play() : pause()));
  life.listen(allButton, "click", () => {
    pause();
    go(steps.length);
  });
  life.listen(resetButton, "click", () => {
    pause();
    go(0);
  });
  if (opts.width === undefined)
    followWidth(root, life, (w) => {
      width = Math.min(w, 640);
      render();
    });

  load(opts);
  step = opts.step === "all" ? steps.length : Math.max(0, Math.min(steps.length, opts.step ?? 0));
  render();
  return extend(root, {
    update(next: Partial<BackpropDiagramOptions>) {
      const merged = {...opts, ...next};
      load(merged);
      opts = merged;
      if (next.width) width = resolveWidth(next.width);
      pause();
      step = next.step === "all" ? steps.length : Math.max(0, Math.min(steps.length, next.step ?? 0));
      render();
    },
    next: () => go(step + 1),
    previous: () => go(step - 1),
    reset: () => go(0),
    showAll: () => go(steps.length),
    play,
    pause,
    get state() {
      return {step, total: steps.length, current: step > 0 ? steps[step - 1] : null};
    },
    destroy: life.destroy
  });
}
