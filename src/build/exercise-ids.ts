// Finds the exercises of a chapter in its Markdown source: every fence whose info string has `exercise=<id>`.
// Used by the build plugin and by the data loader that tells the home page how many exercises each chapter has.
import {canonicalPath} from "../lib/i18n.js";

const EXERCISE = /^(?:```|~~~)\s*\w+\b[^\n]*\bexercise=([A-Za-z0-9_-]+)/gm;

/**
 * The stable id of an exercise: the chapter's page name and the exercise's own id, e.g. "and-gate/or". A Chinese
 * page's exercises have its English twin's ids ("/zh/and-gate" → "and-gate/or"): progress is the same in both.
 */
export function exerciseId(pagePath: string, id: string): string {
  return `${canonicalPath(pagePath).replace(/^\/+/, "")}/${id}`;
}

/** Exercise ids of a page, in page order. */
export function findExercises(pagePath: string, markdown: string): string[] {
  return [...markdown.matchAll(EXERCISE)].map((match) => exerciseId(pagePath, match[1]));
}
