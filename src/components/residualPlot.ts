// 12. Residual plot: data points, the predictions for them (or a fitted line ŷ = b + w·x), each residual ŷ − y as a
// vertical segment and its square drawn as a square with that side. The mean squared error is the mean area of the
// squares, so a better fit is visibly a plot with smaller squares. Everything is clipped to the plot area.
import * as d3 from "d3";
import {clampPixel, clippedGroup, drawAxes, fmt, MARGIN} from "./axes.js";
import {autoDomain} from "./sampling.js";
import {
  ensureStyles,
  extend,
  followWidth,
  h,
  lifecycle,
  pointCursor,
  resolveWidth,
  setLabel,
  setText,
  uid
} from "./theme.js";
import {assertDomain} from "./validate.js";
import {words} from "./words.js";

export interface ResidualPlotOptions {
  /** The feature of each point (or its sample number), along x. */
  x: readonly number[];
  /** The target of each point, along y. */
  y: readonly number[];
  /** The prediction for each point; by default the line's, when a line is given. */
  predictions?: readonly number[];
  /** A fitted line ŷ = b + w·x, drawn across the plot. */
  line?: {w: number; b: number} | null;
  /** Draw the squared residuals as squares (default true). */
  squares?: boolean;
  xDomain?: [number, number];
  /** By default the targets' range, widened for predictions near it (far-off ones are clipped). */
  yDomain?: [number, number];
  xLabel?: string;
  yLabel?: string;
  label?: string;
  width?: number;
  height?: number;
  invalidation?: Promise<unknown>;
}

export type ResidualPlot = HTMLDivElement & {
  /** New predictions, line or data; redraws in place. */
  update(next: Partial<ResidualPlotOptions>): void;
  /** The mean of the squared residuals now shown. */
  readonly mse: number;
  destroy(): void;
};

/** The predictions: given, or computed from the line; checked against the number of points. Exported for tests. */
export function predictionsOf(o: Pick<ResidualPlotOptions, "x" | "predictions" | "line">): number[] {
  if (o.predictions) {
    if (o.predictions.length !== o.x.length)
      throw new Error(`residualPlot: ${o.x.length} points but ${o.predictions.length} predictions.`);
    return o.predictions.map(Number);
  }
  if (o.line) {
    const {w, b} = o.line;
    return o.x.map((x) => b + w * x);
  }
  throw new Error("residualPlot: give predictions (one per point) or a line {w, b}.");
}

/** Mean of (ŷᵢ − yᵢ)²; NaN when a prediction is not a number. Exported for tests. */
export function meanSquaredResidual(y: readonly number[], predictions: readonly number[]): number {
  if (y.length === 0) return Number.NaN;
  return y.reduce((sum, target, i) => sum + (predictions[i] - target) ** 2, 0) / y.length;
}

/**
 * The square of one residual in pixels: from the target's pixel height to the prediction's, as wide as it is tall,
 * to the right of the point, and never larger than `maxSide` (a wild prediction gives a square that fills the plot
 * and is clipped, not one a million pixels wide). Exported for tests.
 */
export function residualSquare(
  px: number,
  pyTarget: number,
  pyPrediction: number,
  maxSide: number
): {x: number; y: number; side: number} | null {
  if (!Number.isFinite(pyTarget) || !Number.isFinite(pyPrediction)) return null;
  const side = Math.min(Math.abs(pyPrediction - pyTarget), maxSide);
  const top = pyPrediction < pyTarget ? Math.max(pyPrediction, pyTarget - maxSide) : pyTarget;
  return {x: px, y: top, side};
}

/** A y-range for the targets, widened to include predictions that are no farther than the targets' own span. */
export function residualDomain(y: readonly number[], predictions: readonly number[]): [number, number] {
  const [lo, hi] = autoDomain([...y], 0.15);
  const span = hi - lo;
  const near = predictions.filter((p) => Number.isFinite(p) && p > lo - span && p < hi + span);
  return autoDomain([lo, hi, ...near], 0.05);
}

