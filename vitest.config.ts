import {defineConfig} from "vitest/config";

// Two projects: fast unit tests in Node, and browser tests that drive the built site in headless Chromium.
export default defineConfig({
  test: {
    reporters: ["default", "./tests/summary-reporter.ts"],
    projects: [
      // Generous time-outs: some unit tests train real networks, and CI machines may be busy. Speed is measured by
      // `npm run bench`, never by a test.
      {test: {name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 60_000}},
      {
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/browser/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false
        }
      }
    ]
  }
});
