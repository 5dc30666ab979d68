// `npm test`: every check in order, one line per step, and a closing line `N passed, N failed`
// that sums the tests of every suite (each non-test step counts as one check).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { BROWSERS, installHint, isInstalled, missingLine } from './browsers.mjs';

mkdirSync('.tmp', { recursive: true });
// no figure of an earlier run may stand in for this one's
rmSync('.tmp/summary.txt', { force: true });
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

/** A vitest run's arguments; its earlier JSON report is removed, so a crash counts as a failure. */
function vitestArgs(name, args) {
  rmSync(`.tmp/${name}.json`, { force: true });
  return ['run', ...args, '--reporter=verbose', '--reporter=json', `--outputFile.json=.tmp/${name}.json`];
}

/** A vitest run: its tests count one by one. */
function suite(name, args) {
  const ok = run(name, 'node_modules/.bin/vitest', vitestArgs(name, args));
  return count(name, ok);
}

/**
 * Vitest runs side by side, each writing to its own log, printed whole once all ended, in order.
 * For suites that mostly wait (the page captures: a second of quiet per case), not for the E2E ones.
 */
async function suitesSideBySide(runs) {
  const ended = await Promise.all(
    runs.map(({ name, args }) => {
      const log = `.tmp/${name}.log`;
      const fd = openSync(log, 'w');
      const child = spawn('node_modules/.bin/vitest', vitestArgs(name, args), {
        stdio: ['ignore', fd, fd],
        env: process.env,
      });
      return new Promise((resolve) => {
        let settled = false;
        const end = (ok) => {
          if (settled) return;
          settled = true;
          closeSync(fd);
          resolve({ name, log, ok });
        };
        child.on('error', () => end(false)); // could not start: a failure, counted below
        child.on('close', (code) => end(code === 0));
      });
    }),
  );
  for (const { name, log, ok } of ended) {
    console.log(`\n▶ ${name} (side by side with ${ended.length - 1} other)`);
    process.stdout.write(readFileSync(log, 'utf8'));
    count(name, ok);
  }
}

/** Count a vitest run's tests from its JSON report. */
function count(name, ok) {
  const out = `.tmp/${name}.json`;
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
  // the captures in both browsers at once: each case mostly waits (a second of quiet proves nothing
  // more came), so two browsers share the two cores well and the run is shorter by one suite
  const present = BROWSERS.filter(isInstalled);
  await suitesSideBySide(
    present.map((b) => ({ name: `page captures (${b.name})`, args: ['--project', b.project, ...b.pages] })),
  );
  for (const b of BROWSERS.filter((x) => !isInstalled(x)))
    skip(`page captures (${b.name})`, `${b.name} missing: ${installHint(b)}`);
  // the E2E suites one browser at a time (two cores; timing-sensitive flows): Chromium, then Firefox
  for (const b of BROWSERS) {
    if (isInstalled(b)) suite(`e2e (${b.name})`, ['--project', b.project, ...b.e2e]);
    else skip(`e2e (${b.name})`, `${b.name} missing: ${installHint(b)}`);
  }
}

console.log(`\n${lines.join('\n')}`);
const summary = `${passed} passed, ${failed} failed`;
writeFileSync('.tmp/summary.txt', `${summary}\n`);
console.log(summary);
process.exit(failed === 0 ? 0 : 1);
