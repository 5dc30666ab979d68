/**
 * The record as the admin's key changes: what a rotation remembers (and what is not a rotation),
 * the path the checklist follows, the details the keys list adds, the marks, the conflicts that
 * need the admin's word, and an Organization ID waiting to be attached.
 */
import { describe, expect, it } from 'vitest';
import {
  emptyState,
  type KeyInfo,
  keyConflict,
  pathOf,
  type State,
  unattachedOrg,
  withAccessCheck,
  withCopied,
  withCreatedBy,
  withIds,
  withKey,
  withMark,
  withPath,
} from '../../src/core/state';

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const ORG = 'org-p13k3klgno5cqxbf0q8hpgrk';
const ORG2 = 'org-Pt6v2Bx9Mn4Kj7Hg1Fd5Sa3q';
const EXPIRES = Date.UTC(2026, 11, 28);
const cap = { at: 1, from: 'https://chatgpt.com/admin/settings' };

const adminKey = (over: Partial<KeyInfo> = {}): KeyInfo => ({
  last4: 'qCBE',
  name: 'Skyhigh CASB',
  site: 'admin-console',
  at: 10,
  from: 'https://chatgpt.com/admin/api-keys',
  ...over,
});

const ws = () => withIds(emptyState(), { workspaceId: WS, organizationId: ORG }, cap);
type Handoff = NonNullable<State['records'][string]['handoff']>;
const handedOver = (s: State, filled: Handoff['filled'] = ['workspaceId', 'apiKey']): State => {
  const out = structuredClone(s);
  const rec = out.records[WS];
  if (rec) rec.handoff = { at: 20, host: 'www.myshn.net', filled, missing: [] };
  return out;
};
/** An Admin key handed to Skyhigh, and checked. */
const live = (old: Partial<KeyInfo> = {}) =>
  withAccessCheck(handedOver(withKey(ws(), adminKey(old))), WS, { at: 30, result: 'ok', status: 200 });

describe('a rotation: a new Admin key after the old one was handed over', () => {
  it('remembers the old key (last 4, name, when it was replaced) and asks for a new hand-off and check', () => {
    const s = withKey(live(), adminKey({ last4: 'nEw1', name: 'Skyhigh 2', at: 99 }));
    const rec = s.records[WS];
    expect(rec?.previousKey).toStrictEqual({ last4: 'qCBE', name: 'Skyhigh CASB', at: 99 });
    expect(rec?.key?.last4).toBe('nEw1');
    expect(rec?.handoff).toBeUndefined();
    expect(rec?.accessCheck).toBeUndefined();
    // the scopes the old key proved stay granted
    expect(rec?.scopesGrantedAt).toBe(30);
  });

  it('an old key without a name is remembered by its last 4 only', () => {
    const s = withKey(live({ name: undefined }), adminKey({ last4: 'nEw1', at: 99 }));
    expect(s.records[WS]?.previousKey).toStrictEqual({ last4: 'qCBE', at: 99 });
  });

  it('is not the same key seen again: nothing remembered, the hand-off and check kept', () => {
    const before = live();
    const next = adminKey({ at: 99 });
    const s = withKey(before, next);
    const rec = s.records[WS];
    expect(rec?.previousKey).toBeUndefined();
    expect(rec?.handoff).toEqual(before.records[WS]?.handoff);
    expect(rec?.accessCheck).toEqual(before.records[WS]?.accessCheck);
    expect(rec?.key).toEqual(next);
  });

  // the checklist must not show a new key as handed over and checked while Skyhigh holds the old one
  it.each([
    ['a platform key (the e-mail path)', adminKey({ last4: 'nEw1', site: 'platform', at: 99 })],
    ['a key whose site is unknown', adminKey({ last4: 'nEw1', site: undefined, at: 99 })],
  ])('is not %s: nothing remembered, but the new key is to be handed over and checked', (_, next) => {
    const s = withKey(live(), next);
    const rec = s.records[WS];
    expect(rec?.previousKey).toBeUndefined();
    expect(rec?.handoff).toBeUndefined();
    expect(rec?.accessCheck).toBeUndefined();
    expect(rec?.scopesGrantedAt).toBe(30);
    expect(rec?.key).toEqual(next);
  });

  it.each([
    ['never handed over', (s: State) => s],
    ['handed over without its key', (s: State) => handedOver(s, ['workspaceId', 'organizationId'])],
  ])('is not a key %s: the new key simply replaces it', (_, prepare) => {
    const before = prepare(withKey(ws(), adminKey()));
    const s = withKey(before, adminKey({ last4: 'nEw1', at: 99 }));
    expect(s.records[WS]?.previousKey).toBeUndefined();
    expect(s.records[WS]?.key?.last4).toBe('nEw1');
    expect(s.records[WS]?.handoff).toEqual(before.records[WS]?.handoff);
  });

  it('the old key is forgotten only when the admin marks it deleted', () => {
    const s = withKey(live(), adminKey({ last4: 'nEw1', at: 99 }));
    expect(withMark(s, 'old-key-deleted', false, 100).records[WS]?.previousKey).toMatchObject({
      last4: 'qCBE',
    });
    expect(withMark(s, 'old-key-deleted', true, 100).records[WS]?.previousKey).toBeUndefined();
    // the mark changes nothing else
    const { previousKey: _gone, ...rest } = s.records[WS] ?? { workspaceId: WS };
    expect(withMark(s, 'old-key-deleted', true, 100).records[WS]).toEqual(rest);
  });
});

