// Pure parts of the decision map: the grid of inputs it evaluates, turning model outputs into colours,
// labels from targets, and the padded domain around a data set.
import {classColor, probabilityColor, type RGB} from "./palette.js";
import type {MatrixLike} from "./validate.js";

/** Row-major res × res grid of (x0, x1) cell centres; row 0 is the TOP of the picture (largest x1). */
export function gridInputs(domain: [[number, number], [number, number]], res: number): Float64Array {
  const [[a0, b0], [a1, b1]] = domain;
  const out = new Float64Array(res * res * 2);
  for (let r = 0; r < res; r++) {
    const x1 = b1 - ((b1 - a1) * (r + 0.5)) / res;
    for (let c = 0; c < res; c++) {
      const k = (r * res + c) * 2;
      out[k] = a0 + ((b0 - a0) * (c + 0.5)) / res;
      out[k + 1] = x1;
    }
  }
  return out;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

// A diverging map paints thousands of cells per frame while a network trains. Rather than mix a colour for each
// cell, it looks the colour up in a ramp of RAMP_STEPS + 1 colours, computed once per palette: p = 0, 0.5 and 1 fall
// exactly on a step, and neighbouring steps differ by less than one unit of 255.
const RAMP_STEPS = 510;
const ramps = new Map<string, Uint8ClampedArray>();

/** The ramp of `probabilityColor` from p = 0 to p = 1, as RGB triples (cached by palette). */
function rampOf(negative: RGB, neutral: RGB, positive: RGB, strength: number): Uint8ClampedArray {
  const key = `${negative}|${neutral}|${positive}|${strength}`;
  let ramp = ramps.get(key);
  if (!ramp) {
    ramp = new Uint8ClampedArray((RAMP_STEPS + 1) * 3);
    for (let i = 0; i <= RAMP_STEPS; i++)
      ramp.set(probabilityColor(i / RAMP_STEPS, negative, neutral, positive, strength), i * 3);
    if (ramps.size > 16) ramps.clear(); // palettes change only with the theme
    ramps.set(key, ramp);
  }
  return ramp;
}

/** Writes the ramp's colour for probability p (NaN counts as 0.5, as in probabilityColor) into pixel k. */
function paintRamp(pixels: Uint8ClampedArray, k: number, ramp: Uint8ClampedArray, p: number): void {
  const q = Number.isNaN(p) ? 0.5 : Math.min(1, Math.max(0, p));
  const i = Math.round(q * RAMP_STEPS) * 3;
  pixels[k * 4] = ramp[i];
  pixels[k * 4 + 1] = ramp[i + 1];
  pixels[k * 4 + 2] = ramp[i + 2];
  pixels[k * 4 + 3] = 255;
}

/**
 * Fills `pixels` (RGBA, one pixel per grid cell) from model outputs: one column → probability of class 1
 * (diverging map), k columns → the winning class's colour by confidence. `logits` applies sigmoid / softmax first.
 */
export function paintOutputs(
  output: MatrixLike,
  pixels: Uint8ClampedArray,
  colors: {negative: RGB; positive: RGB; neutral: RGB; classes: readonly RGB[]},
  logits = false
): void {
  const {rows, cols, data} = output;
  if (cols === 1) {
    const ramp = rampOf(colors.negative, colors.neutral, colors.positive, 0.7);
    for (let r = 0; r < rows; r++) paintRamp(pixels, r, ramp, logits ? sigmoid(data[r]) : data[r]);
    return;
  }
  const probs = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    let max = -Infinity;
    for (let j = 0; j < cols; j++) max = Math.max(max, data[r * cols + j]);
    let sum = 0;
    for (let j = 0; j < cols; j++) {
      const v = logits ? Math.exp(data[r * cols + j] - max) : data[r * cols + j];
      probs[j] = v;
      sum += v;
    }
    if (sum > 0) for (let j = 0; j < cols; j++) probs[j] /= sum;
    const rgb = classColor(probs, colors.classes, colors.neutral, 0.7);
    const k = r * 4;
    pixels[k] = rgb[0];
    pixels[k + 1] = rgb[1];
    pixels[k + 2] = rgb[2];
    pixels[k + 3] = 255;
  }
}

