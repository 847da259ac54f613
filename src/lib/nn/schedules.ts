// Learning-rate schedules: the step size η for each epoch. A large η early covers ground fast; a smaller η later
// settles into a minimum instead of bouncing around it.
//
//   constant          η = η₀
//   inverseScaling    η = η₀ / (t + 1)^powerT, t = samples seen so far (scikit-learn's "invscaling")
//   stepDecay         η = η₀ · factor^⌊epoch / every⌋   (halve every 50 epochs, by default)
//   adaptive          η = η₀ until the loss stalls, then η ← η · factor (÷5), until η ≤ minRate (scikit-learn's
//                     "adaptive"; the trainer decides when the loss has stalled, see stopping.ts)

import {checkInteger, checkName, checkPositive} from "./check.js";

/** Names of the built-in schedules. */
export const scheduleNames = ["constant", "inverseScaling", "stepDecay", "adaptive"] as const;

/** One of "constant", "inverseScaling", "stepDecay", "adaptive". */
export type ScheduleName = (typeof scheduleNames)[number];

/** A learning rate per epoch. */
export interface Schedule {
  readonly name: ScheduleName;
  /** The rate for epoch `epoch` (from 0), after `samplesSeen` training samples. */
  rate(epoch: number, samplesSeen: number): number;
  /** Told that the loss stopped improving: returns true if it lowered the rate (so training should go on). */
  onPlateau(): boolean;
}

/** Options of the built-in schedules (each uses only its own). */
export interface ScheduleOptions {
  /** inverseScaling's exponent (default 0.5). */
  powerT?: number;
  /** stepDecay: epochs between cuts (default 50). */
  every?: number;
  /** stepDecay (default 0.5) and adaptive (default 0.2): the factor applied at each cut. */
  factor?: number;
  /** adaptive: below this rate it gives up and lets training stop (default 1e-6). */
  minRate?: number;
}

/** A schedule by name, {name, …options}, or a schedule object. */
export type ScheduleSpec = ScheduleName | Schedule | ({name: ScheduleName} & ScheduleOptions);

/** η = η₀ throughout. */
export function constant(learningRate: number): Schedule {
  checkPositive("constant schedule", "learning rate", learningRate);
  return {name: "constant", rate: () => learningRate, onPlateau: () => false};
}

/** η = η₀ / (t + 1)^powerT with t the number of samples seen (scikit-learn's "invscaling"). */
export function inverseScaling(learningRate: number, {powerT = 0.5}: ScheduleOptions = {}): Schedule {
  checkPositive("inverseScaling", "learning rate", learningRate);
  checkPositive("inverseScaling", "powerT", powerT);
  return {name: "inverseScaling", rate: (_epoch, t) => learningRate / (t + 1) ** powerT, onPlateau: () => false};
}

/** η = η₀ · factor^⌊epoch / every⌋. */
export function stepDecay(learningRate: number, {every = 50, factor = 0.5}: ScheduleOptions = {}): Schedule {
  checkPositive("stepDecay", "learning rate", learningRate);
  checkInteger("stepDecay", "every", every);
  checkFactor("stepDecay", factor);
  return {
    name: "stepDecay",
    rate: (epoch) => learningRate * factor ** Math.floor(epoch / every),
    onPlateau: () => false
  };
}

/** η = η₀, multiplied by `factor` each time the loss stalls, until it falls to `minRate`. */
export function adaptive(learningRate: number, {factor = 0.2, minRate = 1e-6}: ScheduleOptions = {}): Schedule {
  checkPositive("adaptive", "learning rate", learningRate);
  checkFactor("adaptive", factor);
  checkPositive("adaptive", "minRate", minRate);
  let current = learningRate;
  return {
    name: "adaptive",
    rate: () => current,
    onPlateau() {
      if (current <= minRate) return false;
      current *= factor;
      return true;
    }
  };
}

/** A schedule starting at `learningRate` from a spec (default "constant"). */
export function schedule(spec: ScheduleSpec = "constant", learningRate: number): Schedule {
  if (typeof spec === "object" && "rate" in spec) return spec;
  const {name, ...options} = typeof spec === "string" ? {name: spec} : spec;
  switch (checkName("schedule", "learning-rate schedule", name, scheduleNames)) {
    case "constant":
      return constant(learningRate);
    case "inverseScaling":
      return inverseScaling(learningRate, options);
    case "stepDecay":
      return stepDecay(learningRate, options);
    case "adaptive":
      return adaptive(learningRate, options);
  }
}

function checkFactor(where: string, factor: number): void {
  checkPositive(where, "factor", factor);
  if (factor >= 1) throw new Error(`${where}: factor must be below 1 so the rate goes down, got ${factor}`);
}
