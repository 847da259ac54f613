// A Playground training run without the page: it lowers the loss on circles, goes on from the same weights when
// points or options change, resets, names the epoch when it diverges, and never runs past its time budget.
import {describe, expect, it} from "vitest";
import {buildNetwork, trainOptions} from "../../../../src/components/playground/cell.js";
import {generateData} from "../../../../src/components/playground/data.js";
import {extremes, Grid} from "../../../../src/components/playground/grid.js";
import {Session} from "../../../../src/components/playground/session.js";
import {DEFAULT_SETTINGS, type PlaygroundSettings} from "../../../../src/components/playground/settings.js";

const session = (part: Partial<PlaygroundSettings> = {}) => {
  const s = {...DEFAULT_SETTINGS, ...part};
  return new Session({
    data: generateData(s),
    features: s.features,
    network: buildNetwork(s),
    training: trainOptions(s)
  });
};

describe("playground session", () => {
  it("trains: the loss on training and test points falls and the accuracy rises", () => {
    const run = session({learningRate: 0.1});
    const before = run.scores();
    expect(run.trainFor(200, Number.POSITIVE_INFINITY)).toBe(200);
    expect(run.epoch).toBe(200);
    const after = run.scores();
    expect(after.trainLoss).toBeLessThan(before.trainLoss / 4);
    expect(after.testLoss).toBeLessThan(before.testLoss / 4);
    expect(after.testAccuracy).toBeGreaterThan(0.97);
  });

  it("keeps the weights and the epoch count when the points or the options change; Reset goes back", () => {
    const run = session();
    run.trainFor(5, Number.POSITIVE_INFINITY);
    const weights = Array.from(run.network.layers[0].W.data);
    run.setTraining({...run.training, learningRate: 0.3, optimizer: "adam"});
    expect(Array.from(run.network.layers[0].W.data)).toEqual(weights);
    run.setData({...run.data, points: run.data.points.slice(0, 100)});
    expect(run.trainCount).toBe(run.data.points.filter((p) => !p.test).length);
    run.trainFor(3, Number.POSITIVE_INFINITY);
    expect(run.epoch).toBe(8);
    run.reset();
    expect(run.epoch).toBe(0);
    expect(Array.from(run.network.layers[0].W.data)).toEqual(Array.from(run.start.layers[0].W.data));
  });

  it("stops within its time budget, in the middle of an epoch if need be", () => {
    const run = session({batchSize: 1});
    let t = 0;
    const clock = () => (t += 1); // every call to the clock takes 1 ms
    expect(run.trainFor(1000, 10, clock)).toBe(0); // an epoch is 250 batches: 10 ms is not enough
    expect(run.trainFor(1000, 300, clock)).toBe(1);
  });

  it("names the epoch of the whole run and the learning rate when the loss diverges", () => {
    const run = session({activation: "identity", hidden: [8, 8], features: ["x1^2", "x2^2", "x1*x2"]});
    run.trainFor(3, Number.POSITIVE_INFINITY);
    run.setTraining({...run.training, learningRate: 10}); // a new trainer, which counts its epochs from 1
    let message = "";
    try {
      run.trainFor(1000, Number.POSITIVE_INFINITY);
    } catch (error) {
      message = (error as Error).message;
    }
    const match = /^training stopped in epoch (\d+): the loss became (NaN|Infinity) with learning rate 10\./.exec(
      message
    );
    expect(match, message).not.toBeNull();
    expect(Number(match?.[1])).toBe(run.epoch + 1); // the epoch that failed, counted from the start of the run
    expect(run.epoch).toBeGreaterThanOrEqual(3);
  });

  it("edits a weight or a bias, and refuses what is not a number", () => {
    const run = session();
    run.setWeight(0, 1, 2, 0.75);
    expect(run.network.layers[0].W.get(1, 2)).toBe(0.75);
    run.setWeight(2, -1, 0, -3);
    expect(run.network.layers[2].b.get(0, 0)).toBe(-3);
    expect(() => run.setWeight(0, 0, 0, Number.NaN)).toThrow("a weight must be a number, got NaN");
    expect(() => run.setWeight(5, 0, 0, 1)).toThrow("there is no weight");
  });

  it("says when there is nothing to train on", () => {
    const run = session();
    run.setData({...run.data, points: []});
    expect(() => run.trainFor(1, 10)).toThrow("there are no training points: add some on the map, or load a CSV file");
    expect(Number.isNaN(run.scores().testLoss)).toBe(true);
  });

  it("paints from one pass over the grid: the features, then every layer", () => {
    const run = session({features: ["x1", "x1^2"]});
    const grid = new Grid(run.data.domain, 10, run.features);
    expect(grid.F.get(0, 0)).toBeCloseTo(-5.4, 12); // the first cell's centre, top left
    expect(grid.F.get(0, 1)).toBeCloseTo(5.4 ** 2, 12);
    expect(grid.points.get(0, 1)).toBeCloseTo(5.4, 12);
    const A = grid.pass(run.network);
    expect(A.map((a) => a.cols)).toEqual([4, 2, 1]);
    expect(A[2].rows).toBe(100);
    expect(grid.pass(run.network)).toBe(A); // the same buffers
    expect(grid.fits(run.data.domain, 10, ["x1", "x1^2"])).toBe(true);
    expect(grid.fits(run.data.domain, 10, ["x1"])).toBe(false);
    // The text alternative of x₁²'s map: 0 nowhere on this grid (no cell centre has x₁ = 0), highest at the edges.
    const {low, high} = extremes(grid.F, 1, grid.points);
    expect(low).toEqual({value: expect.closeTo(0.36, 12), x1: expect.closeTo(-0.6, 12), x2: expect.closeTo(5.4, 12)});
    expect(high).toEqual({value: expect.closeTo(29.16, 12), x1: expect.closeTo(-5.4, 12), x2: expect.closeTo(5.4, 12)});
  });
});
