/** Check access from the popup against a local fake of the Compliance API (answers served by routes). */
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stateOf } from './flows';
import { buildWithGrantedHosts, type Harness, launch } from './harness';

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const KEY = 'sk-mOWgzQSVHpR49ZjT3v6SdNrmFAH16bK9nO7XPyqAOX2KL3Ad';
const API = `https://api.chatgpt.com/v1/compliance/workspaces/${WS}/users?limit=1`;

type Answer = { status: number; body?: unknown } | 'network-failure';

describe('Check access', () => {
  let h: Harness;
  let answer: Answer = { status: 200 };
  const seen: { url: string; authorization: string | undefined; method?: string }[] = [];

  beforeAll(async () => {
    h = await launch({ extensionDir: buildWithGrantedHosts(['https://api.chatgpt.com/*']) });
    await h.context.route('https://api.chatgpt.com/**', async (route: Route) => {
      const r = route.request();
      seen.push({
        url: r.url(),
        authorization: r.headers().authorization,
        ...(r.method() === 'GET' ? {} : { method: r.method() }),
      });
      if (answer === 'network-failure') return route.abort('connectionrefused');
      await route.fulfill({
        status: answer.status,
        contentType: 'application/json',
        body: JSON.stringify(answer.body ?? {}),
      });
    });
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await h.reset();
    seen.length = 0;
  });

  async function check(a: Answer, how: 'held' | 'pasted' = 'held'): Promise<Page> {
    answer = a;
    const popup = await h.openPopup();
    const send = (m: unknown) =>
      // biome-ignore lint/suspicious/noExplicitAny: the extension page's chrome.* global
      popup.evaluate((msg) => (globalThis as any).chrome.runtime.sendMessage(msg), m);
    await send({ type: 'ids/set', workspaceId: WS });
    if (how === 'held') await send({ type: 'secret/hold', secret: KEY });
    await popup.reload();
    if (how === 'pasted')
      await popup.getByLabel('Key to check (used once for this check, kept nowhere)').fill(KEY);
    await popup.getByRole('button', { name: 'Check access' }).click();
    await popup.locator('[data-access-result]').waitFor();
    return popup;
  }

  const result = (p: Page) => p.locator('[data-access-result]');

  it('200: read access works, and the step is done', async () => {
    const p = await check({ status: 200, body: { data: [{ email: 'ada@example.com' }] } });
    expect(await result(p).getAttribute('data-access-result')).toBe('ok');
    expect(await result(p).textContent()).toContain('Read access works');
    await expect.poll(() => p.locator('[data-step="scopes"]').getAttribute('data-status')).toBe('done');
    expect(seen).toEqual([{ url: API, authorization: `Bearer ${KEY}` }]);
    // nothing of the answer is kept
    expect(JSON.stringify(await h.storage('local'))).not.toContain('ada@example.com');
    expect(JSON.stringify(await h.storage('session'))).not.toContain('ada@example.com');
  });

  it.each([
    [401, { error: { code: 'invalid_api_key' } }, 'unauthorized', 'wrong or was revoked'],
    [403, { error: { code: 'insufficient_permissions' } }, 'forbidden', 'not granted yet'],
    [404, { error: { code: 'not_found' } }, 'not-found', 'does not know this Workspace ID'],
    [403, { error: { code: 'ip_not_allowed' } }, 'ip-blocked', 'IP allowlist refused this request'],
    [429, { error: { code: 'rate_limit_exceeded' } }, 'rate-limited', 'Try again in a minute'],
    [500, { error: { message: 'secret internals' } }, 'other', 'HTTP 500'],
  ] as const)('%s %j: says so in plain words', async (status, body, expected, words) => {
    const p = await check({ status, body });
    expect(await result(p).getAttribute('data-access-result')).toBe(expected);
    expect(await result(p).textContent()).toContain(words);
    expect(await result(p).textContent()).not.toContain('secret internals');
    expect(await p.locator('[data-step="scopes"]').getAttribute('data-status')).not.toBe('done');
  });

  it('a network failure points to the IP allowlist or a proxy', async () => {
    const p = await check('network-failure');
    expect(await result(p).getAttribute('data-access-result')).toBe('blocked');
    expect(await result(p).textContent()).toContain('IP allowlist');
  });

  it('a key pasted for the check is used once and kept nowhere', async () => {
    const p = await check({ status: 200 }, 'pasted');
    expect(await result(p).getAttribute('data-access-result')).toBe('ok');
    expect(seen[0]?.authorization).toBe(`Bearer ${KEY}`);
    expect((await stateOf(h)).secretHeldUntil).toBeNull();
    expect(JSON.stringify(await h.storage('session'))).not.toContain(KEY);
    expect(JSON.stringify(await h.storage('local'))).not.toContain(KEY);
    expect(await p.getByLabel('Key to check (used once for this check, kept nowhere)').inputValue()).toBe('');
  });

  describe('Check delete permission', () => {
    const ROUTE = new RegExp(
      `^https://api\\.chatgpt\\.com/v1/compliance/workspaces/${WS}/conversations/([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$`,
    );

    async function checkDelete(a: Answer): Promise<Page> {
      answer = a;
      const popup = await h.openPopup();
      const send = (m: unknown) =>
        // biome-ignore lint/suspicious/noExplicitAny: the extension page's chrome.* global
        popup.evaluate((msg) => (globalThis as any).chrome.runtime.sendMessage(msg), m);
      await send({ type: 'ids/set', workspaceId: WS });
      await send({ type: 'secret/hold', secret: KEY });
      await popup.reload();
      await popup.getByRole('button', { name: 'Check delete permission' }).click();
      // the click explains first; nothing is sent until the admin sends it
      expect(await popup.locator('[data-delete-explained]').textContent()).toContain('audit log');
      expect(seen).toEqual([]);
      await popup.getByRole('button', { name: 'Send the check' }).click();
      await popup.locator('[data-delete-result]').waitFor();
      return popup;
    }
    const deleteResult = (p: Page) => p.locator('[data-delete-result]');

    it.each([
      [403, 'no-delete', 'lacks the delete permission'],
      [404, 'delete-accepted', 'accepted on a delete route'],
      [400, 'delete-accepted', 'not a guarantee'],
      [422, 'delete-accepted', 'accepted on a delete route'],
      [401, 'unauthorized', 'wrong or was revoked'],
      [429, 'rate-limited', 'Try again in a minute'],
      [500, 'other', 'HTTP 500'],
    ] as const)('%s: %s, in plain words', async (status, expected, plain) => {
      const p = await checkDelete({ status, body: { error: { message: 'secret internals' } } });
      expect(await deleteResult(p).getAttribute('data-delete-result')).toBe(expected);
      expect(await deleteResult(p).textContent()).toContain(plain);
      expect(await deleteResult(p).textContent()).not.toContain('secret internals');
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ method: 'DELETE', authorization: `Bearer ${KEY}` });
      expect(seen[0]?.url).toMatch(ROUTE);
    });

    it('a network failure is worded as Check access words it', async () => {
      const p = await checkDelete('network-failure');
      expect(await deleteResult(p).getAttribute('data-delete-result')).toBe('blocked');
      expect(await deleteResult(p).textContent()).toContain('IP allowlist');
    });

    it('the conversation ID is a fresh random UUID each time, on no page and in no storage', async () => {
      const first = await checkDelete({ status: 404 });
      await first.getByRole('button', { name: 'Check delete permission' }).click();
      await first.getByRole('button', { name: 'Send the check' }).click();
      await expect.poll(() => seen.length).toBe(2);
      const ids = seen.map((r) => ROUTE.exec(r.url)?.[1]);
      expect(ids[0]).toBeTruthy();
      expect(ids[1]).toBeTruthy();
      expect(ids[0]).not.toBe(ids[1]);
      const stored = JSON.stringify([await h.storage('local'), await h.storage('session')]);
      const pages = await Promise.all(h.context.pages().map((pg) => pg.content()));
      for (const id of ids) {
        expect(stored).not.toContain(id);
        for (const html of pages) expect(html).not.toContain(id);
        expect(id).not.toBe(WS);
      }
    });
  });
});
