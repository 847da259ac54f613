// The pure parts of the capstone's components: MNIST's preprocessing (crop, scale into 20 × 20, centre by mass), the
// pen of the drawing pad, pixel colours, the confusion matrix's shading and text, probability bars' text, the
// receptive fields of the ECG example, and the download's helpers.
import {gzipSync} from "node:zlib";
import {describe, expect, it} from "vitest";
import {confusionShade, describeConfusion, topConfusions} from "../../../src/components/confusionView.js";
import {asGridImage, largestMagnitude, pixelColor} from "../../../src/components/digitGrid.js";
import {
  blankImage,
  centreByMass,
  centreOfMass,
  cropToInk,
  type InkImage,
  inkBounds,
  preprocessDigit,
  scaleInto,
  squareImage,
  stampLine
} from "../../../src/components/digitImages.js";
import {formatSize, inflate, isGzip} from "../../../src/components/download.js";
import {movePen} from "../../../src/components/drawingPad.js";
import {describeProbabilities, wholePercent} from "../../../src/components/probabilityBars.js";
import {receptiveFieldsOf} from "../../../src/components/receptiveFields.js";

/** An image from rows of numbers, and back. */
const image = (rows: number[][]): InkImage => ({
  width: rows[0].length,
  height: rows.length,
  data: Float64Array.from(rows.flat())
});
const rows = (im: InkImage): number[][] =>
  Array.from({length: im.height}, (_, y) => Array.from(im.data.subarray(y * im.width, (y + 1) * im.width)));

describe("MNIST's preprocessing", () => {
  const L = image([
    [0, 0, 0, 0, 0],
    [0, 1, 0, 0, 0],
    [0, 1, 0, 0, 0],
    [0, 1, 1, 1, 0],
    [0, 0, 0, 0, 0]
  ]);

  it("crops to the ink, and finds no ink in a blank image", () => {
    expect(inkBounds(L)).toEqual({left: 1, top: 1, right: 3, bottom: 3});
    expect(rows(cropToInk(L) as InkImage)).toEqual([
      [1, 0, 0],
      [1, 0, 0],
      [1, 1, 1]
    ]);
    expect(cropToInk(blankImage(4, 4))).toBeNull();
    expect(preprocessDigit(blankImage(4, 4))).toBeNull();
  });

  it("scales the longer side to the box, keeps the shape, and averages the area each new pixel covers", () => {
    const tall = scaleInto(image([[1], [1], [0], [0]]), 2); // 1 × 4 → 1 × 2 (0.5 rounds to 1 pixel wide)
    expect([tall.width, tall.height]).toEqual([1, 2]);
    expect(Array.from(tall.data)).toEqual([1, 0]);
    const half = scaleInto(image([[1, 0, 1]]), 2); // 3 wide → 2 wide: each new pixel covers 1.5 old ones
    expect(Array.from(half.data)).toEqual([2 / 3, 2 / 3]);
    // 84 rows into 20: the last new row's edge, 20 · 4.2, is 84.00000000000001 in floats; no pixel past the image is read
    const ink = scaleInto({width: 58, height: 84, data: new Float64Array(58 * 84).fill(1)}, 20);
    expect([ink.width, ink.height]).toEqual([14, 20]);
    expect(ink.data.every((v) => Math.abs(v - 1) < 1e-12)).toBe(true);
    const up = scaleInto(image([[0.5]]), 20);
    expect([up.width, up.height]).toEqual([20, 20]);
    expect(up.data.every((v) => Math.abs(v - 0.5) < 1e-12)).toBe(true);
    // averaging keeps the total ink in proportion to the area
    const big = scaleInto(
      squareImage(
        Array.from({length: 40 * 40}, (_, k) => (k % 3) / 2),
        40
      ),
      20
    );
    const mean = (im: InkImage) => im.data.reduce((s, v) => s + v, 0) / im.data.length;
    expect(mean(big)).toBeCloseTo(
      mean(
        squareImage(
          Array.from({length: 1600}, (_, k) => (k % 3) / 2),
          40
        )
      ),
      12
    );
  });

  it("centres by mass: the ink-weighted mean position lands on the middle, without pushing ink off the edge", () => {
    const cropped = cropToInk(L) as InkImage;
    expect(centreOfMass(cropped)).toEqual({x: 0.6, y: 1.4});
    // the middle of 5 × 5 is 2: column Math.round(2 − 0.6) = 1, row Math.round(2 − 1.4) = 1
    expect(rows(centreByMass(cropped, 5))).toEqual(rows(L));
    // ink in one corner asks for a shift of Math.round(1.5 − 0) = 2, which would push the 3 × 3 image out of a
    // 4 × 4 frame: the shift stops at 1
    const corner = image([
      [1, 0, 0],
      [0, 0, 0],
      [0, 0, 0]
    ]);
    expect(rows(centreByMass(corner, 4))).toEqual([
      [0, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0]
    ]);
  });

  it("runs the three steps on a drawn stroke: 20 pixels on the longer side, centred in 28 × 28", () => {
    const pad = blankImage(112, 112);
    stampLine(pad, {x: 30, y: 20}, {x: 40, y: 90}, 4.5);
    const stages = preprocessDigit(pad);
    if (!stages) throw new Error("no ink");
    expect(Math.max(stages.scaled.width, stages.scaled.height)).toBe(20);
    expect([stages.centred.width, stages.centred.height]).toEqual([28, 28]);
    const centre = centreOfMass(stages.centred);
    expect(Math.abs((centre?.x ?? 0) - 13.5)).toBeLessThanOrEqual(0.5);
    expect(Math.abs((centre?.y ?? 0) - 13.5)).toBeLessThanOrEqual(0.5);
    expect(() => centreByMass(blankImage(30, 2), 28)).toThrow(/30 × 2 image does not fit in 28 × 28/);
    expect(() => squareImage([1, 2, 3], 2)).toThrow(/3 values do not make a 2 × 2 image/);
  });
});

