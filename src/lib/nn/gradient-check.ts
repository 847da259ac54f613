// Gradient checking: backpropagation is easy to get subtly wrong, so compare it with the slow, obvious way.
// Nudge one parameter θ by ±h and watch the loss: (L(θ + h) − L(θ − h)) / 2h approximates ∂L/∂θ with an error
// of order h² (central differences are much better than the one-sided (L(θ + h) − L(θ)) / h).

import {forward, Workspace} from "./backprop.js";
import {type LossName, type LossOptions, lossValue, type Targets} from "./losses.js";
import type {Matrix} from "./matrix.js";
import type {Network} from "./network.js";

/** Largest relative error between backprop and numerical gradients, for each layer's W and b. */
export interface GradientCheckResult {
  layers: {dW: number; db: number}[];
  /** The largest of them all. */
  max: number;
}

/** Options: the loss options and the nudge h (default 1e-5). */
export interface GradientCheckOptions extends LossOptions {
  h?: number;
}

/**
 * Compares net.lossAndGradients with central differences on every W and b entry. For each W and each b the
 * relative error is max |backprop − numerical| / max(|backprop|, |numerical|) over its entries: the worst error
 * measured against that gradient's largest entry. (Dividing entry by entry would flag entries of size 1e-8,
 * where round-off in the differences alone is that large.) Below about 1e-6 the gradients agree.
 */
export function gradientCheck(
  net: Network,
  X: Matrix,
  Y: Targets,
  loss: LossName,
  options: GradientCheckOptions = {}
): GradientCheckResult {
  const {h = 1e-5, fromLogits = false} = options;
  const {grads} = net.lossAndGradients(X, Y, loss, {fromLogits});
  const ws = new Workspace(net, X.rows);
  const T = ws.targets("gradientCheck", loss, Y);
  const lossAt = () => lossValue(loss, forward(net, X, ws), T, {fromLogits});

  const maxError = (param: Matrix, analytic: Matrix): number => {
    let worst = 0;
    let largest = 0;
    for (let k = 0; k < param.data.length; k++) {
      const saved = param.data[k];
      param.data[k] = saved + h;
      const up = lossAt();
      param.data[k] = saved - h;
      const down = lossAt();
      param.data[k] = saved;
      const numerical = (up - down) / (2 * h);
      const a = analytic.data[k];
      worst = Math.max(worst, Math.abs(a - numerical));
      largest = Math.max(largest, Math.abs(a), Math.abs(numerical));
    }
    return largest === 0 ? 0 : worst / largest;
  };

  const layers = net.layers.map((layer, l) => ({
    dW: maxError(layer.W, grads[l].dW),
    db: maxError(layer.b, grads[l].db)
  }));
  return {layers, max: Math.max(...layers.flatMap((r) => [r.dW, r.db]))};
}
