// The 28×28 digits of the capstone: packed at build time into bytes, unpacked in the page, split 8,000 / 2,000.
import {gunzipSync, gzipSync} from "node:zlib";
import {describe, expect, it} from "vitest";
import {MNIST_SIDE, packMnist, unpackMnist} from "../../../src/lib/nn/index.js";
import {loadMnist, mnistBytes} from "../../../src/lib/nn/node.js";

/** Ten digits' worth of tiny fake images: digit d has d + 1 images whose pixels are all (d + 1) / 20. */
function fakeRaw(): number[][] {
  return Array.from({length: 10}, (_, d) => new Array((d + 1) * 784).fill((d + 1) / 20));
}

describe("packMnist and unpackMnist", () => {
  it("round-trip every image and label, shuffled, with the first trainCount images for training", () => {
    const bytes = packMnist(fakeRaw(), {trainCount: 40, seed: 3});
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe("MNST");
    expect(bytes.length).toBe(16 + 55 + 55 * 784);
    const {train, test} = unpackMnist(bytes);
    expect([train.X.rows, test.X.rows]).toEqual([40, 15]);
    expect(train.X.cols).toBe(784);
    const labels = [...train.y, ...test.y];
    expect(labels.slice().sort((a, b) => a - b)).toEqual(
      Array.from({length: 10}, (_, d) => new Array(d + 1).fill(d)).flat()
    );
    expect(labels).not.toEqual(labels.slice().sort((a, b) => a - b)); // shuffled
    // Each image's pixels belong to its label: (d + 1) / 20, through one byte (rounded to 1/255).
    train.y.forEach((d, i) => {
      expect(train.X.get(i, 100)).toBeCloseTo(Math.round(((d + 1) / 20) * 255) / 255, 12);
    });
    expect(train.classNames).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(train.featureNames[MNIST_SIDE + 1]).toBe("pixel 1,1");
  });

  it("the same seed gives the same split, another seed another one", () => {
    const a = unpackMnist(packMnist(fakeRaw(), {trainCount: 40, seed: 3}));
    const b = unpackMnist(packMnist(fakeRaw(), {trainCount: 40, seed: 3}));
    const c = unpackMnist(packMnist(fakeRaw(), {trainCount: 40, seed: 4}));
    expect(a.train.y).toEqual(b.train.y);
    expect(a.train.y).not.toEqual(c.train.y);
  });

  it("refuses other bytes with a message that says what they should be", () => {
    expect(() => unpackMnist(new TextEncoder().encode("<!doctype html><p>not found</p>"))).toThrow(
      /not packed MNIST digits.*start with "MNST"/
    );
    const bytes = packMnist(fakeRaw(), {trainCount: 40});
    expect(() => unpackMnist(bytes.subarray(0, bytes.length - 1))).toThrow(/announces 43191 bytes but there are 43190/);
    expect(() => unpackMnist(gzipSync(bytes))).toThrow(/not packed MNIST digits/);
    expect(() => packMnist(fakeRaw().slice(0, 9))).toThrow(/10 digits, got 9/);
    expect(() => packMnist(fakeRaw(), {trainCount: 55})).toThrow(/between 1 and 54/);
    expect(() => packMnist([[0, 1], ...fakeRaw().slice(1)])).toThrow(/digit 0 has 2 values/);
  });

  it("the package's 10,000 digits: 8,000 for training and 2,000 for testing, ink from 0 to 1, every digit in both", () => {
    const {train, test} = loadMnist();
    expect([train.X.rows, test.X.rows, train.X.cols]).toEqual([8000, 2000, 784]);
    for (const set of [train, test]) expect(new Set(set.y).size).toBe(10);
    const pixels = train.X.data;
    expect(Math.min(...pixels.subarray(0, 7840))).toBe(0);
    expect(Math.max(...pixels.subarray(0, 7840))).toBe(1);
    // The training counts per digit the chapter prints.
    expect(Array.from({length: 10}, (_, d) => train.y.filter((y) => y === d).length)).toEqual([
      808, 897, 800, 839, 774, 690, 803, 874, 743, 772
    ]);
    // The data loader's file is the same bytes, gzipped.
    expect(gunzipSync(gzipSync(mnistBytes())).equals(Buffer.from(mnistBytes()))).toBe(true);
  }, 60_000);
});
