// Probability bars: one bar per class, the most probable class highlighted, for a classifier's output that
// changes as you watch (a digit being drawn, a test digit picked). update(probabilities) redraws in place.
import * as d3 from "d3";
import {ensureStyles, extend, followWidth, h, lifecycle, resolveWidth, setLabel, setText} from "./theme.js";
import {words} from "./words.js";

export interface ProbabilityBarsOptions {
  /** A name per class, in the order of the probabilities. */
  classes: readonly string[];
  /** The probabilities (default: none yet, every bar empty). */
  probabilities?: readonly number[];
  width?: number;
  /** Height in CSS pixels (default 170). */
  height?: number;
  invalidation?: Promise<unknown>;
}

export type ProbabilityBars = HTMLDivElement & {
  /** Shows new probabilities (or none: an empty chart). */
  update(probabilities: readonly number[] | null): void;
  readonly probabilities: readonly number[] | null;
  destroy(): void;
};

/** A share as a whole percentage, "<1 %" for a small one that is not 0. Pure, for tests. */
export function wholePercent(p: number): string {
  const v = 100 * p;
  return v > 0 && v < 0.5 ? "<1 %" : `${Math.round(v)} %`;
}

/** The text alternative: the classes from most to least probable, down to 1 %, then how many are below. */
export function describeProbabilities(p: readonly number[] | null, classes: readonly string[]): string {
  if (!p) return words("probability.none");
  const order = p.map((_, k) => k).sort((a, b) => p[b] - p[a]);
  const shown = order.filter((k, rank) => rank === 0 || p[k] >= 0.01);
  const rest = order.length - shown.length;
  const listed = shown.map((k) => `${classes[k]} ${wholePercent(p[k])}`).join(words("list.comma"));
  return words("probability.summary", {list: listed, rest: rest ? words("probability.rest", {n: rest}) : ""});
}

const M = {top: 18, right: 6, bottom: 22, left: 6};

export function probabilityBars(options: ProbabilityBarsOptions): ProbabilityBars {
  ensureStyles();
  const life = lifecycle(options.invalidation);
  const classes = options.classes;
  if (!Array.isArray(classes) || classes.length === 0) {
    throw new Error("probabilityBars: classes must name at least one class, e.g. ['0', '1', …, '9']");
  }
  let p: readonly number[] | null = null;
  let width = resolveWidth(options.width ?? 360);
  const root = h("div", {class: "nn-fig nn-probability-bars"}) as ProbabilityBars;
  const svgNode = d3.create("svg").attr("role", "img").node() as SVGSVGElement;
  const svg = d3.select(svgNode);
  const readout = h("div", {class: "nn-readout"});
  root.append(svgNode, readout);

  function check(values: readonly number[] | null): readonly number[] | null {
    if (values === null) return null;
    if (!Array.isArray(values) || values.length !== classes.length) {
      throw new Error(
        `probabilityBars: expected ${classes.length} probabilities, one per class, got ${values?.length}`
      );
    }
    values.forEach((v, k) => {
      if (!(typeof v === "number" && v >= 0 && v <= 1)) {
        throw new Error(`probabilityBars: the probability of ${classes[k]} is ${v}, not a number from 0 to 1`);
      }
    });
    return values;
  }

  function render() {
    const height = options.height ?? 170;
    const x = d3.scaleBand<number>(d3.range(classes.length), [M.left, width - M.right]).padding(0.2);
    const y = d3.scaleLinear([0, 1], [height - M.bottom, M.top]);
    const best = p ? d3.maxIndex(p) : -1;
    const rows = classes.map((name, k) => ({name, k, v: p?.[k] ?? 0}));
    svg.attr("width", width).attr("height", height).attr("viewBox", `0 0 ${width} ${height}`);
    svg
      .selectAll("line.base")
      .data([null])
      .join("line")
      .attr("class", "base")
      .attr("stroke", "var(--theme-foreground-faint)")
      .attr("x1", M.left)
      .attr("x2", width - M.right)
      .attr("y1", y(0))
      .attr("y2", y(0));
    const bars = svg
      .selectAll<SVGGElement, (typeof rows)[number]>("g.bar")
      .data(rows)
      .join((enter) => {
        const g = enter.append("g").attr("class", "bar");
        g.append("rect");
        g.append("text").attr("class", "value nn-muted").attr("text-anchor", "middle").attr("font-size", 10);
        g.append("text").attr("class", "name nn-label").attr("text-anchor", "middle");
        return g;
      });
    bars
      .select("rect")
      .attr("x", (d) => x(d.k) ?? 0)
      .attr("width", x.bandwidth())
      .attr("y", (d) => y(d.v))
      .attr("height", (d) => y(0) - y(d.v))
      .attr("fill", (d) => (d.k === best ? "var(--nn-c0)" : "var(--theme-foreground-faint)"));
    bars
      .select("text.value")
      .attr("x", (d) => (x(d.k) ?? 0) + x.bandwidth() / 2)
      .attr("y", (d) => y(d.v) - 4)
      .text((d) => (p && d.v >= 0.005 ? wholePercent(d.v) : "")); // the smallest would only crowd the chart
    bars
      .select("text.name")
      .attr("x", (d) => (x(d.k) ?? 0) + x.bandwidth() / 2)
      .attr("y", height - 6)
      .attr("font-weight", (d) => (d.k === best ? "bold" : null))
      .text((d) => d.name);
    setLabel(svgNode, describeProbabilities(p, classes));
    setText(
      readout,
      p
        ? words("probability.best", {name: classes[best], percent: wholePercent(p[best])})
        : words("probability.noPrediction")
    );
  }

  if (options.width === undefined) {
    followWidth(root, life, (w) => {
      width = Math.min(w, 520);
      render();
    });
  }
  p = check(options.probabilities ?? null);
  render();
  return extend(root, {
    update(values: readonly number[] | null) {
      p = check(values);
      render();
    },
    get probabilities() {
      return p;
    },
    destroy: life.destroy
  });
}
