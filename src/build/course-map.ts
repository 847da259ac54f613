// The chapters in lesson order, each with the ids of its exercises, for the home page's course map. The config's
// head embeds them in the home page as JSON at every build. (A Framework data loader would be cached until the
// loader file itself changes, so a new chapter or exercise would not reach the map.)
import {readFileSync} from "node:fs";
import {findExercises} from "./exercise-ids.js";

export interface CourseChapter {
  name: string;
  path: string;
  exercises: string[];
}

/** Each chapter with the exercises its Markdown holds, read now. */
export function courseChapters(chapters: readonly {name: string; path: string}[]): CourseChapter[] {
  return chapters.map(({name, path}) => ({
    name,
    path,
    exercises: findExercises(path, readFileSync(new URL(`..${path}.md`, import.meta.url), "utf-8"))
  }));
}

/** A JSON script element the home page reads (`<` escaped so no text can close the element). */
export function courseMapScript(chapters: readonly {name: string; path: string}[]): string {
  const json = JSON.stringify(courseChapters(chapters)).replace(/</g, "\\u003c");
  return `<script type="application/json" id="course-chapters">${json}</script>`;
}
