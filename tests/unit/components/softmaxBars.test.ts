import {describe, expect, it} from "vitest";
import {describeBars, percent, scoreDomain, snapScore} from "../../../src/components/softmaxBars.js";
import {softmax} from "../../../src/lib/nn/index.js";

describe("softmax bars", () => {
  it("prints percentages with one decimal, and never rounds a small or large share to 0 or 100", () => {
    const p = softmax([0.3, 2.9, 4.0]);
    expect(p.map(percent)).toEqual(["1.8 %", "24.5 %", "73.7 %"]);
    const large = softmax([1010, 1000, 990]);
    expect(percent(large[0])).toBe("99.9955 %");
    expect(percent(large[1])).toBe("0.0045 %");
    expect(percent(large[2])).toBe("2.1e-7 %");
    expect(percent(0)).toBe("0 %");
    expect(percent(1)).toBe("100 %");
    expect(percent(0.5)).toBe("50.0 %");
  });

  it("states every score and probability in its text alternative", () => {
    const z = [0.3, 2.9, 4.0];
    expect(describeBars(z, softmax(z), ["apple", "lemon", "passion fruit"])).toBe(
      "Scores z: apple 0.3, lemon 2.9, passion fruit 4. softmax(z): apple 1.8 %, lemon 24.5 %, passion fruit 73.7 %."
    );
  });

  it("widens the score axis to whole numbers that hold every score, unless a domain is given", () => {
    expect(scoreDomain([0.3, 2.9, 4.0])).toEqual([-5, 5]);
    expect(scoreDomain([-7.5, 12.2])).toEqual([-8, 13]);
    expect(scoreDomain([100], [0, 1])).toEqual([0, 1]);
  });

  it("snaps a dragged score to the step and keeps it on the axis", () => {
    expect(snapScore(2.8734, [-5, 5], 0.1)).toBe(2.9);
    expect(snapScore(0.1 + 0.2, [-5, 5], 0.1)).toBe(0.3);
    expect(snapScore(-3.04, [-5, 5], 0.5)).toBe(-3);
    expect(snapScore(9, [-5, 5], 0.1)).toBe(5);
    expect(snapScore(-9, [-5, 5], 0.1)).toBe(-5);
  });
});
