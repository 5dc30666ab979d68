/** The background's storage with a fake browser: the secret's lifetime, and concurrent updates. */
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

const {
  clearNotice,
  dropCache,
  exclusive,
  forgetSecret,
  heldSecret,
  holdSecret,
  loadSettings,
  loadState,
  update,
  updateNow,
  view,
} = await import('../../src/background/store');
const { withIds } = await import('../../src/core/state');

const KEY = 'sk-mOWgzQSVHpR49ZjT3v6SdNrmFAH16bK9nO7XPyqAOX2KL3Ad';
const WS1 = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const WS2 = '3b8f2c1e-9d4a-4f6b-a2c3-5e7d9f1b7a84';

describe('background storage', () => {
  beforeEach(() => {
    fakeBrowser.reset(); // also removes the store's change listener: drop its copy by hand
    dropCache();
  });

  it('keeps the secret in session storage only, and forgets it when its time is up', async () => {
    const now = 1_000_000;
    const until = await holdSecret(KEY, 30, now);
    expect(until).toBe(now + 30 * 60_000);
    expect(await heldSecret(now + 29 * 60_000)).toEqual({ value: KEY, expiresAt: until });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(KEY);
    expect(await heldSecret(until)).toBeNull();
    // expired means gone, not just hidden
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('forgets on request, and the view never carries the secret', async () => {
    await holdSecret(KEY, 30);
    expect(JSON.stringify(await view())).not.toContain(KEY);
    expect((await view()).secretHeldUntil).toBeGreaterThan(Date.now());
    await forgetSecret();
    expect(await heldSecret()).toBeNull();
  });

  it('loses nothing when two captures update the record at once', async () => {
    const cap = { at: 1, from: 'x' };
    await Promise.all([
      update((s) => withIds(s, { workspaceId: WS1 }, cap)),
      update((s) => withIds(s, { workspaceId: WS2 }, cap)),
    ]);
    expect(Object.keys((await loadState()).records).sort()).toEqual([WS2, WS1].sort());
  });

  it('resets a corrupt record and says so once', async () => {
    await fakeBrowser.storage.local.set({ onboarding: { version: 1, records: { nope: 1 } } });
    expect((await loadState()).records).toEqual({});
    expect((await view()).notice).toEqual({ kind: 'state-reset', lost: 1 });
  });

  it('leaves the state of a newer version (a rollback) exactly as it is, and says so (issue 27)', async () => {
    const newer = {
      onboarding: { version: 2, current: WS1, settings: { consoleHost: 'www.myshn.eu' }, future: true },
      [`ws:${WS1}`]: { workspaceId: WS1, somethingNew: { a: 1 } },
    };
    await fakeBrowser.storage.local.set(newer);
    expect((await loadState()).records).toEqual({});
    await update((s) => withIds(s, { workspaceId: WS2 }, { at: 1, from: 'x' }));
    expect((await loadState()).current).toBe(WS2); // this version works in memory
    expect(await fakeBrowser.storage.local.get(null)).toEqual(newer);
    expect((await view()).notice).toEqual({ kind: 'state-newer', version: 2 });
    await clearNotice(); // the IDs captured again do not hide it
    expect((await view()).notice).toEqual({ kind: 'state-newer', version: 2 });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(newer);
  });

  it('says so in the very first view after a damaged record is found', async () => {
    await fakeBrowser.storage.local.set({ onboarding: { version: 1, records: { nope: 1 } } });
    expect((await view()).notice).toEqual({ kind: 'state-reset', lost: 1 });
  });
});

describe('background storage writes', () => {
  beforeEach(() => {
    fakeBrowser.reset(); // also removes the store's change listener: drop its copy by hand
    dropCache();
  });

  it('writes only when something changed', async () => {
    const cap = { at: 1, from: 'x' };
    await update((s) => withIds(s, { workspaceId: WS1 }, cap));
    const writes: unknown[] = [];
    fakeBrowser.storage.local.onChanged.addListener((c) => writes.push(c));
    await update((s) => withIds(s, { workspaceId: WS1 }, cap)); // the same capture again
    await update((s) => s);
    expect(writes).toEqual([]);
    await update((s) => withIds(s, { workspaceId: WS2 }, cap));
    expect(writes).toHaveLength(1);
  });
});

describe('settings set by the organisation', () => {
  beforeEach(() => {
    fakeBrowser.reset(); // also removes the store's change listener: drop its copy by hand
    dropCache();
  });

  it("show in the view over the admin's own, with the fields they fix", async () => {
    await update((s) => ({ ...s, settings: { ...s.settings, instanceName: 'Mine', keyTtlMinutes: 10 } }));
    await fakeBrowser.storage.managed.set({ consoleHost: 'acme.myshn.eu', keyTtlMinutes: 5 });
    const v = await view();
    expect(v.state.settings).toMatchObject({
      consoleHost: 'acme.myshn.eu',
      keyTtlMinutes: 5,
      instanceName: 'Mine',
    });
    expect(v.managed).toEqual({ fields: ['consoleHost', 'keyTtlMinutes'], locked: false });
    expect(await loadSettings()).toEqual(v.state.settings);
    // never copied into the admin's own settings
    expect((await loadState()).settings).toMatchObject({ consoleHost: 'www.myshn.net', keyTtlMinutes: 10 });
  });

  it('are not managed when the browser throws (Firefox without a policy for the extension)', async () => {
    const get = vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('no manifest'));
    expect((await view()).managed).toEqual({ fields: [], locked: false });
    get.mockRestore();
  });
});

describe('the state in pieces', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    dropCache();
  });
  const cap = { at: 1, from: 'x' };

  it('writes one record per capture, and reads the older single-entry layout', async () => {
    await fakeBrowser.storage.local.set({
      onboarding: { version: 1, current: WS1, records: { [WS1]: { workspaceId: WS1 } }, draft: {} },
    });
    expect(Object.keys((await loadState()).records)).toEqual([WS1]);
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored[`ws:${WS1}`]).toEqual({ workspaceId: WS1 });
    expect((stored.onboarding as Record<string, unknown>).records).toBeUndefined();
    const writes: string[][] = [];
    fakeBrowser.storage.local.onChanged.addListener((c) => writes.push(Object.keys(c)));
    await update((s) => withIds(s, { workspaceId: WS2 }, cap));
    // the new record and the index (its `current` changed); the other record is not rewritten
    expect(writes).toEqual([['onboarding', `ws:${WS2}`]]);
  });

  it('sees a write it did not make (another page of the extension, a test)', async () => {
    await update((s) => withIds(s, { workspaceId: WS1 }, cap));
    await fakeBrowser.storage.local.set({
      [`ws:${WS1}`]: { workspaceId: WS1, organizationId: 'org-p13k3klgno5cqxbf0q8hpgrk' },
    });
    expect((await loadState()).records[WS1]?.organizationId).toBe('org-p13k3klgno5cqxbf0q8hpgrk');
  });

  it('runs a change inside a task that runs alone without waiting for itself', async () => {
    const done = await Promise.race([
      exclusive(() => updateNow((s) => withIds(s, { workspaceId: WS1 }, cap))).then(() => 'done'),
      new Promise((r) => setTimeout(() => r('stuck'), 1000)),
    ]);
    expect(done).toBe('done');
    expect(Object.keys((await loadState()).records)).toEqual([WS1]);
  });
});
