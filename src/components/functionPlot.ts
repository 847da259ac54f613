// 1. Function plot: one or more functions of x on shared axes, optional dashed derivatives, and a readout of
// x, f(x), f′(x) that follows the pointer or the arrow keys.
import * as d3 from "d3";
import {clippedGroup, drawAxes, fmt, MARGIN} from "./axes.js";
import {expressionField} from "./expressionField.js";
import {type FunctionInput, type ResolvedFunction, resolveFunction, whenLoaded} from "./functions.js";
import {autoDomain, sampleFunction} from "./sampling.js";
import {ensureStyles, extend, followWidth, h, lifecycle, resolveWidth} from "./theme.js";
import {assertDomain} from "./validate.js";
import {words} from "./words.js";

export interface FunctionPlotOptions {
  /** Preset names (identity, step, sign, sigmoid, tanh, relu, leakyRelu), mathjs expressions in x, or {f, df, label}. */
  functions: FunctionInput | FunctionInput[];
  /** Also draw each derivative, dashed (default false). */
  derivatives?: boolean;
  xDomain?: [number, number];
  /** Fixed y-range; by default it fits the curves. */
  yDomain?: [number, number];
  xLabel?: string;
  yLabel?: string;
  /** Show a text field for typing the first function as a mathjs expression. */
  input?: boolean;
  /** Overrides the generated aria-label. */
  label?: string;
  /** Pixel width; by default the container's width. */
  width?: number;
  height?: number;
  invalidation?: Promise<unknown>;
}

export type FunctionPlot = HTMLDivElement & {
  /** Changes any option and redraws in place. A bad expression shows its message and keeps the last picture. */
  update(options: Partial<FunctionPlotOptions>): void;
  /** Moves the readout to x (as hovering does). */
  focusAt(x: number): void;
  destroy(): void;
};

