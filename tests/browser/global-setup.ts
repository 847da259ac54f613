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

/**
 * Builds the site with the network cut when this machine can make a network namespace (Linux, root or user
 * namespaces): the build must need nothing but node_modules (README, "No network"). On a fresh clone the cache is
 * cold, so CI checks exactly what a teacher who installed the course and went offline would run.
 */
function buildOffline() {
  const build = ["npx", "observable", "build"];
  let canCut = false;
  try {
    execFileSync("unshare", ["-rn", "true"], {stdio: "ignore"});
    canCut = true;
  } catch {
    console.warn("Cannot make a network namespace here (unshare -rn): building with the network on.");
  }
  if (canCut) console.log("Building with the network cut (unshare -rn)…");
  execFileSync(canCut ? "unshare" : build[0], canCut ? ["-rn", ...build] : build.slice(1), {stdio: "inherit"});
}

export default async function setup(project: TestProject) {
  const chromiumPath = ensureChromium();
  const dist = process.env.COURSE_DIST || "dist";
  if (!process.env.SKIP_BUILD) {
    // Framework clears only an output folder inside the working directory; clear any other one ourselves.
    rmSync(dist, {recursive: true, force: true});
    buildOffline();
  }
  const {server, origin} = await serve(dist);
  project.provide("origin", origin);
  project.provide("chromiumPath", chromiumPath);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
