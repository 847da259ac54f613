// Build-time side of exercises: groups each exercise's fences and turns them into one exercise on the page.
//
//   ```ts live exercise=predict     the starter: a live cell the learner edits (Run and Reset are the cell's)
//   ```ts check=predict             the check: a function body returning a Verdict (src/lib/exercises/check.ts)
//   ```ts solution=predict          the reference solution, behind "Show solution"
//   ```md hint=predict              one hint per fence, revealed one at a time
//
// The starter stays a live cell (the live-cell plugin renders it), wrapped in an element with
// data-exercise="<page>/<id>" and followed by the exercise panel: Hint and Show solution buttons, the hints
// (pre-rendered, hidden), the result, and the compiled check as JSON. The check, solution and hint fences leave the
// page's flow. A hidden setup cell before the first exercise loads the browser side (src/lib/exercises/runtime.ts).
import type MarkdownIt from "markdown-it";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type Token from "markdown-it/lib/token.mjs";
import {canonicalPath, langOfPath, t} from "../lib/i18n.js";
import {type CompiledCell, compileCell} from "../lib/live/compile.js";
import {relativeSpecifier} from "../lib/live/modules.js";
import {exerciseId} from "./exercise-ids.js";

export interface ExerciseSource {
  /** Stable id: "<page>/<id>", e.g. "linear-regression/predict". */
  id: string;
  /** The id written in the fences. */
  name: string;
  starter: string;
  check: string;
  solution: string;
  hints: string[];
  /** Line of the starter fence in the page (1-based, without front matter). */
  line: number;
}

const ROLE = /\b(exercise|check|solution|hint)=([A-Za-z0-9_-]+)/;

function roleOf(token: Token): {role: string; name: string} | undefined {
  if (token.type !== "fence") return undefined;
  const match = ROLE.exec(token.info);
  return match ? {role: match[1], name: match[2]} : undefined;
}

/**
 * Finds the exercises among a page's block tokens. Throws (failing the build) when an exercise lacks its check or
 * solution, or when a check, solution or hint names no exercise.
 */
export function collectExercises(tokens: Token[], pagePath: string): ExerciseSource[] {
  const byName = new Map<string, ExerciseSource>();
  const where = (token: Token) => `${pagePath}.md:${(token.map?.[0] ?? 0) + 1}`;
  for (const token of tokens) {
    const role = roleOf(token);
    if (role?.role !== "exercise") continue;
    if (!/\blive\b/.test(token.info))
      throw new Error(`${where(token)}: an exercise fence must be a live cell: \`\`\`ts live exercise=${role.name}`);
    if (byName.has(role.name)) throw new Error(`${where(token)}: two exercises are named "${role.name}"`);
    byName.set(role.name, {
      id: exerciseId(pagePath, role.name),
      name: role.name,
      starter: token.content,
      check: "",
      solution: "",
      hints: [],
      line: (token.map?.[0] ?? 0) + 1
    });
  }
  for (const token of tokens) {
    const role = roleOf(token);
    if (!role || role.role === "exercise") continue;
    const exercise = byName.get(role.name);
    if (!exercise) throw new Error(`${where(token)}: ${role.role}=${role.name} names no exercise on this page`);
    if (role.role === "hint") exercise.hints.push(token.content);
    else exercise[role.role as "check" | "solution"] = token.content;
  }
  for (const exercise of byName.values()) {
    if (!exercise.check)
      throw new Error(
        `${pagePath}.md:${exercise.line}: exercise "${exercise.name}" has no \`\`\`ts check=${exercise.name} fence`
      );
    if (!exercise.solution)
      throw new Error(
        `${pagePath}.md:${exercise.line}: exercise "${exercise.name}" has no \`\`\`ts solution=${exercise.name} fence`
      );
  }
  return [...byName.values()];
}

/**
 * The check as a cell the live-cell compiler accepts: its leading imports stay at the top, and the rest, a function
 * body, becomes `const verdict = (() => { … })();` on the same lines (so error lines match the author's source).
 */
