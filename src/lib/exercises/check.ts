// What an exercise's check returns, and the helpers authors write checks with.
// A check runs the learner's code on a list of cases and stops at the first one that fails, so the message
// can show that case's input, what was expected, what came back, and the hint that fits.
import {pageLang, t} from "../i18n.js";
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

export const pass = (message = t("check.allPass")): Verdict => ({passed: true, message});

export const fail = (message: string, hint?: string): Verdict => ({passed: false, message, hint});

function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * "1 solution", "2 solutions": a count with its noun, for messages ("but there are 1" reads wrong). Chinese nouns
 * have no plural, so on a Chinese page the plural is the singular ("3 个解").
 */
export function count(n: number, singular: string, plural = pageLang() === "zh" ? singular : `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Runs `fn` on each case in order; the verdict names the function and the first case that fails. */
export function cases(fn: unknown, list: Case[], options: {name?: string; tolerance?: Tolerance} = {}): Verdict {
  const name = options.name ?? (typeof fn === "function" && fn.name ? fn.name : undefined);
  if (typeof fn !== "function")
    return fail(t("check.notFunction", {name: name ?? t("check.yourFunction"), what: describe(fn)}));
  for (const [index, item] of list.entries()) {
    const input = item.label ?? item.args.map(describe).join(", ");
    const which = t("check.case", {n: index + 1, total: list.length});
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
          t("check.badMessage"),
          t("check.errorMatching", {pattern: String(item.throws)}),
          errorMessage(error)
        );
      }
      return failure(t("check.threw"), describe(item.expected), errorMessage(error));
    }
    if (item.throws)
      return failure(t("check.shouldRefuse"), t("check.errorMatching", {pattern: String(item.throws)}), describe(got));
    if (got instanceof Promise) return failure(t("check.promise"), describe(item.expected), "a Promise");
    const problem = difference(got, item.expected, item.tolerance ?? options.tolerance);
    if (problem) return failure(problem, describe(item.expected), describe(got));
  }
  const who = name ?? t("check.yourFunction");
  return pass(
    list.length === 1 ? t("check.passesOne", {name: who}) : t("check.passesAll", {name: who, n: list.length})
  );
}

/** Checks one value (not a function), e.g. weights the learner found. */
export function value(
  got: unknown,
  expected: unknown,
  options: {name?: string; hint?: string; tolerance?: Tolerance} = {}
): Verdict {
  const problem = difference(got, expected, options.tolerance);
  if (!problem) return pass(t("check.valueRight", {name: options.name ?? t("check.theValue")}));
  return {
    passed: false,
    message: `${options.name ?? t("check.theValue")}: ${problem}`,
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
      return fail(t("check.noVerdict"));
    }
    return verdict;
  } catch (error) {
    return fail(t("check.codeThrew", {error: errorMessage(error)}));
  }
}
