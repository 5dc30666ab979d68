/**
 * What every content script shares: one AbortController per page visit, SPA navigation, and a
 * messaging wrapper that stops everything quietly once the extension is reloaded or removed
 * ("Extension context invalidated" never reaches the page's console).
 */
import type { Browser } from 'webextension-polyfill';
import type { MessageKey } from '../core/message-keys';
import type { Message } from '../core/protocol';
import { onPageVisits as visits } from '../core/visits';

/**
 * The extension API without the polyfill (3 KB gzipped in every content script): content scripts use
 * only what Chrome's `chrome.*` and Firefox's `browser.*` offer alike, with promises
 * (runtime.id, runtime.sendMessage, runtime.onMessage with a synchronous sendResponse, i18n).
 */
const g = globalThis as { browser?: Browser; chrome?: Browser };
export const ext = (g.browser ?? g.chrome) as Browser;

/** Aborted when the extension goes away under this page. */
const life = new AbortController();
export const lifeSignal = life.signal;

export function alive(): boolean {
  try {
    if (ext.runtime?.id) return true;
  } catch {
    // context invalidated
  }
  if (!life.signal.aborted) life.abort();
  return false;
}

/** Send a message to the background; undefined if the extension is gone or refused it. */
export async function send<T = unknown>(message: Message): Promise<T | undefined> {
  if (!alive()) return undefined;
  try {
    return (await ext.runtime.sendMessage(message)) as T;
  } catch {
    alive();
    return undefined;
  }
}

export function t(key: MessageKey, substitutions?: string | string[]): string {
  try {
    return ext.i18n.getMessage(key, substitutions) || key;
  } catch {
    return key;
  }
}

/** Run `start` for every visit of a page for which `isRelevant(url)` holds (see core/visits.ts). */
export function onPageVisits(
  isRelevant: (url: string) => boolean,
  start: (signal: AbortSignal) => void,
): void {
  visits({ window, isRelevant, start, alive, life: lifeSignal });
}
