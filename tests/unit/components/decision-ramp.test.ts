// The decision map's colour ramp: looking colours up gives what probabilityColor computes (stored in a
// Uint8ClampedArray, as a canvas stores it), to within one unit.
import {describe, expect, it} from "vitest";
import {paintOutputs, paintUnit} from "../../../src/components/decisionGrid.js";
import {probabilityColor, type RGB} from "../../../src/components/palette.js";

const negative: RGB = [213, 94, 0];
const neutral: RGB = [255, 255, 255];
const positive: RGB = [0, 114, 178];

describe("decision map colour ramp", () => {
  it("paints every probability within one unit of probabilityColor, and 0, 0.5, 1 exactly", () => {
    const ps = [0, 0.5, 1, ...Array.from({length: 997}, (_, i) => (i + 0.37) / 997), -3, 7, Number.NaN];
    const px = new Uint8ClampedArray(ps.length * 4);
    paintOutputs({rows: ps.length, cols: 1, data: ps}, px, {negative, neutral, positive, classes: []});
    ps.forEach((p, k) => {
      const exact = probabilityColor(p, negative, neutral, positive, 0.7);
      for (let c = 0; c < 3; c++) expect(Math.abs(px[k * 4 + c] - exact[c]), `p = ${p}`).toBeLessThanOrEqual(1);
      expect(px[k * 4 + 3]).toBe(255);
    });
    expect(Array.from(px.slice(4, 7))).toEqual([255, 255, 255]); // p = 0.5 is the background itself
    expect(Array.from(px.slice(0, 3))).toEqual(
      Array.from(Uint8ClampedArray.from(probabilityColor(0, negative, neutral, positive, 0.7)))
    );
  });

  it("paints a hidden unit's values scaled by the largest |value| around the centre", () => {
    const A = {rows: 4, cols: 1, data: [-2, 0, 1, 2]};
    const px = new Uint8ClampedArray(16);
    paintUnit(A, 0, px, {negative, neutral, positive});
    expect(Array.from(px.slice(4, 7))).toEqual([255, 255, 255]); // 0: neutral
    const full = Array.from(Uint8ClampedArray.from(probabilityColor(1, negative, neutral, positive, 0.85)));
    expect(Array.from(px.slice(12, 15))).toEqual(full); // the largest value: full strength
    expect(Array.from(px.slice(0, 3))).toEqual(
      Array.from(Uint8ClampedArray.from(probabilityColor(0, negative, neutral, positive, 0.85)))
    );
  });
});
