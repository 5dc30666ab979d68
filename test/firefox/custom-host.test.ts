/**
 * A custom tenant console in Firefox: chosen in the options page, access to that one host granted
 * on the click of "Use this host", the console content script registered for it alone; then
 * "Open Skyhigh CASB and fill" opens the console in a tab of the extension's own and fills it.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { capture, FLOW_KEY, fieldByLabel, ORGANIZATION_ID, WORKSPACE_ID } from './flows';
import { sleep, until, useFirefox } from './harness';
import { clickByName, visibleTexts } from './shadow';

const TENANT = 'acme-tenant.myshn.net';
const OTHER = 'other-tenant.myshn.net';

describe('a custom console host (Firefox)', () => {
  const h = useFirefox({}, { resetEach: false });

  it('is granted on the click, registered for that host alone, and filled in a tab the extension opens', async () => {
    const state = () => h.command({ type: 'state/get' });
    expect(await h.grantedOrigins()).not.toContain(`https://${TENANT}/*`);

    const options = await h.openExtensionPage('src/options/index.html', 'select');
    await options.select('select', 'custom');
    const hostField = await fieldByLabel(options, 'Your Skyhigh CASB console host');
    await hostField.type(`https://${TENANT}/`);
    expect(await clickByName(options, 'Use this host')).toBe(true);
    expect(await until(async () => (await state()).state.settings.consoleHost === TENANT, 10_000)).toBe(true);
    // the options page says so once the command's answer is back (after the state changed)
    expect(await until(async () => (await visibleTexts(options)).includes('Saved.'), 5000)).toBe(true);
    // exactly that host, not the whole domain the manifest allows asking for
    const granted = await h.grantedOrigins();
    expect(granted).toContain(`https://${TENANT}/*`);
    expect(granted).not.toContain('https://*.myshn.net/*');

    // a host outside Skyhigh's domains is refused before anything is asked
    await hostField.click({ count: 3 });
    await hostField.type('console.example.com');
    expect(await clickByName(options, 'Use this host')).toBe(true);
    expect(
      await until(
        async () => (await visibleTexts(options)).some((t) => t.startsWith('Type only your Skyhigh')),
        5000,
      ),
    ).toBe(true);
    expect((await state()).state.settings.consoleHost).toBe(TENANT);
    expect(await h.grantedOrigins()).not.toContain('https://console.example.com/*');
    await options.close();

    // the hand-off: no console tab is open, so the extension opens one itself
    h.serve(`https://${TENANT}/shndash/`, capture('skyhigh-form', 'label-for'));
    h.serve(`https://${OTHER}/shndash/`, capture('skyhigh-form', 'label-for'));
    await h.command({ type: 'ids/set', workspaceId: WORKSPACE_ID, organizationId: ORGANIZATION_ID });
    await h.command({ type: 'secret/hold', secret: FLOW_KEY });

    // another tenant's console under the same domain gets nothing: the script runs on TENANT alone
    const other = await h.open(`https://${OTHER}/shndash/`);
    await sleep(2500);
    expect((await h.storage('session')).consoleTabs ?? []).toEqual([]);
    expect(await other.$eval('#key', (e) => (e as HTMLInputElement).value)).toBe('');

    const popup = await h.openPopup();
    expect(await clickByName(popup, 'Open Skyhigh CASB and fill')).toBe(true);
    const tenant = await until(
      async () => (await h.browser.pages()).find((p) => p.url().startsWith(`https://${TENANT}/`)),
      15_000,
      200,
    );
    expect(tenant, 'the extension opened no console tab').toBeTruthy();
    const value = (p: Page, sel: string) =>
      p.$eval(sel, (e) => (e as HTMLInputElement).value).catch(() => null);
    expect(await until(async () => (await value(tenant as Page, '#key')) === FLOW_KEY, 15_000, 200)).toBe(
      true,
    );
    expect(await value(tenant as Page, '#ws')).toBe(WORKSPACE_ID);
    expect(await value(tenant as Page, '#org')).toBe(ORGANIZATION_ID);
    expect(await until(async () => (await state()).lastHandoff?.status === 'filled', 10_000)).toBe(true);
    expect((await state()).secretHeldUntil).toBeNull();
    expect(await other.$eval('#key', (e) => (e as HTMLInputElement).value)).toBe('');
  });

  it('gives back the access to a custom host once another console is chosen', async () => {
    const state = () => h.command({ type: 'state/get' });
    expect(await h.grantedOrigins()).toContain(`https://${TENANT}/*`);
    const options = await h.openExtensionPage('src/options/index.html', 'select');
    await options.select('select', 'www.myshn.eu');
    expect(
      await until(async () => (await state()).state.settings.consoleHost === 'www.myshn.eu', 10_000),
    ).toBe(true);
    expect(await until(async () => !(await h.grantedOrigins()).includes(`https://${TENANT}/*`), 5000)).toBe(
      true,
    );
    await options.close();
  });
});
