/**
 * Real-browser harness for Firefox: Debian's firefox-esr driven by puppeteer-core over WebDriver
 * BiDi, with dist/firefox installed as a temporary add-on, and every request (pages and the
 * extension's own fetches) answered by a local proxy from the test's served pages.
 *
 * What differs from Chromium and how it is handled here:
 * - no service worker to evaluate in: extension APIs are called from an extension page of ours
 *   (the popup, open in a tab of its own), exactly as the popup's buttons call them;
 * - `page.goto()` on a moz-extension page never resolves: those are opened through the page's BiDi
 *   browsing context, then waited for by their content;
 * - no accessibility tree over BiDi: names are read from the DOM (closed shadow roots included, see
 *   ./shadow.ts).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type Route, type SeenRequest, startProxy } from '../shared/proxy';
import type { Served } from '../shared/served';
import { ServedPages } from '../shared/served';
import { sleep, until } from '../shared/wait';
import { bidi, contextOf } from './shadow';

export { sleep, until };

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_DIST = resolve(import.meta.dirname, '../../dist/firefox');
export const FIREFOX_MISSING = `Firefox not found at ${FIREFOX}: install the Debian package "firefox-esr" (apt-get install -y firefox-esr)`;
/** The moz-extension:// host, pinned so that the tests know the extension's pages in advance. */
export const EXTENSION_UUID = '5c0f2d3e-9a41-4b8e-8f7c-2d6a1e0b9c47';

/** Hosts Firefox itself talks to (remote settings and the like); the proxy refuses them. */
const BROWSER_OWN = /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozilla\.cloudflare-dns\.com)$/;
export const isBrowserOwn = (url: string) => {
  try {
    return BROWSER_OWN.test(new URL(url).hostname);
  } catch {
    return false;
  }
};

export interface FirefoxHarness {
  browser: Browser;
  profileDir: string;
  /** Every console message of every page, and Firefox's own console output (background included). */
  consoleMessages: string[];
  /** Every URL Firefox asked the network for (its own housekeeping excluded). */
  readonly requests: string[];
  /** Every request in full: URL, method, headers and body (its own housekeeping excluded). */
  readonly fullRequests: SeenRequest[];
  /** Answers of the test's own, tried before the served pages (a fake API, a network failure). */
  routes: Route[];
  serve(url: string, page: Served | string): void;
  /** A new tab at an http(s) URL, loaded. */
  open(url: string): Promise<Page>;
  /** A new tab on one of the extension's pages, once `ready` (a CSS selector) is in it. */
  openExtensionPage(path: string, ready?: string): Promise<Page>;
  openPopup(): Promise<Page>;
  extensionUrl(path: string): string;
  /** Run `fn` in an extension page of ours, where `browser.*` is the extension's API. */
  ext<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** A message to the background, sent from an extension page as the popup sends it. */
  // biome-ignore lint/suspicious/noExplicitAny: the answers differ by message
  command(message: unknown): Promise<any>;
  storage(area: 'local' | 'session'): Promise<Record<string, unknown>>;
  /** The host permissions the extension holds now (`permissions.getAll().origins`). */
  grantedOrigins(): Promise<string[]>;
  /** Withdraw optional host permissions (as the admin can in about:addons). */
  revokeOrigins(origins: string[]): Promise<void>;
  /** Tabs open now, by URL. */
  tabUrls(): Promise<string[]>;
  reset(): Promise<void>;
  /** Close Firefox and keep the profile folder (to inspect it); `close` then removes it. */
  closeBrowser(): Promise<void>;
  close(): Promise<void>;
}

export function assertFirefox(): void {
  if (!existsSync(FIREFOX)) throw new Error(FIREFOX_MISSING);
  if (!existsSync(join(FIREFOX_DIST, 'manifest.json')))
    throw new Error(`No build at ${FIREFOX_DIST}: run "npm run build" first`);
}

export interface LaunchOptions {
  /** Another build of the extension (default: dist/firefox). */
  extensionDir?: string;
  /** Install this packaged .zip instead of a folder (as about:debugging's file picker can). */
  archive?: string;
  /** More Firefox preferences. */
  prefs?: Record<string, string | number | boolean>;
}

