import {describe, expect, it} from "vitest";
import {
  classColor,
  contrast,
  mix,
  OKABE_ITO,
  parseColor,
  probabilityColor,
  SERIES,
  SIGN,
  seriesColor,
  textOn
} from "../../../src/components/palette.js";

describe("palette", () => {
  it("parses hex and rgb colours and rejects others", () => {
    expect(parseColor("#0072B2")).toEqual([0, 114, 178]);
    expect(parseColor("#fff")).toEqual([255, 255, 255]);
    expect(parseColor("rgb(1, 2, 3)")).toEqual([1, 2, 3]);
    expect(parseColor("rgba(10 20 30 / 0.5)")).toEqual([10, 20, 30]);
    expect(() => parseColor("blue")).toThrow(/Cannot parse the colour "blue"/);
  });

  it("uses Okabe–Ito colours for the sign of weights, blue positive and orange negative", () => {
    expect(SIGN.light).toEqual({positive: OKABE_ITO.blue, negative: OKABE_ITO.vermillion});
    expect(SIGN.dark.positive).toBe(OKABE_ITO.skyBlue);
  });

  it("series colours stay legible on their theme's background (contrast ≥ 3 : 1 for graphics)", () => {
    const white = parseColor("#ffffff");
    const nearMidnight = parseColor("#161616");
    for (const c of SERIES.light.slice(0, 4)) expect(contrast(parseColor(c), white)).toBeGreaterThanOrEqual(3);
    for (const c of SERIES.dark) expect(contrast(parseColor(c), nearMidnight)).toBeGreaterThanOrEqual(3);
  });

  it("wraps series indices", () => {
    expect(seriesColor(0)).toBe(SERIES.light[0]);
    expect(seriesColor(SERIES.light.length)).toBe(SERIES.light[0]);
    expect(seriesColor(-1, "dark")).toBe(SERIES.dark[SERIES.dark.length - 1]);
  });

  it("maps probabilities onto a diverging scale through the neutral colour", () => {
    const neg = [200, 0, 0] as const;
    const mid = [255, 255, 255] as const;
    const pos = [0, 0, 200] as const;
    expect(probabilityColor(0.5, neg, mid, pos)).toEqual([255, 255, 255]);
    expect(probabilityColor(1, neg, mid, pos, 1)).toEqual([0, 0, 200]);
    expect(probabilityColor(0, neg, mid, pos, 1)).toEqual([200, 0, 0]);
    // Out-of-range and NaN are clamped, not passed through.
    expect(probabilityColor(7, neg, mid, pos, 1)).toEqual([0, 0, 200]);
    expect(probabilityColor(Number.NaN, neg, mid, pos)).toEqual([255, 255, 255]);
    expect(mix([0, 0, 0], [100, 100, 100], 0.25)).toEqual([25, 25, 25]);
  });

  it("colours a multi-class prediction by its winner, faded by confidence", () => {
    const colors = [
      [255, 0, 0],
      [0, 255, 0],
      [0, 0, 255]
    ] as const;
    const bg = [0, 0, 0] as const;
    expect(classColor([0.1, 0.8, 0.1], colors, bg, 1)[1]).toBeGreaterThan(100);
    expect(classColor([1 / 3, 1 / 3, 1 / 3], colors, bg, 1)).toEqual([0, 0, 0]);
    expect(classColor([0, 0, 1], colors, bg, 1)).toEqual([0, 0, 255]);
  });

  it("picks readable text colour", () => {
    expect(textOn([255, 255, 255])).toBe("#000");
    expect(textOn([0, 0, 40])).toBe("#fff");
  });
});
