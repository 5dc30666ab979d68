/**
 * Check access from the popup in Firefox: access to api.chatgpt.com is granted on the click (each
 * test starts without it), then the background's request goes to a fake of the Compliance API.
 */
import type { Page } from 'puppeteer-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Served } from '../shared/served';
import { attributeOf, fieldByLabel } from './flows';
import { until, useFirefox } from './harness';
import { clickByName } from './shadow';

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const KEY = 'sk-mOWgzQSVHpR49ZjT3v6SdNrmFAH16bK9nO7XPyqAOX2KL3Ad';
const API = `https://api.chatgpt.com/v1/compliance/workspaces/${WS}/users?limit=1`;
const PERMISSION = 'https://api.chatgpt.com/*';

type Answer = { status: number; body?: unknown } | 'network-failure';

describe('Check access (Firefox)', () => {
  const h = useFirefox();
  let answer: Answer = { status: 200 };
  const seen: { url: string; authorization: string | undefined; method?: string }[] = [];

  beforeEach(async () => {
    seen.length = 0;
    await h.revokeOrigins([PERMISSION]);
    h.routes.push((r): Served | 'network-failure' | undefined => {
      if (!r.url.startsWith('https://api.chatgpt.com/')) return undefined;
      seen.push({
        url: r.url,
        authorization: r.headers.authorization,
        ...(r.method === 'GET' ? {} : { method: r.method }),
      });
      if (answer === 'network-failure') return answer;
      return {
        status: answer.status,
        contentType: 'application/json',
        body: JSON.stringify(answer.body ?? {}),
      };
    });
  });

  async function check(a: Answer, how: 'held' | 'pasted' = 'held'): Promise<Page> {
    answer = a;
    await h.command({ type: 'ids/set', workspaceId: WS });
    if (how === 'held') await h.command({ type: 'secret/hold', secret: KEY });
    const popup = await h.openPopup();
    if (how === 'pasted')
      await (await fieldByLabel(popup, 'Key to check (used once for this check, kept nowhere)')).type(KEY);
    expect(await h.grantedOrigins()).not.toContain(PERMISSION);
    expect(await clickByName(popup, 'Check access')).toBe(true);
    expect(
      await until(() => attributeOf(popup, '[data-access-result]', 'data-access-result'), 20_000, 150),
    ).toBeTruthy();
    // asked for on the click, and granted (extensions.webextOptionalPermissionPrompts=false)
    expect(await h.grantedOrigins()).toContain(PERMISSION);
    return popup;
  }

  const result = (p: Page) => attributeOf(p, '[data-access-result]', 'data-access-result');
  const words = (p: Page) => p.$eval('[data-access-result]', (e) => e.textContent ?? '');
  const step = (p: Page) => attributeOf(p, '[data-step="scopes"]', 'data-status');

  it('200: read access works, and the step is done', async () => {
    const p = await check({ status: 200, body: { data: [{ email: 'ada@example.com' }] } });
    expect(await result(p)).toBe('ok');
    expect(await words(p)).toContain('Read access works');
    expect(await until(async () => (await step(p)) === 'done', 5000)).toBe(true);
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
  ] as const)('%s %j: says so in plain words', async (status, body, expected, plain) => {
    const p = await check({ status, body });
    expect(await result(p)).toBe(expected);
    expect(await words(p)).toContain(plain);
    expect(await words(p)).not.toContain('secret internals');
    expect(await step(p)).not.toBe('done');
  });

  it('a network failure points to the IP allowlist or a proxy', async () => {
    const p = await check('network-failure');
    expect(await result(p)).toBe('blocked');
    expect(await words(p)).toContain('IP allowlist');
  });

  it('a key pasted for the check is used once and kept nowhere', async () => {
    const p = await check({ status: 200 }, 'pasted');
    expect(await result(p)).toBe('ok');
    expect(seen[0]?.authorization).toBe(`Bearer ${KEY}`);
    expect((await h.command({ type: 'state/get' })).secretHeldUntil).toBeNull();
    expect(JSON.stringify(await h.storage('session'))).not.toContain(KEY);
    expect(JSON.stringify(await h.storage('local'))).not.toContain(KEY);
    expect(
      await (await fieldByLabel(p, 'Key to check (used once for this check, kept nowhere)')).evaluate(
        (e) => e.value,
      ),
    ).toBe('');
  });

  describe('Check delete permission', () => {
    const ROUTE = new RegExp(
      `^https://api\\.chatgpt\\.com/v1/compliance/workspaces/${WS}/conversations/([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$`,
    );
    const deleteResult = (p: Page) => attributeOf(p, '[data-delete-result]', 'data-delete-result');
    const deleteWords = (p: Page) => p.$eval('[data-delete-result]', (e) => e.textContent ?? '');

    async function checkDelete(a: Answer): Promise<Page> {
      answer = a;
      await h.command({ type: 'ids/set', workspaceId: WS });
      await h.command({ type: 'secret/hold', secret: KEY });
      const popup = await h.openPopup();
      expect(await clickByName(popup, 'Check delete permission')).toBe(true);
      // the click explains first; nothing is sent until the admin sends it
      expect(
        await until(
          () => popup.$eval('[data-delete-explained]', (e) => e.textContent ?? '').catch(() => null),
          5000,
        ),
      ).toContain('audit log');
      expect(seen).toEqual([]);
      expect(await clickByName(popup, 'Send the check')).toBe(true);
      expect(await until(() => deleteResult(popup), 20_000, 150)).toBeTruthy();
      return popup;
    }

    it.each([
      [403, 'no-delete', 'lacks the delete permission'],
      [404, 'delete-accepted', 'accepted on a delete route'],
      [422, 'delete-accepted', 'not a guarantee'],
      [401, 'unauthorized', 'wrong or was revoked'],
      [500, 'other', 'HTTP 500'],
    ] as const)('%s: %s, in plain words', async (status, expected, plain) => {
      const p = await checkDelete({ status, body: { error: { message: 'secret internals' } } });
      expect(await deleteResult(p)).toBe(expected);
      expect(await deleteWords(p)).toContain(plain);
      expect(await deleteWords(p)).not.toContain('secret internals');
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ method: 'DELETE', authorization: `Bearer ${KEY}` });
      expect(seen[0]?.url).toMatch(ROUTE);
      const id = ROUTE.exec(seen[0]?.url ?? '')?.[1] as string;
      expect(JSON.stringify([await h.storage('local'), await h.storage('session')])).not.toContain(id);
      expect(await p.content()).not.toContain(id);
    });
  });
});
