// 4. Loss curve: appends points live while a network trains; train and test series; optional log scale;
// dashed rules where a learning-rate schedule changed the rate. It stays cheap however long training runs: push()
// only schedules a redraw (at most one per frame), and past MAX_POINTS the older points are thinned out, so drawing
// costs the same after 300 epochs or 10 million.
import * as d3 from "d3";
import {drawAxes, fmt, MARGIN} from "./axes.js";
import {
  ensureStyles,
  extend,
  followWidth,
  frameWhenVisible,
  h,
  lifecycle,
  resolveWidth,
  setLabel,
  setText
} from "./theme.js";
import {assertFiniteNumber} from "./validate.js";
import {plural, words} from "./words.js";

export interface LossPoint {
  epoch: number;
  /** Training loss. */
  loss: number;
  /** Test (held-out) loss, when measured. */
  testLoss?: number;
  /** The learning rate used for this epoch; a change draws a marker. */
  learningRate?: number;
}

export interface LossCurveOptions {
  /** Points to start with (e.g. a finished run). */
  data?: LossPoint[];
  /** Logarithmic loss axis (non-positive losses are skipped). */
  log?: boolean;
  xLabel?: string;
  yLabel?: string;
  label?: string;
  width?: number;
  height?: number;
  invalidation?: Promise<unknown>;
}

export type LossCurve = HTMLDivElement & {
  /** Adds one point (or several) and redraws on the next animation frame. */
  push(point: LossPoint | LossPoint[]): void;
  /** Changes options (log, labels, size) and redraws. */
  update(options: Partial<LossCurveOptions>): void;
  clear(): void;
  /** The points kept: every point up to MAX_POINTS, then the recent ones and every other older one, and so on. */
  readonly data: readonly LossPoint[];
  /** How many points were pushed in all (kept or thinned out). */
  readonly count: number;
  destroy(): void;
};

/** Where the learning rate changed: [{epoch, from, to}]. Pure, exported for tests. */
export function rateChanges(points: readonly LossPoint[]): RateChange[] {
  const out: RateChange[] = [];
  let last: number | undefined;
  for (const p of points) {
    const change = rateChange(last, p);
    if (change) out.push(change);
    last = p.learningRate ?? last;
  }
  return out;
}

export interface RateChange {
  epoch: number;
  from: number;
  to: number;
}

/** The change point `p` makes to the learning rate `last` used before it, if it makes one. */
function rateChange(last: number | undefined, p: LossPoint): RateChange | undefined {
  if (last === undefined || p.learningRate === undefined || p.learningRate === last) return undefined;
  return {epoch: p.epoch, from: last, to: p.learningRate};
}

/** The most points a curve keeps; a few thousand are more than its width in pixels. */
export const MAX_POINTS = 2000;

/**
 * Thins `points` in place once there are more than `max`: the newest max/2 stay as they are, and of the older ones
 * every other one goes (the first point always stays). Each thinning halves the older part, so the cost per pushed
 * point stays constant. Pure, exported for tests.
 */
export function thin(points: LossPoint[], max = MAX_POINTS): void {
  if (points.length <= max) return;
  const recent = points.length - Math.floor(max / 2);
  let kept = 0;
  for (let i = 0; i < recent; i += 2) points[kept++] = points[i];
  points.copyWithin(kept, recent);
  points.length = kept + (points.length - recent);
}

function check(p: LossPoint): LossPoint {
  if (typeof p !== "object" || p === null) throw new Error(`lossCurve.push: expected {epoch, loss}, got ${p}.`);
  assertFiniteNumber(p.epoch, "lossCurve.push: epoch");
  if (typeof p.loss !== "number") throw new Error(`lossCurve.push: loss must be a number, got ${typeof p.loss}.`);
  return p;
}

