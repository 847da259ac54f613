// A 1-D convolution: the same small set of weights, the kernel, slid along a signal. Output t is the weighted sum
// of the window that starts at t·stride:
//
//   out[t] = b + Σ_j kernel[j] · signal[t·stride + j],   j = 0 … k − 1
//
// A dense layer gives every unit its own weight for every input. A convolution gives each unit a window of k inputs
// (its receptive field) and lets all units share one kernel: k weights however long the signal is. That suits data
// where what matters is local and may turn up anywhere, like a heartbeat in an ECG or a stroke in an image.
// (Deep-learning libraries compute exactly this and, like us, still call it convolution; mathematicians would flip
// the kernel first.)

import {checkInteger} from "./check.js";

/** How many whole windows of `kernelSize` fit in `length` inputs when each starts `stride` after the last. */
export function conv1dOutputLength(length: number, kernelSize: number, stride = 1): number {
  checkInteger("conv1d", "kernel size", kernelSize);
  checkInteger("conv1d", "stride", stride);
  if (length < kernelSize) {
    throw new Error(`conv1d: the kernel (${kernelSize} weights) is longer than the signal (${length} values)`);
  }
  return Math.floor((length - kernelSize) / stride) + 1;
}

/** Slides `kernel` along `signal`, `stride` steps at a time (no padding: only windows that fit), adding `bias`. */
export function conv1d(signal: ArrayLike<number>, kernel: ArrayLike<number>, stride = 1, bias = 0): number[] {
  const k = kernel.length;
  const out = new Array<number>(conv1dOutputLength(signal.length, k, stride));
  for (let t = 0; t < out.length; t++) {
    let sum = bias;
    for (let j = 0; j < k; j++) sum += kernel[j] * signal[t * stride + j];
    out[t] = sum;
  }
  return out;
}
