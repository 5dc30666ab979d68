/**
 * The one gate every runtime message goes through, message type by message type: what a sender of
 * the right kind may send, what any field of the wrong kind, a missing field, an extra field or
 * the wrong sender gets instead (a refusal that names the reason, never a half-parsed message).
 */
import { describe, expect, it } from 'vitest';
import { ALLOWED_ORIGIN, admit, type MessageType, type Origin, parseMessage } from '../../src/core/protocol';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXT = `chrome-extension://${ID}`;
const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const ORG = 'org-p13k3klgno5cqxbf0q8hpgrk';
const KEY = 'sk-mOWgzQSVHpR49ZjT3v6SdNrmFAH16bK9nO7XPyqAOX2KL3Ad';
const PLACEHOLDER = `sk-${'X'.repeat(40)}`;
const LONG = 'n'.repeat(121);
/** As many label/value pairs as a key page's one-time view may send. */
const PAIRS_16 = Array.from({ length: 16 }, (_, i) => [`Label ${i}`, `Value ${i}`]);
/** A hand-off's id, as the background makes it (crypto.randomUUID()). */
const HANDOFF = '0c5e3a52-7d1b-4f0e-9a6b-2f8e4d1c3b7a';

const page = (url: string) => ({ id: ID, url, frameId: 0, tab: { id: 7 } });
const SENDERS: Record<Origin, ReturnType<typeof page> | { id: string; url: string }> = {
  'extension-page': { id: ID, url: `${EXT}/src/popup/index.html` },
  'chatgpt-admin': page('https://chatgpt.com/admin/settings'),
  'openai-keys': page('https://platform.openai.com/api-keys'),
  'skyhigh-console': page('https://www.myshn.net/shndash/'),
};

type Raw = Record<string, unknown>;
interface Row {
  valid: Raw[];
  invalid: [string, Raw][];
}

