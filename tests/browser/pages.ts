// The pages of the site, read from the Framework config, so a test covers every page the sidebar lists.
import config from "../../observablehq.config.js";

interface PageEntry {
  name: string;
  path?: string;
  pages?: PageEntry[];
}

function flatten(entries: PageEntry[]): {name: string; path: string}[] {
  return entries.flatMap((entry) =>
    entry.pages ? flatten(entry.pages) : entry.path ? [{name: entry.name, path: entry.path}] : []
  );
}

/** Home first (English, then Chinese), then every page in sidebar order (the Chinese sections come last). */
export const pages = [{name: "Home", path: "/"}, {name: "首页", path: "/zh/"}, ...flatten(config.pages as PageEntry[])];

/** The Markdown source file of a page path ("/zh/" → src/zh/index.md). */
export function sourceFile(path: string): string {
  return `src${path.endsWith("/") ? `${path}index` : path}.md`;
}
