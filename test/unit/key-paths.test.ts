/**
 * Issue 12: the two paths to a key (e-mail, self-serve), an Admin key's facts (expiry, permissions,
 * workspace), the rotation reminder on a fake clock, and the guide's flags for the Admin key form.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checklist, stepsLeft, stepText } from '../../src/core/checklist';
import { expiryDate, nextRotationAlarm, ROTATE_NOTICE_MS, rotationDue } from '../../src/core/expiry';
import { guideFlags } from '../../src/core/guide';
import { parseMessage } from '../../src/core/protocol';
import { keyFacts, labelledPairs, parseExpiry, readKeyFacts } from '../../src/core/readers/key-facts';
import { findKeyRow } from '../../src/core/readers/keys-list';
import {
  emptyState,
  type KeyInfo,
  migrate,
  pathOf,
  type State,
  withCreatedBy,
  withIds,
  withKey,
  withMark,
  withPath,
} from '../../src/core/state';
import { summaryText } from '../../src/core/summary';

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const WS2 = '0b8e2f61-3c4d-4e5f-8a9b-1c2d3e4f5a6b';
const ORG = 'org-p13k3klgno5cqxbf0q8hpgrk';
const DAY = 24 * 60 * 60_000;
const EXPIRES = Date.UTC(2026, 11, 28);
const cap = { at: Date.UTC(2026, 10, 1), from: 'x' };
const words = (key: string, subs?: string[]) => (subs?.length ? `<${key}:${subs.join('|')}>` : `<${key}>`);

const adminKey = (over: Partial<KeyInfo> = {}): KeyInfo => ({
  last4: 'qCBE',
  name: 'Skyhigh CASB',
  site: 'admin-console',
  expires: EXPIRES,
  permissions: 'All',
  workspaceName: 'Acme Corp',
  ...cap,
  ...over,
});

const withIdsOf = (s: State) => withIds(s, { workspaceId: WS, organizationId: ORG }, cap);
const handedOver = (s: State): State => {
  const rec = s.records[WS];
  if (rec) rec.handoff = { at: 9, host: 'www.myshn.net', filled: ['workspaceId', 'apiKey'], missing: [] };
  return s;
};
const ids = (steps: { id: string }[]) => steps.map((x) => x.id);

describe('the path', () => {
  it('is unknown until the admin chooses or a key is made, and the checklist follows the e-mail path meanwhile', () => {
    const s = emptyState();
    expect(pathOf(s)).toBeNull();
    expect(ids(checklist({ state: s, secretHeldUntil: null }))).toEqual([
      'createKey',
      'keepKey',
      'email',
      'scopes',
      'ids',
      'skyhigh',
    ]);
  });

  it('is the admin’s choice before any key exists: kept in the draft, then in the first record', () => {
    let s = withPath(emptyState(), 'self-serve');
    expect(pathOf(s)).toBe('self-serve');
    const steps = checklist({ state: s, secretHeldUntil: null });
    expect(ids(steps)).toEqual(['createKey', 'keepKey', 'ids', 'skyhigh']);
    expect(stepText('do', steps[0] as never)).toBe('do_createKey_selfServe');
    expect(steps[0]?.url).toBe('https://admin.openai.com/');
    s = withIdsOf(s);
    expect(s.records[WS]?.path).toBe('self-serve');
    expect(s.draft.path).toBeUndefined();
    s = withPath(s, 'email');
    expect(ids(checklist({ state: s, secretHeldUntil: null }))).toContain('email');
  });

  it('is where the key was made: an Admin key is self-serve, a platform key the e-mail path', () => {
    let s = withPath(withIdsOf(emptyState()), 'email');
    s = withKey(s, adminKey());
    expect(pathOf(s)).toBe('self-serve');
    s = withKey(s, { last4: 'zKzy', site: 'platform', ...cap });
    expect(pathOf(s)).toBe('email');
  });

  it('is kept per workspace record', () => {
    let s = withPath(withIdsOf(emptyState()), 'self-serve');
    s = withIds(s, { workspaceId: WS2 }, cap);
    s = withPath(s, 'email');
    expect(s.records[WS]?.path).toBe('self-serve');
    expect(s.records[WS2]?.path).toBe('email');
    expect(pathOf({ ...s, current: WS })).toBe('self-serve');
    expect(pathOf({ ...s, current: WS2 })).toBe('email');
  });

  it('self-serve: no e-mail and no wait; all of its steps done after the hand-off ("4 of 4")', () => {
    let s = withKey(withIdsOf(emptyState()), { ...adminKey(), copiedAt: 2 });
    let steps = checklist({ state: s, secretHeldUntil: null }, cap.at);
    expect(steps.map((x) => x.status)).toEqual(['done', 'done', 'done', 'todo']);
    s = handedOver(s);
    steps = checklist({ state: s, secretHeldUntil: null }, cap.at);
    expect(steps.length).toBe(4);
    expect(stepsLeft(steps)).toBe(0);
  });

  it('survives storage: a stored path and a previous key are kept, a wrong one dropped', () => {
    const s = withPath(withIdsOf(emptyState()), 'self-serve');
    const stored = JSON.parse(JSON.stringify(s));
    expect(migrate(stored).state.records[WS]?.path).toBe('self-serve');
    stored.records[WS].path = 'telepathy';
    stored.records[WS].key = { ...adminKey(), expires: 'soon' };
    const { state, lost } = migrate(stored);
    expect(state.records[WS]?.path).toBeUndefined();
    expect(state.records[WS]?.key).toBeUndefined();
    expect(lost).toBe(2);
  });

  it('is a message only from the extension’s pages, with one of the two values', () => {
    expect(parseMessage({ type: 'record/path', path: 'self-serve' }).ok).toBe(true);
    expect(parseMessage({ type: 'record/path', path: 'other' }).ok).toBe(false);
    expect(parseMessage({ type: 'record/mark', mark: 'old-key-deleted', on: true }).ok).toBe(true);
  });

  it('takes a key page’s label/value pairs only short and few', () => {
    const msg = (facts: unknown) =>
      parseMessage({ type: 'key/captured', keyLast4: 'qCBE', site: 'admin-console', facts });
    expect(msg([['Expires', 'Dec 28, 2026']]).ok).toBe(true);
    expect(msg([['Expires', 'x'.repeat(121)]]).ok).toBe(false);
    expect(msg(Array.from({ length: 17 }, () => ['a', 'b'])).ok).toBe(false);
    expect(msg([['only one']]).ok).toBe(false);
    expect(msg('Expires: never').ok).toBe(false);
  });
});

describe('an Admin key’s facts', () => {
  it.each([
    ['Never', 'never'],
    ['2026-12-28', EXPIRES],
    ['Dec 28, 2026', EXPIRES],
    ['December 28, 2026', EXPIRES],
    ['28 Dec 2026', EXPIRES],
    ['28.12.2026', EXPIRES],
    ['28/12/2026', EXPIRES],
    ['12/28/2026', EXPIRES],
    ['2026年12月28日', EXPIRES],
    ['Nie', 'never'],
    ['無期限', 'never'],
    ['05/06/2026', null],
    ['31.02.2026', null],
    ['in 30 days', null],
    ['', null],
  ] as const)('reads the expiry %j as %s', (text, expected) => {
    expect(parseExpiry(text)).toBe(expected);
  });

  it('reads label/value pairs of the one-time view, never anything key-shaped', () => {
    document.body.innerHTML = `<section>
      <dl><dt>Name</dt><dd>Skyhigh CASB</dd><dt>Expires</dt><dd>Dec 28, 2026</dd>
      <dt>Permissions</dt><dd>Read only</dd><dt>Workspace</dt><dd>Acme Corp</dd></dl>
      <div><span>Key</span> <span>sk-admin-quf0KgHnXgvMGtmGbF833PVpK8WVoGhcUxmqQe5Xy</span></div></section>`;
    const view = document.querySelector('section') as Element;
    const pairs = labelledPairs(view);
    expect(JSON.stringify(pairs)).not.toContain('sk-');
    expect(readKeyFacts(view)).toEqual({
      expires: EXPIRES,
      permissions: 'Read only',
      workspaceName: 'Acme Corp',
    });
  });

  it('takes nothing for a fact named twice with two values', () => {
    expect(
      keyFacts([
        ['Expires', '2026-12-28'],
        ['Expiration', '2027-01-28'],
        ['Läuft ab', 'nie'],
      ]),
    ).toEqual({});
  });

  it('reads the Admin keys list’s expiry column beside CREATED BY', () => {
    document.body.innerHTML = `<table><thead><tr><th>Name</th><th>Key</th><th>Permissions</th><th>Expires</th><th>Created by</th></tr></thead>
      <tbody><tr><td>Skyhigh CASB</td><td>sk-admin-...qCBE</td><td>All</td><td>Dec 28, 2026</td><td>Grace Hopper</td></tr>
      <tr><td>Other</td><td>sk-admin-...zzzz</td><td>Read only</td><td>Never</td><td>Ada</td></tr></tbody></table>`;
    const row = findKeyRow(document.body, { last4: 'qCBE', name: 'Skyhigh CASB' });
    expect(row?.createdBy).toBe('Grace Hopper');
    expect(keyFacts(row?.facts ?? [])).toEqual({ expires: EXPIRES, permissions: 'All' });
    let s = withKey(withIdsOf(emptyState()), adminKey({ expires: undefined }));
    s = withCreatedBy(s, 'qCBE', 'Grace Hopper', EXPIRES);
    expect(s.records[WS]?.key).toMatchObject({ createdBy: 'Grace Hopper', expires: EXPIRES });
  });

  it('go into the summary, never the secret', () => {
    const s = withKey(withIdsOf(emptyState()), adminKey());
    const text = summaryText(s, words);
    expect(text).toContain('<summaryPath>: <summaryPathSelfServe>');
    expect(text).toContain('<summaryExpires>: 2026-12-28');
    expect(text).toContain('<summaryPermissions>: All');
    expect(text).toContain('<summaryWorkspaceName>: Acme Corp');
    expect(text).not.toContain('sk-');
  });
});

describe('the rotation reminder (fake clock)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const stepAt = (s: State, now: number) => {
    vi.setSystemTime(now);
    return checklist({ state: s, secretHeldUntil: null })[0];
  };
  const key = adminKey({ copiedAt: 1 });
  const base = () => handedOver(withKey(withIdsOf(emptyState()), key));

  it('is silent until 14 days before, says "rotate before DATE" from then, "today" on the day, "expired" after', () => {
    const s = base();
    expect(stepAt(s, EXPIRES - ROTATE_NOTICE_MS - 1)).toMatchObject({ status: 'done' });
    expect(rotationDue(key, EXPIRES - ROTATE_NOTICE_MS - 1)).toBeNull();
    expect(stepAt(s, EXPIRES - ROTATE_NOTICE_MS)).toMatchObject({
      status: 'attention',
      why: { key: 'whyRotateBefore', subs: [expiryDate(EXPIRES)] },
    });
    expect(stepAt(s, EXPIRES + 3_600_000)).toMatchObject({ why: { key: 'whyRotateToday' } });
    expect(stepAt(s, EXPIRES + DAY)).toMatchObject({ why: { key: 'whyKeyExpired' } });
    expect(stepsLeft(checklist({ state: s, secretHeldUntil: null }))).toBe(1);
  });

  it('sets its alarms for when the reminder starts and when the day has passed, then none', () => {
    expect(nextRotationAlarm(key, cap.at)).toBe(EXPIRES - ROTATE_NOTICE_MS);
    expect(nextRotationAlarm(key, EXPIRES - DAY)).toBe(EXPIRES);
    expect(nextRotationAlarm(key, EXPIRES + 1)).toBe(EXPIRES + DAY);
    expect(nextRotationAlarm(key, EXPIRES + DAY)).toBeNull();
    expect(nextRotationAlarm({ expires: 'never' }, cap.at)).toBeNull();
    expect(rotationDue({ expires: 'never' }, EXPIRES * 2)).toBeNull();
  });

  it('ends with the key rotated: the new key is handed over, the old one kept until marked deleted', () => {
    let s = base();
    vi.setSystemTime(EXPIRES - 3 * DAY);
    const next = adminKey({ last4: 'nEw1', expires: EXPIRES + 90 * DAY, at: EXPIRES - 3 * DAY });
    s = withKey(s, next);
    expect(s.records[WS]?.previousKey).toMatchObject({ last4: 'qCBE' });
    expect(s.records[WS]?.handoff).toBeUndefined();
    let steps = checklist({ state: s, secretHeldUntil: Date.now() + 60_000 });
    expect(steps[0]).toMatchObject({ status: 'attention', why: { key: 'whyDeleteOldKey', subs: ['qCBE'] } });
    expect(steps[3]?.status).toBe('todo');
    s = handedOver(s);
    s = withMark(s, 'old-key-deleted', true, Date.now());
    expect(s.records[WS]?.previousKey).toBeUndefined();
    steps = checklist({ state: s, secretHeldUntil: Date.now() + 60_000 });
    expect(stepsLeft(steps)).toBe(0);
    expect(JSON.stringify(s)).not.toContain('sk-');
  });
});

describe('the Admin key form’s guide', () => {
  const state = () => withKey(withIdsOf(emptyState()), adminKey());
  const ADMIN = `https://admin.openai.com/workspace/${WS}/credentials/admin-keys`;

  it('flags Read only in the Admin Console, and nothing for All', () => {
    expect(guideFlags(state(), { permissions: 'Read only' }, ADMIN)).toEqual([
      { key: 'flagReadOnly', subs: ['Read only'] },
    ]);
    expect(guideFlags(state(), { permissions: 'All' }, ADMIN)).toEqual([]);
  });

  it('flags another workspace: by the UUID in the URL, else by name', () => {
    expect(
      guideFlags(state(), {}, `https://admin.openai.com/workspace/${WS2}/credentials/admin-keys`)[0],
    ).toEqual({ key: 'flagOtherWorkspaceId', subs: [WS2, WS] });
    expect(guideFlags(state(), { workspaceName: 'Beta Labs' }, ADMIN)[0]).toEqual({
      key: 'flagOtherWorkspace',
      subs: ['Beta Labs', 'Acme Corp'],
    });
    expect(guideFlags(state(), { workspaceName: 'Acme Corp' }, ADMIN)).toEqual([]);
  });

  it('keeps the platform form’s flags there', () => {
    expect(
      guideFlags(
        emptyState(),
        { project: 'Marketing', permissions: 'Restricted' },
        'https://platform.openai.com/api-keys',
      ),
    ).toEqual([
      { key: 'flagProject', subs: ['Marketing'] },
      { key: 'flagPermissions', subs: ['Restricted'] },
    ]);
  });

  it('flags another workspace only in the Admin Console itself', () => {
    // a platform page, or a look-alike whose path names the Admin Console, is not the Admin Console
    for (const url of [
      `https://platform.openai.com/workspace/${WS2}/api-keys`,
      `https://evil.example/https://admin.openai.com/workspace/${WS2}/credentials/admin-keys`,
    ]) {
      expect(guideFlags(state(), { workspaceName: 'Beta Labs' }, url)).toEqual([]);
    }
  });
});

describe('the Admin key form', () => {
  it('reads the workspace and the expiration chosen, and the background dates the choice', async () => {
    const { findCreateForm, readCreateForm } = await import('../../src/core/readers/create-form');
    const { expiryFromChoice } = await import('../../src/core/readers/key-facts');
    document.body.innerHTML = `<div role="dialog"><h2>Create new admin key</h2>
      <label for="w">Workspace</label><select id="w"><option>Acme Corp</option><option selected>Beta Labs</option></select>
      <label for="n">Name</label><input id="n" value="Skyhigh CASB">
      <label for="e">Expiration</label><select id="e"><option>Never</option><option selected>90 days</option></select>
      <fieldset><legend>Permissions</legend><label><input type="radio" name="p"> All</label>
      <label><input type="radio" name="p" checked> Read only</label></fieldset>
      <button>Cancel</button><button>Submit</button></div>`;
    const info = readCreateForm(findCreateForm(document.body) as Element);
    expect(info).toMatchObject({
      workspaceName: 'Beta Labs',
      expiration: '90 days',
      permissions: 'Read only',
    });
    const now = Date.UTC(2026, 10, 1, 15);
    expect(expiryFromChoice('90 days', now)).toBe(Date.UTC(2027, 0, 30));
    expect(expiryFromChoice('30 Tage', now)).toBe(Date.UTC(2026, 11, 1));
    expect(expiryFromChoice('60 日', now)).toBe(Date.UTC(2026, 11, 31));
    expect(expiryFromChoice('Never', now)).toBe('never');
    expect(expiryFromChoice('Custom', now)).toBeNull();
    expect(expiryFromChoice(undefined, now)).toBeNull();
  });
});
