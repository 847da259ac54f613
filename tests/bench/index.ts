// npm run bench: the library against TensorFlow.js (tfjs-core + CPU backend) and a hand-written Float64Array
// loop, on the same data, the same initial weights and plain SGD. Each task warms up (≥ 250 ms), then runs 5 times;
// the runs of the three implementations are interleaved, and the table shows medians. Times are the CPU time
// this process used (user + system), because other programs share the machine and would otherwise stretch
// whichever run they happened to interrupt; wall-clock medians are printed below the table.

import os from "node:os";
import {gate, Matrix, network, spirals, trainSync} from "../../src/lib/nn/index.js";
import {loadDigits} from "../../src/lib/nn/node.js";
import {type Task, trainReference} from "./reference.js";
import {trainTfjs, useCpuBackend} from "./tfjs.js";

const RUNS = 5;

interface Bench {
  id: string;
  title: string;
  task: Task;
  labels: number[];
  /** tfjs runs this many epochs and its time is scaled up to task.epochs (it is slow on tiny problems). */
  tfjsEpochs: number;
}

function makeTask(
  X: Matrix,
  labels: number[],
  sizes: number[],
  hidden: Task["hidden"],
  output: Task["output"],
  options: {epochs: number; batchSize: number; learningRate: number; seed: number}
): Task {
  const L = sizes.length - 1;
  const net = network({
    inputs: sizes[0],
    layers: sizes.slice(1).map((units, l) => ({units, activation: l < L - 1 ? hidden : output})),
    seed: options.seed
  });
  const Y = new Float64Array(X.rows * sizes[L]);
  labels.forEach((c, i) => {
    if (sizes[L] === 1) Y[i] = c;
    else Y[i * sizes[L] + c] = 1;
  });
  return {
    X: X.data,
    Y,
    n: X.rows,
    sizes,
    hidden,
    output,
    W: net.layers.map((l) => l.W.data.slice()),
    b: net.layers.map((l) => l.b.data.slice()),
    ...options
  };
}

function trainLibrary(task: Task, labels: number[]): number {
  const L = task.sizes.length - 1;
  const net = network({
    inputs: task.sizes[0],
    layers: task.sizes.slice(1).map((units, l) => ({units, activation: l < L - 1 ? task.hidden : task.output}))
  });
  net.layers.forEach((layer, l) => {
    layer.W.data.set(task.W[l]);
    layer.b.data.set(task.b[l]);
  });
  const X = new Matrix(task.n, task.sizes[0], task.X);
  const result = trainSync(net, X, labels, {
    loss: task.output === "softmax" ? "crossEntropy" : "binaryCrossEntropy",
    learningRate: task.learningRate,
    maxIter: task.epochs,
    batchSize: task.batchSize,
    shuffle: false
  });
  return result.lossCurve[result.lossCurve.length - 1];
}

// Multiply-adds of the three products per layer (forward Z = A·W, dW = Aᵀ·dZ, and dA = dZ·Wᵀ below the top
// layer), 2 FLOPs each; activations and updates are not counted.
function flops(task: Task): number {
  let perSample = 0;
  for (let l = 0; l + 1 < task.sizes.length; l++) perSample += 2 * task.sizes[l] * task.sizes[l + 1] * (l > 0 ? 3 : 2);
  return perSample * task.n * task.epochs;
}

