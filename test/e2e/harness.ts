/**
 * Real-browser harness: Debian's Chromium driven by playwright-core, with the built extension
 * loaded from dist/chrome, and every third-party page served from a capture with `context.route`
 * (no network, no certificates).
 */

import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, type ConsoleMessage, chromium, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { NOT_SERVED, type Served, ServedPages } from '../shared/served';

export { filesContaining } from '../shared/files';
export type { Served } from '../shared/served';
export { sleep, until } from '../shared/wait';

// The service worker's own global, used only inside worker.evaluate callbacks.
// biome-ignore lint/suspicious/noExplicitAny: chrome.* is untyped here on purpose (no @types/chrome)
declare const chrome: any;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DIST = resolve(import.meta.dirname, '../../dist/chrome');
export const CHROMIUM_MISSING = `Chromium not found at ${CHROMIUM}: install the Debian package "chromium" (apt-get install -y chromium)`;

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  profileDir: string;
  /** Every console message of every page and of the service worker. */
  consoleMessages: string[];
  /** Every URL the browser asked for. */
  requests: string[];
  /** Every request in full: URL, headers and body. */
  fullRequests: { url: string; headers: Record<string, string>; body: string }[];
  /** Serve `body` at `url` (exact URL, or URL without its fragment). */
  serve(url: string, page: Served | string): void;
  openPopup(): Promise<Page>;
  extensionUrl(path: string): string;
  /** Run `chrome.*` code in the service worker (storage inspection, resets). */
  sw<T>(fn: () => Promise<T> | T): Promise<T>;
  /** Everything in one storage area, read in the service worker. */
  storage(area: 'local' | 'session'): Promise<Record<string, unknown>>;
  reset(): Promise<void>;
  /** Close the browser and keep the profile folder (to inspect it); `close` then removes it. */
  closeBrowser(): Promise<void>;
  close(): Promise<void>;
}

export function assertChromium(): void {
  if (!existsSync(CHROMIUM)) throw new Error(CHROMIUM_MISSING);
  if (!existsSync(join(DIST, 'manifest.json')))
    throw new Error(`No build at ${DIST}: run "npm run build" first`);
}

export interface LaunchOptions {
  /** Another build of the extension (default: dist/chrome). */
  extensionDir?: string;
  /** More Chromium switches. */
  args?: string[];
  /** false: the same browser without the extension (to measure what it costs a page). */
  extension?: boolean;
  /** The pages' locale (dates, numbers, navigator.language), e.g. 'de-DE'. */
  locale?: string;
}

/**
 * A copy of the build whose manifest grants some optional host permissions at install: Chrome
 * offers automation no way to answer the prompt that `permissions.request` shows (Playwright
 * declines to add one), and an already granted origin makes `permissions.request` resolve true at
 * once, so the rest of the path runs for real.
 */
export function buildWithGrantedHosts(origins: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'casb-ext-'));
  cpSync(DIST, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...origins];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

