// The Playground's big map: what the network outputs over the plane (or, while a node is hovered or focused, that
// node's own map, enlarged), with the training points on top (circles) and the test points if shown (squares). The
// learner edits the data here: a click adds a point of the chosen class, a drag moves one, and the same by keyboard
// (the arrow keys move a cursor; Enter adds or picks up and drops; Delete removes the point nearest the cursor).
import * as d3 from "d3";
import {t} from "../../lib/i18n.js";
import {drawAxes, type Margin} from "../axes.js";
import {probabilityColor, type RGB} from "../palette.js";
import {h, type Lifecycle, rgbString, setLabel, type ThemeColors} from "../theme.js";
import type {DataPoint, Domain, PlaygroundData} from "./data.js";
import {valueShade} from "./paint.js";

/** What a click on the map does: nothing but drags, add a point (of a class, or with a value), or remove one. */
export type MapTool = {kind: "move"} | {kind: "remove"} | {kind: "add"; y: number};

export interface MapEvents {
  /** Adds a point; returns its index in data.points. */
  onAdd(x1: number, x2: number): number;
  onMove(index: number, x1: number, x2: number): void;
  onRemove(index: number): void;
  /** Says what happened, for screen readers. */
  announce(text: string): void;
}

/** One frame of the map. */
export interface MapFrame {
  /** Writes res × res RGBA pixels, row 0 at the top. */
  fill(pixels: Uint8ClampedArray): void;
  res: number;
  data: PlaygroundData;
  showTest: boolean;
  colors: ThemeColors;
  /** Colours of the classes (classification). */
  palette: readonly RGB[];
}

const M: Margin = {top: 6, right: 8, bottom: 34, left: 40};
const RADIUS = 3.5;

