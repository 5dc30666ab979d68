import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
      {
        test: { name: 'pages-dom', include: ['test/pages/dom.test.ts'], environment: 'node' },
      },
      {
        test: {
          name: 'bench',
          include: ['test/bench/*.run.ts'],
          environment: 'node',
          testTimeout: 170_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'demo',
          include: ['test/demo/*.demo.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/pages/browser.test.ts', 'test/e2e/**/*.test.ts', 'test/harness/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // one Chromium at a time: the machines have two cores
          fileParallelism: false,
          // the browsers' groups run one after the other: Chromium, then Firefox
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'firefox',
          include: ['test/pages/firefox.test.ts', 'test/firefox/**/*.test.ts'],
          environment: 'node',
          // Firefox starts slower than Chromium and the machine is shared: generous limits
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // after the Chromium project, never beside it: one browser at a time (npm test runs the page
          // captures of both browsers side by side, in two vitest processes: scripts/test.mjs)
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
