// 3. Decision map: what a 2-feature model predicts everywhere in the plane, as a canvas heatmap (~100 × 100
// cells): probability of class 1 (blue) vs class 0 (orange) for one output, class regions for several. The data
// points sit on top; optional small multiples show each hidden unit's own output (as TensorFlow Playground does).
// update() only schedules a redraw on the next animation frame, so it can be called after every training epoch.
import * as d3 from "d3";
import {forward, Matrix, Network, Workspace} from "../lib/nn/index.js";
import {drawAxes, fmt, type Margin} from "./axes.js";
import {
  gridInputs,
  labelsOf,
  nearestCells,
  paddedDomain,
  paintOutputs,
  paintUnit,
  scaleNearest
} from "./decisionGrid.js";
import type {RunnableNetwork} from "./networkModel.js";
import {
  ensureStyles,
  extend,
  followWidth,
  frameWhenVisible,
  h,
  lifecycle,
  resolveWidth,
  rgbString,
  setLabel,
  type ThemeColors,
  themeColors
} from "./theme.js";
import {assertDomain, assertInteger, assertPoints2d, type MatrixInput, type MatrixLike} from "./validate.js";
import {words} from "./words.js";

/** A network with 2 inputs, or a function from an n × 2 Matrix to an n × k output. */
export type Model = RunnableNetwork | ((X: Matrix) => MatrixLike);

export interface DecisionMapOptions {
  model: Model;
  /** Samples to draw on top: X (n × 2) and labels y (class numbers, a 0/1 column, or one-hot rows). */
  data?: {X: MatrixInput; y: readonly number[] | MatrixLike};
  /** [[x0 min, x0 max], [x1 min, x1 max]]; by default the data's extent plus 10 %. */
  domain?: [[number, number], [number, number]];
  /** Cells per side of the heatmap (default 100). */
  resolution?: number;
  /** Outputs are raw scores: apply sigmoid / softmax before colouring (default: when the last layer is "identity"). */
  logits?: boolean;
  /** Small multiples of every hidden unit's output (network models only; default false). */
  hidden?: boolean;
  /** Class names for the legend (default "class 0", "class 1", …). */
  classes?: string[];
  /** Print the accuracy on the points under the map (default true; a page that prints it elsewhere may turn it off). */
  caption?: boolean;
  /** Names of the two features on the axes (default "x₁" and "x₂", the course's numbering). */
  featureNames?: [string, string];
  label?: string;
  width?: number;
  invalidation?: Promise<unknown>;
}

export type DecisionMap = HTMLDivElement & {
  /** Changes the model, data or options; redraws on the next animation frame (many calls → one redraw). */
  update(options?: Partial<DecisionMapOptions>): void;
  /** Redraws now. */
  redraw(): void;
  /** Redraws so far (for measuring the frame rate). */
  readonly frames: number;
  /** Share of the data points the model classifies correctly (NaN without data). */
  readonly accuracy: number;
  destroy(): void;
};

const M: Margin = {top: 8, right: 8, bottom: 36, left: 44};

function isNetwork(model: Model): model is RunnableNetwork {
  return typeof model === "object" && model !== null && typeof (model as RunnableNetwork).forward === "function";
}

