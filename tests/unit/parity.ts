// The parity of a Chinese page with its English twin (tests/unit/i18n-parity.test.ts): what must be equal in both.

interface Fence {
  info: string;
  content: string;
}

/** The fenced code blocks of a Markdown page, with their info strings. */
function fences(markdown: string): Fence[] {
  const result: Fence[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})(.*)$/.exec(lines[i]);
    if (!open) continue;
    const [, marker, info] = open;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i].startsWith(marker); i++) body.push(lines[i]);
    result.push({info: info.trim(), content: body.join("\n")});
  }
  return result;
}

/**
 * Code as the parity test compares it: comments removed, the text of string and template literals replaced by a
 * mark (the expressions inside `${…}` stay), whitespace collapsed. Numbers, names, operators and the structure of
 * the code all count.
 */
export function normalizeCode(source: string): string {
  let out = "";
  let i = 0;
  const braces: number[] = []; // for each open template expression, the brace depth at its start
  let depth = 0;
  const template = () => {
    // inside a template literal's text, up to its end or to the next ${
    out += "`…";
    while (i < source.length) {
      const c = source[i];
      if (c === "\\") i += 2;
      else if (c === "`") {
        i++;
        out += "`";
        return;
      } else if (c === "$" && source[i + 1] === "{") {
        i += 2;
        out += "${";
        braces.push(depth);
        depth++;
        return;
      } else i++;
    }
  };
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === "/" && next === "/") {
      while (i < source.length && source[i] !== "\n") i++;
    } else if (c === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      i = end < 0 ? source.length : end + 2;
    } else if (c === '"' || c === "'") {
      i++;
      while (i < source.length && source[i] !== c && source[i] !== "\n") i += source[i] === "\\" ? 2 : 1;
      i++;
      out += `${c}…${c}`;
    } else if (c === "`") {
      i++;
      template();
    } else if (c === "{") {
      depth++;
      out += c;
      i++;
    } else if (c === "}") {
      depth--;
      i++;
      if (braces.length && braces[braces.length - 1] === depth) {
        braces.pop();
        out += "}";
        template();
      } else out += c;
    } else {
      out += c;
      i++;
    }
  }
  return out.replace(/\s+/g, " ").trim();
}

/** What must be equal in both languages: live cells, exercises with their checks and solutions, hint counts. */
export function pageShape(markdown: string) {
  const all = fences(markdown);
  const attributes = (info: string) =>
    info
      .split(/\s+/)
      .filter((word) => word === "live" || /^(id|exercise|timeout|output-height)=/.test(word))
      .join(" ");
  const role = (name: string) => (fence: Fence) => new RegExp(`\\b${name}=([\\w-]+)`).exec(fence.info)?.[1];
  const byRole = (name: string) =>
    all.filter((fence) => role(name)(fence) !== undefined).map((fence) => ({id: role(name)(fence), fence}));
  const hints = new Map<string, number>();
  for (const {id} of byRole("hint")) hints.set(id as string, (hints.get(id as string) ?? 0) + 1);
  return {
    cells: all
      .filter((fence) => /^(ts|js|typescript|javascript)\b.*\blive\b/.test(fence.info))
      .map((fence) => ({attributes: attributes(fence.info), code: normalizeCode(fence.content)})),
    checks: byRole("check").map(({id, fence}) => ({id, code: normalizeCode(fence.content)})),
    solutions: byRole("solution").map(({id, fence}) => ({id, code: normalizeCode(fence.content)})),
    hints: Object.fromEntries(hints)
  };
}
