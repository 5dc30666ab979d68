/**
 * The pages the extension acts on, by address: exact hosts, https only, the default port, the
 * documented paths. A look-alike host, another scheme, a port or another path gets nothing.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN_MATCHES, isAdminUrl, isSettingsUrl, safeUrl } from '../../src/core/sites/chatgpt';
import { isKeyPageUrl, isPlatformOrgUrl, KEY_PAGE_MATCHES, keySiteOf } from '../../src/core/sites/openai';
import {
  CONSOLE_HOSTS,
  CONSOLE_MATCHES,
  consoleStartUrl,
  hostPattern,
  isConsoleHost,
  isKnownConsoleHost,
  mayFill,
} from '../../src/core/sites/skyhigh';

describe('chatgpt.com admin pages', () => {
  it.each([
    ['https://chatgpt.com/admin', true, false],
    ['https://chatgpt.com/admin/', true, false],
    ['https://chatgpt.com/admin/members', true, false],
    ['https://chatgpt.com/admin/settings', true, true],
    ['https://chatgpt.com/admin/settings/', true, true],
    ['https://chatgpt.com/admin/settings?tab=general#top', true, true],
    ['https://chatgpt.com/admin/settings/security', true, false],
    ['https://chatgpt.com/administrator/settings', false, false],
    ['https://chatgpt.com/c/admin/settings', false, false],
    ['https://chatgpt.com/', false, false],
    ['http://chatgpt.com/admin/settings', false, false],
    ['https://chatgpt.com:8443/admin/settings', false, false],
    ['https://www.chatgpt.com/admin/settings', false, false],
    ['https://chatgpt.com.evil.example/admin/settings', false, false],
    ['https://evil.example/admin/settings', false, false],
    ['not a url', false, false],
  ])('%s: admin %s, settings %s', (url, admin, settings) => {
    expect(isAdminUrl(url)).toBe(admin);
    expect(isSettingsUrl(url)).toBe(settings);
    const u = safeUrl(url);
    if (u) {
      expect(isAdminUrl(u)).toBe(admin);
      expect(isSettingsUrl(u)).toBe(settings);
    }
  });

  it('an address that does not parse is no address', () => {
    expect(safeUrl('::')).toBeNull();
    expect(safeUrl('https://chatgpt.com/admin')?.hostname).toBe('chatgpt.com');
  });
});

describe('OpenAI key pages', () => {
  it.each([
    ['https://platform.openai.com/api-keys', true, 'platform'],
    ['https://platform.openai.com/api-keys/', true, 'platform'],
    ['https://platform.openai.com/settings/organization/api-keys', true, 'platform'],
    ['https://platform.openai.com/settings/organization/admin-keys', true, 'platform'],
    ['https://platform.openai.com/settings/proj_AbC123/api-keys', true, 'platform'],
    ['https://platform.openai.com/settings/proj_/api-keys', false, 'platform'],
    ['https://platform.openai.com/settings/proj_a-b/api-keys', false, 'platform'],
    ['https://platform.openai.com/settings/organization/general', false, 'platform'],
    ['https://platform.openai.com/api-keys/extra', false, 'platform'],
    ['https://platform.openai.com/x/api-keys', false, 'platform'],
    ['https://platform.openai.com/docs', false, 'platform'],
    ['https://admin.openai.com/', false, 'admin-console'],
    ['https://admin.openai.com/members', false, 'admin-console'],
    ['https://admin.openai.com/audit-log', false, 'admin-console'],
    ['https://admin.openai.com/keystore', false, 'admin-console'],
    ['https://admin.openai.com/api-keys-help', false, 'admin-console'],
    ['https://admin.openai.com/workspace/x/credentials', true, 'admin-console'],
    ['https://admin.openai.com/credentials/', true, 'admin-console'],
    ['https://admin.openai.com/organization/admin-keys', true, 'admin-console'],
    ['https://admin.openai.com/api-keys', true, 'admin-console'],
    ['https://admin.openai.com/projects/p/keys', true, 'admin-console'],
    ['https://admin.openai.com/workspace/x/credentials/admin-keys/new', true, 'admin-console'],
    ['https://admin.openai.com/workspaces/x/admin-keys', true, 'admin-console'],
    ['https://admin.openai.com/admin-keys/create', true, 'admin-console'],
    // a keys word deeper in another area is not the key area (issue 27, lower findings)
    ['https://admin.openai.com/workspace/x/members/keys', false, 'admin-console'],
    ['https://admin.openai.com/workspace/x/audit-log/credentials', false, 'admin-console'],
    ['https://admin.openai.com/members/api-keys', false, 'admin-console'],
    ['https://admin.openai.com/workspace/x/admin-keys/x/members', false, 'admin-console'],
    ['https://admin.openai.com/help/credentials', false, 'admin-console'],
    ['http://platform.openai.com/api-keys', false, null],
    ['https://platform.openai.com:444/api-keys', false, null],
    ['http://admin.openai.com/', false, null],
    ['https://admin.openai.com:8443/', false, null],
    ['https://platform.openai.com.evil.example/api-keys', false, null],
    ['https://openai.com/api-keys', false, null],
    ['not a url', false, null],
  ])('%s: key page %s, site %s', (url, keyPage, site) => {
    expect(isKeyPageUrl(url)).toBe(keyPage);
    expect(keySiteOf(url)).toBe(site);
  });

  it.each([
    ['https://platform.openai.com/settings/organization/general', true],
    ['https://platform.openai.com/settings/organization/general/', true],
    ['https://platform.openai.com/settings/organization/general/x', false],
    ['https://platform.openai.com/settings/organization/billing', false],
    ['https://platform.openai.com/x/settings/organization/general', false],
    ['http://platform.openai.com/settings/organization/general', false],
    ['https://platform.openai.com:8443/settings/organization/general', false],
    ['https://admin.openai.com/settings/organization/general', false],
    ['not a url', false],
  ])('%s: the platform’s organisation settings %s', (url, org) => {
    expect(isPlatformOrgUrl(url)).toBe(org);
  });
});

describe('Skyhigh console hosts', () => {
  it('every documented console is a console host, and known', () => {
    for (const host of CONSOLE_HOSTS) {
      expect(isKnownConsoleHost(host), host).toBe(true);
      expect(isConsoleHost(host), host).toBe(true);
    }
    expect(isKnownConsoleHost('tenant.myshn.net')).toBe(false);
    expect(isKnownConsoleHost('WWW.MYSHN.NET')).toBe(false);
  });

  it.each([
    'tenant.myshn.net',
    'a.b.myshn.ca',
    'x-1.govshn.net',
    'dashboard-au.ui.skyhigh.cloud',
    `${'a'.repeat(63)}.myshn.eu`,
  ])('a tenant host under Skyhigh’s domains: %s', (host) => {
    expect(isConsoleHost(host)).toBe(true);
  });

  it.each([
    ['the bare domain', 'myshn.net'],
    ['the documentation site', 'success.myshn.net'],
    ['a look-alike suffix', 'tenant.myshn.net.evil.example'],
    ['a look-alike domain', 'tenantmyshn.net'],
    ['another domain', 'evil.example'],
    ['uppercase', 'Tenant.myshn.net'],
    ['a port', 'tenant.myshn.net:8443'],
    ['a scheme', 'https://tenant.myshn.net'],
    ['a path', 'tenant.myshn.net/shndash'],
    ['another host with a path ending in the domain', 'evil.example/x.myshn.net'],
    ['another host with a query ending in the domain', 'evil.example?.myshn.net'],
    ['another host with a fragment ending in the domain', 'evil.example#.myshn.net'],
    ['a trailing dot', 'tenant.myshn.net.'],
    ['an empty label', 'tenant..myshn.net'],
    ['a label starting with a hyphen', '-tenant.myshn.net'],
    ['a label ending with a hyphen', 'tenant-.myshn.net'],
    ['a label of 64 characters', `${'a'.repeat(64)}.myshn.net`],
    ['longer than 253 characters', `${'abcdefghi.'.repeat(25)}myshn.net`],
    ['an underscore', 'ten_ant.myshn.net'],
    ['a space', 'ten ant.myshn.net'],
    ['a user name', 'user@tenant.myshn.net'],
    ['empty', ''],
  ])('not a console host: %s', (_, host) => {
    expect(isConsoleHost(host)).toBe(false);
  });

  it('the admin starts at the console’s dashboard, and access is asked for that host alone', () => {
    expect(consoleStartUrl('www.myshn.eu')).toBe('https://www.myshn.eu/shndash/');
    expect(hostPattern('tenant.myshn.net')).toBe('https://tenant.myshn.net/*');
  });

  it.each([
    ['https://www.myshn.net/shndash/', 'www.myshn.net', true],
    ['https://www.myshn.net/shndash', 'www.myshn.net', true],
    ['https://www.myshn.net:443/shndash/settings', 'www.myshn.net', true],
    ['https://tenant.myshn.ca/shndash/#/connectors', 'tenant.myshn.ca', true],
    // the console app lives under /shndash/: any other page of its host is not filled
    ['https://www.myshn.net:443/x', 'www.myshn.net', false],
    ['https://tenant.myshn.ca/', 'tenant.myshn.ca', false],
    ['https://www.myshn.net/help/shndash/', 'www.myshn.net', false],
    ['https://www.myshn.net/shndashboard/', 'www.myshn.net', false],
    ['https://www.myshn.net/x?next=/shndash/', 'www.myshn.net', false],
    ['http://www.myshn.net/shndash/', 'www.myshn.net', false],
    ['https://www.myshn.net:8443/shndash/', 'www.myshn.net', false],
    ['https://u@www.myshn.net/shndash/', 'www.myshn.net', false],
    ['https://:p@www.myshn.net/shndash/', 'www.myshn.net', false],
    ['https://www.myshn.eu/shndash/', 'www.myshn.net', false],
    ['https://evil.example/shndash/', 'evil.example', false],
    ['https://myshn.net/shndash/', 'myshn.net', false],
    ['nonsense', 'www.myshn.net', false],
  ])('fill %s for console %s: %s', (url, host, ok) => {
    expect(mayFill(url, host)).toBe(ok);
  });
});

/**
 * The manifest's content-script matches come from src/core/sites/* (vite.config.ts writes them): the
 * pages each script acts on must all be among the pages the browser runs it on. The built manifests
 * are compared with these lists in test/harness/manifest.test.ts.
 */
