/**
 * The harness itself: a capture placed in $EXTRA_FIXTURES runs in every capture suite (DOM-level,
 * Chromium, and Firefox when it is installed), and fails there when its expectation is wrong.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIREFOX } from '../firefox/harness';
import { OWN_FIXTURES } from '../pages/cases';

const withFirefox = existsSync(FIREFOX);

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'extra-fixtures-'));
const html = readFileSync(join(OWN_FIXTURES, 'chatgpt-settings', 'en-general-dl.html'), 'utf8');

function capture(name: string, workspaceId: string) {
  mkdirSync(join(dir, 'chatgpt-settings'), { recursive: true });
  writeFileSync(join(dir, 'chatgpt-settings', `${name}.html`), html);
  writeFileSync(
    join(dir, 'chatgpt-settings', `${name}.json`),
    JSON.stringify({
      url: 'https://chatgpt.com/admin/settings',
      expect: { workspaceId, organizationId: 'org-p13k3klgno5cqxbf0q8hpgrk' },
    }),
  );
}

interface Report {
  testResults: { name: string; assertionResults: { fullName: string; status: string }[] }[];
}

describe('EXTRA_FIXTURES', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs an admin-sent capture in every capture suite and fails a wrong expectation', () => {
    capture('right', 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0');
    capture('wrong', '00000000-0000-4000-8000-000000000000');
    const out = join(dir, 'report.json');
    const run = spawnSync(
      'node_modules/.bin/vitest',
      [
        'run',
        '--project',
        'pages-dom',
        '--project',
        'browser',
        ...(withFirefox ? ['--project', 'firefox'] : []),
        'test/pages/',
        '-t',
        'extra:',
        '--reporter=json',
        `--outputFile=${out}`,
      ],
      { cwd: ROOT, env: { ...process.env, EXTRA_FIXTURES: dir }, encoding: 'utf8' },
    );
    expect(run.status, 'a wrong expectation must fail the run').not.toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    const outcome = (suite: string, name: string) =>
      report.testResults
        .find((f) => f.name.endsWith(suite))
        ?.assertionResults.find((a) => a.fullName.endsWith(`extra:chatgpt-settings/${name}`))?.status;
    for (const suite of ['dom.test.ts', 'browser.test.ts', ...(withFirefox ? ['firefox.test.ts'] : [])]) {
      expect(outcome(suite, 'right'), suite).toBe('passed');
      expect(outcome(suite, 'wrong'), suite).toBe('failed');
    }
  }, 240_000);
});
