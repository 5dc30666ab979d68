/**
 * One build per browser: `vite build --mode chrome` writes dist/chrome, `--mode firefox` dist/firefox.
 * manifest.json is the Chrome manifest without hosts: the content scripts with the pages they run on,
 * and the optional host permissions, are added here from src/core/sites/* and src/core/access.ts (the
 * one place each host is written); the Firefox manifest is derived from it here.
 */
import { readFileSync } from 'node:fs';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { COMPLIANCE_API_PERMISSION } from './src/core/access';
import { ADMIN_MATCHES } from './src/core/sites/chatgpt';
import { KEY_PAGE_MATCHES } from './src/core/sites/openai';
import { CONSOLE_MATCHES, CUSTOM_CONSOLE_PATTERNS } from './src/core/sites/skyhigh';

// the stores' build whatever the shell says (vitest, for one, sets NODE_ENV=test): same bytes everywhere
process.env.NODE_ENV = 'production';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const base = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8'));

/** The content scripts, one per site, and the pages each runs on. */
export const CONTENT_SCRIPTS: readonly { js: string; matches: readonly string[] }[] = [
  { js: 'src/content/workspace-ids.ts', matches: ADMIN_MATCHES },
  { js: 'src/content/key-page.ts', matches: KEY_PAGE_MATCHES },
  { js: 'src/content/skyhigh-fill.ts', matches: CONSOLE_MATCHES },
];
export const GECKO_ID = 'chatgpt-casb-onboarding@skyhigh-helper';

export function manifestFor(browser: 'chrome' | 'firefox') {
  const m = structuredClone(base);
  m.version = pkg.version;
  m.content_scripts = CONTENT_SCRIPTS.map(({ js, matches }) => ({
    matches: [...matches],
    js: [js],
    run_at: 'document_idle',
  }));
  // asked for when the admin checks access, or picks a tenant console under Skyhigh's domains
  m.optional_host_permissions = [COMPLIANCE_API_PERMISSION, ...CUSTOM_CONSOLE_PATTERNS];
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
        contentScripts: { standaloneFiles: CONTENT_SCRIPTS.map((c) => c.js) },
      }),
    ],
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      target: browser === 'firefox' ? 'firefox128' : 'chrome120',
      minify: true,
      sourcemap: false,
      // the popup's and options' chunks fetched at once, beside their entry (links only: no polyfill)
      modulePreload: { polyfill: false },
    },
  };
});
