/**
 * `npm run package`: the two store zips and the sources zip, named with package.json's version; the
 * sources, unpacked elsewhere and built as BUILD.md says, give the same dist/firefox byte for byte.
 * (The rebuild shares this repository's node_modules, the same lock file `npm ci` would install:
 * the test machines have no registry access to spare.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AdmZip from 'adm-zip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'casb-sources-'));

/** Every file under `dir`, relative path → bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(
    files.map((e) => {
      const p = join(e.parentPath, e.name);
      return [p.slice(dir.length + 1), readFileSync(p)];
    }),
  );
}

beforeAll(() => {
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: 'ignore' });
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run package', () => {
  it('writes the Chrome and Firefox zips and the sources zip, named with the version', () => {
    const zips = readdirSync(join(ROOT, 'dist')).filter((f) => f.endsWith('.zip'));
    expect(zips.sort()).toEqual([
      `chrome-${version}.zip`,
      `firefox-${version}.zip`,
      `sources-${version}.zip`,
    ]);
    for (const browser of ['chrome', 'firefox']) {
      const manifest = new AdmZip(join(ROOT, 'dist', `${browser}-${version}.zip`)).readAsText(
        'manifest.json',
      );
      expect(JSON.parse(manifest).version).toBe(version);
    }
  });

  it('puts the build instructions, licence and privacy policy in the sources, and no tests', () => {
    const names = new AdmZip(join(ROOT, 'dist', `sources-${version}.zip`))
      .getEntries()
      .map((e) => e.entryName);
    for (const f of [
      'BUILD.md',
      'LICENSE',
      'PRIVACY.md',
      'package-lock.json',
      'manifest.json',
      'vite.config.ts',
    ])
      expect(names).toContain(f);
    expect(names.some((n) => n.startsWith('src/'))).toBe(true);
    expect(names.filter((n) => n.startsWith('test/') || n.startsWith('node_modules/'))).toEqual([]);
  });

  it('the sources rebuild dist/firefox (and dist/chrome) byte for byte', () => {
    new AdmZip(join(ROOT, 'dist', `sources-${version}.zip`)).extractAllTo(work, true);
    symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: work, stdio: 'ignore' });
    for (const browser of ['firefox', 'chrome']) {
      const ours = tree(join(ROOT, 'dist', browser));
      const theirs = tree(join(work, 'dist', browser));
      expect([...theirs.keys()].sort()).toEqual([...ours.keys()].sort());
      const differ = [...ours].filter(([p, bytes]) => !theirs.get(p)?.equals(bytes)).map(([p]) => p);
      expect(differ, browser).toEqual([]);
    }
  }, 120_000);

  it('makes the same sources zip twice', () => {
    const first = readFileSync(join(ROOT, 'dist', `sources-${version}.zip`));
    execFileSync('node', ['scripts/sources.mjs'], { cwd: ROOT, stdio: 'ignore' });
    expect(readFileSync(join(ROOT, 'dist', `sources-${version}.zip`)).equals(first)).toBe(true);
  });
});
