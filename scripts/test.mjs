// `npm test`: every check in order, one line per step, and a closing line `N passed, N failed`
// that sums the tests of every suite (each non-test step counts as one check).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { BROWSERS, installHint, isInstalled, missingLine } from './browsers.mjs';

mkdirSync('.tmp', { recursive: true });
let passed = 0;
let failed = 0;
const lines = [];

function run(name, cmd, args) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status === 0;
}

function step(name, cmd, args) {
  const ok = run(name, cmd, args);
  ok ? passed++ : failed++;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  return ok;
}

/** A vitest run: its tests count one by one. */
function suite(name, args) {
  const out = `.tmp/${name}.json`;
  const ok = run(name, 'node_modules/.bin/vitest', [
    'run',
    ...args,
    '--reporter=verbose',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  let p = 0;
  let f = 0;
  try {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    p = report.numPassedTests;
    f = report.numFailedTests + (report.numTotalTests === 0 ? 1 : 0);
  } catch {
    f = 1;
  }
  if (!ok && f === 0) f = 1; // a suite that failed to run at all
  passed += p;
  failed += f;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${p} passed, ${f} failed`);
  return ok;
}

function skip(name, why) {
  failed++;
  lines.push(`FAIL ${name}: not run (${why})`);
}

step('typecheck', 'node_modules/.bin/tsc', ['--noEmit']);
step('lint', 'node_modules/.bin/biome', ['ci', '.']);
suite('unit', ['--project', 'unit']);
const built = step('build', 'npm', ['run', '--silent', 'build']);
if (built)
  step('firefox lint', 'node_modules/.bin/web-ext', [
    'lint',
    '--source-dir',
    'dist/firefox',
    '--output',
    'text',
  ]);
else skip('firefox lint', 'build failed');
// every browser is required: a missing one fails the run, and says in one line how to install it
for (const b of BROWSERS.filter((x) => !isInstalled(x))) console.log(`\n${missingLine(b)}`);
if (!built) {
  skip('page captures', 'build failed');
  skip('e2e', 'build failed');
} else {
  suite('page captures (DOM)', ['--project', 'pages-dom']);
  // one browser at a time (two cores): each suite in Chromium, then in Firefox
  for (const [label, folders] of [
    ['page captures', 'pages'],
    ['e2e', 'e2e'],
  ])
    for (const b of BROWSERS) {
      if (isInstalled(b)) suite(`${label} (${b.name})`, ['--project', b.project, ...b[folders]]);
      else skip(`${label} (${b.name})`, `${b.name} missing: ${installHint(b)}`);
    }
}

console.log(`\n${lines.join('\n')}`);
const summary = `${passed} passed, ${failed} failed`;
writeFileSync('.tmp/summary.txt', `${summary}\n`);
console.log(summary);
process.exit(failed === 0 ? 0 : 1);
