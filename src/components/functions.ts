// Turns what a learner passes as "a function" into something plottable: a preset name ("sigmoid"),
// a mathjs expression ("x^2 - 2x"), or {f, df}.
import {findPreset} from "./activations.js";
import {expressionsReady, loadExpressions, parseFunction} from "./expression.js";
import type {Lifecycle} from "./theme.js";
import {words} from "./words.js";

export interface FunctionSpec {
  f: (x: number) => number;
  /** Derivative; when missing, a central difference is used. */
  df?: (x: number) => number;
  label?: string;
  breaks?: number[];
  description?: string;
}

export type FunctionInput = string | FunctionSpec;

export interface ResolvedFunction {
  f: (x: number) => number;
  df: (x: number) => number;
  label: string;
  derivativeLabel: string;
  breaks: number[];
  description: string;
  /**
   * Set while mathjs loads for an expression: until it resolves, f and df are NaN everywhere. A component draws
   * what it can meanwhile (its frame keeps its size) and resolves the function again when this settles.
   */
  loading?: Promise<void>;
}

/** Resolves one function; throws with a readable message (mathjs's own for a bad expression). */
export function resolveFunction(input: FunctionInput, index = 0): ResolvedFunction {
  if (typeof input === "string") {
    const preset = findPreset(input);
    if (preset)
      return {
        f: preset.f,
        df: preset.df,
        label: preset.label,
        derivativeLabel: preset.label.replace("(z)", "′(z)"),
        breaks: preset.breaks ?? [],
        description: preset.description
      };
    if (input.trim() !== "" && !expressionsReady())
      return {
        f: () => Number.NaN,
        df: () => Number.NaN,
        label: `f(x) = ${input}`,
        derivativeLabel: "f′(x)",
        breaks: [],
        description: words("function.graph", {label: `f(x) = ${input}`}),
        loading: loadExpressions()
      };
    let parsed: ReturnType<typeof parseFunction>;
    try {
      parsed = parseFunction(input, ["x"]);
    } catch (error) {
      // Allow z as the variable too (activation functions are usually written in z).
      try {
        parsed = parseFunction(input, ["z"]);
      } catch {
        throw error;
      }
    }
    const v = parsed.variables[0];
    const f = (x: number) => parsed.f(x);
    return {
      f,
      df: (x: number) => parsed.partials[0].f(x),
      label: `f(${v}) = ${input}`,
      derivativeLabel: `f′(${v}) = ${parsed.partials[0].expression}`,
      breaks: [],
      description: words("function.graph", {label: `f(${v}) = ${input}`})
    };
  }
  if (!input || typeof input.f !== "function")
    throw new Error(
      `Function ${index + 1}: expected a preset name, a mathjs expression or {f: x => …}, got ${typeof input}.`
    );
  const label = input.label ?? `f${index + 1}(x)`;
  const f = input.f;
  const h = 1e-5;
  return {
    f,
    df: input.df ?? ((x: number) => (f(x + h) - f(x - h)) / (2 * h)),
    label,
    derivativeLabel: `${label.replace(/\(.*\)$/, "")}′`,
    breaks: input.breaks ?? [],
    description: input.description ?? words("function.graph", {label})
  };
}

/**
 * Once every function of `resolved` that waits for mathjs has it, calls `redo` (which resolves them again), unless
 * the component was destroyed meanwhile; `fail` gets the message if mathjs cannot be loaded.
 */
export function whenLoaded(
  resolved: readonly {loading?: Promise<void>}[],
  life: Lifecycle,
  redo: () => void,
  fail: (message: string) => void
): void {
  const waiting = resolved.flatMap((r) => (r.loading ? [r.loading] : []));
  if (waiting.length === 0) return;
  Promise.all(waiting).then(
    () => {
      if (!life.destroyed) redo();
    },
    (error: unknown) => {
      if (!life.destroyed) fail(words("function.mathjs", {message: (error as Error).message}));
    }
  );
}
