// Which modules a live cell may import, shared by the build (compiling the lesson's cells) and the browser
// (compiling the learner's edits), so that both accept exactly the same import lines.

/** Canonical specifiers: site-root paths for the course's own modules, package names for libraries. */
export const ALLOWED_MODULES: readonly string[] = [
  "/lib/nn/index.js",
  "/lib/tex.js",
  "/components/index.js",
  "d3",
  "mathjs"
];

/**
 * The canonical form of `specifier` as written in a cell of the page at `pagePath` (e.g. "/lab/live-cells"):
 * relative paths are resolved against the page, ".ts" is the same module as ".js", "npm:d3" is "d3".
 */
export function normalizeSpecifier(specifier: string, pagePath: string): string {
  if (specifier.startsWith("npm:")) return specifier.slice(4);
  if (!/^\.{0,2}\//.test(specifier)) return specifier;
  const path = new URL(specifier, `http://course${pagePath.startsWith("/") ? "" : "/"}${pagePath}`).pathname;
  return path.replace(/\.ts$/, ".js");
}

/** The specifier to write in a page at `pagePath` for a canonical one (the inverse of normalizeSpecifier). */
export function relativeSpecifier(canonical: string, pagePath: string): string {
  if (!canonical.startsWith("/")) return canonical;
  const depth = pagePath.split("/").length - 2; // "/a" → 0, "/lab/a" → 1
  return (depth > 0 ? "../".repeat(depth) : "./") + canonical.slice(1);
}

export function isAllowedModule(canonical: string): boolean {
  return ALLOWED_MODULES.includes(canonical);
}

/** The message for an import a live cell may not use (shown in the cell, at the import). */
export function disallowedImportMessage(specifier: string, pagePath: string): string {
  const list = ALLOWED_MODULES.map((m) => `"${relativeSpecifier(m, pagePath)}"`).join(", ");
  return `Cannot import "${specifier}" in a live cell. Live cells can import ${list}.`;
}