describe('the path the checklist follows', () => {
  it.each([
    ['an Admin key', 'admin-console', 'email', 'self-serve'],
    ['a platform key', 'platform', 'self-serve', 'email'],
  ] as const)('%s decides it, whatever the admin chose before', (_, site, chosen, path) => {
    const s = withKey(withPath(ws(), chosen), adminKey({ site }));
    expect(pathOf(s)).toBe(path);
  });

  it('a key of unknown site leaves the admin’s choice', () => {
    expect(pathOf(withKey(withPath(ws(), 'self-serve'), adminKey({ site: undefined })))).toBe('self-serve');
    expect(pathOf(withKey(ws(), adminKey({ site: undefined })))).toBeNull();
  });

  it('a key still in the draft decides it too', () => {
    expect(pathOf(withKey(withPath(emptyState(), 'self-serve'), adminKey({ site: 'platform' })))).toBe(
      'email',
    );
    expect(pathOf(withPath(emptyState(), 'email'))).toBe('email');
  });
});

describe('a key that would be replaced', () => {
  const draftKey = withKey(emptyState(), adminKey({ last4: 'OLD1' }));

  it('still in the draft (no workspace yet): free to replace until copied or held', () => {
    expect(keyConflict(draftKey, 'NEW1', null)).toBeNull();
    expect(keyConflict(withCopied(draftKey, 'OLD1', 2), 'NEW1', null)).toBe('OLD1');
    expect(keyConflict(draftKey, 'NEW1', 'OLD1')).toBe('OLD1');
    // another key held is no reason
    expect(keyConflict(draftKey, 'NEW1', 'ZZZZ')).toBeNull();
  });

  it('handed over without its key (only the IDs filled) is free to replace', () => {
    const s = handedOver(withKey(ws(), adminKey({ last4: 'OLD1' })), ['workspaceId', 'organizationId']);
    expect(keyConflict(s, 'NEW1', null)).toBeNull();
    expect(keyConflict(handedOver(s), 'NEW1', null)).toBe('OLD1');
  });

  it('no key yet: no conflict', () => {
    expect(keyConflict(ws(), 'NEW1', 'NEW1')).toBeNull();
  });
});

describe('what the Admin keys list adds to the key', () => {
  const noted = (over: Partial<KeyInfo> = {}) => withKey(ws(), adminKey(over));
  const key = (s: State) => s.records[WS]?.key;

  it('its expiry, when the key had none', () => {
    expect(key(withCreatedBy(noted(), 'qCBE', 'Ada', EXPIRES))).toMatchObject({
      createdBy: 'Ada',
      expires: EXPIRES,
    });
    expect(key(withCreatedBy(noted(), 'qCBE', 'Ada', 'never'))).toMatchObject({ expires: 'never' });
  });

  it('never over the expiry the key’s own view showed', () => {
    expect(key(withCreatedBy(noted({ expires: EXPIRES }), 'qCBE', 'Ada', 'never'))?.expires).toBe(EXPIRES);
    expect(key(withCreatedBy(noted({ expires: 'never' }), 'qCBE', 'Ada', EXPIRES))?.expires).toBe('never');
  });

  it('a list without an expiry column leaves the key’s expiry as it was', () => {
    expect(key(withCreatedBy(noted({ expires: EXPIRES }), 'qCBE', 'Ada'))?.expires).toBe(EXPIRES);
    expect(key(withCreatedBy(noted(), 'qCBE', 'Ada'))).not.toHaveProperty('expires');
  });

  it('nothing for another key’s row', () => {
    expect(key(withCreatedBy(noted(), 'nEw1', 'Ada', EXPIRES))).toStrictEqual(adminKey());
  });
});

describe('an Organization ID read on its own', () => {
  it('is not waiting when the current workspace already has that very ID', () => {
    const s = withIds(ws(), { organizationId: ORG }, { at: 2, from: 'https://chatgpt.com/admin/other' });
    expect(s.draft.organizationId).toBe(ORG);
    expect(unattachedOrg(s)).toBeNull();
  });

  it('keeps waiting when the workspace is read next with another Organization ID', () => {
    const from = { at: 2, from: 'https://chatgpt.com/admin/other' };
    let s = withIds(emptyState(), { organizationId: ORG2 }, from);
    s = withIds(s, { workspaceId: WS, organizationId: ORG }, cap);
    expect(s.records[WS]?.organizationId).toBe(ORG);
    expect(s.draft).toEqual({ organizationId: ORG2, idsCapture: from });
    expect(unattachedOrg(s)).toEqual({ organizationId: ORG2, from: from.from, workspaceId: WS });
  });

  it('waits for no workspace when there is none yet', () => {
    const s = withIds(emptyState(), { organizationId: ORG2 }, cap);
    expect(unattachedOrg(s)).toEqual({ organizationId: ORG2, from: cap.from, workspaceId: null });
  });
});