/** For each type: messages its sender may send, and near misses that must be refused. */
const TABLE: Record<MessageType, Row> = {
  'ids/found': {
    valid: [
      { workspaceId: WS },
      { organizationId: ORG },
      { workspaceId: WS, organizationId: ORG, how: 'read' },
      { workspaceId: WS, how: 'picked' },
      { organizationId: ORG, how: 'pasted' },
    ],
    invalid: [
      ['neither ID', {}],
      ['neither ID, only how', { how: 'read' }],
      ['a Workspace ID that is not a UUID', { workspaceId: 'not-a-uuid' }],
      ['a Workspace ID one character short', { workspaceId: WS.slice(1) }],
      ['an Organization ID in the Workspace ID', { workspaceId: ORG }],
      ['a Workspace ID in the Organization ID', { organizationId: WS }],
      ['a good Workspace ID with a bad Organization ID', { workspaceId: WS, organizationId: 'org-x' }],
      ['a good Organization ID with a bad Workspace ID', { workspaceId: 'x', organizationId: ORG }],
      ['an unknown how', { workspaceId: WS, how: 'guessed' }],
      ['how of the wrong type', { workspaceId: WS, how: 1 }],
      ['an extra field', { workspaceId: WS, secret: KEY }],
    ],
  },
  'ids/forget': {
    valid: [{ workspaceId: WS }],
    invalid: [
      ['no Workspace ID', {}],
      ['a Workspace ID that is not a UUID', { workspaceId: ORG }],
      ['an extra field', { workspaceId: WS, all: true }],
    ],
  },
  'platform/org-found': {
    valid: [{ organizationId: ORG }],
    invalid: [
      ['no Organization ID', {}],
      ['a Workspace ID instead', { organizationId: WS }],
      ['an Organization ID with a bad prefix', { organizationId: ORG.replace('org-', 'Org-') }],
      ['an extra field', { organizationId: ORG, workspaceId: WS }],
    ],
  },
  'key/captured': {
    valid: [
      { keyLast4: 'AbC9', site: 'platform' },
      { keyLast4: 'a_-9', site: 'admin-console', ownerType: 'you' },
      {
        keyLast4: 'L3Ad',
        keyName: 'Skyhigh',
        ownerType: 'service-account',
        project: 'Default project',
        permissions: 'All',
        site: 'platform',
        organization: 'Acme',
      },
      { keyLast4: 'L3Ad', site: 'platform', keyName: 'n'.repeat(120) },
      { keyLast4: 'L3Ad', site: 'platform', replace: true },
      { keyLast4: 'L3Ad', site: 'admin-console', facts: [['Expires', 'Dec 1, 2026']] },
      { keyLast4: 'L3Ad', site: 'admin-console', facts: PAIRS_16 },
      { keyLast4: 'L3Ad', site: 'admin-console', replace: false },
    ],
    invalid: [
      ['no last 4', { site: 'platform' }],
      ['a last 3', { keyLast4: 'abc', site: 'platform' }],
      ['a last 5', { keyLast4: 'abcde', site: 'platform' }],
      ['a last 4 with punctuation', { keyLast4: 'ab.c', site: 'platform' }],
      ['a last 4 of the wrong type', { keyLast4: 1234, site: 'platform' }],
      ['no site', { keyLast4: 'abcd' }],
      ['an unknown site', { keyLast4: 'abcd', site: 'chatgpt' }],
      ['an unknown owner type', { keyLast4: 'abcd', site: 'platform', ownerType: 'admin' }],
      ['an empty key name', { keyLast4: 'abcd', site: 'platform', keyName: '' }],
      ['a blank key name', { keyLast4: 'abcd', site: 'platform', keyName: '   ' }],
      ['a key name of 121 characters', { keyLast4: 'abcd', site: 'platform', keyName: LONG }],
      ['a key name of the wrong type', { keyLast4: 'abcd', site: 'platform', keyName: 7 }],
      ['an empty project', { keyLast4: 'abcd', site: 'platform', project: '' }],
      ['a project too long', { keyLast4: 'abcd', site: 'platform', project: LONG }],
      ['empty permissions', { keyLast4: 'abcd', site: 'platform', permissions: '' }],
      ['permissions of the wrong type', { keyLast4: 'abcd', site: 'platform', permissions: ['All'] }],
      ['an empty organization', { keyLast4: 'abcd', site: 'platform', organization: ' ' }],
      ['an organization too long', { keyLast4: 'abcd', site: 'platform', organization: LONG }],
      ['the secret itself', { keyLast4: 'abcd', site: 'platform', secret: KEY }],
      ['replace as text', { keyLast4: 'abcd', site: 'platform', replace: 'true' }],
      ['replace as a number', { keyLast4: 'abcd', site: 'platform', replace: 1 }],
      ['17 label/value pairs', { keyLast4: 'abcd', site: 'platform', facts: [...PAIRS_16, ['a', 'b']] }],
      [
        'a good pair and a bad one',
        {
          keyLast4: 'abcd',
          site: 'platform',
          facts: [
            ['a', 'b'],
            ['a', ''],
          ],
        },
      ],
      ['a pair with a blank label', { keyLast4: 'abcd', site: 'platform', facts: [[' ', 'b']] }],
      ['a pair of three', { keyLast4: 'abcd', site: 'platform', facts: [['a', 'b', 'c']] }],
      ['a pair that is a string', { keyLast4: 'abcd', site: 'platform', facts: ['ab'] }],
      [
        'a pair that is an object',
        { keyLast4: 'abcd', site: 'platform', facts: [{ 0: 'a', 1: 'b', length: 2 }] },
      ],
      ['pairs that are an object', { keyLast4: 'abcd', site: 'platform', facts: { 0: ['a', 'b'] } }],
    ],
  },
  'key/created-by': {
    valid: [{ keyLast4: 'abcd', createdBy: 'Ada Lovelace' }],
    invalid: [
      ['no name', { keyLast4: 'abcd' }],
      ['no last 4', { createdBy: 'Ada' }],
      ['a bad last 4', { keyLast4: 'abc', createdBy: 'Ada' }],
      ['a blank name', { keyLast4: 'abcd', createdBy: ' ' }],
      ['a name too long', { keyLast4: 'abcd', createdBy: LONG }],
      ['a name of the wrong type', { keyLast4: 'abcd', createdBy: { name: 'Ada' } }],
      ['an extra field', { keyLast4: 'abcd', createdBy: 'Ada', at: 1 }],
    ],
  },
  'key/form': {
    valid: [
      {},
      { keyName: 'Skyhigh', ownerType: 'you', project: 'Default project', permissions: 'All' },
      { ownerType: 'service-account' },
    ],
    invalid: [
      ['an unknown owner type', { ownerType: 'team' }],
      ['an empty key name', { keyName: '' }],
      ['a key name too long', { keyName: LONG }],
      ['a blank project', { project: '  ' }],
      ['permissions of the wrong type', { permissions: 3 }],
      ['a key last 4 (not part of the form)', { keyLast4: 'abcd' }],
      ['the secret', { secret: KEY }],
    ],
  },
  'key/copied': {
    valid: [{ keyLast4: 'L3Ad' }],
    invalid: [
      ['no last 4', {}],
      ['a bad last 4', { keyLast4: 'L3A' }],
      ['the whole key', { keyLast4: KEY }],
      ['an extra field', { keyLast4: 'L3Ad', secret: KEY }],
    ],
  },
  'skyhigh/ready': { valid: [{}], invalid: [['an extra field', { host: 'www.myshn.net' }]] },
  'skyhigh/filled': {
    valid: [
      { handoff: HANDOFF, filled: [], missing: [] },
      {
        handoff: HANDOFF,
        filled: ['instanceName', 'workspaceId', 'organizationId', 'apiKey'],
        missing: [],
      },
      { handoff: HANDOFF, filled: ['workspaceId'], missing: ['apiKey'] },
    ],
    invalid: [
      ['no hand-off id', { filled: [], missing: [] }],
      ['a hand-off id in capitals', { handoff: HANDOFF.toUpperCase(), filled: [], missing: [] }],
      ['a hand-off id one short', { handoff: HANDOFF.slice(1), filled: [], missing: [] }],
      ['a hand-off id that is not hex', { handoff: 'x'.repeat(36), filled: [], missing: [] }],
      ['a hand-off id of the wrong type', { handoff: 1, filled: [], missing: [] }],
      ['a hand-off id in a list', { handoff: [HANDOFF], filled: [], missing: [] }],
      ['a hand-off id with a character before it', { handoff: `a${HANDOFF}`, filled: [], missing: [] }],
      ['a hand-off id with a character after it', { handoff: `${HANDOFF}a`, filled: [], missing: [] }],
      ['a field that is not handed off', { handoff: HANDOFF, filled: ['password'], missing: [] }],
      ['more entries than fields', { handoff: HANDOFF, filled: Array(5).fill('apiKey'), missing: [] }],
      ['a list that is a string', { handoff: HANDOFF, filled: 'apiKey', missing: [] }],
      ['no filled', { handoff: HANDOFF, missing: [] }],
      ['no missing', { handoff: HANDOFF, filled: [] }],
      ['a bad missing list', { handoff: HANDOFF, filled: [], missing: ['secret'] }],
      [
        'the ambiguous list (not sent: the background records filled and missing)',
        { handoff: HANDOFF, filled: [], missing: [], ambiguous: [] },
      ],
      ['an extra field', { handoff: HANDOFF, filled: [], missing: [], values: { apiKey: KEY } }],
    ],
  },
  'state/get': { valid: [{}], invalid: [['an extra field', { secret: true }]] },
  'ids/set': {
    valid: [{ workspaceId: WS }, { workspaceId: WS, organizationId: ORG }],
    invalid: [
      ['no Workspace ID', {}],
      ['only an Organization ID', { organizationId: ORG }],
      ['a Workspace ID that is not a UUID', { workspaceId: `${WS} ` }],
      ['a bad Organization ID', { workspaceId: WS, organizationId: 'org-short' }],
      ['an extra field', { workspaceId: WS, how: 'pasted' }],
    ],
  },
  'ids/attach-org': {
    valid: [{ workspaceId: WS }],
    invalid: [
      ['no Workspace ID', {}],
      ['a Workspace ID that is not a UUID', { workspaceId: ORG }],
      [
        'the Organization ID to attach (it is the one read, not one sent)',
        { workspaceId: WS, organizationId: ORG },
      ],
    ],
  },
  'record/path': {
    valid: [{ path: 'self-serve' }, { path: 'email' }],
    invalid: [
      ['no path', {}],
      ['a path that is not one of the two', { path: 'both' }],
      ['a path in another case', { path: 'Self-serve' }],
      ['a path that is not text', { path: 1 }],
    ],
  },
  'record/select': {
    valid: [{ workspaceId: WS }],
    invalid: [
      ['no Workspace ID', {}],
      ['a Workspace ID that is not a UUID', { workspaceId: 'current' }],
      ['an extra field', { workspaceId: WS, organizationId: ORG }],
    ],
  },
  'secret/hold': {
    valid: [{ secret: KEY }],
    invalid: [
      ['no secret', {}],
      ['a placeholder key', { secret: PLACEHOLDER }],
      ['a redacted key', { secret: 'sk-...L3Ad' }],
      ['a key with surrounding space', { secret: ` ${KEY}` }],
      ['a secret of the wrong type', { secret: 1 }],
      ['a key one character short of the minimum', { secret: 'sk-mOWgzQSVHpR49ZjT3v6' }],
      ['an extra field', { secret: KEY, ttl: 9999 }],
      ['another extra field', { secret: KEY, keepForever: true }],
    ],
  },
  'secret/forget': { valid: [{}], invalid: [['an extra field', { secret: KEY }]] },
  'settings/set': {
    valid: [
      {},
      { consoleHost: 'www.myshn.eu' },
      { consoleHost: 'tenant.myshn.net' },
      { instanceName: 'ChatGPT Enterprise' },
      { keyTtlMinutes: 1 },
      { keyTtlMinutes: 120 },
      { consoleHost: 'www.myshn.ca', instanceName: 'ChatGPT', keyTtlMinutes: 30 },
      { clearClipboard: false },
      { clipboardClearSeconds: 1 },
      { clipboardClearSeconds: 600 },
      { emailLanguage: 'en' },
      { emailLanguage: 'ui' },
      {
        consoleHost: 'www.myshn.net',
        instanceName: 'ChatGPT',
        keyTtlMinutes: 30,
        clearClipboard: true,
        clipboardClearSeconds: 60,
        emailLanguage: 'en',
      },
    ],
    invalid: [
      ['a TTL of 0', { keyTtlMinutes: 0 }],
      ['a TTL of 121', { keyTtlMinutes: 121 }],
      ['a TTL that is not whole', { keyTtlMinutes: 1.5 }],
      ['a TTL as text', { keyTtlMinutes: '30' }],
      ['a console host that is a URL', { consoleHost: 'https://www.myshn.net/' }],
      ['a console host of another domain', { consoleHost: 'evil.example' }],
      ['a console host of the wrong type', { consoleHost: 5 }],
      ['a console host in a list', { consoleHost: ['tenant.myshn.net'] }],
      ['an empty instance name', { instanceName: '' }],
      ['an instance name too long', { instanceName: LONG }],
      ['an extra field', { keyTtlMinutes: 30, secret: KEY }],
      ['clear clipboard as text', { clearClipboard: 'true' }],
      ['a clipboard delay of 0', { clipboardClearSeconds: 0 }],
      ['a clipboard delay of 601', { clipboardClearSeconds: 601 }],
      ['a clipboard delay that is not whole', { clipboardClearSeconds: 1.5 }],
      ['an unknown e-mail language', { emailLanguage: 'de' }],
      ['an e-mail language of the wrong type', { emailLanguage: null }],
    ],
  },
  'handoff/start': { valid: [{}], invalid: [['an extra field', { secret: KEY }]] },
  'state/forget-all': { valid: [{}], invalid: [['an extra field', { keep: 'settings' }]] },
  'record/mark': {
    valid: [
      { mark: 'email-sent', on: true },
      { mark: 'scopes-granted', on: false },
    ],
    invalid: [
      ['an unknown mark', { mark: 'handed-off', on: true }],
      ['no mark', { on: true }],
      ['no on', { mark: 'email-sent' }],
      ['on as text', { mark: 'email-sent', on: 'true' }],
      ['an extra field', { mark: 'email-sent', on: true, at: 1 }],
    ],
  },
  'access/check': {
    valid: [{}, { secret: KEY }],
    invalid: [
      ['a placeholder key', { secret: PLACEHOLDER }],
      ['a secret of the wrong type', { secret: null }],
      ['an extra field', { secret: KEY, workspaceId: WS }],
    ],
  },
  'access/check-delete': {
    valid: [{}, { secret: KEY }],
    invalid: [
      ['a placeholder key', { secret: PLACEHOLDER }],
      ['a conversation ID chosen by the sender', { conversationId: HANDOFF }],
      ['a workspace chosen by the sender', { workspaceId: WS }],
    ],
  },
  'skyhigh/watch': {
    valid: [{}],
    invalid: [['an extra field', { workspaceId: WS }]],
  },
  'skyhigh/status': {
    valid: [
      { workspaceId: WS, status: 'ok', words: 'Connected' },
      { workspaceId: WS, status: 'error', words: 'Error: the API key was rejected (401)' },
      { workspaceId: WS, status: 'pending', words: 'Waiting for authorization' },
    ],
    invalid: [
      ['an unknown status', { workspaceId: WS, status: 'great', words: 'Connected' }],
      ['no words', { workspaceId: WS, status: 'ok', words: ' ' }],
      ['words longer than a status', { workspaceId: WS, status: 'ok', words: 'n'.repeat(161) }],
      ['a key in the words', { workspaceId: WS, status: 'error', words: `Error: ${KEY}` }],
      ['no workspace', { status: 'ok', words: 'Connected' }],
      ['a Workspace ID that is not a UUID', { workspaceId: 'x', status: 'ok', words: 'Connected' }],
    ],
  },
};

