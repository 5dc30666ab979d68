/**
 * Where the key may go in Firefox, besides the full flow: onto the clipboard when the admin copies
 * it (and back out where they paste it), and never into reach of a content script
 * (storage.session is for the extension's own pages and background only).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeyIn, FLOW_KEY, FLOW_URL, flowPage } from './flows';
import { FIREFOX_DIST, sleep, until, useFirefox } from './harness';
import { accessibleNames, clickByName, visibleTexts } from './shadow';

describe('the copied key (Firefox)', () => {
  const h = useFirefox();

  it('Copy key puts the key on the clipboard, and the admin can paste it', async () => {
    h.serve(FLOW_URL, flowPage());
    h.serve('https://www.myshn.net/paste', '<label>Paste here <textarea id="paste"></textarea></label>');
    const keys = await h.open(FLOW_URL);
    await createKeyIn(keys);
    expect(await clickByName(keys, 'Copy key')).toBe(true);
    expect(await until(async () => (await visibleTexts(keys)).some((t) => /copied/i.test(t)), 5000)).toBe(
      true,
    );
    const record = await until(
      async () => (await h.command({ type: 'state/get' })).state.draft.key?.copiedAt,
      5000,
    );
    expect(record, 'the copy is noted for the checklist').toBeTruthy();

    const paste = await h.open('https://www.myshn.net/paste');
    await paste.click('#paste');
    await paste.keyboard.down('Control');
    await paste.keyboard.press('v');
    await paste.keyboard.up('Control');
    expect(await until(() => paste.$eval('#paste', (e) => (e as HTMLTextAreaElement).value), 5000)).toBe(
      FLOW_KEY,
    );
    // cleared again, so that no session store keeps the typed key
    await paste.$eval('#paste', (e) => {
      (e as HTMLTextAreaElement).value = '';
    });
  });
});

describe('copies the page makes (Firefox, issue 27.3)', () => {
  const h = useFirefox();

  it('a copy event the page makes does not mark the key copied; the admin’s own copy does', async () => {
    h.serve(FLOW_URL, flowPage());
    const keys = await h.open(FLOW_URL);
    await createKeyIn(keys);
    const copied = async () => (await h.command({ type: 'state/get' })).state.draft.key?.copiedAt ?? null;
    // the key selected in its field, as the admin would, then a copy event the page's script makes
    await keys.evaluate(() => {
      const field = document.querySelector('input[aria-label="Secret key"]') as HTMLInputElement;
      field.focus();
      field.select();
      field.dispatchEvent(new ClipboardEvent('copy', { bubbles: true, composed: true }));
    });
    await sleep(1000);
    expect(await copied(), 'a synthetic copy must not count as the admin’s').toBeNull();
    await keys.keyboard.down('Control');
    await keys.keyboard.press('c');
    await keys.keyboard.up('Control');
    expect(await until(copied, 5000), 'the admin’s own copy counts').toBeTruthy();
  });

  it('the clipboard is cleared when its delay ends, long after the click, whatever copy events the page dispatches', async () => {
    // longer than Firefox's transient user activation (about 5 s): the clearing needs clipboardWrite
    await h.command({ type: 'settings/set', clipboardClearSeconds: 7 });
    h.serve(FLOW_URL, flowPage());
    h.serve('https://www.myshn.net/paste', '<label>Paste here <textarea id="paste"></textarea></label>');
    const keys = await h.open(FLOW_URL);
    await createKeyIn(keys);
    expect(await clickByName(keys, 'Copy key')).toBe(true);
    expect(
      await until(async () => (await visibleTexts(keys)).some((t) => /cleared in 7 s/.test(t)), 5000),
    ).toBe(true);
    await keys.evaluate(() => document.dispatchEvent(new Event('copy', { bubbles: true })));
    expect(
      await until(
        async () => (await visibleTexts(keys)).some((t) => /cleared from the clipboard/.test(t)),
        12_000,
      ),
    ).toBe(true);
    const paste = await h.open('https://www.myshn.net/paste');
    await paste.click('#paste');
    await paste.keyboard.down('Control');
    await paste.keyboard.press('v');
    await paste.keyboard.up('Control');
    await sleep(500);
    expect(await paste.$eval('#paste', (e) => (e as HTMLTextAreaElement).value)).not.toContain(
      FLOW_KEY.slice(12, 40),
    );
  });
});

describe('per-tab notes (Firefox, issue 27, lower finding)', () => {
  const h = useFirefox();

  it('what a key page noted in memory ends with its tab', async () => {
    h.serve(FLOW_URL, flowPage());
    const page = await h.open(FLOW_URL);
    await page.click('#create');
    await page.locator('#name').fill('Skyhigh CASB compliance');
    const perTab = async () =>
      Object.keys(await h.storage('session')).filter((k) => /^key(Form|Facts):/.test(k));
    expect(await until(async () => (await perTab()).length > 0, 5000), 'the form was noted').toBe(true);
    await page.close();
    expect(await until(async () => (await perTab()).length === 0, 5000)).toBe(true);
  });
});

describe('storage.session (Firefox)', () => {
  // a copy of the build with one more content script, which tries to read storage.session
  const dir = mkdtempSync(join(tmpdir(), 'casb-firefox-ext-'));
  cpSync(FIREFOX_DIST, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.content_scripts.push({ matches: ['https://www.myshn.net/probe'], js: ['probe.js'] });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(
    join(dir, 'probe.js'),
    `(async () => {
      let seen;
      try { seen = 'read: ' + JSON.stringify(await browser.storage.session.get(null)); }
      catch (e) { seen = 'refused: ' + e; }
      document.body.dataset.probe = seen;
    })();`,
  );
  const h = useFirefox({ extensionDir: dir });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is out of reach of the extension’s own content scripts, so the held key is too', async () => {
    await h.command({ type: 'secret/hold', secret: FLOW_KEY });
    expect((await h.storage('session')).secret).toBeTruthy();
    h.serve('https://www.myshn.net/probe', '<p>probe</p>');
    const page = await h.open('https://www.myshn.net/probe');
    const seen = await until(() => page.evaluate(() => document.body.dataset.probe), 10_000);
    expect(seen).toMatch(/^refused: /);
    expect(seen).not.toContain(FLOW_KEY.slice(12, 40));
  });
});

describe('the console panel’s Done (Firefox, issue 27.4)', () => {
  const h = useFirefox();
  const CONSOLE = 'https://www.myshn.net/shndash/';
  const FORM = readFileSync(
    resolve(import.meta.dirname, '../fixtures/pages/skyhigh-form/label-for.html'),
    'utf8',
  );
  const valueIn = (page: Awaited<ReturnType<typeof h.open>>, sel: string) =>
    page.$eval(sel, (e) => (e as HTMLInputElement).value);

  it('after Done, a form appearing later gets nothing and no hand-off is reported', async () => {
    h.serve(CONSOLE, '<!doctype html><title>Skyhigh CASB</title><main><h1>Service Management</h1></main>');
    const page = await h.open(CONSOLE);
    await until(
      async () => ((await h.storage('session')).consoleTabs as number[] | undefined)?.length,
      10_000,
    );
    await h.command({
      type: 'ids/set',
      workspaceId: 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0',
      organizationId: 'org-p13k3klgno5cqxbf0q8hpgrk',
    });
    await h.command({ type: 'secret/hold', secret: FLOW_KEY });
    await h.command({ type: 'handoff/start' });
    expect(await until(async () => (await accessibleNames(page)).includes('Copy API key'), 10_000)).toBe(
      true,
    );
    expect(await clickByName(page, 'Done')).toBe(true);
    expect(await until(async () => !(await accessibleNames(page)).includes('Copy API key'), 5000)).toBe(true);
    // the ChatGPT instance form appears after the panel was closed
    await page.evaluate((form) => {
      document.body.innerHTML = new DOMParser().parseFromString(form, 'text/html').body.innerHTML;
    }, FORM);
    await sleep(1500);
    expect(await valueIn(page, '#key')).toBe('');
    expect(await valueIn(page, '#ws')).toBe('');
    expect((await h.command({ type: 'state/get' })).lastHandoff?.status).not.toBe('filled');
  });
});
