// Pure parts of the computational graph: collecting the nodes of a scalar-autodiff expression (the library's
// Value, or anything shaped like it), their order, their columns, and each operation's local derivative.

export interface ValueLike {
  data: number;
  grad: number;
  inputs: readonly ValueLike[];
  op: string;
  label: string;
}

export interface GraphNode {
  value: ValueLike;
  /** Position in the forward (topological) order. */
  order: number;
  /** Column: 0 for leaves, else 1 + the largest column of its inputs. */
  column: number;
  /** Row within its column. */
  row: number;
  /** Display name: its label, else the operation, else its constant value. */
  name: string;
}

export function isValueLike(v: unknown): v is ValueLike {
  const x = v as ValueLike;
  return (
    typeof x === "object" &&
    x !== null &&
    typeof x.data === "number" &&
    Array.isArray(x.inputs) &&
    typeof x.op === "string"
  );
}

/** Nodes in forward order (every node after its inputs), with columns and rows for drawing. */
export function graphLayout(output: ValueLike, maxNodes = 60): GraphNode[] {
  if (!isValueLike(output)) throw new Error("computationalGraph: expected a Value, e.g. new Value(5, 'a').add(…).");
  const order: ValueLike[] = [];
  const seen = new Set<ValueLike>();
  const visit = (v: ValueLike) => {
    if (seen.has(v)) return;
    seen.add(v);
    if (seen.size > maxNodes)
      throw new Error(`computationalGraph: the expression has more than ${maxNodes} nodes; draw a smaller one.`);
    for (const input of v.inputs) visit(input);
    order.push(v);
  };
  visit(output);
  const column = new Map<ValueLike, number>();
  for (const v of order)
    column.set(v, v.inputs.length === 0 ? 0 : 1 + Math.max(...v.inputs.map((i) => column.get(i) ?? 0)));
  // Put the output alone in the last column.
  const last = Math.max(...column.values());
  column.set(output, Math.max(last, column.get(output) ?? 0));
  const rows = new Map<number, number>();
  return order.map((value, k) => {
    const c = column.get(value) ?? 0;
    const row = rows.get(c) ?? 0;
    rows.set(c, row + 1);
    return {value, order: k, column: c, row, name: value.label || (value.op ? value.op : fmtNumber(value.data))};
  });
}

function fmtNumber(v: number): string {
  return String(Number(v.toPrecision(4)));
}

/** ∂(node)/∂(node.inputs[index]) for the library's operations; NaN for an unknown one. */
export function localDerivative(node: ValueLike, index: number): number {
  const x = node.inputs[index]?.data ?? Number.NaN;
  const y = node.data;
  switch (node.op) {
    case "+":
      return 1;
    case "×":
    case "*":
      return node.inputs[1 - index]?.data ?? Number.NaN;
    case "exp":
      return y;
    case "log":
      return 1 / x;
    case "tanh":
      return 1 - y * y;
    case "sigmoid":
      return y * (1 - y);
    case "relu":
      return x > 0 ? 1 : 0;
    default: {
      const m = /^\^(-?[\d.]+(?:e-?\d+)?)$/.exec(node.op);
      if (m) {
        const n = Number(m[1]);
        return n * x ** (n - 1);
      }
      return Number.NaN;
    }
  }
}

/** Where a node's gradient comes from: one term per use, ∂out/∂use · ∂use/∂node. */
export function chainTerms(
  node: ValueLike,
  nodes: readonly GraphNode[]
): {consumer: GraphNode; upstream: number; local: number}[] {
  const terms: {consumer: GraphNode; upstream: number; local: number}[] = [];
  for (const n of nodes)
    n.value.inputs.forEach((input, i) => {
      if (input === node) terms.push({consumer: n, upstream: n.value.grad, local: localDerivative(n.value, i)});
    });
  return terms;
}
