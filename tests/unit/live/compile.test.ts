// The live-cell compiler: inputs and outputs of every declaration form, TypeScript syntax, the edits it makes, and
// running the compiled function.
import {describe, expect, test} from "vitest";
import {CellSyntaxError, compileCell} from "../../../src/lib/live/compile.js";
import {createGuard} from "../../../src/lib/live/guard.js";
import {evaluate, runCell} from "./run-cell.js";

const io = (source: string) => {
  const {inputs, outputs} = compileCell(source, {path: "/index"});
  return {inputs: [...inputs].sort(), outputs: [...outputs].sort()};
};

function syntaxError(source: string): CellSyntaxError {
  try {
    compileCell(source, {path: "/index"});
  } catch (error) {
    if (error instanceof CellSyntaxError) return error;
    throw error;
  }
  throw new Error(`no syntax error in ${source}`);
}

describe("outputs and inputs", () => {
  test("const, let and var, with destructuring, defaults and rest", () => {
    expect(io("const {a = x, b: [c, , ...d], ...rest} = obj;\nlet e = 1, f;\nvar g = [h];")).toEqual({
      inputs: ["h", "obj", "x"],
      outputs: ["a", "c", "d", "e", "f", "g", "rest"]
    });
  });

  test("function and class declarations; their bodies' free names are inputs", () => {
    expect(io("function f(p, {q}) { return p + q + r; }\nclass K extends Base { m() { return K.s + t; } }")).toEqual({
      inputs: ["Base", "r", "t"],
      outputs: ["K", "f"]
    });
  });

  test("imports are outputs; unused and type-only ones too", () => {
    const compiled = compileCell(
      'import {Matrix, type Shape, network as net} from "./lib/nn/index.js";\nimport * as d3 from "d3";\nimport {tex} from "./lib/tex.js";',
      {path: "/index"}
    );
    expect([...compiled.outputs].sort()).toEqual(["Matrix", "d3", "net", "tex"]);
    expect(compiled.inputs).toEqual([]);
    expect(compiled.imports).toEqual(["/lib/nn/index.js", "d3", "/lib/tex.js"]);
  });

  test("imports resolve relative to the page", () => {
    expect(compileCell('import {Matrix} from "../lib/nn/index.js";', {path: "/lab/live-cells"}).imports).toEqual([
      "/lib/nn/index.js"
    ]);
  });

  test("labels are not references", () => {
    expect(io("outer: for (const x of xs) { for (;;) { if (x) continue outer; break outer; } }")).toEqual({
      inputs: ["xs"],
      outputs: []
    });
  });

  test("shadowing in inner scopes: parameters, block-scoped names, catch bindings, var hoisting", () => {
    expect(
      io(`const out = [a].map((a) => a + 1);
{ const b = 2; out.push(b); }
try { f(); } catch (c) { c; }
function g() { if (true) { var d = 1; } return d; }
for (let i = 0; i < n; i++) {}
i;`)
    ).toEqual({inputs: ["a", "f", "i", "n"], outputs: ["g", "out"]});
  });

  test("closures refer to the cell's own names, not inputs", () => {
    expect(io("let count = 0;\nconst inc = () => ++count + step;\nfunction later() { return inc(); }")).toEqual({
      inputs: ["step"],
      outputs: ["count", "inc", "later"]
    });
  });

  test("`arguments` is local in functions, an error at the top level", () => {
    expect(io("function f() { return arguments.length + (() => arguments[0])(); }")).toEqual({
      inputs: [],
      outputs: ["f"]
    });
    expect(syntaxError("const n = arguments.length;").message).toMatch(
      /`arguments` is only available inside a function/
    );
  });

  test("TypeScript: interfaces, type aliases, generics, as, !, satisfies, enums, optional chaining", () => {
    const source = `interface Point { x: number; y: number }
type Pair<T> = [T, T];
enum Color { Red, Green = 5 }
function first<T>(pair: Pair<T>): T { return pair[0]; }
const p = {x: 1, y: 2} satisfies Point;
const q = (maybe as Point | undefined)!.x;
const r = config?.deep?.value ?? first<number>([3, 4]);
const s = <T,>(t: T) => t;
class Box<T> { constructor(public value: T) {} }`;
    expect(io(source)).toEqual({
      inputs: ["config", "maybe"],
      outputs: ["Box", "Color", "first", "p", "q", "r", "s"]
    });
    const {result} = runCell(source, {maybe: {x: 7}, config: undefined});
    const exports = result as Record<string, unknown>;
    expect(exports.q).toBe(7);
    expect(exports.r).toBe(3);
    expect((exports.Color as Record<string, unknown>).Green).toBe(5);
    expect(new (exports.Box as new (v: number) => {value: number})(9).value).toBe(9);
  });

  test("globals and the cell's specials are not page inputs", () => {
    const compiled = compileCell("display(Math.max(...values));\ninvalidation.then(() => console.log(x));", {});
    expect(compiled.inputs.sort()).toEqual(["values", "x"]);
    expect(compiled.params).toContain("display");
    expect(compiled.params).toContain("invalidation");
  });
});

