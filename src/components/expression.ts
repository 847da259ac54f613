// Functions typed as text: parsed and differentiated symbolically with mathjs.
import {derivative, type MathNode, parse} from "mathjs";

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
 * parse, or naming any symbol that is not one of the variables.
 */
export function parseFunction(expression: string, variables: string[]): ParsedFunction {
  if (typeof expression !== "string" || expression.trim() === "") throw new Error("Type a function, e.g. x^2 - 2x.");
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
