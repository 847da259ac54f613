// The chapters in lesson order, each with the ids of its exercises, for the home page's course map. The config's
// head embeds them in the home page as JSON at every build. (A Framework data loader would be cached until the
// loader file itself changes, so a new chapter or exercise would not reach the map.)
import {readFileSync} from "node:fs";
import {findExercises} from "./exercise-ids.js";

export interface CourseChapter {
  name: string;
  /** The chapter's English path, e.g. "/softmax" (exercise ids are the same in both languages). */
  path: string;
  /** The link from the home page, when it is not `.${path}` (the Chinese home page). */
  href?: string;
  /** Shown in English on a Chinese home page (not translated yet). */
  english?: boolean;
  exercises: string[];
}

type ChapterEntry = Omit<CourseChapter, "exercises">;

/** Each chapter with the exercises its (English) Markdown holds, read now. */
export function courseChapters(chapters: readonly ChapterEntry[]): CourseChapter[] {
  return chapters.map((chapter) => ({
    ...chapter,
    exercises: findExercises(chapter.path, readFileSync(new URL(`..${chapter.path}.md`, import.meta.url), "utf-8"))
  }));
}

/** A JSON script element the home page reads (`<` escaped so no text can close the element). */
export function courseMapScript(chapters: readonly ChapterEntry[]): string {
  const json = JSON.stringify(courseChapters(chapters)).replace(/</g, "\\u003c");
  return `<script type="application/json" id="course-chapters">${json}</script>`;
}
