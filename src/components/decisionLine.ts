// 10. Decision line: one step neuron in the plane of its two inputs. The line z = w₁x₁ + w₂x₂ + b = 0 splits a square
// into the side where z > 0 (blue: the neuron answers 1) and the rest (orange); the arrow (w₁, w₂) stands
// perpendicular to the line and points to the blue side; misclassified points are ringed. update(weights) moves
// everything in place, so it can follow sliders or a neuron while it trains.
import * as d3 from "d3";
import {arrowMarker, clampPixel, fmt} from "./axes.js";
import {
  countMisclassified,
  cutSquare,
  type LineWeights,
  lineEquation,
  type Point,
  stepClass,
  weightArrow,
  weightedSum
} from "./planeGeometry.js";
import {
  ensureStyles,
  extend,
  followWidth,
  frameWhenVisible,
  h,
  lifecycle,
  pointCursor,
  setLabel,
  setText,
  uid
} from "./theme.js";
import {assertDomain, assertFiniteNumber, type MatrixInput, toRows} from "./validate.js";
import {words} from "./words.js";

export interface DecisionLineOptions {
  /** w₁, w₂ and b of the neuron. */
  weights: LineWeights;
  /** The points: inputs X (n × 2) and labels y (0 or 1). */
  data: {X: MatrixInput; y: readonly number[]};
  /** The range of both inputs (default [-0.3, 1.3], the unit square with a margin). */
  domain?: [number, number];
  /** Draw the arrow (w₁, w₂) (default true). */
  arrow?: boolean;
  /** Text added after "misclassified: k of n", e.g. a record the page keeps. */
  note?: (misclassified: number) => string;
  /** Names of the two inputs on the axes (default "x₁" and "x₂"). */
  featureNames?: [string, string];
  label?: string;
  /** Pixel width; by default the container's, at most 340. */
  width?: number;
  invalidation?: Promise<unknown>;
}

export type DecisionLine = HTMLDivElement & {
  /** Moves the line to new weights (or changes the data or options) and redraws in place. */
  update(next: LineWeights | Partial<DecisionLineOptions>): void;
  /** Points in the wrong class with the current weights. */
  readonly misclassified: number;
  destroy(): void;
};

const M = {top: 10, right: 12, bottom: 38, left: 40};
const MAX_SIDE = 340;

function isWeights(next: object): next is LineWeights {
  return "w1" in next && "w2" in next && "b" in next;
}

function checkWeights(w: LineWeights): LineWeights {
  if (typeof w !== "object" || w === null) throw new Error("decisionLine: weights must be {w1, w2, b}.");
  for (const k of ["w1", "w2", "b"] as const) {
    if (typeof w[k] !== "number" || Number.isNaN(w[k]))
      throw new Error(`decisionLine: weights.${k} must be a number, got ${String(w[k])}.`);
  }
  return {w1: w.w1, w2: w.w2, b: w.b};
}

function checkData(data: DecisionLineOptions["data"]): {X: number[][]; y: number[]} {
  const X = toRows(data?.X, "decisionLine data.X");
  if (X[0].length !== 2) throw new Error(`decisionLine: data.X needs 2 columns (x₁, x₂), got ${X[0].length}.`);
  const y = Array.from(data.y ?? [], Number);
  if (y.length !== X.length) throw new Error(`decisionLine: ${X.length} points but ${y.length} labels.`);
  return {X, y};
}

