import {describe, expect, it} from "vitest";
import {
  countPassed,
  exportProgress,
  getExercise,
  importPlan,
  importProgress,
  onProgressChange,
  readProgressFile,
  resetProgress,
  updateExercise
} from "../../../src/lib/progress/progress.js";
import {PREFIX, problemOf, safeStorage} from "../../../src/lib/progress/storage.js";

const EDIT = JSON.stringify({original: "0123abcd", source: "const w = 2;"});
const record = (status: string) => JSON.stringify({status, solutionShown: false});

/** An in-memory Storage, optionally refusing writes past `capacity` entries (a full storage). */
function memoryStorage(capacity = Number.POSITIVE_INFINITY) {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (!map.has(key) && map.size >= capacity) throw new DOMException("full", "QuotaExceededError");
      map.set(key, value);
    },
    removeItem: (key: string) => void map.delete(key)
  };
}

describe("progress", () => {
  it("records exercise states and counts a chapter's passed exercises", () => {
    const storage = safeStorage(memoryStorage());
    expect(getExercise(storage, "ch1/predict")).toEqual({status: "pending", solutionShown: false});
    updateExercise(storage, "ch1/predict", {status: "passed"});
    updateExercise(storage, "ch1/mse", {status: "failed", solutionShown: true});
    expect(countPassed(storage, ["ch1/predict", "ch1/mse", "ch1/fit"])).toEqual({passed: 1, total: 3});
    expect(getExercise(storage, "ch1/mse")).toEqual({status: "failed", solutionShown: true});
  });

  it("treats corrupt stored records as pending instead of throwing", () => {
    const backend = memoryStorage();
    backend.setItem(`${PREFIX}exercise:a`, "{not json");
    backend.setItem(`${PREFIX}exercise:b`, JSON.stringify({status: "won"}));
    const storage = safeStorage(backend);
    expect(getExercise(storage, "a").status).toBe("pending");
    expect(getExercise(storage, "b").status).toBe("pending");
  });

  it("exports everything under the prefix and imports it back into an empty browser", () => {
    const backend = memoryStorage();
    backend.setItem("someone-else", "untouched");
    const storage = safeStorage(backend);
    updateExercise(storage, "ch1/predict", {status: "passed"});
    storage.set("live-cell:/linear-regression#cell-1", EDIT);
    const file = exportProgress(storage, new Date("2026-01-02T03:04:05Z"));
    expect(file).toEqual({
      format: "nn-course-progress",
      version: 1,
      exported: "2026-01-02T03:04:05.000Z",
      entries: {
        "exercise:ch1/predict": JSON.stringify({status: "passed", solutionShown: false}),
        "live-cell:/linear-regression#cell-1": EDIT
      }
    });
    const other = safeStorage(memoryStorage());
    expect(importProgress(other, JSON.stringify(file))).toEqual({ok: true, count: 2});
    expect(getExercise(other, "ch1/predict").status).toBe("passed");
    expect(other.get("live-cell:/linear-regression#cell-1")).toBe(EDIT);
    expect(backend.getItem("someone-else")).toBe("untouched");
  });

  it.each([
    ["not JSON", "{oops", /not valid JSON/],
    ["another format", JSON.stringify({format: "x", version: 1, entries: {}}), /not a progress file of this course/],
    ["a newer version", JSON.stringify({format: "nn-course-progress", version: 9, entries: {}}), /version 9/],
    [
      "a non-text entry",
      JSON.stringify({format: "nn-course-progress", version: 1, entries: {a: 1}}),
      /None of its entries can be used \(“a” \(not text\)\)/
    ],
    [
      "a corrupt exercise",
      JSON.stringify({format: "nn-course-progress", version: 1, entries: {"exercise:x": "{"}}),
      /“exercise:x” \(corrupt: not JSON\)/
    ]
  ])("refuses %s and changes nothing", (_name, text, reason) => {
    const storage = safeStorage(memoryStorage());
    updateExercise(storage, "keep", {status: "passed"});
    const result = importProgress(storage, text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
    expect(!result.ok && result.reason).toMatch(/Nothing was imported|nothing was imported/);
    expect(getExercise(storage, "keep").status).toBe("passed");
  });

  it("rolls back an import that does not fit in storage", () => {
    const storage = safeStorage(memoryStorage(2));
    updateExercise(storage, "keep", {status: "passed"});
    const entries = Object.fromEntries(
      ["a", "b", "c"].map((id) => [`exercise:${id}`, JSON.stringify({status: "passed", solutionShown: false})])
    );
    const result = importProgress(
      storage,
      JSON.stringify({format: "nn-course-progress", version: 1, exported: "", entries})
    );
    expect(result).toEqual({ok: false, reason: "The browser's storage is full, so nothing was imported."});
    expect(storage.keys()).toEqual(["exercise:keep"]);
  });

  it("resets only the course's keys and notifies listeners", () => {
    const backend = memoryStorage();
    backend.setItem("other-site-data", "x");
    const storage = safeStorage(backend);
    let changes = 0;
    const stop = onProgressChange(() => changes++);
    updateExercise(storage, "a", {status: "passed"});
    resetProgress(storage);
    stop();
    updateExercise(storage, "b", {status: "passed"});
    expect(changes).toBe(2);
    expect(storage.keys()).toEqual(["exercise:b"]);
    expect(backend.getItem("other-site-data")).toBe("x");
  });

  it("works, without keeping anything, when storage is disabled", () => {
    const storage = safeStorage(undefined);
    expect([storage.readable, storage.writable]).toEqual([false, false]);
    expect(storage.problem).toMatch(/does not allow this site to store data/);
    expect(updateExercise(storage, "a", {status: "passed"}).status).toBe("passed");
    // Kept for this visit: the page shows the passed exercise.
    expect(getExercise(storage, "a").status).toBe("passed");
    expect(importProgress(storage, JSON.stringify(exportProgress(safeStorage(memoryStorage())))).ok).toBe(false);
  });

  it("reads and exports what is stored when storage is full, keeps new changes for the visit, and says why", () => {
    const backend = memoryStorage();
    backend.setItem(`${PREFIX}exercise:ch1/a`, record("passed"));
    backend.setItem(`${PREFIX}exercise:ch1/b`, record("passed"));
    const full = {
      ...backend,
      setItem: () => {
        throw new DOMException("full", "QuotaExceededError");
      },
      get length() {
        return backend.length;
      }
    };
    const storage = safeStorage(full, problemOf(new DOMException("full", "QuotaExceededError")));
    expect([storage.readable, storage.writable]).toEqual([true, false]);
    expect(storage.problem).toMatch(/storage for this site is full/);
    expect(countPassed(storage, ["ch1/a", "ch1/b", "ch1/c", "ch1/d"])).toEqual({passed: 2, total: 4});
    updateExercise(storage, "ch1/c", {status: "passed"});
    expect(countPassed(storage, ["ch1/a", "ch1/b", "ch1/c", "ch1/d"])).toEqual({passed: 3, total: 4});
    expect(backend.getItem(`${PREFIX}exercise:ch1/c`)).toBeNull();
    expect(Object.keys(exportProgress(storage).entries).sort()).toEqual([
      "exercise:ch1/a",
      "exercise:ch1/b",
      "exercise:ch1/c"
    ]);
    expect(problemOf(new DOMException("no", "SecurityError"))).toMatch(/does not allow this site to store data/);
  });

  it("reads a file into a plan: what it holds, and the entries refused with their names", () => {
    const text = JSON.stringify({
      format: "nn-course-progress",
      version: 1,
      exported: "",
      entries: {
        "exercise:ch1/a": record("passed"),
        "exercise:ch1/b": record("failed"),
        "exercise:nope/x": record("passed"),
        "live-cell:/ch1#train": EDIT,
        "live-cell:/ch1#broken": "not json at all",
        "live-cell:/ch1#shape": JSON.stringify({source: 1}),
        "something:else": "1"
      }
    });
    const read = readProgressFile(text, {exercises: ["ch1/a", "ch1/b"]});
    if (!read.ok) throw new Error(read.reason);
    expect(Object.keys(read.plan.entries).sort()).toEqual(["exercise:ch1/a", "exercise:ch1/b", "live-cell:/ch1#train"]);
    expect(read.plan.summary).toEqual({passed: 1, exercises: 2, edits: 1});
    expect(read.plan.refused).toEqual([
      {key: "exercise:nope/x", reason: "no such exercise in this course"},
      {key: "live-cell:/ch1#broken", reason: "corrupt: not JSON"},
      {key: "live-cell:/ch1#shape", reason: "not a saved edit of a cell"},
      {key: "something:else", reason: "not something this course stores"}
    ]);
  });

  it("merges a plan: the better result of each exercise, and this browser's edit where both have one", () => {
    const storage = safeStorage(memoryStorage());
    updateExercise(storage, "ch1/a", {status: "failed", solutionShown: true});
    updateExercise(storage, "ch1/b", {status: "passed"});
    storage.set("live-cell:/ch1#train", JSON.stringify({original: "0", source: "mine"}));
    const file = {
      "exercise:ch1/a": record("passed"),
      "exercise:ch1/b": record("failed"),
      "exercise:ch1/c": record("passed"),
      "live-cell:/ch1#train": JSON.stringify({original: "0", source: "theirs"}),
      "live-cell:/ch1#other": EDIT
    };
    const read = readProgressFile(JSON.stringify({format: "nn-course-progress", version: 1, entries: file}));
    if (!read.ok) throw new Error(read.reason);
    expect(importPlan(storage, read.plan, "merge")).toEqual({ok: true, count: 5});
    expect(getExercise(storage, "ch1/a")).toEqual({status: "passed", solutionShown: true});
    expect(getExercise(storage, "ch1/b").status).toBe("passed");
    expect(getExercise(storage, "ch1/c").status).toBe("passed");
    expect(JSON.parse(storage.get("live-cell:/ch1#train") ?? "{}").source).toBe("mine");
    expect(storage.get("live-cell:/ch1#other")).toBe(EDIT);
    expect(importPlan(storage, read.plan, "replace")).toEqual({ok: true, count: 5});
    expect(getExercise(storage, "ch1/b").status).toBe("failed");
    expect(JSON.parse(storage.get("live-cell:/ch1#train") ?? "{}").source).toBe("theirs");
  });
});
