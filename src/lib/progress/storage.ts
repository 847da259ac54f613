// Safe access to the browser's localStorage. Storage can be disabled (private modes, policies), full, or hold
// garbage; none of that may break a page. Every method reports failure instead of throwing, and `problem`
// holds a sentence a page can show as a notice.

/** All course data lives under this prefix, so export, import and reset touch nothing else. */
export const PREFIX = "nn-course:";

export interface SafeStorage {
  /** False when the browser refuses storage: progress works for this visit but is not kept. */
  readonly available: boolean;
  /** The last problem, as a sentence for a notice (undefined when all is well). */
  readonly problem: string | undefined;
  get(key: string): string | undefined;
  /** Returns false (and sets `problem`) when the value could not be stored, e.g. storage is full. */
  set(key: string, value: string): boolean;
  remove(key: string): void;
  /** Keys under PREFIX, without the prefix. */
  keys(): string[];
}

type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

function probe(): StorageLike | undefined {
  try {
    const storage = globalThis.localStorage;
    const key = `${PREFIX}probe`;
    storage.setItem(key, "1");
    storage.removeItem(key);
    return storage;
  } catch {
    return undefined;
  }
}

/** Wraps `backend` (default: localStorage, when the browser allows it) so that nothing throws. */
export function safeStorage(backend: StorageLike | undefined = probe()): SafeStorage {
  let problem: string | undefined = backend
    ? undefined
    : "Your browser does not allow this site to store data, so your progress and edits will not be kept after you leave.";
  return {
    available: backend !== undefined,
    get problem() {
      return problem;
    },
    get(key) {
      try {
        return backend?.getItem(PREFIX + key) ?? undefined;
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      if (!backend) return false;
      try {
        backend.setItem(PREFIX + key, value);
        return true;
      } catch {
        problem = "Your browser's storage for this site is full, so the latest change was not saved.";
        return false;
      }
    },
    remove(key) {
      try {
        backend?.removeItem(PREFIX + key);
      } catch {
        // Nothing to do: a key that cannot be removed is as good as gone for this visit.
      }
    },
    keys() {
      const keys: string[] = [];
      try {
        for (let i = 0; i < (backend?.length ?? 0); i++) {
          const key = backend?.key(i);
          if (key?.startsWith(PREFIX)) keys.push(key.slice(PREFIX.length));
        }
      } catch {
        // Unreadable storage has no keys.
      }
      return keys;
    }
  };
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