describe("the drawing pad's pen", () => {
  it("inks a round stroke with soft edges, and never lightens a pixel", () => {
    const im = blankImage(20, 20);
    stampLine(im, {x: 5, y: 10.2}, {x: 15, y: 10.2}, 2);
    expect(im.data[10 * 20 + 10]).toBe(1); // on the stroke
    expect(im.data[2 * 20 + 10]).toBe(0); // far from it
    expect(im.data[12 * 20 + 10]).toBeCloseTo(0.2, 12); // its centre is 2.3 from the line: the soft edge
    expect(im.data[11 * 20 + 10]).toBe(1);
    stampLine(im, {x: 10, y: 3}, {x: 10, y: 3}, 0.2); // a light dot elsewhere leaves the stroke as it was
    expect(im.data[10 * 20 + 10]).toBe(1);
  });

  it("moves the keyboard pen by a step, inside the pad", () => {
    expect(movePen({x: 10, y: 10}, "ArrowLeft", 4, 112)).toEqual({x: 6, y: 10});
    expect(movePen({x: 2, y: 10}, "ArrowLeft", 4, 112)).toEqual({x: 0.5, y: 10});
    expect(movePen({x: 10, y: 110}, "ArrowDown", 4, 112)).toEqual({x: 10, y: 111.5});
    expect(movePen({x: 10, y: 10}, "a", 4, 112)).toBeNull();
  });
});

describe("digit grid", () => {
  const colors = {
    background: [255, 255, 255],
    foreground: [0, 0, 0],
    positive: [0, 0, 255],
    negative: [255, 0, 0]
  } as const;

  it("colours ink from the background to the foreground, and weights orange–background–blue", () => {
    expect(pixelColor(0, colors, false)).toEqual([255, 255, 255]);
    expect(pixelColor(1, colors, false)).toEqual([0, 0, 0]);
    expect(pixelColor(0.5, colors, false)).toEqual([127.5, 127.5, 127.5]);
    expect(pixelColor(2, colors, true, 2)).toEqual([0, 0, 255]);
    expect(pixelColor(-1, colors, true, 2)).toEqual([255, 127.5, 127.5]);
    expect(pixelColor(Number.NaN, colors, true, 2)).toEqual([255, 255, 255]);
    expect(largestMagnitude([0.1, -0.4, 0.3])).toBe(0.4);
    expect(largestMagnitude([0, 0])).toBe(1);
  });

  it("takes square lists or images of any shape, and names a wrong size", () => {
    expect(asGridImage(new Array(784).fill(0), 28, 0)).toMatchObject({width: 28, height: 28});
    expect(asGridImage({width: 3, height: 2, data: [1, 2, 3, 4, 5, 6]}, 28, 0)).toMatchObject({width: 3, height: 2});
    expect(() => asGridImage([1, 2, 3], 28, 4)).toThrow(/image 4 has 3 values, but a 28 × 28 image has 784/);
    expect(() => asGridImage({width: 3, height: 2, data: [1]}, 28, 1)).toThrow(/image 1 is 3 × 2 but has 1 values/);
  });
});