export async function launch(options: LaunchOptions = {}): Promise<FirefoxHarness> {
  assertFirefox();
  const extensionDir = options.extensionDir ?? FIREFOX_DIST;
  const geckoId: string = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'))
    .browser_specific_settings.gecko.id;
  const base = `moz-extension://${EXTENSION_UUID}/`;
  const pages = new ServedPages();
  const proxy = await startProxy(pages);
  const profileDir = mkdtempSync(join(tmpdir(), 'casb-firefox-'));
  const consoleMessages: string[] = [];
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      userDataDir: profileDir,
      // extension pages are reachable from BiDi only with system access
      args: ['--remote-allow-system-access'],
      acceptInsecureCerts: true,
      protocolTimeout: 90_000,
      timeout: 90_000,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
        // permissions.request() on a user's click resolves at once instead of showing a prompt
        'extensions.webextOptionalPermissionPrompts': false,
        // every request through the test's proxy, nothing straight to the network
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'network.dns.disablePrefetch': true,
        'network.prefetch-next': false,
        'network.http.speculative-parallel-limit': 0,
        // console output of every kind (background and content scripts included) on stdout
        'devtools.console.stdout.chrome': true,
        'devtools.console.stdout.content': true,
        ...options.prefs,
      },
    });
  } catch (e) {
    await proxy.close();
    rmSync(profileDir, { recursive: true, force: true });
    throw e;
  }
  const output = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n'))
      if (line.trim()) consoleMessages.push(`firefox: ${line}`);
  };
  browser.process()?.stdout?.on('data', output);
  browser.process()?.stderr?.on('data', output);
  const watch = (page: Page) => {
    page.on('console', (m) => consoleMessages.push(`${page.url() || 'page'}: ${m.type()} ${m.text()}`));
    page.on('pageerror', (e) => consoleMessages.push(`pageerror: ${e instanceof Error ? e.message : e}`));
  };
  browser.on('targetcreated', async (t) => {
    const p = await t.page().catch(() => null);
    if (p) watch(p);
  });
  for (const p of await browser.pages()) watch(p);

  // a temporary add-on, as about:debugging's "Load Temporary Add-on…" installs it
  if (options.archive)
    await bidi(browser, 'webExtension.install', {
      extensionData: { type: 'archivePath', path: resolve(options.archive) },
    });
  else await browser.installExtension(resolve(extensionDir));
  const extensionUrl = (path: string) => `${base}${path.replace(/^\//, '')}`;

  async function openExtensionPage(path: string, ready = 'body *'): Promise<Page> {
    const page = await browser.newPage();
    const url = extensionUrl(path);
    // page.goto() never resolves on moz-extension pages: navigate the browsing context itself
    await bidi(browser, 'browsingContext.navigate', { context: contextOf(page), url, wait: 'none' });
    const loaded = await until(
      () =>
        page
          .evaluate(
            (sel: string) => location.href.split('#')[0] + (document.querySelector(sel) ? ' ready' : ''),
            ready,
          )
          .then((s) => s === `${url.split('#')[0]} ready`)
          .catch(() => false),
      30_000,
      100,
    );
    if (!loaded) throw new Error(`${url} did not show ${ready}`);
    return page;
  }

  // the extension page that runs the test's own calls of the extension API
  let control: Page | undefined;
  const controlPage = async () => {
    if (!control || control.isClosed()) control = await openExtensionPage('src/popup/index.html', 'main *');
    return control;
  };
  const ext = async <T, A>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> => {
    const page = await controlPage();
    // biome-ignore lint/suspicious/noExplicitAny: puppeteer's handle-aware signature does not fit a plain function
    return page.evaluate(fn as any, arg) as Promise<T>;
  };
  await controlPage();

  const own = (r: SeenRequest) => !isBrowserOwn(r.url);
  const h: FirefoxHarness = {
    browser,
    profileDir,
    consoleMessages,
    get requests() {
      return proxy.seen.filter(own).map((r) => r.url);
    },
    get fullRequests() {
      return proxy.seen.filter(own);
    },
    routes: proxy.routes,
    serve: (url, page) => pages.serve(url, page),
    async open(url) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      return page;
    },
    openExtensionPage,
    openPopup: () => openExtensionPage('src/popup/index.html', 'main *'),
    extensionUrl,
    ext,
    command: (message) =>
      ext(async (m) => {
        // biome-ignore lint/suspicious/noExplicitAny: the extension page's own browser.* global
        const answer = await (globalThis as any).browser.runtime.sendMessage(m);
        if (answer?.error) throw new Error(answer.error);
        return answer;
      }, message),
    // biome-ignore lint/suspicious/noExplicitAny: the extension page's own browser.* global
    storage: (area) => ext((a) => (globalThis as any).browser.storage[a].get(null), area),
    grantedOrigins: () =>
      // biome-ignore lint/suspicious/noExplicitAny: the extension page's own browser.* global
      ext(async () => (await (globalThis as any).browser.permissions.getAll()).origins as string[]),
    revokeOrigins: (origins) =>
      // biome-ignore lint/suspicious/noExplicitAny: the extension page's own browser.* global
      ext(async (o) => void (await (globalThis as any).browser.permissions.remove({ origins: o })), origins),
    async tabUrls() {
      const tree = await bidi<{ contexts: { url: string }[] }>(browser, 'browsingContext.getTree', {
        maxDepth: 0,
      });
      return tree.contexts.map((c) => c.url);
    },
    async reset() {
      pages.clear();
      proxy.routes.length = 0;
      const keep = await controlPage();
      for (const p of await browser.pages()) if (p !== keep && !p.isClosed()) await p.close().catch(() => {});
      await ext(async () => {
        // biome-ignore lint/suspicious/noExplicitAny: the extension page's own browser.* global
        const b = (globalThis as any).browser;
        await b.storage.local.clear();
        await b.storage.session.clear();
      });
    },
    async closeBrowser() {
      if (browser.connected) await browser.close();
      await proxy.close();
    },
    async close() {
      await h.closeBrowser();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
  return h;
}

/**
 * One Firefox for a test file: launched before its tests, closed after, and (by default) reset
 * before each test. The returned object stands for the launched harness.
 */
export function useFirefox(options: LaunchOptions = {}, { resetEach = true } = {}): FirefoxHarness {
  let current: FirefoxHarness | undefined;
  beforeAll(async () => {
    current = await launch(options);
  }, 120_000);
  afterAll(async () => {
    await current?.close();
  }, 60_000);
  if (resetEach) beforeEach(async () => current?.reset(), 60_000);
  return new Proxy({} as FirefoxHarness, {
    get(_target, key) {
      if (!current) throw new Error('the harness is used before it was launched');
      const value = current[key as keyof FirefoxHarness];
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}
