// The real browsers the suites run in: where each is looked for, how to install it, which vitest
// project and folders are its. Used by `npm test` (scripts/test.mjs), `npm run test:pages` and
// `npm run test:e2e` (scripts/browser-suites.mjs). The harnesses read the same environment
// variables (test/e2e/harness.ts, test/firefox/harness.ts).
import { existsSync } from 'node:fs';

export const BROWSERS = [
  {
    name: 'Chromium',
    path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    env: 'CHROMIUM_PATH',
    debianPackage: 'chromium',
    project: 'browser',
    pages: ['test/pages/'],
    e2e: ['test/e2e/', 'test/harness/'],
  },
  {
    name: 'Firefox',
    path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    env: 'FIREFOX_PATH',
    debianPackage: 'firefox-esr',
    project: 'firefox',
    pages: ['test/pages/'],
    e2e: ['test/firefox/'],
  },
];

export const isInstalled = (b) => existsSync(b.path);

export const installHint = (b) => `apt-get install -y ${b.debianPackage}`;

/** One line: what is missing and how to install it. */
export const missingLine = (b) =>
  `${b.name} not found at ${b.path}: install the Debian package "${b.debianPackage}" (${installHint(b)}), or set ${b.env}`;
