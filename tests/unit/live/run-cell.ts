// Runs a compiled live cell in Node, the way the browser runtime calls it (without the page's runtime).
import {type CompiledCell, compileCell} from "../../../src/lib/live/compile.js";
import {createGuard} from "../../../src/lib/live/guard.js";

/** Evaluates compiled code in global scope, as the browser runtime does. */
export function evaluate<T>(code: string): T {
  // biome-ignore lint/security/noGlobalEval: the compiled cell is meant to be evaluated
  const indirect = eval;
  return indirect(code) as T;
}

/** Compiles and runs a cell in Node with the given inputs and modules; returns what the cell function returned. */
export function runCell(
  source: string,
  values: Record<string, unknown> = {},
  modules: unknown[] = [],
  budgetMs = 200,
  memoryBytes?: number
): {result: unknown; compiled: CompiledCell; guard: ReturnType<typeof createGuard>} {
  const compiled = compileCell(source, {path: "/index"});
  const guard = createGuard(budgetMs, memoryBytes);
  const displayed: unknown[] = [];
  const args = compiled.params.map((name) => (name === "display" ? (v: unknown) => displayed.push(v) : values[name]));
  const fn = evaluate<(...args: unknown[]) => unknown>(compiled.code);
  return {result: fn(guard, modules, () => {}, ...args), compiled, guard};
}
