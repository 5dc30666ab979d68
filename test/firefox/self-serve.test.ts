/**
 * The self-serve path in one Firefox session, the counterpart of test/e2e/self-serve.test.ts: IDs
 * from the settings page, the path chosen in the popup, an Admin key's one-time view in the Admin
 * Console handed over, the popup showing the key's facts and asking for no e-mail, the Skyhigh form
 * filled from the popup: all 4 of that path's steps done. Then the secret must be nowhere: not in
 * the profile on disk (session store and extension storage included), not in any console, not in
 * any URL or request.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { expiryDate } from '../../src/core/expiry';
import { filesContaining } from '../shared/files';
import {
  ADMIN_KEY,
  ADMIN_KEYS_URL,
  adminKeyPage,
  attributeOf,
  CONSOLE_URL,
  capture,
  DAY,
  fillFromPopup,
  handOverIn,
  SETTINGS_URL,
  WORKSPACE_ID,
} from './flows';
import { isBrowserOwn, until, useFirefox } from './harness';
import { decodeProfileFile } from './mozlz4';
import { visibleTexts } from './shadow';

/** A part of the key that nothing else contains, to catch a copy of it even cut short. */
const KEY_PART = ADMIN_KEY.slice(12, 44);
/** Service Management of the ChatGPT service, where Skyhigh lists the instance and its status. */
const STATUS_URL = 'https://www.myshn.net/shndash/#/settings/service-management/openai-chatgpt';

