/**
 * Where the key may go in Firefox, besides the full flow: onto the clipboard when the admin copies
 * it (and back out where they paste it), and never into reach of a content script
 * (storage.session is for the extension's own pages and background only).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeyIn, FLOW_KEY, FLOW_URL, flowPage } from './flows';
import { FIREFOX_DIST, until, useFirefox } from './harness';
import { clickByName, visibleTexts } from './shadow';

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
