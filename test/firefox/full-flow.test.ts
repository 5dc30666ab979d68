/**
 * The whole job in one Firefox session: IDs from the settings page, a new key (its close stopped
 * once, then copied and handed over), the support e-mail and the access check in the popup (access
 * to api.chatgpt.com granted on the click), the Skyhigh form filled from the popup. Then the secret
 * must be nowhere: not in the profile on disk (session store and extension storage included), not
 * in any console, not in any URL or request but the access check's.
 */
import { describe, expect, it } from 'vitest';
import { filesContaining } from '../shared/files';
import {
  CONSOLE_URL,
  capture,
  createKeyIn,
  FLOW_KEY,
  FLOW_URL,
  fillFromPopup,
  flowPage,
  handOverIn,
  mailtoAsText,
  ORGANIZATION_ID,
  SETTINGS_URL,
  WORKSPACE_ID,
} from './flows';
import { isBrowserOwn, until, useFirefox } from './harness';
import { decodeProfileFile } from './mozlz4';
import { accessibleNames, clickByName, visibleTexts } from './shadow';

/** A part of the key that nothing else contains, to catch a copy of it even cut short. */
const KEY_PART = FLOW_KEY.slice(20, 52);

describe('the whole flow (Firefox)', () => {
  const h = useFirefox({}, { resetEach: false });

  it('reads, guards, hands over and fills, then forgets the key everywhere', async () => {
    h.serve(SETTINGS_URL, capture('chatgpt-settings', 'en-general-dl'));
    h.serve(FLOW_URL, flowPage());
    h.serve(CONSOLE_URL, capture('skyhigh-form', 'label-for'));
    const api: { url: string; authorization: string }[] = [];
    h.routes.push((r) => {
      if (!r.url.startsWith('https://api.chatgpt.com/')) return undefined;
      api.push({ url: r.url, authorization: r.headers.authorization ?? '' });
      return { body: '{"data":[]}', contentType: 'application/json' };
    });
    const state = () => h.command({ type: 'state/get' });

    const settings = await h.open(SETTINGS_URL);
    expect(await until(async () => (await state()).state.current, 10_000)).toBe(WORKSPACE_ID);

    // the key: the close is stopped once before the copy, then copied, handed over, closed
    const keys = await h.open(FLOW_URL);
    await createKeyIn(keys);
    await keys.click('#done');
    expect(await until(async () => (await accessibleNames(keys)).includes('Close anyway'), 5000)).toBe(true);
    expect(await keys.$('#done'), 'the dialog stays open').not.toBeNull();
    expect(await visibleTexts(keys)).toContain('You have not copied the key. Close anyway?');
    expect(await clickByName(keys, 'Copy key')).toBe(true);
    expect(await until(async () => (await visibleTexts(keys)).some((t) => /copied/i.test(t)), 5000)).toBe(
      true,
    );
    expect(await handOverIn(keys)).toBe(true);
    expect(await until(async () => (await state()).secretHeldUntil, 5000)).toBeGreaterThan(Date.now());
    await keys.click('#done');
    expect(await until(async () => (await state()).state.records[WORKSPACE_ID]?.key?.createdBy, 10_000)).toBe(
      'Grace Hopper',
    );

    // the popup: key details and the support e-mail, whose mailto: decodes back to its text
    let popup = await h.openPopup();
    const attr = (sel: string, name: string) =>
      popup.$eval(sel, (e, n) => e.getAttribute(n as string), name).catch(() => null);
    const text = (sel: string) => popup.$eval(sel, (e) => e.textContent ?? '').catch(() => null);
    expect(await text('[data-field="createdBy"]')).toBe('Grace Hopper');
    expect(await attr('[data-step="createKey"]', 'data-status')).toBe('done');
    expect(await attr('[data-step="keepKey"]', 'data-status')).toBe('done');
    const email = mailtoAsText((await attr('[data-mail="mailto"]', 'href')) ?? '');
    expect(email.text).toBe(await text('[data-email="body"]'));
    for (const v of ['zKzy', 'Skyhigh CASB compliance', 'Grace Hopper', 'READ, DELETE', ORGANIZATION_ID])
      expect(email.body).toContain(v);
    expect(email.text).not.toContain(KEY_PART);
    expect(await clickByName(popup, 'I sent the e-mail')).toBe(true);
    expect(
      await until(async () => (await attr('[data-step="scopes"]', 'data-status')) === 'waiting', 5000),
    ).toBe(true);

    // the access check with the held key: access to api.chatgpt.com is asked for on the click
    // (granted at once: extensions.webextOptionalPermissionPrompts=false), then the background asks
    expect(await h.grantedOrigins()).not.toContain('https://api.chatgpt.com/*');
    expect(await clickByName(popup, 'Check access')).toBe(true);
    expect(await until(() => attr('[data-access-result]', 'data-access-result'), 15_000)).toBe('ok');
    expect(
      await until(async () => (await attr('[data-step="scopes"]', 'data-status')) === 'done', 5000),
    ).toBe(true);
    expect(await h.grantedOrigins()).toContain('https://api.chatgpt.com/*');
    expect(api).toEqual([
      {
        url: `https://api.chatgpt.com/v1/compliance/workspaces/${WORKSPACE_ID}/users?limit=1`,
        authorization: `Bearer ${FLOW_KEY}`,
      },
    ]);
    await popup.close();

    // the console: its content script says hello, then the popup's button fills its form
    const filled = await fillFromPopup(h, FLOW_KEY);
    ({ popup } = filled);
    const { skyhigh } = filled;

    // then the key is forgotten
    const after = await until(async () => {
      const v = await state();
      return v.lastHandoff?.status === 'filled' ? v : null;
    }, 10_000);
    expect(after?.secretHeldUntil).toBeNull();
    expect((await h.storage('session')).secret).toBeUndefined();
    await popup.close();
    popup = await h.openPopup();
    expect(await attr('[data-step="skyhigh"]', 'data-status')).toBe('done');
    expect(await attr('[data-progress]', 'data-progress')).toBe('6/6');
    expect(await popup.$('[data-field="secretHeld"]')).toBeNull();

    // the page and the popup are the only places the key was ever shown or typed
    for (const p of [keys, skyhigh, popup, settings]) await p.close();
    await h.closeBrowser();
    // the scan reads what Firefox writes: the record (with the workspace ID) is found in the
    // extension's storage.local, and the session store decompressed holds the pages' URLs
    expect(filesContaining(h.profileDir, WORKSPACE_ID, decodeProfileFile).length).toBeGreaterThan(0);
    expect(
      filesContaining(h.profileDir, 'platform.openai.com/api-keys', decodeProfileFile).some((f) =>
        f.includes('sessionstore'),
      ),
    ).toBe(true);
    expect(filesContaining(h.profileDir, KEY_PART, decodeProfileFile)).toEqual([]);
    expect(h.consoleMessages.filter((m) => m.includes(KEY_PART))).toEqual([]);
    expect(h.requests.filter((u) => u.includes(KEY_PART))).toEqual([]);
    // on the network, the key went only into the access check's Authorization header
    const carried = h.fullRequests.filter((r) => JSON.stringify(r).includes(KEY_PART));
    expect(carried.map((r) => new URL(r.url).host)).toEqual(['api.chatgpt.com']);
    expect(carried[0]?.body).toBe('');
    // and the extension asked the sites for nothing of its own
    const opened = new Set([SETTINGS_URL, FLOW_URL, CONSOLE_URL.split('#')[0]]);
    const others = h.requests.filter(
      (u) =>
        !opened.has(u) &&
        !u.endsWith('/favicon.ico') &&
        !u.startsWith('https://api.chatgpt.com/v1/compliance/') &&
        !isBrowserOwn(u),
    );
    expect(others).toEqual([]);
  });
});
