// Builds the site once, serves dist/ on a free loopback port and finds Chromium for every browser test file.
import {execFileSync} from "node:child_process";
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
  if (!process.env.SKIP_BUILD) execFileSync("npx", ["observable", "build"], {stdio: "inherit"});
  const {server, origin} = await serve(process.env.COURSE_DIST || "dist");
  project.provide("origin", origin);
  project.provide("chromiumPath", chromiumPath);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
