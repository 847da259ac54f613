// The loop guard. The compiler puts `if(--__lg.n<0)__lg.t();` at the top of every loop body and function body of a
// cell, so a counter decrement is all a loop iteration pays; every CHECK_EVERY iterations `t()` looks at the clock.
//
// The budget measures uninterrupted running: the clock starts at the first check of a task and a zero-delay timer
// restarts it, which can only fire once the cell gives the event loop a turn (a generator's yield, an awaited timer).
// So a training loop that yields runs for as long as it likes, while `while (true) {}` or `for (;;) await 0` (which
// never lets a timer fire) is stopped. Once tripped, every later check throws again, so a loop that catches the error
// and carries on is stopped by the guard of the enclosing loop or function.

export const CHECK_EVERY = 1000;
export const DEFAULT_BUDGET_MS = 2000;

/** Thrown into a cell that ran too long without a break. */
export class BudgetError extends Error {
  constructor(budgetMs: number) {
    super(
      `Stopped after running for ${budgetMs / 1000} s without a break: is there an endless loop or recursion? ` +
        "Fix the cell and run it again."
    );
    this.name = "TimeoutError";
  }
}

/** Thrown into the code of a run that was replaced by a newer run of its cell (its result would be discarded). */
export const CANCELLED = Object.freeze(new Error("This run of the cell was cancelled by a newer run."));

export interface Guard {
  /** Countdown to the next check. */
  n: number;
  /** The check: throws when the budget is spent or the run was cancelled. */
  t(): void;
  /** Stops this run's loops and functions at their next guard (its timers and listeners included). */
  cancel(): void;
  /** The error this guard threw, if it did (a cell may have swallowed it). */
  readonly error: Error | null;
}

export function createGuard(budgetMs = DEFAULT_BUDGET_MS): Guard {
  let start = 0;
  let armed = false;
  let error: Error | null = null;
  const guard: Guard = {
    n: CHECK_EVERY,
    t() {
      if (error) {
        guard.n = -1;
        throw error;
      }
      const now = performance.now();
      if (!armed) {
        armed = true;
        start = now;
        setTimeout(() => {
          armed = false;
        }, 0);
      } else if (now - start > budgetMs) {
        error = new BudgetError(budgetMs);
        guard.n = -1;
        throw error;
      }
      guard.n = CHECK_EVERY;
    },
    cancel() {
      error ??= CANCELLED;
      guard.n = -1;
    },
    get error() {
      return error;
    }
  };
  return guard;
}
