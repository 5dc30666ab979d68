/** Steps of the Firefox end-to-end tests: the key flow driven with puppeteer. */
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { until } from '../shared/wait';
import { accessibleNames } from './shadow';

export * from '../shared/flows';

/** On the flow page, create a key and get to the one-time secret view with its reminder. */
export async function createKeyIn(page: Page, name = 'Skyhigh CASB compliance'): Promise<void> {
  await page.click('#create');
  await page.locator('#name').fill(name);
  await page.click('#submit');
  expect(await until(async () => (await accessibleNames(page)).includes('Copy key'), 10_000, 200)).toBe(true);
}
