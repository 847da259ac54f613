import {describe, expect, it} from "vitest";
import {parseSizes} from "../../../src/components/controls.js";
import {gridInputs, labelsOf, paddedDomain, paintOutputs, paintUnit} from "../../../src/components/decisionGrid.js";
import {chainTerms, graphLayout, localDerivative} from "../../../src/components/graphLayout.js";
import {type LossPoint, MAX_POINTS, rateChanges, thin} from "../../../src/components/lossCurve.js";
import {cellShade} from "../../../src/components/matrixView.js";
import {edgeWeight, layerSizes, networkLayout, placeLabels} from "../../../src/components/networkModel.js";
import {Matrix, network, Value} from "../../../src/lib/nn/index.js";

describe("decision map grid and colours", () => {
  it("lays the grid out row by row from the top (largest x1) with cell centres", () => {
    const g = gridInputs(
      [
        [0, 2],
        [0, 2]
      ],
      2
    );
    expect(Array.from(g)).toEqual([0.5, 1.5, 1.5, 1.5, 0.5, 0.5, 1.5, 0.5]);
  });

  it("paints one output column as a diverging probability map", () => {
    const out = {rows: 3, cols: 1, data: [0, 0.5, 1]};
    const px = new Uint8ClampedArray(12);
    const colors = {
      negative: [200, 0, 0] as const,
      positive: [0, 0, 200] as const,
      neutral: [255, 255, 255] as const,
      classes: []
    };
    paintOutputs(out, px, colors);
    expect(px[0]).toBeGreaterThan(px[2]); // p = 0: reddish (class 0 colour)
    expect(Array.from(px.slice(4, 7))).toEqual([255, 255, 255]); // p = 0.5: the background
    expect(px[10]).toBeGreaterThan(px[8]); // p = 1: bluish
    // As logits, 0 means p = 0.5.
    paintOutputs({rows: 1, cols: 1, data: [0]}, px, colors, true);
    expect(Array.from(px.slice(0, 3))).toEqual([255, 255, 255]);
  });

  it("paints several outputs as the winning class's colour", () => {
    const px = new Uint8ClampedArray(8);
    const classes = [[255, 0, 0] as const, [0, 255, 0] as const, [0, 0, 255] as const];
    paintOutputs({rows: 2, cols: 3, data: [0.05, 0.05, 0.9, 0.1, 0.8, 0.1]}, px, {
      negative: [0, 0, 0],
      positive: [0, 0, 0],
      neutral: [0, 0, 0],
      classes
    });
    expect(px[2]).toBeGreaterThan(100);
    expect(px[0]).toBe(0);
    expect(px[5]).toBeGreaterThan(100);
  });

  it("paints a hidden unit at half resolution with stride 2", () => {
    const A = {rows: 16, cols: 1, data: Array.from({length: 16}, (_, k) => (k % 4) - 1.5)}; // 4 × 4 grid
    const px = new Uint8ClampedArray(4 * 4);
    paintUnit(A, 0, px, {negative: [255, 0, 0], positive: [0, 0, 255], neutral: [255, 255, 255]}, 0, 2);
    // 2 × 2 thumbnail: left column negative (red), right column positive (blue).
    expect(px[0]).toBeGreaterThan(px[2]);
    expect(px[6]).toBeGreaterThan(px[4]);
  });

  it("reads labels from a list, a 0/1 column or one-hot rows, and checks the count", () => {
    expect(labelsOf([0, 1, 1], 3)).toEqual([0, 1, 1]);
    expect(labelsOf({rows: 2, cols: 1, data: [0.9, 0.1]}, 2)).toEqual([1, 0]);
    expect(labelsOf({rows: 2, cols: 3, data: [0, 0, 1, 1, 0, 0]}, 2)).toEqual([2, 0]);
    expect(() => labelsOf([0, 1], 3)).toThrow("decisionMap: 3 samples but 2 labels");
    expect(() => labelsOf([0, 1.5], 2)).toThrow("label 1 is 1.5");
    expect(
      paddedDomain([
        [0, 0],
        [10, 20]
      ])
    ).toEqual([
      [-1, 11],
      [-2, 22]
    ]);
  });
});

describe("network diagram structure", () => {
  const net = network({
    inputs: 2,
    layers: [
      {units: 3, activation: "tanh"},
      {units: 1, activation: "sigmoid"}
    ],
    seed: 1
  });

  it("reads layer sizes and rejects inconsistent shapes", () => {
    expect(layerSizes(net)).toEqual([2, 3, 1]);
    const broken = {
      inputs: 2,
      layers: [{W: {rows: 3, cols: 2, data: new Float64Array(6)}, b: {rows: 1, cols: 2, data: new Float64Array(2)}}]
    };
    expect(() => layerSizes(broken)).toThrow("Layer 1: W has 3 rows but the layer before has 2 units.");
    expect(() => layerSizes({} as never)).toThrow("Expected a network");
  });

  it("lays out nodes and one edge per weight and bias", () => {
    const {nodes, edges} = networkLayout([2, 3, 1], {width: 400, height: 300});
    expect(nodes.length).toBe(2 + 1 + 3 + 1 + 1); // inputs + bias, hidden + bias, output
    expect(edges.length).toBe((2 + 1) * 3 + (3 + 1) * 1);
    const noBias = networkLayout([2, 3, 1], {width: 400, height: 300, bias: false});
    expect(noBias.edges.length).toBe(2 * 3 + 3);
    // Columns left to right, nodes inside the box.
    for (const n of nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x).toBeLessThanOrEqual(400);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeLessThanOrEqual(300);
    }
    // The edge from input 2 to hidden unit 3 carries W[1][2] of layer 1.
    const e = edges.find((d) => d.layer === 1 && d.i === 1 && d.j === 2 && !d.bias);
    expect(e && edgeWeight(net, e)).toBe(net.layers[0].W.get(1, 2));
  });
});

