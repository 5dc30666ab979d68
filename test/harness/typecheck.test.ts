/**
 * What the compiler refuses (`npm run typecheck`): a _locales key that does not exist, and a
 * protocol message type without its handler (adding a message = one entry in src/core/protocol.ts
 * + one handler in src/background/handlers/*; the compiler asks for the second). Each file below
 * is checked by tsc against the project's settings; what must compile does, what must not fails
 * with the expected error on the expected line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
// inside the project (.tmp is ignored), so that the files import the sources as tests do
const dir = mkdtempSync(join(ROOT, '.tmp', 'typecheck-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FILES: Record<string, string> = {
  'strings.ts': [
    "import { t } from '../../src/ui/api';",
    "export const known = t('save');",
    "export const unknown = t('noSuchKey');",
  ].join('\n'),
  'handlers.ts': [
    "import { extensionHandlers } from '../../src/background/handlers/extension';",
    "import type { Handlers } from '../../src/core/protocol';",
    "export const all: Handlers<'extension-page'> = extensionHandlers;",
    "const { 'state/get': _dropped, ...rest } = extensionHandlers;",
    "export const withoutOne: Handlers<'extension-page'> = rest;",
  ].join('\n'),
};

describe('the typecheck', () => {
  it('fails on an unknown locale key and on a message type without a handler, and only there', () => {
    for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), `${text}\n`);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ extends: '../../tsconfig.json', include: Object.keys(FILES) }),
    );
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', dir, '--pretty', 'false'], { encoding: 'utf8' });
    const errors = r.stdout
      .split('\n')
      .filter((l) => l.includes('error TS'))
      .map((l) => l.replace(/^.*typecheck-[^/]+\//, ''));
    expect(errors).toEqual([
      expect.stringMatching(/^handlers\.ts\(5,14\): error TS2741: Property '"state\/get"' is missing/),
      expect.stringMatching(/^strings\.ts\(3,26\): error TS2345: Argument of type '"noSuchKey"'/),
    ]);
    expect(r.status).not.toBe(0);
  });
});
