/**
 * The self-serve path in one browser session (issue 12): IDs from the settings page, the path chosen
 * in the popup, an Admin key's one-time view in the Admin Console handed over, the popup showing its
 * last 4 and expiry and asking for no e-mail, the Skyhigh form filled: all of that path's steps done.
 * Then the secret must be nowhere: not in the profile on disk, not in any console, not in any URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expiryDate } from '../../src/core/expiry';
import { ADMIN_KEY, ADMIN_KEYS_URL, adminKeyPage, CONSOLE_URL, DAY, WORKSPACE_ID } from '../shared/flows';
import { capture, handOver, SETTINGS_URL, stateOf } from './flows';
import { accessibleNames, clickByName, filesContaining, type Harness, launch, until } from './harness';

/** The workspace test/fixtures/pages/chatgpt-settings/de-table.html shows. */
const OTHER_WORKSPACE_ID = '3b8f2c1e-9d4a-4f6b-a2c3-5e7d9f1b7a84';
const KEY_PART = ADMIN_KEY.slice(12, 44);
/** Service Management of the ChatGPT service, where Skyhigh lists the instance and its status. */
const STATUS_URL = 'https://www.myshn.net/shndash/#/settings/service-management/openai-chatgpt';

describe('the self-serve path', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('hands an Admin key over without an e-mail, all of its steps done, then forgets the key everywhere', async () => {
    const day = new Date(Date.now() + 60 * DAY);
    const expires = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
    h.serve(SETTINGS_URL, capture('chatgpt-settings', 'en-general-dl'));
    h.serve(ADMIN_KEYS_URL, adminKeyPage(expires));
    h.serve(CONSOLE_URL, capture('skyhigh-form', 'label-for'));

    const settings = await h.context.newPage();
    await settings.goto(SETTINGS_URL);
    expect(await until(async () => (await stateOf(h)).state.current, 5000)).toBe(WORKSPACE_ID);

    // before any key: the admin chooses the self-serve path; the e-mail and the wait are not asked for
    let popup = await h.openPopup();
    await expect.poll(() => popup.locator('[data-step="email"]').count()).toBe(1);
    await popup.locator('input[name="key-path"][value="self-serve"]').check();
    await expect.poll(() => popup.locator('[data-step]').count()).toBe(4);
    expect(await popup.locator('[data-step="email"]').count()).toBe(0);
    expect(await popup.locator('[data-step="scopes"]').count()).toBe(0);
    expect(await popup.locator('[data-progress]').getAttribute('data-progress')).toBe('1/4');
    expect(await popup.locator('[data-step="createKey"] a').getAttribute('href')).toBe(
      'https://admin.openai.com/',
    );
    await popup.close();

    // the Admin key's one-time view in the Admin Console: hand it over, then the view is closed
    const keys = await h.context.newPage();
    await keys.goto(ADMIN_KEYS_URL);
    expect(await until(async () => (await stateOf(h)).state.records[WORKSPACE_ID]?.key?.last4, 5000)).toBe(
      '8NWM',
    );
    expect(await handOver(keys)).toBe(true);
    expect(await until(async () => (await stateOf(h)).secretHeldUntil, 3000)).toBeGreaterThan(Date.now());
    await keys.evaluate(() => document.querySelector('#one-time')?.remove());
    expect(
      await until(async () => (await stateOf(h)).state.records[WORKSPACE_ID]?.key?.createdBy, 5000),
    ).toBe('Grace Hopper');

    // the popup: last 4, expiry, permissions, workspace; the path is the key's, no e-mail anywhere
    popup = await h.openPopup();
    expect(await popup.locator('[data-field="keyLast4"]').textContent()).toBe('8NWM');
    expect(await popup.locator('[data-field="expires"]').textContent()).toBe(expiryDate(expires));
    expect(await popup.locator('[data-field="permissions"]').textContent()).toBe('All');
    expect(await popup.locator('[data-field="workspaceName"]').textContent()).toBe('Acme Corp');
    expect(await popup.locator('[data-path]').getAttribute('data-path')).toBe('self-serve');
    expect(await popup.locator('[data-step="email"]').count()).toBe(0);
    expect(await popup.locator('[data-email="body"]').count()).toBe(0);
    expect(await popup.locator('[data-mail="mailto"]').count()).toBe(0);
    expect(await popup.locator('[data-note="allowlist"]').count()).toBe(1);
    expect(await popup.locator('[data-progress]').getAttribute('data-progress')).toBe('3/4');
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
    // before the click: which key (last 4, path, expiry), for which workspace, to which console
    const line = (names: string) => popup.locator(`[data-handover-line="${names}"]`).textContent();
    expect(await line('key')).toContain('8NWM');
    expect(await line('key')).toContain(expiryDate(expires));
    expect(await line('workspace')).toContain(WORKSPACE_ID);
    expect(await line('host')).toContain('www.myshn.net');
    expect(await popup.locator('[data-handover-problem]').count()).toBe(0);
    await popup.getByRole('button', { name: 'Open Skyhigh CASB and fill' }).click();
    expect(await until(async () => (await skyhigh.inputValue('#key')) === ADMIN_KEY, 5000)).toBe(true);
    expect(await skyhigh.inputValue('#ws')).toBe(WORKSPACE_ID);

    const after = await until(async () => {
      const v = await stateOf(h);
      return v.lastHandoff?.status === 'filled' ? v : null;
    }, 5000);
    expect(after?.secretHeldUntil).toBeNull();
    expect((await h.storage('session')).secret).toBeUndefined();
    await popup.reload();
    expect(await popup.locator('[data-progress]').getAttribute('data-progress')).toBe('4/4');
    expect(await popup.locator('.progress').textContent()).toBe('4 of 4 steps done');
    // Skyhigh's own word: its Service Management, then an error in its words
    expect(await popup.locator('[data-step="skyhigh"] [data-why]').count()).toBe(0);
    h.serve(STATUS_URL, capture('skyhigh-status', 'list-connected'));
    const status = await h.context.newPage();
    await status.goto(STATUS_URL);
    await expect
      .poll(async () => (await stateOf(h)).state.records[WORKSPACE_ID]?.skyhighStatus?.status, {
        timeout: 8000,
      })
      .toBe('ok');
    await popup.reload();
    expect(await popup.locator('[data-step="skyhigh"]').getAttribute('data-status')).toBe('done');
    expect(await popup.locator('[data-step="skyhigh"] [data-why]').textContent()).toMatch(
      /^Connected in Skyhigh CASB \(seen .+\): “Connected”\.$/,
    );
    h.serve(STATUS_URL, capture('skyhigh-status', 'detail-error-detail'));
    await status.reload();
    await expect
      .poll(async () => (await stateOf(h)).state.records[WORKSPACE_ID]?.skyhighStatus?.status, {
        timeout: 8000,
      })
      .toBe('error');
    await popup.reload();
    expect(await popup.locator('[data-step="skyhigh"]').getAttribute('data-status')).toBe('attention');
    expect(await popup.locator('[data-step="skyhigh"] [data-why]').textContent()).toContain(
      '“Error: Invalid API key”',
    );
    await status.close();

    // the summary names the path and the key's expiry, never the secret
    const stored = JSON.stringify(await h.storage('local'));
    expect(stored).not.toContain(KEY_PART);
    expect(stored).toContain('"expires"');

    await keys.close();
    await skyhigh.close();
    await popup.close();
    await settings.close();
    await h.closeBrowser();
    expect(filesContaining(h.profileDir, KEY_PART)).toEqual([]);
    expect(h.consoleMessages.filter((m) => m.includes(KEY_PART))).toEqual([]);
    expect(h.requests.filter((u) => u.includes(KEY_PART))).toEqual([]);
    // no request carried it: it went only into the Skyhigh form, by messages
    expect(h.fullRequests.filter((r) => JSON.stringify(r).includes(KEY_PART))).toEqual([]);
  });
});

