/**
 * Fleet deployment: the Chrome/Edge policy example of docs/deploy.md, installed as a real policy
 * file for Debian's Chromium (/etc/chromium/policies/managed/, when this machine lets the test write
 * there), with the build's ID in place of EXTENSION_ID for the settings (the force-install entry
 * keeps a store ID: the Web Store is out of reach here). The popup must open and fill the tenant
 * console the policy names, with the policy's instance name; the options must show every setting as
 * set by the organisation, read-only; the background must refuse to change them.
 *
 * Where the policy folder cannot be written (not root), the test says so and gives the same values
 * to `chrome.storage.managed` at the API boundary instead, in a copy of the build: everything after
 * the browser's policy loader is then the same.
 */
import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployExample } from '../deploy-examples';
import { capture, FLOW_KEY } from './flows';
import { buildWithGrantedHosts, type Harness, launch, until } from './harness';

const POLICY_DIR = '/etc/chromium/policies/managed';
/** Stands for the Web Store ID in ExtensionSettings (any ID other than this build's). */
const STORE_ID = 'a'.repeat(32);
const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const ORG = 'org-p13k3klgno5cqxbf0q8hpgrk';

/** The ID Chromium gives an unpacked extension: the SHA-256 of its absolute path, in letters a–p. */
function unpackedId(dir: string): string {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

function policyFolderWritable(): boolean {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

const example = deployExample('chromium-policy');
const settings = JSON.parse(example)['3rdparty'].extensions.EXTENSION_ID as Record<string, unknown>;
const host = settings.consoleHost as string;

let h: Harness;
let policyFile: string | null = null;

beforeAll(async () => {
  // the tenant host is granted in the copy (the prompt cannot be answered under automation)
  const dir = buildWithGrantedHosts([`https://${host}/*`]);
  const id = unpackedId(dir);
  if (policyFolderWritable()) {
    policyFile = join(POLICY_DIR, `casb-onboarding-test-${id}.json`);
    // The settings go to this build's ID. ExtensionSettings (force-install from the Web Store) keeps
    // a store ID: this machine cannot reach the store, and Chromium will not load an unpacked copy
    // under an ID that policy says must come from the store.
    const policy = JSON.parse(example);
    policy['3rdparty'].extensions = { [id]: policy['3rdparty'].extensions.EXTENSION_ID };
    policy.ExtensionSettings = { [STORE_ID]: policy.ExtensionSettings.EXTENSION_ID };
    writeFileSync(policyFile, JSON.stringify(policy));
  } else {
    console.warn(
      `${POLICY_DIR} is not writable here: the policy's values are given to chrome.storage.managed at the API boundary`,
    );
    const loader = join(dir, 'service-worker-loader.js');
    writeFileSync(
      join(dir, 'managed-fake.js'),
      `const v = ${JSON.stringify(settings)};
chrome.storage.managed.get = (k, cb) => { const f = typeof k === 'function' ? k : cb; if (f) { f(v); return; } return Promise.resolve(v); };\n`,
    );
    writeFileSync(loader, `import './managed-fake.js';\n${readFileSync(loader, 'utf8')}`);
  }
  h = await launch({ extensionDir: dir });
  expect(h.extensionId).toBe(id);
});

afterAll(async () => {
  await h?.close();
  if (policyFile) rmSync(policyFile, { force: true });
});

const send = (page: Page, message: unknown) =>
  // biome-ignore lint/suspicious/noExplicitAny: the extension page's chrome.* global
  page.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), message);

describe('settings set by policy (docs/deploy.md example)', () => {
  it("reach the extension's managed storage", async () => {
    // biome-ignore lint/suspicious/noExplicitAny: runs in the service worker
    const managed = await h.sw(() => (globalThis as any).chrome.storage.managed.get());
    expect(managed).toEqual(settings);
  });

  it('the popup sends the hand-off to the console host the policy names, filled with its instance name', async () => {
    h.serve(`https://${host}/shndash/`, capture('skyhigh-form', 'label-for'));
    const popup = await h.openPopup();
    await send(popup, { type: 'ids/set', workspaceId: WS, organizationId: ORG });
    await send(popup, { type: 'secret/hold', secret: FLOW_KEY });
    // the console is open in a tab (a tab the extension itself opens is beyond the test's routing)
    const console = await h.context.newPage();
    await console.goto(`https://${host}/shndash/`);
    expect(
      await until(
        async () => ((await h.storage('session')).consoleTabs as number[] | undefined)?.length,
        5000,
      ),
    ).toBe(1);
    await popup.reload();
    // the popup renders once its state is read (with a key held, from the background): wait for it
    await popup.locator(`a[href^="https://${host}/"]`).first().waitFor({ timeout: 5000 });
    expect(await popup.locator(`a[href^="https://${host}/"]`).count()).toBeGreaterThan(0);
    await popup.getByRole('button', { name: 'Open Skyhigh CASB and fill' }).click();
    expect(await until(async () => (await console.inputValue('#ws')) === WS, 8000)).toBe(true);
    expect(await console.inputValue('#inst')).toBe(settings.instanceName);
    expect(await console.inputValue('#key')).toBe(FLOW_KEY);
    const view = await send(popup, { type: 'state/get' });
    expect(view.state.records[WS].handoff.host).toBe(host);
    await console.close();
    await popup.close();
  });

  it('the options show every setting as set by the organisation, read-only; the background refuses changes', async () => {
    const options = await h.context.newPage();
    await options.goto(h.extensionUrl('src/options/index.html'));
    await options.locator('[data-managed="locked"]').waitFor();
    const controls = options.locator('main select, main input');
    expect(await controls.count()).toBeGreaterThanOrEqual(5);
    for (const c of await controls.all()) expect(await c.isDisabled()).toBe(true);
    expect(await options.locator('main select').first().inputValue()).toBe('custom');
    expect(await options.locator('main select').first().textContent()).toContain(host);
    expect(await options.getByText('Set by your organisation').count()).toBe(5);
    expect(await send(options, { type: 'settings/set', consoleHost: 'www.myshn.net' })).toEqual({
      error: 'set by policy',
    });
    const view = await send(options, { type: 'state/get' });
    expect(view.state.settings).toMatchObject({ consoleHost: host, keyTtlMinutes: settings.keyTtlMinutes });
    expect(view.managed.locked).toBe(true);
    await options.close();
  });
});