const ORIGINS = Object.keys(SENDERS) as Origin[];
const fromOf = (type: MessageType): readonly Origin[] => ALLOWED_ORIGIN[type];
const cases = (Object.keys(TABLE) as MessageType[]).flatMap((type) => [
  ...TABLE[type].valid.map((fields) => ({ type, fields })),
]);
const nearMisses = (Object.keys(TABLE) as MessageType[]).flatMap((type) =>
  TABLE[type].invalid.map(([why, fields]) => ({ type, why, fields })),
);

describe('the message gate', () => {
  it('has a row for every message type', () => {
    expect(Object.keys(TABLE).sort()).toEqual(Object.keys(ALLOWED_ORIGIN).sort());
  });

  it.each(cases)('admits $type $fields from each of its own senders, as sent', ({ type, fields }) => {
    const raw = { type, ...fields };
    for (const origin of fromOf(type)) {
      const r = admit(raw, SENDERS[origin], ID, EXT);
      expect(r, origin).toEqual({ ok: true, message: raw, origin });
    }
  });

  it.each(cases)('refuses $type from any other sender', ({ type, fields }) => {
    for (const origin of ORIGINS.filter((o) => !fromOf(type).includes(o))) {
      const r = admit({ type, ...fields }, SENDERS[origin], ID, EXT);
      expect(r, origin).toEqual({ ok: false, error: `${type} is not accepted from this sender` });
    }
  });

  it.each(nearMisses)('refuses $type with $why', ({ type, fields }) => {
    const raw = { type, ...fields };
    expect(parseMessage(raw)).toEqual({ ok: false, error: `invalid ${type}` });
    for (const origin of fromOf(type)) expect(admit(raw, SENDERS[origin], ID, EXT).ok).toBe(false);
  });

  it.each([
    ['null', null],
    ['a string', 'state/get'],
    ['an array', [{ type: 'state/get' }]],
    ['an array with a type', Object.assign([], { type: 'state/get' })],
    ['no type', {}],
    ['a type that is not a string', { type: 1 }],
    ['a type that is an object', { type: { toString: () => 'state/get' } }],
    ['a function with a type', Object.assign(() => undefined, { type: 'state/get' })],
  ])('refuses a malformed message: %s', (_, raw) => {
    expect(parseMessage(raw)).toEqual({ ok: false, error: 'malformed message' });
  });

  it.each(['nope', 'STATE/GET', 'state/get ', 'secret/get', 'toString', '__proto__'])(
    'refuses an unknown type %j',
    (type) => {
      expect(parseMessage({ type })).toEqual({ ok: false, error: 'unknown message' });
      expect(admit({ type }, SENDERS['extension-page'], ID, EXT).ok).toBe(false);
    },
  );

  it('checks the message before the sender: a bad message from a stranger says what is wrong with it', () => {
    expect(admit({ type: 'ids/set' }, { id: 'other' }, ID, EXT)).toEqual({
      ok: false,
      error: 'invalid ids/set',
    });
  });
});