export function checkAsCell(check: string): string {
  const lines = check.replace(/\s+$/, "").split("\n");
  let first = 0;
  let inImport = false;
  for (; first < lines.length; first++) {
    const line = lines[first].trim();
    if (inImport) {
      if (/\bfrom\s*["'][^"']+["'];?$/.test(line) || line.endsWith(";")) inImport = false;
      continue;
    }
    if (line === "" || line.startsWith("//")) continue;
    if (/^import\b/.test(line)) {
      inImport = !/\bfrom\s*["'][^"']+["'];?$|^import\s*["'][^"']+["'];?$/.test(line);
      continue;
    }
    break;
  }
  const body = lines.slice(first);
  body[0] = `const verdict = (() => {${body[0] ?? ""}`;
  body[body.length - 1] += "\n})();";
  return [...lines.slice(0, first), ...body].join("\n");
}

/** Compiles a check at build time; a check that does not compile fails the build with its line. */
export function compileCheck(exercise: ExerciseSource, pagePath: string): CompiledCell {
  try {
    return compileCell(checkAsCell(exercise.check), {path: canonicalPath(pagePath)});
  } catch (error) {
    throw new Error(
      `${pagePath}.md: the check of exercise "${exercise.name}" does not compile: ${(error as Error).message}`
    );
  }
}

/** What the browser side reads from the page for one exercise. */
export interface ExerciseData {
  id: string;
  /** The live cell that holds the learner's code. */
  cell: string;
  starter: string;
  solution: string;
  check: CompiledCell;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&${{"&": "amp", "<": "lt", ">": "gt", '"': "quot"}[c]};`);
}

/** A token that renders `content` as it is. Rendered after the core rules, so Framework's `${…}` parsing of HTML
 * blocks never sees the exercise's code. */
function raw(state: StateCore, content: string): Token {
  const token = new state.Token("exercise_html", "", 0);
  token.content = content;
  return token;
}

export function exercisesPlugin(md: MarkdownIt): void {
  md.core.ruler.after("block", "exercises", (state: StateCore) => {
    const pagePath: string = state.env?.path ?? "/index";
    const lang = langOfPath(pagePath);
    const exercises = collectExercises(state.tokens, pagePath);
    if (!exercises.length) return;
    const byName = new Map(exercises.map((exercise) => [exercise.name, exercise]));
    const tokens: Token[] = [];
    let first = true;
    for (const token of state.tokens) {
      const role = roleOf(token);
      if (role && role.role !== "exercise") continue; // check, solution and hints move into the panel
      if (role?.role !== "exercise") {
        tokens.push(token);
        continue;
      }
      const exercise = byName.get(role.name) as ExerciseSource;
      const cellId = `exercise-${exercise.name}`;
      if (!/\bid=/.test(token.info)) token.info += ` id=${cellId}`;
      const liveId = /\bid=([\w-]+)/.exec(token.info)?.[1] ?? cellId;
      if (first) {
        const setup = new state.Token("fence", "code", 0);
        setup.info = "js echo=false";
        setup.content = `import ${JSON.stringify(relativeSpecifier("/lib/exercises/runtime.js", pagePath))};\n`;
        setup.map = token.map;
        tokens.push(raw(state, '<div class="exercise__setup" hidden>\n'), setup, raw(state, "</div>\n"));
        first = false;
      }
      const data: ExerciseData = {
        id: exercise.id,
        cell: liveId,
        starter: exercise.starter,
        solution: exercise.solution,
        check: compileCheck(exercise, pagePath)
      };
      const hints = exercise.hints
        .map(
          (hint, i) =>
            `<div class="exercise__hint" hidden><strong>${t("ex.hintN", {n: i + 1}, lang)}</strong> ${md.render(hint, {...state.env, code: []})}</div>`
        )
        .join("\n");
      tokens.push(
        raw(state, `<div class="exercise" data-exercise="${escapeHtml(exercise.id)}" data-status="pending">\n`)
      );
      tokens.push(token);
      tokens.push(
        raw(
          state,
          `<div class="exercise__panel">
<div class="exercise__buttons"><button type="button" data-action="hint"${exercise.hints.length ? "" : " disabled"}>${t("ex.hint", {}, lang)}</button><button type="button" data-action="solution">${t("ex.showSolution", {}, lang)}</button><span class="exercise__badge" aria-hidden="true"></span></div>
<div class="exercise__hints">${hints}</div>
<div class="exercise__result" role="status" aria-live="polite">${t("ex.notChecked", {}, lang)}</div>
<script type="application/json" data-exercise-data>${JSON.stringify(data).replace(/</g, "\\u003c")}</script>
</div>
</div>\n`
        )
      );
    }
    state.tokens = tokens;
  });
  md.renderer.rules.exercise_html = (tokens, idx) => tokens[idx].content;
}