export function decisionLine(options: DecisionLineOptions): DecisionLine {
  ensureStyles();
  const life = lifecycle(options.invalidation);
  let opts = {...options};
  let weights = checkWeights(opts.weights);
  let data = checkData(opts.data);
  let width = Math.min(MAX_SIDE, opts.width ?? MAX_SIDE);
  let focused = -1; // the point the keyboard readout describes
  let wrong = 0;
  const markerId = uid("nn-decision-arrow");
  const clipId = uid("nn-decision-clip");

  const root = h("div", {class: "nn-fig nn-decision-line"}) as DecisionLine;
  const legend = h(
    "div",
    {class: "nn-legend", "aria-hidden": "true"},
    h("span", {}, h("i", {class: "nn-dot", style: "background: var(--nn-pos)"}), "label 1"),
    h("span", {}, h("i", {class: "nn-dot", style: "background: var(--nn-neg)"}), "label 0"),
    h("span", {}, words("line.ringed")),
    h("span", {}, words("line.blueSide")),
    h("span", {style: "color: var(--theme-foreground)"}, "→ (w₁, w₂)")
  );
  const svgNode = d3.create("svg").attr("role", "img").attr("tabindex", 0).node() as SVGSVGElement;
  const svg = d3.select(svgNode);
  const status = h("div", {class: "nn-readout nn-decision-status", "aria-live": "polite"});
  const readout = h("div", {class: "nn-readout"});
  root.append(legend, svgNode, status, readout);

  const clip = svg.append("clipPath").attr("id", clipId).append("rect");
  const plot = svg.append("g").attr("clip-path", `url(#${clipId})`);
  const zeroSide = plot.append("path").attr("fill", "color-mix(in srgb, var(--nn-neg) 18%, transparent)");
  const oneSide = plot.append("path").attr("fill", "color-mix(in srgb, var(--nn-pos) 22%, transparent)");
  const line = plot.append("line").attr("stroke", "var(--theme-foreground)").attr("stroke-width", 2);
  const arrow = plot
    .append("line")
    .attr("stroke", "var(--theme-foreground)")
    .attr("stroke-width", 1.75)
    .attr("marker-end", `url(#${markerId})`);
  const axes = svg.append("g");
  const rings = svg.append("g");
  const dots = svg.append("g");
  const cursor = svg
    .append("circle")
    .attr("r", 11)
    .attr("fill", "none")
    .attr("stroke", "var(--theme-foreground-focus)")
    .attr("stroke-width", 2);
  arrowMarker(svg, {id: markerId, fill: "var(--theme-foreground)", size: 7, refX: 8, orient: "auto"});

  function render() {
    const domain = assertDomain(opts.domain ?? [-0.3, 1.3], "decisionLine domain");
    // A square plot area (the same scale on both axes), so that a right angle looks like one.
    const side = width;
    const inner = side - M.left - M.right;
    const height = inner + M.top + M.bottom;
    const x = d3.scaleLinear(domain, [M.left, M.left + inner]);
    const y = d3.scaleLinear(domain, [M.top + inner, M.top]);
    const px = (p: Point): [number, number] => [
      clampPixel(x(p[0]), M.left, M.left + inner),
      clampPixel(y(p[1]), M.top, M.top + inner)
    ];
    svg.attr("width", side).attr("height", height).attr("viewBox", `0 0 ${side} ${height}`);
    clip.attr("x", M.left).attr("y", M.top).attr("width", inner).attr("height", inner);
    const {one, zero, ends} = cutSquare(weights, domain);
    const path = (ps: Point[]) => (ps.length > 2 ? `M${ps.map((p) => px(p).join(",")).join("L")}Z` : "");
    oneSide.attr("d", path(one));
    zeroSide.attr("d", path(zero));
    const [a, b] = ends.length === 2 ? ends.map(px) : [[0, 0] as const, [0, 0] as const];
    line
      .attr("x1", a[0])
      .attr("y1", a[1])
      .attr("x2", b[0])
      .attr("y2", b[1])
      .attr("visibility", ends.length === 2 ? "visible" : "hidden");
    const normal = opts.arrow === false ? null : weightArrow(weights, domain);
    const [f, t] = normal ? [px(normal.from), px(normal.to)] : [[0, 0] as const, [0, 0] as const];
    arrow
      .attr("x1", f[0])
      .attr("y1", f[1])
      .attr("x2", t[0])
      .attr("y2", t[1])
      .attr("visibility", normal ? "visible" : "hidden");
    const names = opts.featureNames ?? ["x₁", "x₂"];
    const axesKey = `${side}|${domain}|${names}`;
    if (axes.attr("data-key") !== axesKey) drawAxes(axesKey, height, x, y, domain, names);
    const isWrong = data.X.map((p, i) => stepClass(weights, p) !== data.y[i]);
    wrong = isWrong.filter(Boolean).length;
    rings
      .selectAll("circle")
      .data(data.X.filter((_p, i) => isWrong[i]))
      .join("circle")
      .attr("cx", (p) => px(p as Point)[0])
      .attr("cy", (p) => px(p as Point)[1])
      .attr("r", 13)
      .attr("fill", "none")
      .attr("stroke", "var(--theme-foreground)")
      .attr("stroke-width", 2)
      .attr("stroke-dasharray", "4 3");
    dots
      .selectAll("circle")
      .data(data.X)
      .join("circle")
      .attr("cx", (p) => px(p as Point)[0])
      .attr("cy", (p) => px(p as Point)[1])
      .attr("r", 7)
      .attr("fill", (_p, i) => (data.y[i] === 1 ? "var(--nn-pos)" : "var(--nn-neg)"))
      .attr("stroke", "var(--theme-foreground)")
      .attr("stroke-width", 1.25);
    const hasFocus = focused >= 0 && focused < data.X.length;
    cursor
      .attr("visibility", hasFocus ? "visible" : "hidden")
      .attr("cx", hasFocus ? px(data.X[focused] as Point)[0] : 0)
      .attr("cy", hasFocus ? px(data.X[focused] as Point)[1] : 0);
    const equation = lineEquation(weights);
    showStatus();
    setText(readout, hasFocus ? describePoint(focused) : words("line.hint"));
    setLabel(
      svgNode,
      opts.label ??
        words("line.summary", {
          w1: fmt(weights.w1),
          w2: fmt(weights.w2),
          b: fmt(weights.b),
          equation,
          wrong,
          n: data.X.length
        })
    );
  }

  function showStatus() {
    setText(status, words("line.status", {wrong, n: data.X.length}) + (opts.note ? opts.note(wrong) : ""));
  }

  /** The axes and their names: redrawn only when the size, the domain or the names change. */
  function drawAxes(
    key: string,
    height: number,
    x: d3.ScaleLinear<number, number>,
    y: d3.ScaleLinear<number, number>,
    domain: [number, number],
    names: [string, string]
  ) {
    const ticks = [0, 1].filter((v) => v >= domain[0] && v <= domain[1]);
    axes.attr("data-key", key).selectAll("*").remove();
    axes
      .append("g")
      .attr("class", "nn-axis")
      .attr("transform", `translate(0,${height - M.bottom})`)
      .call(d3.axisBottom(x).tickValues(ticks).tickSizeOuter(0));
    axes
      .append("g")
      .attr("class", "nn-axis")
      .attr("transform", `translate(${M.left},0)`)
      .call(d3.axisLeft(y).tickValues(ticks).tickSizeOuter(0));
    axes
      .append("text")
      .attr("class", "nn-label")
      .attr("x", (x.range()[0] + x.range()[1]) / 2)
      .attr("y", height - 6)
      .attr("text-anchor", "middle")
      .text(names[0]);
    axes
      .append("text")
      .attr("class", "nn-label")
      .attr("x", 14)
      .attr("y", (M.top + height - M.bottom) / 2)
      .attr("text-anchor", "middle")
      .text(names[1]);
  }

  function describePoint(i: number): string {
    const p = data.X[i];
    const z = weightedSum(weights, p);
    return words("line.point", {x: p.map(fmt).join(", "), z: fmt(z), answer: stepClass(weights, p), label: data.y[i]});
  }

  pointCursor(
    svgNode,
    life,
    () => data.X.length,
    (index) => {
      focused = index;
      render();
    }
  );
  if (opts.width === undefined)
    followWidth(root, life, (w) => {
      width = Math.min(MAX_SIDE, w);
      render();
    });

  const schedule = frameWhenVisible(root, life, render);
  render();
  return extend(root, {
    update(next: LineWeights | Partial<DecisionLineOptions>) {
      if (isWeights(next)) weights = checkWeights(next);
      else {
        if (next.weights) weights = checkWeights(next.weights);
        if (next.data) data = checkData(next.data);
        if (next.width !== undefined) width = Math.min(MAX_SIDE, assertFiniteNumber(next.width, "width"));
        opts = {...opts, ...next};
      }
      // The count and its line are kept up to date at once (a training loop may read them, and the figure may be
      // scrolled away); the picture follows on the next frame in which it is visible.
      wrong = countMisclassified(weights, data.X, data.y);
      showStatus();
      schedule();
    },
    get misclassified() {
      return wrong;
    },
    destroy: life.destroy
  });
}
