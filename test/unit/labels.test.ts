/**
 * The names the popup, the options and the console panel give fields, hosts and e-mail languages:
 * each is a message of every locale, and no two things share a name (the admin could not tell
 * which field is missing, or which console is chosen).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EMAIL_LANGUAGE_LABEL, FIELD_LABEL, HOST_LABEL } from '../../src/core/labels';
import { CONSOLE_HOSTS } from '../../src/core/sites/skyhigh';

const LOCALES = ['en', 'de', 'fr', 'es', 'ja'];
const messages = Object.fromEntries(
  LOCALES.map((l) => [
    l,
    JSON.parse(readFileSync(`public/_locales/${l}/messages.json`, 'utf8')) as Record<
      string,
      { message: string }
    >,
  ]),
);

describe.each([
  ['field', FIELD_LABEL],
  ['console host', HOST_LABEL],
  ['e-mail language', EMAIL_LANGUAGE_LABEL],
] as const)('every %s', (_, labels) => {
  it.each(LOCALES)('has words of its own in %s', (locale) => {
    const words = Object.values(labels).map((key) => messages[locale]?.[key]?.message ?? '');
    for (const w of words) expect(w.trim()).not.toBe('');
    expect(new Set(words).size).toBe(words.length);
  });
});

it('names every documented console host', () => {
  expect(Object.keys(HOST_LABEL).sort()).toEqual([...CONSOLE_HOSTS].sort());
});

it('names the seven fields the hand-off and the e-mail speak of', () => {
  expect(Object.keys(FIELD_LABEL).sort()).toEqual(
    ['apiKey', 'createdBy', 'instanceName', 'keyLast4', 'keyName', 'organizationId', 'workspaceId'].sort(),
  );
});
