// What the components need to know about a network, as structural types (the course library's Network fits),
// plus pure helpers: the layer sizes, reading W[i][j], and the diagram's layout.
import type {MatrixLike} from "./validate.js";

export interface LayerLike {
  W: MatrixLike;
  b: MatrixLike;
  activation?: string;
}

export interface NetworkLike {
  inputs: number;
  layers: readonly LayerLike[];
}

/** A network that can run a batch: the library's Network. */
export interface RunnableNetwork extends NetworkLike {
  forward(X: never): MatrixLike;
  trace?(X: never): {Z: MatrixLike[]; A: MatrixLike[]};
}

/** [inputs, units of layer 1, …, units of the output layer]; checks each W and b shape as it goes. */
export function layerSizes(net: NetworkLike): number[] {
  if (!net || typeof net !== "object" || !Array.isArray(net.layers) || typeof net.inputs !== "number")
    throw new Error("Expected a network such as network({inputs: 2, layers: [{units: 3, activation: 'tanh'}]}).");
  const sizes = [net.inputs];
  net.layers.forEach((layer, l) => {
    const before = sizes[sizes.length - 1];
    if (layer.W.rows !== before)
      throw new Error(`Layer ${l + 1}: W has ${layer.W.rows} rows but the layer before has ${before} units.`);
    if (layer.b.rows !== 1 || layer.b.cols !== layer.W.cols)
      throw new Error(`Layer ${l + 1}: b must be 1 × ${layer.W.cols}, got ${layer.b.rows} × ${layer.b.cols}.`);
    sizes.push(layer.W.cols);
  });
  return sizes;
}

/** Entry (i, j) of a row-major matrix. */
export const entry = (m: MatrixLike, i: number, j: number): number => m.data[i * m.cols + j];

export interface DiagramNode {
  id: string;
  /** 0 for the inputs, l for layer l. */
  layer: number;
  /** Unit index within the layer (0-based); -1 for the bias node "1". */
  index: number;
  bias: boolean;
  x: number;
  y: number;
}

export interface DiagramEdge {
  id: string;
  /** The layer the weight belongs to (1-based, like W^{[l]}). */
  layer: number;
  /** Row i of W (the input, 0-based) or -1 for the bias; column j (the unit). */
  i: number;
  j: number;
  bias: boolean;
  source: DiagramNode;
  target: DiagramNode;
}

/** Positions for the nodes and edges of a network with the given layer sizes, inside width × height. */
export function networkLayout(
  sizes: readonly number[],
  {
    width,
    height,
    bias = true,
    padX = 40,
    padY = 28
  }: {width: number; height: number; bias?: boolean; padX?: number; padY?: number}
): {nodes: DiagramNode[]; edges: DiagramEdge[]; radius: number} {
  const columns = sizes.length;
  const counts = sizes.map((n, l) => n + (bias && l < columns - 1 ? 1 : 0));
  const tallest = Math.max(...counts);
  const spacing = (height - 2 * padY) / Math.max(1, tallest - 1);
  const colSpacing = (width - 2 * padX) / Math.max(1, columns - 1);
  const radius = Math.max(9, Math.min(20, spacing * 0.36, colSpacing * 0.18));
  const nodes: DiagramNode[] = [];
  const byLayer: DiagramNode[][] = [];
  sizes.forEach((n, l) => {
    const count = counts[l];
    const x = columns === 1 ? width / 2 : padX + l * colSpacing;
    const top = height / 2 - ((count - 1) * spacing) / 2;
    const column: DiagramNode[] = [];
    let row = 0;
    if (bias && l < columns - 1)
      column.push({id: `b${l}`, layer: l, index: -1, bias: true, x, y: top + spacing * row++});
    for (let k = 0; k < n; k++)
      column.push({id: `n${l}-${k}`, layer: l, index: k, bias: false, x, y: top + spacing * row++});
    byLayer.push(column);
    nodes.push(...column);
  });
  const edges: DiagramEdge[] = [];
  for (let l = 1; l < columns; l++) {
    for (const source of byLayer[l - 1]) {
      for (const target of byLayer[l]) {
        if (target.bias) continue;
        edges.push({
          id: `e${l}-${source.bias ? "b" : source.index}-${target.index}`,
          layer: l,
          i: source.index,
          j: target.index,
          bias: source.bias,
          source,
          target
        });
      }
    }
  }
  return {nodes, edges, radius};
}

/** The weight (or bias) an edge carries. */
export function edgeWeight(net: NetworkLike, e: DiagramEdge): number {
  const layer = net.layers[e.layer - 1];
  return e.bias ? entry(layer.b, 0, e.j) : entry(layer.W, e.i, e.j);
}

/**
 * Positions for edge labels that overlap neither each other nor the nodes: each label tries a few points along its
 * edge and takes the first free one; labels with no free point are left out (the readout still names every edge).
 */
export function placeLabels(
  edges: readonly DiagramEdge[],
  nodes: readonly DiagramNode[],
  radius: number,
  width: (e: DiagramEdge) => number,
  height = 13
): Map<string, {x: number; y: number}> {
  const placed: {x0: number; y0: number; x1: number; y1: number}[] = [];
  const out = new Map<string, {x: number; y: number}>();
  const hitsNode = (x: number, y: number, w: number) =>
    nodes.some((n) => Math.abs(n.x - x) < w / 2 + radius + 2 && Math.abs(n.y - y) < height / 2 + radius + 2);
  for (const e of edges) {
    const w = width(e);
    for (const t of [0.3, 0.45, 0.6, 0.22, 0.7, 0.38, 0.52]) {
      const x = e.source.x + (e.target.x - e.source.x) * t;
      const y = e.source.y + (e.target.y - e.source.y) * t;
      const box = {x0: x - w / 2 - 2, y0: y - height / 2 - 1, x1: x + w / 2 + 2, y1: y + height / 2 + 1};
      if (hitsNode(x, y, w)) continue;
      if (placed.some((p) => p.x0 < box.x1 && box.x0 < p.x1 && p.y0 < box.y1 && box.y0 < p.y1)) continue;
      placed.push(box);
      out.set(e.id, {x, y});
      break;
    }
  }
  return out;
}
