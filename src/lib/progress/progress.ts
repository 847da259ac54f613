// The learner's progress: which exercises passed, which solutions were shown, and everything else the course
// keeps in storage (edited cells). Export writes it all to one JSON file; import checks that file thoroughly
// before it changes anything.
import {readJson, type SafeStorage} from "./storage.js";

export type ExerciseStatus = "pending" | "passed" | "failed";

export interface ExerciseRecord {
  status: ExerciseStatus;
  /** The learner looked at the reference solution (the exercise can still be completed). */
  solutionShown: boolean;
}

const exerciseKey = (id: string) => `exercise:${id}`;

function isExerciseRecord(value: unknown): value is ExerciseRecord {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return ["pending", "passed", "failed"].includes(record.status as string) && typeof record.solutionShown === "boolean";
}

const EMPTY: ExerciseRecord = {status: "pending", solutionShown: false};

export function getExercise(storage: SafeStorage, id: string): ExerciseRecord {
  return readJson(storage, exerciseKey(id), EMPTY, isExerciseRecord);
}

/** Records a change; a passed exercise stays passed when a later run fails (its progress is earned). */
export function updateExercise(storage: SafeStorage, id: string, change: Partial<ExerciseRecord>): ExerciseRecord {
  const before = getExercise(storage, id);
  const after = {...before, ...change};
  storage.set(exerciseKey(id), JSON.stringify(after));
  notify();
  return after;
}

/** Exercises passed out of `ids` (a chapter's exercises, in page order). */
export function countPassed(storage: SafeStorage, ids: readonly string[]): {passed: number; total: number} {
  const passed = ids.filter((id) => getExercise(storage, id).status === "passed").length;
  return {passed, total: ids.length};
}

// --- export, import, reset -------------------------------------------------------------------------------

export const FORMAT = "nn-course-progress";
export const VERSION = 1;

export interface ProgressFile {
  format: typeof FORMAT;
  version: typeof VERSION;
  exported: string;
  entries: Record<string, string>;
}

export function exportProgress(storage: SafeStorage, now = new Date()): ProgressFile {
  const entries: Record<string, string> = {};
  for (const key of storage.keys().sort()) {
    const value = storage.get(key);
    if (value !== undefined) entries[key] = value;
  }
  return {format: FORMAT, version: VERSION, exported: now.toISOString(), entries};
}

/** Checks a parsed file; returns the reason it is refused, or undefined when it can be imported. */
export function validateProgressFile(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "The file is not a progress file.";
  const file = value as Record<string, unknown>;
  if (file.format !== FORMAT) return "The file is not a progress file of this course.";
  if (file.version !== VERSION)
    return `The file has version ${String(file.version)}; this course reads version ${VERSION}.`;
  const entries = file.entries;
  if (typeof entries !== "object" || entries === null || Array.isArray(entries)) return "The file has no entries.";
  for (const [key, entry] of Object.entries(entries)) {
    if (typeof entry !== "string") return `The entry "${key}" is not text.`;
    if (key.startsWith("exercise:")) {
      try {
        if (!isExerciseRecord(JSON.parse(entry))) return `The entry "${key}" is not an exercise record.`;
      } catch {
        return `The entry "${key}" is corrupt.`;
      }
    }
  }
  return undefined;
}

/**
 * Imports a progress file's text. Either everything is imported (replacing the current progress) or nothing
 * changes and the result says why.
 */
export function importProgress(
  storage: SafeStorage,
  text: string
): {ok: true; count: number} | {ok: false; reason: string} {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {ok: false, reason: "The file is not valid JSON, so nothing was imported."};
  }
  const problem = validateProgressFile(value);
  if (problem) return {ok: false, reason: `${problem} Nothing was imported.`};
  if (!storage.available)
    return {ok: false, reason: "This browser does not allow storage, so nothing can be imported."};
  const entries = (value as ProgressFile).entries;
  const previous = exportProgress(storage).entries;
  for (const key of storage.keys()) storage.remove(key);
  for (const [key, entry] of Object.entries(entries)) {
    if (!storage.set(key, entry)) {
      // Put back what was there, so a failed import changes nothing.
      for (const written of storage.keys()) storage.remove(written);
      for (const [oldKey, oldEntry] of Object.entries(previous)) storage.set(oldKey, oldEntry);
      return {ok: false, reason: "The browser's storage is full, so nothing was imported."};
    }
  }
  notify();
  return {ok: true, count: Object.keys(entries).length};
}

export function resetProgress(storage: SafeStorage): void {
  for (const key of storage.keys()) storage.remove(key);
  notify();
}

// --- change notification, so progress badges on a page update when an exercise passes ------------------

const listeners = new Set<() => void>();

/** Calls `listener` after every change; returns a function that stops it. */
export function onProgressChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const listener of listeners) listener();
}
