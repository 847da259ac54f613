// The same tasks in TensorFlow.js: tfjs-core with its pure-JavaScript CPU backend (float32, the only precision
// tfjs computes in). tfjs-entry.ts is bundled with esbuild first, so that all of tfjs-core's gradients are
// registered (see there).

import {mkdtempSync} from "node:fs";
import {createRequire} from "node:module";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import type * as TF from "@tensorflow/tfjs-core";
import {build} from "esbuild";
import type {Task} from "./reference.js";

let tf: typeof TF;

/** Bundles and loads tfjs-core with the CPU backend, and selects that backend (call once before training). */
export async function useCpuBackend(): Promise<void> {
  const outfile = join(mkdtempSync(join(tmpdir(), "nn-bench-")), "tfjs.cjs");
  await build({
    entryPoints: [fileURLToPath(new URL("./tfjs-entry.ts", import.meta.url))],
    bundle: true,
    platform: "node",
    format: "cjs",
    mainFields: ["module", "main"], // one copy of tfjs-core: the ES modules, which the gradients belong to
    outfile,
    logLevel: "error"
  });
  tf = createRequire(import.meta.url)(outfile);
  await tf.setBackend("cpu");
  await tf.ready();
  // The backend's first tensor prints a tip about the native Node backend; keep it out of the table.
  const warn = console.warn;
  console.warn = () => {};
  tf.scalar(0).dispose();
  console.warn = warn;
}

/** Trains the task for `epochs` epochs with tf.train.sgd; returns the mean loss of the last epoch. */
export function trainTfjs(task: Task, epochs = task.epochs): number {
  const {sizes, n, batchSize} = task;
  const L = sizes.length - 1;
  const f32 = (a: Float64Array) => Float32Array.from(a);
  const W = task.W.map((w, l) => tf.variable(tf.tensor2d(f32(w), [sizes[l], sizes[l + 1]])));
  const b = task.b.map((v) => tf.variable(tf.tensor1d(f32(v))));
  const X = tf.tensor2d(f32(task.X), [n, sizes[0]]);
  const Y = tf.tensor2d(f32(task.Y), [n, sizes[L]]);
  const batches: {X: TF.Tensor2D; Y: TF.Tensor2D}[] = [];
  for (let start = 0; start < n; start += batchSize) {
    const m = Math.min(batchSize, n - start);
    batches.push({X: tf.slice(X, [start, 0], [m, -1]), Y: tf.slice(Y, [start, 0], [m, -1])});
  }
  const hidden = {sigmoid: tf.sigmoid, tanh: tf.tanh, relu: tf.relu}[task.hidden];
  const optimizer = tf.train.sgd(task.learningRate);
  let epochLoss = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    epochLoss = 0;
    for (const batch of batches) {
      const cost = optimizer.minimize(() => {
        let A: TF.Tensor2D = batch.X;
        for (let l = 0; l < L; l++) {
          const Z = tf.add(tf.matMul(A, W[l]), b[l]) as TF.Tensor2D;
          A = l < L - 1 ? (hidden(Z) as TF.Tensor2D) : Z; // the output stays as logits for the fused losses
        }
        return task.output === "softmax"
          ? (tf.losses.softmaxCrossEntropy(batch.Y, A) as TF.Scalar)
          : (tf.losses.sigmoidCrossEntropy(batch.Y, A) as TF.Scalar);
      }, true);
      epochLoss += (cost as TF.Scalar).dataSync()[0] * batch.X.shape[0];
      cost?.dispose();
    }
  }
  for (const t of [...W, ...b, X, Y, ...batches.flatMap((x) => [x.X, x.Y])]) t.dispose();
  optimizer.dispose();
  return epochLoss / n;
}
