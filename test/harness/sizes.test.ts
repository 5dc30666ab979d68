/** The size budgets fail the build, with the figure, when a content script or the popup grows too big. */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const dist = mkdtempSync(join(tmpdir(), 'sizes-'));

function fakeBuild(contentBytes: number): void {
  const chrome = join(dist, 'chrome');
  mkdirSync(join(chrome, 'src/content'), { recursive: true });
  mkdirSync(join(chrome, 'src/popup'), { recursive: true });
  writeFileSync(
    join(chrome, 'manifest.json'),
    JSON.stringify({
      content_scripts: [{ matches: ['https://chatgpt.com/admin*'], js: ['src/content/a.js'] }],
    }),
  );
  // random bytes do not compress: gzipped size ≈ raw size
  writeFileSync(join(chrome, 'src/content/a.js'), randomBytes(contentBytes).toString('base64'));
  writeFileSync(join(chrome, 'src/popup/index.html'), '<script type="module" src="/assets/p.js"></script>');
  mkdirSync(join(chrome, 'assets'), { recursive: true });
  writeFileSync(join(chrome, 'assets/p.js'), 'import "./q.js";');
  writeFileSync(join(chrome, 'assets/q.js'), randomBytes(1000).toString('base64'));
}

const check = (dir: string) =>
  spawnSync('node', ['scripts/sizes.mjs', '--check', '--dist', dir], { cwd: ROOT, encoding: 'utf8' });

describe('size budgets', () => {
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('fail with the figure when a content script is over 8 KiB gzipped', () => {
    fakeBuild(10_000); // base64 of 10,000 random bytes: about 10,000 B gzipped
    const r = check(dist);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /size budget exceeded: src\/content\/a\.js: \d+ B gzipped, over the 8192 B budget/,
    );
  });

  it('pass a build within budget, and count the chunks the popup imports', () => {
    fakeBuild(3000);
    const r = check(dist);
    expect(r.status).toBe(0);
    const popup = Number(/popup JS\+CSS\s+(\d+) B gz/.exec(r.stdout)?.[1]);
    expect(popup).toBeGreaterThan(1000); // q.js, imported by p.js, is counted
  });

  it('pass the real build', () => {
    const r = check(join(ROOT, 'dist'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