describe('the self-serve path (Firefox)', () => {
  const h = useFirefox({}, { resetEach: false });

  it('hands an Admin key over without an e-mail, all of its steps done, then forgets the key everywhere', async () => {
    const day = new Date(Date.now() + 60 * DAY);
    const expires = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
    h.serve(SETTINGS_URL, capture('chatgpt-settings', 'en-general-dl'));
    h.serve(ADMIN_KEYS_URL, adminKeyPage(expires));
    h.serve(CONSOLE_URL, capture('skyhigh-form', 'label-for'));
    const state = () => h.command({ type: 'state/get' });
    const record = async () => (await state()).state.records[WORKSPACE_ID];

    const settings = await h.open(SETTINGS_URL);
    expect(await until(async () => (await state()).state.current, 10_000)).toBe(WORKSPACE_ID);

    // before any key: the admin chooses the self-serve path; the e-mail and the wait are not asked for
    let popup = await h.openPopup();
    const steps = (p: Page) =>
      p.$$eval('[data-step]', (els) =>
        els.map((e) => `${e.getAttribute('data-step')}:${e.getAttribute('data-status')}`),
      );
    expect(await until(async () => (await steps(popup)).includes('email:todo'), 5000)).toBe(true);
    await popup.click('input[name="key-path"][value="self-serve"]');
    expect(await until(async () => ((await steps(popup)).length === 4 ? steps(popup) : null), 5000)).toEqual([
      'createKey:todo',
      'keepKey:todo',
      'ids:done',
      'skyhigh:todo',
    ]);
    expect(await attributeOf(popup, '[data-progress]', 'data-progress')).toBe('1/4');
    expect(await attributeOf(popup, '[data-step="createKey"] a', 'href')).toBe('https://admin.openai.com/');
    expect((await record())?.path).toBe('self-serve');
    await popup.close();

    // the Admin key's one-time view in the Admin Console: its facts noted, the key handed over,
    // then the view is closed
    const keys = await h.open(ADMIN_KEYS_URL);
    expect(await until(async () => (await record())?.key?.last4, 10_000)).toBe('8NWM');
    expect((await record())?.key).toMatchObject({
      site: 'admin-console',
      expires,
      workspaceName: 'Acme Corp',
      permissions: 'All',
    });
    expect(await handOverIn(keys)).toBe(true);
    expect(await until(async () => (await state()).secretHeldUntil, 5000)).toBeGreaterThan(Date.now());
    await keys.evaluate(() => document.querySelector('#one-time')?.remove());
    expect(await until(async () => (await record())?.key?.createdBy, 10_000)).toBe('Grace Hopper');

    // the popup: last 4, expiry, permissions, workspace; the path is the key's, no e-mail anywhere
    popup = await h.openPopup();
    const text = (sel: string) => popup.$eval(sel, (e) => e.textContent ?? '').catch(() => null);
    expect(await until(() => text('[data-field="keyLast4"]'), 5000)).toBe('8NWM');
    expect(await text('[data-field="expires"]')).toBe(expiryDate(expires));
    expect(await text('[data-field="permissions"]')).toBe('All');
    expect(await text('[data-field="workspaceName"]')).toBe('Acme Corp');
    expect(await attributeOf(popup, '[data-path]', 'data-path')).toBe('self-serve');
    expect(await steps(popup)).toEqual(['createKey:done', 'keepKey:done', 'ids:done', 'skyhigh:todo']);
    expect(await attributeOf(popup, '[data-progress]', 'data-progress')).toBe('3/4');
    expect(await popup.$('[data-email="body"]')).toBeNull();
    expect(await popup.$('[data-mail="mailto"]')).toBeNull();
    expect(await popup.$('[data-note="allowlist"]')).not.toBeNull();
    // before the click: which key (last 4, path, expiry), for which workspace, to which console
    const line = (names: string) => text(`[data-handover-line="${names}"]`);
    expect(await line('key')).toContain('8NWM');
    expect(await line('key')).toContain(expiryDate(expires));
    expect(await line('workspace')).toContain(WORKSPACE_ID);
    expect(await line('host')).toContain('www.myshn.net');
    expect(await popup.$('[data-handover-problem]')).toBeNull();
    await popup.close();

    // the console: its content script says hello, then the popup's button fills its form
    const filled = await fillFromPopup(h, ADMIN_KEY);
    ({ popup } = filled);
    const { skyhigh } = filled;

    // then the key is forgotten, and the path's 4 steps are done
    const after = await until(async () => {
      const v = await state();
      return v.lastHandoff?.status === 'filled' ? v : null;
    }, 10_000);
    expect(after?.secretHeldUntil).toBeNull();
    expect((await h.storage('session')).secret).toBeUndefined();
    await popup.close();
    popup = await h.openPopup();
    expect(await until(() => attributeOf(popup, '[data-progress]', 'data-progress'), 5000)).toBe('4/4');
    expect(await text('.progress')).toBe('4 of 4 steps done');
    expect(await popup.$('[data-field="secretHeld"]')).toBeNull();
    const stored = JSON.stringify(await h.storage('local'));
    expect(stored).not.toContain(KEY_PART);
    expect(stored).toContain(`"expires":${expires}`);
    // the console's panel said the same before filling
    expect((await visibleTexts(skyhigh)).some((t) => t.includes('Key ending …8NWM'))).toBe(true);

    // Skyhigh's own word: its Service Management, then an error in its words
    const why = () => text('[data-step="skyhigh"] [data-why]');
    expect(await why()).toBeNull();
    h.serve(STATUS_URL, capture('skyhigh-status', 'list-connected'));
    const status = await h.open(STATUS_URL);
    const seen = async () => (await state()).state.records[WORKSPACE_ID]?.skyhighStatus?.status;
    expect(await until(async () => ((await seen()) === 'ok' ? 'ok' : null), 8000)).toBe('ok');
    await popup.close();
    popup = await h.openPopup();
    expect(await until(() => attributeOf(popup, '[data-step="skyhigh"]', 'data-status'), 5000)).toBe('done');
    expect(await why()).toMatch(/^Connected in Skyhigh CASB \(seen .+\): “Connected”\.$/);
    h.serve(STATUS_URL, capture('skyhigh-status', 'detail-error-detail'));
    await status.reload();
    expect(await until(async () => ((await seen()) === 'error' ? 'error' : null), 8000)).toBe('error');
    await popup.close();
    popup = await h.openPopup();
    expect(await until(() => attributeOf(popup, '[data-step="skyhigh"]', 'data-status'), 5000)).toBe(
      'attention',
    );
    expect(await why()).toContain('“Error: Invalid API key”');
    await status.close();

    // the pages and the popup are the only places the key was ever shown or typed
    for (const p of [keys, skyhigh, popup, settings]) await p.close();
    await h.closeBrowser();
    // the scan reads what Firefox writes: the record in the extension's storage.local, and the
    // session store decompressed with the pages' URLs
    expect(filesContaining(h.profileDir, WORKSPACE_ID, decodeProfileFile).length).toBeGreaterThan(0);
    expect(
      filesContaining(h.profileDir, 'admin.openai.com/workspace/', decodeProfileFile).some((f) =>
        f.includes('sessionstore'),
      ),
    ).toBe(true);
    expect(filesContaining(h.profileDir, KEY_PART, decodeProfileFile)).toEqual([]);
    expect(h.consoleMessages.filter((m) => m.includes(KEY_PART))).toEqual([]);
    // no request carried it: it went only into the Skyhigh form, by messages
    expect(h.fullRequests.filter((r) => JSON.stringify(r).includes(KEY_PART))).toEqual([]);
    // and the extension asked the sites for nothing of its own: the pages opened, nothing else
    const asked = h.requests.filter((u) => !u.endsWith('/favicon.ico') && !isBrowserOwn(u));
    const consolePage = CONSOLE_URL.split('#')[0];
    expect(asked).toEqual([SETTINGS_URL, ADMIN_KEYS_URL, consolePage, consolePage, consolePage]);
  });
});
