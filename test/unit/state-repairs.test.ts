/**
 * Stored state, whatever storage holds: every repair `migrate` makes (a record dropped, a setting
 * put back to its default) and when it tells the admin their record was reset; and the changes the
 * background makes to the record, as the popup would show them.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  emptyState,
  KEY_FORM_WINDOW_MS,
  migrate,
  orgMismatch,
  pageOf,
  type State,
  unattachedOrg,
  withAccessCheck,
  withAttachedOrg,
  withCopied,
  withCreatedBy,
  withIds,
  withKey,
  withKeyForm,
  withMark,
  withoutRecord,
  withPlatformOrg,
  withSettings,
} from '../../src/core/state';

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const WS2 = '3b8f2c1e-9d4a-4f6b-a2c3-5e7d9f1b7a84';
const ORG = 'org-p13k3klgno5cqxbf0q8hpgrk';
const ORG2 = 'org-Pt6v2Bx9Mn4Kj7Hg1Fd5Sa3q';
const cap = { at: 1, from: 'https://chatgpt.com/admin/settings' };

/** A stored state as the background wrote it: one record, current, with the given extras. */
const stored = (extra: Record<string, unknown> = {}) => ({
  version: 1,
  records: { [WS]: { workspaceId: WS, organizationId: ORG } },
  current: WS,
  draft: {},
  settings: { ...DEFAULT_SETTINGS },
  ...extra,
});

