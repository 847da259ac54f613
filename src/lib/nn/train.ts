// Training that a page can watch. A browser tab has one thread: while JavaScript runs, nothing is drawn and
// clicks wait. So train() works in slices of a few milliseconds, then hands the thread back (a new task, so the
// page can paint and handle input) before going on. It reports after every epoch:
//
//   for await (const {epoch, loss, network} of train(net, X, Y, {loss: "crossEntropy", learningRate: 0.5})) {
//     draw(network);                    // read the current W and b
//     if (loss < 0.01) break;           // leaving the loop stops training
//   }

import {checkInteger} from "./check.js";
import type {Targets} from "./losses.js";
import type {Matrix} from "./matrix.js";
import type {Network} from "./network.js";
import {Trainer, type TrainOptions, type TrainProgress} from "./trainer.js";

/** TrainOptions, plus how long a slice may run and a signal to stop from outside (a Stop button). */
export interface LiveTrainOptions extends TrainOptions {
  /** Milliseconds of work before handing the thread back (default 8: half a 60 Hz frame, leaving the rest for drawing). */
  sliceMs?: number;
  /** Training stops at the next slice or epoch once this signal is aborted. */
  signal?: AbortSignal;
  /**
   * Also report every this many batches, so that a long epoch shows progress (default: only after each epoch).
   * Those reports count the epoch in parts (2.5 is halfway through the third) and average over its batches so far.
   */
  reportEvery?: number;
}

/** Trains in time slices, yielding progress after every epoch; breaking out of the loop stops training. */
export async function* train(
  net: Network,
  X: Matrix,
  Y: Targets,
  options: LiveTrainOptions
): AsyncGenerator<TrainProgress, void, undefined> {
  const trainer = new Trainer(net, X, Y, options);
  const sliceMs = options.sliceMs ?? 8;
  const every = options.reportEvery ?? 0;
  if (every !== 0) checkInteger("train", "reportEvery", every);
  let batches = 0; // batches finished in the current epoch
  let sliceStart = performance.now();
  while (!trainer.done && !options.signal?.aborted) {
    const seen = trainer.samplesSeen;
    const epochEnded = trainer.step();
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTask();
      sliceStart = performance.now();
    }
    if (options.signal?.aborted) break;
    if (epochEnded) {
      batches = 0;
      yield trainer.progress();
    } else if (every && trainer.samplesSeen > seen && ++batches % every === 0) yield trainer.partialProgress();
  }
}

/** Resolves in a new task, after the browser has had its chance to paint and handle events. */
export function nextTask(): Promise<void> {
  // A MessageChannel message is a task with no minimum delay (nested setTimeout(0) waits ≥ 4 ms in browsers).
  if (typeof MessageChannel === "undefined") return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
