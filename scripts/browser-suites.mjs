// `npm run test:pages` / `npm run test:e2e`: the suite in every browser this machine has, one after
// the other (never two browsers at once), one line per case per browser. A missing browser is said
// in one line and skipped here; `npm test` requires them all.
import { spawnSync } from 'node:child_process';
import { BROWSERS, isInstalled, missingLine } from './browsers.mjs';

const which = process.argv[2];
if (which !== 'pages' && which !== 'e2e') {
  console.error('usage: node scripts/browser-suites.mjs pages|e2e [vitest options]');
  process.exit(2);
}
const present = BROWSERS.filter(isInstalled);
for (const b of BROWSERS.filter((x) => !isInstalled(x))) console.log(`skipped: ${missingLine(b)}`);
const projects = [...(which === 'pages' ? ['pages-dom'] : []), ...present.map((b) => b.project)];
if (projects.length === 0) {
  console.log('no browser installed: nothing to run');
  process.exit(1);
}
const folders = [...new Set(present.flatMap((b) => b[which]))];
// the projects' groupOrder (vitest.config.ts) runs the browsers one after the other
const args = [
  'run',
  ...projects.flatMap((p) => ['--project', p]),
  ...(which === 'pages' ? ['test/pages/'] : folders),
  '--reporter=verbose',
  ...process.argv.slice(3),
];
const r = spawnSync('node_modules/.bin/vitest', args, { stdio: 'inherit' });
process.exit(r.status ?? 1);
