// What an exercise's check returns, and the helpers authors write checks with.
// A check runs the learner's code on a list of cases and stops at the first one that fails, so the message
// can show that case's input, what was expected, what came back, and the hint that fits.
import {describe, difference, type Tolerance} from "./compare.js";

export interface FailedCase {
  input: string;
  expected: string;
  got: string;
}

export type Verdict =
  | {passed: true; message: string}
  | {passed: false; message: string; hint?: string; failedCase?: FailedCase};

export interface Case {
  /** Arguments passed to the learner's function. */
  args: unknown[];
  /** The value it should return (compared with `difference`). */
  expected?: unknown;
  /** Instead of a value, the call should throw an error whose message matches this. */
  throws?: RegExp;
  /** Shown in the failure message instead of the arguments, e.g. "the seed table". */
  label?: string;
  /** The hint shown when this case fails. */
  hint?: string;
  tolerance?: Tolerance;
}

export const pass = (message = "All cases pass."): Verdict => ({passed: true, message});

export const fail = (message: string, hint?: string): Verdict => ({passed: false, message, hint});

function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** "1 solution", "2 solutions": a count with its noun, for messages ("but there are 1" reads wrong). */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Runs `fn` on each case in order; the verdict names the function and the first case that fails. */
export function cases(fn: unknown, list: Case[], options: {name?: string; tolerance?: Tolerance} = {}): Verdict {
  const name = options.name ?? (typeof fn === "function" && fn.name ? fn.name : undefined);
  if (typeof fn !== "function")
    return fail(`${name ?? "Your function"} should be a function, but it is ${describe(fn)}.`);
  for (const [index, item] of list.entries()) {
    const input = item.label ?? item.args.map(describe).join(", ");
    const which = `case ${index + 1} of ${list.length}`;
    const failure = (message: string, expected: string, got: string): Verdict => ({
      passed: false,
      message: name ? `${name}: ${which}: ${message}` : `${which[0].toUpperCase()}${which.slice(1)}: ${message}`,
      hint: item.hint,
      failedCase: {input, expected, got}
    });
    let got: unknown;
    try {
      got = fn(...item.args);
    } catch (error) {
      if (item.throws) {
        if (item.throws.test(error instanceof Error ? error.message : String(error))) continue;
        return failure(
          "the error message does not say what went wrong.",
          `an error matching ${item.throws}`,
          errorMessage(error)
        );
      }
      return failure("it threw an error.", describe(item.expected), errorMessage(error));
    }
    if (item.throws)
      return failure("it should have refused this input.", `an error matching ${item.throws}`, describe(got));
    if (got instanceof Promise)
      return failure("it returned a Promise; return the value itself.", describe(item.expected), "a Promise");
    const problem = difference(got, item.expected, item.tolerance ?? options.tolerance);
    if (problem) return failure(problem, describe(item.expected), describe(got));
  }
  return pass(`${name ?? "Your function"} passes ${list.length === 1 ? "its one case" : `all ${list.length} cases`}.`);
}

/** Checks one value (not a function), e.g. weights the learner found. */
export function value(
  got: unknown,
  expected: unknown,
  options: {name?: string; hint?: string; tolerance?: Tolerance} = {}
): Verdict {
  const problem = difference(got, expected, options.tolerance);
  if (!problem) return pass(`${options.name ?? "The value"} is right.`);
  return {
    passed: false,
    message: `${options.name ?? "The value"}: ${problem}`,
    hint: options.hint,
    failedCase: {input: options.name ?? "", expected: describe(expected), got: describe(got)}
  };
}

/** Passes when `condition` holds; otherwise fails with the message and hint. */
export function assert(condition: boolean, message: string, hint?: string): Verdict {
  return condition ? pass(message) : fail(message, hint);
}

/** The first failing verdict, or a pass when all pass. */
export function all(...verdicts: Verdict[]): Verdict {
  return verdicts.find((verdict) => !verdict.passed) ?? pass(verdicts.at(-1)?.message);
}

/** Runs a check safely: a check that throws (because the learner's code did) becomes a failed verdict. */
export function runCheck(check: () => Verdict): Verdict {
  try {
    const verdict = check();
    if (!verdict || typeof verdict !== "object" || typeof verdict.passed !== "boolean") {
      return fail("The check did not return a verdict (this is a bug in the chapter, not in your code).");
    }
    return verdict;
  } catch (error) {
    return fail(`Your code threw an error while it was checked: ${errorMessage(error)}`);
  }
}