describe('content-script matches', () => {
  // a match pattern's path part: `*` is any run of characters (the host part has no wildcard here)
  const matches = (patterns: readonly string[], url: string) =>
    patterns.some((p) =>
      new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(
        url.replace(/[?#].*$/, ''),
      ),
    );

  it.each([
    'https://platform.openai.com/api-keys',
    'https://platform.openai.com/api-keys/',
    'https://platform.openai.com/settings/organization/api-keys',
    'https://platform.openai.com/settings/organization/admin-keys',
    'https://platform.openai.com/settings/proj_AbC123/api-keys',
    'https://platform.openai.com/settings/organization/general',
    'https://admin.openai.com/workspace/x/credentials',
    'https://admin.openai.com/api-keys',
  ])('the key-page script runs on %s, a page it acts on', (url) => {
    expect(isKeyPageUrl(url) || isPlatformOrgUrl(url)).toBe(true);
    expect(matches(KEY_PAGE_MATCHES, url)).toBe(true);
  });

  it('the settings script runs on the settings page; the console script on every documented console', () => {
    for (const url of [
      'https://chatgpt.com/admin/settings',
      'https://chatgpt.com/admin/settings/?tab=general',
    ]) {
      expect(isSettingsUrl(url)).toBe(true);
      expect(matches(ADMIN_MATCHES, url)).toBe(true);
    }
    for (const host of CONSOLE_HOSTS) expect(matches(CONSOLE_MATCHES, consoleStartUrl(host))).toBe(true);
  });

  it('no script runs on a look-alike host, another scheme or a port', () => {
    for (const url of [
      'https://platform.openai.com.evil.example/api-keys',
      'http://platform.openai.com/api-keys',
      'https://platform.openai.com:444/api-keys',
      'https://admin.openai.com.evil.example/credentials',
      'https://chatgpt.com.evil.example/admin/settings',
      'https://success.myshn.net/shndash/',
    ])
      expect(matches([...ADMIN_MATCHES, ...KEY_PAGE_MATCHES, ...CONSOLE_MATCHES], url), url).toBe(false);
  });
});
