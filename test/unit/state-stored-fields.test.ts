/**
 * Stored state, field by field: what the admin sees after one field of a stored record, of the draft
 * or of the platform's organisation was damaged (in storage, by an older or newer build, or by hand).
 * A field that cannot be read is dropped and counted (`lost`, and the popup's reset notice); the
 * record and every other field are kept. The edge values a field may hold are kept as they are.
 * And the settings: a value out of range is refused (the default shown instead), silently.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  migrate,
  SETTING_CHECKS,
  type Settings,
  unattachedOrg,
  validSettings,
} from '../../src/core/state';

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const WS2 = '3b8f2c1e-9d4a-4f6b-a2c3-5e7d9f1b7a84';
const ORG = 'org-p13k3klgno5cqxbf0q8hpgrk';
const ORG2 = 'org-Pt6v2Bx9Mn4Kj7Hg1Fd5Sa3q';
/** The latest time a Date can show. */
const MAX_TIME = 8.64e15;
const LONG = (n: number) => 'x'.repeat(n);

const capture = () => ({ at: 1, from: 'https://chatgpt.com/admin/settings', how: 'read' });
const key = () => ({
  at: 2,
  from: 'https://platform.openai.com/api-keys',
  how: 'read',
  last4: 'KWJi',
  name: 'Skyhigh',
  ownerType: 'service-account',
  project: 'Default project',
  permissions: 'All',
  site: 'platform',
  organization: 'Acme',
  createdBy: 'Ada Lovelace',
  copiedAt: 3,
  expires: 'never',
  workspaceName: 'Acme Corp',
});

/** A record with every field set, as the background writes it. */
const fullRecord = () => ({
  workspaceId: WS,
  organizationId: ORG,
  idsCapture: capture(),
  key: key(),
  handoff: { at: 4, host: 'www.myshn.net', filled: ['workspaceId', 'apiKey'], missing: ['organizationId'] },
  emailSentAt: 5,
  scopesGrantedAt: 6,
  accessCheck: { at: 7, result: 'forbidden', status: 403 },
  path: 'email',
  previousKey: { last4: 'OLD1', name: 'Old key', at: 8 },
});

const stored = (rec: Record<string, unknown>) => ({
  version: 1,
  records: { [WS]: rec, [WS2]: { workspaceId: WS2, organizationId: ORG2 } },
  current: WS,
  draft: {},
  settings: { ...DEFAULT_SETTINGS },
});

/** `rec` with `value` at `path` ("key.last4"); undefined removes it. */
function damaged(rec: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const out = structuredClone(rec);
  const parts = path.split('.');
  let at = out as Record<string, unknown>;
  for (const p of parts.slice(0, -1)) at = at[p] as Record<string, unknown>;
  const last = parts.at(-1) as string;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return out;
}