describe("edge labels", () => {
  it("places labels so that none overlap each other or a node, leaving out what does not fit", () => {
    for (const [w, h] of [
      [320, 200],
      [700, 300]
    ]) {
      const {nodes, edges, radius} = networkLayout([2, 2, 1], {width: w, height: h});
      const spots = placeLabels(edges, nodes, radius, () => 38);
      expect(spots.size).toBeGreaterThan(w > 500 ? 8 : 3);
      const boxes = [...spots.values()];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++)
          expect(Math.abs(boxes[i].x - boxes[j].x) >= 38 || Math.abs(boxes[i].y - boxes[j].y) >= 13).toBe(true);
      for (const b of boxes)
        for (const n of nodes)
          expect(Math.abs(b.x - n.x) >= 19 + radius || Math.abs(b.y - n.y) >= 6.5 + radius).toBe(true);
    }
  });
});

describe("computational graph", () => {
  it("orders J = 3(a + bc) with inputs first and the output last, and explains the chain rule", () => {
    const a = new Value(5, "a");
    const b = new Value(3, "b");
    const c = new Value(2, "c");
    const u = b.mul(c);
    u.label = "u";
    const v = a.add(u);
    v.label = "v";
    const J = v.mul(3);
    J.label = "J";
    J.backward();
    const nodes = graphLayout(J);
    expect(nodes.length).toBe(7);
    expect(nodes[nodes.length - 1].value).toBe(J);
    expect(nodes.map((n) => n.name)).toEqual(["a", "b", "c", "u", "v", "3", "J"]);
    expect(nodes.find((n) => n.name === "J")?.column).toBe(3);
    expect([a.grad, b.grad, c.grad]).toEqual([3, 6, 9]);
    expect(localDerivative(u, 0)).toBe(2); // ∂(bc)/∂b = c
    const terms = chainTerms(b, nodes);
    expect(terms.map((t) => [t.consumer.name, t.upstream, t.local])).toEqual([["u", 3, 2]]);
    expect(() => graphLayout({} as never)).toThrow("expected a Value");
  });

  it("knows the local derivatives of the library's operations", () => {
    const x = new Value(0.5);
    expect(localDerivative(x.tanh(), 0)).toBeCloseTo(1 - Math.tanh(0.5) ** 2, 12);
    expect(localDerivative(x.sigmoid(), 0)).toBeCloseTo(0.2350037122, 9);
    expect(localDerivative(x.pow(3), 0)).toBeCloseTo(0.75, 12);
    expect(localDerivative(x.exp(), 0)).toBeCloseTo(Math.exp(0.5), 12);
    expect(localDerivative(x.log(), 0)).toBe(2);
  });
});

describe("small pure helpers", () => {
  it("finds learning-rate changes", () => {
    expect(
      rateChanges([
        {epoch: 1, loss: 1, learningRate: 0.1},
        {epoch: 2, loss: 1, learningRate: 0.1},
        {epoch: 3, loss: 1, learningRate: 0.05},
        {epoch: 4, loss: 1}
      ])
    ).toEqual([{epoch: 3, from: 0.1, to: 0.05}]);
  });

  it("thins a long loss curve: bounded, first and newest points kept, older ones evenly spaced", () => {
    const points: LossPoint[] = [];
    let longest = 0;
    for (let epoch = 1; epoch <= 1_000_000; epoch++) {
      points.push({epoch, loss: 1 / epoch});
      thin(points);
      longest = Math.max(longest, points.length);
    }
    expect(longest).toBe(MAX_POINTS);
    expect(points[0].epoch).toBe(1);
    expect(points.at(-1)?.epoch).toBe(1_000_000);
    // The newest half are every epoch; epochs only increase.
    const recent = points.slice(-MAX_POINTS / 2).map((p) => p.epoch);
    expect(recent[recent.length - 1] - recent[0]).toBe(recent.length - 1);
    expect(points.every((p, i) => i === 0 || p.epoch > points[i - 1].epoch)).toBe(true);
    expect(points.length).toBeGreaterThan(MAX_POINTS / 2);
    const short = [1, 2, 3].map((epoch) => ({epoch, loss: 1}));
    thin(short);
    expect(short.map((p) => p.epoch)).toEqual([1, 2, 3]);
  });

  it("parses hidden-layer sizes", () => {
    expect(parseSizes("4, 3")).toEqual([4, 3]);
    expect(parseSizes(" 8 2 ")).toEqual([8, 2]);
    expect(() => parseSizes("4, 0")).toThrow('"0" is not a layer size');
    expect(() => parseSizes("")).toThrow("Give at least one layer size");
  });

  it("shades matrix cells by sign and magnitude", () => {
    expect(cellShade(0, 1)).toBe("transparent");
    expect(cellShade(1, 2)).toBe("color-mix(in srgb, var(--nn-pos) 28%, transparent)");
    expect(cellShade(-2, 2)).toBe("color-mix(in srgb, var(--nn-neg) 55%, transparent)");
  });

  it("accepts the library's Matrix wherever a matrix is expected", () => {
    const m = Matrix.from([[1, 2]]);
    expect(layerSizes({inputs: 1, layers: [{W: Matrix.from([[1, 2]]), b: m}]})).toEqual([1, 2]);
  });
});
