/**
 * One build per browser: `vite build --mode chrome` writes dist/chrome, `--mode firefox` dist/firefox.
 * manifest.json is the Chrome manifest; the Firefox one is derived from it here.
 */
import { readFileSync } from 'node:fs';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { build, defineConfig, type Plugin } from 'vite';

// the stores' build whatever the shell says (vitest, for one, sets NODE_ENV=test): same bytes everywhere
process.env.NODE_ENV = 'production';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const base = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8'));

export const CONTENT_SCRIPTS = [
  'src/content/key-page.ts',
  'src/content/workspace-ids.ts',
  'src/content/skyhigh-fill.ts',
];
/**
 * The key page's UI file, injected by the background (scripting.executeScript) when a key page has
 * something to show: built here as one self-contained script, like a content script, and not
 * through crxjs's `?script` import (which would make it web-accessible to every site).
 */
export const KEY_UI = { entry: 'src/content/key-ui.ts', file: 'src/content/key-ui.js' };

function keyUiFile(target: string): Plugin {
  return {
    name: 'key-ui-file',
    apply: 'build',
    async generateBundle() {
      const out = (await build({
        configFile: false,
        logLevel: 'warn',
        define: { 'process.env.NODE_ENV': '"production"' },
        build: {
          write: false,
          target,
          minify: true,
          sourcemap: false,
          lib: { entry: KEY_UI.entry, formats: ['iife'], name: 'keyUi', fileName: () => 'key-ui.js' },
          rollupOptions: { output: { inlineDynamicImports: true } },
        },
      })) as { output: { code?: string }[] }[];
      const code = out[0]?.output[0]?.code;
      if (!code) throw new Error(`no output for ${KEY_UI.entry}`);
      this.emitFile({ type: 'asset', fileName: KEY_UI.file, source: code });
    },
  };
}
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
      keyUiFile(browser === 'firefox' ? 'firefox128' : 'chrome120'),
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