/** Bad values: each makes the top-level field it sits in unreadable. */
const BAD: [string, unknown][] = [
  // times: before 1970, after the last date a Date can show, text, null
  ...['idsCapture.at', 'key.at', 'key.copiedAt', 'key.expires', 'handoff.at', 'emailSentAt']
    .concat(['scopesGrantedAt', 'accessCheck.at', 'previousKey.at'])
    .flatMap((p): [string, unknown][] => [
      [p, -1],
      [p, MAX_TIME + 1],
      [p, '5'],
      [p, null],
      [p, [5]],
    ]),
  // where a capture was made: text of at most 2000 characters
  ...['idsCapture', 'key'].flatMap((f): [string, unknown][] => [
    [`${f}.from`, LONG(2001)],
    [`${f}.from`, 42],
    [`${f}.from`, ['https://chatgpt.com/admin/settings']],
    [`${f}.from`, undefined],
    [`${f}.how`, 'typed'],
    [`${f}.how`, ''],
    [`${f}.how`, 'READ'],
    [`${f}.at`, undefined],
  ]),
  ['idsCapture', 'https://chatgpt.com/admin/settings'],
  ['idsCapture', [capture()]],
  ['idsCapture', null],
  // a key's last 4: exactly four letters, digits, _ or -
  ...['key', 'previousKey'].flatMap((f): [string, unknown][] => [
    [`${f}.last4`, 'abc'],
    [`${f}.last4`, 'abcde'],
    [`${f}.last4`, 'sk-abcd'],
    [`${f}.last4`, 'ab d'],
    [`${f}.last4`, 'ab!d'],
    [`${f}.last4`, 1234],
    [`${f}.last4`, ['KWJi']],
    [`${f}.last4`, undefined],
    [`${f}.name`, ''],
    [`${f}.name`, LONG(201)],
    [`${f}.name`, ['Skyhigh']],
    [`${f}.name`, 42],
  ]),
  ['previousKey.at', undefined],
  ['previousKey', 'OLD1'],
  ['previousKey', null],
  // a key's facts: short text, or one of the known values
  ...['project', 'permissions', 'organization', 'createdBy', 'workspaceName'].flatMap(
    (f): [string, unknown][] => [
      [`key.${f}`, ''],
      [`key.${f}`, LONG(201)],
      [`key.${f}`, ['x']],
      [`key.${f}`, 1],
    ],
  ),
  ['key.ownerType', 'admin'],
  ['key.ownerType', ''],
  ['key.ownerType', 'You'],
  ['key.site', 'chatgpt'],
  ['key.site', ''],
  ['key.site', 'Platform'],
  ['key.expires', 'soon'],
  ['key.expires', ''],
  ['key.expires', 'Never'],
  ['key', 'sk-proj-abcdefghijklmnopqrstKWJi'],
  ['key', null],
  // a hand-off: to a Skyhigh console, of known fields only
  ['handoff.host', 'evil.example'],
  ['handoff.host', 'www.myshn.net.evil.example'],
  ['handoff.host', 42],
  ['handoff.host', ['www.myshn.net']],
  ['handoff.host', undefined],
  ['handoff.filled', 'apiKey'],
  ['handoff.filled', ['apiKey', 'secret']],
  ['handoff.filled', ['secret', 'apiKey']],
  ['handoff.filled', undefined],
  ['handoff.missing', ['organizationId', 'x']],
  ['handoff.missing', ['x']],
  ['handoff.missing', 'organizationId'],
  ['handoff.missing', undefined],
  ['handoff', {}],
  // an access check: a known result, an integer status
  ['accessCheck.result', 'great'],
  ['accessCheck.result', 'toString'],
  ['accessCheck.result', ''],
  ['accessCheck.result', ['ok']],
  ['accessCheck.result', 200],
  ['accessCheck.result', undefined],
  ['accessCheck.status', 403.5],
  ['accessCheck.status', '403'],
  ['accessCheck.status', null],
  // the path: one of the two
  ['path', 'telepathy'],
  ['path', ''],
  ['path', 'Email'],
  ['path', ['email']],
  // the admin's marks: times
  ['emailSentAt', 'yesterday'],
  ['scopesGrantedAt', true],
];

/** Edge values a field may hold: kept as they are. */
const GOOD: [string, unknown][] = [
  ...['idsCapture.at', 'key.at', 'key.copiedAt', 'key.expires', 'handoff.at', 'emailSentAt']
    .concat(['scopesGrantedAt', 'accessCheck.at', 'previousKey.at'])
    .flatMap((p): [string, unknown][] => [
      [p, 0],
      [p, MAX_TIME],
    ]),
  ...['idsCapture', 'key'].flatMap((f): [string, unknown][] => [
    [`${f}.from`, LONG(2000)],
    [`${f}.from`, ''],
    [`${f}.from`, 'pasted'],
    [`${f}.how`, 'picked'],
    [`${f}.how`, 'pasted'],
    [`${f}.how`, undefined],
  ]),
  ...['key', 'previousKey'].flatMap((f): [string, unknown][] => [
    [`${f}.last4`, 'a_-9'],
    [`${f}.last4`, 'ZZZZ'],
    [`${f}.name`, 'x'],
    [`${f}.name`, LONG(200)],
    [`${f}.name`, undefined],
  ]),
  ...['project', 'permissions', 'organization', 'createdBy', 'workspaceName'].flatMap(
    (f): [string, unknown][] => [
      [`key.${f}`, LONG(200)],
      [`key.${f}`, undefined],
    ],
  ),
  ['key.ownerType', 'you'],
  ['key.ownerType', undefined],
  ['key.site', 'admin-console'],
  ['key.site', undefined],
  ['key.copiedAt', undefined],
  ['key.expires', undefined],
  ['key.expires', Date.UTC(2026, 11, 28)],
  ['handoff.host', 'tenant.myshn.eu'],
  ['handoff.filled', []],
  ['handoff.filled', ['instanceName', 'workspaceId', 'organizationId', 'apiKey']],
  ['handoff.missing', []],
  ['handoff.missing', ['instanceName', 'apiKey']],
  ...['ok', 'unauthorized', 'not-found', 'blocked', 'ip-blocked', 'rate-limited', 'other'].map(
    (r): [string, unknown] => ['accessCheck.result', r],
  ),
  ['accessCheck.status', undefined],
  ['accessCheck.status', 0],
  ['path', 'self-serve'],
];

