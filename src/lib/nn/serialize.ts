// Saving a network as JSON and reading it back: the layers in order, each with its units, activation, W and b.
//
//   {"format": "nn-course/network", "version": 1, "inputs": 2,
//    "layers": [{"units": 3, "activation": "tanh", "W": [[…], […]], "b": […]}, …]}
//
// JSON numbers are 64-bit floats like the Float64Array inside a Matrix, and JSON.stringify writes the shortest
// decimal that reads back as the same number, so a saved network comes back bit for bit. NaN and ∞ have no JSON
// form: a network holding them (one that diverged) is refused rather than saved with nulls.

import type {ActivationName} from "./activations.js";
import {shape} from "./check.js";
import {Matrix} from "./matrix.js";
import {Layer, Network} from "./network.js";

/** The value of "format" that marks a saved network. */
export const NETWORK_FORMAT = "nn-course/network";

/** One layer as saved: W has one row per input and one column per unit, b one entry per unit. */
export interface LayerJSON {
  units: number;
  activation: ActivationName;
  W: number[][];
  b: number[];
}

/** A saved network. Other keys (what a page keeps with the model) are allowed and ignored by networkFromJSON. */
export interface NetworkJSON {
  format: typeof NETWORK_FORMAT;
  version: 1;
  inputs: number;
  layers: LayerJSON[];
}

/** The network as a plain object, ready for JSON.stringify. */
export function networkToJSON(net: Network): NetworkJSON {
  return {
    format: NETWORK_FORMAT,
    version: 1,
    inputs: net.inputs,
    layers: net.layers.map((layer, l) => {
      for (const [name, M] of [
        ["W", layer.W],
        ["b", layer.b]
      ] as const) {
        const k = M.data.findIndex((v) => !Number.isFinite(v));
        if (k >= 0) {
          throw new Error(
            `networkToJSON: layer ${l} ${name} holds ${M.data[k]}; a network that diverged cannot be saved (reset it first)`
          );
        }
      }
      return {units: layer.units, activation: layer.activation, W: layer.W.toArray(), b: Array.from(layer.b.data)};
    })
  };
}

/** A network from networkToJSON's object, or from its JSON text; anything else is refused with the reason. */
export function networkFromJSON(json: unknown): Network {
  let value = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new Error(`networkFromJSON: the text is not JSON (${(error as Error).message})`);
    }
  }
  const saved = value as Partial<NetworkJSON> | null;
  if (!saved || typeof saved !== "object" || saved.format !== NETWORK_FORMAT) {
    throw new Error(
      `networkFromJSON: this is not a saved network: it has no "format": "${NETWORK_FORMAT}" (save one with networkToJSON)`
    );
  }
  if (saved.version !== 1)
    throw new Error(`networkFromJSON: version ${saved.version} is unknown; this library reads 1`);
  if (!Array.isArray(saved.layers) || saved.layers.length === 0) {
    throw new Error("networkFromJSON: layers must list at least one layer");
  }
  let inputs = saved.inputs as number;
  const layers = saved.layers.map((layer: Partial<LayerJSON>, l) => {
    const where = `networkFromJSON: layer ${l}`;
    if (!layer || typeof layer !== "object") throw new Error(`${where} is not an object`);
    const units = layer.units as number;
    const W = matrixOf(where, "W", layer.W, inputs, units);
    const b = matrixOf(where, "b", [layer.b as number[]], 1, units);
    const made = new Layer(W, b, layer.activation as ActivationName); // an unknown activation fails here, by name
    inputs = units;
    return made;
  });
  return new Network(saved.inputs as number, layers);
}

// A rows × cols matrix from nested arrays, with a message naming the first thing that is wrong.
function matrixOf(where: string, name: string, rows: unknown, r: number, c: number): Matrix {
  if (!Number.isInteger(r) || r < 1 || !Number.isInteger(c) || c < 1) {
    throw new Error(`${where}: inputs and units must be whole numbers ≥ 1, got ${String(r)} and ${String(c)}`);
  }
  const ok = Array.isArray(rows) && rows.length === r && rows.every((row) => Array.isArray(row) && row.length === c);
  if (!ok) {
    const got = Array.isArray(rows) ? `${rows.length} rows` : typeof rows;
    throw new Error(`${where}: ${name} must be ${shape(r, c)} (one row per input, one column per unit), got ${got}`);
  }
  const M = new Matrix(r, c);
  (rows as unknown[][]).forEach((row, i) => {
    row.forEach((v, j) => {
      if (typeof v !== "number" || !Number.isFinite(v)) {
        throw new Error(`${where}: ${name} holds ${JSON.stringify(v)} at row ${i}, column ${j}; expected a number`);
      }
      M.data[i * c + j] = v;
    });
  });
  return M;
}
