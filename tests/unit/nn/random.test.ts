import {describe, expect, it} from "vitest";
import {activationDerivative, initWeights, Matrix, network, Random} from "../../../src/lib/nn/index.js";

describe("Random (mulberry32)", () => {
  it("gives the same sequence for the same seed, another for another seed", () => {
    const take = (seed: number) => {
      const r = new Random(seed);
      return Array.from({length: 5}, () => r.next());
    };
    expect(take(1)).toEqual(take(1));
    expect(take(1)).not.toEqual(take(2));
  });

  it("draws uniform numbers in [0, 1) with mean ½, and normal numbers with mean 0 and sd 1", () => {
    const r = new Random(3);
    const u = Array.from({length: 20_000}, () => r.next());
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(u.reduce((s, x) => s + x, 0) / u.length).toBeCloseTo(0.5, 2);
    const z = Array.from({length: 20_000}, () => r.normal());
    const mean = z.reduce((s, x) => s + x, 0) / z.length;
    const variance = z.reduce((s, x) => s + (x - mean) ** 2, 0) / z.length;
    expect(mean).toBeCloseTo(0, 1);
    expect(variance).toBeCloseTo(1, 1);
  });

  it("shuffles into a permutation, and int stays in range", () => {
    const r = new Random(4);
    const shuffled = r.shuffle(Array.from({length: 50}, (_, i) => i));
    expect([...shuffled].sort((a, b) => a - b)).toEqual(Array.from({length: 50}, (_, i) => i));
    expect(shuffled).not.toEqual(Array.from({length: 50}, (_, i) => i));
    for (let k = 0; k < 1000; k++) expect(r.int(3)).toBeLessThan(3);
  });
});

describe("initialisers", () => {
  it("smallUniform stays within ±0.1, xavier within ±√(6/(in+out)), he has variance about 2/in", () => {
    const r = new Random(5);
    const small = initWeights("smallUniform", 50, 40, r).data;
    expect(Math.max(...small.map(Math.abs))).toBeLessThanOrEqual(0.1);
    const limit = Math.sqrt(6 / 90);
    const xavier = initWeights("xavier", 50, 40, r).data;
    expect(Math.max(...xavier.map(Math.abs))).toBeLessThanOrEqual(limit);
    expect(Math.max(...xavier.map(Math.abs))).toBeGreaterThan(0.9 * limit);
    const he = initWeights("he", 200, 100, r).data;
    expect(he.reduce((s, w) => s + w * w, 0) / he.length).toBeCloseTo(2 / 200, 3);
    expect(initWeights((fanIn, fanOut) => fanIn * 10 + fanOut, 2, 3, r).data[0]).toBe(23);
  });

  it("network() starts biases at 0, picks he for ReLU layers by default, and repeats itself for a seed", () => {
    const spec = {
      inputs: 100,
      layers: [
        {units: 100, activation: "relu" as const},
        {units: 10, activation: "tanh" as const}
      ],
      seed: 9
    };
    const net = network(spec);
    expect(net.layers.every((l) => l.b.data.every((b) => b === 0))).toBe(true);
    const relu = net.layers[0].W.data;
    expect(relu.reduce((s, w) => s + w * w, 0) / relu.length).toBeCloseTo(2 / 100, 2);
    expect(Math.max(...net.layers[1].W.data.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / 110));
    expect(network(spec).layers[0].W.data).toEqual(relu);
    expect(net.parameterCount).toBe(100 * 100 + 100 + 100 * 10 + 10);
  });
});

describe("activationDerivative", () => {
  it("applies g' to every entry", () => {
    const D = activationDerivative("sigmoid", Matrix.row([0, 100]));
    expect(D.get(0, 0)).toBe(0.25);
    expect(D.get(0, 1)).toBeCloseTo(0, 12);
    expect(() => activationDerivative("softmax", Matrix.row([1, 2]))).toThrow("softmax's derivative is a matrix");
  });
});