describe('a stored record with one damaged field', () => {
  it.each(BAD)(
    '%s = %j: that field is dropped, the record and the rest kept, one thing lost',
    (path, bad) => {
      const good: Record<string, unknown> = fullRecord();
      const raw = stored(damaged(good, path, bad));
      const field = path.split('.')[0] as string;
      const { state, reset, lost } = migrate(raw);
      const { [field]: _dropped, ...rest } = good;
      expect(state.records[WS]).toEqual(rest);
      expect(field in (state.records[WS] ?? {})).toBe(false);
      expect(state.records[WS2]).toEqual({ workspaceId: WS2, organizationId: ORG2 });
      expect(state.current).toBe(WS);
      expect({ reset, lost }).toEqual({ reset: true, lost: 1 });
    },
  );

  it.each(GOOD)('%s = %j: kept as it is, nothing lost', (path, value) => {
    const rec = damaged(fullRecord(), path, value);
    const { state, reset, lost } = migrate(stored(rec));
    expect(state.records[WS]).toEqual(rec);
    expect({ reset, lost }).toEqual({ reset: false, lost: 0 });
  });

  it('a record with every field damaged keeps its Workspace ID, and counts each field lost', () => {
    const rec = {
      workspaceId: WS,
      organizationId: 'org-x',
      idsCapture: { at: -1, from: 'x' },
      key: { at: 1, from: 'x', last4: 'abc' },
      handoff: { at: 1, host: 'evil.example', filled: [], missing: [] },
      emailSentAt: -1,
      scopesGrantedAt: 'x',
      accessCheck: { at: 1, result: 'great' },
      path: 'x',
      previousKey: { last4: 'OLD1' },
    };
    const { state, lost } = migrate(stored(rec));
    expect(state.records[WS]).toEqual({ workspaceId: WS });
    expect(state.current).toBe(WS);
    expect(lost).toBe(9);
  });

  it('a field the record never had is not counted', () => {
    expect(migrate(stored({ workspaceId: WS }))).toMatchObject({ reset: false, lost: 0 });
  });

  it('fields unknown to this version are left out, silently', () => {
    const { state, lost } = migrate(stored({ ...fullRecord(), secret: 'sk-proj-abc', extra: 1 }));
    expect(state.records[WS]).toEqual(fullRecord());
    expect(lost).toBe(0);
  });
});

describe('the stored draft, field by field', () => {
  const draft = () => ({ organizationId: ORG, key: key(), idsCapture: capture(), path: 'self-serve' });
  const withDraft = (d: unknown) => ({ ...stored({ workspaceId: WS }), draft: d });

  it('a valid draft is kept as it is', () => {
    expect(migrate(withDraft(draft()))).toMatchObject({ state: { draft: draft() }, reset: false, lost: 0 });
  });

  it.each([
    ['organizationId', 'org-x'],
    ['organizationId', WS],
    ['key', { ...key(), last4: 'abcde' }],
    ['key', { ...key(), site: 'chatgpt' }],
    ['idsCapture', { ...capture(), how: 'typed' }],
    ['idsCapture', { ...capture(), at: -1 }],
    ['path', 'telepathy'],
  ])('a draft %s of %j is dropped, the rest kept, one thing lost', (field, bad) => {
    const { [field]: _dropped, ...rest } = draft() as Record<string, unknown>;
    const { state, reset, lost } = migrate(withDraft({ ...draft(), [field]: bad }));
    expect(state.draft).toStrictEqual(rest);
    expect({ reset, lost }).toEqual({ reset: true, lost: 1 });
  });

  it.each([
    ['text', 'x'],
    ['a list', [draft()]],
    ['null', null],
    ['a number', 3],
  ])('a draft that is %s is emptied, and counted', (_, d) => {
    expect(migrate(withDraft(d))).toMatchObject({ state: { draft: {} }, reset: true, lost: 1 });
  });

  it('no draft at all is no loss', () => {
    expect(migrate(withDraft(undefined))).toMatchObject({ state: { draft: {} }, reset: false, lost: 0 });
  });

  it('an Organization ID waiting without where it was read says so with an empty page', () => {
    const { state } = migrate({ ...withDraft({ organizationId: ORG2 }) });
    expect(unattachedOrg(state)).toEqual({ organizationId: ORG2, from: '', workspaceId: WS });
  });
});

