/**
 * One build per browser: `vite build --mode chrome` writes dist/chrome, `--mode firefox` dist/firefox.
 * manifest.json is the Chrome manifest; the Firefox one is derived from it here.
 */
import { readFileSync } from 'node:fs';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// the stores' build whatever the shell says (vitest, for one, sets NODE_ENV=test): same bytes everywhere
process.env.NODE_ENV = 'production';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const base = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8'));

export const CONTENT_SCRIPTS = [
  'src/content/key-page.ts',
  'src/content/workspace-ids.ts',
  'src/content/skyhigh-fill.ts',
];
export const GECKO_ID = 'chatgpt-casb-onboarding@skyhigh-helper';

export function manifestFor(browser: 'chrome' | 'firefox') {
  const m = structuredClone(base);
  m.version = pkg.version;
  if (browser === 'firefox') {
    m.background = { scripts: [base.background.service_worker], type: 'module' };
    // Firefox reads managed storage from its policies (3rdparty.Extensions), not from a schema
    delete m.storage;
    m.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '153.0',
        data_collection_permissions: { required: ['none'] },
      },
    };
  }
  return m;
}

export default defineConfig(({ mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [
      preact(),
      crx({
        manifest: manifestFor(browser) as ManifestV3Export,
        browser,
        contentScripts: { standaloneFiles: CONTENT_SCRIPTS },
      }),
    ],
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      target: browser === 'firefox' ? 'firefox128' : 'chrome120',
      minify: true,
      sourcemap: false,
      modulePreload: false,
    },
  };
});
