// Functions typed as text: parsed and differentiated symbolically with mathjs. mathjs is large (about 180 KB
// gzip), so a page loads it only when a formula typed as text is really read: parseFunction works once
// loadExpressions() has resolved; parseFunctionAsync loads it first. The plots draw what they can while it loads
// (see functions.ts) and redraw when it has arrived.
import type {MathNode} from "mathjs";

type MathJs = typeof import("mathjs");
let mathjs: MathJs | undefined;
let loading: Promise<void> | undefined;

/** Loads mathjs once; after this resolves, parseFunction runs synchronously. */
export function loadExpressions(): Promise<void> {
  loading ??= import("mathjs").then((module) => {
    mathjs = module;
  });
  return loading;
}

/** Whether mathjs has arrived, so that parseFunction can run now. */
export function expressionsReady(): boolean {
  return mathjs !== undefined;
}

/** Thrown by parseFunction before mathjs has arrived (it starts loading it); `ready` resolves when it has. */
export class ExpressionsLoading extends Error {
  readonly ready: Promise<void>;
  constructor(ready: Promise<void>) {
    super("mathjs is still loading: await loadExpressions() first, or use parseFunctionAsync(…).");
    this.name = "ExpressionsLoading";
    this.ready = ready;
  }
}

export interface ParsedFunction {
  expression: string;
  /** The variable names the function reads, in order. */
  variables: string[];
  f: (...args: number[]) => number;
  /** Partial derivative with respect to each variable, as text and as a function. */
  partials: {variable: string; expression: string; f: (...args: number[]) => number}[];
}

const CONSTANTS = new Set(["e", "pi", "PI", "E", "Infinity", "NaN", "i", "true", "false", "phi", "tau"]);

/**
 * Parses `expression` in the given variables, e.g. parseFunction("x^2 + 3x", ["x"]) or
 * parseFunction("x0^2 + x1^2", ["x0", "x1"]). Throws an Error carrying mathjs's message when the text does not
 * parse, or naming any symbol that is not one of the variables; throws ExpressionsLoading before mathjs has arrived.
 */
export function parseFunction(expression: string, variables: string[]): ParsedFunction {
  if (typeof expression !== "string" || expression.trim() === "") throw new Error("Type a function, e.g. x^2 - 2x.");
  if (!mathjs) throw new ExpressionsLoading(loadExpressions());
  const {derivative, parse} = mathjs;
  let node: MathNode;
  try {
    node = parse(expression);
  } catch (error) {
    throw new Error(`Cannot read "${expression}": ${(error as Error).message}`);
  }
  const unknown = new Set<string>();
  node.traverse((n: MathNode, _path: string | null, parent: MathNode | null) => {
    const symbol = n as unknown as {isSymbolNode?: boolean; name: string};
    const call = parent as unknown as {isFunctionNode?: boolean; fn?: unknown} | null;
    if (symbol.isSymbolNode && !(call?.isFunctionNode && call.fn === n)) {
      if (!variables.includes(symbol.name) && !CONSTANTS.has(symbol.name)) unknown.add(symbol.name);
    }
  });
  if (unknown.size > 0)
    throw new Error(
      `Unknown symbol ${[...unknown].map((s) => `"${s}"`).join(", ")} in "${expression}": use ${variables.join(", ")}.`
    );
  const compile = (n: MathNode) => {
    const code = n.compile();
    return (...args: number[]): number => {
      const scope: Record<string, number> = {};
      variables.forEach((v, i) => {
        scope[v] = args[i];
      });
      const y = code.evaluate(scope);
      return typeof y === "number" ? y : Number.NaN;
    };
  };
  const f = compile(node);
  // Evaluate once to surface errors such as an undefined function.
  try {
    f(...variables.map(() => 0.5));
  } catch (error) {
    throw new Error(`Cannot evaluate "${expression}": ${(error as Error).message}`);
  }
  const partials = variables.map((variable) => {
    let d: MathNode;
    try {
      d = derivative(node, variable);
    } catch (error) {
      throw new Error(`Cannot differentiate "${expression}": ${(error as Error).message}`);
    }
    return {variable, expression: d.toString(), f: compile(d)};
  });
  return {expression, variables, f, partials};
}

/** parseFunction, loading mathjs first if it has not arrived yet. */
export async function parseFunctionAsync(expression: string, variables: string[]): Promise<ParsedFunction> {
  await loadExpressions();
  return parseFunction(expression, variables);
}
