// train() as a page uses it: progress after every epoch, the thread handed back every few milliseconds, and
// training that stops as soon as the page stops asking.
import {describe, expect, it} from "vitest";
import {gate, network, spirals, type TrainProgress, train, trainSync} from "../../../src/lib/nn/index.js";

const spiral = spirals({n: 1000});
const bigNetwork = () =>
  network({
    inputs: 2,
    layers: [
      {units: 64, activation: "relu"},
      {units: 64, activation: "relu"},
      {units: 3, activation: "softmax"}
    ]
  });

// How often the event loop got a turn while `work` ran: a ticker reschedules itself with setImmediate, so it
// advances once per turn of the loop and not at all while synchronous code holds the thread. These tests check
// where train() hands the thread back (sliceMs: 0 makes every step a slice of its own), not how fast the machine
// is: speed belongs to `npm run bench`.
function ticker(): {readonly ticks: number; stop(): void} {
  let ticks = 0;
  let running = true;
  const tick = () => {
    ticks++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    get ticks() {
      return ticks;
    },
    stop() {
      running = false;
    }
  };
}

describe("train (async)", () => {
  it("yields progress after every epoch, in order, and finishes at maxIter", async () => {
    const xor = gate("xor");
    const seen: TrainProgress[] = [];
    const net = network({
      inputs: 2,
      layers: [
        {units: 4, activation: "tanh"},
        {units: 1, activation: "sigmoid"}
      ],
      seed: 1
    });
    for await (const progress of train(net, xor.X, xor.y, {
      loss: "binaryCrossEntropy",
      learningRate: 0.5,
      maxIter: 300
    })) {
      seen.push(progress);
    }
    expect(seen.map((p) => p.epoch)).toEqual(Array.from({length: 300}, (_, i) => i + 1));
    expect(seen[0].network).toBe(net); // the page reads the live parameters from here
    expect(seen.at(-1)?.done).toBe(true);
    expect(seen.at(-1)?.stopReason).toBe("reached maxIter = 300 epochs");
    expect(seen.at(-1)?.accuracy).toBe(1);
    expect(seen[0].learningRate).toBe(0.5);
  });

  it("hands the thread back between epochs of a mini-batch run, so a page can draw", async () => {
    const clock = ticker();
    const ticksAtEpoch: number[] = [];
    for await (const progress of train(bigNetwork(), spiral.X, spiral.y, {
      loss: "crossEntropy",
      batchSize: 32,
      maxIter: 5,
      sliceMs: 0
    })) {
      ticksAtEpoch.push(clock.ticks);
      if (progress.epoch === 5) break;
    }
    clock.stop();
    expect(ticksAtEpoch.length).toBe(5);
    // 1000 samples in batches of 32 are 32 steps an epoch: the loop had many turns within each epoch.
    for (let i = 1; i < ticksAtEpoch.length; i++) expect(ticksAtEpoch[i] - ticksAtEpoch[i - 1]).toBeGreaterThan(16);
  });

  it("splits one long full-batch epoch into chunks and hands the thread back between them", async () => {
    const big = spirals({n: 20_000});
    const clock = ticker();
    let epochs = 0;
    for await (const _ of train(bigNetwork(), big.X, big.y, {loss: "crossEntropy", maxIter: 1, sliceMs: 0})) epochs++;
    clock.stop();
    expect(epochs).toBe(1);
    expect(clock.ticks).toBeGreaterThan(2); // one epoch, several turns of the event loop
  });

  it("(the ticker stands still while a loop does not yield)", async () => {
    const clock = ticker();
    await new Promise((resolve) => setImmediate(resolve));
    const before = clock.ticks;
    trainSync(bigNetwork(), spiral.X, spiral.y, {loss: "crossEntropy", maxIter: 2});
    expect(clock.ticks).toBe(before);
    clock.stop();
  });

  it("stops when the consumer breaks out of the loop: the parameters no longer change", async () => {
    const net = bigNetwork();
    for await (const progress of train(net, spiral.X, spiral.y, {
      loss: "crossEntropy",
      batchSize: 32,
      maxIter: 10_000
    })) {
      if (progress.epoch === 3) break;
    }
    const after = Array.from(net.layers[0].W.data);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(Array.from(net.layers[0].W.data)).toEqual(after);
  });

  it("stops at once when its AbortSignal fires (a Stop button): no epoch is reported after it", async () => {
    const controller = new AbortController();
    const net = bigNetwork();
    const epochs: number[] = [];
    for await (const progress of train(net, spiral.X, spiral.y, {
      loss: "crossEntropy",
      batchSize: 32,
      maxIter: 100_000,
      signal: controller.signal
    })) {
      epochs.push(progress.epoch);
      if (progress.epoch === 3) controller.abort();
    }
    expect(epochs).toEqual([1, 2, 3]);
    const after = Array.from(net.layers[0].W.data);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(Array.from(net.layers[0].W.data)).toEqual(after);
  });
});
