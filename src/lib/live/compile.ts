// Compiles one live cell: TypeScript → JavaScript (sucrase strips the types and keeps every line where it was),
// then acorn finds the cell's inputs and outputs, and a few text edits turn it into a function the page's runtime can
// call. Runs at build time for the lesson's cells and in the browser for the learner's edits (loaded on first Edit).
//
// The compiled function, for `const y = 2 * x;`:
//   (function (__lg, __lm, __le, x) {"use strict";const y = 2 * x;
//   return {y};})
// __lg is the loop guard (guard.ts), __lm the imported modules, __le receives a generator cell's live outputs.
// The header shares the cell's first line, so line N of the cell is line N of the function: error lines need no map.
import {type Node, parse} from "acorn";
// sucrase's CommonJS build: Framework's bundling of its ES build breaks on a CommonJS dependency's named export.
import {transform} from "sucrase/dist/index.js";
import {analyze} from "./analyze.js";
import {CELL_SPECIALS, GLOBALS} from "./globals.js";
import {GUARDED_CONSTRUCTORS} from "./guard.js";
import {disallowedImportMessage, isAllowedModule, normalizeSpecifier} from "./modules.js";

export interface CompiledCell {
  /** Names read from other cells of the page: the cell's inputs in the page's runtime. */
  inputs: string[];
  /** Parameters of `code` after __lg, __lm, __le: the inputs, and the specials it uses (globals.ts). */
  params: string[];
  /** Top-level declarations: the names this cell defines for the page. */
  outputs: string[];
  /** The outputs that are imported names (a cell may import a module another cell imports under the same name). */
  imported: string[];
  /** Where each input is first used and each output declared: [line, column] from 1 (columns once types are stripped). */
  positions: Record<string, [number, number]>;
  /** Canonical specifiers of the modules the cell imports, in the order of __lm. */
  imports: string[];
  /** An expression cell displays its value. */
  expression: boolean;
  /** A cell with a top-level `yield` runs as a generator: each yielded value is shown in turn. */
  generator: boolean;
  /** A function expression, ready for eval. */
  code: string;
}

/** A compile error at a position of the cell's source (line and column start at 1). */
export class CellSyntaxError extends SyntaxError {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number
  ) {
    super(`${message} (line ${line}, column ${column})`);
    this.name = "SyntaxError";
  }
}

const WRAP = "async function* __cell() {";
const RESERVED = new Set(["__lg", "__lm", "__le", "__cell"]);
/** Counts down and calls the guard's check every so many iterations (see guard.ts). */
const GUARD = "if(--__lg.n<0)__lg.t();";
const GUARD_EXPRESSION = "--__lg.n<0&&__lg.t()";

/** [line, column] of an offset in `source`, both from 1. */
function lineColumn(source: string, offset: number): [number, number] {
  const before = source.slice(0, Math.max(0, Math.min(offset, source.length)));
  return [before.split("\n").length, before.length - before.lastIndexOf("\n")];
}

function errorAt(source: string, message: string, offset: number): CellSyntaxError {
  return new CellSyntaxError(message, ...lineColumn(source, offset));
}

/** Where sucrase or acorn failed, in the source the learner sees. */
function positionOf(error: unknown): number | undefined {
  const pos = (error as {pos?: unknown}).pos;
  return typeof pos === "number" ? pos : undefined;
}

