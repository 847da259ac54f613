// 7. Computational graph: the operations of a scalar expression built with the library's Value, left to right,
// with forward values and then backward gradients revealed one step at a time (for the chain-rule lesson).
import * as d3 from "d3";
import {arrowMarker, fmt} from "./axes.js";
import {chainTerms, type GraphNode, graphLayout, type ValueLike} from "./graphLayout.js";
import {ensureStyles, extend, followWidth, h, lifecycle, resolveWidth} from "./theme.js";
import {words} from "./words.js";

export interface ComputationalGraphOptions {
  /** Name of the output in gradient labels, e.g. "J" (default: the output's label, else "out"). */
  outputName?: string;
  /** Step to show first: 0 = structure only (default), "all" = every value and gradient. */
  step?: number | "all";
  label?: string;
  width?: number;
  invalidation?: Promise<unknown>;
}

export type ComputationalGraph = HTMLDivElement & {
  /** Draws another expression (and/or options), from step 0 unless options.step says otherwise. */
  update(output?: ValueLike, options?: Partial<ComputationalGraphOptions>): void;
  next(): void;
  previous(): void;
  reset(): void;
  showAll(): void;
  /** Current step and the number of steps (2 per node: its value, then its gradient). */
  readonly state: {step: number; total: number};
  destroy(): void;
};

