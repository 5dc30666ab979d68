// `npm test`: every check in order, one line per step, and a closing line `N passed, N failed`
// that sums the tests of every suite (each non-test step counts as one check).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
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
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium)
  console.log(
    `\nChromium not found at ${CHROMIUM}: install the Debian package "chromium" (apt-get install -y chromium)`,
  );
if (!built) {
  skip('page captures', 'build failed');
  skip('e2e', 'build failed');
} else if (!haveChromium) {
  suite('page captures (DOM)', ['--project', 'pages-dom']);
  skip('page captures (Chromium)', 'Chromium missing: apt-get install -y chromium');
  skip('e2e', 'Chromium missing: apt-get install -y chromium');
} else {
  suite('page captures', ['--project', 'pages-dom', '--project', 'browser', 'test/pages/']);
  suite('e2e', ['--project', 'browser', 'test/e2e/', 'test/harness/']);
}

console.log(`\n${lines.join('\n')}`);
const summary = `${passed} passed, ${failed} failed`;
writeFileSync('.tmp/summary.txt', `${summary}\n`);
console.log(summary);
process.exit(failed === 0 ? 0 : 1);
