/**
 * The profile scan is only as good as what it can read. A key that Firefox *did* write (an
 * extension's storage.local, form data the session store keeps) must be found by it; only then
 * does "not found" after the full flow mean something.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesContaining } from '../shared/files';
import { sleep, useFirefox } from './harness';
import { decodeProfileFile, lz4Block } from './mozlz4';

const PLANTED = 'sk-proj-PLANTEDcontrolKEYqZ4mT8vW1xY6nB3kJ0hG5fD2sA7pL9oI';
const PART = PLANTED.slice(12, 44);

describe('the profile scan (Firefox)', () => {
  const h = useFirefox({ prefs: { 'browser.sessionstore.interval': 500 } }, { resetEach: false });

  it('finds a key in storage.local and in the session store', async () => {
    // biome-ignore lint/suspicious/noExplicitAny: the extension page's own browser.* global
    await h.ext((k) => (globalThis as any).browser.storage.local.set({ planted: k }), PLANTED);
    h.serve('https://www.myshn.net/typed', '<label>Notes <input id="notes" type="text"></label>');
    const page = await h.open('https://www.myshn.net/typed');
    await page.type('#notes', PLANTED);
    await sleep(2000); // a session store write
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
