// Every exercise in the course, run in Node the way the page runs it: the reference solution must pass its check,
// and the starter code must not (a starter that passes teaches nothing).
import {readdirSync, readFileSync} from "node:fs";
import {join, relative} from "node:path";
import MarkdownIt from "markdown-it";
import {describe, expect, it} from "vitest";
import {collectExercises, compileCheck, type ExerciseSource} from "../../../src/build/exercises-plugin.js";
import * as helpers from "../../../src/lib/exercises/check.js";
import {runCheck, type Verdict} from "../../../src/lib/exercises/check.js";
import {canonicalPath} from "../../../src/lib/i18n.js";
import {type CompiledCell, compileCell} from "../../../src/lib/live/compile.js";
import {evaluate} from "../../../src/lib/live/evaluate.js";
import {createGuard} from "../../../src/lib/live/guard.js";

// The modules a cell may import, loaded in Node (see src/lib/live/modules.ts).
const nodeModules: Record<string, () => Promise<unknown>> = {
  "/lib/nn/index.js": () => import("../../../src/lib/nn/index.js"),
  "/lib/tex.js": () => import("../../../src/lib/tex.js"),
  d3: () => import("d3"),
  mathjs: () => import("mathjs")
};

type CellFunction = (guard: unknown, modules: unknown[], live: unknown, ...args: unknown[]) => unknown;

async function run(compiled: CompiledCell, scope: Record<string, unknown>): Promise<Record<string, unknown>> {
  const modules = await Promise.all(
    compiled.imports.map((name) => {
      const load = nodeModules[name];
      if (!load) throw new Error(`an exercise imports ${name}, which the Node test cannot load`);
      return load();
    })
  );
  const fn = evaluate(compiled.code, "exercise-test") as CellFunction;
  const args = compiled.params.map((name) => scope[name]);
  const missing = compiled.inputs.filter((name) => !(name in scope));
  if (missing.length)
    throw new Error(
      `the cell reads ${missing.join(", ")}, defined elsewhere on the page; exercises must be self-contained`
    );
  return (await fn(createGuard(5000), modules, () => {}, ...args)) as Record<string, unknown>;
}

/** Runs `code` as the exercise cell, then the check on what it declared. */
async function verdictFor(exercise: ExerciseSource, code: string, page: string): Promise<Verdict> {
  const base = {display: () => {}, invalidation: new Promise(() => {})};
  let exports: Record<string, unknown>;
  try {
    // As the build does: a Chinese page's cells resolve imports from its English twin's path.
    exports = await run(compileCell(code, {path: canonicalPath(page)}), base);
  } catch (error) {
    return {passed: false, message: `the cell failed: ${(error as Error).message}`};
  }
  try {
    const {verdict} = await run(compileCheck(exercise, page), {...helpers, ...exports, ...base});
    return runCheck(() => verdict as Verdict);
  } catch (error) {
    return {passed: false, message: `the check threw: ${(error as Error).message}`};
  }
}

function pagesWithExercises(): {page: string; exercises: ExerciseSource[]}[] {
  const md = new MarkdownIt({html: true});
  const found: {page: string; exercises: ExerciseSource[]}[] = [];
  const walk = (dir: string): string[] =>
    readdirSync(dir, {withFileTypes: true}).flatMap((entry) =>
      entry.isDirectory()
        ? entry.name.startsWith(".")
          ? []
          : walk(join(dir, entry.name))
        : entry.name.endsWith(".md")
          ? [join(dir, entry.name)]
          : []
    );
  for (const file of walk("src")) {
    const page = `/${relative("src", file).replace(/\.md$/, "")}`;
    const source = readFileSync(file, "utf-8").replace(/^---\n[\s\S]*?\n---\n/, "");
    const exercises = collectExercises(md.parse(source, {}), page);
    if (exercises.length) found.push({page, exercises});
  }
  return found;
}

const pages = pagesWithExercises();

describe("course exercises", () => {
  it("finds the exercises of the test page at least", () => {
    expect(pages.map((p) => p.page)).toContain("/lab/exercises");
  });

  for (const {page, exercises} of pages) {
    describe(page, () => {
      it.each(exercises.map((e) => [e.id, e] as const))("%s: the solution passes its check", async (_id, exercise) => {
        const verdict = await verdictFor(exercise, exercise.solution, page);
        expect(verdict.message).toBeTypeOf("string");
        expect(verdict, verdict.message).toMatchObject({passed: true});
      });
      it.each(exercises.map((e) => [e.id, e] as const))("%s: the starter code does not", async (_id, exercise) => {
        const verdict = await verdictFor(exercise, exercise.starter, page);
        expect(verdict.passed, verdict.message).toBe(false);
      });
    });
  }
});