export function decisionMap(options: DecisionMapOptions): DecisionMap {
  ensureStyles();
  const life = lifecycle(options.invalidation);
  let opts = {...options};
  let width = resolveWidth(opts.width);
  let colors: ThemeColors | null = null;
  let frames = 0;
  let accuracy = Number.NaN;
  let points: [number, number][] = [];
  let labels: number[] = [];
  let pointMatrix: Matrix | null = null;
  let grid: {key: string; X: Matrix} | null = null;
  let image: ImageData | null = null;
  let workspace: {key: string; ws: Workspace} | null = null;
  let multiplesCanvas: {
    key: string;
    ctx: CanvasRenderingContext2D;
    /** One unit's colours, one pixel per grid cell it reads. */
    cells: ImageData;
    /** The same, scaled to a tile's device pixels (nearest cell), ready for putImageData. */
    tile: ImageData;
    /** For each device pixel of a tile's side, the grid cell it shows. */
    nearest: Int32Array;
  } | null = null;

  const root = h("div", {class: "nn-fig nn-decision-map"}) as DecisionMap;
  const legend = h("div", {class: "nn-legend", "aria-hidden": "true"});
  const stage = h("div", {role: "img", style: "position: relative"});
  const canvas = h("canvas", {"aria-hidden": "true", style: "position: absolute"});
  const svgNode = d3
    .create("svg")
    .attr("aria-hidden", "true")
    .style("position", "absolute")
    .style("left", 0)
    .style("top", 0)
    .style("pointer-events", "none")
    .node() as SVGSVGElement;
  stage.append(canvas, svgNode);
  const caption = h("div", {class: "nn-caption"});
  const multiples = h("div", {class: "nn-multiples"});
  root.append(legend, stage, caption, multiples);
  const cell = document.createElement("canvas");
  const ctx = canvas.getContext("2d");
  const cellCtx = cell.getContext("2d");

  function validate(o: DecisionMapOptions) {
    const m = o.model;
    if (isNetwork(m)) {
      if (m.inputs !== 2)
        throw new Error(
          `decisionMap: the map draws models with 2 input features, but this network takes ${m.inputs}. Use network({inputs: 2, …}).`
        );
    } else if (typeof m !== "function") {
      throw new Error("decisionMap: model must be a network with 2 inputs or a function X => output.");
    }
    if (o.domain) {
      assertDomain(o.domain[0], "domain[0] (x0)");
      assertDomain(o.domain[1], "domain[1] (x1)");
    }
    assertInteger(o.resolution ?? 100, "resolution", 2);
    if (o.data) {
      const pts = assertPoints2d(o.data.X, "decisionMap data.X");
      labelsOf(o.data.y, pts.length);
    }
  }

  function setData() {
    if (opts.data) {
      points = assertPoints2d(opts.data.X, "decisionMap data.X");
      labels = labelsOf(opts.data.y, points.length);
      pointMatrix = Matrix.from(points);
    } else {
      points = [];
      labels = [];
      pointMatrix = null;
    }
  }

  function run(X: Matrix): MatrixLike {
    const m = opts.model;
    return isNetwork(m) ? m.forward(X as never) : m(X);
  }

  /**
   * The model on every grid cell. A library Network runs in reusable buffers (no allocation per frame, which is what
   * keeps the map at animation speed); anything else goes through forward() / trace().
   */
  function gridPass(X: Matrix): {output: MatrixLike; hidden: MatrixLike[] | null} {
    const m = opts.model;
    if (m instanceof Network) {
      const key = `${X.rows}|${m.inputs}|${m.layers.map((l) => `${l.units} ${l.activation}`)}`;
      if (!workspace || workspace.key !== key) workspace = {key, ws: new Workspace(m, X.rows)};
      const output = forward(m, X, workspace.ws);
      return {output, hidden: workspace.ws.A.slice(0, -1)};
    }
    if (opts.hidden && isNetwork(m) && typeof m.trace === "function") {
      const {A} = m.trace(X as never);
      return {output: A[A.length - 1], hidden: A.slice(1, -1)};
    }
    return {output: run(X), hidden: null};
  }

  function useLogits(): boolean {
    if (opts.logits !== undefined) return opts.logits;
    const m = opts.model;
    return isNetwork(m) && m.layers[m.layers.length - 1]?.activation === "identity";
  }

  function redraw() {
    if (life.destroyed || !ctx || !cellCtx) return;
    colors ??= themeColors(root.isConnected ? root : document.body);
    const res = opts.resolution ?? 100;
    const domain = opts.domain ?? paddedDomain(points);
    const key = `${res}|${domain.flat().join(",")}`;
    if (!grid || grid.key !== key) grid = {key, X: new Matrix(res * res, 2, gridInputs(domain, res))};
    const {output, hidden} = gridPass(grid.X);
    if (output.rows !== res * res)
      throw new Error(`decisionMap: the model returned ${output.rows} rows for ${res * res} inputs.`);
    const logits = useLogits();
    // Heatmap: one pixel per cell, scaled up smoothly (canvas and pixel buffer reused between frames).
    if (cell.width !== res || !image) {
      cell.width = res;
      cell.height = res;
      image = cellCtx.createImageData(res, res);
    }
    paintOutputs(
      output,
      image.data,
      {negative: colors.negative, positive: colors.positive, neutral: colors.background, classes: colors.series},
      logits
    );
    cellCtx.putImageData(image, 0, 0);
    const side = Math.max(160, Math.min(width - M.left - M.right, 460));
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
    // Data points.
    const [[a0, b0], [a1, b1]] = domain;
    const px = (v: number) => ((v - a0) / (b0 - a0)) * side;
    const py = (v: number) => ((b1 - v) / (b1 - a1)) * side;
    const k = output.cols;
    const classColors = k === 1 ? [colors.negative, colors.positive] : colors.series;
    ctx.lineWidth = 1.25;
    ctx.strokeStyle = rgbString(colors.foreground);
    // One path per class (filled and outlined once), not one per point: the map redraws every frame while training.
    for (let c = 0; c < classColors.length; c++) {
      ctx.beginPath();
      points.forEach((p, i) => {
        if (labels[i] % classColors.length !== c) return;
        ctx.moveTo(px(p[0]) + 4, py(p[1]));
        ctx.arc(px(p[0]), py(p[1]), 4, 0, 2 * Math.PI);
      });
      ctx.fillStyle = rgbString(classColors[c]);
      ctx.fill();
      ctx.stroke();
    }
    // Accuracy on the points.
    if (pointMatrix) {
      const out = run(pointMatrix);
      let correct = 0;
      for (let i = 0; i < out.rows; i++) {
        let guess = 0;
        if (out.cols === 1) guess = out.data[i] > (logits ? 0 : 0.5) ? 1 : 0;
        else
          for (let j = 1; j < out.cols; j++) if (out.data[i * out.cols + j] > out.data[i * out.cols + guess]) guess = j;
        if (guess === labels[i]) correct++;
      }
      accuracy = correct / out.rows;
    } else accuracy = Number.NaN;
    // Axes (SVG overlay; only touched when the size or domain changes).
    const W = side + M.left + M.right;
    const H = side + M.top + M.bottom;
    const axesKey = `${W}|${key}`;
    if (svgNode.dataset.key !== axesKey) {
      svgNode.dataset.key = axesKey;
      stage.style.width = `${W}px`;
      stage.style.height = `${H}px`;
      d3.select(svgNode).attr("width", W).attr("height", H);
      const axes = d3.select(svgNode).selectAll<SVGGElement, null>("g").data([null]).join("g");
      drawAxes(
        axes.node() as SVGGElement,
        d3.scaleLinear([a0, b0], [M.left, M.left + side]),
        d3.scaleLinear([a1, b1], [M.top + side, M.top]),
        {width: W, height: H, margin: M, xLabel: opts.featureNames?.[0] ?? "x₁", yLabel: opts.featureNames?.[1] ?? "x₂"}
      );
      axes.selectAll(".nn-grid").remove();
      renderLegend(k);
    }
    if (opts.hidden && hidden) renderMultiples(hidden, res);
    else if (multiplesCanvas) {
      multiplesCanvas = null;
      multiples.replaceChildren();
    }
    const names = opts.classes ?? [];
    const what =
      k === 1
        ? words("map.binary", {
            positive: names[1] ?? words("class.name", {k: 1}),
            negative: names[0] ?? words("class.name", {k: 0})
          })
        : words("map.classes", {k});
    const acc = Number.isNaN(accuracy) ? "" : words("map.accuracy", {n: points.length, percent: fmt(accuracy * 100)});
    setLabel(
      stage,
      opts.label ??
        words("map.summary", {
          x: opts.featureNames?.[0] ?? "x₁",
          x0: fmt(a0),
          x1: fmt(b0),
          y: opts.featureNames?.[1] ?? "x₂",
          y0: fmt(a1),
          y1: fmt(b1),
          what,
          accuracy: acc
        })
    );
    const captionText =
      Number.isNaN(accuracy) || opts.caption === false ? "" : words("map.caption", {percent: fmt(accuracy * 100)});
    if (caption.textContent !== captionText) caption.textContent = captionText;
    frames++;
  }

  function renderLegend(k: number) {
    if (!colors) return;
    const names = opts.classes ?? [];
    if (k === 1) {
      legend.replaceChildren(
        h(
          "span",
          {},
          h("i", {class: "nn-dot", style: "background: var(--nn-neg)"}),
          names[0] ?? words("class.name", {k: 0})
        ),
        h(
          "span",
          {},
          h("i", {class: "nn-dot", style: "background: var(--nn-pos)"}),
          names[1] ?? words("class.name", {k: 1})
        ),
        h(
          "span",
          {},
          words("map.pClass1"),
          h("i", {
            style:
              "display:inline-block;width:80px;height:10px;border:1px solid var(--theme-foreground-faint);background:linear-gradient(to right, color-mix(in srgb, var(--nn-neg) 70%, var(--theme-background)), var(--theme-background), color-mix(in srgb, var(--nn-pos) 70%, var(--theme-background)))"
          }),
          "1"
        )
      );
    } else {
      legend.replaceChildren(
        ...Array.from({length: k}, (_, j) =>
          h(
            "span",
            {},
            h("i", {class: "nn-dot", style: `background: var(--nn-c${j % 6})`}),
            names[j] ?? words("class.name", {k: j})
          )
        )
      );
    }
  }

  /**
   * Every hidden unit's output as a 64 px tile, all tiles on ONE canvas (one layer for the browser to composite,
   * not one per unit), labelled underneath; tiles wrap to the width available. The frames and labels are drawn
   * once per layout; each redraw only writes the tiles' pixels (putImageData, no scaling or compositing work).
   */
  function renderMultiples(layers: MatrixLike[], res: number) {
    if (!colors) return;
    const tiles = layers.flatMap((A, l) => Array.from({length: A.cols}, (_, j) => ({A, l, j})));
    // Thumbnails at half resolution for fine grids: 64 px on screen, a quarter of the work.
    const stride = res >= 64 ? 2 : 1;
    const side = Math.floor(res / stride);
    const tile = 64;
    const gap = 10;
    const labelH = 16;
    const perRow = Math.max(1, Math.floor((width + gap) / (tile + gap)));
    const rows = Math.ceil(tiles.length / perRow);
    const W = Math.min(tiles.length, perRow) * (tile + gap) - gap;
    const H = rows * (tile + labelH + gap) - gap;
    const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
    const inner = Math.round((tile - 2) * dpr); // device pixels inside a tile's 1 px frame
    const at = (k: number) => ({x: (k % perRow) * (tile + gap), y: Math.floor(k / perRow) * (tile + labelH + gap)});
    const key = `${tiles.length}|${side}|${W}|${dpr}|${colors.scheme}`;
    if (!multiplesCanvas || multiplesCanvas.key !== key) {
      const canvas = h("canvas", {
        width: Math.round(W * dpr),
        height: Math.round(H * dpr),
        style: `width: ${W}px; height: ${H}px; display: block`,
        role: "img",
        "aria-label": words("map.units", {n: tiles.length})
      });
      const context = canvas.getContext("2d");
      if (!context) return;
      multiples.replaceChildren(canvas);
      // Frames and labels, drawn once.
      context.setTransform(dpr, 0, 0, dpr, 0, 0);
      context.font = "11px system-ui, sans-serif";
      context.textAlign = "center";
      context.textBaseline = "top";
      context.strokeStyle = rgbString(colors.muted, 0.5);
      context.fillStyle = rgbString(colors.muted);
      tiles.forEach(({l, j}, k) => {
        const {x, y} = at(k);
        context.strokeRect(x + 0.5, y + 0.5, tile - 1, tile - 1);
        const name = layers.length > 1 ? words("map.layerUnit", {l: l + 1, j: j + 1}) : words("map.unit", {j: j + 1});
        context.fillText(name, x + tile / 2, y + tile + 3);
      });
      multiplesCanvas = {
        key,
        ctx: context,
        cells: context.createImageData(side, side),
        tile: context.createImageData(inner, inner),
        nearest: nearestCells(side, inner)
      };
    }
    const {ctx: c, cells, tile: scaled, nearest} = multiplesCanvas;
    const from = new Uint32Array(cells.data.buffer);
    const to = new Uint32Array(scaled.data.buffer);
    const net = opts.model as RunnableNetwork;
    tiles.forEach(({A, l, j}, k) => {
      if (!colors) return;
      const centre = net.layers[l]?.activation === "sigmoid" ? 0.5 : 0;
      paintUnit(
        A,
        j,
        cells.data,
        {negative: colors.negative, positive: colors.positive, neutral: colors.background},
        centre,
        stride
      );
      scaleNearest(from, side, to, inner, nearest);
      const {x, y} = at(k);
      c.putImageData(scaled, Math.round((x + 1) * dpr), Math.round((y + 1) * dpr));
    });
  }

  const schedule = frameWhenVisible(root, life, redraw);

  life.onThemeChange(() => {
    colors = null;
    svgNode.dataset.key = "";
    redraw();
  });
  if (opts.width === undefined)
    followWidth(root, life, (w) => {
      width = w;
      redraw();
    });

  validate(opts);
  setData();
  redraw();
  return extend(root, {
    update(next: Partial<DecisionMapOptions> = {}) {
      if (Object.keys(next).length > 0) {
        const merged = {...opts, ...next};
        validate(merged);
        opts = merged;
        if (next.width) width = resolveWidth(next.width);
        if (next.data !== undefined) setData();
        if (next.classes || next.model) svgNode.dataset.key = "";
      }
      schedule();
    },
    redraw,
    get frames() {
      return frames;
    },
    get accuracy() {
      return accuracy;
    },
    destroy: life.destroy
  });
}
