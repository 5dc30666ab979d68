/** Every test SECURITY.md names exists: a promise is only as good as the test that proves it. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const doc = readFileSync(resolve(ROOT, 'SECURITY.md'), 'utf8');

interface Ref {
  files: string[];
  name: string;
}

/** `file › … › name` spans; a span that starts with `›` continues the previous file. */
function references(): Ref[] {
  const refs: Ref[] = [];
  let files: string[] = [];
  for (const m of doc.matchAll(/`([^`\n]*›[^`\n]*)`/g)) {
    const parts = (m[1] as string).split('›').map((p) => p.trim());
    const head = parts[0] as string;
    if (head) {
      const path = head.startsWith('test/')
        ? head
        : `test/${head.includes('.test.ts') ? guessDir(head) : ''}${head}`;
      const brace = /\{([^}]+)\}/.exec(path);
      files = brace ? (brace[1] as string).split(',').map((alt) => path.replace(brace[0], alt)) : [path];
    }
    refs.push({ files, name: parts.at(-1) as string });
  }
  return refs;
}

function guessDir(file: string): string {
  for (const dir of ['e2e', 'unit', 'pages', 'harness'])
    if (existsSync(resolve(ROOT, 'test', dir, file))) return `${dir}/`;
  return '';
}

describe('SECURITY.md', () => {
  const refs = references();

  it('names tests', () => {
    expect(refs.length).toBeGreaterThan(30);
  });

  it('names only tests that exist', () => {
    const missing: string[] = [];
    for (const { files, name } of refs) {
      for (const file of files) {
        if (!existsSync(resolve(ROOT, file))) {
          missing.push(`${file}: no such file`);
          continue;
        }
        if (/^[a-z-]+\/(\*|[a-z0-9-]+)$/.test(name)) {
          // a page capture, run by the capture suites
          const [kind, c] = name.split('/') as [string, string];
          if (c !== '*' && !existsSync(resolve(ROOT, 'test/fixtures/pages', kind, `${c}.html`)))
            missing.push(`${name}: no capture`);
          continue;
        }
        const text = readFileSync(resolve(ROOT, file), 'utf8');
        const wanted = name.replace(/\s*…$/, '').replace(/, …$/, '');
        if (!text.includes(wanted)) missing.push(`${file}: no test "${wanted}"`);
      }
    }
    expect(missing).toEqual([]);
  });
});
