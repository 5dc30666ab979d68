/** The e-mail to OpenAI support: English by default whatever the UI's language, the UI's on request. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { composeEmail } from '../../src/core/email';
import type { MessageKey } from '../../src/core/message-keys';
import { type MessagesJson, wordsOf } from '../../src/core/words';

const ROOT = resolve(import.meta.dirname, '../..');
const messages = (l: string) =>
  JSON.parse(readFileSync(resolve(ROOT, `public/_locales/${l}/messages.json`), 'utf8')) as MessagesJson;

// the extension pages' i18n (the browser's own `browser.*`), as a German browser answers
vi.stubGlobal('browser', {
  i18n: { getMessage: (k: MessageKey, s?: string[]) => wordsOf(messages('de'))(k, s) },
});
const { emailWords, ENGLISH_EMAIL } = await import('../../src/ui/email-words');

const rec = { workspaceId: 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0' };

describe('wordsOf', () => {
  // any messages.json, not only the extension's: keys the extension does not have
  const w = wordsOf({
    a: {
      message: 'Filled: $FIELDS$ on $HOST$.',
      placeholders: { fields: { content: '$1' }, host: { content: '$2' } },
    },
    b: { message: 'Costs $$5, $1 each' },
  }) as (key: string, subs?: string[]) => string;
  it('substitutes as browsers do: named placeholders, $1..$9, $$', () => {
    expect(w('a', ['x, y', 'www.myshn.net'])).toBe('Filled: x, y on www.myshn.net.');
    expect(w('b', ['2'])).toBe('Costs $5, 2 each');
    expect(w('missing')).toBe('missing');
  });
});

describe('the e-mail language', () => {
  it('bundles every English string the e-mail uses', () => {
    const en = messages('en');
    for (const [k, v] of Object.entries(ENGLISH_EMAIL)) expect(v, k).toEqual(en[k]);
    const used = readFileSync(resolve(ROOT, 'src/core/email.ts'), 'utf8').matchAll(/'(email[A-Za-z0-9]+)'/g);
    for (const [, key] of used) expect(Object.keys(ENGLISH_EMAIL), key).toContain(key);
  });
  it('is English by default, in a German browser', () => {
    const e = composeEmail(rec, undefined, emailWords({ emailLanguage: 'en' }));
    expect(e.body.split('\n')[0]).toBe('Hello OpenAI support,');
    expect(e.subject).toContain('Compliance API access');
    expect(e.body).toContain('[missing: last 4 characters of the key, from the API keys list]');
  });
  it("is in the UI's language when the admin chose it", () => {
    const e = composeEmail(rec, undefined, emailWords({ emailLanguage: 'ui' }));
    expect(e.body.split('\n')[0]).toBe('Sehr geehrtes OpenAI-Support-Team,');
    expect(e.body).toContain('[fehlt: letzte 4 Zeichen des Schlüssels');
  });
});
