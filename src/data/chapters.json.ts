// Data loader: the chapters in lesson order, each with the ids of its exercises, for the course map.
import {readFileSync} from "node:fs";
import {chapters} from "../../observablehq.config.js";
import {findExercises} from "../build/exercise-ids.js";

const result = chapters.map(({name, path}) => ({
  name,
  path,
  exercises: findExercises(path, readFileSync(new URL(`..${path}.md`, import.meta.url), "utf-8"))
}));
process.stdout.write(JSON.stringify(result, null, 2));
