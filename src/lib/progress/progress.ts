// The learner's progress: which exercises passed, which solutions were shown, and everything else the course
// keeps in storage (edited cells). Export writes it all to one JSON file; import checks that file thoroughly
// before it changes anything.
import {isSavedEdit} from "../live/store.js";
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

/** Checks a parsed file as a whole; returns the reason it is refused, or undefined when its entries can be read. */
export function validateProgressFile(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "The file is not a progress file.";
  const file = value as Record<string, unknown>;
  if (file.format !== FORMAT) return "The file is not a progress file of this course.";
  if (file.version !== VERSION)
    return `The file has version ${String(file.version)}; this course reads version ${VERSION}.`;
  const entries = file.entries;
  if (typeof entries !== "object" || entries === null || Array.isArray(entries)) return "The file has no entries.";
  return undefined;
}

/** What the course knows, to refuse entries that would never load. */
export interface Known {
  /** Every exercise id of the course ("and-gate/or"); without it, any well-formed exercise record is accepted. */
  exercises?: readonly string[];
}

const EDIT_KEY = /^live-cell:\/[\w./-]*#[\w-]+$/;

/** Why one entry of a file would not load, or undefined when it is fine. */
export function entryProblem(key: string, entry: unknown, known: Known = {}): string | undefined {
  if (typeof entry !== "string") return "not text";
  let value: unknown;
  try {
    value = JSON.parse(entry);
  } catch {
    return "corrupt: not JSON";
  }
  if (key.startsWith("exercise:")) {
    if (!isExerciseRecord(value)) return "not an exercise record";
    if (known.exercises && !known.exercises.includes(key.slice("exercise:".length)))
      return "no such exercise in this course";
    return undefined;
  }
  if (key.startsWith("live-cell:")) {
    if (!EDIT_KEY.test(key)) return "not the name of a cell";
    return isSavedEdit(value) ? undefined : "not a saved edit of a cell";
  }
  return "not something this course stores";
}

/** A file read and checked, ready to import: its good entries, the refused ones, and what it holds. */
export interface ImportPlan {
  entries: Record<string, string>;
  refused: {key: string; reason: string}[];
  summary: ProgressSummary;
}

export interface ProgressSummary {
  /** Exercises passed, and exercises recorded at all. */
  passed: number;
  exercises: number;
  /** Edited cells. */
  edits: number;
}

/** What a set of entries holds, in the learner's terms. */
export function summarize(entries: Record<string, string>): ProgressSummary {
  const summary = {passed: 0, exercises: 0, edits: 0};
  for (const [key, entry] of Object.entries(entries)) {
    if (key.startsWith("live-cell:")) summary.edits++;
    if (!key.startsWith("exercise:")) continue;
    summary.exercises++;
    try {
      if ((JSON.parse(entry) as ExerciseRecord).status === "passed") summary.passed++;
    } catch {
      // counted as recorded, not passed
    }
  }
  return summary;
}

/** Reads a progress file's text: the plan to import it, or why it cannot be imported at all. */
export function readProgressFile(
  text: string,
  known: Known = {}
): {ok: true; plan: ImportPlan} | {ok: false; reason: string} {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {ok: false, reason: "The file is not valid JSON, so nothing was imported."};
  }
  const problem = validateProgressFile(value);
  if (problem) return {ok: false, reason: `${problem} Nothing was imported.`};
  const entries: Record<string, string> = {};
  const refused: {key: string; reason: string}[] = [];
  for (const [key, entry] of Object.entries((value as ProgressFile).entries)) {
    const reason = entryProblem(key, entry, known);
    if (reason) refused.push({key, reason});
    else entries[key] = entry as string;
  }
  if (!Object.keys(entries).length && refused.length)
    return {
      ok: false,
      reason: `None of its entries can be used (${describeRefused(refused)}), so nothing was imported.`
    };
  return {ok: true, plan: {entries, refused, summary: summarize(entries)}};
}

/** "“exercise:x/y” (no such exercise in this course), …" */
export function describeRefused(refused: {key: string; reason: string}[]): string {
  return refused.map(({key, reason}) => `“${key}” (${reason})`).join(", ");
}

const RANK: Record<ExerciseStatus, number> = {pending: 0, failed: 1, passed: 2};

/** One exercise record from two: the better status, and solutionShown if either shows it. */
function mergeRecords(here: ExerciseRecord, there: ExerciseRecord): ExerciseRecord {
  return {
    status: RANK[there.status] > RANK[here.status] ? there.status : here.status,
    solutionShown: here.solutionShown || there.solutionShown
  };
}

/**
 * Imports a checked plan. "replace": the file's entries replace all progress. "merge": they are added to it; an
 * exercise keeps the better of both results, and where both have an edit of the same cell, this browser's stays.
 * Either everything is written or nothing changes.
 */
export function importPlan(
  storage: SafeStorage,
  plan: ImportPlan,
  mode: "replace" | "merge"
): {ok: true; count: number} | {ok: false; reason: string} {
  if (!storage.readable) return {ok: false, reason: "This browser does not allow storage, so nothing can be imported."};
  const previous = exportProgress(storage).entries;
  const next: Record<string, string> = mode === "replace" ? {} : {...previous};
  for (const [key, entry] of Object.entries(plan.entries)) {
    const here = previous[key];
    if (mode === "merge" && here !== undefined) {
      if (key.startsWith("exercise:")) {
        const mine = readJson(storage, key, EMPTY, isExerciseRecord);
        next[key] = JSON.stringify(mergeRecords(mine, JSON.parse(entry) as ExerciseRecord));
      }
      continue; // an edit of the same cell: this browser's stays
    }
    next[key] = entry;
  }
  const restore = () => {
    for (const key of storage.keys()) storage.remove(key);
    for (const [key, entry] of Object.entries(previous)) storage.set(key, entry);
  };
  if (mode === "replace") for (const key of storage.keys()) storage.remove(key);
  for (const [key, entry] of Object.entries(next)) {
    if (previous[key] === entry && mode === "merge") continue;
    if (!storage.set(key, entry)) {
      restore(); // put back what was there, so a failed import changes nothing
      return {ok: false, reason: "The browser's storage is full, so nothing was imported."};
    }
  }
  notify();
  return {ok: true, count: Object.keys(plan.entries).length};
}

/**
 * Imports a progress file's text, replacing the current progress: either every good entry is imported or nothing
 * changes and the result says why. (The page asks first and may merge instead: readProgressFile, importPlan.)
 */
export function importProgress(
  storage: SafeStorage,
  text: string,
  known: Known = {}
): {ok: true; count: number} | {ok: false; reason: string} {
  const read = readProgressFile(text, known);
  return read.ok ? importPlan(storage, read.plan, "replace") : read;
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
