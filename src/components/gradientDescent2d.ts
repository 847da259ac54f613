// 6. Gradient descent in two dimensions: contours of f(x0, x1), the gradient field as arrows pointing downhill
// (the "compass" picture of x0² + x1²), and descent paths from a start point you click, drag or move with the
// arrow keys — plain gradient descent, momentum and Adam side by side.
import * as d3 from "d3";
import {arrowMarker, clippedGroup, drawAxes, fmt, MARGIN} from "./axes.js";
import {descend2d, OPTIMIZER_NAMES, type Optimizer, optimizerName, type Run2d} from "./descent.js";
import {expressionsReady, loadExpressions, parseFunction} from "./expression.js";
import {expressionField} from "./expressionField.js";
import {whenLoaded} from "./functions.js";
import {contourLevels, gradientField, numericalGradient, sampleGrid} from "./sampling.js";
import {ensureStyles, extend, followWidth, h, lifecycle, resolveWidth} from "./theme.js";
import {assertDomain, assertFiniteNumber, assertInteger, assertPositive} from "./validate.js";
import {words} from "./words.js";

export interface Function2d {
  f: (x0: number, x1: number) => number;
  /** Gradient [∂f/∂x0, ∂f/∂x1]; numerical when missing. */
  grad?: (x0: number, x1: number) => [number, number];
  label?: string;
}

export interface GradientDescent2dOptions {
  /** A mathjs expression in x0 and x1 (or x and y), default "x0^2 + x1^2", or {f, grad}. */
  f?: string | Function2d;
  /** [[x0 min, x0 max], [x1 min, x1 max]] (default [[-5, 5], [-5, 5]]). */
  domain?: [[number, number], [number, number]];
  /** Where the descent starts (default [3, 4]); click or drag on the plot to move it. */
  start?: [number, number];
  learningRate?: number;
  steps?: number;
  /** Which optimizers to draw (default ["gd"]). */
  optimizers?: Optimizer[];
  /** Draw the gradient field (default true) and contours (default true). */
  field?: boolean;
  contours?: boolean;
  input?: boolean;
  label?: string;
  width?: number;
  invalidation?: Promise<unknown>;
}

export type GradientDescent2d = HTMLDivElement & {
  update(options: Partial<GradientDescent2dOptions>): void;
  /** The current runs, one per optimizer. */
  readonly runs: readonly Run2d[];
  destroy(): void;
};

const OPTIMIZER_COLOR: Record<Optimizer, string> = {gd: "var(--nn-c0)", momentum: "var(--nn-c1)", adam: "var(--nn-c3)"};

/**
 * Resolves an expression or {f, grad} to a function with a gradient. While mathjs loads for an expression, the
 * result is NaN everywhere and `loading` resolves when it can be read (as in functions.ts). Exported for tests.
 */
export function resolveFunction2d(input: string | Function2d): Required<Function2d> & {loading?: Promise<void>} {
  if (typeof input === "string") {
    if (input.trim() !== "" && !expressionsReady())
      return {
        f: () => Number.NaN,
        grad: () => [Number.NaN, Number.NaN],
        label: `f = ${input}`,
        loading: loadExpressions()
      };
    let parsed: ReturnType<typeof parseFunction>;
    try {
      parsed = parseFunction(input, ["x0", "x1"]);
    } catch (error) {
      try {
        parsed = parseFunction(input, ["x", "y"]);
      } catch {
        throw error;
      }
    }
    const [d0, d1] = parsed.partials;
    return {f: (a, b) => parsed.f(a, b), grad: (a, b) => [d0.f(a, b), d1.f(a, b)], label: `f = ${input}`};
  }
  if (!input || typeof input.f !== "function")
    throw new Error("gradientDescent2d: f must be an expression in x0 and x1 or {f: (x0, x1) => …}.");
  return {f: input.f, grad: input.grad ?? numericalGradient(input.f), label: input.label ?? "f(x0, x1)"};
}

