// Turns a compiled cell's code into its function. Indirect eval runs it in global scope (not the caller's module);
// the sourceURL names it in stack traces, which is how a runtime error finds its cell line. Kept apart from the
// compiler so that running a cell does not load the compiler.
export function evaluate(code: string, url: string): (...args: unknown[]) => unknown {
  // biome-ignore lint/security/noGlobalEval: running the learner's code is the point of a live cell
  const indirect = eval;
  return indirect(`${code}\n//# sourceURL=${url}`);
}