describe('the stored Organization ID of the API platform', () => {
  const po = () => ({ id: ORG2, at: 1, from: 'https://platform.openai.com/settings/organization/general' });
  const withPo = (p: unknown) => ({ ...stored({ workspaceId: WS }), platformOrg: p });

  it.each([
    ['as stored', po()],
    ['pasted', { ...po(), from: 'pasted', how: 'pasted' }],
    ['read at time 0', { ...po(), at: 0 }],
  ])('is kept %s', (_, p) => {
    expect(migrate(withPo(p))).toMatchObject({ state: { platformOrg: p }, reset: false, lost: 0 });
  });

  it.each([
    ['read before 1970', { ...po(), at: -1 }],
    ['from a page address too long', { ...po(), from: LONG(2001) }],
    ['captured in an unknown way', { ...po(), how: 'typed' }],
    ['a list', [po()]],
    ['text', ORG2],
  ])('is dropped when %s, and counted', (_, p) => {
    const m = migrate(withPo(p));
    expect(m.state.platformOrg).toBeUndefined();
    expect(m).toMatchObject({ reset: true, lost: 1 });
  });
});

describe('settings: a value out of range is refused, the default shown instead', () => {
  const table: [keyof Settings, unknown[], unknown[]][] = [
    [
      'consoleHost',
      ['www.myshn.net', 'tenant.myshn.eu', 'a.govshn.net', 'x.skyhigh.cloud'],
      [
        'success.myshn.net',
        'myshn.net',
        'www.myshn.net.evil.example',
        'WWW.MYSHN.NET',
        'https://www.myshn.net',
        1,
      ],
    ],
    ['instanceName', ['x', LONG(120), ' ChatGPT '], ['', '   ', '\n', LONG(121), 42, ['ChatGPT']]],
    ['keyTtlMinutes', [1, 2, 119, 120], [0, -1, 121, 1.5, 30.5, '30', null, true]],
    ['clearClipboard', [true, false], ['false', 'true', 0, 1, null]],
    ['clipboardClearSeconds', [1, 2, 599, 600], [0, -1, 601, 1.5, '60', null, false]],
    ['emailLanguage', ['en', 'ui'], ['fr', 'EN', '', 'ui ', ['en'], 0]],
  ];

  it.each(table)(
    '%s: the values accepted and refused, from storage or a message alike',
    (name, ok, refused) => {
      for (const v of ok) {
        expect(SETTING_CHECKS[name](v), `${name} = ${JSON.stringify(v)}`).toBe(true);
        expect(validSettings({ [name]: v })).toEqual({ [name]: v });
      }
      for (const v of refused) {
        expect(SETTING_CHECKS[name](v), `${name} = ${JSON.stringify(v)}`).toBe(false);
        expect(validSettings({ [name]: v })).toEqual({});
        const m = migrate({ ...stored({ workspaceId: WS }), settings: { ...DEFAULT_SETTINGS, [name]: v } });
        expect(m.state.settings).toEqual(DEFAULT_SETTINGS);
        expect(m).toMatchObject({ reset: false, lost: 0 });
      }
    },
  );

  it('keeps every valid setting beside a refused one', () => {
    const mine: Settings = {
      consoleHost: 'tenant.myshn.ca',
      instanceName: 'Acme ChatGPT',
      keyTtlMinutes: 7,
      clearClipboard: false,
      clipboardClearSeconds: 9,
      emailLanguage: 'ui',
    };
    const { keyTtlMinutes: _refused, ...others } = mine;
    expect(validSettings({ ...mine, keyTtlMinutes: 0, extra: 'x' })).toStrictEqual(others);
    expect(migrate({ ...stored({ workspaceId: WS }), settings: mine }).state.settings).toEqual(mine);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['text', 'keyTtlMinutes'],
    ['a number', 5],
    ['a list', [5]],
  ])('settings stored as %s: all defaults, silently', (_, settings) => {
    expect(validSettings(settings)).toEqual({});
    const m = migrate({ ...stored({ workspaceId: WS }), settings });
    expect(m.state.settings).toEqual(DEFAULT_SETTINGS);
    expect(m).toMatchObject({ reset: false, lost: 0 });
  });
});
