// 11. Loss map: a loss over two parameters (say w₁ and w₂, the others held fixed) as filled contours, darker where it
// is lower, with a ring at the current point and, optionally, the trail of every point so far (a descent's path).
// Everything is clipped to the plot: a point that leaves the map is marked on the edge it left by, and the readout
// says where it is, however large the numbers get.
import * as d3 from "d3";
import {clampPixel, clippedGroup, drawAxes, fmt, MARGIN} from "./axes.js";
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
import {assertDomain, assertInteger} from "./validate.js";
import {words} from "./words.js";

type Point = [number, number];

export interface LossMapOptions {
  /** The loss at (p, q): the first parameter runs along x, the second along y. */
  loss: (p: number, q: number) => number;
  /** [[x min, x max], [y min, y max]] (default [[-0.6, 0.9], [-0.6, 0.9]]). */
  domain?: [[number, number], [number, number]];
  /** The current point, ringed (default none). */
  point?: readonly [number, number] | null;
  /** Keep every point given to update() and draw the path through them (default false). */
  trail?: boolean;
  /** Axis names (default "w₁" and "w₂") and the loss's name in the readout (default "loss"). */
  xLabel?: string;
  yLabel?: string;
  valueName?: string;
  /** Grid cells per side for the contours (default 60). */
  resolution?: number;
  label?: string;
  width?: number;
  invalidation?: Promise<unknown>;
}

export type LossMap = HTMLDivElement & {
  /** A new loss function and/or point (added to the trail); redraws on the next animation frame. */
  update(next?: {loss?: LossMapOptions["loss"]; point?: readonly [number, number] | null}): void;
  /** Forgets the trail and the point. */
  clear(): void;
  /** The points of the trail so far. */
  readonly trail: readonly Point[];
  destroy(): void;
};

const BANDS = 14;

/**
 * Contour thresholds for a grid of loss values: `bands − 1` levels from the smallest to the largest finite value,
 * closer together near the bottom (quadratic spacing), where a valley's shape is. Exported for tests.
 */
export function lossLevels(values: ArrayLike<number>, bands = BANDS): number[] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > lo)) return [];
  return d3.range(1, bands).map((k) => lo + (hi - lo) * (k / bands) ** 2);
}

/** placeOf's answer ("above and left") in the page's language. */
function placeWords(place: string): string {
  const edges = place.split(" and ") as ("above" | "below" | "left" | "right")[];
  return edges.map((edge) => words(`lossMap.${edge}`)).join(words("lossMap.and"));
}

/** Where a point lies relative to the domain: "inside", or the edges it is beyond ("right", "above and left", …). */
export function placeOf([p, q]: readonly number[], [[a0, b0], [a1, b1]]: [[number, number], [number, number]]): string {
  if (!Number.isFinite(p) || !Number.isFinite(q)) return "not a number";
  const parts = [q > b1 ? "above" : q < a1 ? "below" : "", p > b0 ? "right" : p < a0 ? "left" : ""].filter(Boolean);
  return parts.length ? parts.join(" and ") : "inside";
}

