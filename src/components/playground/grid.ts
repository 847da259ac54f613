// The grid of points the Playground's maps are painted from: res × res cells over the domain, their features, and
// one forward pass of the network over all of them, which gives the output map and every neuron's map at once. The
// buffers are made once per grid and network shape, so a redraw while training allocates nothing.
import {forward, Matrix, type Network, Workspace} from "../../lib/nn/index.js";
import {gridInputs} from "../decisionGrid.js";
import type {Domain} from "./data.js";
import {type FeatureId, featureMatrix} from "./features.js";
import {sameArchitecture} from "./session.js";

export class Grid {
  readonly res: number;
  readonly domain: Domain;
  readonly features: readonly FeatureId[];
  /** Cell centres (x₁, x₂), row-major, row 0 at the top of the picture. */
  readonly points: Matrix;
  /** Their features: one column per feature, the values the input nodes' maps show. */
  readonly F: Matrix;
  private workspace: {net: Network; ws: Workspace} | null = null;

  constructor(domain: Domain, res: number, features: readonly FeatureId[]) {
    this.res = res;
    this.domain = domain;
    this.features = [...features];
    this.points = new Matrix(res * res, 2, gridInputs(domain, res));
    this.F = featureMatrix(this.points, features);
  }

  /** Whether this grid serves these settings (otherwise make a new one). */
  fits(domain: Domain, res: number, features: readonly FeatureId[]): boolean {
    return (
      res === this.res &&
      domain.flat().every((v, i) => v === this.domain.flat()[i]) &&
      features.length === this.features.length &&
      features.every((f, i) => f === this.features[i])
    );
  }

  /** The network on every cell: A of every layer, the output layer last. */
  pass(net: Network): Matrix[] {
    if (!this.workspace || !sameArchitecture(this.workspace.net, net)) {
      this.workspace = {net, ws: new Workspace(net, this.F.rows)};
    }
    forward(net, this.F, this.workspace.ws);
    return this.workspace.ws.A;
  }
}

/** Where a map is lowest and highest: the text alternative of a node's picture. */
export interface Extremes {
  low: {value: number; x1: number; x2: number};
  high: {value: number; x1: number; x2: number};
}

/** The lowest and highest value of column `column` of `values` (one row per grid cell), and the cells where they are. */
export function extremes(values: Matrix, column: number, points: Matrix): Extremes {
  let lo = 0;
  let hi = 0;
  for (let k = 1; k < values.rows; k++) {
    const v = values.data[k * values.cols + column];
    if (v < values.data[lo * values.cols + column]) lo = k;
    if (v > values.data[hi * values.cols + column]) hi = k;
  }
  const at = (k: number) => ({
    value: values.data[k * values.cols + column],
    x1: points.data[2 * k],
    x2: points.data[2 * k + 1]
  });
  return {low: at(lo), high: at(hi)};
}