export function gradientDescent2d(options: GradientDescent2dOptions = {}): GradientDescent2d {
  ensureStyles();
  const life = lifecycle(options.invalidation);
  let opts: GradientDescent2dOptions = {...options};
  let fn = resolveFunction2d(opts.f ?? "x0^2 + x1^2");
  let width = resolveWidth(opts.width);
  let runs: Run2d[] = [];
  let grid: {values: Float64Array; key: string} | null = null;

  const root = h("div", {class: "nn-fig nn-gd2d"}) as GradientDescent2d;
  const field = opts.input
    ? expressionField(
        "f(x0, x1) =",
        typeof opts.f === "string" ? opts.f : "x0^2 + x1^2",
        (t) => void resolveFunction2d(t),
        (t) => apply({f: t}),
        life
      )
    : null;
  const legend = h("div", {class: "nn-legend", "aria-hidden": "true"});
  const svgNode = d3
    .create("svg")
    .attr("role", "img")
    .attr("tabindex", 0)
    .style("touch-action", "none")
    .node() as SVGSVGElement;
  const svg = d3.select(svgNode);
  const readout = h("div", {class: "nn-readout", "aria-live": "polite"});
  const error = h("div", {class: "nn-error", role: "status"});
  if (field) root.append(field.element);
  root.append(legend, svgNode, readout, error);
  let scales = {x: d3.scaleLinear(), y: d3.scaleLinear()};

  function validate(o: GradientDescent2dOptions) {
    const d = o.domain ?? [
      [-5, 5],
      [-5, 5]
    ];
    assertDomain(d[0], "domain[0] (x0)");
    assertDomain(d[1], "domain[1] (x1)");
    const s = o.start ?? [3, 4];
    if (!Array.isArray(s) || s.length !== 2) throw new Error("start must be a point [x0, x1].");
    assertFiniteNumber(s[0], "start[0]");
    assertFiniteNumber(s[1], "start[1]");
    assertPositive(o.learningRate ?? 0.1, "learningRate");
    assertInteger(o.steps ?? 40, "steps", 1);
    for (const name of o.optimizers ?? ["gd"])
      if (!(name in OPTIMIZER_NAMES)) throw new Error(`Unknown optimizer "${name}": use "gd", "momentum" or "adam".`);
  }

  function compute() {
    if (fn.loading) {
      runs = []; // no paths until the formula can be read
      return;
    }
    const start = opts.start ?? [3, 4];
    runs = (opts.optimizers ?? ["gd"]).map((o) =>
      descend2d(fn.grad, start, o, {learningRate: opts.learningRate ?? 0.1, steps: opts.steps ?? 40})
    );
  }

  function render() {
    const domain = opts.domain ?? [
      [-5, 5],
      [-5, 5]
    ];
    const [[a0, b0], [a1, b1]] = domain;
    const inner = Math.min(width - MARGIN.left - MARGIN.right, 480);
    const innerH = Math.round((inner * (b1 - a1)) / (b0 - a0));
    const plotW = inner + MARGIN.left + MARGIN.right;
    const height = Math.min(innerH, 520) + MARGIN.top + MARGIN.bottom;
    const x = d3.scaleLinear([a0, b0], [MARGIN.left, MARGIN.left + inner]);
    const y = d3.scaleLinear([a1, b1], [height - MARGIN.bottom, MARGIN.top]);
    scales = {x, y};
    svg.attr("width", plotW).attr("height", height).attr("viewBox", `0 0 ${plotW} ${height}`);
    if (fn.loading) {
      // The frame keeps its size while mathjs loads; the picture is drawn when the formula can be read.
      readout.textContent = words("descent.reading", {f: fn.label});
      svgNode.setAttribute("aria-label", words("descent2d.loading", {f: fn.label}));
      return;
    }
    const axes = svg.selectAll<SVGGElement, null>("g.axes").data([null]).join("g").attr("class", "axes");
    drawAxes(axes.node() as SVGGElement, x, y, {width: plotW, height, xLabel: "x0", yLabel: "x1"});
    axes.selectAll(".nn-grid").remove();
    // Contours (the grid is cached: dragging the start point only recomputes the paths).
    // Sample a little beyond the frame and clip, so contours are not closed along the frame's edges.
    const n = 64;
    const pad0 = (b0 - a0) * 0.05;
    const pad1 = (b1 - a1) * 0.05;
    const e0 = [a0 - pad0, b0 + pad0];
    const e1 = [a1 - pad1, b1 + pad1];
    const key = `${fn.label}|${domain.flat().join(",")}`;
    if (!grid || grid.key !== key)
      grid = {
        values: sampleGrid(
          fn.f,
          [
            [e0[0], e0[1]],
            [e1[0], e1[1]]
          ],
          n,
          n
        ),
        key
      };
    const levels = opts.contours === false ? [] : contourLevels(grid.values, 10);
    const contours = d3.contours().size([n, n]).thresholds(levels)(
      Array.from(grid.values, (v) => (Number.isFinite(v) ? v : Number.MAX_VALUE))
    );
    const project = d3.geoPath(
      d3.geoTransform({
        point(px, py) {
          this.stream.point(x(e0[0] + (px * (e0[1] - e0[0])) / n), y(e1[0] + (py * (e1[1] - e1[0])) / n));
        }
      })
    );
    svg
      .selectAll<SVGGElement, null>("g.contours")
      .data([null])
      .join("g")
      .attr("class", "contours")
      .attr("clip-path", `url(#${clipId})`)
      .selectAll("path")
      .data(contours)
      .join("path")
      .attr("fill", "none")
      .attr("stroke", "var(--theme-foreground-faint)")
      .attr("stroke-width", 1)
      .attr("d", project);
    // Gradient field: arrows of −∇f, length by relative magnitude (square root, so small ones stay visible).
    const cells = Math.max(6, Math.min(13, Math.floor(inner / 38)));
    const arrows = opts.field === false ? [] : gradientField(fn.grad, domain, cells, cells);
    const maxM = d3.max(arrows, (d) => d.magnitude) || 1;
    const cellPx = inner / cells;
    const arrowData = arrows.map((d) => {
      const len = 0.42 * cellPx * Math.sqrt(d.magnitude / maxM);
      const px = x(d.x0);
      const py = y(d.x1);
      const ux = d.magnitude > 0 ? -d.g0 / d.magnitude : 0;
      const uy = d.magnitude > 0 ? d.g1 / d.magnitude : 0; // screen y grows downwards
      return {x1: px - ux * len, y1: py - uy * len, x2: px + ux * len, y2: py + uy * len};
    });
    const markerId = `${clipId}-arrow`;
    arrowMarker(svg, {id: markerId, fill: "var(--nn-c2)", size: 6, refX: 8, orient: "auto-start-reverse"});
    svg
      .selectAll<SVGGElement, null>("g.field")
      .data([null])
      .join("g")
      .attr("class", "field")
      .selectAll("line")
      .data(arrowData)
      .join("line")
      .attr("stroke", "var(--nn-c2)")
      .attr("stroke-width", 1.25)
      .attr("marker-end", `url(#${markerId})`)
      .attr("x1", (d) => d.x1)
      .attr("y1", (d) => d.y1)
      .attr("x2", (d) => d.x2)
      .attr("y2", (d) => d.y2);
    // Paths.
    const paths = clippedGroup(svg, {clipId, className: "paths", width: plotW, height});
    const line = d3
      .line<[number, number]>()
      .x((p) => x(p[0]))
      .y((p) => y(p[1]));
    const groups = paths
      .selectAll<SVGGElement, Run2d>("g.run")
      .data(runs, (r) => r.optimizer)
      .join("g")
      .attr("class", "run");
    groups
      .selectAll("path")
      .data((r) => [r])
      .join("path")
      .attr("fill", "none")
      .attr("stroke-width", 2)
      .attr("stroke", (r) => OPTIMIZER_COLOR[r.optimizer])
      .attr("d", (r) => line(r.points));
    groups
      .selectAll("circle")
      .data((r) => r.points.map((p) => ({p, r})))
      .join("circle")
      .attr("r", 2.5)
      .attr("fill", (d) => OPTIMIZER_COLOR[d.r.optimizer])
      .attr("cx", (d) => x(d.p[0]))
      .attr("cy", (d) => y(d.p[1]));
    const start = opts.start ?? [3, 4];
    svg
      .selectAll("circle.start")
      .data([start])
      .join("circle")
      .attr("class", "start")
      .attr("r", 7)
      .attr("fill", "var(--theme-background)")
      .attr("stroke", "var(--theme-foreground)")
      .attr("stroke-width", 2)
      .attr("cx", (d) => x(d[0]))
      .attr("cy", (d) => y(d[1]));
    legend.replaceChildren(
      ...runs.map((r) =>
        h(
          "span",
          {style: `color: ${OPTIMIZER_COLOR[r.optimizer]}`},
          h("i", {class: "nn-swatch"}),
          h("span", {style: "color: var(--theme-foreground)", text: optimizerName(r.optimizer)})
        )
      ),
      ...(opts.field === false
        ? []
        : [
            h(
              "span",
              {style: "color: var(--nn-c2)"},
              h("i", {class: "nn-swatch"}),
              h("span", {style: "color: var(--theme-foreground)", text: words("descent2d.downhill")})
            )
          ]),
      h("span", {}, h("i", {class: "nn-dot", style: "background: var(--theme-background)"}), words("descent2d.start"))
    );
    const g = fn.grad(start[0], start[1]);
    const ends = runs.map((r) => {
      const e = r.points[r.points.length - 1];
      return words("descent2d.end", {
        name: optimizerName(r.optimizer),
        n: r.points.length - 1,
        x0: fmt(e[0]),
        x1: fmt(e[1]),
        f: fmt(fn.f(e[0], e[1]))
      });
    });
    const at = {x0: fmt(start[0]), x1: fmt(start[1])};
    readout.textContent = `${words("descent2d.readout", {...at, g0: fmt(g[0]), g1: fmt(g[1]), f: fmt(fn.f(start[0], start[1]))})}\n${ends.join("\n")}`;
    error.textContent = runs
      .filter((r) => r.diverged)
      .map((r) => r.message)
      .join(" ");
    svgNode.setAttribute(
      "aria-label",
      opts.label ??
        words("descent2d.summary", {
          f: fn.label,
          a0,
          b0,
          a1,
          b1,
          field: opts.field === false ? "" : words("descent2d.field"),
          ...at,
          rate: fmt(opts.learningRate ?? 0.1),
          ends: ends.join(words("list.semicolon"))
        })
    );
  }
  const clipId = `nn-clip-${Math.random().toString(36).slice(2, 9)}`;

  function apply(next: Partial<GradientDescent2dOptions>) {
    try {
      const merged = {...opts, ...next};
      validate(merged);
      const nextFn = next.f !== undefined ? resolveFunction2d(next.f) : fn;
      opts = merged;
      fn = nextFn;
      if (next.width) width = resolveWidth(next.width);
      error.textContent = "";
      compute();
      render();
      if (next.f !== undefined) redrawWhenLoaded();
    } catch (e) {
      if (field && next.f !== undefined) field.showError((e as Error).message);
      else error.textContent = (e as Error).message;
    }
  }

  // A formula typed as text is read once mathjs has loaded; the picture is drawn then.
  function redrawWhenLoaded() {
    whenLoaded(
      [fn],
      life,
      () => apply({f: opts.f ?? "x0^2 + x1^2"}),
      (message) => {
        error.textContent = message;
      }
    );
  }

  // Click or drag to move the start point.
  let dragging = false;
  const moveTo = (event: PointerEvent) => {
    const [px, py] = d3.pointer(event, svgNode);
    const [[a0, b0], [a1, b1]] = opts.domain ?? [
      [-5, 5],
      [-5, 5]
    ];
    const s: [number, number] = [
      Math.max(a0, Math.min(b0, scales.x.invert(px))),
      Math.max(a1, Math.min(b1, scales.y.invert(py)))
    ];
    apply({start: [Number(s[0].toFixed(2)), Number(s[1].toFixed(2))]});
  };
  life.listen(svgNode, "pointerdown", (event: PointerEvent) => {
    dragging = true;
    svgNode.setPointerCapture?.(event.pointerId);
    moveTo(event);
  });
  life.listen(svgNode, "pointermove", (event: PointerEvent) => {
    if (dragging) moveTo(event);
  });
  life.listen(svgNode, "pointerup", () => {
    dragging = false;
  });
  life.listen(svgNode, "keydown", (event: KeyboardEvent) => {
    const [[a0, b0], [a1, b1]] = opts.domain ?? [
      [-5, 5],
      [-5, 5]
    ];
    const s = opts.start ?? [3, 4];
    const d0 = (b0 - a0) / 50;
    const d1 = (b1 - a1) / 50;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [s[0] - d0, s[1]],
      ArrowRight: [s[0] + d0, s[1]],
      ArrowUp: [s[0], s[1] + d1],
      ArrowDown: [s[0], s[1] - d1]
    };
    const m = moves[event.key];
    if (m) {
      event.preventDefault();
      apply({
        start: [
          Math.max(a0, Math.min(b0, Number(m[0].toFixed(3)))),
          Math.max(a1, Math.min(b1, Number(m[1].toFixed(3))))
        ]
      });
    }
  });
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
    get runs(): readonly Run2d[] {
      return runs;
    },
    destroy: life.destroy
  });
}
