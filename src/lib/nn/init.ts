// Initial weights: random numbers whose spread suits the layer's size.
//
// If every weight started equal, every unit of a layer would compute the same thing and receive the same gradient
// forever, so weights start random. Their spread is chosen so that signals neither vanish nor explode as they pass
// through the layers: the more inputs a unit adds up (its fan-in), the smaller each weight must be. Biases start
// at 0 (the random W already breaks the symmetry).

import {checkName} from "./check.js";
import {Matrix} from "./matrix.js";
import type {Random} from "./random.js";

/** Names of the built-in initialisers. */
export const initNames = ["smallUniform", "xavier", "glorot", "he"] as const;

/** "smallUniform": U(−0.1, 0.1); "xavier" = "glorot": U(±√(6/(in+out))); "he": N(0, 2/in) (for ReLU layers). */
export type InitName = (typeof initNames)[number];

/** A built-in name, or your own function giving one weight from the layer's fan-in, fan-out and the generator. */
export type Initializer = InitName | ((fanIn: number, fanOut: number, random: Random) => number);

/** The function that draws one weight for a named initialiser. */
export function initializer(init: Initializer): (fanIn: number, fanOut: number, random: Random) => number {
  if (typeof init === "function") return init;
  switch (checkName("init", "initialiser", init, initNames)) {
    case "smallUniform":
      return (_in, _out, random) => random.uniform(-0.1, 0.1);
    case "xavier":
    case "glorot":
      // Glorot & Bengio (2010): keeps the variance of signals about equal forwards and backwards.
      return (fanIn, fanOut, random) => {
        const limit = Math.sqrt(6 / (fanIn + fanOut));
        return random.uniform(-limit, limit);
      };
    case "he":
      // He et al. (2015): ReLU zeroes half its inputs, so the variance is doubled to make up for it.
      return (fanIn, _out, random) => random.normal(0, Math.sqrt(2 / fanIn));
  }
}

/** A fanIn×fanOut weight matrix W drawn with the given initialiser. */
export function initWeights(init: Initializer, fanIn: number, fanOut: number, random: Random): Matrix {
  const draw = initializer(init);
  const W = new Matrix(fanIn, fanOut);
  for (let k = 0; k < W.data.length; k++) W.data[k] = draw(fanIn, fanOut, random);
  return W;
}
