/** The chip on the settings page: saved, missing (pick / paste with the keyboard alone), mismatch. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { capture, SETTINGS_URL, stateOf } from './flows';
import { accessibleNames, focusedName, sleep, tabTo, until, useHarness } from './harness';

const SETTINGS = SETTINGS_URL;

const h = useHarness();

const state = () => stateOf(h);

async function openSettings(name: string): Promise<Page> {
  h.serve(SETTINGS, capture('chatgpt-settings', name));
  const page = await h.context.newPage();
  await page.goto(SETTINGS);
  return page;
}

describe('workspace IDs chip', () => {
  it('says both IDs were saved, and offers to forget them', async () => {
    const page = await openSettings('en-general-dl');
    const heading = await until(async () => {
      const names = await accessibleNames(page, 'heading');
      return names.find((n) => n.startsWith('Workspace ID and Organization ID saved')) ?? null;
    }, 5000);
    expect(heading).toBe('Workspace ID and Organization ID saved for the Skyhigh CASB hand-off');
    expect(await accessibleNames(page)).toContain('Forget');
    expect(await tabTo(page, 'Forget')).toBe(true);
    await page.keyboard.press('Enter');
    await until(async () => Object.keys((await state()).state.records).length === 0, 3000);
    expect((await state()).state.records).toEqual({});
  });

  it('offers "Paste it" for a value it could not read, reachable and usable with the keyboard alone', async () => {
    const page = await openSettings('truncated-without-full-value');
    const offered = await until(async () => (await accessibleNames(page)).includes('Paste it'), 6000);
    expect(offered).toBe(true);
    expect(await accessibleNames(page)).toContain('Pick it on the page');
    expect(await tabTo(page, 'Paste it')).toBe(true);
    await page.keyboard.press('Enter');
    expect(await focusedName(page)).toBe('Workspace ID');
    await page.keyboard.type('not-a-uuid');
    await page.keyboard.press('Enter');
    expect((await state()).state.current).toBeNull();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3B8F2C1E-9D4A-4F6B-A2C3-5E7D9F1B7A84');
    await page.keyboard.press('Enter');
    const saved = await until(async () => (await state()).state.current, 3000);
    expect(saved).toBe('3b8f2c1e-9d4a-4f6b-a2c3-5e7d9f1b7a84');
    const rec = (await state()).state.records[saved as string];
    expect(rec?.organizationId).toBe('org-p13k3klgno5cqxbf0q8hpgrk');
    expect(rec?.idsCapture?.how).toBe('pasted');
  });

  it('offers "Pick it on the page" when several values compete, and the keyboard picks one', async () => {
    const page = await openSettings('switcher-ambiguous');
    expect(await until(async () => (await accessibleNames(page)).includes('Pick it on the page'), 6000)).toBe(
      true,
    );
    expect(await tabTo(page, 'Pick it on the page')).toBe(true);
    await page.keyboard.press('Enter');
    const names = await accessibleNames(page);
    expect(names).toContain('f7f33107-5fb9-4ee1-8922-3eae76b5b5a0');
    expect(names).toContain('5d6e7f80-91a2-4b3c-8d4e-5f6071829304');
    expect(await focusedName(page)).toBe('f7f33107-5fb9-4ee1-8922-3eae76b5b5a0');
    await page.keyboard.press('Enter');
    expect(await until(async () => (await state()).state.current, 3000)).toBe(
      'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0',
    );
  });

  /** The ambiguous capture, with the chip waiting for the admin to pick a value on the page. */
  async function pickMode(): Promise<Page> {
    const page = await openSettings('switcher-ambiguous');
    expect(await until(async () => (await accessibleNames(page)).includes('Pick it on the page'), 6000)).toBe(
      true,
    );
    expect(await tabTo(page, 'Pick it on the page')).toBe(true);
    await page.keyboard.press('Enter');
    return page;
  }

  it('picks the value the admin clicks on the page', async () => {
    const page = await pickMode();
    await page.locator('main span', { hasText: 'f7f33107-5fb9' }).click();
    expect(await until(async () => (await state()).state.current, 3000)).toBe(
      'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0',
    );
  });

  it('picks nothing on a click the page made itself (a script cannot pick for the admin)', async () => {
    const page = await pickMode();
    // while the chip waits for the admin's click, the page clicks a value itself
    await page.evaluate(() => {
      for (const span of document.querySelectorAll('main span'))
        span.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
    });
    await sleep(500);
    expect((await state()).state.current).toBeNull();
    // the admin's own click still picks
    await page.locator('main span', { hasText: 'f7f33107-5fb9' }).click();
    expect(await until(async () => (await state()).state.current, 3000)).toBe(
      'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0',
    );
  });

  it('warns in the page and in the popup when the platform Organization ID differs', async () => {
    await openSettings('en-general-dl');
    await until(async () => (await state()).state.current, 5000);
    h.serve(
      'https://platform.openai.com/settings/organization/general',
      capture('platform-org', 'general-text-de'),
    );
    const platform = await h.context.newPage();
    await platform.goto('https://platform.openai.com/settings/organization/general');
    const warned = await until(
      async () => (await accessibleNames(platform, 'heading')).includes('Two different Organization IDs'),
      5000,
    );
    expect(warned).toBe(true);
    const popup = await h.openPopup();
    const text = await popup.locator('[data-warning="org-mismatch"]').textContent();
    expect(text).toContain('org-Zq81mLx0pA7vR2bN4cT9dWe3');
    expect(text).toContain('org-p13k3klgno5cqxbf0q8hpgrk');
  });
});
