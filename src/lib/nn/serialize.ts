// Keeping a trained network: everything it learned is its W and b, so saving it means writing those numbers down,
// with the layer sizes and activations needed to rebuild it. The format is plain JSON a person can read:
//
//   {"format": "nn-course/network", "version": 1, "inputs": 784,
//    "layers": [{"units": 64, "activation": "relu", "W": [[…64 numbers…], …784 rows…], "b": […64 numbers…]}, …]}
//
// W keeps the library's layout, one row per input and one column per unit. JSON writes each 64-bit number with as
// many digits as it takes to read back the very same number, so a loaded network gives exactly the same outputs.
// A file that is not a saved network is refused with a message that says what is missing, never half-loaded.

import {type ActivationName, activationNames} from "./activations.js";
import {Matrix} from "./matrix.js";
import {Layer, Network} from "./network.js";

/** The "format" field that marks a saved network. */
export const NETWORK_FORMAT = "nn-course/network";

/** One layer as saved: its size, activation, weights (rows = inputs) and bias. */
export interface LayerJSON {
  units: number;
  activation: ActivationName;
  W: number[][];
  b: number[];
}

/** A saved network, as networkToJSON writes it. */
export interface NetworkJSON {
  format: typeof NETWORK_FORMAT;
  version: 1;
  inputs: number;
  layers: LayerJSON[];
}

/** The network as plain data; JSON.stringify turns it into the text of a file. */
export function networkToJSON(net: Network): NetworkJSON {
  return {
    format: NETWORK_FORMAT,
    version: 1,
    inputs: net.inputs,
    layers: net.layers.map((layer) => ({
      units: layer.units,
      activation: layer.activation,
      W: layer.W.toArray(),
      b: Array.from(layer.b.data)
    }))
  };
}

/** A network rebuilt from networkToJSON's data, or from the text of a saved file. Throws on anything else. */
export function networkFromJSON(saved: unknown): Network {
  const where = "networkFromJSON";
  let data = saved;
  if (typeof saved === "string") {
    try {
      data = JSON.parse(saved);
    } catch (error) {
      throw new Error(`${where}: this file is not a saved network: it is not even JSON (${(error as Error).message})`);
    }
  }
  const json = data as Partial<NetworkJSON> | null;
  if (typeof json !== "object" || json === null || json.format !== NETWORK_FORMAT) {
    throw new Error(`${where}: this is not a saved network: it has no "format": "${NETWORK_FORMAT}" field`);
  }
  if (json.version !== 1) throw new Error(`${where}: unknown version ${json.version}; this library reads version 1`);
  if (!Array.isArray(json.layers) || json.layers.length === 0) {
    throw new Error(`${where}: the saved network has no layers`);
  }
  let inputs = json.inputs as number;
  const layers = json.layers.map((layer, l) => {
    const name = `${where}: layer ${l}`;
    if (!activationNames.includes(layer?.activation)) {
      throw new Error(`${name} has the unknown activation ${JSON.stringify(layer?.activation)}`);
    }
    const W = numbers(`${name} W`, layer.W, inputs, layer.units);
    const b = numbers(`${name} b`, [layer.b], 1, layer.units);
    inputs = layer.units; // the next layer's inputs
    return new Layer(W, b, layer.activation);
  });
  return new Network(json.inputs as number, layers);
}

// A rows × cols matrix from nested lists, after checking the shape and that every entry is a finite number.
function numbers(name: string, rows: unknown, height: unknown, width: unknown): Matrix {
  if (!Number.isInteger(height) || !Number.isInteger(width) || (height as number) < 1 || (width as number) < 1) {
    throw new Error(`${name}: the saved sizes (${height} inputs, ${width} units) are not whole numbers ≥ 1`);
  }
  const ok = Array.isArray(rows) && rows.length === height && rows.every((r) => Array.isArray(r) && r.length === width);
  if (!ok) throw new Error(`${name} should be ${height}×${width}, one row per input and one column per unit`);
  const M = Matrix.from(rows as number[][]);
  const bad = M.data.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0)
    throw new Error(`${name} holds ${M.data[bad]} at entry ${bad}; a saved network has finite numbers only`);
  return M;
}