export function outputMap(events: MapEvents, life: Lifecycle) {
  let side = 300;
  let tool: MapTool = {kind: "move"};
  let last: MapFrame | null = null;
  let cursor: [number, number] | null = null;
  let carried = -1; // the point the keyboard picked up
  let dragging = -1;

  const canvas = h("canvas", {"aria-hidden": "true", style: "position: absolute"});
  const ctx = canvas.getContext("2d");
  const cell = document.createElement("canvas");
  const cellCtx = cell.getContext("2d");
  let image: ImageData | null = null;
  const svg = d3
    .create("svg")
    .attr("aria-hidden", "true")
    .style("position", "absolute")
    .style("pointer-events", "none");
  const stage = h("div", {class: "nn-pg-map", tabindex: 0, role: "application"}, canvas, svg.node() as SVGSVGElement);
  const root = h("div", {class: "nn-pg-mapbox"}, stage);

  const domainOf = () =>
    last?.data.domain ??
    ([
      [-6, 6],
      [-6, 6]
    ] as Domain);
  const toPixel = (x1: number, x2: number): [number, number] => {
    const [[a0, b0], [a1, b1]] = domainOf();
    return [((x1 - a0) / (b0 - a0)) * side, ((b1 - x2) / (b1 - a1)) * side];
  };
  const toData = (px: number, py: number): [number, number] => {
    const [[a0, b0], [a1, b1]] = domainOf();
    const clamp = (v: number) => Math.min(side, Math.max(0, v));
    return [a0 + (clamp(px) / side) * (b0 - a0), b1 - (clamp(py) / side) * (b1 - a1)];
  };
  const visible = (p: DataPoint) => !p.test || (last?.showTest ?? false);

  /** The point nearest (px, py) within `reach` pixels, or −1. */
  function nearest(px: number, py: number, reach: number): number {
    let best = -1;
    let bestDistance = reach;
    last?.data.points.forEach((p, i) => {
      if (!visible(p)) return;
      const [x, y] = toPixel(p.x1, p.x2);
      const d = Math.hypot(x - px, y - py);
      if (d <= bestDistance) {
        best = i;
        bestDistance = d;
      }
    });
    return best;
  }

  function paint(frame: MapFrame): void {
    last = frame;
    if (!ctx || !cellCtx) return;
    const {res, colors, data} = frame;
    if (cell.width !== res || !image) {
      cell.width = res;
      cell.height = res;
      image = cellCtx.createImageData(res, res);
    }
    frame.fill(image.data);
    cellCtx.putImageData(image, 0, 0);
    const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
    if (canvas.width !== Math.round(side * dpr)) {
      canvas.width = Math.round(side * dpr);
      canvas.height = Math.round(side * dpr);
      canvas.style.width = `${side}px`;
      canvas.style.height = `${side}px`;
    }
    canvas.style.left = `${M.left}px`;
    canvas.style.top = `${M.top}px`;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(cell, 0, 0, side, side);
    // Points: one path per colour (a regression's values fall into 21 shades), circles for training, squares for test.
    const groups = new Map<string, {train: DataPoint[]; test: DataPoint[]; color: RGB}>();
    for (const p of data.points) {
      if (!visible(p)) continue;
      let key: string;
      let color: RGB;
      if (data.problem === "regression") {
        const shade = Math.round(valueShade(p.y) * 20) / 20;
        key = String(shade);
        color = probabilityColor(shade, colors.negative, colors.background, colors.positive, 1);
      } else {
        key = String(p.y);
        color = frame.palette[p.y % frame.palette.length];
      }
      const group = groups.get(key) ?? {train: [], test: [], color};
      (p.test ? group.test : group.train).push(p);
      groups.set(key, group);
    }
    ctx.strokeStyle = rgbString(colors.foreground);
    for (const {train, test, color} of groups.values()) {
      ctx.fillStyle = rgbString(color);
      ctx.lineWidth = 1;
      ctx.beginPath();
      for (const p of train) {
        const [x, y] = toPixel(p.x1, p.x2);
        ctx.moveTo(x + RADIUS, y);
        ctx.arc(x, y, RADIUS, 0, 2 * Math.PI);
      }
      ctx.fill();
      ctx.stroke();
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      for (const p of test) {
        const [x, y] = toPixel(p.x1, p.x2);
        ctx.rect(x - RADIUS, y - RADIUS, 2 * RADIUS, 2 * RADIUS);
      }
      ctx.fill();
      ctx.stroke();
    }
    if (cursor) {
      const [x, y] = toPixel(cursor[0], cursor[1]);
      // A cross in the foreground colour on a wider one in the background colour: visible over points of any class.
      for (const [color, width] of [
        [colors.background, 4.5],
        [colors.foreground, 1.5]
      ] as const) {
        ctx.strokeStyle = rgbString(color);
        ctx.lineWidth = width;
        ctx.beginPath();
        ctx.moveTo(x - 9, y);
        ctx.lineTo(x + 9, y);
        ctx.moveTo(x, y - 9);
        ctx.lineTo(x, y + 9);
        ctx.stroke();
        if (carried >= 0) ctx.strokeRect(x - 7, y - 7, 14, 14);
      }
    }
    drawFrameAxes();
  }

  function drawFrameAxes(): void {
    const [[a0, b0], [a1, b1]] = domainOf();
    const W = side + M.left + M.right;
    const H = side + M.top + M.bottom;
    const key = `${W}|${a0},${b0},${a1},${b1}`;
    const node = svg.node() as SVGSVGElement;
    if (node.dataset.key === key) return;
    node.dataset.key = key;
    stage.style.width = `${W}px`;
    stage.style.height = `${H}px`;
    svg.attr("width", W).attr("height", H).style("left", 0).style("top", 0);
    const g = svg.selectAll<SVGGElement, null>("g").data([null]).join("g");
    drawAxes(
      g.node() as SVGGElement,
      d3.scaleLinear([a0, b0], [M.left, M.left + side]),
      d3.scaleLinear([a1, b1], [M.top + side, M.top]),
      {width: W, height: H, margin: M, xLabel: "x₁", yLabel: ""}
    );
    g.selectAll(".nn-grid").remove();
    g.selectAll<SVGTextElement, null>("text.nn-x2")
      .data([null])
      .join("text")
      .attr("class", "nn-x2 nn-label")
      .attr("x", 4)
      .attr("y", M.top + side / 2)
      .text("x₂");
  }

  const local = (event: PointerEvent): [number, number] => {
    const r = canvas.getBoundingClientRect();
    return [event.clientX - r.left, event.clientY - r.top];
  };
  const where = (x1: number, x2: number) => `(${x1.toFixed(2)}, ${x2.toFixed(2)})`;

  life.listen(stage, "pointerdown", (event: PointerEvent) => {
    if (!last || event.button !== 0) return;
    const [px, py] = local(event);
    if (px < -RADIUS || py < -RADIUS || px > side + RADIUS || py > side + RADIUS) return;
    const hit = nearest(px, py, RADIUS + 4);
    if (tool.kind === "remove") {
      if (hit >= 0) {
        const p = last.data.points[hit];
        events.onRemove(hit);
        events.announce(t("pg.removedAt", {at: where(p.x1, p.x2)}));
      }
      return;
    }
    if (hit >= 0) dragging = hit;
    else if (tool.kind === "add") {
      const [x1, x2] = toData(px, py);
      dragging = events.onAdd(x1, x2);
      events.announce(t("pg.addedAt", {at: where(x1, x2)}));
    } else return;
    stage.setPointerCapture(event.pointerId);
    event.preventDefault();
  });
  life.listen(stage, "pointermove", (event: PointerEvent) => {
    if (dragging < 0) return;
    const [x1, x2] = toData(...local(event));
    events.onMove(dragging, x1, x2);
  });
  const drop = () => {
    dragging = -1;
  };
  life.listen(stage, "pointerup", drop);
  life.listen(stage, "pointercancel", drop);

  // The keyboard: a cursor in the plane.
  life.listen(stage, "keydown", (event: KeyboardEvent) => {
    if (!last) return;
    const [[a0, b0], [a1, b1]] = domainOf();
    const step = ((b0 - a0) / 48) * (event.shiftKey ? 4 : 1);
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step]
    };
    if (event.key in moves) {
      const [dx, dy] = moves[event.key];
      const [x, y] = cursor ?? [(a0 + b0) / 2, (a1 + b1) / 2];
      cursor = [Math.min(b0, Math.max(a0, x + dx)), Math.min(b1, Math.max(a1, y + dy))];
      if (carried >= 0) events.onMove(carried, cursor[0], cursor[1]);
      else if (last) paint(last);
      event.preventDefault();
      return;
    }
    if (!cursor) cursor = [(a0 + b0) / 2, (a1 + b1) / 2];
    const [cx, cy] = toPixel(cursor[0], cursor[1]);
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      if (carried >= 0) {
        carried = -1;
        events.announce(t("pg.putDownAt", {at: where(cursor[0], cursor[1])}));
      } else if (tool.kind === "add") {
        events.onAdd(cursor[0], cursor[1]);
        events.announce(t("pg.addedAt", {at: where(cursor[0], cursor[1])}));
      } else {
        const hit = nearest(cx, cy, 24);
        if (hit < 0) events.announce(t("pg.noPointNear"));
        else if (tool.kind === "remove") {
          events.onRemove(hit);
          events.announce(t("pg.removedNearest"));
        } else {
          carried = hit;
          const p = last.data.points[hit];
          cursor = [p.x1, p.x2];
          events.announce(t("pg.pickedUpAt", {at: where(p.x1, p.x2)}));
        }
      }
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      const hit = carried >= 0 ? carried : nearest(cx, cy, 24);
      carried = -1;
      if (hit < 0) events.announce(t("pg.noPointNear"));
      else {
        events.onRemove(hit);
        events.announce(t("pg.removedNearest"));
      }
    } else if (event.key === "Escape") {
      carried = -1;
      cursor = null;
    } else return;
    if (last) paint(last);
  });
  life.listen(stage, "blur", () => {
    carried = -1;
    cursor = null;
    if (last) paint(last);
  });

  return {
    root,
    stage,
    paint,
    /** The size of the plot, from the width available. */
    resize(available: number) {
      const next = Math.max(180, Math.min(available - M.left - M.right, 400));
      if (next === side) return;
      side = next;
      (svg.node() as SVGSVGElement).dataset.key = "";
      if (last) paint(last);
    },
    setTool(next: MapTool) {
      tool = next;
    },
    /** The text alternative of the picture. */
    label(text: string) {
      setLabel(stage, text);
    },
    /** Forgets the drawn axes (after a theme change). */
    restyle() {
      (svg.node() as SVGSVGElement).dataset.key = "";
    },
    get cursorText() {
      return cursor ? t("pg.cursorAt", {at: where(cursor[0], cursor[1])}) : "";
    }
  };
}

export type OutputMap = ReturnType<typeof outputMap>;
