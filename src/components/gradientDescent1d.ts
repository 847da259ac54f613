// 5. Gradient descent in one dimension: the curve, the current point with its tangent, and every step taken
// with the chosen learning rate — stepped by a button or played — including overshooting and divergence.
import * as d3 from "d3";
import {clippedGroup, drawAxes, fmt, MARGIN} from "./axes.js";
import {descend1d, type Run1d} from "./descent.js";
import {expressionField} from "./expressionField.js";
import {type FunctionInput, type ResolvedFunction, resolveFunction, whenLoaded} from "./functions.js";
import {autoDomain, sampleFunction} from "./sampling.js";
import {ensureStyles, extend, followWidth, h, lifecycle, resolveWidth} from "./theme.js";
import {assertDomain, assertFiniteNumber, assertInteger, assertPositive} from "./validate.js";
import {words} from "./words.js";

export interface GradientDescent1dOptions {
  /** A preset name, a mathjs expression in x (default "x^2"), or {f, df}. */
  f?: FunctionInput;
  /** Start point (default 4). */
  x0?: number;
  /** Learning rate η (default 0.1). */
  learningRate?: number;
  /** How many steps to compute (default 30). */
  steps?: number;
  xDomain?: [number, number];
  /** Show a text field for the function. */
  input?: boolean;
  /** Milliseconds between steps when playing (default 400). */
  interval?: number;
  label?: string;
  width?: number;
  height?: number;
  invalidation?: Promise<unknown>;
}

export type GradientDescent1d = HTMLDivElement & {
  /** Changes options and starts again from step 0. */
  update(options: Partial<GradientDescent1dOptions>): void;
  step(): void;
  reset(): void;
  play(): void;
  pause(): void;
  /** Steps shown so far, the current x, and whether the run diverged. */
  readonly state: {step: number; x: number; diverged: boolean; run: Run1d};
  destroy(): void;
};

