// Greyscale images of digits as plain data, and the preprocessing MNIST applied to every scanned digit, so that a
// digit drawn in the page looks like the ones the network learned from:
//
//   1. crop to the ink          the smallest rectangle holding every inked pixel
//   2. scale into a 20×20 box   the longer side becomes 20 pixels, the shape is kept, each new pixel averages the
//                               area of the old ones it covers (the grey edges MNIST's digits have)
//   3. centre by mass           place it in 28×28 so that its centre of mass (the ink-weighted mean position) lands
//                               on the centre of the image
//
// Pure functions, no DOM: the drawing pad, the page and the unit tests share them.

/** A greyscale image: `data` holds width × height values row by row, 0 for paper and 1 for full ink. */
export interface InkImage {
  width: number;
  height: number;
  data: Float64Array;
}

/** A blank image (all paper). */
export function blankImage(width: number, height: number): InkImage {
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) {
    throw new Error(`blankImage: width and height must be whole numbers ≥ 1, got ${width} × ${height}`);
  }
  return {width, height, data: new Float64Array(width * height)};
}

/** A square image from `side × side` values (a row of X, for example). */
export function squareImage(values: ArrayLike<number>, side = 28): InkImage {
  if (values.length !== side * side) {
    throw new Error(`squareImage: ${values.length} values do not make a ${side} × ${side} image (${side * side})`);
  }
  return {width: side, height: side, data: Float64Array.from(values)};
}

/** The smallest rectangle holding every pixel with ink (value > 0), or null for a blank image. */
export function inkBounds(image: InkImage): {left: number; top: number; right: number; bottom: number} | null {
  const {width, height, data} = image;
  let [left, top, right, bottom] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[y * width + x] <= 0) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  return right < 0 ? null : {left, top, right, bottom};
}

/** Step 1: the image cut down to its ink (null when there is no ink at all). */
export function cropToInk(image: InkImage): InkImage | null {
  const box = inkBounds(image);
  if (!box) return null;
  const out = blankImage(box.right - box.left + 1, box.bottom - box.top + 1);
  for (let y = 0; y < out.height; y++) {
    for (let x = 0; x < out.width; x++) {
      out.data[y * out.width + x] = image.data[(box.top + y) * image.width + box.left + x];
    }
  }
  return out;
}

/**
 * Step 2: the image scaled so that its longer side is `box` pixels, keeping its shape. Each new pixel is the
 * average of the old image over the area it covers, counting partly covered old pixels by the part covered.
 */
export function scaleInto(image: InkImage, box = 20): InkImage {
  const factor = box / Math.max(image.width, image.height);
  const out = blankImage(Math.max(1, Math.round(image.width * factor)), Math.max(1, Math.round(image.height * factor)));
  const sx = image.width / out.width; // old pixels per new pixel, across
  const sy = image.height / out.height; // and down
  for (let oy = 0; oy < out.height; oy++) {
    const [y0, y1] = [oy * sy, (oy + 1) * sy];
    for (let ox = 0; ox < out.width; ox++) {
      const [x0, x1] = [ox * sx, (ox + 1) * sx];
      let sum = 0;
      // (the last edge, (width) · sx, may round to a hair past the image: stop at its border)
      for (let y = Math.floor(y0); y < Math.min(image.height, Math.ceil(y1)); y++) {
        const dy = Math.min(y1, y + 1) - Math.max(y0, y); // how much of old row y this pixel covers
        for (let x = Math.floor(x0); x < Math.min(image.width, Math.ceil(x1)); x++) {
          const dx = Math.min(x1, x + 1) - Math.max(x0, x);
          sum += dx * dy * image.data[y * image.width + x];
        }
      }
      out.data[oy * out.width + ox] = sum / (sx * sy);
    }
  }
  return out;
}

/** The centre of mass of the ink, in pixel indices (x across, y down); null for a blank image. */
export function centreOfMass(image: InkImage): {x: number; y: number} | null {
  let [mass, sx, sy] = [0, 0, 0];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const v = image.data[y * image.width + x];
      mass += v;
      sx += v * x;
      sy += v * y;
    }
  }
  return mass > 0 ? {x: sx / mass, y: sy / mass} : null;
}

/**
 * Step 3: the image placed in a `side × side` frame so that its centre of mass lands on the frame's centre,
 * (side − 1) / 2 in pixel indices, to the nearest whole pixel. The shift is limited so that no ink falls off.
 */
export function centreByMass(image: InkImage, side = 28): InkImage {
  if (image.width > side || image.height > side) {
    throw new Error(`centreByMass: a ${image.width} × ${image.height} image does not fit in ${side} × ${side}`);
  }
  const centre = centreOfMass(image) ?? {x: (image.width - 1) / 2, y: (image.height - 1) / 2};
  const middle = (side - 1) / 2;
  const clamp = (v: number, most: number) => Math.min(most, Math.max(0, v));
  const left = clamp(Math.round(middle - centre.x), side - image.width);
  const top = clamp(Math.round(middle - centre.y), side - image.height);
  const out = blankImage(side, side);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) out.data[(top + y) * side + left + x] = image.data[y * image.width + x];
  }
  return out;
}

/** The three steps in order, with every stage kept for display; null stages for a blank image. */
export function preprocessDigit(image: InkImage): {cropped: InkImage; scaled: InkImage; centred: InkImage} | null {
  const cropped = cropToInk(image);
  if (!cropped) return null;
  const scaled = scaleInto(cropped, 20);
  return {cropped, scaled, centred: centreByMass(scaled, 28)};
}

/**
 * Ink along a pen stroke from `from` to `to` (x, y in pixels): a round pen of `radius` pixels, with soft edges one
 * pixel wide, as a pen on a scanner would leave. Ink only ever grows (a pixel keeps the darkest stroke over it).
 */
export function stampLine(
  image: InkImage,
  from: {x: number; y: number},
  to: {x: number; y: number},
  radius: number
): void {
  const {width, height, data} = image;
  const reach = radius + 1;
  const x0 = Math.max(0, Math.floor(Math.min(from.x, to.x) - reach));
  const x1 = Math.min(width - 1, Math.ceil(Math.max(from.x, to.x) + reach));
  const y0 = Math.max(0, Math.floor(Math.min(from.y, to.y) - reach));
  const y1 = Math.min(height - 1, Math.ceil(Math.max(from.y, to.y) + reach));
  const [dx, dy] = [to.x - from.x, to.y - from.y];
  const length2 = dx * dx + dy * dy;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      // distance from the pixel's centre to the nearest point of the segment
      const [px, py] = [x + 0.5 - from.x, y + 0.5 - from.y];
      const t = length2 > 0 ? Math.min(1, Math.max(0, (px * dx + py * dy) / length2)) : 0;
      const distance = Math.hypot(px - t * dx, py - t * dy);
      const ink = Math.min(1, Math.max(0, radius + 0.5 - distance));
      if (ink > data[y * width + x]) data[y * width + x] = ink;
    }
  }
}
