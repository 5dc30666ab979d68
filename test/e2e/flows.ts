/** Steps shared by the end-to-end tests: captures to serve, state to read, the key flow to drive. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { StateView } from '../../src/core/state';
import { accessibleNames, clickByName, type Harness, until } from './harness';

export { capture, FLOW_KEY, FLOW_URL, flowPage, SETTINGS_URL } from '../shared/flows';

/** The state as the popup gets it (through the same message). */
export async function stateOf(h: Harness): Promise<StateView> {
  const popup = h.context.pages().find((p) => p.url().includes('/popup/')) ?? (await h.openPopup());
  // biome-ignore lint/suspicious/noExplicitAny: the extension page's chrome.* global
  return popup.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'state/get' }));
}

/** On the flow page, create a key and get to the one-time secret view with its reminder. */
export async function createKey(page: Page, name = 'Skyhigh CASB compliance'): Promise<void> {
  await page.click('#create');
  await page.fill('#name', name);
  await page.click('#submit');
  expect(await until(async () => (await accessibleNames(page)).includes('Copy key'), 5000)).toBe(true);
}

/**
 * Press "Hand this key to Skyhigh CASB" as a person would; when the page changed just before the
 * click, the reminder asks once more ("Yes, hand it over"), and that is pressed too.
 */
export async function handOver(page: Page): Promise<boolean> {
  if (!(await clickByName(page, 'Hand this key to Skyhigh CASB'))) return false;
  const asked = await until(async () => (await accessibleNames(page)).includes('Yes, hand it over'), 500);
  return asked ? clickByName(page, 'Yes, hand it over') : true;
}