export function functionPlot(options: FunctionPlotOptions): FunctionPlot {
  ensureStyles();
  const life = lifecycle(options.invalidation);
  let opts: FunctionPlotOptions = {...options};
  let resolved = resolveAll(opts.functions);
  let width = resolveWidth(opts.width);
  let cursor: number | null = null;

  const root = h("div", {class: "nn-fig nn-function-plot"}) as FunctionPlot;
  const legend = h("div", {class: "nn-legend", "aria-hidden": "true"});
  const svgNode = d3.create("svg").attr("role", "img").attr("tabindex", 0).node() as SVGSVGElement;
  const svg = d3.select(svgNode);
  const readout = h("div", {class: "nn-readout", "aria-live": "polite"});
  const error = h("div", {class: "nn-error", role: "status"});
  const field = opts.input
    ? expressionField(
        "f(x) =",
        typeof firstInput(opts.functions) === "string" ? (firstInput(opts.functions) as string) : "",
        (text) => void resolveFunction(text),
        (text) => {
          const rest = Array.isArray(opts.functions) ? opts.functions.slice(1) : [];
          apply({functions: [text, ...rest]});
        },
        life
      )
    : null;
  if (field) root.append(field.element);
  root.append(legend, svgNode, readout, error);

  function firstInput(fs: FunctionInput | FunctionInput[]): FunctionInput {
    return Array.isArray(fs) ? fs[0] : fs;
  }

  function resolveAll(fs: FunctionInput | FunctionInput[]): ResolvedFunction[] {
    const list = Array.isArray(fs) ? fs : [fs];
    if (list.length === 0) throw new Error("functionPlot: give at least one function, e.g. {functions: ['sigmoid']}.");
    return list.map(resolveFunction);
  }

  function render() {
    const height = opts.height ?? Math.round(Math.min(320, Math.max(200, width * 0.5)));
    const xDomain = assertDomain(opts.xDomain ?? [-5, 5], "xDomain");
    const n = Math.min(800, Math.max(200, width));
    const curves = resolved.map((r, i) => ({
      i,
      r,
      points: sampleFunction(r.f, xDomain, n, r.breaks),
      deriv: opts.derivatives ? sampleFunction(r.df, xDomain, n, r.breaks) : []
    }));
    const yDomain = opts.yDomain
      ? assertDomain(opts.yDomain, "yDomain")
      : autoDomain(curves.flatMap((c) => [...c.points, ...c.deriv].map((p) => p.y)));
    const x = d3.scaleLinear(xDomain, [MARGIN.left, width - MARGIN.right]);
    const y = d3.scaleLinear(yDomain, [height - MARGIN.bottom, MARGIN.top]).nice();
    svg.attr("width", width).attr("height", height).attr("viewBox", `0 0 ${width} ${height}`);
    const axes = svg.selectAll<SVGGElement, null>("g.axes").data([null]).join("g").attr("class", "axes");
    drawAxes(axes.node() as SVGGElement, x, y, {width, height, xLabel: opts.xLabel ?? "x", yLabel: opts.yLabel ?? ""});
    const [y0, y1] = y.domain();
    svg
      .selectAll("line.zero")
      .data(y0 < 0 && y1 > 0 ? [0] : [])
      .join("line")
      .attr("class", "zero")
      .attr("stroke", "var(--theme-foreground-faint)")
      .attr("x1", MARGIN.left)
      .attr("x2", width - MARGIN.right)
      .attr("y1", y(0))
      .attr("y2", y(0));
    // Keep wild values from drawing far outside the frame.
    const clampY = (v: number) => Math.max(y0 - (y1 - y0) * 2, Math.min(y1 + (y1 - y0) * 2, v));
    const line = d3
      .line<{x: number; y: number}>()
      .defined((p) => Number.isFinite(p.y))
      .x((p) => x(p.x))
      .y((p) => y(clampY(p.y)));
    const plot = clippedGroup(svg, {clipId, className: "curves", width, height});
    plot
      .selectAll("path.f")
      .data(curves)
      .join("path")
      .attr("class", "f")
      .attr("fill", "none")
      .attr("stroke-width", 2.25)
      .attr("stroke", (c) => `var(--nn-c${c.i % 6})`)
      .attr("d", (c) => line(c.points));
    plot
      .selectAll("path.df")
      .data(opts.derivatives ? curves : [])
      .join("path")
      .attr("class", "df")
      .attr("fill", "none")
      .attr("stroke-width", 1.75)
      .attr("stroke-dasharray", "5 4")
      .attr("stroke", (c) => `var(--nn-c${c.i % 6})`)
      .attr("d", (c) => line(c.deriv));
    // Legend (HTML, so it wraps instead of overlapping at narrow widths).
    legend.replaceChildren(
      ...curves.flatMap((c) => {
        const items = [
          h(
            "span",
            {style: `color: var(--nn-c${c.i % 6})`},
            h("i", {class: "nn-swatch"}),
            h("span", {style: "color: var(--theme-foreground)", text: c.r.label})
          )
        ];
        if (opts.derivatives)
          items.push(
            h(
              "span",
              {style: `color: var(--nn-c${c.i % 6})`},
              h("i", {class: "nn-swatch dashed"}),
              h("span", {style: "color: var(--theme-foreground)", text: c.r.derivativeLabel})
            )
          );
        return items;
      })
    );
    svgNode.setAttribute(
      "aria-label",
      opts.label ??
        words("function.summary", {
          curves: curves.map((c) => c.r.description).join(words("list.semicolon")),
          derivatives: opts.derivatives ? words("function.derivatives") : "",
          x0: fmt(xDomain[0]),
          x1: fmt(xDomain[1])
        })
    );
    // Hover / focus readout.
    const hover = svg.selectAll<SVGGElement, null>("g.hover").data([null]).join("g").attr("class", "hover");
    const xc = cursor === null ? null : Math.max(xDomain[0], Math.min(xDomain[1], cursor));
    hover
      .selectAll("line")
      .data(xc === null ? [] : [xc])
      .join("line")
      .attr("stroke", "var(--theme-foreground-muted)")
      .attr("x1", (d) => x(d))
      .attr("x2", (d) => x(d))
      .attr("y1", MARGIN.top)
      .attr("y2", height - MARGIN.bottom);
    const dots = xc === null ? [] : curves.map((c) => ({c, v: c.r.f(xc)})).filter((d) => Number.isFinite(d.v));
    hover
      .selectAll("circle")
      .data(dots)
      .join("circle")
      .attr("r", 4)
      .attr("fill", (d) => `var(--nn-c${d.c.i % 6})`)
      .attr("stroke", "var(--theme-background)")
      .attr("cx", x(xc ?? 0))
      .attr("cy", (d) => y(clampY(d.v)));
    readout.textContent =
      xc === null
        ? words("function.hint")
        : `x = ${fmt(xc)}   ${curves.map((c) => `${c.r.label.split(" =")[0]} = ${fmt(c.r.f(xc))}${opts.derivatives || curves.length === 1 ? words("function.slope", {v: fmt(c.r.df(xc))}) : ""}`).join("   ")}`;
    xScale = x;
  }

  const clipId = `nn-clip-${Math.random().toString(36).slice(2, 9)}`;
  let xScale = d3.scaleLinear();

  function showError(message: string) {
    if (field) field.showError(message);
    else error.textContent = message;
  }

  // A formula typed as text is drawn once mathjs has loaded (the frame is drawn at its size meanwhile).
  function redrawWhenLoaded() {
    whenLoaded(resolved, life, () => apply({functions: opts.functions}), showError);
  }

  function apply(next: Partial<FunctionPlotOptions>) {
    try {
      const nextResolved = next.functions ? resolveAll(next.functions) : resolved;
      if (next.xDomain) assertDomain(next.xDomain, "xDomain");
      if (next.yDomain) assertDomain(next.yDomain, "yDomain");
      opts = {...opts, ...next};
      resolved = nextResolved;
      if (next.width) width = resolveWidth(next.width);
      error.textContent = "";
      render();
      if (next.functions) redrawWhenLoaded();
    } catch (e) {
      showError((e as Error).message);
    }
  }

  life.listen(svgNode, "pointermove", (event: PointerEvent) => {
    const [px] = d3.pointer(event, svgNode);
    cursor = xScale.invert(px);
    render();
  });
  life.listen(svgNode, "keydown", (event: KeyboardEvent) => {
    const [a, b] = opts.xDomain ?? [-5, 5];
    const stepSize = (b - a) / 100;
    const current = cursor ?? (a + b) / 2;
    const moves: Record<string, number> = {
      ArrowRight: current + stepSize,
      ArrowLeft: current - stepSize,
      Home: a,
      End: b
    };
    if (event.key in moves) {
      event.preventDefault();
      cursor = Math.max(a, Math.min(b, moves[event.key]));
      render();
    }
  });
  life.listen(svgNode, "focus", () => {
    if (cursor === null) {
      const [a, b] = opts.xDomain ?? [-5, 5];
      cursor = (a + b) / 2;
      render();
    }
  });
  if (opts.width === undefined)
    followWidth(root, life, (w) => {
      width = w;
      render();
    });

  render();
  redrawWhenLoaded();
  return extend(root, {
    update: apply,
    focusAt(x: number) {
      cursor = x;
      render();
    },
    destroy: life.destroy
  });
}
