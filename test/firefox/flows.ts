/** Steps of the Firefox end-to-end tests: the key flow driven with puppeteer. */
import type { ElementHandle, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { until } from '../shared/wait';
import { accessibleNames, clickByName } from './shadow';

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