export async function launch(options: LaunchOptions = {}): Promise<Harness> {
  assertChromium();
  const extensionDir = options.extensionDir ?? DIST;
  const profileDir = mkdtempSync(join(tmpdir(), 'casb-e2e-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    ...(options.locale ? { locale: options.locale } : {}),
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...(options.extension === false
        ? []
        : [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.args ?? []),
    ],
  });
  const pages = new ServedPages();
  const consoleMessages: string[] = [];
  const requests: string[] = [];
  const record = (where: string) => (m: ConsoleMessage) =>
    consoleMessages.push(`${where}: ${m.type()} ${m.text()}`);
  context.on('page', (p) => {
    p.on('console', record(p.url() || 'page'));
    p.on('pageerror', (e) => consoleMessages.push(`pageerror: ${e.message}`));
  });
  const fullRequests: Harness['fullRequests'] = [];
  context.on('request', (r) => {
    requests.push(r.url());
    fullRequests.push({ url: r.url(), headers: r.headers(), body: r.postData() ?? '' });
  });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!/^https?:/.test(url)) return route.continue(); // the extension's own files
    const hit = pages.get(url);
    if (hit) {
      await route.fulfill(hit);
    } else if (route.request().resourceType() === 'document') {
      await route.fulfill(NOT_SERVED);
    } else {
      await route.abort();
    }
  });
  // without the extension there is no worker: sw(), storage() and openPopup() are then unusable
  const worker =
    options.extension === false
      ? (undefined as unknown as Worker)
      : (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  worker?.on('console', record('service-worker'));
  const extensionId = worker ? new URL(worker.url()).host : '';
  const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;

  const h: Harness = {
    context,
    extensionId,
    worker,
    profileDir,
    consoleMessages,
    requests,
    fullRequests,
    serve: (url, page) => pages.serve(url, page),
    async openPopup() {
      const page = await context.newPage();
      await page.goto(extensionUrl('src/popup/index.html'));
      return page;
    },
    extensionUrl,
    sw: (fn) => worker.evaluate(fn),
    storage: (area) => worker.evaluate((a) => chrome.storage[a].get(null), area),
    async reset() {
      pages.clear();
      for (const p of context.pages()) await p.close();
      await worker.evaluate(async () => {
        await chrome.storage.local.clear();
        await chrome.storage.session.clear();
      });
    },
    async closeBrowser() {
      await context.close();
    },
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
  return h;
}

/** Names of the buttons (and other named nodes) the accessibility tree shows, closed shadow roots included. */
export async function accessibleNames(page: Page, role = 'button'): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value?: string }; name?: { value?: string }; ignored?: boolean }[];
    };
    return nodes.filter((n) => !n.ignored && n.role?.value === role).map((n) => n.name?.value ?? '');
  } finally {
    await cdp.detach();
  }
}

/**
 * Click, with trusted input as a person would, the node the accessibility tree names `name` (it may
 * sit in a closed shadow root, out of reach of selectors). Returns false when there is none.
 */
export async function clickByName(page: Page, name: string, role = 'button'): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: {
        ignored?: boolean;
        role?: { value?: string };
        name?: { value?: string };
        backendDOMNodeId?: number;
      }[];
    };
    const node = nodes.find((n) => !n.ignored && n.role?.value === role && n.name?.value === name);
    if (!node?.backendDOMNodeId) return false;
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node.backendDOMNodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendDOMNodeId })) as {
      model: { content: number[] };
    };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
    return true;
  } finally {
    await cdp.detach();
  }
}

/** Press Tab until the focused node is named `name` (it may sit in a closed shadow root). */
export async function tabTo(page: Page, name: string, max = 40): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await focusedName(page)) === name) return true;
  }
  return false;
}

/** Every name and text the accessibility tree holds (closed shadow roots included). */
export async function axTexts(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { name?: { value?: string } }[];
    };
    return nodes.map((n) => n.name?.value ?? '').filter(Boolean);
  } finally {
    await cdp.detach();
  }
}

/** Name of the node that has the keyboard focus, read from the accessibility tree (sees into closed shadow roots). */
export async function focusedName(page: Page): Promise<string | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: {
        role?: { value?: string };
        name?: { value?: string };
        properties?: { name: string; value: { value: unknown } }[];
      }[];
    };
    // the document itself reports focus too: take the focused element, not the page
    const focused = nodes.filter(
      (n) =>
        n.role?.value !== 'RootWebArea' &&
        n.properties?.some((p) => p.name === 'focused' && p.value.value === true),
    );
    return focused.at(-1)?.name?.value ?? null;
  } finally {
    await cdp.detach();
  }
}

/**
 * One browser for a test file: launched before its tests, closed after, and (by default) reset
 * before each test. The returned object stands for the launched harness.
 */
export function useHarness(options: LaunchOptions = {}, { resetEach = true } = {}): Harness {
  let current: Harness | undefined;
  beforeAll(async () => {
    current = await launch(options);
  });
  afterAll(async () => {
    await current?.close();
  });
  if (resetEach) beforeEach(async () => current?.reset());
  return new Proxy({} as Harness, {
    get(_target, key) {
      if (!current) throw new Error('the harness is used before it was launched');
      const value = current[key as keyof Harness];
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}
