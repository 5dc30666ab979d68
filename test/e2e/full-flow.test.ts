/**
 * The whole job in one browser session: IDs from the settings page, a new key copied and handed
 * over, the Skyhigh form filled from the popup. Then the secret must be nowhere: not in the
 * profile on disk, not in any console, not in any URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture, createKey, FLOW_KEY, FLOW_URL, flowPage, handOver, SETTINGS_URL, stateOf } from './flows';
import { buildWithGrantedHosts, clickByName, filesContaining, type Harness, launch, until } from './harness';

const CONSOLE_URL = 'https://www.myshn.net/shndash/#/settings/service-management/openai-chatgpt/new';
/** A part of the key that nothing else contains, to catch a copy of it even cut short. */
const KEY_PART = FLOW_KEY.slice(20, 52);

describe('the whole flow', () => {
  let h: Harness;
  beforeAll(async () => {
    // the access check needs api.chatgpt.com, which automation cannot grant through the prompt
    h = await launch({ extensionDir: buildWithGrantedHosts(['https://api.chatgpt.com/*']) });
    await h.context.route('https://api.chatgpt.com/**', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"data":[]}' }),
    );
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: 'https://platform.openai.com',
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('reads, guards, hands over and fills, then forgets the key everywhere', async () => {
    h.serve(SETTINGS_URL, capture('chatgpt-settings', 'en-general-dl'));
    h.serve(FLOW_URL, flowPage());
    h.serve(CONSOLE_URL, capture('skyhigh-form', 'label-for'));

    const settings = await h.context.newPage();
    await settings.goto(SETTINGS_URL);
    expect(await until(async () => (await stateOf(h)).state.current, 5000)).toBe(
      'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0',
    );

    const keys = await h.context.newPage();
    await keys.goto(FLOW_URL);
    await createKey(keys);
    expect(await clickByName(keys, 'Copy key')).toBe(true);
    expect(await handOver(keys)).toBe(true);
    expect(await until(async () => (await stateOf(h)).secretHeldUntil, 3000)).toBeGreaterThan(Date.now());
    await keys.click('#done');
    expect(
      await until(
        async () => (await stateOf(h)).state.records['f7f33107-5fb9-4ee1-8922-3eae76b5b5a0']?.key?.createdBy,
        5000,
      ),
    ).toBe('Grace Hopper');

    // the popup: IDs, key details and the support e-mail, whose mailto: decodes back to its text
    let popup = await h.openPopup();
    expect(await popup.locator('[data-field="createdBy"]').textContent()).toBe('Grace Hopper');
    expect(await popup.locator('[data-step="createKey"]').getAttribute('data-status')).toBe('done');
    expect(await popup.locator('[data-step="keepKey"]').getAttribute('data-status')).toBe('done');
    const body = (await popup.locator('[data-email="body"]').textContent()) ?? '';
    const mailto = (await popup.locator('[data-mail="mailto"]').getAttribute('href')) ?? '';
    const query = new URLSearchParams(mailto.slice(mailto.indexOf('?') + 1).replace(/\+/g, '%2B'));
    expect(
      `To: support@openai.com\nSubject: ${query.get('subject')}\n\n${query.get('body')?.replace(/\r\n/g, '\n')}`,
    ).toBe(body);
    for (const v of [
      'zKzy',
      'Skyhigh CASB compliance',
      'Grace Hopper',
      'READ, DELETE',
      'org-p13k3klgno5cqxbf0q8hpgrk',
    ]) {
      expect(query.get('body')).toContain(v);
    }
    expect(mailto).not.toContain(KEY_PART);
    await popup.getByRole('button', { name: 'I sent the e-mail' }).click();
    await expect
      .poll(() => popup.locator('[data-step="scopes"]').getAttribute('data-status'))
      .toBe('waiting');
    // the access check with the held key: 200 from the (fake) Compliance API completes the step
    await popup.getByRole('button', { name: 'Check access' }).click();
    await expect
      .poll(() => popup.locator('[data-access-result]').getAttribute('data-access-result'))
      .toBe('ok');
    await expect.poll(() => popup.locator('[data-step="scopes"]').getAttribute('data-status')).toBe('done');
    await popup.close();

    const skyhigh = await h.context.newPage();
    await skyhigh.goto(CONSOLE_URL);
    expect(
      await until(
        async () => ((await h.storage('session')).consoleTabs as number[] | undefined)?.length,
        5000,
      ),
    ).toBe(1);

    popup = await h.openPopup();
    await popup.getByRole('button', { name: 'Open Skyhigh CASB and fill' }).click();
    expect(await until(async () => (await skyhigh.inputValue('#key')) === FLOW_KEY, 5000)).toBe(true);
    expect(await skyhigh.inputValue('#ws')).toBe('f7f33107-5fb9-4ee1-8922-3eae76b5b5a0');
    expect(await skyhigh.inputValue('#org')).toBe('org-p13k3klgno5cqxbf0q8hpgrk');
    expect(await skyhigh.inputValue('#inst')).toBe('ChatGPT Enterprise');
    expect(await skyhigh.inputValue('#global-search')).toBe('');

    const after = await until(async () => {
      const v = await stateOf(h);
      return v.lastHandoff?.status === 'filled' ? v : null;
    }, 5000);
    expect(after?.secretHeldUntil).toBeNull();
    expect((await h.storage('session')).secret).toBeUndefined();
    await popup.reload();
    expect(await popup.locator('[data-step="skyhigh"]').getAttribute('data-status')).toBe('done');
    expect(await popup.locator('[data-progress]').getAttribute('data-progress')).toBe('6/6');
    expect(await popup.locator('[data-field="secretHeld"]').count()).toBe(0);

    // the page and the popup are the only places the key was ever shown or typed
    await keys.close();
    await skyhigh.close();
    await popup.close();
    await settings.close();
    await h.closeBrowser();
    expect(filesContaining(h.profileDir, KEY_PART)).toEqual([]);
    expect(h.consoleMessages.filter((m) => m.includes(KEY_PART))).toEqual([]);
    expect(h.requests.filter((u) => u.includes(KEY_PART))).toEqual([]);
    // on the network, the key went only into the access check's Authorization header
    const carried = h.fullRequests.filter((r) => JSON.stringify(r).includes(KEY_PART));
    expect(carried.map((r) => new URL(r.url).host)).toEqual(['api.chatgpt.com']);
    expect(carried[0]?.headers.authorization).toBe(`Bearer ${FLOW_KEY}`);
    expect(carried[0]?.body).toBe('');
    // and the extension asked the sites for nothing of its own: every request is a page the admin
    // opened, the browser's own favicon fetch, or the access check
    const opened = new Set([SETTINGS_URL, FLOW_URL, CONSOLE_URL.split('#')[0]]);
    const others = h.requests.filter(
      (u) =>
        !u.startsWith('chrome-extension://') &&
        !opened.has(u) &&
        !u.endsWith('/favicon.ico') &&
        !u.startsWith('https://api.chatgpt.com/v1/compliance/'),
    );
    expect(others).toEqual([]);
  });
});
