/**
 * The profile scan is only as good as what it can read. A key that Firefox *did* write (an
 * extension's storage.local, form data the session store keeps) must be found by it; only then
 * does "not found" after the full flow mean something.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCases } from '../pages/cases';
import { filesContaining } from '../shared/files';
import { sleep, until, useFirefox } from './harness';
import { decodeProfileFile, lz4Block } from './mozlz4';

const PLANTED = 'sk-proj-PLANTEDcontrolKEYqZ4mT8vW1xY6nB3kJ0hG5fD2sA7pL9oI';
const PART = PLANTED.slice(12, 44);

/** Session store writes every half second instead of every 15 s, so that a test sees them. */
const QUICK_SESSION_STORE = { 'browser.sessionstore.interval': 500 };

describe('the profile scan (Firefox)', () => {
  const h = useFirefox({ prefs: QUICK_SESSION_STORE }, { resetEach: false });

  it('finds a key in storage.local and in the session store', async () => {
    // biome-ignore lint/suspicious/noExplicitAny: the extension page's own browser.* global
    await h.ext((k) => (globalThis as any).browser.storage.local.set({ planted: k }), PLANTED);
    h.serve('https://www.myshn.net/typed', '<label>Notes <input id="notes" type="text"></label>');
    const page = await h.open('https://www.myshn.net/typed');
    await page.type('#notes', PLANTED);
    // closing the tab makes the session store collect its last state (kept among closed tabs)
    await page.close();
    await sleep(1500);
    await h.closeBrowser();
    const hits = filesContaining(h.profileDir, PART, decodeProfileFile);
    expect(hits.some((f) => f.includes('/storage/default/moz-extension'))).toBe(true);
    expect(hits.some((f) => f.includes('sessionstore'))).toBe(true);
    // the session store is compressed (mozLz4): decompressed, it is the JSON Firefox wrote
    const store = join(h.profileDir, 'sessionstore.jsonlz4');
    const json = JSON.parse(
      lz4Block(readFileSync(store).subarray(12), readFileSync(store).readUInt32LE(8)).toString(),
    );
    expect(JSON.stringify(json)).toContain(PLANTED);
  });
});

describe('a key handed into a plain text field (Firefox)', () => {
  const h = useFirefox({ prefs: QUICK_SESSION_STORE }, { resetEach: false });

  it('is not kept by the session store (unlike text the admin types)', async () => {
    // aria-label-only: the console's key field is a <textarea>, not a password field
    const c = allCases().find((x) => x.id === 'skyhigh-form/aria-label-only');
    if (c?.kind !== 'skyhigh-form') throw new Error('capture skyhigh-form/aria-label-only is missing');
    const part = c.values.apiKey.slice(12, 44);
    h.serve(c.url, c.html);
    await h.command({ type: 'settings/set', consoleHost: c.consoleHost });
    await h.command({ type: 'ids/set', workspaceId: c.values.workspaceId });
    await h.command({ type: 'secret/hold', secret: c.values.apiKey });
    const page = await h.open(c.url);
    expect(
      await until(async () => ((await h.storage('session')).consoleTabs as unknown[])?.length, 10_000),
    ).toBe(1);
    await h.command({ type: 'handoff/start' });
    const filled = () => page.$eval('#b', (e) => (e as HTMLTextAreaElement).value);
    expect(await until(async () => (await filled()) === c.values.apiKey, 10_000)).toBe(true);
    await page.close(); // as in the control above: the tab's last state is collected
    await sleep(1500);
    await h.closeBrowser();
    expect(filesContaining(h.profileDir, part, decodeProfileFile)).toEqual([]);
  });
});
