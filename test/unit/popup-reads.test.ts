/**
 * The popup reads storage itself for its first frame (src/ui/api.ts `snapshot`). Chrome lets every
 * extension page read storage.session, so nothing but this code keeps the popup from the secret:
 * it must ask storage.session for the hand-off and the notice by name, never for everything and
 * never for the secret, and leave a held key to the background.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// src/ui/api.ts takes `chrome` when it is loaded: a stand-in that forwards to the browser of the
// test, set before the import (loading modules inside a test would hide their constants from the
// mutation run's static analysis)
const current = vi.hoisted(() => {
  const holder: { browser: Record<string | symbol, unknown> } = { browser: {} };
  const g = globalThis as Record<string, unknown>;
  g.browser = undefined;
  g.chrome = new Proxy({}, { get: (_, p) => holder.browser[p] });
  return holder;
});
const { snapshot } = await import('../../src/ui/api');

const KEY = 'sk-mOWgzQSVHpR49ZjT3v6SdNrmFAH16bK9nO7XPyqAOX2KL3Ad';

/** The browser as the popup sees it, noting what storage.session is asked for. */
function spiedBrowser(asked: unknown[]) {
  const session = fakeBrowser.storage.session;
  return {
    ...fakeBrowser,
    storage: {
      ...fakeBrowser.storage,
      session: {
        ...session,
        getKeys: async () => Object.keys(await session.get(null)),
        get: async (keys?: string | string[] | null) => {
          asked.push(keys ?? null);
          return session.get(keys ?? null);
        },
      },
    },
  };
}

function popupSnapshot(asked: unknown[]) {
  current.browser = spiedBrowser(asked);
  return snapshot();
}

describe("the popup's own read of storage", () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks storage.session for the hand-off and the notice only', async () => {
    const asked: unknown[] = [];
    const snap = await popupSnapshot(asked);
    expect(snap?.state.records).toEqual({});
    expect(snap?.secretHeldUntil).toBeNull();
    expect(asked).toEqual([['handoff', 'notice']]);
  });

  it('never reads a held key: it leaves that state to the background', async () => {
    await fakeBrowser.storage.session.set({ secret: { value: KEY, expiresAt: Date.now() + 60_000 } });
    const asked: unknown[] = [];
    const snap = await popupSnapshot(asked);
    expect(snap).toBeUndefined();
    expect(asked).toEqual([['handoff', 'notice']]);
    expect(JSON.stringify(asked)).not.toContain('secret');
  });
});
