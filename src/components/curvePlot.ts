// 11. Curve plot: several named curves on one pair of axes, growing point by point while they race (loss against
// epochs or against milliseconds, training against validation loss), with optional marks on a curve (where a
// learning rate changed, where the validation loss was lowest). One redraw per animation frame however many points
// arrive, and only while the plot is on screen.
import * as d3 from "d3";
import {clippedGroup, drawAxes, fmt, MARGIN} from "./axes.js";
import {
  ensureStyles,
  extend,
  followWidth,
  frameWhenVisible,
  h,
  lifecycle,
  resolveWidth,
  setLabel,
  setText,
  uid
} from "./theme.js";
import {assertFiniteNumber} from "./validate.js";
import {plural, words} from "./words.js";

/** A curve's name, and whether it is drawn dashed. */
export interface CurveSeries {
  name: string;
  dashed?: boolean;
}

export interface CurvePoint {
  x: number;
  y: number;
}

/** A mark on a curve at x, with a short label (e.g. "η 0.5"). */
export interface CurveMark {
  x: number;
  label?: string;
}

export interface CurvePlotOptions {
  /** The curves, by name ("batch 32") or {name, dashed}; colours follow the series palette in this order. */
  series: (string | CurveSeries)[];
  xLabel?: string;
  yLabel?: string;
  /** Logarithmic y axis (points with y ≤ 0 are skipped). */
  log?: boolean;
  /** Fixed axis ranges; by default each follows the data. */
  xDomain?: [number, number];
  yDomain?: [number, number];
  label?: string;
  width?: number;
  height?: number;
  invalidation?: Promise<unknown>;
}

/** What the plot holds: each curve's points and marks. */
export interface CurveData {
  name: string;
  points: CurvePoint[];
  marks: CurveMark[];
}

export type CurvePlot = HTMLDivElement & {
  /** Appends a point (or several) to a curve, named or by position, and redraws on the next animation frame. */
  push(series: string | number, point: CurvePoint | CurvePoint[]): void;
  /** Adds a mark on a curve. */
  mark(series: string | number, mark: CurveMark): void;
  /** Removes every point and mark. */
  clear(): void;
  update(options: Partial<CurvePlotOptions>): void;
  readonly data: readonly CurveData[];
  /** Redraws so far (tests use it to see that a race animates). */
  readonly frames: number;
  destroy(): void;
};

const series = (s: string | CurveSeries): CurveSeries => (typeof s === "string" ? {name: s} : s);

/** The position of a curve given by name or position; throws a message naming the curves. Exported for tests. */
export function seriesIndex(names: readonly string[], key: string | number): number {
  const i = typeof key === "number" ? key : names.indexOf(key);
  if (!Number.isInteger(i) || i < 0 || i >= names.length) {
    throw new Error(
      `curvePlot: no curve ${JSON.stringify(key)}; the curves are ${names.map((n) => `"${n}"`).join(", ")}.`
    );
  }
  return i;
}

/** The point of `points` whose x is nearest to `x` (marks sit on the curve there). Exported for tests. */
export function nearestPoint(points: readonly CurvePoint[], x: number): CurvePoint | undefined {
  let best: CurvePoint | undefined;
  for (const p of points) if (!best || Math.abs(p.x - x) < Math.abs(best.x - x)) best = p;
  return best;
}

/** The text alternative: what is plotted and where each curve starts and ends. Exported for tests. */
export function describeCurves(data: readonly CurveData[], xLabel: string, yLabel: string, log = false): string {
  const parts = data.map(({name, points, marks}) => {
    if (points.length === 0) return words("curves.noPoints", {name});
    const first = points[0];
    const last = points[points.length - 1];
    const marked = marks.length ? words("curves.marks", {n: marks.length, s: plural(marks.length)}) : "";
    return words("curves.curve", {
      name,
      y: yLabel,
      x: xLabel,
      y0: fmt(first.y),
      x0: fmt(first.x),
      y1: fmt(last.y),
      x1: fmt(last.x),
      marks: marked
    });
  });
  return words("curves.summary", {
    y: yLabel,
    x: xLabel,
    log: log ? words("curves.log") : "",
    n: data.length,
    s: plural(data.length),
    parts: parts.join(words("list.semicolon"))
  });
}

