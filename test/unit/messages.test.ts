import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALLOWED_ORIGIN, admit, type MessageType, originOf, parseMessage } from '../../src/core/protocol';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXT = `chrome-extension://${ID}`;
const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const KEY = 'sk-mOWgzQSVHpR49ZjT3v6SdNrmFAH16bK9nO7XPyqAOX2KL3Ad';

const page = (url: string, frameId = 0) => ({ id: ID, url, frameId, tab: { id: 7 } });
const popup = { id: ID, url: `${EXT}/src/popup/index.html` };

describe('who sent a message', () => {
  it.each([
    [popup, 'extension-page'],
    [page('https://chatgpt.com/admin/settings'), 'chatgpt-admin'],
    [page('https://platform.openai.com/api-keys'), 'openai-keys'],
    [page('https://admin.openai.com/workspace/x/credentials'), 'openai-keys'],
    [page('https://www.myshn.net/shndash/'), 'skyhigh-console'],
    [page('https://chatgpt.com/c/123'), null],
    [page('http://chatgpt.com/admin/settings'), null],
    [page('https://chatgpt.com.evil.example/admin/settings'), null],
    [page('https://www.myshn.net.evil.example/shndash/'), null],
    [page('https://www.myshn.net:8443/shndash/'), null],
    [page('https://www.myshn.net/shndash/', 3), null],
    [{ ...page('https://www.myshn.net/shndash/'), tab: undefined }, null],
    [{ ...popup, id: 'another-extension' }, null],
    [{ id: ID }, null],
  ] as const)('%j is %s', (sender, origin) => {
    expect(originOf(sender, ID, EXT)).toBe(origin);
  });

  it('accepts a custom console host only when it is the configured one', () => {
    expect(originOf(page('https://tenant.myshn.net/'), ID, EXT, 'tenant.myshn.net')).toBe('skyhigh-console');
    expect(originOf(page('https://tenant.myshn.net/'), ID, EXT, null)).toBeNull();
    expect(originOf(page('https://other.myshn.net/'), ID, EXT, 'tenant.myshn.net')).toBeNull();
  });
});

describe('admit: schema and sender, together', () => {
  it('refuses a command the sender may not give', () => {
    // a content script, even of the right site, can never start a hand-off or read the state
    for (const sender of [page('https://chatgpt.com/admin/settings'), page('https://www.myshn.net/')]) {
      expect(admit({ type: 'handoff/start' }, sender, ID, EXT).ok).toBe(false);
      expect(admit({ type: 'state/get' }, sender, ID, EXT).ok).toBe(false);
      expect(admit({ type: 'secret/hold', secret: KEY }, sender, ID, EXT).ok).toBe(false);
    }
    // the key pages may hold a key, the settings page may not
    expect(
      admit({ type: 'secret/hold', secret: KEY }, page('https://platform.openai.com/api-keys'), ID, EXT).ok,
    ).toBe(true);
    expect(
      admit({ type: 'secret/hold', secret: KEY }, page('https://chatgpt.com/admin/settings'), ID, EXT).ok,
    ).toBe(false);
  });

  it('refuses malformed messages with an error', () => {
    const bad: unknown[] = [
      null,
      'state/get',
      {},
      { type: 'nope' },
      { type: 'ids/found' },
      { type: 'ids/found', workspaceId: 'not-a-uuid' },
      { type: 'ids/found', workspaceId: WS, extra: 1 },
      { type: 'secret/hold', secret: 'sk-...abcd' },
      { type: 'secret/hold', secret: 'sk-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX' },
      { type: 'settings/set', keyTtlMinutes: 100000 },
      { type: 'settings/set', consoleHost: 'https://evil.example/' },
      { type: 'key/captured', keyLast4: 'abcde', site: 'platform' },
      { type: 'skyhigh/filled', filled: ['password'], missing: [] },
    ];
    for (const m of bad) {
      const r = admit(m, popup, ID, EXT);
      expect(r.ok, JSON.stringify(m)).toBe(false);
      expect(!r.ok && r.error.length).toBeGreaterThan(0);
    }
  });

  it('never admits arbitrary objects, whatever their shape', () => {
    const types = Object.keys(ALLOWED_ORIGIN) as MessageType[];
    fc.assert(
      fc.property(
        fc
          .record({ type: fc.oneof(fc.constantFrom(...types), fc.string()) }, { requiredKeys: [] })
          .chain((base) =>
            fc
              .dictionary(fc.string({ maxLength: 12 }), fc.anything(), { maxKeys: 4 })
              .map((extra) => ({ ...extra, ...base })),
          ),
        (m) => {
          const parsed = parseMessage(m);
          if (!parsed.ok) return true;
          // whatever was admitted has only the fields its type declares, each of the right kind
          return (
            JSON.stringify(parseMessage(JSON.parse(JSON.stringify(parsed.message)))) ===
            JSON.stringify(parsed)
          );
        },
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.anything(), (m) => {
        const r = admit(m, { id: ID, url: 'https://evil.example/', frameId: 0, tab: { id: 1 } }, ID, EXT);
        return r.ok === false;
      }),
      { numRuns: 1000 },
    );
  });
});

describe('a custom Skyhigh tenant console', () => {
  it('must be a host under one of Skyhigh’s domains, never a documentation site or a look-alike', async () => {
    const { isConsoleHost } = await import('../../src/core/sites/skyhigh');
    for (const ok of [
      'tenant.myshn.net',
      'www.myshn.eu',
      'dashboard-au.ui.skyhigh.cloud',
      'acme.govshn.net',
    ]) {
      expect(isConsoleHost(ok), ok).toBe(true);
    }
    for (const bad of [
      'evil.example',
      'myshn.net',
      'myshn.net.evil.example',
      'www.myshn.net.evil.example',
      'www.xn--mysh-e6d.net',
      'success.myshn.net',
      'tenant.myshn.net:8443',
      'https://tenant.myshn.net',
    ]) {
      expect(isConsoleHost(bad), bad).toBe(false);
    }
    expect(admit({ type: 'settings/set', consoleHost: 'evil.example' }, popup, ID, EXT).ok).toBe(false);
    expect(admit({ type: 'settings/set', consoleHost: 'tenant.myshn.net' }, popup, ID, EXT).ok).toBe(true);
  });
});
