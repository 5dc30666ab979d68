/**
 * Every string the code asks _locales for exists, in every locale, with valid keys; every locale
 * has exactly English's keys in English's order, the same placeholders, and is really translated.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SELF_SERVE_WORDED, STEP_IDS } from '../../src/core/checklist';
import { EMAIL_LANGUAGES } from '../../src/core/state';

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
  // the self-serve path's wording of some steps (stepText)
  for (const id of SELF_SERVE_WORDED)
    for (const p of ['step', 'do', 'open']) keys.add(`${p}_${id}_selfServe`);
  for (const l of EMAIL_LANGUAGES) keys.add(`emailLanguage_${l}`);
  return keys;
}

type Messages = Record<
  string,
  {
    message: string;
    description?: string;
    placeholders?: Record<string, { content: string; example?: string }>;
  }
>;
const read = (locale: string): Messages =>
  JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8')) as Messages;

/** The UI languages the extension ships (issue #15). */
const UI_LOCALES = ['de', 'en', 'es', 'fr', 'ja'];

/** Words that stay the same in every language: product names, protocol and format names. */
const TECHNICAL = new Set(
  'chatgpt enterprise skyhigh casb openai api id ids http https cloud eu uuid compliance → : , . ( ) -'.split(
    ' ',
  ),
);
/** Words a language shares with English (the right translation is the same word), per locale. */
const SAME_WORD: Record<string, string[]> = { de: ['organisation'], fr: ['organisation', 'canada'] };
/** At most this many messages of a locale may read exactly as in English (made only of the words above). */
const MAX_IDENTICAL = 4;

/** What a message's text refers to: its $NAMED$ placeholders and raw $1..$9 (sorted). */
const references = (message: string): string[] =>
  [...message.matchAll(/\$([A-Za-z0-9_]+)\$|\$(\d)/g)].map((m) => (m[1] ?? `#${m[2]}`).toLowerCase()).sort();

/** Placeholders by lowercased name with what they stand for ($1, $2...). */
const placeholderMap = (v: Messages[string]): Record<string, string> =>
  Object.fromEntries(
    Object.entries(v.placeholders ?? {})
      .map(([name, p]) => [name.toLowerCase(), p.content] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );

describe('_locales', () => {
  const locales = readdirSync(LOCALES);
  it('has English, the default locale, and exactly the UI languages', () => {
    expect(locales).toContain('en');
    expect(JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')).default_locale).toBe('en');
    expect([...locales].sort()).toEqual(UI_LOCALES);
  });

  const en = read('en');
  for (const locale of locales.filter((l) => l !== 'en')) {
    const messages = read(locale);
    it(`${locale}: has every English key, no other, in English's order`, () => {
      const missing = Object.keys(en).filter((k) => !(k in messages));
      const extra = Object.keys(messages).filter((k) => !(k in en));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      expect(Object.keys(messages)).toEqual(Object.keys(en));
    });
    it(`${locale}: every message has English's placeholders and uses the same ones`, () => {
      const differs = Object.keys(en)
        .filter((k) => messages[k])
        .filter(
          (k) =>
            JSON.stringify(placeholderMap(messages[k] as Messages[string])) !==
              JSON.stringify(placeholderMap(en[k] as Messages[string])) ||
            JSON.stringify(references((messages[k] as Messages[string]).message)) !==
              JSON.stringify(references((en[k] as Messages[string]).message)),
        );
      expect(differs).toEqual([]);
    });
    it(`${locale}: is translated (a message equal to English holds only technical words, and few do)`, () => {
      const allowed = new Set([...TECHNICAL, ...(SAME_WORD[locale] ?? [])]);
      const identical = Object.keys(en).filter((k) => messages[k]?.message === en[k]?.message);
      const untranslated = identical.filter((k) =>
        (en[k]?.message ?? '')
          .toLowerCase()
          .split(/(\s|[,.:()])/)
          .map((w) => w.trim())
          .some((w) => w && !allowed.has(w)),
      );
      expect(untranslated).toEqual([]);
      expect(identical.length, identical.join(', ')).toBeLessThanOrEqual(MAX_IDENTICAL);
      const empty = Object.keys(messages).filter((k) => !messages[k]?.message.trim());
      expect(empty).toEqual([]);
    });
  }

  for (const locale of locales) {
    const messages = read(locale);
    it(`${locale}: every key is valid and every used key exists`, () => {
      for (const k of Object.keys(messages)) expect(k, k).toMatch(/^[A-Za-z0-9_@]+$/);
      const missing = [...usedKeys()].filter((k) => !(k in messages));
      expect(missing).toEqual([]);
    });
    it(`${locale}: name and description fit the stores' limits (75 and 132 characters)`, () => {
      expect([...(messages.extName?.message ?? '')].length).toBeLessThanOrEqual(75);
      expect([...(messages.extDescription?.message ?? '')].length).toBeLessThanOrEqual(132);
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
