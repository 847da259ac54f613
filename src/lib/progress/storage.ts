// Safe access to the browser's localStorage. Storage can be disabled (private modes, policies), full, or hold
// garbage; none of that may break a page or hide what is stored. Reading and writing are told apart: a full storage
// still reads, so the learner's progress still shows and exports. A write that fails is kept in memory for this visit
// (the page goes on as if it was saved) and `problem` says why, as a sentence a page can show.

/** All course data lives under this prefix, so export, import and reset touch nothing else. */
export const PREFIX = "nn-course:";

export const NOT_ALLOWED =
  "Your browser does not allow this site to store data, so your progress and edits are kept only until you leave " +
  "this page.";
export const FULL =
  "Your browser's storage for this site is full, so new progress and edits are kept only until you leave this " +
  "page. What was saved before is still here, and Export progress on the home page saves all of it to a file.";

export interface SafeStorage {
  /** False when the browser refuses storage altogether: nothing stored can be read. */
  readonly readable: boolean;
  /** False once a write failed (or the first probe did): changes are kept for this visit only. */
  readonly writable: boolean;
  /** Why changes are not kept, as a sentence for a notice (undefined when all is well). */
  readonly problem: string | undefined;
  get(key: string): string | undefined;
  /** Returns false (and sets `problem`) when the value could not be stored; it is kept for this visit then. */
  set(key: string, value: string): boolean;
  remove(key: string): void;
  /** Keys under PREFIX, without the prefix. */
  keys(): string[];
}

type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

/** The sentence for a failed write: full, or not allowed. */
export function problemOf(error: unknown): string {
  return (error as {name?: string} | null)?.name === "QuotaExceededError" ? FULL : NOT_ALLOWED;
}

/** localStorage if the browser lets the site read it, and whether (and why not) it can write. */
function probe(): {backend?: StorageLike; problem?: string} {
  let backend: StorageLike;
  try {
    backend = globalThis.localStorage;
    backend.getItem(`${PREFIX}probe`);
  } catch {
    return {problem: NOT_ALLOWED};
  }
  try {
    backend.setItem(`${PREFIX}probe`, "1");
    backend.removeItem(`${PREFIX}probe`);
    return {backend};
  } catch (error) {
    return {backend, problem: problemOf(error)};
  }
}

/** The browser's localStorage, wrapped. */
export function browserStorage(): SafeStorage {
  const {backend, problem} = probe();
  return safeStorage(backend, problem);
}

/**
 * Wraps `backend` so that nothing throws. Without a backend nothing is stored; `problem` says why writes will fail
 * (as the probe found).
 */
export function safeStorage(backend: StorageLike | undefined, initialProblem?: string): SafeStorage {
  let problem = initialProblem ?? (backend ? undefined : NOT_ALLOWED);
  // This visit's writes that the browser refused (null: removed), read in place of what is stored.
  const unsaved = new Map<string, string | null>();
  const storage: SafeStorage = {
    readable: backend !== undefined,
    get writable() {
      return problem === undefined;
    },
    get problem() {
      return problem;
    },
    get(key) {
      if (unsaved.has(key)) return unsaved.get(key) ?? undefined;
      try {
        return backend?.getItem(PREFIX + key) ?? undefined;
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      try {
        if (!backend) throw new DOMException("no storage", "SecurityError");
        backend.setItem(PREFIX + key, value);
        unsaved.delete(key);
        return true;
      } catch (error) {
        problem = problem ?? problemOf(error);
        unsaved.set(key, value);
        return false;
      }
    },
    remove(key) {
      unsaved.delete(key);
      try {
        backend?.removeItem(PREFIX + key);
      } catch {
        unsaved.set(key, null); // gone for this visit
      }
    },
    keys() {
      const keys = new Set<string>();
      try {
        for (let i = 0; i < (backend?.length ?? 0); i++) {
          const key = backend?.key(i);
          if (key?.startsWith(PREFIX) && key !== `${PREFIX}probe`) keys.add(key.slice(PREFIX.length));
        }
      } catch {
        // Unreadable storage has no keys.
      }
      for (const [key, value] of unsaved) {
        if (value === null) keys.delete(key);
        else keys.add(key);
      }
      return [...keys];
    }
  };
  return storage;
}

/** Reads a JSON value; anything missing or corrupt gives `fallback` (and never throws). */
export function readJson<T>(storage: SafeStorage, key: string, fallback: T, valid: (value: unknown) => value is T): T {
  const text = storage.get(key);
  if (text === undefined) return fallback;
  try {
    const value: unknown = JSON.parse(text);
    return valid(value) ? value : fallback;
  } catch {
    return fallback;
  }
}