export function lossCurve(options: LossCurveOptions = {}): LossCurve {
  ensureStyles();
  const life = lifecycle(options.invalidation);
  let opts = {...options};
  let width = resolveWidth(opts.width);
  const data: LossPoint[] = [];
  // Learning-rate changes are found as points arrive, so thinning never moves or hides one.
  let changes: RateChange[] = [];
  let lastRate: number | undefined;
  let count = 0;
  const add = (points: readonly LossPoint[]) => {
    for (const point of points) {
      const p = {...check(point)};
      const change = rateChange(lastRate, p);
      if (change) changes.push(change);
      lastRate = p.learningRate ?? lastRate;
      data.push(p);
    }
    count += points.length;
    thin(data);
  };
  const reset = () => {
    data.length = 0;
    changes = [];
    lastRate = undefined;
    count = 0;
  };
  add(opts.data ?? []);
  let lastAxes = "";
  let lastLegend = "";

  const root = h("div", {class: "nn-fig nn-loss-curve"}) as LossCurve;
  const legend = h("div", {class: "nn-legend", "aria-hidden": "true"});
  const svgNode = d3.create("svg").attr("role", "img").node() as SVGSVGElement;
  const svg = d3.select(svgNode);
  const status = h("div", {class: "nn-readout", style: "height: 1.5em; overflow: hidden; contain: strict"});
  root.append(legend, svgNode, status);

  function render() {
    const height = opts.height ?? Math.round(Math.min(260, Math.max(180, width * 0.4)));
    const log = !!opts.log;
    const ok = (v: number | undefined): v is number => typeof v === "number" && Number.isFinite(v) && (!log || v > 0);
    const train = data.filter((p) => ok(p.loss));
    const test = data.filter((p) => ok(p.testLoss));
    const values = [...train.map((p) => p.loss), ...test.map((p) => p.testLoss as number)];
    const epochs = d3.extent(data, (p) => p.epoch) as [number, number] | [undefined, undefined];
    const x = d3.scaleLinear(
      [epochs[0] ?? 0, Math.max(epochs[1] ?? 1, (epochs[0] ?? 0) + 1)],
      [MARGIN.left, width - MARGIN.right]
    );
    const [lo, hi] = values.length ? (d3.extent(values) as [number, number]) : [log ? 0.01 : 0, 1];
    const y = log
      ? d3.scaleLog([Math.min(lo, hi / 10), hi], [height - MARGIN.bottom, MARGIN.top]).nice()
      : d3.scaleLinear([Math.min(0, lo), hi > lo ? hi : lo + 1], [height - MARGIN.bottom, MARGIN.top]).nice();
    svg.attr("width", width).attr("height", height).attr("viewBox", `0 0 ${width} ${height}`);
    // Axes only change when the (rounded) domains or the size do: not on every appended point.
    x.nice();
    const axesKey = `${x.domain()}|${y.domain()}|${width}|${height}|${log}|${opts.xLabel}|${opts.yLabel}`;
    if (axesKey !== lastAxes) {
      lastAxes = axesKey;
      const axes = svg.selectAll<SVGGElement, null>("g.axes").data([null]).join("g").attr("class", "axes");
      drawAxes(axes.node() as SVGGElement, x, y, {
        width,
        height,
        xLabel: opts.xLabel ?? words("axis.epoch"),
        yLabel: opts.yLabel ?? words(log ? "axis.lossLog" : "axis.loss")
      });
    }
    // Learning-rate changes: a dashed rule each; labels only where there is room for them.
    let lastLabelX = -Infinity;
    const marks = changes.map((c) => {
      const px = x(c.epoch);
      const labelled = px - lastLabelX > 70;
      if (labelled) lastLabelX = px;
      return {...c, px, labelled};
    });
    const rules = svg.selectAll<SVGGElement, null>("g.rates").data([null]).join("g").attr("class", "rates");
    rules
      .selectAll("line")
      .data(marks)
      .join("line")
      .attr("stroke", "var(--theme-foreground-muted)")
      .attr("stroke-dasharray", "3 3")
      .attr("x1", (d) => d.px)
      .attr("x2", (d) => d.px)
      .attr("y1", MARGIN.top)
      .attr("y2", height - MARGIN.bottom);
    rules
      .selectAll("text")
      .data(marks.filter((d) => d.labelled))
      .join("text")
      .attr("class", "nn-muted")
      .attr("font-size", 10)
      .attr("x", (d) => d.px + 3)
      .attr("y", MARGIN.top + 9)
      .text((d) => `η ${fmt(d.from)}→${fmt(d.to)}`);
    const line = (key: "loss" | "testLoss") =>
      d3
        .line<LossPoint>()
        .x((p) => x(p.epoch))
        .y((p) => y(p[key] as number));
    const series = [
      {key: "train", points: train, path: line("loss")(train) ?? "", color: "var(--nn-c0)", dash: null},
      {key: "test", points: test, path: line("testLoss")(test) ?? "", color: "var(--nn-c1)", dash: "6 3"}
    ].filter((s) => s.points.length > 0);
    svg
      .selectAll<SVGPathElement, (typeof series)[number]>("path.series")
      .data(series, (s) => s.key)
      .join("path")
      .attr("class", "series")
      .attr("fill", "none")
      .attr("stroke-width", 2)
      .attr("stroke", (s) => s.color)
      .attr("stroke-dasharray", (s) => s.dash)
      .attr("d", (s) => s.path);
    const legendKey = `${series.map((s) => s.key)}|${changes.length > 0}`;
    if (legendKey !== lastLegend) {
      lastLegend = legendKey;
      legend.replaceChildren(
        ...series.map((s) =>
          h(
            "span",
            {style: `color: ${s.color}`},
            h("i", {class: `nn-swatch${s.dash ? " dashed" : ""}`}),
            h("span", {
              style: "color: var(--theme-foreground)",
              text: words(s.key === "train" ? "lossCurve.train" : "lossCurve.test")
            })
          )
        ),
        ...(changes.length
          ? [
              h(
                "span",
                {},
                h("i", {class: "nn-swatch dashed", style: "color: var(--theme-foreground-muted)"}),
                words("lossCurve.rateChange")
              )
            ]
          : [])
      );
    }
    const lastTrain = train.at(-1);
    const lastTest = test.at(-1);
    const summary = lastTrain
      ? words("lossCurve.summary", {
          count,
          from: fmt(train[0].loss),
          to: fmt(lastTrain.loss),
          test: lastTest
            ? words("lossCurve.summaryTest", {
                from: fmt(test[0].testLoss as number),
                to: fmt(lastTest.testLoss as number)
              })
            : "",
          changes: changes.length
            ? words("lossCurve.summaryChanges", {n: changes.length, s: plural(changes.length)})
            : "",
          log: log ? words("lossCurve.summaryLog") : ""
        })
      : words("lossCurve.empty");
    setLabel(svgNode, opts.label ?? summary);
    setText(
      status,
      lastTrain
        ? words("lossCurve.status", {
            epoch: lastTrain.epoch,
            loss: fmt(lastTrain.loss),
            test: lastTest ? words("lossCurve.statusTest", {loss: fmt(lastTest.testLoss as number)}) : ""
          })
        : ""
    );
  }

  const schedule = frameWhenVisible(root, life, render);

  if (opts.width === undefined)
    followWidth(root, life, (w) => {
      width = w;
      render();
    });
  render();
  return extend(root, {
    push(point: LossPoint | LossPoint[]) {
      add(Array.isArray(point) ? point : [point]);
      schedule();
    },
    update(next: Partial<LossCurveOptions>) {
      opts = {...opts, ...next};
      if (next.width) width = resolveWidth(next.width);
      if (next.data) {
        next.data.forEach(check);
        reset();
        add(next.data);
      }
      render();
    },
    clear() {
      reset();
      render();
    },
    get data(): readonly LossPoint[] {
      return data;
    },
    get count(): number {
      return count;
    },
    destroy: life.destroy
  });
}