export function lossMap(options: LossMapOptions): LossMap {
  ensureStyles();
  const life = lifecycle(options.invalidation);
  const opts = {...options};
  let loss = opts.loss;
  let point: Point | null = opts.point ? [opts.point[0], opts.point[1]] : null;
  let trail: Point[] = point && opts.trail ? [point] : [];
  let cursor: Point | null = null;
  let width = resolveWidth(opts.width);
  const clipId = uid("nn-loss-map-clip");
  if (typeof loss !== "function") throw new Error("lossMap: loss must be a function (p, q) => number.");
  const domain = opts.domain ?? [
    [-0.6, 0.9],
    [-0.6, 0.9]
  ];
  assertDomain(domain[0], "lossMap domain[0]");
  assertDomain(domain[1], "lossMap domain[1]");
  const n = assertInteger(opts.resolution ?? 60, "lossMap resolution", 4);
  const xName = opts.xLabel ?? "w₁";
  const yName = opts.yLabel ?? "w₂";
  const valueName = opts.valueName ?? words("axis.loss");

  const root = h("div", {class: "nn-fig nn-loss-map"}) as LossMap;
  const legend = h(
    "div",
    {class: "nn-legend", "aria-hidden": "true"},
    h(
      "span",
      {},
      words("lossMap.low", {name: valueName}),
      h("i", {
        style: `display:inline-block;width:80px;height:10px;background:linear-gradient(to right, ${d3
          .range(0, 1.01, 0.25)
          .map((t) => d3.interpolateViridis(t))
          .join(", ")})`
      }),
      words("lossMap.high")
    ),
    h(
      "span",
      {},
      h("i", {class: "nn-dot", style: "background: #fff; border: 2px solid #000"}),
      words("lossMap.current")
    )
  );
  const svgNode = d3.create("svg").attr("role", "img").attr("tabindex", 0).node() as SVGSVGElement;
  const svg = d3.select(svgNode);
  const readout = h("div", {class: "nn-readout", "aria-live": "polite"});
  const cursorReadout = h("div", {class: "nn-readout"});
  root.append(legend, svgNode, readout, cursorReadout);
  let scales = {x: d3.scaleLinear(), y: d3.scaleLinear()};

  function render() {
    const [[a0, b0], [a1, b1]] = domain;
    const inner = Math.max(160, Math.min(width - MARGIN.left - MARGIN.right, 380));
    const plotW = inner + MARGIN.left + MARGIN.right;
    const height = inner + MARGIN.top + MARGIN.bottom;
    const x = d3.scaleLinear([a0, b0], [MARGIN.left, MARGIN.left + inner]);
    const y = d3.scaleLinear([a1, b1], [MARGIN.top + inner, MARGIN.top]);
    scales = {x, y};
    svg.attr("width", plotW).attr("height", height).attr("viewBox", `0 0 ${plotW} ${height}`);
    // The loss at the centre of every grid cell, and filled contours of it.
    const at0 = (i: number) => a0 + ((i + 0.5) * (b0 - a0)) / n;
    const at1 = (j: number) => a1 + ((j + 0.5) * (b1 - a1)) / n;
    const values = new Float64Array(n * n);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) values[j * n + i] = safe(at0(i), at1(j));
    const levels = lossLevels(values);
    const top = levels.length ? Number.MAX_VALUE : 0;
    const grid = Array.from(values, (v) => (Number.isFinite(v) ? v : top));
    const color = (k: number) => d3.interpolateViridis(k / BANDS);
    const project = d3.geoPath(
      d3.geoTransform({
        point(gx, gy) {
          this.stream.point(x(a0 + (gx * (b0 - a0)) / n), y(a1 + (gy * (b1 - a1)) / n));
        }
      })
    );
    const plot = clippedGroup(svg, {clipId, className: "nn-loss-plot", width: plotW, height});
    plot
      .selectAll<SVGRectElement, null>("rect.base")
      .data([null])
      .join("rect")
      .attr("class", "base")
      .attr("x", MARGIN.left)
      .attr("y", MARGIN.top)
      .attr("width", inner)
      .attr("height", inner)
      .attr("fill", color(0));
    plot
      .selectAll<SVGGElement, null>("g.bands")
      .data([null])
      .join("g")
      .attr("class", "bands")
      .selectAll("path")
      .data(d3.contours().size([n, n]).thresholds(levels)(grid))
      .join("path")
      .attr("d", project)
      .attr("fill", (_c, k) => color(k + 1));
    // The trail, as pixels kept near the plot (the clip path cuts it at the frame).
    const px = (p: Point): Point => [
      clampPixel(x(p[0]), MARGIN.left, MARGIN.left + inner),
      clampPixel(y(p[1]), MARGIN.top, MARGIN.top + inner)
    ];
    const finite = trail.filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1])).map(px);
    const path = d3.line()(finite) ?? "";
    plot
      .selectAll<SVGPathElement, number>("path.trail")
      .data(opts.trail && finite.length > 1 ? [4, 2] : [])
      .join("path")
      .attr("class", "trail")
      .attr("fill", "none")
      .attr("stroke", (s) => (s === 4 ? "#000" : "#fff"))
      .attr("stroke-width", (s) => s)
      .attr("d", path);
    // The point: a ring where it is on the map, a triangle on the edge it left by when it is not.
    const shown = point && Number.isFinite(point[0]) && Number.isFinite(point[1]) ? point : null;
    const place = point ? placeOf(point, domain) : "none";
    const [cx, cy] = shown ? px(shown) : [0, 0];
    const [ex, ey] = [
      Math.max(MARGIN.left, Math.min(MARGIN.left + inner, cx)),
      Math.max(MARGIN.top, Math.min(MARGIN.top + inner, cy))
    ];
    svg
      .selectAll<SVGCircleElement, null>("circle.point")
      .data(shown && place === "inside" ? [null] : [])
      .join("circle")
      .attr("class", "point")
      .attr("r", 6)
      .attr("fill", "#fff")
      .attr("stroke", "#000")
      .attr("stroke-width", 2)
      .attr("cx", cx)
      .attr("cy", cy);
    const angle = (Math.atan2(cy - ey, cx - ex) * 180) / Math.PI;
    svg
      .selectAll<SVGPathElement, null>("path.off-map")
      .data(shown && place !== "inside" ? [null] : [])
      .join("path")
      .attr("class", "off-map")
      .attr("d", "M7,0L-5,-6L-5,6Z")
      .attr("fill", "#fff")
      .attr("stroke", "#000")
      .attr("stroke-width", 1.5)
      .attr("transform", `translate(${ex},${ey}) rotate(${angle})`);
    const axes = svg.selectAll<SVGGElement, null>("g.axes").data([null]).join("g").attr("class", "axes");
    drawAxes(axes.node() as SVGGElement, x, y, {width: plotW, height, xLabel: xName, yLabel: yName});
    axes.selectAll(".nn-grid").remove();
    const where = point
      ? words("lossMap.point", {
          x: xName,
          xv: fmt(point[0]),
          y: yName,
          yv: fmt(point[1]),
          name: valueName,
          v: fmt(safe(point[0], point[1]))
        }) + (place === "inside" || place === "not a number" ? "" : words("lossMap.off", {place: placeWords(place)}))
      : "";
    setText(readout, where);
    drawCursor();
    setLabel(
      svgNode,
      opts.label ??
        words("lossMap.summary", {
          name: valueName,
          x: xName,
          a0: fmt(a0),
          b0: fmt(b0),
          y: yName,
          a1: fmt(a1),
          b1: fmt(b1),
          where: where ? words("lossMap.where", {where}) : "",
          after: opts.trail && trail.length > 1 ? words("lossMap.after", {n: trail.length - 1}) : ""
        })
    );
  }

  /** The keyboard / pointer cursor and its readout (cheap: the contours are not recomputed). */
  function drawCursor() {
    const {x, y} = scales;
    const [lx, hx] = x.range();
    const [ly, hy] = y.range();
    const [kx, ky] = cursor ? [clampPixel(x(cursor[0]), lx, hx), clampPixel(y(cursor[1]), hy, ly)] : [0, 0];
    svg
      .selectAll<SVGPathElement, null>("path.cursor")
      .data(cursor ? [null] : [])
      .join("path")
      .attr("class", "cursor")
      .attr("d", `M${kx - 8},${ky}H${kx + 8}M${kx},${ky - 8}V${ky + 8}`)
      .attr("stroke", "var(--theme-foreground)")
      .attr("stroke-width", 1.5);
    setText(
      cursorReadout,
      cursor
        ? words("lossMap.cursor", {
            x: xName,
            xv: fmt(cursor[0]),
            y: yName,
            yv: fmt(cursor[1]),
            name: valueName,
            v: fmt(safe(cursor[0], cursor[1]))
          })
        : words("lossMap.hint")
    );
  }

  function safe(p: number, q: number): number {
    try {
      return loss(p, q);
    } catch {
      return Number.NaN;
    }
  }

  const schedule = frameWhenVisible(root, life, render);

  life.listen(svgNode, "pointermove", (event: PointerEvent) => {
    const [mx, my] = d3.pointer(event, svgNode);
    cursor = [scales.x.invert(mx), scales.y.invert(my)];
    drawCursor();
  });
  life.listen(svgNode, "pointerleave", () => {
    cursor = null;
    drawCursor();
  });
  life.listen(svgNode, "keydown", (event: KeyboardEvent) => {
    const [[a0, b0], [a1, b1]] = domain;
    const [p, q] = cursor ?? [(a0 + b0) / 2, (a1 + b1) / 2];
    const d0 = (b0 - a0) / 30;
    const d1 = (b1 - a1) / 30;
    const moves: Record<string, Point> = {
      ArrowLeft: [p - d0, q],
      ArrowRight: [p + d0, q],
      ArrowUp: [p, q + d1],
      ArrowDown: [p, q - d1]
    };
    const next = moves[event.key];
    if (!next && event.key !== "Escape") return;
    event.preventDefault();
    cursor = next ? [Math.max(a0, Math.min(b0, next[0])), Math.max(a1, Math.min(b1, next[1]))] : null;
    drawCursor();
  });
  if (opts.width === undefined)
    followWidth(root, life, (w) => {
      width = w;
      render();
    });

  render();
  return extend(root, {
    update(next: {loss?: LossMapOptions["loss"]; point?: readonly [number, number] | null} = {}) {
      if (next.loss !== undefined) {
        if (typeof next.loss !== "function") throw new Error("lossMap: loss must be a function (p, q) => number.");
        loss = next.loss;
      }
      if (next.point !== undefined) {
        point = next.point ? [next.point[0], next.point[1]] : null;
        if (point && opts.trail) trail.push(point);
      }
      schedule();
    },
    clear() {
      trail = [];
      point = null;
      schedule();
    },
    get trail(): readonly Point[] {
      return trail;
    },
    destroy: life.destroy
  });
}
