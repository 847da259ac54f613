// The Playground's network, drawn as TensorFlow Playground draws it: a column of input features, a column per hidden
// layer and the outputs, every node showing its own map of the plane, and links coloured by the sign of their weight
// (blue +, orange −) and as thick as it is large. Hover a link to read its weight, click it to edit it; hover, focus
// or click a node to see it on the big map and in the neuron card; the + and − buttons add and remove layers and
// neurons; clicking an input feature switches it on or off.
//
// Everything that changes while training (links and maps) is painted on ONE canvas per frame: no DOM work per frame.
// The nodes are buttons laid over the canvas, so the network can be walked with the keyboard: Tab reaches it once,
// the arrow keys move between nodes, Enter selects one (its weights can then be edited in the neuron card).
import {t} from "../../lib/i18n.js";
import type {Matrix, Network} from "../../lib/nn/index.js";
import {nearestCells, paintUnit, scaleNearest} from "../decisionGrid.js";
import {weightName} from "../networkDiagram.js";
import type {RGB} from "../palette.js";
import {h, type Lifecycle, rgbString, setText, type ThemeColors} from "../theme.js";
import {FEATURES, type FeatureId, featureAbout} from "./features.js";
import {classPalette} from "./paint.js";
import {MAX_LAYERS, MAX_NEURONS, type Problem} from "./settings.js";

/** A node of the picture: an input feature, or unit `unit` of layer `layer` (as net.layers counts, from 0). */
export type NodeTarget = {kind: "feature"; feature: FeatureId} | {kind: "neuron"; layer: number; unit: number};

export const sameTarget = (a: NodeTarget | null, b: NodeTarget | null): boolean =>
  a === b ||
  (!!a &&
    !!b &&
    (a.kind === "feature"
      ? b.kind === "feature" && a.feature === b.feature
      : b.kind === "neuron" && a.layer === b.layer && a.unit === b.unit));

/** What a network view reports. */
export interface NetworkViewEvents {
  onToggleFeature(id: FeatureId): void;
  onHidden(hidden: number[]): void;
  /** The node under the pointer or with the focus changed (null: none). */
  onLook(target: NodeTarget | null): void;
  onSelect(target: NodeTarget): void;
  onWeight(layer: number, i: number, j: number, value: number): void;
}

/** The setting the picture is laid out for. */
export interface NetworkShape {
  features: readonly FeatureId[];
  hidden: readonly number[];
  outputs: number;
  problem: Problem;
}

/** What one frame paints: the grid's 7 feature columns, every layer's A over the grid, and the network's weights. */
export interface NetworkFrame {
  network: Network;
  /** Every feature (FEATURES order) on every grid cell. */
  featureMaps: Matrix;
  layers: readonly Matrix[];
  res: number;
  colors: ThemeColors;
}

interface Placed {
  target: NodeTarget;
  x: number;
  y: number;
  /** Column and row, for the arrow keys. */
  col: number;
  row: number;
  on: boolean;
  button: HTMLButtonElement;
}

interface Link {
  layer: number;
  i: number;
  j: number;
  from: Placed;
  to: Placed;
}

const HEADER = 54;
const ROW_GAP = 10;

/** A weight's place in words: "from x₁ to neuron 2 of layer 1". */
export function linkWords(layer: number, i: number, j: number, features: readonly FeatureId[], layers: number): string {
  const from =
    layer === 0
      ? (FEATURES.find((f) => f.id === features[i])?.text ?? "")
      : t("pg.neuronOfLayer", {unit: i + 1, layer});
  return t("pg.linkWords", {from, to: nodeWords(layer, j, layers)});
}

/** A neuron in words: "neuron 2 of layer 1", or "the output" / "output 2" for the last layer. */
export function nodeWords(layer: number, unit: number, layers: number, outputs = 1): string {
  if (layer === layers - 1) return outputs === 1 ? t("pg.theOutput") : t("pg.outputN", {n: unit + 1});
  return t("pg.neuronOfLayer", {unit: unit + 1, layer: layer + 1});
}