describe("positions, imports and guarded constructors", () => {
  test("where each input is first used and each output declared", () => {
    const compiled = compileCell("const a = b + 1;\nfunction f() {\n  return c * a;\n}", {path: "/index"});
    expect(compiled.positions).toEqual({a: [1, 7], f: [2, 10], b: [1, 11], c: [3, 10]});
    // Lines are the cell's; columns are counted once types are stripped.
    expect(compileCell("const a: number = b;", {path: "/index"}).positions.b).toEqual([1, 11]);
  });

  test("imported outputs are listed apart", () => {
    const compiled = compileCell('import * as d3 from "d3";\nimport {tex} from "./lib/tex.js";\nconst x = 1;', {
      path: "/index"
    });
    expect(compiled.outputs).toEqual(["x", "d3", "tex"]);
    expect(compiled.imported).toEqual(["d3", "tex"]);
  });

  test("Array and the typed arrays a cell uses come from the guard, on the cell's first line", () => {
    const compiled = compileCell("const xs = new Float64Array(3);\nconst ys = Array.from(xs);\nxs.length", {
      path: "/index"
    });
    expect(compiled.code.split("\n")[0]).toContain('const Float64Array=__lg.c("Float64Array"),Array=__lg.c("Array");');
    expect(compiled.inputs).toEqual([]);
    const {result} = runCell("new Array(3).fill(1)");
    expect(result).toEqual([1, 1, 1]);
  });
});

describe("cell kinds", () => {
  test("an expression cell returns its value", () => {
    const {result, compiled} = runCell("x * 2 // doubled", {x: 21});
    expect(compiled.expression).toBe(true);
    expect(result).toBe(42);
  });

  test("a program cell returns its declarations", () => {
    const {result, compiled} = runCell("const a = 1;\nlet b = a + 1;\nb++;", {});
    expect(compiled.expression).toBe(false);
    expect(result).toEqual({a: 1, b: 3});
  });

  test("top-level await makes an async cell", async () => {
    const {result} = runCell("const v = await Promise.resolve(5);");
    await expect(result).resolves.toEqual({v: 5});
  });

  test("top-level yield makes a generator; its outputs are readable at each step", () => {
    const compiled = compileCell("let epoch = 0;\nfor (; epoch < 3; epoch++) yield epoch;\nconst after = true;");
    expect(compiled.generator).toBe(true);
    let live: Record<string, unknown> = {};
    const fn = evaluate<(...args: unknown[]) => Generator<number, Record<string, unknown>>>(compiled.code);
    const generator = fn(createGuard(), [], (outputs: Record<string, unknown>) => (live = outputs));
    expect(generator.next().value).toBe(0);
    expect(live.epoch).toBe(0);
    expect(live.after).toBeUndefined(); // not declared yet
    generator.next();
    expect(live.epoch).toBe(1);
    generator.next();
    expect(generator.next()).toEqual({done: true, value: {epoch: 3, after: true}});
  });

  test("imports read the modules handed to the cell", () => {
    const {result} = runCell(
      'import nn, {a, b as c} from "./lib/nn/index.js";\nimport * as d3 from "d3";\nconst sum = a + c + nn.d + d3.e;',
      {},
      [{a: 1, b: 2, default: {d: 3}}, {e: 4}]
    );
    expect((result as {sum: number}).sum).toBe(10);
  });

  test("lines are kept: line N of the cell is line N of the compiled function", () => {
    const source = `interface A {
  x: number;
}
import {
  Matrix
} from "./lib/nn/index.js";
type B = A;
const marker = 1;`;
    const {code} = compileCell(source);
    expect(code.split("\n").findIndex((line) => line.includes("const marker = 1"))).toBe(7);
  });
});

describe("compile errors", () => {
  test("a JavaScript syntax error has the line and column of the source", () => {
    const error = syntaxError("const a = 1;\nconst b = a * ;");
    expect([error.line, error.column]).toEqual([2, 15]);
    expect(error.message).toMatch(/\(line 2, column 15\)$/);
  });

  test("a TypeScript syntax error has the line of the source", () => {
    expect(syntaxError("const a: number = 1;\nlet b: = 2;").line).toBe(2);
  });

  test("unknown imports, export, top-level return, assignment to an input", () => {
    expect(syntaxError('import _ from "lodash";').message).toMatch(/Cannot import "lodash" in a live cell/);
    expect(syntaxError("export const a = 1;").message).toMatch(/`export` is not needed/);
    expect(syntaxError("const a = 1;\nreturn a;").line).toBe(2);
    expect(syntaxError("x = 2;").message).toMatch(/Cannot assign to x/);
    expect(syntaxError("const Math = 1;").message).toMatch(/global name/);
  });
});
