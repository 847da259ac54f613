// The hand-written baseline: a minimal plain-Float64Array training loop for a dense network trained with plain
// SGD. Everything is allocated before the epoch loop; inside it there are only loops over typed arrays, split
// into a few small functions (one big function gets de-optimised by V8 whenever it first reaches a branch it has
// not run before, which would make the baseline look slower than it is). It shares no code with the library.

/** A benchmark task: data, layer sizes, activations, initial weights, and how to batch. */
export interface Task {
  X: Float64Array; // n × sizes[0], row-major
  Y: Float64Array; // n × sizes[last], one-hot (or 0/1 for one sigmoid output)
  n: number;
  sizes: number[]; // e.g. [2, 4, 1]
  hidden: "sigmoid" | "tanh" | "relu";
  output: "sigmoid" | "softmax"; // with binary cross-entropy / cross-entropy
  W: Float64Array[]; // initial weights, sizes[l] × sizes[l+1]
  b: Float64Array[]; // initial biases
  learningRate: number;
  epochs: number;
  batchSize: number; // n for full batch; batches are taken in order (no shuffling)
}

// z = a·w + b for m rows (a: m×p, w: p×q), in i-k-j order.
function affine(a: Float64Array, w: Float64Array, b: Float64Array, z: Float64Array, m: number, p: number, q: number) {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < q; j++) z[i * q + j] = b[j];
    for (let k = 0; k < p; k++) {
      const aik = a[i * p + k];
      for (let j = 0; j < q; j++) z[i * q + j] += aik * w[k * q + j];
    }
  }
}

// The activation, in place over m·q entries (softmax row by row).
function activate(kind: string, z: Float64Array, m: number, q: number) {
  if (kind === "sigmoid") for (let k = 0; k < m * q; k++) z[k] = 1 / (1 + Math.exp(-z[k]));
  else if (kind === "tanh") for (let k = 0; k < m * q; k++) z[k] = Math.tanh(z[k]);
  else if (kind === "relu") for (let k = 0; k < m * q; k++) z[k] = Math.max(z[k], 0);
  else {
    for (let i = 0; i < m; i++) {
      let max = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < q; j++) if (z[i * q + j] > max) max = z[i * q + j];
      let sum = 0;
      for (let j = 0; j < q; j++) {
        z[i * q + j] = Math.exp(z[i * q + j] - max);
        sum += z[i * q + j];
      }
      for (let j = 0; j < q; j++) z[i * q + j] /= sum;
    }
  }
}

// Loss summed over the batch, and dZ = (A − Y)/m at the output (softmax + CE, sigmoid + BCE).
function outputError(softmax: boolean, out: Float64Array, y: Float64Array, d: Float64Array, count: number, m: number) {
  let loss = 0;
  for (let k = 0; k < count; k++) {
    const p = Math.min(Math.max(out[k], 1e-15), 1 - 1e-15);
    if (softmax) {
      if (y[k] !== 0) loss -= y[k] * Math.log(p);
    } else loss -= y[k] * Math.log(p) + (1 - y[k]) * Math.log(1 - p);
    d[k] = (out[k] - y[k]) / m;
  }
  return loss;
}

// dW = aᵀ·d and db = Σ rows of d.
function gradients(
  a: Float64Array,
  d: Float64Array,
  gw: Float64Array,
  gb: Float64Array,
  m: number,
  p: number,
  q: number
) {
  gw.fill(0);
  gb.fill(0);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < p; k++) {
      const aik = a[i * p + k];
      for (let j = 0; j < q; j++) gw[k * q + j] += aik * d[i * q + j];
    }
    for (let j = 0; j < q; j++) gb[j] += d[i * q + j];
  }
}

// dPrev = (d · wᵀ) ⊙ g'(z), with g' written in terms of a = g(z).
function passBack(
  kind: string,
  d: Float64Array,
  w: Float64Array,
  a: Float64Array,
  dPrev: Float64Array,
  m: number,
  p: number,
  q: number
) {
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < p; k++) {
      let s = 0;
      for (let j = 0; j < q; j++) s += d[i * q + j] * w[k * q + j];
      dPrev[i * p + k] = s;
    }
  }
  if (kind === "sigmoid") for (let k = 0; k < m * p; k++) dPrev[k] *= a[k] * (1 - a[k]);
  else if (kind === "tanh") for (let k = 0; k < m * p; k++) dPrev[k] *= 1 - a[k] * a[k];
  else for (let k = 0; k < m * p; k++) if (a[k] <= 0) dPrev[k] = 0;
}

function step(param: Float64Array, grad: Float64Array, lr: number) {
  for (let k = 0; k < param.length; k++) param[k] -= lr * grad[k];
}

function copyRows(from: Float64Array, to: Float64Array, start: number, m: number, width: number) {
  for (let k = 0; k < m * width; k++) to[k] = from[start * width + k];
}

/** Trains a copy of the task's weights; returns the mean loss of the last epoch and the trained weights. */
export function trainReference(task: Task): {loss: number; W: Float64Array[]; b: Float64Array[]} {
  const {sizes, n, learningRate: lr, batchSize: bs} = task;
  const L = sizes.length - 1;
  const W = task.W.map((w) => w.slice());
  const b = task.b.map((v) => v.slice());
  const A = sizes.map((s) => new Float64Array(bs * s)); // A[0] is the batch input; activations in place
  const D = sizes.map((s) => new Float64Array(bs * s)); // dZ per layer
  const dW = W.map((w) => new Float64Array(w.length));
  const db = b.map((v) => new Float64Array(v.length));
  const Yb = new Float64Array(bs * sizes[L]);
  let epochLoss = 0;

  for (let epoch = 0; epoch < task.epochs; epoch++) {
    epochLoss = 0;
    for (let start = 0; start < n; start += bs) {
      const m = Math.min(bs, n - start);
      copyRows(task.X, A[0], start, m, sizes[0]);
      copyRows(task.Y, Yb, start, m, sizes[L]);
      for (let l = 0; l < L; l++) {
        affine(A[l], W[l], b[l], A[l + 1], m, sizes[l], sizes[l + 1]);
        activate(l < L - 1 ? task.hidden : task.output, A[l + 1], m, sizes[l + 1]);
      }
      epochLoss += outputError(task.output === "softmax", A[L], Yb, D[L], m * sizes[L], m);
      for (let l = L - 1; l >= 0; l--) {
        gradients(A[l], D[l + 1], dW[l], db[l], m, sizes[l], sizes[l + 1]);
        if (l > 0) passBack(task.hidden, D[l + 1], W[l], A[l], D[l], m, sizes[l], sizes[l + 1]);
      }
      for (let l = 0; l < L; l++) {
        step(W[l], dW[l], lr);
        step(b[l], db[l], lr);
      }
    }
  }
  return {loss: epochLoss / n, W, b};
}
