/**
 * README "Load the extension" for Firefox, step by step, in Firefox ESR with its default
 * preferences for add-ons: the build (folder or packaged zip) loads as a temporary add-on; the
 * sites of its content scripts are allowed at install; the optional hosts are not, until asked for;
 * the popup and the options page work; a site whose access is withdrawn gets nothing; the Firefox
 * under test is one the manifest admits.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capture, SETTINGS_URL } from './flows';
import { FIREFOX_DIST, sleep, useFirefox } from './harness';
import { accessibleNames } from './shadow';

const manifest = JSON.parse(readFileSync(join(FIREFOX_DIST, 'manifest.json'), 'utf8'));
const contentScriptHosts = [
  ...new Set<string>(
    manifest.content_scripts.flatMap((c: { matches: string[] }) =>
      c.matches.map((m) => `https://${new URL(m.replace(/\*/g, 'x')).hostname}/*`),
    ),
  ),
].sort();
const DIST = resolve(FIREFOX_DIST, '..');
const zip = readdirSync(DIST).find((f) => /^firefox-.+\.zip$/.test(f));

for (const [what, options] of [
  ['dist/firefox (manifest.json)', {}],
  [`dist/${zip}`, { archive: join(DIST, zip ?? 'missing.zip') }],
] as const) {
  describe(`Load Temporary Add-on: ${what}`, () => {
    const h = useFirefox(options, { resetEach: false });

    it('runs in this Firefox, the version the manifest asks for or later', async () => {
      const version = (await h.browser.version()).replace(/^firefox\//, '');
      const min = manifest.browser_specific_settings.gecko.strict_min_version as string;
      expect(Number.parseInt(version, 10)).toBeGreaterThanOrEqual(Number.parseInt(min, 10));
    });

    it('is allowed on the sites it reads at install, and on no other host until asked', async () => {
      expect([...new Set(await h.grantedOrigins())].sort()).toEqual(contentScriptHosts);
      for (const optional of manifest.optional_host_permissions)
        expect(await h.grantedOrigins()).not.toContain(optional);
    });

    it('opens its popup and its options page', async () => {
      const popup = await h.openPopup();
      expect(await popup.$eval('[data-progress]', (e) => e.getAttribute('data-progress'))).toBe('0/6');
      const options = await h.openExtensionPage('src/options/index.html', 'select');
      expect(await options.$eval('select', (e) => (e as HTMLSelectElement).value)).toBe('www.myshn.net');
    });

    it('does nothing on a site whose access was withdrawn', async () => {
      await h.revokeOrigins(['https://chatgpt.com/*']);
      expect(await h.grantedOrigins()).not.toContain('https://chatgpt.com/*');
      h.serve(SETTINGS_URL, capture('chatgpt-settings', 'en-general-dl'));
      const page = await h.open(SETTINGS_URL);
      await sleep(3000);
      expect((await h.command({ type: 'state/get' })).state.current).toBeNull();
      expect(await accessibleNames(page)).not.toContain('Forget');
    });
  });
}