describe('the senders the gate knows', () => {
  it.each([
    ['the platform organisation settings page', 'https://platform.openai.com/settings/organization/general'],
    ['the platform project key page', 'https://platform.openai.com/settings/proj_abc123/api-keys'],
    ['the admin console’s API keys', 'https://admin.openai.com/api-keys'],
    ['the admin console’s admin keys', 'https://admin.openai.com/organization/admin-keys'],
    ['the admin console’s credentials', 'https://admin.openai.com/credentials'],
  ])('takes %s for the OpenAI key pages', (_, url) => {
    expect(admit({ type: 'secret/forget' }, page(url), ID, EXT).ok).toBe(true);
  });

  it.each([
    ['the admin console’s home', 'https://admin.openai.com/'],
    ['the admin console’s members', 'https://admin.openai.com/members'],
    ['the admin console’s audit log', 'https://admin.openai.com/audit-log'],
    ['a path that only starts like keys', 'https://admin.openai.com/keystore'],
  ])('no longer takes %s for an OpenAI key page', (_, url) => {
    expect(admit({ type: 'secret/forget' }, page(url), ID, EXT)).toEqual({
      ok: false,
      error: 'secret/forget is not accepted from this sender',
    });
  });

  it.each([
    ['another extension’s page', { id: ID, url: 'chrome-extension://another/src/popup/index.html' }],
    ['our id with no url', { id: ID }],
    ['a page of ours claimed by another extension', { id: 'another', url: `${EXT}/src/popup/index.html` }],
    ['a frame of the settings page', { ...page('https://chatgpt.com/admin/settings'), frameId: 1 }],
    ['a settings page without a tab', { id: ID, url: 'https://chatgpt.com/admin/settings', frameId: 0 }],
    ['an unparsable url', page('not a url')],
    ['the platform billing page', page('https://platform.openai.com/settings/organization/billing')],
  ])('refuses %s', (_, sender) => {
    for (const type of ['state/get', 'ids/forget', 'secret/forget', 'skyhigh/ready'] as const) {
      const fields = type === 'ids/forget' ? { workspaceId: WS } : {};
      expect(admit({ type, ...fields }, sender, ID, EXT).ok, type).toBe(false);
    }
  });

  it('takes the configured tenant console only on https, its exact host and the default port', () => {
    const tenant = 'tenant.myshn.net';
    const ready = { type: 'skyhigh/ready' };
    expect(admit(ready, page(`https://${tenant}/shndash/`), ID, EXT, tenant).ok).toBe(true);
    expect(admit(ready, page(`https://${tenant}:443/shndash/`), ID, EXT, tenant).ok).toBe(true);
    expect(admit(ready, page(`https://${tenant}:8443/shndash/`), ID, EXT, tenant).ok).toBe(false);
    expect(admit(ready, page(`http://${tenant}/shndash/`), ID, EXT, tenant).ok).toBe(false);
    expect(admit(ready, page(`https://x.${tenant}/shndash/`), ID, EXT, tenant).ok).toBe(false);
    expect(admit(ready, page(`https://${tenant}/shndash/`), ID, EXT).ok).toBe(false);
  });
});
