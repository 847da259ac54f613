// Argument checks shared by the library. Each throws an Error whose message says what was wrong and what to do,
// because the people reading these messages are learning: "bad input" alone would teach nothing.

/** "4×2": how shapes appear in every message. */
export function shape(rows: number, cols: number): string {
  return `${rows}×${cols}`;
}

/** Throws unless `value` is an integer ≥ `min`. */
export function checkInteger(where: string, name: string, value: unknown, min = 1): asserts value is number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new Error(`${where}: ${name} must be a whole number ≥ ${min}, got ${String(value)}`);
  }
}

/** Throws unless `value` is a finite number > 0 (learning rates, batch sizes, tolerances…). */
export function checkPositive(where: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new Error(`${where}: ${name} must be a positive number, got ${String(value)}`);
  }
}

/** Throws unless `value` is a finite number ≥ 0 (penalties, momentum…). */
export function checkNonNegative(where: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new Error(`${where}: ${name} must be a number ≥ 0, got ${String(value)}`);
  }
}

/** Throws unless `value` is one of `names`; the message lists them all. */
export function checkName<T extends string>(where: string, kind: string, value: unknown, names: readonly T[]): T {
  if (typeof value !== "string" || !(names as readonly string[]).includes(value)) {
    const list = names.map((n) => `"${n}"`).join(", ");
    throw new Error(`${where}: unknown ${kind} ${JSON.stringify(value)}; choose one of ${list}`);
  }
  return value as T;
}

/** Throws if `data` (row-major, `cols` wide) holds NaN or ±Infinity, naming the first bad cell. */
export function checkFinite(where: string, name: string, data: ArrayLike<number>, cols: number): void {
  for (let k = 0; k < data.length; k++) {
    if (!Number.isFinite(data[k])) {
      const row = Math.floor(k / cols);
      throw new Error(
        `${where}: ${name} holds ${data[k]} at row ${row}, column ${k - row * cols}; ` +
          "remove or fill in missing values before using the data"
      );
    }
  }
}

/**
 * Throws if a training loss has become NaN or ±Infinity: the steps were too large and the weights blew up. The one
 * message for the library's training loop and for the loops the lessons write by hand.
 */
export function stopIfDiverged(loss: number, epoch: number, learningRate: number): void {
  if (Number.isFinite(loss)) return;
  throw new Error(
    `training stopped in epoch ${epoch}: the loss became ${loss} with learning rate ${learningRate}. ` +
      `The steps are too large and the weights blew up; try a smaller learning rate, e.g. ${learningRate / 10}`
  );
}
