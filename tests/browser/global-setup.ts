// Builds the site once, serves dist/ on a free loopback port and finds Chromium for every browser test file.
import {execFileSync} from "node:child_process";
import {rmSync} from "node:fs";
import type {TestProject} from "vitest/node";
import {ensureChromium} from "./chromium.js";
import {serve} from "./serve.js";

declare module "vitest" {
  export interface ProvidedContext {
    origin: string;
    chromiumPath: string;
  }
}

export default async function setup(project: TestProject) {
  const chromiumPath = ensureChromium();
  const dist = process.env.COURSE_DIST || "dist";
  if (!process.env.SKIP_BUILD) {
    // Framework clears only an output folder inside the working directory; clear any other one ourselves.
    rmSync(dist, {recursive: true, force: true});
    execFileSync("npx", ["observable", "build"], {stdio: "inherit"});
  }
  const {server, origin} = await serve(dist);
  project.provide("origin", origin);
  project.provide("chromiumPath", chromiumPath);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
