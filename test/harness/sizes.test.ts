/**
 * The size budgets fail the build, with the figure, when what a page loads (all its content scripts
 * together) or the popup grows too big.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const dist = mkdtempSync(join(tmpdir(), 'sizes-'));

type Entry = { matches: string[]; js: string[] };
const ONE: Entry[] = [{ matches: ['https://chatgpt.com/admin*'], js: ['src/content/a.js'] }];

function fakeBuild(contentBytes: number, entries: Entry[] = ONE, bytesOf: Record<string, number> = {}): void {
  const chrome = join(dist, 'chrome');
  mkdirSync(join(chrome, 'src/content'), { recursive: true });
  mkdirSync(join(chrome, 'src/popup'), { recursive: true });
  writeFileSync(join(chrome, 'manifest.json'), JSON.stringify({ content_scripts: entries }));
  // random bytes do not compress: gzipped size ≈ raw size
  for (const js of new Set(entries.flatMap((e) => e.js)))
    writeFileSync(join(chrome, js), randomBytes(bytesOf[js] ?? contentBytes).toString('base64'));
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
      /size budget exceeded: https:\/\/chatgpt\.com\/admin\*: \d+ B gzipped at load \(src\/content\/a\.js\), over the 8192 B budget/,
    );
  });

  it("count a page's scripts together: two files within budget each, over it together, fail", () => {
    // b.js runs on every page of the host, c.js on its settings pages: a settings page loads both
    fakeBuild(5000, [
      { matches: ['https://platform.openai.com/*'], js: ['src/content/b.js'] },
      { matches: ['https://platform.openai.com/settings/*'], js: ['src/content/c.js'] },
    ]);
    const r = check(dist);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /platform\.openai\.com\/settings\/\*: \d+ B gzipped at load \(src\/content\/b\.js \+ src\/content\/c\.js\), over the 8192 B budget/,
    );
    // the host's other pages load b.js alone: within budget
    expect(r.stderr).not.toMatch(/platform\.openai\.com\/\*:/);
  });

  it('hold a page allowed over the budget to its ceiling', () => {
    const keyPage: Entry[] = [{ matches: ['https://admin.openai.com/*'], js: ['src/content/key-page.js'] }];
    fakeBuild(12_000, keyPage);
    expect(check(dist).status).toBe(0);
    fakeBuild(14_500, keyPage);
    const r = check(dist);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/admin\.openai\.com\/\*: \d+ B gzipped at load .*over the 13824 B budget/);
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
