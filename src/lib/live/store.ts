// Saved edits in localStorage, one entry per cell: {original: hash of the lesson's source, source: the edit}.
// Storage may be full, disabled (private mode, policy) or hold something unreadable: every function here reports a
// problem as a message for a visible notice and never throws.

export interface SavedEdit {
  /** Hash of the lesson's source the edit was made against (see hashSource). */
  original: string;
  source: string;
}

const PREFIX = "nn-course:live-cell:";

export function storageKey(path: string, id: string): string {
  return `${PREFIX}${path}#${id}`;
}

/** The shape of a saved edit (also what an imported progress file must hold for a cell). */
export function isSavedEdit(value: unknown): value is SavedEdit {
  const edit = value as Partial<SavedEdit> | null;
  return (
    typeof edit === "object" && edit !== null && typeof edit.source === "string" && typeof edit.original === "string"
  );
}

/** FNV-1a, 32 bits, as hex: enough to tell whether the lesson's cell changed since an edit was saved. */
export function hashSource(source: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < source.length; ++i) {
    hash ^= source.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/** Why a write failed, for the notice: the browser's storage is full, or the site may not use it. */
export function storageProblem(error: unknown): string {
  return (error as {name?: string} | null)?.name === "QuotaExceededError"
    ? "Edits can't be saved: this browser's storage for the site is full. Your edit works until you leave the page."
    : "Edits can't be saved: this browser does not allow the site to store data. Your edit works until you leave the page.";
}

export function loadEdit(key: string): {edit?: SavedEdit; problem?: string} {
  let text: string | null;
  try {
    text = localStorage.getItem(key);
  } catch {
    return {}; // storage turned off: nothing was saved; the notice comes with the first edit, when saving fails
  }
  if (text === null) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (isSavedEdit(value)) return {edit: {original: value.original, source: value.source}};
  } catch {
    // fall through: unreadable
  }
  removeEdit(key);
  return {problem: "A saved edit of this cell could not be read, so the lesson's version is shown."};
}

/** Returns a problem message, or undefined when saved. */
export function saveEdit(key: string, edit: SavedEdit): string | undefined {
  try {
    localStorage.setItem(key, JSON.stringify(edit));
    return undefined;
  } catch (error) {
    return storageProblem(error);
  }
}

export function removeEdit(key: string): string | undefined {
  try {
    localStorage.removeItem(key);
    return undefined;
  } catch (error) {
    return storageProblem(error);
  }
}