export function networkView(events: NetworkViewEvents, life: Lifecycle) {
  let shape: NetworkShape = {features: ["x1", "x2"], hidden: [], outputs: 1, problem: "classification"};
  let tile = 36;
  let width = 0;
  let height = 0;
  let nodes: Placed[] = [];
  let links: Link[] = [];
  let focusIndex = 0;
  let selected: NodeTarget | null = null;
  let looked: NodeTarget | null = null;
  let hoverLink: Link | null = null;
  let last: NetworkFrame | null = null;
  let tiles: {key: string; cells: ImageData; tile: ImageData; nearest: Int32Array; side: number} | null = null;

  const canvas = h("canvas", {"aria-hidden": "true", class: "nn-pg-canvas"});
  const ctx = canvas.getContext("2d");
  const buttons = h("div", {
    class: "nn-pg-nodes",
    role: "group",
    "aria-label": t("pg.nodesGroup")
  });
  const headers = h("div", {class: "nn-pg-headers"});
  const tooltip = h("div", {class: "nn-pg-tooltip", role: "tooltip", hidden: true});
  const editor = h("form", {class: "nn-pg-editor", hidden: true});
  const stage = h("div", {class: "nn-pg-stage"}, canvas, headers, buttons, tooltip, editor);
  const scroller = h("div", {class: "nn-pg-scroll"}, stage);
  const layersLabel = h("span", {class: "nn-pg-count"});
  const addLayer = h("button", {type: "button", text: "+", "aria-label": t("pg.addLayer")});
  const removeLayer = h("button", {type: "button", text: "−", "aria-label": t("pg.removeLayer")});
  const root = h(
    "div",
    {class: "nn-pg-network"},
    h("div", {class: "nn-pg-layers"}, removeLayer, addLayer, layersLabel),
    scroller
  );

  addLayer.addEventListener("click", () => {
    if (shape.hidden.length < MAX_LAYERS) events.onHidden([...shape.hidden, shape.hidden.at(-1) ?? 2]);
  });
  removeLayer.addEventListener("click", () => {
    if (shape.hidden.length > 0) events.onHidden(shape.hidden.slice(0, -1));
  });

  const layersCount = () => shape.hidden.length + 1;

  function describe(node: Placed): string {
    const target = node.target;
    if (target.kind === "feature") {
      const f = FEATURES.find((x) => x.id === target.feature);
      return t(node.on ? "pg.inputOn" : "pg.inputOff", {name: f?.text ?? "", about: featureAbout(target.feature)});
    }
    return t("pg.nodeButton", {node: nodeWords(target.layer, target.unit, layersCount(), shape.outputs)});
  }

  /** Lays the picture out for a setting (or again for a new width). */
  function layout(next: NetworkShape, available: number): void {
    shape = next;
    tile = available < 480 ? 28 : 36;
    const columns: {target: NodeTarget; on: boolean}[][] = [
      FEATURES.map((f) => ({target: {kind: "feature", feature: f.id}, on: next.features.includes(f.id)})),
      ...next.hidden.map((units, l) =>
        Array.from({length: units}, (_, j) => ({target: {kind: "neuron", layer: l, unit: j} as NodeTarget, on: true}))
      ),
      Array.from({length: next.outputs}, (_, j) => ({
        target: {kind: "neuron", layer: next.hidden.length, unit: j} as NodeTarget,
        on: true
      }))
    ];
    const spacing = Math.max(tile + 34, Math.min(120, (available - 16 - tile) / (columns.length - 1)));
    width = Math.ceil(16 + tile + spacing * (columns.length - 1));
    const rows = Math.max(...columns.map((c) => c.length));
    height = HEADER + rows * (tile + ROW_GAP);
    const old = new Map(nodes.map((n) => [JSON.stringify(n.target), n.button]));
    const had = document.activeElement instanceof HTMLButtonElement && buttons.contains(document.activeElement);
    nodes = columns.flatMap((column, col) =>
      column.map(({target, on}, row) => {
        const button = old.get(JSON.stringify(target)) ?? h("button", {type: "button", class: "nn-pg-node"});
        return {target, on, col, row, x: 8 + col * spacing, y: HEADER + row * (tile + ROW_GAP), button};
      })
    );
    const byTarget = new Map(nodes.map((n) => [JSON.stringify(n.target), n]));
    const at = (target: NodeTarget) => byTarget.get(JSON.stringify(target)) as Placed;
    links = [];
    const on = next.features.map((f) => at({kind: "feature", feature: f}));
    [next.features.length, ...next.hidden].forEach((inputs, l) => {
      const units = l < next.hidden.length ? next.hidden[l] : next.outputs;
      for (let i = 0; i < inputs; i++) {
        const from = l === 0 ? on[i] : at({kind: "neuron", layer: l - 1, unit: i});
        for (let j = 0; j < units; j++) links.push({layer: l, i, j, from, to: at({kind: "neuron", layer: l, unit: j})});
      }
    });
    focusIndex = Math.min(focusIndex, nodes.length - 1);
    nodes.forEach((n, k) => {
      const b = n.button;
      Object.assign(b.style, {left: `${n.x}px`, top: `${n.y}px`, width: `${tile}px`, height: `${tile}px`});
      b.tabIndex = k === focusIndex ? 0 : -1;
      b.dataset.node = JSON.stringify(n.target);
      b.setAttribute("aria-label", describe(n));
      if (n.target.kind === "feature") b.setAttribute("aria-pressed", String(n.on));
      else b.setAttribute("aria-pressed", String(sameTarget(n.target, selected)));
    });
    buttons.replaceChildren(...nodes.map((n) => n.button));
    if (had) nodes[focusIndex]?.button.focus();
    // Headers: the count of each hidden layer with its + and − buttons, and the names of the other columns.
    const heads = [
      h("div", {class: "nn-pg-head", style: `left: ${8}px`, text: t("pg.inputsHead")}),
      ...next.hidden.map((units, l) => {
        const x = 8 + (l + 1) * spacing;
        const minus = h("button", {type: "button", text: "−", "aria-label": t("pg.removeNeuron", {layer: l + 1})});
        const plus = h("button", {type: "button", text: "+", "aria-label": t("pg.addNeuron", {layer: l + 1})});
        minus.disabled = units <= 1;
        plus.disabled = units >= MAX_NEURONS;
        minus.addEventListener("click", () => events.onHidden(next.hidden.map((u, k) => (k === l ? u - 1 : u))));
        plus.addEventListener("click", () => events.onHidden(next.hidden.map((u, k) => (k === l ? u + 1 : u))));
        return h(
          "div",
          {class: "nn-pg-head", style: `left: ${x - 6}px`},
          h("span", {text: t("pg.neurons", {n: units, s: units === 1 ? "" : "s"})}),
          h("span", {class: "nn-pg-plusminus"}, minus, plus)
        );
      }),
      h("div", {
        class: "nn-pg-head",
        // Right-aligned with the output nodes, so that the word stays inside the picture.
        style: `left: ${8 + (columns.length - 1) * spacing + tile}px; transform: translateX(-100%)`,
        text: next.outputs === 1 ? t("pg.outputHead") : t("pg.outputsHead")
      })
    ];
    headers.replaceChildren(...heads);
    setText(layersLabel, t("pg.hiddenLayers", {n: next.hidden.length, s: next.hidden.length === 1 ? "" : "s"}));
    addLayer.disabled = next.hidden.length >= MAX_LAYERS;
    removeLayer.disabled = next.hidden.length === 0;
    stage.style.width = `${width}px`;
    stage.style.height = `${height}px`;
    const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    tiles = null;
    // An open weight editor stays open if its link is still there (a new width only moves it).
    const kept = editing && links.find((k) => k.layer === editing?.layer && k.i === editing.i && k.j === editing.j);
    if (kept) editing = kept;
    else closeEditor();
    if (last) paint(last);
  }

  const xy = (n: Placed, side: "in" | "out") => ({x: n.x + (side === "out" ? tile : 0), y: n.y + tile / 2});
  const weightOf = (net: Network, link: Link) =>
    net.layers[link.layer]?.W.data[link.i * net.layers[link.layer].units + link.j] ?? 0;

  /** The colours of a node's map: a feature or hidden neuron blue for high and orange for low, an output in its class's. */
  function tileColors(
    n: Placed,
    colors: ThemeColors
  ): {colors: {negative: RGB; positive: RGB; neutral: RGB}; centre: number; scale?: number} {
    const base = {negative: colors.negative, positive: colors.positive, neutral: colors.background};
    const t = n.target;
    if (t.kind === "feature" || t.layer < shape.hidden.length) {
      const sigmoid = t.kind === "neuron" && last?.network.layers[t.layer]?.activation === "sigmoid";
      return {colors: base, centre: sigmoid ? 0.5 : 0};
    }
    if (shape.problem === "regression") return {colors: base, centre: 0, scale: 1};
    if (shape.outputs === 1) return {colors: base, centre: 0.5, scale: 0.5};
    const palette = classPalette(colors);
    return {
      colors: {negative: colors.background, neutral: colors.background, positive: palette[t.unit]},
      centre: 0,
      scale: 1
    };
  }

  /** Paints the links and every node's map (one frame). */
  function paint(frame: NetworkFrame): void {
    last = frame;
    if (!ctx || nodes.length === 0) return;
    const {colors, network: net} = frame;
    const dpr = canvas.width / Math.max(1, width);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    // Links, under the nodes.
    const positive = rgbString(colors.positive, 0.85);
    const negative = rgbString(colors.negative, 0.85);
    for (const link of links) {
      const w = weightOf(net, link);
      const a = xy(link.from, "out");
      const b = xy(link.to, "in");
      const mid = (a.x + b.x) / 2;
      ctx.beginPath();
      ctx.moveTo(a.x, a.y);
      ctx.bezierCurveTo(mid, a.y, mid, b.y, b.x, b.y);
      ctx.strokeStyle = w >= 0 ? positive : negative;
      ctx.lineWidth = (link === hoverLink ? 1.5 : 0) + 0.5 + Math.min(Math.abs(w), 4) * 1.1;
      ctx.stroke();
    }
    // Maps: every node's own, at half the grid's resolution for fine grids, scaled to the tile's device pixels.
    const stride = frame.res >= 40 ? 2 : 1;
    const side = Math.floor(frame.res / stride);
    const inner = Math.round((tile - 2) * dpr);
    const key = `${side}|${inner}`;
    if (!tiles || tiles.key !== key) {
      tiles = {
        key,
        cells: ctx.createImageData(side, side),
        tile: ctx.createImageData(inner, inner),
        nearest: nearestCells(side, inner),
        side
      };
    }
    const from = new Uint32Array(tiles.cells.data.buffer);
    const to = new Uint32Array(tiles.tile.data.buffer);
    for (const n of nodes) {
      const t = n.target;
      const values = t.kind === "feature" ? frame.featureMaps : frame.layers[t.layer];
      const column = t.kind === "feature" ? FEATURES.findIndex((f) => f.id === t.feature) : t.unit;
      if (!values || column < 0 || column >= values.cols) continue;
      const style = tileColors(n, colors);
      paintUnit(values, column, tiles.cells.data, style.colors, style.centre, stride, style.scale);
      scaleNearest(from, side, to, inner, tiles.nearest);
      ctx.putImageData(tiles.tile, Math.round((n.x + 1) * dpr), Math.round((n.y + 1) * dpr));
    }
    // Frames, switched-off inputs faded, the biases as small squares (coloured by sign), the selection.
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    for (const n of nodes) {
      if (!n.on) {
        ctx.fillStyle = rgbString(colors.background, 0.7);
        ctx.fillRect(n.x, n.y, tile, tile);
      }
      const t = n.target;
      const chosen = sameTarget(t, selected) || sameTarget(t, looked);
      ctx.lineWidth = chosen ? 2.5 : 1;
      ctx.strokeStyle = rgbString(chosen ? colors.foreground : colors.muted, chosen ? 1 : 0.6);
      ctx.strokeRect(n.x + 0.5, n.y + 0.5, tile - 1, tile - 1);
      if (t.kind === "neuron") {
        const b = net.layers[t.layer]?.b.data[t.unit] ?? 0;
        ctx.fillStyle = rgbString(b >= 0 ? colors.positive : colors.negative);
        ctx.fillRect(n.x - 4, n.y + tile - 6, 6, 6);
      }
    }
  }

  // Links: hover shows the weight, click opens an editor for it.
  function linkAt(x: number, y: number): Link | null {
    let best: Link | null = null;
    let bestDistance = 5;
    for (const link of links) {
      const a = xy(link.from, "out");
      const b = xy(link.to, "in");
      if (x < a.x - 5 || x > b.x + 5) continue;
      const mid = (a.x + b.x) / 2;
      let px = a.x;
      let py = a.y;
      for (let s = 1; s <= 16; s++) {
        const t = s / 16;
        const u = 1 - t;
        const qx = u * u * u * a.x + 3 * u * u * t * mid + 3 * u * t * t * mid + t * t * t * b.x;
        const qy = u * u * u * a.y + 3 * u * u * t * a.y + 3 * u * t * t * b.y + t * t * t * b.y;
        const d = segmentDistance(x, y, px, py, qx, qy);
        if (d < bestDistance) {
          bestDistance = d;
          best = link;
        }
        px = qx;
        py = qy;
      }
    }
    return best;
  }

  const linkName = (link: Link) => weightName({bias: false, i: link.i, j: link.j, layer: link.layer + 1});
  const linkText = (link: Link) => linkWords(link.layer, link.i, link.j, shape.features, layersCount());

  const local = (event: PointerEvent | MouseEvent) => {
    const r = stage.getBoundingClientRect();
    return {x: event.clientX - r.left, y: event.clientY - r.top};
  };
  life.listen(stage, "pointermove", (event: PointerEvent) => {
    if ((event.target as Element).closest("button, form")) return;
    const {x, y} = local(event);
    const link = linkAt(x, y);
    if (link !== hoverLink) {
      hoverLink = link;
      if (last) paint(last);
    }
    tooltip.hidden = !link;
    stage.style.cursor = link ? "pointer" : "";
    if (link && last) {
      const w = weightOf(last.network, link);
      setText(tooltip, t("pg.linkTooltip", {name: linkName(link), w: w.toFixed(3), link: linkText(link)}));
      Object.assign(tooltip.style, {left: `${Math.min(x + 12, width - 200)}px`, top: `${y + 14}px`});
    }
  });
  life.listen(stage, "pointerleave", () => {
    tooltip.hidden = true;
    if (hoverLink) {
      hoverLink = null;
      if (last) paint(last);
    }
  });
  life.listen(stage, "click", (event: MouseEvent) => {
    if ((event.target as Element).closest("button, form")) return;
    const {x, y} = local(event);
    const link = linkAt(x, y);
    if (link) openEditor(link, x, y);
  });

  const editorLabel = h("label", {class: "nn-pg-editor-label"});
  const editorInput = h("input", {type: "number", step: "any", required: true});
  const editorId = `nn-pg-weight-${Math.random().toString(36).slice(2, 8)}`;
  editorInput.id = editorId;
  editorLabel.htmlFor = editorId;
  const editorSet = h("button", {type: "submit", text: t("pg.set")});
  const editorCancel = h("button", {type: "button", text: t("pg.cancel")});
  editor.append(editorLabel, editorInput, editorSet, editorCancel);
  let editing: Link | null = null;

  function openEditor(link: Link, x: number, y: number): void {
    if (!last) return;
    editing = link;
    setText(editorLabel, t("pg.editorLabel", {name: linkName(link), link: linkText(link)}));

    editorInput.value = String(Number(weightOf(last.network, link).toFixed(4)));
    editor.hidden = false;
    tooltip.hidden = true;
    Object.assign(editor.style, {left: `${Math.max(0, Math.min(x - 20, width - 240))}px`, top: `${y + 10}px`});
    editorInput.focus();
    editorInput.select();
  }
  function closeEditor(): void {
    if (editor.hidden) return;
    const link = editing;
    editor.hidden = true;
    editing = null;
    const back = link && nodes.find((n) => sameTarget(n.target, link.to.target));
    if (back && editor.contains(document.activeElement)) focusNode(nodes.indexOf(back));
  }
  editor.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = Number(editorInput.value);
    if (editing && editorInput.value.trim() !== "" && Number.isFinite(value)) {
      events.onWeight(editing.layer, editing.i, editing.j, value);
    }
    closeEditor();
  });
  editorCancel.addEventListener("click", closeEditor);
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      closeEditor();
    }
  });

  // Nodes: pointer and keyboard.
  const nodeOf = (element: EventTarget | null) => nodes.find((n) => n.button === element) ?? null;
  function focusNode(k: number): void {
    if (!nodes[k]) return;
    nodes[focusIndex]?.button.setAttribute("tabindex", "-1");
    focusIndex = k;
    nodes[k].button.tabIndex = 0;
    nodes[k].button.focus();
  }
  life.listen(buttons, "click", (event: MouseEvent) => {
    const n = nodeOf((event.target as Element).closest("button"));
    if (!n) return;
    focusIndex = nodes.indexOf(n);
    if (n.target.kind === "feature") events.onToggleFeature(n.target.feature);
    else events.onSelect(n.target);
  });
  life.listen(buttons, "pointerover", (event: PointerEvent) => {
    const n = nodeOf((event.target as Element).closest("button"));
    if (n) events.onLook(n.target);
  });
  life.listen(buttons, "pointerout", (event: PointerEvent) => {
    if (!nodeOf((event.relatedTarget as Element | null)?.closest?.("button") ?? null)) events.onLook(null);
  });
  life.listen(buttons, "focusin", (event: FocusEvent) => {
    const n = nodeOf(event.target);
    if (n) events.onLook(n.target);
  });
  life.listen(buttons, "focusout", (event: FocusEvent) => {
    if (!nodeOf(event.relatedTarget)) events.onLook(null);
  });
  life.listen(buttons, "keydown", (event: KeyboardEvent) => {
    const n = nodeOf(event.target);
    if (!n) return;
    const column = (c: number) => nodes.filter((m) => m.col === c);
    let next: Placed | undefined;
    if (event.key === "ArrowDown") next = column(n.col).find((m) => m.row === n.row + 1);
    else if (event.key === "ArrowUp") next = column(n.col).find((m) => m.row === n.row - 1);
    else if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      const other = column(n.col + (event.key === "ArrowRight" ? 1 : -1));
      next = other[Math.min(n.row, other.length - 1)];
    } else if (event.key === "Home") next = nodes[0];
    else if (event.key === "End") next = nodes[nodes.length - 1];
    else return;
    event.preventDefault();
    if (next) focusNode(nodes.indexOf(next));
  });

  return {
    root,
    layout,
    paint,
    /** The node whose map the big map shows (drawn with a thick frame). */
    setLooked(target: NodeTarget | null) {
      looked = target;
      if (last) paint(last);
    },
    setSelected(target: NodeTarget | null) {
      selected = target;
      for (const n of nodes) {
        if (n.target.kind === "neuron") n.button.setAttribute("aria-pressed", String(sameTarget(n.target, target)));
      }
      if (last) paint(last);
    },
    /** Focuses the first hidden neuron (or the first node). */
    focusFirstNeuron() {
      focusNode(
        Math.max(
          0,
          nodes.findIndex((n) => n.target.kind === "neuron")
        )
      );
    },
    get width() {
      return width;
    }
  };
}

export type NetworkView = ReturnType<typeof networkView>;

/** Distance from (x, y) to the segment from (ax, ay) to (bx, by). */
function segmentDistance(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}