describe('an Admin key that expires soon', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('asks for a rotation from 14 days before: badge title, checklist, an alarm for the day, still when another workspace is chosen', async () => {
    const day = new Date(Date.now() + 10 * DAY);
    const expires = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
    h.serve(SETTINGS_URL, capture('chatgpt-settings', 'en-general-dl'));
    h.serve(ADMIN_KEYS_URL, adminKeyPage(expires));
    const settings = await h.context.newPage();
    await settings.goto(SETTINGS_URL);
    expect(await until(async () => (await stateOf(h)).state.current, 5000)).toBe(WORKSPACE_ID);
    const keys = await h.context.newPage();
    await keys.goto(ADMIN_KEYS_URL);
    expect(await until(async () => (await stateOf(h)).state.records[WORKSPACE_ID]?.key?.expires, 5000)).toBe(
      expires,
    );

    const popup = await h.openPopup();
    const step = popup.locator('[data-step="createKey"]');
    expect(await step.getAttribute('data-status')).toBe('attention');
    expect(await step.locator('[data-why]').textContent()).toBe(
      `Rotate the key before ${expiryDate(expires)}`,
    );
    expect(await step.locator('[data-rotation="soon"]').count()).toBe(1);
    const title = await until(async () => {
      const t = await h.sw(() =>
        // biome-ignore lint/suspicious/noExplicitAny: the service worker's chrome.* global
        (globalThis as any).chrome.action.getTitle({}),
      );
      return String(t).startsWith('Rotate') ? String(t) : null;
    }, 5000);
    expect(title).toBe(`Rotate the ChatGPT key for Skyhigh CASB before ${expiryDate(expires)}`);
    // the next change of the reminder (the day itself) is an alarm: it survives a restart
    const alarm = await h.sw(() =>
      // biome-ignore lint/suspicious/noExplicitAny: the service worker's chrome.* global
      (globalThis as any).chrome.alarms.get('rotate-key'),
    );
    expect(alarm?.scheduledTime).toBe(expires);

    // the admin moves on to another workspace: the first one's key is still due, and still said
    h.serve(SETTINGS_URL, capture('chatgpt-settings', 'de-table'));
    await settings.reload();
    expect(await until(async () => (await stateOf(h)).state.current, 5000)).toBe(OTHER_WORKSPACE_ID);
    const otherTitle = await until(async () => {
      const t = await h.sw(() =>
        // biome-ignore lint/suspicious/noExplicitAny: the service worker's chrome.* global
        (globalThis as any).chrome.action.getTitle({}),
      );
      return String(t).startsWith('Workspace') ? String(t) : null;
    }, 5000);
    expect(otherTitle).toBe(
      `Workspace Acme Corp (${WORKSPACE_ID}): rotate its ChatGPT key for Skyhigh CASB before ${expiryDate(expires)}`,
    );
    const second = await h.openPopup();
    await second.locator('[data-step]').first().waitFor();
    const line = second.locator(`[data-rotation-other="${WORKSPACE_ID}"]`);
    expect(await line.textContent()).toBe(
      `Workspace Acme Corp (${WORKSPACE_ID}): rotate its key before ${expiryDate(expires)} (choose it above).`,
    );
    // the current workspace has no key yet: its own steps say nothing of a rotation
    expect(await second.locator('[data-rotation]').count()).toBe(0);
    const stillAlarm = await h.sw(() =>
      // biome-ignore lint/suspicious/noExplicitAny: the service worker's chrome.* global
      (globalThis as any).chrome.alarms.get('rotate-key'),
    );
    expect(stillAlarm?.scheduledTime).toBe(expires);
  });
});

