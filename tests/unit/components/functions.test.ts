import {beforeAll, describe, expect, it} from "vitest";
import {findPreset, PRESET_NAMES, PRESETS} from "../../../src/components/activations.js";
import {loadExpressions, parseFunction} from "../../../src/components/expression.js";
import {resolveFunction} from "../../../src/components/functions.js";
import {resolveFunction2d} from "../../../src/components/gradientDescent2d.js";

describe("activation presets", () => {
  it("has the seven presets the course uses", () => {
    expect(PRESET_NAMES).toEqual(["identity", "step", "sign", "sigmoid", "tanh", "relu", "leakyRelu"]);
  });

  it("derivatives agree with central differences away from kinks", () => {
    for (const p of Object.values(PRESETS)) {
      for (const x of [-2.3, -0.7, 0.4, 1.9]) {
        const numeric = (p.f(x + 1e-6) - p.f(x - 1e-6)) / 2e-6;
        expect(p.df(x), `${p.name}'(${x})`).toBeCloseTo(numeric, 5);
      }
    }
  });

  it("matches known values", () => {
    expect(PRESETS.sigmoid.f(0)).toBe(0.5);
    expect(PRESETS.sigmoid.df(0)).toBe(0.25);
    expect(PRESETS.tanh.df(0)).toBe(1);
    expect(PRESETS.step.f(0)).toBe(0);
    expect(PRESETS.leakyRelu.f(-1)).toBe(-0.01);
    expect(findPreset("Leaky_ReLU")?.name).toBe("leakyRelu");
    expect(PRESETS.sigmoid.description).toContain("S-shaped curve from 0 to 1, 0.5 at z = 0");
  });
});

describe("expressions (mathjs)", () => {
  beforeAll(() => loadExpressions(), 60_000); // importing mathjs takes seconds on a busy machine

  it("parses and differentiates symbolically", () => {
    const f = parseFunction("0.01x^2 + 0.1x", ["x"]);
    expect(f.f(5)).toBeCloseTo(0.75, 12);
    // The source's numerical-differentiation example: f'(5) = 0.2, f'(10) = 0.3.
    expect(f.partials[0].f(5)).toBeCloseTo(0.2, 12);
    expect(f.partials[0].f(10)).toBeCloseTo(0.3, 12);
    const g = parseFunction("x0^2 + x1^2", ["x0", "x1"]);
    expect([g.partials[0].f(3, 4), g.partials[1].f(3, 4)]).toEqual([6, 8]);
  });

  it("passes on mathjs's message for text that does not parse", () => {
    expect(() => parseFunction("x^2 +", ["x"])).toThrow(/^Cannot read "x\^2 \+": Unexpected end of expression/);
    expect(() => parseFunction("", ["x"])).toThrow("Type a function");
  });

  it("names unknown symbols", () => {
    expect(() => parseFunction("x + q", ["x"])).toThrow('Unknown symbol "q" in "x + q": use x.');
    expect(parseFunction("sin(x) + pi", ["x"]).f(0)).toBeCloseTo(Math.PI, 12);
  });

  it("resolves presets, expressions in x or z, and {f} objects", () => {
    expect(resolveFunction("tanh").label).toBe("tanh(z)");
    const e = resolveFunction("z^3");
    expect(e.df(2)).toBe(12);
    const custom = resolveFunction({f: (x) => x * x, label: "square(x)"});
    expect(custom.df(3)).toBeCloseTo(6, 6);
    expect(() => resolveFunction({} as never)).toThrow("expected a preset name");
    const f2 = resolveFunction2d("x^2 + 3y");
    expect(f2.grad(1, 1)).toEqual([2, 3]);
  });
});
