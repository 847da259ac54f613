// Axes, gridlines and axis labels shared by the x–y plots (function plot, loss curve, gradient descent).
import * as d3 from "d3";

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const MARGIN: Margin = {top: 22, right: 14, bottom: 38, left: 48};

type Scale = d3.ScaleLinear<number, number> | d3.ScaleLogarithmic<number, number>;

/**
 * Draws (or redraws in place) the axes into `g`: x along the bottom, y on the left, faint gridlines,
 * and axis titles. Tick counts follow the size so labels never crowd, even at phone width.
 */
export function drawAxes(
  node: SVGGElement,
  x: Scale,
  y: Scale,
  {
    width,
    height,
    margin = MARGIN,
    xLabel = "",
    yLabel = ""
  }: {width: number; height: number; margin?: Margin; xLabel?: string; yLabel?: string}
): void {
  const g = d3.select(node);
  const xTicks = Math.max(2, Math.floor((width - margin.left - margin.right) / 70));
  const yTicks = Math.max(2, Math.floor((height - margin.top - margin.bottom) / 40));
  const isLog = "base" in y;
  const grid = g.selectAll<SVGGElement, null>("g.nn-grid").data([null]).join("g").attr("class", "nn-grid");
  grid
    .selectAll("line.h")
    .data(
      isLog
        ? (y as d3.ScaleLogarithmic<number, number>).ticks(yTicks)
        : (y as d3.ScaleLinear<number, number>).ticks(yTicks)
    )
    .join("line")
    .attr("class", "h")
    .attr("x1", margin.left)
    .attr("x2", width - margin.right)
    .attr("y1", (d) => y(d))
    .attr("y2", (d) => y(d));
  g.selectAll<SVGGElement, null>("g.nn-axis.x")
    .data([null])
    .join("g")
    .attr("class", "nn-axis x")
    .attr("transform", `translate(0,${height - margin.bottom})`)
    .call(d3.axisBottom(x as d3.ScaleLinear<number, number>).ticks(xTicks));
  const yAxis = d3.axisLeft(y as d3.ScaleLinear<number, number>);
  if (isLog) yAxis.ticks(yTicks, "~g");
  else yAxis.ticks(yTicks);
  g.selectAll<SVGGElement, null>("g.nn-axis.y")
    .data([null])
    .join("g")
    .attr("class", "nn-axis y")
    .attr("transform", `translate(${margin.left},0)`)
    .call(yAxis);
  g.selectAll<SVGTextElement, string>("text.nn-xlabel")
    .data([xLabel])
    .join("text")
    .attr("class", "nn-xlabel nn-label")
    .attr("x", width - margin.right)
    .attr("y", height - 4)
    .attr("text-anchor", "end")
    .text((d) => d);
  g.selectAll<SVGTextElement, string>("text.nn-ylabel")
    .data([yLabel])
    .join("text")
    .attr("class", "nn-ylabel nn-label")
    // Written across, above the axis: a rotated label collides with wide tick labels such as "1e-10".
    .attr("x", 4)
    .attr("y", Math.max(10, margin.top - 9))
    .attr("text-anchor", "start")
    .text((d) => d);
}

/** Compact number formatting for readouts: 4 significant digits, no trailing zeros. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-4) return v.toExponential(2);
  return String(Number(v.toPrecision(4)));
}

/** The group `className` of `svg`, clipped to the plot area inside MARGIN (curves that leave it are cut there). */
export function clippedGroup(
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>,
  {clipId, className, width, height}: {clipId: string; className: string; width: number; height: number}
): d3.Selection<SVGGElement, null, SVGSVGElement, unknown> {
  svg
    .selectAll("clipPath")
    .data([null])
    .join("clipPath")
    .attr("id", clipId)
    .selectAll("rect")
    .data([null])
    .join("rect")
    .attr("x", MARGIN.left)
    .attr("y", MARGIN.top)
    .attr("width", width - MARGIN.left - MARGIN.right)
    .attr("height", height - MARGIN.top - MARGIN.bottom);
  return svg
    .selectAll<SVGGElement, null>(`g.${className}`)
    .data([null])
    .join("g")
    .attr("class", className)
    .attr("clip-path", `url(#${clipId})`);
}

/** An arrowhead marker with id `id` in the svg's defs, for lines drawn with marker-end. */
export function arrowMarker(
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>,
  {id, fill, size, refX, orient}: {id: string; fill: string; size: number; refX: number; orient: string}
): void {
  svg
    .selectAll("defs")
    .data([null])
    .join("defs")
    .selectAll("marker")
    .data([null])
    .join("marker")
    .attr("id", id)
    .attr("viewBox", "0 0 10 10")
    .attr("refX", refX)
    .attr("refY", 5)
    .attr("markerWidth", size)
    .attr("markerHeight", size)
    .attr("orient", orient)
    .selectAll("path")
    .data([null])
    .join("path")
    .attr("d", "M0,0L10,5L0,10z")
    .attr("fill", fill);
}

/**
 * A pixel coordinate kept within `pad` pixels of [lo, hi]: a value far off the plot (a diverging weight, 1e300) still
 * gives an SVG number, and the clip path hides it. Non-finite input stays NaN: leave such points out.
 */
export function clampPixel(v: number, lo: number, hi: number, pad = 40): number {
  if (Number.isNaN(v)) return Number.NaN;
  const [a, b] = lo <= hi ? [lo, hi] : [hi, lo];
  return Math.max(a - pad, Math.min(b + pad, v));
}
