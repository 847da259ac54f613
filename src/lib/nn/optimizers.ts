// Optimizers: how a parameter moves once its gradient is known. All of them step against the gradient, because
// the gradient points uphill on the loss surface.
//
//   sgd       W ← W − η·dW
//   momentum  v ← β·v − η·dW,  W ← W + v        (a heavy ball: keeps rolling through small bumps and flat parts)
//   adam      running means of dW and dW², bias-corrected, step η·m̂/(√v̂ + ε)   (a step size per parameter)
//
// An optimizer keeps its memory (velocities, running means) per parameter "slot"; the trainer numbers the slots
// W0, b0, W1, b1, … so the same optimizer object can serve one network for a whole training run.

import {checkName, checkNonNegative, checkPositive} from "./check.js";

/** Updates parameters in place from their gradients. */
export interface Optimizer {
  /** Its name. */
  readonly name: OptimizerName;
  /** Called once per batch before its updates (Adam counts steps for its bias correction). */
  beginStep(): void;
  /** param ← param − step(grad); `slot` identifies the parameter so the optimizer can remember it between steps. */
  update(slot: number, param: Float64Array, grad: Float64Array, learningRate: number): void;
}

/** Names of the built-in optimizers. */
export const optimizerNames = ["sgd", "momentum", "adam"] as const;

/** One of "sgd", "momentum", "adam". */
export type OptimizerName = (typeof optimizerNames)[number];

/** Momentum settings: β (default 0.9) and Nesterov's look-ahead variant (default off). */
export interface MomentumOptions {
  beta?: number;
  nesterov?: boolean;
}

/** Adam settings, with the defaults of Kingma & Ba (2015), also used by scikit-learn and Keras. */
export interface AdamOptions {
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

/** An optimizer by name (with its options), or an optimizer object passed through. */
export type OptimizerSpec = OptimizerName | Optimizer | ({name: OptimizerName} & MomentumOptions & AdamOptions);

/** Plain gradient descent: W ← W − η·dW. */
export function sgd(): Optimizer {
  return {
    name: "sgd",
    beginStep() {},
    update(_slot, param, grad, lr) {
      for (let k = 0; k < param.length; k++) param[k] -= lr * grad[k];
    }
  };
}

/** Gradient descent with momentum: v ← β·v − η·dW, W ← W + v (Nesterov: W ← W + β·v − η·dW). */
export function momentum({beta = 0.9, nesterov = false}: MomentumOptions = {}): Optimizer {
  checkFraction("momentum", "beta", beta);
  const velocity: Float64Array[] = [];
  return {
    name: "momentum",
    beginStep() {},
    update(slot, param, grad, lr) {
      velocity[slot] ??= new Float64Array(param.length);
      const v = velocity[slot];
      for (let k = 0; k < param.length; k++) {
        v[k] = beta * v[k] - lr * grad[k];
        param[k] += nesterov ? beta * v[k] - lr * grad[k] : v[k];
      }
    }
  };
}

/** Adam: momentum on the gradient plus a per-parameter step size from the running mean of its square. */
export function adam({beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8}: AdamOptions = {}): Optimizer {
  checkFraction("adam", "beta1", beta1);
  checkFraction("adam", "beta2", beta2);
  checkPositive("adam", "epsilon", epsilon);
  const m: Float64Array[] = [];
  const v: Float64Array[] = [];
  let t = 0;
  let correction = 1;
  return {
    name: "adam",
    beginStep() {
      t++;
      // m and v start at 0 and are biased towards it early on; this factor undoes that (as scikit-learn does).
      correction = Math.sqrt(1 - beta2 ** t) / (1 - beta1 ** t);
    },
    update(slot, param, grad, lr) {
      m[slot] ??= new Float64Array(param.length);
      v[slot] ??= new Float64Array(param.length);
      const ms = m[slot];
      const vs = v[slot];
      const step = lr * correction;
      for (let k = 0; k < param.length; k++) {
        ms[k] = beta1 * ms[k] + (1 - beta1) * grad[k];
        vs[k] = beta2 * vs[k] + (1 - beta2) * grad[k] * grad[k];
        param[k] -= (step * ms[k]) / (Math.sqrt(vs[k]) + epsilon);
      }
    }
  };
}

/** A fresh optimizer from a name or {name, …options}; an optimizer object is returned as it is. */
export function optimizer(spec: OptimizerSpec = "sgd"): Optimizer {
  if (typeof spec === "object" && "update" in spec) return spec;
  const {name, ...options} = typeof spec === "string" ? {name: spec} : spec;
  switch (checkName("optimizer", "optimizer", name, optimizerNames)) {
    case "sgd":
      return sgd();
    case "momentum":
      return momentum(options);
    case "adam":
      return adam(options);
  }
}

function checkFraction(where: string, name: string, value: number): void {
  checkNonNegative(where, name, value);
  if (value >= 1) throw new Error(`${where}: ${name} must be below 1 (it is a decay factor), got ${value}`);
}
