// Seeded random numbers. Math.random cannot be seeded, so two runs of a lesson would differ; this generator
// gives the same sequence for the same seed on every run, which makes training bit-for-bit repeatable.
//
// The generator is mulberry32 (Tommy Ettinger, public domain): 32 bits of state, one multiply-xorshift round per
// number. It is small enough to read and plenty random for initial weights, shuffling and toy datasets (it is not
// for cryptography).

/** A seeded pseudo-random number generator (mulberry32). */
export class Random {
  private state: number;

  /** A generator whose whole sequence is fixed by `seed` (any integer). */
  constructor(seed = 0) {
    if (!Number.isInteger(seed)) throw new Error(`Random: the seed must be a whole number, got ${seed}`);
    this.state = seed >>> 0;
  }

  /** A uniform number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A uniform number in [low, high). */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  /** A normally distributed number (Box–Muller transform). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next(); // in (0, 1], so the log below is finite
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A whole number in 0 … n−1. */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Shuffles `array` in place (Fisher–Yates) and returns it. */
  shuffle<A extends {length: number; [index: number]: unknown}>(array: A): A {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = array[i];
      array[i] = array[j];
      array[j] = t;
    }
    return array;
  }
}