export function computationalGraph(output: ValueLike, options: ComputationalGraphOptions = {}): ComputationalGraph {
  ensureStyles();
  const life = lifecycle(options.invalidation);
  let opts = {...options};
  let root$ = output;
  let nodes: GraphNode[] = [];
  let step = 0;
  let width = resolveWidth(opts.width);

  const root = h("div", {class: "nn-fig nn-graph"}) as ComputationalGraph;
  const svgNode = d3.create("svg").attr("role", "img").node() as SVGSVGElement;
  const svg = d3.select(svgNode);
  const bar = h("div", {class: "nn-bar", role: "group", "aria-label": words("graph.group")});
  const prevButton = h("button", {type: "button", text: words("button.back")});
  const nextButton = h("button", {type: "button", text: words("button.next")});
  const allButton = h("button", {type: "button", text: words("button.showAll")});
  const resetButton = h("button", {type: "button", text: words("button.reset")});
  bar.append(prevButton, nextButton, allButton, resetButton);
  const readout = h("div", {class: "nn-readout", "aria-live": "polite"});
  root.append(svgNode, bar, readout);

  function load(v: ValueLike) {
    nodes = graphLayout(v);
    root$ = v;
    // The gradients the backward steps reveal.
    (v as ValueLike & {backward?: () => void}).backward?.();
  }

  const outName = () => opts.outputName ?? (root$.label || "out");
  const total = () => nodes.length * 2;

  function explain(): string {
    const n = nodes.length;
    if (step === 0) return words("graph.start", {n});
    if (step <= n) {
      const node = nodes[step - 1];
      const v = node.value;
      if (v.inputs.length === 0) return words("graph.input", {name: node.name, value: fmt(v.data)});
      const args = v.inputs.map((i) => fmt(i.data));
      const formula = v.inputs.length === 2 ? `${args[0]} ${v.op} ${args[1]}` : `${v.op}(${args[0]})`;
      return words("graph.forward", {name: node.name, formula, value: fmt(v.data)});
    }
    const node = nodes[n - (step - n)];
    const d = `∂${outName()}/∂${node.name}`;
    if (node.value === root$) return words("graph.self", {d});
    const terms = chainTerms(node.value, nodes);
    const parts = terms.map(
      (t) =>
        `∂${outName()}/∂${t.consumer.name} · ∂${t.consumer.name}/∂${node.name} = ${fmt(t.upstream)} · ${fmt(t.local)}`
    );
    return words("graph.chain", {d, terms: parts.join(" + "), grad: fmt(node.value.grad)});
  }

  function render() {
    const n = nodes.length;
    const columns = Math.max(...nodes.map((d) => d.column)) + 1;
    const perColumn = d3.rollup(
      nodes,
      (v) => v.length,
      (d) => d.column
    );
    const tallest = Math.max(...perColumn.values());
    const boxW = Math.max(64, Math.min(104, (width - 20) / columns - 18));
    const boxH = 52;
    const height = Math.max(140, tallest * (boxH + 22) + 20);
    const colX = (c: number) => 10 + boxW / 2 + (columns === 1 ? 0 : (c * (width - 20 - boxW)) / (columns - 1));
    const pos = new Map<ValueLike, {x: number; y: number}>();
    for (const d of nodes) {
      const count = perColumn.get(d.column) ?? 1;
      pos.set(d.value, {x: colX(d.column), y: height / 2 + (d.row - (count - 1) / 2) * (boxH + 22)});
    }
    const valueShown = (d: GraphNode) => step > d.order;
    const gradShown = (d: GraphNode) => step > n && n - (step - n) <= d.order;
    svg.attr("width", width).attr("height", height).attr("viewBox", `0 0 ${width} ${height}`);
    const markerId = `${clipId}-m`;
    arrowMarker(svg, {id: markerId, fill: "var(--theme-foreground-muted)", size: 7, refX: 9, orient: "auto"});
    const edges = nodes.flatMap((d) =>
      d.value.inputs.map((input, i) => ({from: input, to: d, key: `${d.order}-${i}`}))
    );
    svg
      .selectAll<SVGGElement, null>("g.edges")
      .data([null])
      .join("g")
      .attr("class", "edges")
      .selectAll<SVGPathElement, (typeof edges)[number]>("path")
      .data(edges, (e) => e.key)
      .join("path")
      .attr("fill", "none")
      .attr("stroke", (e) =>
        gradShown(nodes.find((x) => x.value === e.from) as GraphNode) ? "var(--nn-c1)" : "var(--theme-foreground-muted)"
      )
      .attr("stroke-width", 1.5)
      .attr("marker-end", `url(#${markerId})`)
      .attr("d", (e) => {
        const a = pos.get(e.from) as {x: number; y: number};
        const b = pos.get(e.to.value) as {x: number; y: number};
        const x1 = a.x + boxW / 2;
        const x2 = b.x - boxW / 2 - 2;
        return `M${x1},${a.y}C${(x1 + x2) / 2},${a.y} ${(x1 + x2) / 2},${b.y} ${x2},${b.y}`;
      });
    const g = svg
      .selectAll<SVGGElement, null>("g.nodes")
      .data([null])
      .join("g")
      .attr("class", "nodes")
      .selectAll<SVGGElement, GraphNode>("g.node")
      .data(nodes, (d) => String(d.order))
      .join((enter) => {
        const e = enter.append("g").attr("class", "node");
        e.append("rect");
        e.append("text").attr("class", "name");
        e.append("text").attr("class", "val");
        e.append("text").attr("class", "grad");
        return e;
      })
      .attr("transform", (d) => {
        const p = pos.get(d.value) as {x: number; y: number};
        return `translate(${p.x},${p.y})`;
      });
    g.select("rect")
      .attr("x", -boxW / 2)
      .attr("y", -boxH / 2)
      .attr("width", boxW)
      .attr("height", boxH)
      .attr("rx", (d) => (d.value.op ? boxH / 2 : 4))
      .attr("fill", "var(--theme-background-alt)")
      .attr("stroke", (d) =>
        step > 0 && ((step <= n && d.order === step - 1) || (step > n && d.order === n - (step - n)))
          ? "var(--theme-foreground)"
          : "var(--theme-foreground-faint)"
      )
      .attr("stroke-width", 1.5);
    g.select("text.name")
      .attr("class", "name nn-label")
      .attr("text-anchor", "middle")
      .attr("y", -boxH / 2 + 15)
      .attr("font-weight", 600)
      .text((d) => (d.value.label && d.value.op ? `${d.value.label} = ${d.value.op}` : d.name));
    g.select("text.val")
      .attr("class", "val nn-label")
      .attr("text-anchor", "middle")
      .attr("y", 4)
      .text((d) => (valueShown(d) ? fmt(d.value.data) : "?"));
    g.select("text.grad")
      .attr("text-anchor", "middle")
      .attr("y", boxH / 2 - 7)
      .attr("font-size", 11)
      .attr("fill", "var(--nn-c1)")
      .text((d) =>
        gradShown(d)
          ? d.value.label
            ? `∂${outName()}/∂${d.value.label} = ${fmt(d.value.grad)}`
            : words("graph.grad", {grad: fmt(d.value.grad)})
          : ""
      );
    readout.textContent = words("graph.stepOf", {k: step, n: total(), text: explain()});
    prevButton.disabled = step === 0;
    nextButton.disabled = step >= total();
    const leaves = nodes.filter((d) => d.value.inputs.length === 0);
    svgNode.setAttribute(
      "aria-label",
      opts.label ??
        words("graph.summary", {
          out: outName(),
          n,
          inputs: leaves.map((d) => d.name).join(", "),
          ops: nodes
            .filter((d) => d.value.op)
            .map((d) => d.value.op)
            .join(", "),
          state: step === 0 ? words("graph.hidden") : words("graph.state", {k: step, n: total(), text: explain()})
        })
    );
    root.dataset.step = String(step);
  }
  const clipId = `nn-graph-${Math.random().toString(36).slice(2, 9)}`;

  const go = (s: number) => {
    step = Math.max(0, Math.min(total(), s));
    render();
  };
  life.listen(prevButton, "click", () => go(step - 1));
  life.listen(nextButton, "click", () => go(step + 1));
  life.listen(allButton, "click", () => go(total()));
  life.listen(resetButton, "click", () => go(0));
  if (opts.width === undefined)
    followWidth(root, life, (w) => {
      width = w;
      render();
    });

  load(output);
  step = opts.step === "all" ? total() : Math.max(0, Math.min(total(), opts.step ?? 0));
  render();
  return extend(root, {
    update(v?: ValueLike, next: Partial<ComputationalGraphOptions> = {}) {
      opts = {...opts, ...next};
      if (v) load(v);
      step =
        opts.step === "all" && next.step === "all"
          ? total()
          : Math.max(0, Math.min(total(), typeof next.step === "number" ? next.step : v ? 0 : step));
      render();
    },
    next: () => go(step + 1),
    previous: () => go(step - 1),
    reset: () => go(0),
    showAll: () => go(total()),
    get state() {
      return {step, total: total()};
    },
    destroy: life.destroy
  });
}
