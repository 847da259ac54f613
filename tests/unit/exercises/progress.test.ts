import {describe, expect, it} from "vitest";
import {
  countPassed,
  exportProgress,
  getExercise,
  importProgress,
  onProgressChange,
  resetProgress,
  updateExercise
} from "../../../src/lib/progress/progress.js";
import {PREFIX, safeStorage} from "../../../src/lib/progress/storage.js";

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
    storage.set("live:linear-regression/cell-1", "const w = 2;");
    const file = exportProgress(storage, new Date("2026-01-02T03:04:05Z"));
    expect(file).toEqual({
      format: "nn-course-progress",
      version: 1,
      exported: "2026-01-02T03:04:05.000Z",
      entries: {
        "exercise:ch1/predict": JSON.stringify({status: "passed", solutionShown: false}),
        "live:linear-regression/cell-1": "const w = 2;"
      }
    });
    const other = safeStorage(memoryStorage());
    expect(importProgress(other, JSON.stringify(file))).toEqual({ok: true, count: 2});
    expect(getExercise(other, "ch1/predict").status).toBe("passed");
    expect(other.get("live:linear-regression/cell-1")).toBe("const w = 2;");
    expect(backend.getItem("someone-else")).toBe("untouched");
  });

  it.each([
    ["not JSON", "{oops", /not valid JSON/],
    ["another format", JSON.stringify({format: "x", version: 1, entries: {}}), /not a progress file of this course/],
    ["a newer version", JSON.stringify({format: "nn-course-progress", version: 9, entries: {}}), /version 9/],
    [
      "a non-text entry",
      JSON.stringify({format: "nn-course-progress", version: 1, entries: {a: 1}}),
      /"a" is not text/
    ],
    [
      "a corrupt exercise",
      JSON.stringify({format: "nn-course-progress", version: 1, entries: {"exercise:x": "{"}}),
      /"exercise:x" is corrupt/
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
    expect(storage.available).toBe(false);
    expect(storage.problem).toMatch(/does not allow this site to store data/);
    expect(updateExercise(storage, "a", {status: "passed"}).status).toBe("passed");
    expect(importProgress(storage, JSON.stringify(exportProgress(safeStorage(memoryStorage())))).ok).toBe(false);
  });
});