function time(f: () => number): {ms: number; wall: number; loss: number} {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const loss = f();
  const used = process.cpuUsage(cpu);
  return {ms: (used.user + used.system) / 1000, wall: performance.now() - start, loss};
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const loadBefore = os.loadavg()[0].toFixed(2);
  await useCpuBackend();
  const xor = gate("xor");
  const spiral = spirals({n: 1000, classes: 3, seed: 0});
  const digits = loadDigits();
  const digitRows = Array.from({length: 1797}, (_, i) => i);
  const digitsX = digits.X.selectRows(digitRows);
  const digitLabels = digitRows.map((i) => digits.y[i]);

  const benches: Bench[] = [
    {
      id: "T1",
      title: "XOR 2-4-1 sigmoid, 2000 full-batch epochs",
      task: makeTask(xor.X, xor.y, [2, 4, 1], "sigmoid", "sigmoid", {
        epochs: 2000,
        batchSize: 4,
        learningRate: 1,
        seed: 1
      }),
      labels: xor.y,
      tfjsEpochs: 500
    },
    {
      id: "T2",
      title: "spirals 1000×2 → 16 → 16 → 3 ReLU/softmax, 200 full-batch epochs",
      task: makeTask(spiral.X, spiral.y, [2, 16, 16, 3], "relu", "softmax", {
        epochs: 200,
        batchSize: 1000,
        learningRate: 0.5,
        seed: 2
      }),
      labels: spiral.y,
      tfjsEpochs: 200
    },
    {
      id: "T3",
      title: "digits 1797×64 → 32 → 10 ReLU/softmax, batch 32, 5 epochs",
      task: makeTask(digitsX, digitLabels, [64, 32, 10], "relu", "softmax", {
        epochs: 5,
        batchSize: 32,
        learningRate: 0.1,
        seed: 3
      }),
      labels: digitLabels,
      tfjsEpochs: 5
    }
  ];

  const rows: string[][] = [];
  const checks: string[] = [];
  const walls: string[] = [];
  for (const {id, title, task, labels, tfjsEpochs} of benches) {
    const scale = task.epochs / tfjsEpochs;
    const runs = {library: [] as number[], tfjs: [] as number[], hand: [] as number[]};
    const wall = {library: [] as number[], tfjs: [] as number[], hand: [] as number[]};
    const losses = {library: 0, tfjs: 0, hand: 0};
    // Warm-up: every implementation runs until the JIT compiler has had 250 ms to settle (at least once).
    const warmUpEnd = performance.now() + 250;
    do {
      trainLibrary(task, labels);
      trainReference(task);
      trainTfjs(task, tfjsEpochs);
    } while (performance.now() < warmUpEnd);
    for (let r = 0; r < RUNS; r++) {
      const lib = time(() => trainLibrary(task, labels));
      const hand = time(() => trainReference(task).loss);
      const tfjs = time(() => trainTfjs(task, tfjsEpochs));
      runs.library.push(lib.ms);
      runs.hand.push(hand.ms);
      runs.tfjs.push(tfjs.ms * scale);
      wall.library.push(lib.wall);
      wall.hand.push(hand.wall);
      wall.tfjs.push(tfjs.wall * scale);
      losses.library = lib.loss;
      losses.hand = hand.loss;
      losses.tfjs = tfjs.loss;
    }
    const lib = median(runs.library);
    const tfjs = median(runs.tfjs);
    const hand = median(runs.hand);
    walls.push(
      `  ${id}: library ${median(wall.library).toFixed(1)} ms, tfjs-core ${median(wall.tfjs).toFixed(1)} ms, ` +
        `hand-written ${median(wall.hand).toFixed(1)} ms`
    );
    const gflops = (ms: number) => (id === "T1" ? "–" : (flops(task) / (ms * 1e6)).toFixed(2));
    rows.push([
      id,
      lib.toFixed(1),
      `${tfjs.toFixed(1)}${scale !== 1 ? "*" : ""}`,
      hand.toFixed(1),
      `${(tfjs / lib).toFixed(1)}×`,
      `${(lib / hand).toFixed(2)}×`,
      gflops(lib),
      gflops(tfjs),
      gflops(hand)
    ]);
    checks.push(
      `${id} ${title}: final loss library ${losses.library.toPrecision(8)}, hand-written ${losses.hand.toPrecision(8)}` +
        (scale === 1 ? `, tfjs ${losses.tfjs.toPrecision(8)}` : "")
    );
    if (Math.abs(losses.library - losses.hand) > 1e-9 * Math.max(1, Math.abs(losses.hand))) {
      checks.push(`  WARNING: ${id} library and hand-written losses differ`);
    }
    const targetTf = id === "T1" ? 100 : 3;
    checks.push(
      `  targets: ≥ ${targetTf}× faster than tfjs-core: ${tfjs / lib >= targetTf ? "met" : "MISSED"}; ` +
        `≤ 1.2× the hand-written loop: ${lib / hand <= 1.2 ? "met" : "MISSED"}`
    );
  }

  const header = [
    "task",
    "library ms",
    "tfjs-core ms",
    "hand-written ms",
    "tfjs/library",
    "library/hand",
    "GFLOP/s lib",
    "tfjs",
    "hand"
  ];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((s, c) => (c === 0 ? s.padEnd(widths[c]) : s.padStart(widths[c]))).join(" | ")} |`;
  console.log(
    `CPU time, medians of ${RUNS} runs after a warm-up; same data, same initial weights, plain SGD, no shuffling.`
  );
  for (const b of benches) console.log(`  ${b.id}: ${b.title}`);
  console.log("");
  console.log(line(header));
  console.log(`|${widths.map((w, c) => (c === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`);
  for (const r of rows) console.log(line(r));
  console.log("");
  console.log(
    `* tfjs-core ran ${benches[0].tfjsEpochs} of T1's ${benches[0].task.epochs} epochs per run; its time is scaled ×${
      benches[0].task.epochs / benches[0].tfjsEpochs
    } (its cost per epoch is constant).`
  );
  console.log("GFLOP/s counts the multiply-adds of the forward and backward matrix products (2 FLOPs each).");
  console.log(
    "tfjs-core computes in float32 with @tensorflow/tfjs-backend-cpu (pure JavaScript); the others in float64."
  );
  const cpus = os.cpus();
  console.log(
    `Node ${process.version}, ${process.platform}/${process.arch}, ${cpus.length} × ${cpus[0]?.model.trim()}; ` +
      `load average ${loadBefore} before, ${os.loadavg()[0].toFixed(2)} after (other processes share the machine).`
  );
  console.log("");
  console.log("Wall-clock medians:");
  for (const w of walls) console.log(w);
  console.log("");
  for (const c of checks) console.log(c);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
