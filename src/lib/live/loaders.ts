// How the browser loads each module a live cell may import (the keys are modules.ts's ALLOWED_MODULES). These are
// dynamic imports, so Framework bundles the modules and rewrites the paths without preloading them; a page whose
// cells import a module also imports it from its setup cell, so it is preloaded there and already loaded here.
// Both routes give the same module instance as the page's ordinary cells get (same URL).

const loaders: Record<string, () => Promise<unknown>> = {
  "/lib/nn/index.js": () => import("../nn/index.js"),
  "/lib/tex.js": () => import("../tex.js"),
  "/components/index.js": () => import("../../components/index.js"),
  d3: () => import("d3"),
  mathjs: () => import("mathjs")
};

export const LOADABLE: readonly string[] = Object.keys(loaders);

const loaded = new Map<string, Promise<unknown>>();

export function loadModule(canonical: string): Promise<unknown> {
  let promise = loaded.get(canonical);
  if (!promise) {
    const load = loaders[canonical];
    promise = load ? load() : Promise.reject(new Error(`Live cells cannot import ${canonical}`));
    loaded.set(canonical, promise);
  }
  return promise;
}