describe('a key rotation', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('hands a new Admin key onto the instance’s edit form and keeps the old key’s last 4 until it is marked deleted', async () => {
    const NEW_KEY = 'sk-admin-oeFIHVeWnPvr1IFgw4ai6sinfnt6yBehzquSp1nOvdna2zwdPxOZ6GsnVTu0qZXX';
    const NEW_KEY_URL = `https://admin.openai.com/workspace/${WORKSPACE_ID}/credentials`;
    const EDIT_URL =
      'https://www.myshn.net/shndash/#/settings/service-management/openai-chatgpt/instances/42/edit';
    h.serve(SETTINGS_URL, capture('chatgpt-settings', 'en-general-dl'));
    h.serve(ADMIN_KEYS_URL, adminKeyPage(Date.now() + 60 * DAY));
    h.serve(NEW_KEY_URL, capture('key-dialog', 'admin-console-ja-never'));
    h.serve(CONSOLE_URL, capture('skyhigh-form', 'label-for'));
    h.serve(EDIT_URL, capture('skyhigh-form', 'chatgpt-edit-rotate'));
    const fill = async () => {
      const popup = await h.openPopup();
      await popup.getByRole('button', { name: 'Open Skyhigh CASB and fill' }).click();
      await until(async () => ((await stateOf(h)).lastHandoff?.status === 'filled' ? true : null), 5000);
      await popup.close();
    };

    const settings = await h.context.newPage();
    await settings.goto(SETTINGS_URL);
    expect(await until(async () => (await stateOf(h)).state.current, 5000)).toBe(WORKSPACE_ID);
    // the first Admin key, handed over and filled
    const keys = await h.context.newPage();
    await keys.goto(ADMIN_KEYS_URL);
    expect(await until(async () => (await stateOf(h)).state.records[WORKSPACE_ID]?.key?.last4, 5000)).toBe(
      '8NWM',
    );
    expect(await handOver(keys)).toBe(true);
    const console1 = await h.context.newPage();
    await console1.goto(CONSOLE_URL);
    await until(async () => ((await h.storage('session')).consoleTabs as number[] | undefined)?.length, 5000);
    await fill();
    expect(await console1.inputValue('#key')).toBe(ADMIN_KEY);
    await console1.close();
    await keys.close();

    // the new key: it would replace one handed over, so the reminder asks first
    const next = await h.context.newPage();
    await next.goto(NEW_KEY_URL);
    expect(await until(async () => (await accessibleNames(next)).includes('Use the new key'), 5000)).toBe(
      true,
    );
    expect(await clickByName(next, 'Use the new key')).toBe(true);
    // wait for the new key itself: the old one is there at once, and `until` takes the first value
    const noted = async () => (await stateOf(h)).state.records[WORKSPACE_ID]?.key?.last4;
    expect(await until(async () => ((await noted()) === 'qZXX' ? 'qZXX' : null), 5000)).toBe('qZXX');
    const rec = (await stateOf(h)).state.records[WORKSPACE_ID];
    expect(rec?.previousKey?.last4).toBe('8NWM');
    // what the new key's view said is kept though the admin confirmed it later
    expect(rec?.key).toMatchObject({
      expires: 'never',
      workspaceName: '株式会社アクメ',
      permissions: 'すべて',
    });
    expect(await handOver(next)).toBe(true);

    let popup = await h.openPopup();
    // the popup renders once the state arrives: wait for it, then look
    await expect.poll(() => popup.locator('[data-previous-key="8NWM"]').count()).toBe(1);
    expect(await popup.locator('[data-step="createKey"] [data-why]').getAttribute('data-why')).toBe(
      'whyDeleteOldKey',
    );
    expect(await popup.locator('[data-step="skyhigh"]').getAttribute('data-status')).toBe('todo');
    await popup.close();

    // onto the instance's edit form: the new key replaces the old, the instance keeps its name
    const edit = await h.context.newPage();
    await edit.goto(EDIT_URL);
    await until(async () => ((await h.storage('session')).consoleTabs as number[] | undefined)?.length, 5000);
    await fill();
    expect(await edit.inputValue('#key')).toBe(NEW_KEY);
    expect(await edit.inputValue('#inst')).toBe('ChatGPT Enterprise (Acme)');

    popup = await h.openPopup();
    await expect.poll(() => popup.locator('[data-progress]').getAttribute('data-progress')).toBe('3/4');
    await popup.getByRole('button', { name: 'I deleted the old key' }).click();
    await expect.poll(() => popup.locator('[data-progress]').getAttribute('data-progress')).toBe('4/4');
    expect((await stateOf(h)).state.records[WORKSPACE_ID]?.previousKey).toBeUndefined();
    expect(JSON.stringify(await h.storage('local'))).not.toContain(NEW_KEY.slice(12, 44));
  });
});