export function gradientDescent1d(options: GradientDescent1dOptions = {}): GradientDescent1d {
  ensureStyles();
  const life = lifecycle(options.invalidation);
  let opts: GradientDescent1dOptions = {...options};
  let fn: ResolvedFunction = resolveFunction(opts.f ?? "x^2");
  let run: Run1d;
  let k = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let width = resolveWidth(opts.width);
  life.add(() => clearTimeout(timer));

  const root = h("div", {class: "nn-fig nn-gd1d"}) as GradientDescent1d;
  const field = opts.input
    ? expressionField(
        "f(x) =",
        typeof opts.f === "string" ? opts.f : "x^2",
        (t) => void resolveFunction(t),
        (t) => apply({f: t}),
        life
      )
    : null;
  const svgNode = d3.create("svg").attr("role", "img").node() as SVGSVGElement;
  const svg = d3.select(svgNode);
  const bar = h("div", {class: "nn-bar"});
  const stepButton = h("button", {type: "button", text: words("button.step")});
  const playButton = h("button", {type: "button", "aria-pressed": "false", text: words("button.play")});
  const resetButton = h("button", {type: "button", text: words("button.reset")});
  bar.append(stepButton, playButton, resetButton);
  const readout = h("div", {class: "nn-readout", "aria-live": "polite"});
  const error = h("div", {class: "nn-error", role: "status"});
  if (field) root.append(field.element);
  root.append(svgNode, bar, readout, error);

  function validate(o: GradientDescent1dOptions) {
    assertFiniteNumber(o.x0 ?? 4, "x0");
    assertPositive(o.learningRate ?? 0.1, "learningRate");
    assertInteger(o.steps ?? 30, "steps", 1);
    assertDomain(o.xDomain ?? [-5, 5], "xDomain");
  }

  function compute() {
    if (fn.loading) {
      run = {xs: [opts.x0 ?? 4], diverged: false, message: ""}; // no steps until the formula can be read
      return;
    }
    // A run that lands 10 plot-widths away counts as diverged (it would only keep growing).
    const [a, b] = opts.xDomain ?? [-5, 5];
    run = descend1d(
      fn.df,
      opts.x0 ?? 4,
      opts.learningRate ?? 0.1,
      opts.steps ?? 30,
      Math.max(Math.abs(a), Math.abs(b)) + 10 * (b - a)
    );
  }

  function render() {
    const height = opts.height ?? Math.round(Math.min(320, Math.max(220, width * 0.5)));
    const xDomain = opts.xDomain ?? [-5, 5];
    const curve = sampleFunction(fn.f, xDomain, Math.min(600, width), fn.breaks);
    const x = d3.scaleLinear(xDomain, [MARGIN.left, width - MARGIN.right]);
    const y = d3.scaleLinear(autoDomain(curve.map((p) => p.y)), [height - MARGIN.bottom, MARGIN.top]).nice();
    svg.attr("width", width).attr("height", height).attr("viewBox", `0 0 ${width} ${height}`);
    if (fn.loading) {
      // The frame keeps its size while mathjs loads; the picture is drawn when the formula can be read.
      readout.textContent = words("descent.reading", {f: fn.label});
      svgNode.setAttribute("aria-label", words("descent1d.loading", {f: fn.label}));
      stepButton.disabled = true;
      return;
    }
    const axes = svg.selectAll<SVGGElement, null>("g.axes").data([null]).join("g").attr("class", "axes");
    drawAxes(axes.node() as SVGGElement, x, y, {width, height, xLabel: "x", yLabel: "f(x)"});
    const g = clippedGroup(svg, {clipId, className: "plot", width, height});
    const line = d3
      .line<{x: number; y: number}>()
      .defined((p) => Number.isFinite(p.y))
      .x((p) => x(p.x))
      .y((p) => y(p.y));
    g.selectAll("path.curve")
      .data([curve])
      .join("path")
      .attr("class", "curve")
      .attr("fill", "none")
      .attr("stroke", "var(--nn-c0)")
      .attr("stroke-width", 2)
      .attr("d", line);
    const shown = run.xs.slice(0, k + 1).map((v) => ({x: v, y: fn.f(v)}));
    g.selectAll("path.steps")
      .data([shown])
      .join("path")
      .attr("class", "steps")
      .attr("fill", "none")
      .attr("stroke", "var(--nn-c1)")
      .attr("stroke-width", 1.25)
      .attr("d", line);
    g.selectAll("circle.visit")
      .data(shown)
      .join("circle")
      .attr("class", "visit")
      .attr("r", (_, i) => (i === shown.length - 1 ? 6 : 3.5))
      .attr("fill", (_, i) => (i === shown.length - 1 ? "var(--nn-c1)" : "var(--theme-background)"))
      .attr("stroke", "var(--nn-c1)")
      .attr("stroke-width", 1.5)
      .attr("cx", (p) => x(p.x))
      .attr("cy", (p) => y(p.y));
    const cur = shown[shown.length - 1];
    const slope = fn.df(cur.x);
    const half = (xDomain[1] - xDomain[0]) / 6;
    const tangent = [cur.x - half, cur.x + half].map((t) => ({x: t, y: cur.y + slope * (t - cur.x)}));
    g.selectAll("path.tangent")
      .data(Number.isFinite(slope) ? [tangent] : [])
      .join("path")
      .attr("class", "tangent")
      .attr("stroke", "var(--theme-foreground-muted)")
      .attr("stroke-dasharray", "4 3")
      .attr("stroke-width", 1.5)
      .attr("d", line);
    const lr = opts.learningRate ?? 0.1;
    const finished = k >= run.xs.length - 1;
    const outside = cur.x < xDomain[0] || cur.x > xDomain[1] ? words("descent1d.outside") : "";
    const next = finished
      ? ""
      : words("descent1d.next", {x: fmt(cur.x), rate: fmt(lr), slope: fmt(slope), next: fmt(run.xs[k + 1])});
    readout.textContent =
      words("descent1d.readout", {k, x: fmt(cur.x), outside, fx: fmt(cur.y), slope: fmt(slope)}) + next;
    error.textContent = finished && run.diverged ? run.message : "";
    root.dataset.diverged = String(finished && run.diverged);
    svgNode.setAttribute(
      "aria-label",
      opts.label ??
        words("descent1d.summary", {
          f: fn.label,
          rate: fmt(lr),
          x0: fmt(run.xs[0]),
          k,
          x: fmt(cur.x),
          diverged: finished && run.diverged ? words("descent1d.diverged") : ""
        })
    );
    stepButton.disabled = finished;
  }
  const clipId = `nn-clip-${Math.random().toString(36).slice(2, 9)}`;

  function pause() {
    clearTimeout(timer);
    timer = undefined;
    playButton.textContent = words("button.play");
    playButton.setAttribute("aria-pressed", "false");
  }
  function step() {
    if (k < run.xs.length - 1) k++;
    render();
    if (k >= run.xs.length - 1) pause();
  }
  function tick() {
    step();
    if (timer !== undefined && k < run.xs.length - 1) timer = setTimeout(tick, opts.interval ?? 400);
  }
  function play() {
    if (life.destroyed) return;
    // Asked to play before mathjs has read the formula: start once it has (the run has no steps yet).
    if (fn.loading) {
      whenLoaded([fn], life, play, () => {});
      return;
    }
    if (k >= run.xs.length - 1) k = 0;
    playButton.textContent = words("button.pause");
    playButton.setAttribute("aria-pressed", "true");
    timer = setTimeout(tick, opts.interval ?? 400);
  }
  function reset() {
    pause();
    k = 0;
    render();
  }
  function apply(next: Partial<GradientDescent1dOptions>) {
    try {
      const merged = {...opts, ...next};
      validate(merged);
      const nextFn = next.f !== undefined ? resolveFunction(next.f) : fn;
      opts = merged;
      fn = nextFn;
      if (next.width) width = resolveWidth(next.width);
      error.textContent = "";
      pause();
      k = 0;
      compute();
      render();
      if (next.f !== undefined) redrawWhenLoaded();
    } catch (e) {
      if (field && next.f !== undefined) field.showError((e as Error).message);
      else error.textContent = (e as Error).message;
    }
  }

  // A formula typed as text is read once mathjs has loaded; the run starts then.
  function redrawWhenLoaded() {
    whenLoaded(
      [fn],
      life,
      () => apply({f: opts.f ?? "x^2"}),
      (message) => {
        error.textContent = message;
      }
    );
  }

  life.listen(stepButton, "click", () => {
    pause();
    step();
  });
  life.listen(playButton, "click", () => (timer === undefined ? play() : pause()));
  life.listen(resetButton, "click", reset);
  if (opts.width === undefined)
    followWidth(root, life, (w) => {
      width = w;
      render();
    });

  validate(opts);
  compute();
  render();
  redrawWhenLoaded();
  return extend(root, {
    update: apply,
    step,
    reset,
    play,
    pause,
    get state() {
      return {step: k, x: run.xs[k], diverged: k >= run.xs.length - 1 && run.diverged, run};
    },
    destroy: life.destroy
  });
}
