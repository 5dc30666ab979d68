/** src/core/message-keys.ts (the `MessageKey` type `t()` takes) is generated from English's messages.json, and fresh. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

describe('MessageKey', () => {
  it('is what npm run messages:keys writes from public/_locales/en/messages.json', () => {
    const r = spawnSync(process.execPath, ['scripts/message-keys.mjs', '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('names every English key, in English’s order, and no other', () => {
    const en = Object.keys(
      JSON.parse(readFileSync(resolve(ROOT, 'public/_locales/en/messages.json'), 'utf8')),
    );
    const source = readFileSync(resolve(ROOT, 'src/core/message-keys.ts'), 'utf8');
    expect([...source.matchAll(/^ {2}\| '([A-Za-z0-9_@]+)'/gm)].map((m) => m[1])).toEqual(en);
  });
});