describe('migrate: what storage holds becomes a valid state', () => {
  it.each([
    ['nothing yet (undefined)', undefined],
    ['nothing yet (null)', null],
  ])('%s: an empty state, no reset notice', (_, raw) => {
    expect(migrate(raw)).toEqual({ state: emptyState(), reset: false, lost: 0 });
  });

  it.each([
    ['a string', 'garbage'],
    ['a number', 42],
    ['zero', 0],
    ['an empty string', ''],
    ['false', false],
    ['true', true],
    ['an older version than any released', { ...stored(), version: 0 }],
    ['the version as text', { ...stored(), version: '1' }],
    ['no version', { ...stored(), version: undefined }],
    ['no records', { ...stored(), records: undefined }],
    ['null records', { ...stored(), records: null }],
    ['records as text', { ...stored(), records: 'x' }],
  ])('%s: reset to an empty state, and said so (all of it lost)', (_, raw) => {
    expect(migrate(raw)).toEqual({ state: emptyState(), reset: true, lost: 'all' });
  });

  it('a newer version’s state (a rollback): nothing read, nothing to repair, to be left as it is', () => {
    expect(migrate({ ...stored(), version: 2 })).toEqual({
      state: emptyState(),
      reset: false,
      lost: 0,
      newer: 2,
    });
    expect(migrate({ version: 7 })).toEqual({ state: emptyState(), reset: false, lost: 0, newer: 7 });
  });

  it('keeps a valid state as it is, without a notice', () => {
    const raw = stored({
      draft: { key: { last4: 'abcd', at: 1, from: 'x' } },
      platformOrg: { id: ORG, ...cap },
      settings: {
        consoleHost: 'tenant.myshn.eu',
        instanceName: 'ChatGPT',
        keyTtlMinutes: 5,
        clearClipboard: false,
        clipboardClearSeconds: 600,
        emailLanguage: 'ui',
      },
    });
    expect(migrate(structuredClone(raw))).toEqual({ state: raw, reset: false, lost: 0 });
  });

  it('keeps a record without an Organization ID', () => {
    const m = migrate(stored({ records: { [WS]: { workspaceId: WS } } }));
    expect(m).toEqual({
      state: expect.objectContaining({ records: { [WS]: { workspaceId: WS } } }),
      reset: false,
      lost: 0,
    });
  });

  it.each([
    ['filed under a key that is not a UUID', { 'not-a-uuid': { workspaceId: 'not-a-uuid' } }],
    ['filed under another workspace’s ID', { [WS2]: { workspaceId: WS } }],
    ['without its own Workspace ID', { [WS2]: { organizationId: ORG } }],
    ['null', { [WS2]: null }],
    ['a string', { [WS2]: WS2 }],
  ])('drops a record %s, keeps the good one, and says so', (_, bad) => {
    const raw = stored({ records: { [WS]: { workspaceId: WS, organizationId: ORG }, ...bad } });
    const m = migrate(raw);
    expect(m.reset).toBe(true);
    expect(m.lost).toBe(1);
    expect(m.state.records).toEqual({ [WS]: { workspaceId: WS, organizationId: ORG } });
    expect(m.state.current).toBe(WS);
  });

  it.each([
    ['that is not one', 'org-x'],
    ['that is a Workspace ID', WS],
    ['that is not text', 42],
  ])('keeps a record with an Organization ID %s, drops only that field, and says so', (_, bad) => {
    const raw = stored({
      records: {
        [WS]: { workspaceId: WS, organizationId: ORG },
        [WS2]: { workspaceId: WS2, organizationId: bad, emailSentAt: 5 },
      },
    });
    const m = migrate(raw);
    expect(m.reset).toBe(true);
    expect(m.lost).toBe(1);
    expect(m.state.records).toEqual({
      [WS]: { workspaceId: WS, organizationId: ORG },
      [WS2]: { workspaceId: WS2, emailSentAt: 5 },
    });
    expect(m.state.current).toBe(WS);
  });

  it('counts every field and record it dropped', () => {
    const raw = stored({
      records: {
        [WS]: { workspaceId: WS, organizationId: 'org-x', emailSentAt: -1, key: { last4: 'ab' } },
        [WS2]: { workspaceId: WS },
      },
    });
    const m = migrate(raw);
    expect(m).toMatchObject({ reset: true, lost: 4 });
    expect(m.state.records).toEqual({ [WS]: { workspaceId: WS } });
  });

  it.each([
    ['a dropped record', { current: WS2, records: { [WS2]: { workspaceId: WS } } }],
    ['no record at all', { current: WS2 }],
    ['a number', { current: 1 }],
    ['nothing', { current: null }],
  ])('current is no workspace when it names %s', (_, extra) => {
    expect(migrate(stored(extra)).state.current).toBeNull();
  });

  it.each([
    ['text', 'x'],
    ['null', null],
    ['missing', undefined],
  ])('a draft that is %s becomes empty', (_, draft) => {
    expect(migrate(stored({ draft })).state.draft).toEqual({});
  });

  it.each([
    ['an invalid ID', { id: 'org-x', ...cap }],
    ['a Workspace ID', { id: WS, ...cap }],
    ['no ID', { ...cap }],
    ['null', null],
    ['without when and where it was read', { id: ORG }],
  ])('drops the platform’s Organization ID when it is %s, and says so', (_, platformOrg) => {
    const m = migrate(stored({ platformOrg }));
    expect(m.state.platformOrg).toBeUndefined();
    expect(m).toMatchObject({ reset: true, lost: 1 });
    expect(m.state.records[WS]).toEqual({ workspaceId: WS, organizationId: ORG });
  });

  it('drops a draft’s bad fields one by one, keeps the good ones, and says so', () => {
    const key = { last4: 'abcd', at: 1, from: 'x' };
    const m = migrate(stored({ draft: { organizationId: WS, key, idsCapture: { at: -1, from: 'x' } } }));
    expect(m.state.draft).toEqual({ key });
    expect(m).toMatchObject({ reset: true, lost: 2 });
  });

  it.each([
    ['a URL for a host', { consoleHost: 'https://www.myshn.net/' }, 'consoleHost'],
    ['a host of another domain', { consoleHost: 'evil.example' }, 'consoleHost'],
    ['a host that is not text', { consoleHost: 1 }, 'consoleHost'],
    ['a host in a list', { consoleHost: ['tenant.myshn.net'] }, 'consoleHost'],
    ['an empty instance name', { instanceName: '' }, 'instanceName'],
    ['an instance name that is not text', { instanceName: ['x'] }, 'instanceName'],
    ['a TTL of 0', { keyTtlMinutes: 0 }, 'keyTtlMinutes'],
    ['a TTL of 121', { keyTtlMinutes: 121 }, 'keyTtlMinutes'],
    ['a TTL as text', { keyTtlMinutes: '30' }, 'keyTtlMinutes'],
  ] as const)('puts back the default setting for %s, silently', (_, bad, field) => {
    const settings = { consoleHost: 'www.myshn.eu', instanceName: 'Mine', keyTtlMinutes: 10, ...bad };
    const m = migrate(stored({ settings }));
    expect(m.reset).toBe(false);
    expect(m.state.settings[field]).toBe(DEFAULT_SETTINGS[field]);
    // the other settings are kept
    for (const other of ['consoleHost', 'instanceName', 'keyTtlMinutes'] as const)
      if (other !== field) expect(m.state.settings[other]).toBe(settings[other]);
  });

  it('keeps the TTL bounds 1 and 120', () => {
    expect(migrate(stored({ settings: { keyTtlMinutes: 1 } })).state.settings.keyTtlMinutes).toBe(1);
    expect(migrate(stored({ settings: { keyTtlMinutes: 120 } })).state.settings.keyTtlMinutes).toBe(120);
  });

  it('gives default settings when none were stored', () => {
    expect(migrate(stored({ settings: undefined })).state.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('never shares the defaults with the state it returns', () => {
    const a = migrate(undefined).state;
    a.settings.keyTtlMinutes = 99;
    expect(migrate(undefined).state.settings.keyTtlMinutes).toBe(DEFAULT_SETTINGS.keyTtlMinutes);
    expect(DEFAULT_SETTINGS.keyTtlMinutes).toBe(30);
  });
});

describe('the record as captures arrive', () => {
  it('IDs read together make the current record', () => {
    const s = withIds(emptyState(), { workspaceId: WS, organizationId: ORG }, cap);
    expect(s.current).toBe(WS);
    expect(s.records[WS]).toEqual({ workspaceId: WS, organizationId: ORG, idsCapture: cap });
  });

  it('a second Organization ID read with its workspace replaces the first', () => {
    let s = withIds(emptyState(), { workspaceId: WS, organizationId: ORG }, cap);
    s = withIds(s, { workspaceId: WS, organizationId: ORG2 }, cap);
    expect(s.records[WS]?.organizationId).toBe(ORG2);
  });

  it('a draft Organization ID never replaces the one a record already has', () => {
    let s = withIds(emptyState(), { workspaceId: WS, organizationId: ORG }, cap);
    s = withIds(s, { organizationId: ORG2 }, cap);
    s = withIds(s, { workspaceId: WS }, cap);
    expect(s.records[WS]?.organizationId).toBe(ORG);
    expect(s.draft.organizationId).toBe(ORG2);
  });

  it('a draft Organization ID never joins a workspace by itself: it waits for the admin', () => {
    let s = withIds(emptyState(), { workspaceId: WS }, cap);
    const from = { at: 2, from: 'https://chatgpt.com/admin/other' };
    s = withIds(s, { organizationId: ORG }, from);
    s = withIds(s, { workspaceId: WS }, cap);
    expect(s.records[WS]?.organizationId).toBeUndefined();
    expect(s.draft.organizationId).toBe(ORG);
    expect(unattachedOrg(s)).toEqual({ organizationId: ORG, from: from.from, workspaceId: WS });
    // nor does it join a workspace seen for the first time after it
    const fresh = withIds(withIds(emptyState(), { organizationId: ORG }, cap), { workspaceId: WS2 }, cap);
    expect(fresh.records[WS2]?.organizationId).toBeUndefined();
    expect(fresh.draft.organizationId).toBe(ORG);
  });

  it('the admin’s confirmation attaches the draft Organization ID, and leaves the draft', () => {
    let s = withIds(emptyState(), { workspaceId: WS }, cap);
    s = withIds(s, { organizationId: ORG }, cap);
    s = withAttachedOrg(s, WS);
    expect(s.records[WS]?.organizationId).toBe(ORG);
    expect(s.draft.organizationId).toBeUndefined();
    expect(s.draft.idsCapture).toBeUndefined();
    expect(unattachedOrg(s)).toBeNull();
    // nothing to attach, or no such record: nothing changes
    expect(withAttachedOrg(s, WS)).toEqual(s);
    const draftOnly = withIds(emptyState(), { organizationId: ORG }, cap);
    expect(withAttachedOrg(draftOnly, WS)).toEqual(draftOnly);
  });

  it('the same Organization ID read with its workspace leaves the draft', () => {
    let s = withIds(emptyState(), { organizationId: ORG }, cap);
    s = withIds(s, { workspaceId: WS, organizationId: ORG }, cap);
    expect(s.records[WS]?.organizationId).toBe(ORG);
    expect(s.draft.organizationId).toBeUndefined();
    expect(unattachedOrg(s)).toBeNull();
  });

  it('a key in the draft still joins the first record', () => {
    const key = { last4: 'abcd', at: 1, from: 'x' };
    const s = withIds(withKey(emptyState(), key), { workspaceId: WS }, cap);
    expect(s.records[WS]?.key).toEqual(key);
    expect(s.draft.key).toBeUndefined();
  });

  it('forgetting another record keeps the current one', () => {
    let s = withIds(emptyState(), { workspaceId: WS }, cap);
    s = withIds(s, { workspaceId: WS2 }, cap);
    s = withIds(s, { workspaceId: '11111111-2222-4333-8444-555555555555' }, cap);
    expect(withoutRecord(s, WS).current).toBe('11111111-2222-4333-8444-555555555555');
  });

  it('nothing changes when no ID is given', () => {
    const s = withIds(emptyState(), {}, cap);
    expect(s).toEqual(emptyState());
  });

  it('never changes the state it was given', () => {
    const prev = emptyState();
    withIds(prev, { workspaceId: WS }, cap);
    withKey(prev, { last4: 'abcd', at: 1, from: 'x' });
    withSettings(prev, { keyTtlMinutes: 5 });
    expect(prev).toEqual(emptyState());
  });

  it('a key goes to the current record, or waits in the draft', () => {
    const key = { last4: 'abcd', at: 1, from: 'x' };
    expect(withKey(emptyState(), key).draft.key).toEqual(key);
    const s = withKey(withIds(emptyState(), { workspaceId: WS }, cap), key);
    expect(s.records[WS]?.key).toEqual(key);
    expect(s.draft.key).toBeUndefined();
  });

  it('forgetting a record moves current to another record, or to none', () => {
    let s = withIds(emptyState(), { workspaceId: WS }, cap);
    s = withIds(s, { workspaceId: WS2 }, cap);
    s = withoutRecord(s, WS2);
    expect(Object.keys(s.records)).toEqual([WS]);
    expect(s.current).toBe(WS);
    const other = withoutRecord(withIds(s, { workspaceId: WS2 }, cap), WS);
    expect(other.current).toBe(WS2);
    s = withoutRecord(s, WS);
    expect(s.current).toBeNull();
  });
});

describe('details of the key', () => {
  const base = (): State =>
    withKey(withIds(emptyState(), { workspaceId: WS }, cap), { last4: 'abcd', at: 100_000, from: 'x' });
  const key = (s: State) => s.records[WS]?.key;

  it('the create form’s choices join a key captured within a minute, either side', () => {
    const form = {
      keyName: 'Skyhigh',
      ownerType: 'service-account',
      project: 'P',
      permissions: 'All',
    } as const;
    for (const at of [100_000, 160_000, 40_000]) {
      expect(key(withKeyForm(base(), form, at)), String(at)).toMatchObject({
        name: 'Skyhigh',
        ownerType: 'service-account',
        project: 'P',
        permissions: 'All',
      });
    }
    for (const at of [160_001, 39_999]) {
      expect(key(withKeyForm(base(), form, at)), String(at)).toEqual({
        last4: 'abcd',
        at: 100_000,
        from: 'x',
      });
    }
    expect(KEY_FORM_WINDOW_MS).toBeGreaterThanOrEqual(60_000);
  });

  it('what the secret view showed is never overridden by the form', () => {
    const s = withKey(withIds(emptyState(), { workspaceId: WS }, cap), {
      last4: 'abcd',
      at: 1,
      from: 'x',
      name: 'From view',
      project: 'View project',
    });
    const after = withKeyForm(s, { keyName: 'From form', project: 'Form project', ownerType: 'you' }, 1);
    expect(key(after)).toMatchObject({ name: 'From view', project: 'View project', ownerType: 'you' });
  });

  it('without a key, the form’s choices are dropped', () => {
    const s = withIds(emptyState(), { workspaceId: WS }, cap);
    expect(withKeyForm(s, { keyName: 'x' }, 1)).toEqual(s);
  });

  it('CREATED BY and the copy are noted for the key with the same last 4 only', () => {
    expect(key(withCreatedBy(base(), 'abcd', 'Ada'))?.createdBy).toBe('Ada');
    expect(key(withCreatedBy(base(), 'abce', 'Ada'))?.createdBy).toBeUndefined();
    expect(key(withCopied(base(), 'abcd', 5))?.copiedAt).toBe(5);
    expect(key(withCopied(base(), 'ABCD', 5))?.copiedAt).toBeUndefined();
  });

  it('a key still in the draft gets its details too', () => {
    const s = withCreatedBy(withKey(emptyState(), { last4: 'abcd', at: 1, from: 'x' }), 'abcd', 'Ada');
    expect(s.draft.key?.createdBy).toBe('Ada');
  });
});

describe('the admin’s marks and checks', () => {
  const withWs = () => withIds(emptyState(), { workspaceId: WS }, cap);

  it('marks and unmarks the e-mail and the scopes on the current record', () => {
    let s = withMark(withWs(), 'email-sent', true, 10);
    s = withMark(s, 'scopes-granted', true, 11);
    expect(s.records[WS]).toMatchObject({ emailSentAt: 10, scopesGrantedAt: 11 });
    s = withMark(s, 'email-sent', false, 12);
    expect(s.records[WS]?.emailSentAt).toBeUndefined();
    expect(s.records[WS]?.scopesGrantedAt).toBe(11);
    expect(withMark(emptyState(), 'email-sent', true, 1)).toEqual(emptyState());
  });

  it('a working key marks the scopes granted once; a failed check does not', () => {
    let s = withAccessCheck(withWs(), WS, { at: 20, result: 'forbidden', status: 403 });
    expect(s.records[WS]).toMatchObject({ accessCheck: { at: 20, result: 'forbidden', status: 403 } });
    expect(s.records[WS]?.scopesGrantedAt).toBeUndefined();
    s = withAccessCheck(s, WS, { at: 30, result: 'ok', status: 200 });
    expect(s.records[WS]?.scopesGrantedAt).toBe(30);
    s = withAccessCheck(s, WS, { at: 40, result: 'ok', status: 200 });
    expect(s.records[WS]?.scopesGrantedAt).toBe(30);
    expect(withAccessCheck(s, WS2, { at: 50, result: 'ok' })).toEqual(s);
  });

  it('warns when the API platform shows another organisation than ChatGPT', () => {
    let s = withIds(emptyState(), { workspaceId: WS, organizationId: ORG }, cap);
    expect(orgMismatch(s)).toBeNull();
    s = withPlatformOrg(s, ORG, cap);
    expect(s.platformOrg).toEqual({ id: ORG, ...cap });
    expect(orgMismatch(s)).toBeNull();
    s = withPlatformOrg(s, ORG2, cap);
    expect(orgMismatch(s)).toEqual({ chatgpt: ORG, platform: ORG2 });
    const draftOnly = withPlatformOrg(withIds(emptyState(), { organizationId: ORG }, cap), ORG2, cap);
    expect(orgMismatch(draftOnly)).toEqual({ chatgpt: ORG, platform: ORG2 });
    expect(orgMismatch(withPlatformOrg(emptyState(), ORG2, cap))).toBeNull();
  });

  it('settings change only what is given', () => {
    const s = withSettings(emptyState(), { keyTtlMinutes: 5 });
    expect(s.settings).toEqual({ ...DEFAULT_SETTINGS, keyTtlMinutes: 5 });
  });
});

describe('where a capture was made', () => {
  it.each([
    ['https://chatgpt.com/admin/settings?token=abc#frag', 'https://chatgpt.com/admin/settings'],
    ['https://platform.openai.com/api-keys', 'https://platform.openai.com/api-keys'],
    ['not a url', ''],
  ])('%s is noted as %j (never a query or fragment)', (url, page) => {
    expect(pageOf(url)).toBe(page);
  });
});