export function residualPlot(options: ResidualPlotOptions): ResidualPlot {
  ensureStyles();
  const life = lifecycle(options.invalidation);
  let opts = {...options};
  let predictions: number[] = [];
  let width = resolveWidth(opts.width);
  let focused = -1;
  let mse = Number.NaN;
  const clipId = uid("nn-residual-clip");

  const root = h("div", {class: "nn-fig nn-residual-plot"}) as ResidualPlot;
  const legend = h("div", {class: "nn-legend", "aria-hidden": "true"});
  let legendKey = "";
  /** The legend: a ring for predictions without a line, a line swatch with one. */
  function drawLegend(withLine: boolean) {
    if (legendKey === String(withLine)) return;
    legendKey = String(withLine);
    const prediction = withLine
      ? h("i", {class: "nn-swatch", style: "color: var(--nn-c1)"})
      : h("i", {class: "nn-dot", style: "background: var(--theme-background); border: 2px solid var(--nn-c1)"});
    legend.replaceChildren(
      h("span", {}, h("i", {class: "nn-dot", style: "background: var(--nn-c0)"}), words("residual.target")),
      h("span", {}, prediction, words(withLine ? "residual.line" : "residual.prediction")),
      h(
        "span",
        {},
        h("i", {
          style:
            "display:inline-block;width:10px;height:10px;background:color-mix(in srgb, var(--nn-c1) 25%, transparent);border:1px solid var(--nn-c1)"
        }),
        "(ŷ − y)²"
      )
    );
  }
  const svgNode = d3.create("svg").attr("role", "img").attr("tabindex", 0).node() as SVGSVGElement;
  const svg = d3.select(svgNode);
  const readout = h("div", {class: "nn-readout", "aria-live": "polite"});
  const pointReadout = h("div", {class: "nn-readout"});
  root.append(legend, svgNode, readout, pointReadout);

  function check(o: ResidualPlotOptions): number[] {
    if (!Array.isArray(o.x) || !Array.isArray(o.y) || o.x.length !== o.y.length || o.x.length === 0)
      throw new Error("residualPlot: x and y must be lists of numbers of the same, non-zero length.");
    return predictionsOf(o);
  }

  function render() {
    drawLegend(!!opts.line);
    const height = opts.height ?? Math.round(Math.min(280, Math.max(200, width * 0.55)));
    const xs = opts.x;
    const ys = opts.y;
    const xDomain = opts.xDomain ? assertDomain(opts.xDomain, "xDomain") : autoDomain([...xs], 0.1);
    const yDomain = opts.yDomain ? assertDomain(opts.yDomain, "yDomain") : residualDomain(ys, predictions);
    const x = d3.scaleLinear(xDomain, [MARGIN.left, width - MARGIN.right]);
    const y = d3.scaleLinear(yDomain, [height - MARGIN.bottom, MARGIN.top]).nice();
    const [top, bottom] = [MARGIN.top, height - MARGIN.bottom];
    const py = (v: number) => clampPixel(y(v), top, bottom, 4 * (bottom - top));
    svg.attr("width", width).attr("height", height).attr("viewBox", `0 0 ${width} ${height}`);
    const axes = svg.selectAll<SVGGElement, null>("g.axes").data([null]).join("g").attr("class", "axes");
    drawAxes(axes.node() as SVGGElement, x, y, {width, height, xLabel: opts.xLabel ?? "x", yLabel: opts.yLabel ?? "y"});
    const plot = clippedGroup(svg, {clipId, className: "nn-residuals", width, height});
    const maxSide = bottom - top;
    const items = xs.map((xi, i) => ({
      i,
      px: x(xi),
      pyTarget: py(ys[i]),
      pyPrediction: Number.isFinite(predictions[i]) ? py(predictions[i]) : Number.NaN
    }));
    plot
      .selectAll("rect.square")
      .data(opts.squares === false ? [] : items)
      .join("rect")
      .attr("class", "square")
      .each(function (d) {
        const sq = residualSquare(d.px, d.pyTarget, d.pyPrediction, maxSide);
        d3.select(this)
          .attr("x", sq?.x ?? 0)
          .attr("y", sq?.y ?? 0)
          .attr("width", sq?.side ?? 0)
          .attr("height", sq?.side ?? 0);
      })
      .attr("fill", "color-mix(in srgb, var(--nn-c1) 25%, transparent)")
      .attr("stroke", "var(--nn-c1)")
      .attr("stroke-width", 1);
    const [x0, x1] = xDomain;
    const lineEnds = opts.line
      ? [x0, x1].map((v) => [
          x(v),
          py((opts.line as {w: number; b: number}).b + (opts.line as {w: number; b: number}).w * v)
        ])
      : [];
    plot
      .selectAll("line.fit")
      .data(lineEnds.length === 2 && lineEnds.every(([, v]) => Number.isFinite(v)) ? [lineEnds] : [])
      .join("line")
      .attr("class", "fit")
      .attr("stroke", "var(--nn-c1)")
      .attr("stroke-width", 2)
      .attr("x1", (d) => d[0][0])
      .attr("y1", (d) => d[0][1])
      .attr("x2", (d) => d[1][0])
      .attr("y2", (d) => d[1][1]);
    plot
      .selectAll("line.residual")
      .data(items.filter((d) => Number.isFinite(d.pyPrediction)))
      .join("line")
      .attr("class", "residual")
      .attr("stroke", "var(--nn-c1)")
      .attr("stroke-width", 1.5)
      .attr("x1", (d) => d.px)
      .attr("x2", (d) => d.px)
      .attr("y1", (d) => d.pyTarget)
      .attr("y2", (d) => d.pyPrediction);
    plot
      .selectAll("circle.prediction")
      .data(opts.line ? [] : items.filter((d) => Number.isFinite(d.pyPrediction)))
      .join("circle")
      .attr("class", "prediction")
      .attr("r", 4)
      .attr("fill", "var(--theme-background)")
      .attr("stroke", "var(--nn-c1)")
      .attr("stroke-width", 2)
      .attr("cx", (d) => d.px)
      .attr("cy", (d) => d.pyPrediction);
    plot
      .selectAll("circle.target")
      .data(items)
      .join("circle")
      .attr("class", "target")
      .attr("r", (d) => (d.i === focused ? 6 : 4))
      .attr("fill", "var(--nn-c0)")
      .attr("stroke", (d) => (d.i === focused ? "var(--theme-foreground)" : "var(--theme-background)"))
      .attr("stroke-width", 1.5)
      .attr("cx", (d) => d.px)
      .attr("cy", (d) => d.pyTarget);
    mse = meanSquaredResidual(ys, predictions);
    const summary = words("residual.mean", {mse: fmt(mse)});
    setText(readout, summary);
    setText(
      pointReadout,
      focused >= 0
        ? words("residual.point", {
            i: focused + 1,
            y: fmt(ys[focused]),
            p: fmt(predictions[focused]),
            r: fmt(predictions[focused] - ys[focused]),
            r2: fmt((predictions[focused] - ys[focused]) ** 2)
          })
        : words("residual.hint")
    );
    setLabel(
      svgNode,
      opts.label ??
        words("residual.summary", {
          n: xs.length,
          what: opts.line
            ? words("residual.fitted", {b: fmt(opts.line.b), w: fmt(opts.line.w)})
            : words("residual.predictions"),
          squares: opts.squares === false ? "" : words("residual.squares"),
          mean: summary
        })
    );
  }

  pointCursor(
    svgNode,
    life,
    () => opts.x.length,
    (index) => {
      focused = index;
      render();
    }
  );
  if (opts.width === undefined)
    followWidth(root, life, (w) => {
      width = w;
      render();
    });

  predictions = check(opts);
  render();
  return extend(root, {
    update(next: Partial<ResidualPlotOptions>) {
      const merged = {...opts, ...next};
      if (next.line !== undefined && next.predictions === undefined) merged.predictions = undefined;
      const nextPredictions = check(merged);
      opts = merged;
      predictions = nextPredictions;
      if (next.width) width = resolveWidth(next.width);
      render();
    },
    get mse() {
      return mse;
    },
    destroy: life.destroy
  });
}
