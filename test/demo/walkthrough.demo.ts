/**
 * `npm run demo`: the whole flow in headless Chromium over the test captures, with a screenshot of
 * each step (popup, in-page chip, guide, reminder, filled Skyhigh form; then the self-serve path: the
 * path choice, an Admin key's reminder, the popup of that path) in docs/screenshots/, then
 * the popup and the options page in every UI language (docs/screenshots/lang-<lang>-*.png).
 * Not a test: it asserts only that each step was reached, so the pictures show what they claim.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { capture, createKey, FLOW_URL, flowPage, handOver, SETTINGS_URL, stateOf } from '../e2e/flows';
import { clickByName, type Harness, launch, sleep, until } from '../e2e/harness';
import { launchIn, layoutProblems, populatedPopup, UI_LANGUAGES } from '../e2e/languages';

const OUT = resolve(import.meta.dirname, '../../docs/screenshots');
const CONSOLE_URL = 'https://www.myshn.net/shndash/#/settings/service-management/openai-chatgpt/new';

let h: Harness;

async function shot(page: Page, name: string, dark = false): Promise<void> {
  await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
  await sleep(150);
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
}

async function popupShot(name: string, dark = false, open?: (p: Page) => Promise<void>): Promise<void> {
  const popup = await h.openPopup();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.locator('.steps').waitFor();
  await open?.(popup);
  await shot(popup, name, dark);
  await popup.close();
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  h = await launch();
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: 'https://platform.openai.com',
  });
  h.serve(SETTINGS_URL, capture('chatgpt-settings', 'en-general-dl'));
  h.serve(FLOW_URL, flowPage());
  h.serve(CONSOLE_URL, capture('skyhigh-form', 'label-for'));
});
afterAll(async () => {
  await h?.close();
});

it('walks the flow and takes the pictures', async () => {
  await popupShot('1-popup-start');

  const settings = await h.context.newPage();
  await settings.setViewportSize({ width: 1000, height: 560 });
  await settings.goto(SETTINGS_URL);
  expect(await until(async () => (await stateOf(h)).state.current, 5000)).toBeTruthy();
  await sleep(300);
  await shot(settings, '2-chatgpt-settings-chip');

  const keys = await h.context.newPage();
  await keys.setViewportSize({ width: 1000, height: 760 });
  await keys.goto(FLOW_URL);
  await keys.click('#create');
  await keys.selectOption('#project', 'Marketing');
  await sleep(300);
  await shot(keys, '3-create-key-guide');
  await keys.selectOption('#project', 'Default project');
  await keys.click('#cancel');
  await createKey(keys);
  await keys.click('#done'); // stopped once: the key was not copied
  await sleep(300);
  await shot(keys, '4-one-time-key-reminder');
  expect(await clickByName(keys, 'Copy key')).toBe(true);
  expect(await handOver(keys)).toBe(true);
  await keys.click('#done');
  expect(
    await until(
      async () =>
        (await stateOf(h)).state.current &&
        (await stateOf(h)).state.records[(await stateOf(h)).state.current as string]?.key?.createdBy,
      5000,
    ),
  ).toBeTruthy();

  await popupShot('5-popup-email', false, async (p) => {
    await p.locator('[data-step="email"] summary').click();
  });
  await popupShot('5-popup-email-dark', true, async (p) => {
    await p.locator('[data-step="email"] summary').click();
  });

  const skyhigh = await h.context.newPage();
  await skyhigh.setViewportSize({ width: 1000, height: 560 });
  await skyhigh.goto(CONSOLE_URL);
  await until(async () => ((await h.storage('session')).consoleTabs as number[] | undefined)?.length, 5000);
  const popup = await h.openPopup();
  await popup.getByRole('button', { name: 'I sent the e-mail' }).click();
  await popup.getByRole('button', { name: 'OpenAI granted the scopes' }).click();
  await popup.getByRole('button', { name: 'Open Skyhigh CASB and fill' }).click();
  expect(await until(async () => (await stateOf(h)).lastHandoff?.status === 'filled', 5000)).toBe(true);
  await popup.close();
  await skyhigh.bringToFront();
  await shot(skyhigh, '6-skyhigh-form-filled');
  await popupShot('7-popup-done');
  await popupShot('7-popup-done-dark', true);
});

it('walks the self-serve path (an Admin key from the Admin Console) and takes its pictures', async () => {
  await h.reset();
  const workspace = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
  const adminKeys = `https://admin.openai.com/workspace/${workspace}/credentials/admin-keys`;
  h.serve(SETTINGS_URL, capture('chatgpt-settings', 'en-general-dl'));
  h.serve(adminKeys, capture('key-dialog', 'admin-console-en-expiry'));
  h.serve(CONSOLE_URL, capture('skyhigh-form', 'label-for'));
  const settings = await h.context.newPage();
  await settings.goto(SETTINGS_URL);
  expect(await until(async () => (await stateOf(h)).state.current, 5000)).toBe(workspace);
  await popupShot('8-popup-path-choice', false, async (p) => {
    await p.locator('input[name="key-path"][value="self-serve"]').check();
    await sleep(200);
  });
  const keys = await h.context.newPage();
  await keys.setViewportSize({ width: 1000, height: 760 });
  await keys.goto(adminKeys);
  expect(await until(async () => (await stateOf(h)).state.records[workspace]?.key?.last4, 5000)).toBeTruthy();
  await sleep(300);
  await shot(keys, '9-admin-key-reminder');
  expect(await handOver(keys)).toBe(true);
  await popupShot('10-popup-self-serve');
});

it.each(UI_LANGUAGES)('shows the popup and the options in %s', async (lang) => {
  const l = await launchIn(lang);
  try {
    const popup = await populatedPopup(l);
    expect(await layoutProblems(popup)).toEqual([]);
    await shot(popup, `lang-${lang}-popup`);
    const options = await l.context.newPage();
    await options.setViewportSize({ width: 640, height: 520 });
    await options.goto(l.extensionUrl('src/options/index.html'));
    await options.locator('h1').waitFor();
    expect(await layoutProblems(options)).toEqual([]);
    await shot(options, `lang-${lang}-options`);
  } finally {
    await l.close();
  }
});
