/** The built manifests: narrow, nothing web-accessible to the sites, every permission justified. */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_MATCHES, CHATGPT_HOST } from '../../src/core/sites/chatgpt';
import { ADMIN_CONSOLE_HOST, KEY_PAGE_MATCHES, PLATFORM_HOST } from '../../src/core/sites/openai';
import { CONSOLE_HOSTS, CONSOLE_MATCHES, CUSTOM_CONSOLE_PATTERNS } from '../../src/core/sites/skyhigh';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (p: string) => JSON.parse(readFileSync(resolve(ROOT, p), 'utf8'));
const chrome = read('dist/chrome/manifest.json');
const firefox = read('dist/firefox/manifest.json');
const permissionsDoc = readFileSync(resolve(ROOT, 'docs/permissions.md'), 'utf8');
const storePermissionsDoc = readFileSync(resolve(ROOT, 'docs/store/permissions.md'), 'utf8');

const HOSTS = new Set<string>([CHATGPT_HOST, PLATFORM_HOST, ADMIN_CONSOLE_HOST, ...CONSOLE_HOSTS]);

// biome-ignore lint/suspicious/noExplicitAny: manifest JSON
function hostPatterns(m: any): string[] {
  return [
    ...(m.host_permissions ?? []),
    ...(m.content_scripts ?? []).flatMap((c: { matches: string[] }) => c.matches),
    ...(m.web_accessible_resources ?? []).flatMap((w: { matches?: string[] }) => w.matches ?? []),
  ];
}

describe.each([
  ['chrome', chrome],
  ['firefox', firefox],
])('%s manifest', (_name, m) => {
  it('matches only https pages of the exact hosts the product works on', () => {
    const patterns = hostPatterns(m);
    expect(patterns.length).toBeGreaterThan(0);
    for (const p of patterns) {
      const match = /^https:\/\/([^/*]+)\/.*$/.exec(p);
      expect(match, `${p} is not an https pattern of one exact host`).not.toBeNull();
      expect(HOSTS.has(match?.[1] ?? ''), `${p} names a host the product does not work on`).toBe(true);
    }
  });

  it('runs one content script per site, exactly on the pages src/core/sites/* name', () => {
    expect(m.content_scripts).toEqual([
      { matches: ADMIN_MATCHES, js: ['src/content/workspace-ids.js'], run_at: 'document_idle' },
      { matches: KEY_PAGE_MATCHES, js: ['src/content/key-page.js'], run_at: 'document_idle' },
      { matches: CONSOLE_MATCHES, js: ['src/content/skyhigh-fill.js'], run_at: 'document_idle' },
    ]);
  });

  it('asks for no host at install, and optionally only for one https host the admin chooses', () => {
    expect(m.host_permissions ?? []).toEqual([]);
    // the access check's API, and a custom tenant console under Skyhigh's own domains: no other host
    expect(m.optional_host_permissions ?? []).toEqual([
      'https://api.chatgpt.com/*',
      ...CUSTOM_CONSOLE_PATTERNS,
    ]);
    for (const p of m.optional_host_permissions)
      expect(p).toMatch(/^https:\/\/(api\.chatgpt\.com|\*\.[a-z.]+)\/\*$/);
    expect(permissionsDoc).toContain(
      '`https://api.chatgpt.com/*` is asked for when the admin clicks **Check access**',
    );
    for (const p of CUSTOM_CONSOLE_PATTERNS) expect(permissionsDoc).toContain(`\`${p}\``);
  });

  it('makes nothing web-accessible to the sites', () => {
    expect(m.web_accessible_resources ?? []).toEqual([]);
  });

  it('asks only for documented permissions', () => {
    for (const p of [...(m.permissions ?? []), ...(m.optional_permissions ?? [])]) {
      expect(permissionsDoc, `docs/permissions.md must justify "${p}"`).toMatch(
        new RegExp(`\\|\\s*\`${p}\`\\s*\\|`),
      );
      expect(storePermissionsDoc, `docs/store/permissions.md must justify "${p}"`).toMatch(
        new RegExp(`\\|\\s*\`${p}\`\\s*\\|`),
      );
    }
  });

  it('names itself through _locales and takes its version from package.json', () => {
    expect(m.name).toMatch(/^__MSG_\w+__$/);
    expect(m.description).toMatch(/^__MSG_\w+__$/);
    expect(m.version).toBe(read('package.json').version);
  });

  it('allows no remote or inline code on its own pages', () => {
    const csp: string = m.content_security_policy.extension_pages;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
  });
});

describe('extension pages', () => {
  it('load only their own scripts: no inline script, no remote code', () => {
    for (const browser of ['chrome', 'firefox']) {
      const dir = resolve(ROOT, 'dist', browser);
      const html = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
      expect(html.length).toBeGreaterThanOrEqual(2);
      for (const f of html) {
        const text = readFileSync(resolve(dir, f), 'utf8');
        for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
          expect(m[1], `${f}: a script without src`).toMatch(/\ssrc="\/[^"]+"/);
          expect((m[2] ?? '').trim(), `${f}: inline script`).toBe('');
        }
        expect(text, `${f}: remote resource`).not.toMatch(/(src|href)="(https?:)?\/\//);
        expect(text, `${f}: inline handler`).not.toMatch(/\son[a-z]+="/);
      }
    }
  });
});

describe('firefox manifest', () => {
  it('has a background script, a gecko id, Firefox 153+ and no data collection', () => {
    expect(firefox.background.scripts?.length).toBe(1);
    expect(firefox.background.service_worker).toBeUndefined();
    const gecko = firefox.browser_specific_settings.gecko;
    expect(gecko.id).toMatch(/@/);
    // the lowest Firefox the suites run in (Debian's firefox-esr 153): see README, "Load the extension"
    expect(Number.parseInt(gecko.strict_min_version, 10)).toBeGreaterThanOrEqual(153);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });
});
