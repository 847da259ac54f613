// Scalar automatic differentiation: every Value remembers which values and which operation produced it, so the
// whole computation forms a graph. backward() walks that graph from the output back to the inputs, applying the
// chain rule at each node: a node's gradient is added into each input, times the local derivative of its operation.
//
//   const a = new Value(5, "a"), b = new Value(3, "b"), c = new Value(2, "c");
//   const J = a.add(b.mul(c)).mul(3);      // J = 3(a + bc) = 33
//   J.backward();                          // a.grad = 3, b.grad = 3c = 6, c.grad = 3b = 9
//
// It is slow (one object per number) and meant for small graphs: lessons, and as a second opinion in tests.

/** A number that records how it was computed, so that backward() can find its gradient. */
export class Value {
  /** The number itself. */
  data: number;
  /** ∂(output)/∂(this value), filled in by output.backward(). */
  grad = 0;
  /** The values this one was computed from. */
  readonly inputs: readonly Value[];
  /** The operation that produced it ("+", "×", "exp", …; "" for a leaf). */
  readonly op: string;
  /** An optional name to show in graphs. */
  label: string;
  // Adds this node's gradient into its inputs' gradients (the chain rule for one operation).
  private propagate: () => void = () => {};

  /** A leaf value (an input or a parameter). */
  constructor(data: number, label = "", inputs: readonly Value[] = [], op = "") {
    if (typeof data !== "number") throw new Error(`Value: expected a number, got ${typeof data}`);
    this.data = data;
    this.label = label;
    this.inputs = inputs;
    this.op = op;
  }

  /** this + other */
  add(other: Value | number): Value {
    const o = toValue(other);
    const out = new Value(this.data + o.data, "", [this, o], "+");
    out.propagate = () => {
      this.grad += out.grad;
      o.grad += out.grad;
    };
    return out;
  }

  /** this × other */
  mul(other: Value | number): Value {
    const o = toValue(other);
    const out = new Value(this.data * o.data, "", [this, o], "×");
    out.propagate = () => {
      this.grad += o.data * out.grad;
      o.grad += this.data * out.grad;
    };
    return out;
  }

  /** this^n for a constant exponent n */
  pow(n: number): Value {
    if (typeof n !== "number") throw new Error("Value.pow: the exponent must be a plain number");
    const out = new Value(this.data ** n, "", [this], `^${n}`);
    out.propagate = () => {
      this.grad += n * this.data ** (n - 1) * out.grad;
    };
    return out;
  }

  /** −this */
  neg(): Value {
    return this.mul(-1);
  }

  /** this − other */
  sub(other: Value | number): Value {
    return this.add(toValue(other).neg());
  }

  /** this ÷ other */
  div(other: Value | number): Value {
    return this.mul(toValue(other).pow(-1));
  }

  /** e^this */
  exp(): Value {
    return this.unary("exp", Math.exp(this.data), (y) => y); // (e^x)' = e^x
  }

  /** natural log of this (this must be > 0) */
  log(): Value {
    if (!(this.data > 0)) throw new Error(`Value.log: the logarithm needs a positive number, got ${this.data}`);
    return this.unary("log", Math.log(this.data), () => 1 / this.data);
  }

  /** tanh(this) */
  tanh(): Value {
    return this.unary("tanh", Math.tanh(this.data), (y) => 1 - y * y);
  }

  /** sigmoid(this) = 1 / (1 + e^−this) */
  sigmoid(): Value {
    return this.unary("sigmoid", 1 / (1 + Math.exp(-this.data)), (y) => y * (1 - y));
  }

  /** max(0, this) */
  relu(): Value {
    return this.unary("relu", Math.max(0, this.data), () => (this.data > 0 ? 1 : 0));
  }

  /** Fills in .grad of every value this one depends on (and sets its own to 1). */
  backward(): void {
    // Topological order: a node comes after everything it was computed from, so walking the list backwards
    // finishes each node's gradient before passing it on to its inputs.
    const order: Value[] = [];
    const seen = new Set<Value>();
    const visit = (v: Value): void => {
      if (seen.has(v)) return;
      seen.add(v);
      for (const input of v.inputs) visit(input);
      order.push(v);
    };
    visit(this);
    for (const v of order) v.grad = 0;
    this.grad = 1;
    for (let i = order.length - 1; i >= 0; i--) order[i].propagate();
  }

  /** "label = data" or just the number. */
  toString(): string {
    return this.label ? `${this.label} = ${this.data}` : String(this.data);
  }

  // An operation of one input whose derivative is known from its result y.
  private unary(op: string, y: number, derivative: (y: number) => number): Value {
    const out = new Value(y, "", [this], op);
    out.propagate = () => {
      this.grad += derivative(y) * out.grad;
    };
    return out;
  }
}

/** Wraps a plain number as a constant Value. */
export function toValue(x: Value | number): Value {
  return x instanceof Value ? x : new Value(x);
}
