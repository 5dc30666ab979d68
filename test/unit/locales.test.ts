/** Every string the code asks _locales for exists, in every locale, with valid keys. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STEP_IDS } from '../../src/core/checklist';

const ROOT = resolve(import.meta.dirname, '../..');
const LOCALES = join(ROOT, 'public/_locales');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Keys used literally: t('key'), w('key'), __MSG_key__, data-i18n="key". */
function usedKeys(): Set<string> {
  const keys = new Set<string>();
  const files = [...sources(join(ROOT, 'src')), join(ROOT, 'manifest.json')];
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/\b[tw]\(\s*'([A-Za-z0-9_@]+)'/g)) keys.add(m[1] as string);
    for (const m of text.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)) keys.add(m[1] as string);
  }
  // keys built from names: step_<id>, do_<id>; open_<id> for the steps that link a page
  for (const id of STEP_IDS) for (const p of ['step', 'do']) keys.add(`${p}_${id}`);
  return keys;
}

describe('_locales', () => {
  const locales = readdirSync(LOCALES);
  it('has English, the default locale', () => {
    expect(locales).toContain('en');
    expect(JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')).default_locale).toBe('en');
  });

  for (const locale of locales) {
    const messages = JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8')) as Record<
      string,
      { message: string; placeholders?: Record<string, { content: string }> }
    >;
    it(`${locale}: every key is valid and every used key exists`, () => {
      for (const k of Object.keys(messages)) expect(k, k).toMatch(/^[A-Za-z0-9_@]+$/);
      const missing = [...usedKeys()].filter((k) => !(k in messages));
      expect(missing).toEqual([]);
    });
    it(`${locale}: every $PLACEHOLDER$ in a message is declared`, () => {
      for (const [k, v] of Object.entries(messages)) {
        for (const m of v.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)) {
          expect(
            Object.keys(v.placeholders ?? {}).map((p) => p.toLowerCase()),
            k,
          ).toContain((m[1] as string).toLowerCase());
        }
      }
    });
  }
});
