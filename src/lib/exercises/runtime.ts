// Browser side of exercises: after every run of an exercise's live cell, run the author's check on what the cell
// declared and show the verdict under it; reveal hints one at a time; put the solution in the editor on request;
// keep each exercise's state in the learner's progress. Loaded by the hidden setup cell the build adds
// (src/build/exercises-plugin.ts) to pages with exercises.
import type {ExerciseData} from "../../build/exercises-plugin.js";
import {t} from "../i18n.js";
import {evaluate} from "../live/evaluate.js";
import {createGuard} from "../live/guard.js";
import {live, type RunResult} from "../live/index.js";
import {loadModule} from "../live/loaders.js";
import {getExercise, updateExercise} from "../progress/progress.js";
import {chapterProgress, courseStorage} from "../progress/ui.js";
import * as helpers from "./check.js";
import {runCheck, type Verdict} from "./check.js";

type CheckFunction = (guard: unknown, modules: unknown[], live: unknown, ...args: unknown[]) => {verdict?: Verdict};

const CHECK_BUDGET_MS = 2000;

function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The edit distance between two names, to suggest the name a learner meant. */
function distance(a: string, b: string): number {
  let row = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/** A name the check needs that the learner's cell does not define: "`predict` is not defined in your cell…". */
function missingName(data: ExerciseData, exports: Record<string, unknown>): Verdict | undefined {
  const needed = data.check.inputs.filter((name) => !(name in helpers) && !(name in exports));
  const [name] = needed;
  if (!name) return undefined;
  const close = Object.keys(exports).find((other) => distance(other.toLowerCase(), name.toLowerCase()) <= 2);
  return {
    passed: false,
    message:
      `\`${name}\` is not defined in your cell, and the check needs it. ` +
      (close ? `Your cell defines \`${close}\`: did you mean \`${name}\`?` : `Define it with exactly this name.`)
  };
}

/** Runs the compiled check with the cell's declarations and the check helpers in scope. */
async function check(data: ExerciseData, exports: Record<string, unknown>): Promise<Verdict> {
  const missing = missingName(data, exports);
  if (missing) return missing;
  const {check} = data;
  const modules = await Promise.all(check.imports.map(loadModule));
  const scope: Record<string, unknown> = {
    ...helpers,
    ...exports,
    display: () => {},
    invalidation: new Promise(() => {})
  };
  const args = check.params.map((name) => scope[name]);
  const fn = evaluate(check.code, `exercise-check:${data.id}`) as CheckFunction;
  const guard = createGuard(CHECK_BUDGET_MS);
  const verdict = runCheck(() => {
    const result = fn(guard, modules, () => {}, ...args);
    if (guard.error) throw guard.error;
    return result.verdict as Verdict;
  });
  return verdict;
}

class Exercise {
  readonly data: ExerciseData;
  private readonly result: HTMLElement;
  private readonly badge: HTMLElement;

  constructor(readonly root: HTMLElement) {
    this.data = JSON.parse(root.querySelector("script[data-exercise-data]")?.textContent ?? "{}") as ExerciseData;
    this.result = root.querySelector(".exercise__result") as HTMLElement;
    this.badge = root.querySelector(".exercise__badge") as HTMLElement;
    root
      .querySelector('[data-action="hint"]')
      ?.addEventListener("click", (event) => this.hint(event.currentTarget as HTMLButtonElement));
    root.querySelector('[data-action="solution"]')?.addEventListener("click", () => this.showSolution());
    this.showBadge();
  }

  private get record() {
    return getExercise(courseStorage(), this.data.id);
  }

  private showBadge(): void {
    const {status, solutionShown} = this.record;
    this.badge.textContent =
      `${status === "passed" ? t("ex.solvedBadge") : ""}${solutionShown ? ` · ${t("ex.solutionShownBadge")}` : ""}`.replace(
        /^ · /,
        ""
      );
  }

  private setStatus(status: "pending" | "passed" | "failed"): void {
    this.root.dataset.status = status;
  }

  /** Called after each run of the exercise's cell. */
  async evaluate(run: RunResult): Promise<void> {
    if (live.getSource(this.data.cell) === this.data.starter) {
      this.setStatus("pending");
      this.result.replaceChildren(this.record.status === "passed" ? t("ex.starterSolved") : t("ex.starter"));
      return;
    }
    let verdict: Verdict;
    if (run.state === "stopped" || run.state === "waiting") {
      this.setStatus("pending");
      this.result.replaceChildren(
        run.state === "stopped"
          ? t("ex.stopped")
          : t("ex.waiting", {reason: (run.error?.message ?? t("ex.waitingDefault")).replace(/^W/, "w")})
      );
      return;
    }
    if (run.state === "error") {
      verdict = {
        passed: false,
        message: t("ex.error", {message: run.error?.message ?? ""}).trim()
      };
    } else {
      verdict = await check(this.data, run.exports ?? {});
    }
    this.show(verdict);
    this.setStatus(verdict.passed ? "passed" : "failed");
    if (verdict.passed) updateExercise(courseStorage(), this.data.id, {status: "passed"});
    else if (this.record.status !== "passed") updateExercise(courseStorage(), this.data.id, {status: "failed"});
    this.showBadge();
  }

  private show(verdict: Verdict): void {
    const parts: HTMLElement[] = [
      element("p", "exercise__verdict", `${verdict.passed ? "✓" : "✗"} ${verdict.message}`)
    ];
    if (!verdict.passed && verdict.failedCase) {
      const table = element("dl", "exercise__case");
      for (const [term, value] of [
        [t("ex.input"), verdict.failedCase.input],
        [t("ex.expected"), verdict.failedCase.expected],
        [t("ex.got"), verdict.failedCase.got]
      ]) {
        table.append(element("dt", "", term), element("dd", "", value));
      }
      parts.push(table);
    }
    if (!verdict.passed && verdict.hint)
      parts.push(element("p", "exercise__case-hint", t("ex.caseHint", {hint: verdict.hint})));
    this.result.replaceChildren(...parts);
  }

  private hint(button: HTMLButtonElement): void {
    const next = this.root.querySelector<HTMLElement>(".exercise__hint[hidden]");
    if (next) {
      next.hidden = false;
      next.setAttribute("tabindex", "-1");
      next.focus();
    }
    if (!this.root.querySelector(".exercise__hint[hidden]")) {
      button.disabled = true;
      button.textContent = t("ex.noMoreHints");
    }
  }

  private async showSolution(): Promise<void> {
    const question = t("ex.confirmSolution");
    if (!window.confirm(question)) return;
    updateExercise(courseStorage(), this.data.id, {solutionShown: true});
    this.showBadge();
    await live.setSource(this.data.cell, this.data.solution);
  }
}

async function start(): Promise<void> {
  const roots = [...document.querySelectorAll<HTMLElement>(".exercise[data-exercise]")];
  const exercises = roots.map((root) => new Exercise(root));
  const heading = document.querySelector("main h1");
  if (heading && exercises.length) heading.after(chapterProgress(exercises.map((exercise) => exercise.data.id)));
  await live.ready;
  for (const exercise of exercises) {
    live.onRun(exercise.data.cell, (run) => void exercise.evaluate(run));
    // A run that ended before we listened: run the cell again so its result is checked.
    const state = document.querySelector<HTMLElement>(`[data-live-cell="${CSS.escape(exercise.data.cell)}"]`)?.dataset
      .state;
    if (state === "done" || state === "error") void live.run(exercise.data.cell);
  }
}

void start();