export function curvePlot(options: CurvePlotOptions): CurvePlot {
  ensureStyles();
  if (!options || !Array.isArray(options.series) || options.series.length === 0) {
    throw new Error('curvePlot: give the curves to draw, e.g. {series: ["batch 32", "batch 1"]}.');
  }
  const life = lifecycle(options.invalidation);
  let opts = {...options};
  let width = resolveWidth(opts.width);
  let frames = 0;
  let curves = opts.series.map(series);
  const data: CurveData[] = curves.map(({name}) => ({name, points: [], marks: []}));
  const clipId = uid("nn-curve-clip");
  const color = (i: number) => `var(--nn-c${i % 6})`;

  const root = h("div", {class: "nn-fig nn-curve-plot"}) as CurvePlot;
  const legend = h("div", {class: "nn-legend", "aria-hidden": "true"});
  const svgNode = d3.create("svg").attr("role", "img").node() as SVGSVGElement;
  const svg = d3.select(svgNode);
  const readout = h("div", {class: "nn-readout"});
  root.append(legend, svgNode, readout);

  function drawLegend() {
    legend.replaceChildren(
      ...curves.map((c, i) =>
        h(
          "span",
          {style: `color: ${color(i)}`},
          h("i", {class: `nn-swatch${c.dashed ? " dashed" : ""}`}),
          h("span", {style: "color: var(--theme-foreground)", text: c.name})
        )
      )
    );
    readout.style.minHeight = `${1.4 * curves.length}em`; // room for every curve's line: nothing jumps as they fill
  }

  function render() {
    frames++;
    const height = opts.height ?? Math.round(Math.min(280, Math.max(200, width * 0.45)));
    const log = !!opts.log;
    const xLabel = opts.xLabel ?? words("axis.epoch");
    const yLabel = opts.yLabel ?? words("axis.loss");
    const ok = (p: CurvePoint) => Number.isFinite(p.x) && Number.isFinite(p.y) && (!log || p.y > 0);
    const shown = data.map((d) => d.points.filter(ok));
    const all = shown.flat();
    const xs = opts.xDomain ?? (all.length ? (d3.extent(all, (p) => p.x) as [number, number]) : [0, 1]);
    const x = d3.scaleLinear([xs[0], xs[1] > xs[0] ? xs[1] : xs[0] + 1], [MARGIN.left, width - MARGIN.right]);
    if (!opts.xDomain) x.nice();
    const [lo, hi] =
      opts.yDomain ?? (all.length ? (d3.extent(all, (p) => p.y) as [number, number]) : [log ? 0.1 : 0, 1]);
    const y = log
      ? d3.scaleLog([Math.min(lo, hi / 10), hi], [height - MARGIN.bottom, MARGIN.top])
      : d3.scaleLinear([Math.min(0, lo), hi > lo ? hi : lo + 1], [height - MARGIN.bottom, MARGIN.top]);
    if (!opts.yDomain) y.nice();
    svg.attr("width", width).attr("height", height).attr("viewBox", `0 0 ${width} ${height}`);
    const axes = svg.selectAll<SVGGElement, null>("g.axes").data([null]).join("g").attr("class", "axes");
    drawAxes(axes.node() as SVGGElement, x, y, {width, height, xLabel, yLabel});
    const plot = clippedGroup(svg, {clipId, className: "curves", width, height});
    const line = d3
      .line<CurvePoint>()
      .x((p) => x(p.x))
      .y((p) => y(p.y));
    plot
      .selectAll<SVGPathElement, number>("path.curve")
      .data(curves.map((_, i) => i))
      .join("path")
      .attr("class", "curve")
      .attr("fill", "none")
      .attr("stroke-width", 2)
      .attr("stroke", (i) => color(i))
      .attr("stroke-dasharray", (i) => (curves[i].dashed ? "6 3" : null))
      .attr("d", (i) => line(shown[i]) ?? "");
    const marks = data
      .flatMap((d, i) =>
        d.marks.flatMap((m) => {
          const p = nearestPoint(shown[i], m.x);
          return p ? [{i, px: x(p.x), py: y(p.y), label: m.label ?? ""}] : [];
        })
      )
      .sort((a, b) => a.px - b.px);
    let lastLabelled = Number.NEGATIVE_INFINITY; // labels only where there is room; every mark keeps its ring
    for (const mark of marks) {
      if (mark.px - lastLabelled > 56 && mark.label) lastLabelled = mark.px;
      else mark.label = "";
    }
    const markGroups = svg
      .selectAll<SVGGElement, null>("g.marks")
      .data([null])
      .join("g")
      .attr("class", "marks")
      .selectAll<SVGGElement, (typeof marks)[number]>("g.mark")
      .data(marks)
      .join((enter) => {
        const g = enter.append("g").attr("class", "mark");
        g.append("circle").attr("r", 4.5).attr("fill", "var(--theme-background)").attr("stroke-width", 2);
        g.append("text").attr("class", "nn-muted").attr("font-size", 10).attr("dy", -8).attr("text-anchor", "middle");
        return g;
      })
      .attr("transform", (m) => `translate(${m.px},${m.py})`);
    markGroups.select("circle").attr("stroke", (m) => color(m.i));
    markGroups.select("text").text((m) => m.label);
    setLabel(svgNode, opts.label ?? describeCurves(data, xLabel, yLabel, log));
    setText(
      readout,
      data
        .map((d) => {
          const last = d.points[d.points.length - 1];
          return last
            ? words("curves.readout", {name: d.name, x: xLabel, xv: fmt(last.x), y: yLabel, yv: fmt(last.y)})
            : words("curves.waiting", {name: d.name});
        })
        .join("\n")
    );
  }

  const schedule = frameWhenVisible(root, life, render);
  if (opts.width === undefined)
    followWidth(root, life, (w) => {
      width = w;
      render();
    });
  drawLegend();
  render();

  const at = (key: string | number) =>
    data[
      seriesIndex(
        curves.map((c) => c.name),
        key
      )
    ];
  return extend(root, {
    push(key: string | number, point: CurvePoint | CurvePoint[]) {
      const target = at(key);
      for (const p of Array.isArray(point) ? point : [point]) {
        if (typeof p !== "object" || p === null) throw new Error(`curvePlot.push: expected {x, y}, got ${p}.`);
        assertFiniteNumber(p.x, "curvePlot.push: x");
        if (typeof p.y !== "number") throw new Error(`curvePlot.push: y must be a number, got ${typeof p.y}.`);
        target.points.push({x: p.x, y: p.y});
      }
      schedule();
    },
    mark(key: string | number, mark: CurveMark) {
      assertFiniteNumber(mark?.x, "curvePlot.mark: x");
      at(key).marks.push({x: mark.x, label: mark.label});
      schedule();
    },
    clear() {
      for (const d of data) {
        d.points.length = 0;
        d.marks.length = 0;
      }
      render();
    },
    update(next: Partial<CurvePlotOptions>) {
      opts = {...opts, ...next};
      if (next.width) width = resolveWidth(next.width);
      if (next.series) {
        curves = next.series.map(series);
        data.splice(0, data.length, ...curves.map(({name}) => ({name, points: [], marks: []})));
        drawLegend();
      }
      render();
    },
    get data(): readonly CurveData[] {
      return data;
    },
    get frames(): number {
      return frames;
    },
    destroy: life.destroy
  });
}