/**
 * Fills `pixels` from one hidden unit's outputs (column `unit`), scaled by the largest |value − centre| (centre →
 * neutral), or by `scale` when given (a probability: centre 0.5, scale 0.5). With `stride` 2 on a res × res grid it
 * reads every other row and column: a (res/2)² thumbnail.
 */
export function paintUnit(
  A: MatrixLike,
  unit: number,
  pixels: Uint8ClampedArray,
  colors: {negative: RGB; positive: RGB; neutral: RGB},
  centre = 0,
  stride = 1,
  scale?: number
): void {
  const res = Math.round(Math.sqrt(A.rows));
  const side = Math.floor(res / stride);
  const at = (k: number) => {
    const r = Math.floor(k / side) * stride;
    const c = (k % side) * stride;
    return A.data[(stride === 1 ? k : r * res + c) * A.cols + unit] - centre;
  };
  const n = stride === 1 ? A.rows : side * side;
  let maxAbs = scale ?? 0;
  if (scale === undefined) for (let k = 0; k < n; k++) maxAbs = Math.max(maxAbs, Math.abs(at(k)));
  const ramp = rampOf(colors.negative, colors.neutral, colors.positive, 0.85);
  for (let k = 0; k < n; k++) paintRamp(pixels, k, ramp, maxAbs > 0 ? (at(k) / maxAbs + 1) / 2 : 0.5);
}

/** For each of `inner` device pixels along a tile's side, the cell of a side × side image it shows (the nearest). */
export function nearestCells(side: number, inner: number): Int32Array {
  return Int32Array.from({length: inner}, (_, u) => Math.min(side - 1, Math.floor(((u + 0.5) * side) / inner)));
}

/**
 * Scales a side × side image up to inner × inner pixels, each showing its nearest cell: a tile ready for putImageData,
 * with no smoothing or compositing for the browser to do. Pixels are RGBA words (a Uint32Array over the ImageData).
 */
export function scaleNearest(
  from: Uint32Array,
  side: number,
  to: Uint32Array,
  inner: number,
  nearest: Int32Array
): void {
  for (let v = 0; v < inner; v++) {
    const row = nearest[v] * side;
    for (let u = 0; u < inner; u++) to[v * inner + u] = from[row + nearest[u]];
  }
}

/** Class labels from targets: number[] of labels, a 1-column 0/1 matrix, or a one-hot matrix. */
export function labelsOf(y: readonly number[] | MatrixLike, n: number): number[] {
  let labels: number[];
  if (Array.isArray(y)) labels = y.map(Number);
  else {
    const m = y as MatrixLike;
    labels = [];
    for (let r = 0; r < m.rows; r++) {
      if (m.cols === 1) labels.push(Math.round(m.data[r]));
      else {
        let best = 0;
        for (let j = 1; j < m.cols; j++) if (m.data[r * m.cols + j] > m.data[r * m.cols + best]) best = j;
        labels.push(best);
      }
    }
  }
  if (labels.length !== n)
    throw new Error(`decisionMap: ${n} samples but ${labels.length} labels; give one label per row of X.`);
  labels.forEach((v, i) => {
    if (!Number.isInteger(v) || v < 0)
      throw new Error(`decisionMap: label ${i} is ${v}; labels must be class numbers 0, 1, 2, …`);
  });
  return labels;
}

/** The data's bounding box padded by 10 % on each side (or [-1, 1] for an empty set). */
export function paddedDomain(points: readonly (readonly [number, number])[]): [[number, number], [number, number]] {
  if (points.length === 0)
    return [
      [-1, 1],
      [-1, 1]
    ];
  const d: [[number, number], [number, number]] = [0, 1].map((k) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of points) {
      lo = Math.min(lo, p[k]);
      hi = Math.max(hi, p[k]);
    }
    const pad = hi > lo ? (hi - lo) * 0.1 : 1;
    return [lo - pad, hi + pad];
  }) as [[number, number], [number, number]];
  return d;
}
