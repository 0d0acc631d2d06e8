// Mutation testing of the domain (`npm run test:mutation`): Stryker changes the rules one at a time
// (a `<` for a `<=`, a condition dropped, a filter removed) and checks that some test fails. It fails
// below 90% of mutants killed. Incremental: only mutants in changed code, or covered by changed tests,
// run again; the committed reports/stryker-incremental.json holds the last results, so CI stays quick.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts" },
  mutate: [
    "app/models/**/*.server.ts",
    "app/learning/**/*.ts",
    "app/requirements/rules.ts",
    // the reports' rules: filters, cells in words, small numbers withheld
    "app/reports/filters.ts",
    "app/reports/cell-words.server.ts",
    "app/reports/suppression.ts",
    "!app/**/*.test.ts",
  ],
  // Build output, databases and test reports are not needed in Stryker's sandbox copy (anchored to the root: app/reports/ is code).
  ignorePatterns: ["/build", "/public/build", "/data", "/tests/.db", "/test-results", "/playwright-report", "/.cache", "/reports"],
  coverageAnalysis: "perTest",
  concurrency: 2,
  timeoutMS: 20_000,
  thresholds: { high: 90, low: 90, break: 90 },
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  reporters: ["clear-text", "progress", "html"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
