// Data augmentation: new training samples made from the ones we have. A handwritten 7 turned a little, or moved a
// pixel to the left, is still a 7, but to a dense layer, which has one weight per pixel, it is a different input.
// Showing the network every digit slightly moved, turned and resized each time it is drawn into a batch teaches it
// that these changes do not matter, and it can no longer learn the training images by heart.
//
//   train(net, X, y, {…, augment: distortImages()})   // every epoch sees new distortions of the rows of X
//
// The trainer calls the function once per sample, as it copies the sample into a batch, so the work is spread over
// the epoch instead of stalling the page at its start, and X itself is never changed.

import {checkInteger, checkNonNegative} from "./check.js";
import type {Random} from "./random.js";

/** Writes a changed copy of one sample (`sample`, its features) into `out` (same length), drawing on `random`. */
export type Augment = (sample: Float64Array, out: Float64Array, random: Random) => void;

/** How far distortImages may go: each image gets its own random amounts, up to these. */
export interface DistortOptions {
  /** Pixels per side of the square images (default 28). */
  side?: number;
  /** Largest turn, in degrees, either way (default 10). */
  degrees?: number;
  /** Largest change of size, as a fraction (default 0.1: from 90 % to 110 %). */
  scale?: number;
  /** Largest move, in pixels, across and down (default 1). */
  shift?: number;
}

/**
 * Turns, resizes and moves a square image (one row of X) by random amounts about its centre. Each new pixel looks
 * up where it came from in the old image and blends the four pixels around that point (bilinear interpolation);
 * places outside the old image count as paper (0).
 */
export function distortImages({side = 28, degrees = 10, scale = 0.1, shift = 1}: DistortOptions = {}): Augment {
  checkInteger("distortImages", "side", side);
  checkNonNegative("distortImages", "degrees", degrees);
  checkNonNegative("distortImages", "scale", scale);
  checkNonNegative("distortImages", "shift", shift);
  if (scale >= 1) throw new Error(`distortImages: scale must be below 1 (a fraction of the size), got ${scale}`);
  const middle = (side - 1) / 2;
  return (x, out, random) => {
    if (x.length !== side * side || out.length !== x.length) {
      throw new Error(`distortImages: expected ${side}×${side} = ${side * side} pixels, got ${x.length}`);
    }
    const angle = (random.uniform(-degrees, degrees) * Math.PI) / 180;
    const size = random.uniform(1 - scale, 1 + scale);
    const dx = random.uniform(-shift, shift);
    const dy = random.uniform(-shift, shift);
    // The inverse map, from a new pixel (u, v) back to the point (sx, sy) of the old image it shows: undo the move,
    // then the turn and the resizing, about the centre.
    const cos = Math.cos(angle) / size;
    const sin = Math.sin(angle) / size;
    for (let v = 0; v < side; v++) {
      for (let u = 0; u < side; u++) {
        const a = u - middle - dx;
        const b = v - middle - dy;
        const sx = cos * a + sin * b + middle;
        const sy = cos * b - sin * a + middle;
        const x0 = Math.floor(sx);
        const y0 = Math.floor(sy);
        const fx = sx - x0;
        const fy = sy - y0;
        // the four old pixels around (sx, sy), 0 where they fall outside the image
        const left = x0 >= 0 && x0 < side;
        const right = x0 + 1 >= 0 && x0 + 1 < side;
        const up = y0 >= 0 && y0 < side;
        const down = y0 + 1 >= 0 && y0 + 1 < side;
        const k = y0 * side + x0;
        const topLeft = up && left ? x[k] : 0;
        const topRight = up && right ? x[k + 1] : 0;
        const bottomLeft = down && left ? x[k + side] : 0;
        const bottomRight = down && right ? x[k + side + 1] : 0;
        const top = topLeft + fx * (topRight - topLeft);
        const bottom = bottomLeft + fx * (bottomRight - bottomLeft);
        out[v * side + u] = top + fy * (bottom - top);
      }
    }
  };
}
