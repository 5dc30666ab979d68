// `npm run mutation`: StrykerJS over src/core/ with the fast suites (unit + DOM-level captures).
// Not part of `npm test`; CI runs it through scripts/mutation-gate.mjs (see docs/mutation.md).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: ['src/core/**/*.ts'],
  // Static mutants (module-level constants) need a fresh module per mutant: slow, and the values
  // they mutate (tables of selectors and wordings) are pinned by the capture suites anyway.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Two cores shared with the browser suites of other engineers.
  concurrency: 1,
  timeoutMS: 10000,
  tempDirName: '.tmp/stryker',
  cleanTempDir: 'always',
  // Per-file floors are enforced by scripts/mutation-gate.mjs; this is only the overall floor.
  thresholds: { high: 90, low: 85, break: null },
};
