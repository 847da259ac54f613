// 12. Histogram: how a list of numbers is spread, as bars over equal bins (e.g. the activations of one layer, to see
// them pile up at ±1 when the weights are too large). Small enough to sit in a row of several at phone width.
import * as d3 from "d3";
import {drawAxes, fmt, type Margin} from "./axes.js";
import {ensureStyles, extend, h, lifecycle, setLabel} from "./theme.js";
import {assertDomain, assertInteger} from "./validate.js";
import {words} from "./words.js";

export interface HistogramOptions {
  /** The numbers to count. */
  values: ArrayLike<number>;
  /** Number of equal bins (default 20). */
  bins?: number;
  /** [min, max] of the x axis; values outside are counted in the first or last bin (default: the values' range). */
  domain?: [number, number];
  /** A heading above the plot, e.g. "layer 3". */
  title?: string;
  xLabel?: string;
  /** Series colour by position in the palette (default 0). */
  color?: number;
  label?: string;
  /** Width in pixels (default 180, so that two fit side by side at phone width); height (default 140). */
  width?: number;
  height?: number;
  invalidation?: Promise<unknown>;
}

/** One bar: the interval [x0, x1) and the share of the values in it. */
export interface Bin {
  x0: number;
  x1: number;
  count: number;
  share: number;
}

export type Histogram = HTMLElement & {
  /** New values or options; redraws now. */
  update(options: Partial<HistogramOptions>): void;
  /** The bars drawn. */
  readonly bins: readonly Bin[];
  destroy(): void;
};

const M: Margin = {top: 22, right: 8, bottom: 32, left: 36};

/** Counts `values` into `bins` equal bins over `domain` (values outside go to the end bins). Exported for tests. */
export function binValues(values: ArrayLike<number>, bins: number, domain?: [number, number]): Bin[] {
  assertInteger(bins, "histogram: bins", 1);
  const finite = Array.from(values).filter(Number.isFinite);
  if (finite.length === 0) throw new Error("histogram: there are no finite values to count.");
  let [lo, hi] = domain ?? [d3.min(finite) as number, d3.max(finite) as number];
  if (hi <= lo) [lo, hi] = [lo - 0.5, hi + 0.5]; // all values equal: one unit wide around them
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of finite) counts[Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width)))]++;
  return counts.map((count, k) => ({
    x0: lo + k * width,
    x1: lo + (k + 1) * width,
    count,
    share: count / finite.length
  }));
}

/** The text alternative: how many values, their mean and spread, their range, and the fullest bar. Exported for tests. */
export function describeHistogram(
  values: ArrayLike<number>,
  bins: readonly Bin[],
  title = words("histogram.values")
): string {
  const finite = Array.from(values).filter(Number.isFinite);
  const mean = d3.mean(finite) ?? 0;
  const sd = d3.deviation(finite) ?? 0;
  const top = bins.reduce((a, b) => (b.count > a.count ? b : a));
  return words("histogram.summary", {
    n: finite.length,
    title,
    mean: fmt(mean),
    sd: fmt(sd),
    min: fmt(d3.min(finite) ?? 0),
    max: fmt(d3.max(finite) ?? 0),
    percent: Math.round(100 * top.share),
    x0: fmt(top.x0),
    x1: fmt(top.x1)
  });
}

export function histogram(options: HistogramOptions): Histogram {
  ensureStyles();
  const life = lifecycle(options.invalidation);
  let opts = {...options};
  let width = Math.max(140, Math.round(opts.width ?? 180));
  let bins: Bin[] = [];

  const root = h("figure", {class: "nn-fig nn-histogram", style: "margin: 0"}) as unknown as Histogram;
  const heading = h("figcaption", {class: "nn-caption", style: "margin: 0 0 0.15rem 0"});
  const svgNode = d3.create("svg").attr("role", "img").node() as SVGSVGElement;
  const svg = d3.select(svgNode);
  root.append(heading, svgNode);

  function render() {
    if (opts.domain) assertDomain(opts.domain, "histogram: domain");
    bins = binValues(opts.values, opts.bins ?? 20, opts.domain);
    const height = opts.height ?? 140;
    const x = d3.scaleLinear([bins[0].x0, bins[bins.length - 1].x1], [M.left, width - M.right]);
    const y = d3.scaleLinear([0, d3.max(bins, (b) => b.share) || 1], [height - M.bottom, M.top]).nice();
    svg.attr("width", width).attr("height", height).attr("viewBox", `0 0 ${width} ${height}`);
    const axes = svg.selectAll<SVGGElement, null>("g.axes").data([null]).join("g").attr("class", "axes");
    drawAxes(axes.node() as SVGGElement, x, y, {
      width,
      height,
      margin: M,
      xLabel: opts.xLabel ?? "",
      yLabel: words("axis.share")
    });
    axes.select<SVGGElement>("g.nn-axis.y").call(d3.axisLeft(y).ticks(3, "%")); // shares as percentages
    svg
      .selectAll<SVGGElement, null>("g.bars")
      .data([null])
      .join("g")
      .attr("class", "bars")
      .selectAll("rect")
      .data(bins)
      .join("rect")
      .attr("fill", `var(--nn-c${(opts.color ?? 0) % 6})`)
      .attr("x", (b) => x(b.x0) + 0.5)
      .attr("width", (b) => Math.max(0, x(b.x1) - x(b.x0) - 1))
      .attr("y", (b) => y(b.share))
      .attr("height", (b) => y(0) - y(b.share));
    heading.textContent = opts.title ?? "";
    heading.hidden = !opts.title;
    setLabel(svgNode, opts.label ?? describeHistogram(opts.values, bins, opts.title ?? words("histogram.values")));
  }

  render();
  return extend(root, {
    update(next: Partial<HistogramOptions>) {
      opts = {...opts, ...next};
      if (next.width) width = Math.max(140, Math.round(next.width));
      render();
    },
    get bins(): readonly Bin[] {
      return bins;
    },
    destroy: life.destroy
  });
}
