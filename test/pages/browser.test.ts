/**
 * Browser suite: every page capture served at its real URL to Chromium with the built extension,
 * judged by what the extension did (stored, showed, filled), through the same paths an admin uses.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StateView } from '../../src/core/state';
import { accessibleNames, type Harness, launch, sleep, until } from '../e2e/harness';
import { allCases, type PageCase } from './cases';
import { formDifferences } from './checks';

/** How long a late capture may take before the suite calls it missing. */
const LATE_MS = 8000;
/** After the expected values arrived (or at once for negative cases), how long nothing else may come. */
const QUIET_MS = 2500;

const cases = allCases();

let h: Harness;
let popup: Page;

/** A command sent from the popup page, exactly as the popup's buttons send it. */
async function command(message: unknown): Promise<StateView> {
  return popup.evaluate(async (m) => {
    // biome-ignore lint/suspicious/noExplicitAny: the extension page's own chrome.* global
    const answer = await (globalThis as any).chrome.runtime.sendMessage(m);
    if (answer?.error) throw new Error(answer.error);
    return answer;
  }, message);
}

async function openCase(c: PageCase): Promise<Page> {
  h.serve(c.url, c.html);
  const page = await h.context.newPage();
  await page.goto(c.url);
  return page;
}

async function settingsCase(c: Extract<PageCase, { kind: 'chatgpt-settings' }>): Promise<void> {
  await openCase(c);
  const read = async () => {
    const { state } = await command({ type: 'state/get' });
    const rec = state.current ? state.records[state.current] : undefined;
    return {
      workspaceId: rec?.workspaceId ?? null,
      organizationId: rec?.organizationId ?? state.draft.organizationId ?? null,
    };
  };
  const wanted = JSON.stringify(c.expect);
  const anyExpected = c.expect.workspaceId !== null || c.expect.organizationId !== null;
  if (anyExpected) await until(async () => JSON.stringify(await read()) === wanted, LATE_MS, 150);
  await sleep(QUIET_MS);
  expect(await read()).toEqual(c.expect);
}

async function platformOrgCase(c: Extract<PageCase, { kind: 'platform-org' }>): Promise<void> {
  await openCase(c);
  const read = async () => ({
    organizationId: (await command({ type: 'state/get' })).state.platformOrg?.id ?? null,
  });
  if (c.expect.organizationId)
    await until(async () => (await read()).organizationId === c.expect.organizationId, LATE_MS, 150);
  else await sleep(QUIET_MS);
  expect(await read()).toEqual(c.expect);
}

async function keyDialogCase(c: Extract<PageCase, { kind: 'key-dialog' }>): Promise<void> {
  const page = await openCase(c);
  const read = async () => {
    const { state } = await command({ type: 'state/get' });
    const key = (state.current ? state.records[state.current]?.key : undefined) ?? state.draft.key;
    const reminder = (await accessibleNames(page)).includes('Copy key');
    return { secretShown: reminder, keyLast4: key?.last4 ?? null, keyName: key?.name ?? null };
  };
  const wanted = JSON.stringify(c.expect);
  if (c.expect.secretShown) await until(async () => JSON.stringify(await read()) === wanted, LATE_MS, 150);
  else await sleep(QUIET_MS);
  expect(await read()).toEqual(c.expect);
}

async function skyhighCase(c: Extract<PageCase, { kind: 'skyhigh-form' }>): Promise<void> {
  const v = c.values;
  const requestsBefore = h.fullRequests.length;
  await command({ type: 'settings/set', consoleHost: c.consoleHost, instanceName: v.instanceName });
  await command({ type: 'ids/set', workspaceId: v.workspaceId, organizationId: v.organizationId });
  await command({ type: 'secret/hold', secret: v.apiKey });
  const page = await openCase(c);
  if (!c.refuse) {
    // the console's content script says hello once it runs; then the hand-off can find its tab
    const registered = await until(
      () =>
        h.sw(async () => {
          // biome-ignore lint/suspicious/noExplicitAny: runs in the service worker
          const { consoleTabs } = await (globalThis as any).chrome.storage.session.get('consoleTabs');
          return (consoleTabs ?? []).length > 0;
        }),
      5000,
    );
    expect(registered, 'the console content script did not start').toBe(true);
  }
  await command({ type: 'handoff/start' });
  if (c.refuse) await sleep(QUIET_MS);
  else {
    const status = await until(
      async () => {
        const view = await command({ type: 'state/get' });
        return view.lastHandoff?.status === 'filled' ? 'filled' : null;
      },
      LATE_MS,
      150,
    );
    expect(status, 'the form was not filled').toBe('filled');
  }
  expect(await page.evaluate(formDifferences, c.expect)).toEqual([]);
  if (c.refuse) {
    const view = await command({ type: 'state/get' });
    expect(view.lastHandoff?.status).not.toBe('filled');
    expect(view.secretHeldUntil, 'a refused hand-off must not consume the key').not.toBeNull();
  }
  // the key travels by messages and into the form, never in a URL or a request
  const part = v.apiKey.slice(12, 40);
  expect(h.context.pages().filter((p) => p.url().includes(part))).toEqual([]);
  expect(h.fullRequests.slice(requestsBefore).filter((r) => JSON.stringify(r).includes(part))).toEqual([]);
}

describe('page captures (Chromium)', () => {
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  for (const c of cases) {
    it(c.id, async () => {
      await h.reset();
      popup = await h.openPopup();
      if (c.kind === 'chatgpt-settings') await settingsCase(c);
      else if (c.kind === 'platform-org') await platformOrgCase(c);
      else if (c.kind === 'key-dialog') await keyDialogCase(c);
      else await skyhighCase(c);
    });
  }
});
