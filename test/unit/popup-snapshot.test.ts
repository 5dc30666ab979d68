/**
 * The popup's first frame comes from storage read directly (no round trip to the background): what
 * it shows must be what the background would have handed out, and whenever only the background can
 * tell (a key is held, the stored state needs repairing) the popup must ask it instead.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

const { dropCache, holdSecret, setHandoff, update, view } = await import('../../src/background/store');
const { withIds, withKey } = await import('../../src/core/state');
const { parseManaged, NOT_MANAGED } = await import('../../src/core/managed');
const { snapshotView, readStored, pieces, assemble, noticeOf } = await import('../../src/core/stored');

const WS1 = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const WS2 = '3b8f2c1e-9d4a-4f6b-a2c3-5e7d9f1b7a84';
const ORG = 'org-p13k3klgno5cqxbf0q8hpgrk';
const KEY = 'sk-mOWgzQSVHpR49ZjT3v6SdNrmFAH16bK9nO7XPyqAOX2KL3Ad';
const cap = { at: 1, from: 'https://chatgpt.com/admin/settings' };

/** What the popup reads: everything in local, the session's keys and its hand-off and notice. */
async function popupSnapshot() {
  const local = await fakeBrowser.storage.local.get(null);
  const session = await fakeBrowser.storage.session.get(null);
  let managed = NOT_MANAGED;
  try {
    managed = parseManaged(await fakeBrowser.storage.managed.get());
  } catch {
    // not managed
  }
  const { handoff, notice } = session;
  return snapshotView(local, Object.keys(session), { handoff, notice }, managed);
}

describe("the popup's snapshot", () => {
  beforeEach(() => {
    fakeBrowser.reset();
    dropCache();
  });

  it('is the empty state on a fresh install, as the background would say', async () => {
    const snap = await popupSnapshot();
    expect(snap).toBeDefined();
    expect(snap).toEqual(await view());
    expect(await fakeBrowser.storage.local.get(null)).toEqual({}); // reading wrote nothing
  });

  it('shows the records, the current one, the key facts and a pending hand-off as the background does', async () => {
    await update((s) => withIds(s, { workspaceId: WS1, organizationId: ORG }, cap));
    await update((s) => withIds(s, { workspaceId: WS2 }, cap));
    await update((s) =>
      withKey(s, {
        last4: 'Ab12',
        name: 'Skyhigh',
        createdBy: 'Grace',
        at: 2,
        from: 'https://platform.openai.com/api-keys',
      }),
    );
    await setHandoff({ id: 'h1', host: 'www.myshn.net', requestedAt: 5, status: 'sent', sentAt: 6 });
    const snap = await popupSnapshot();
    expect(snap).toEqual(await view());
    expect(snap?.state.current).toBe(WS2);
    expect(Object.keys(snap?.state.records ?? {}).sort()).toEqual([WS1, WS2].sort());
    expect(snap?.lastHandoff).toEqual({ status: 'sent', at: 5, sentAt: 6 });
  });

  it("shows the organisation's settings over the admin's own", async () => {
    await update((s) => ({ ...s, settings: { ...s.settings, instanceName: 'Mine' } }));
    await fakeBrowser.storage.managed.set({ consoleHost: 'acme.myshn.eu', lockSettings: true });
    const snap = await popupSnapshot();
    expect(snap?.state.settings.consoleHost).toBe('acme.myshn.eu');
    expect(snap?.managed.locked).toBe(true);
    expect(snap).toEqual(await view());
  });

  it('is not taken while a key is held: its expiry is for the background to read, and the key never reaches the popup', async () => {
    await update((s) => withIds(s, { workspaceId: WS1 }, cap));
    await holdSecret(KEY, 30);
    expect(await popupSnapshot()).toBeUndefined();
    // what the snapshot is given never includes the secret's entry itself
    expect(JSON.stringify(snapshotView({}, ['secret'], {}, NOT_MANAGED) ?? null)).not.toContain('sk-');
  });

  it('is not taken when the stored state needs repairing (the background writes the repair and its notice)', async () => {
    await fakeBrowser.storage.local.set({ onboarding: { version: 1, records: { nope: 1 } } });
    expect(await popupSnapshot()).toBeUndefined();
    await view(); // the popup asks the background, which repairs and notes it
    // after the repair it is taken again, and says what the background says
    const snap = await popupSnapshot();
    expect(snap).toEqual(await view());
    expect(snap?.notice).toEqual({ kind: 'state-reset', lost: 1 });
  });

  it('is not taken from the older single-entry layout (the background rewrites it in pieces)', async () => {
    await fakeBrowser.storage.local.set({
      onboarding: { version: 1, current: WS1, records: { [WS1]: { workspaceId: WS1 } }, draft: {} },
    });
    expect(await popupSnapshot()).toBeUndefined();
    await view();
    expect((await popupSnapshot())?.state.current).toBe(WS1);
  });

  it('is not taken from an index of another version', async () => {
    expect(snapshotView({ onboarding: { version: 99, draft: {} } }, [], {}, NOT_MANAGED)).toBeUndefined();
  });
});

describe('the stored pieces', () => {
  it('assemble back into the state they were cut from', async () => {
    const s = withIds(
      withIds((await readStored({})).state, { workspaceId: WS1, organizationId: ORG }, cap),
      { workspaceId: WS2 },
      cap,
    );
    const stored = pieces(s);
    expect(Object.keys(stored).sort()).toEqual(['onboarding', `ws:${WS1}`, `ws:${WS2}`].sort());
    expect(assemble(stored)).toEqual(s);
    expect(readStored(stored)).toEqual({ state: s, reset: false, lost: 0, rewrite: false });
  });

  it('read nothing as nothing, and a non-object index as corrupt', () => {
    expect(assemble({})).toBeUndefined();
    expect(assemble({ other: 1 })).toBeUndefined();
    expect(readStored({ onboarding: 'x' }).rewrite).toBe(true);
    expect(readStored({ onboarding: [] }).reset).toBe(true);
    expect(readStored({ [`ws:${WS1}`]: { workspaceId: WS1 } }).rewrite).toBe(true);
  });

  it('read an index whose records are not an object as corrupt: all of it is lost', () => {
    for (const records of [null, 'x', 3, true]) {
      const r = readStored({ onboarding: { version: 1, current: null, draft: {}, records } });
      expect(r, String(records)).toMatchObject({ reset: true, lost: 'all', rewrite: true });
      expect(r.state.records).toEqual({});
    }
  });

  it('read the older single entry and records stored in pieces beside it together', () => {
    const r = readStored({
      onboarding: { version: 1, current: WS1, draft: {}, records: { [WS1]: { workspaceId: WS1 } } },
      [`ws:${WS2}`]: { workspaceId: WS2 },
    });
    expect(Object.keys(r.state.records).sort()).toEqual([WS1, WS2].sort());
    expect(r).toMatchObject({ reset: false, rewrite: true });
  });
});

describe('the reset notice', () => {
  it('says all, or how many items were lost, and nothing for anything else', () => {
    expect(noticeOf({ lost: 'all' })).toEqual({ kind: 'state-reset', lost: 'all' });
    expect(noticeOf({ lost: 3 })).toEqual({ kind: 'state-reset', lost: 3 });
    expect(noticeOf({ lost: 1 })).toEqual({ kind: 'state-reset', lost: 1 });
    for (const raw of [
      { lost: 0 },
      { lost: -1 },
      { lost: '3' },
      { lost: 'some' },
      {},
      null,
      undefined,
      'all',
      3,
    ])
      expect(noticeOf(raw), JSON.stringify(raw)).toBeNull();
  });
});