describe("confusion view", () => {
  const counts = [
    [50, 0, 2],
    [1, 40, 0],
    [6, 0, 30]
  ];

  it("shades by the share of the row: blue diagonal, orange mistakes, nothing for 0", () => {
    expect(confusionShade(0, 52, false)).toBe("transparent");
    const weakened = (colour: string) => `color-mix(in srgb, ${colour} var(--nn-shade, 100%), transparent)`;
    expect(confusionShade(52, 52, true)).toBe(weakened("color-mix(in srgb, var(--nn-pos) 55%, transparent)"));
    expect(confusionShade(13, 52, false)).toBe(weakened("color-mix(in srgb, var(--nn-neg) 40%, transparent)"));
  });

  it("lists the most frequent mistakes and describes the table in one sentence", () => {
    expect(topConfusions(counts, 2)).toEqual([
      {trueClass: 2, predicted: 0, count: 6},
      {trueClass: 0, predicted: 2, count: 2}
    ]);
    expect(describeConfusion(counts, ["a", "b", "c"])).toBe(
      "120 of 129 right; most frequent mistakes: c read as a (6), a read as c (2), b read as a (1)."
    );
    expect(
      describeConfusion(
        [
          [3, 0],
          [0, 4]
        ],
        ["x", "y"]
      )
    ).toBe("7 of 7 right.");
  });
});

describe("probability bars", () => {
  it("prints whole percentages and lists the classes from the most probable down to 1 %", () => {
    expect([0.004, 0.005, 0.5, 1].map(wholePercent)).toEqual(["<1 %", "1 %", "50 %", "100 %"]);
    expect(describeProbabilities([0.05, 0.9, 0.045, 0.005], ["0", "1", "2", "3"])).toBe(
      "Probabilities, largest first: 1 90 %, 0 5 %, 2 5 %; the other 1 below 1 %."
    );
    expect(describeProbabilities(null, ["0"])).toBe("Probabilities: none yet.");
  });
});

describe("receptive fields", () => {
  it("gives the ECG example's windows: 9 units over slices 1–20, 11–30, …; 3 units that see 60 slices each", () => {
    const [first, second] = receptiveFieldsOf(100, [
      {window: 20, stride: 10},
      {window: 5, stride: 2}
    ]);
    expect(first).toHaveLength(9);
    expect(first.map((f) => [f.from, f.to])).toEqual(Array.from({length: 9}, (_, t) => [10 * t, 10 * t + 19]));
    expect(second.map((f) => [f.from, f.to, f.inputFrom, f.inputTo])).toEqual([
      [0, 4, 0, 59],
      [2, 6, 20, 79],
      [4, 8, 40, 99]
    ]);
    expect(() => receptiveFieldsOf(10, [{window: 20, stride: 1}])).toThrow(
      /window of 20 is wider than the 10 units below/
    );
    expect(() => receptiveFieldsOf(10, [{window: 2, stride: 0}])).toThrow(/whole window and stride ≥ 1/);
  });
});

describe("download", () => {
  it("formats sizes, recognises gzip and inflates it, passing other bytes through", async () => {
    expect(formatSize(1_616_326)).toBe("1.6 MB");
    expect(formatSize(2_400)).toBe("2 kB");
    const bytes = new TextEncoder().encode("MNST and some digits");
    const packed = new Uint8Array(gzipSync(bytes));
    expect(isGzip(packed)).toBe(true);
    expect(isGzip(bytes)).toBe(false);
    expect(new TextDecoder().decode(await inflate(packed))).toBe("MNST and some digits");
    expect(await inflate(bytes)).toBe(bytes);
  });
});
