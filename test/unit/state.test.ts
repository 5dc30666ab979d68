import { describe, expect, it } from 'vitest';
import { emptyState, migrate, unattachedOrg, withAttachedOrg, withIds, withKey } from '../../src/core/state';

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const WS2 = '3b8f2c1e-9d4a-4f6b-a2c3-5e7d9f1b7a84';
const ORG = 'org-p13k3klgno5cqxbf0q8hpgrk';
const cap = { at: 1, from: 'https://chatgpt.com/admin/settings' };

describe('onboarding state', () => {
  it('keeps a lone Organization ID in the draft, never on another workspace', () => {
    let s = withIds(emptyState(), { workspaceId: WS }, cap);
    s = withIds(s, { organizationId: ORG }, cap);
    expect(s.records[WS]?.organizationId).toBeUndefined();
    expect(s.draft.organizationId).toBe(ORG);
    // another page's Workspace ID next: the lone Organization ID does not join it by itself
    s = withIds(s, { workspaceId: WS2 }, cap);
    expect(s.records[WS2]?.organizationId).toBeUndefined();
    expect(s.draft.organizationId).toBe(ORG);
    expect(s.current).toBe(WS2);
    expect(unattachedOrg(s)).toMatchObject({ organizationId: ORG, workspaceId: WS2 });
    // the admin confirms: now it does
    s = withAttachedOrg(s, WS2);
    expect(s.records[WS2]?.organizationId).toBe(ORG);
    expect(s.draft.organizationId).toBeUndefined();
    expect(unattachedOrg(s)).toBeNull();
  });

  it('joins both IDs of one page visit, whichever was read first', () => {
    let s = withIds(emptyState(), { organizationId: ORG }, cap);
    s = withIds(s, { workspaceId: WS, organizationId: ORG }, cap);
    expect(s.records[WS]?.organizationId).toBe(ORG);
    expect(s.draft).toEqual({});
  });

  it('moves a key captured before any workspace into the first record', () => {
    let s = withKey(emptyState(), { last4: 'KWJi', name: 'Skyhigh', at: 2, from: 'x' });
    s = withIds(s, { workspaceId: WS, organizationId: ORG }, cap);
    expect(s.records[WS]?.key?.last4).toBe('KWJi');
    expect(s.draft).toEqual({});
  });

  it('resets a corrupt or unknown record and says so', () => {
    expect(migrate('garbage')).toMatchObject({ reset: true, state: emptyState() });
    expect(migrate({ version: 99, records: {} })).toMatchObject({ reset: false, newer: 99 });
    const bad = migrate({
      version: 1,
      records: { 'not-a-uuid': { workspaceId: 'not-a-uuid' } },
      current: 'not-a-uuid',
    });
    expect(bad.reset).toBe(true);
    expect(bad.state.records).toEqual({});
    expect(bad.state.current).toBeNull();
    expect(bad.lost).toBe(1);
    expect(migrate('garbage').lost).toBe('all');
    expect(migrate(undefined)).toEqual({ state: emptyState(), reset: false, lost: 0 });
  });

  it('keeps valid records and repairs bad settings', () => {
    const s = withIds(emptyState(), { workspaceId: WS, organizationId: ORG }, cap);
    const raw = {
      ...structuredClone(s),
      settings: { consoleHost: 'https://evil.example/', instanceName: '', keyTtlMinutes: 9999 },
    };
    const m = migrate(raw);
    expect(m.reset).toBe(false);
    expect(m.state.records[WS]?.organizationId).toBe(ORG);
    expect(m.state.settings).toEqual(emptyState().settings);
  });
});