export function compileCell(source: string, {path = "/"}: {path?: string} = {}): CompiledCell {
  let js: string;
  try {
    js = transform(source, {
      transforms: ["typescript"],
      disableESTransforms: true,
      keepUnusedImports: true // an imported name is an output even if this cell doesn't use it
    }).code;
  } catch (error) {
    const message = String((error as Error).message).replace(/\s*\(\d+:\d+\)$/, "");
    throw errorAt(source, message, positionOf(error) ?? 0);
  }

  let program: ReturnType<typeof parse>;
  try {
    program = parse(`${WRAP}${js}\n}`, {
      ecmaVersion: "latest",
      sourceType: "module",
      allowImportExportEverywhere: true
    });
  } catch (error) {
    const message = String((error as Error).message).replace(/\s*\(\d+:\d+\)$/, "");
    throw errorAt(js, message, (positionOf(error) ?? WRAP.length) - WRAP.length);
  }

  const analysis = analyze(program);
  const at = (node: Node) => node.start - WRAP.length;
  const fail = (message: string, node: Node): never => {
    throw errorAt(js, message, at(node));
  };
  if (analysis.errors.length) fail(...analysis.errors[0]);

  const outputs: string[] = [];
  const positions: Record<string, [number, number]> = {};
  for (const id of analysis.declarations) {
    positions[id.name] ??= lineColumn(js, at(id));
    if (RESERVED.has(id.name)) fail(`${id.name} is reserved for the live-cell runtime; choose another name`, id);
    if (CELL_SPECIALS.has(id.name)) fail(`${id.name} is provided to every cell; choose another name`, id);
    if (GLOBALS.has(id.name)) fail(`${id.name} is a global name of JavaScript or the browser; choose another name`, id);
    if (!outputs.includes(id.name)) outputs.push(id.name);
  }
  const params: string[] = [];
  const guarded: string[] = [];
  for (const id of analysis.references) {
    if (RESERVED.has(id.name)) fail(`${id.name} is reserved for the live-cell runtime`, id);
    if (CELL_SPECIALS.has(id.name) || !GLOBALS.has(id.name)) {
      params.push(id.name);
      positions[id.name] ??= lineColumn(js, at(id));
    }
    if (id.name in GUARDED_CONSTRUCTORS) guarded.push(id.name);
  }

  // Text edits on `js`, applied in position order; insertions at one position keep the order they were added in.
  const edits: {start: number; end: number; text: string}[] = [];
  const insert = (position: number, text: string) => edits.push({start: position, end: position, text});
  // Memory is counted through the guard (guard.ts): the cell's Array, ArrayBuffer and typed arrays are its own.
  // First, so that it comes before every other edit at the start of the cell.
  if (guarded.length) insert(0, `const ${guarded.map((name) => `${name}=__lg.c("${name}")`).join(",")};`);

  const imports: string[] = [];
  const imported: string[] = [];
  for (const node of analysis.imports) {
    for (const s of node.specifiers) imported.push(s.local.name);
    const specifier = String(node.source.value);
    const canonical = normalizeSpecifier(specifier, path);
    if (!isAllowedModule(canonical)) fail(disallowedImportMessage(specifier, path), node.source);
    let index = imports.indexOf(canonical);
    if (index < 0) index = imports.push(canonical) - 1;
    const bindings: string[] = [];
    const named: string[] = [];
    for (const s of node.specifiers) {
      if (s.type === "ImportDefaultSpecifier") bindings.push(`${s.local.name} = __lm[${index}].default`);
      else if (s.type === "ImportNamespaceSpecifier") bindings.push(`${s.local.name} = __lm[${index}]`);
      else {
        const imported = s.imported.type === "Identifier" ? s.imported.name : JSON.stringify(s.imported.value);
        named.push(imported === s.local.name ? imported : `${imported}: ${s.local.name}`);
      }
    }
    if (named.length) bindings.push(`{${named.join(", ")}} = __lm[${index}]`);
    const text = js.slice(at(node), node.end - WRAP.length);
    const lines = "\n".repeat(text.split("\n").length - 1); // keep the lines after the import where they were
    edits.push({
      start: at(node),
      end: at(node) + text.length,
      text: `${bindings.length ? `const ${bindings.join(", ")};` : ""}${lines}`
    });
  }

  for (const position of analysis.guardBlocks) insert(position - WRAP.length, GUARD);
  for (const node of analysis.guardStatements) {
    insert(at(node), `{${GUARD}`);
    insert(node.end - WRAP.length, "}");
  }
  for (const node of analysis.guardExpressions) {
    insert(at(node), `(${GUARD_EXPRESSION}, `);
    insert(node.end - WRAP.length, ")");
  }

  const generator = analysis.topLevelYield;
  const expression = analysis.expression && !generator ? analysis.expression : null;
  if (expression) {
    insert(at(expression), "return (");
    insert(expression.end - WRAP.length, ")");
  }
  if (generator && outputs.length) {
    // A generator cell's outputs are read while it runs: getters see each name's current value (undefined before
    // its declaration has run).
    const getters = outputs.map((name) => `get ${name}(){try{return ${name}}catch{}}`);
    insert(0, `__le({${getters.join(",")}});`);
  }

  // By position; at one position, insertions before a replacement that starts there.
  edits.sort((a, b) => a.start - b.start || Number(a.end > a.start) - Number(b.end > b.start));
  let body = "";
  let position = 0;
  for (const edit of edits) {
    body += js.slice(position, edit.start) + edit.text;
    position = edit.end;
  }
  body += js.slice(position);
  if (!expression) body += `\nreturn {${outputs.join(", ")}};`;

  const kind = `${analysis.topLevelAwait ? "async " : ""}function${generator ? "*" : ""}`;
  return {
    inputs: params.filter((name) => !CELL_SPECIALS.has(name)),
    params,
    outputs,
    imported,
    positions,
    imports,
    expression: expression !== null,
    generator,
    code: `(${kind} (${["__lg", "__lm", "__le", ...params].join(", ")}) {"use strict";${body}\n})`
  };
}
