/** Steps of the Firefox end-to-end tests: the key flow driven with puppeteer. */
import type { ElementHandle, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { CONSOLE_URL, ORGANIZATION_ID, WORKSPACE_ID } from '../shared/flows';
import { until } from '../shared/wait';
import type { FirefoxHarness } from './harness';
import { accessibleNames, clickByName, visibleTexts } from './shadow';

export * from '../shared/flows';

/** On the flow page, create a key and get to the one-time secret view with its reminder. */
export async function createKeyIn(page: Page, name = 'Skyhigh CASB compliance'): Promise<void> {
  await page.click('#create');
  await page.locator('#name').fill(name);
  await page.click('#submit');
  expect(await until(async () => (await accessibleNames(page)).includes('Copy key'), 10_000, 200)).toBe(true);
}

/**
 * Press "Hand this key to Skyhigh CASB"; when the page changed just before the click, the reminder
 * asks once more ("Yes, hand it over"), and that is pressed too.
 */
export async function handOverIn(page: Page): Promise<boolean> {
  if (!(await clickByName(page, 'Hand this key to Skyhigh CASB'))) return false;
  const asked = await until(async () => (await accessibleNames(page)).includes('Yes, hand it over'), 800);
  return asked ? clickByName(page, 'Yes, hand it over') : true;
}

/** The form control a `<label>` whose text starts with `label` names, on a page without shadow roots. */
export async function fieldByLabel(page: Page, label: string): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await page.evaluateHandle(
    (text) =>
      Array.from(document.querySelectorAll('label'))
        .find((l) => (l.textContent ?? '').trim().startsWith(text))
        ?.querySelector('input, select, textarea') ?? null,
    label,
  );
  const el = handle.asElement();
  if (!el) throw new Error(`no field labelled "${label}"`);
  return el as ElementHandle<HTMLInputElement>;
}

/** An attribute of the first element `selector` finds, or null. */
export const attributeOf = (page: Page, selector: string, name: string) =>
  page.$eval(selector, (e, n) => e.getAttribute(n as string), name).catch(() => null);

/**
 * The Skyhigh console opened, its content script registered, then filled from the popup's button:
 * `key`, the IDs and the instance name in their fields, nothing in the console's search box, and the
 * console's notice shown. The console's page and the popup stay open.
 */
export async function fillFromPopup(h: FirefoxHarness, key: string): Promise<{ skyhigh: Page; popup: Page }> {
  const skyhigh = await h.open(CONSOLE_URL);
  expect(
    await until(
      async () => ((await h.storage('session')).consoleTabs as number[] | undefined)?.length,
      10_000,
    ),
  ).toBe(1);
  const popup = await h.openPopup();
  expect(await clickByName(popup, 'Open Skyhigh CASB and fill')).toBe(true);
  const value = (sel: string) => skyhigh.$eval(sel, (e) => (e as HTMLInputElement).value);
  expect(await until(async () => (await value('#key')) === key, 10_000)).toBe(true);
  expect(await value('#ws')).toBe(WORKSPACE_ID);
  expect(await value('#org')).toBe(ORGANIZATION_ID);
  expect(await value('#inst')).toBe('ChatGPT Enterprise');
  expect(await value('#global-search')).toBe('');
  expect(
    await until(
      async () => (await visibleTexts(skyhigh)).some((t) => t.startsWith('Filled from your')),
      5000,
    ),
  ).toBe(true);
  return { skyhigh, popup };
}
