/** The extension pages' side of messaging and i18n. */
import type { Browser } from 'webextension-polyfill';
import { type Managed, NOT_MANAGED, parseManaged } from '../core/managed';
import type { MessageKey } from '../core/message-keys';
import type { Message } from '../core/protocol';
import type { StateView } from '../core/state';
import { HANDOFF_KEY, NOTICE_KEY, snapshotView } from '../core/stored';

/**
 * The extension API without the polyfill (a namespace shim here): the pages use only what Chrome's
 * `chrome.*` and Firefox's `browser.*` offer alike, with promises (runtime.sendMessage,
 * runtime.openOptionsPage, permissions, storage, i18n).
 */
const g = globalThis as { browser?: Browser; chrome?: Browser };
export const ext = (g.browser ?? g.chrome) as Browser;

export async function command(message: Message): Promise<StateView> {
  const answer = (await ext.runtime.sendMessage(message)) as StateView | { error: string } | undefined;
  if (!answer) throw new Error('no answer');
  if ('error' in answer) throw new Error(answer.error);
  return answer;
}

/** The policy's settings; none when no policy names the extension (Firefox then throws). */
async function managed(): Promise<Managed> {
  try {
    return parseManaged(await ext.storage.managed.get());
  } catch {
    return NOT_MANAGED;
  }
}

/**
 * The state as the background would hand it out, read straight from storage (no round trip to a
 * service worker that may be asleep); undefined when only the background can tell (a key is held,
 * or the stored state needs repairing): then ask it with `state/get`. Also undefined where
 * `storage.session.getKeys` is missing (Chrome before 130): the popup then asks the background.
 */
export async function snapshot(): Promise<StateView | undefined> {
  try {
    const [local, keys, session, policy] = await Promise.all([
      ext.storage.local.get(null),
      ext.storage.session.getKeys(),
      ext.storage.session.get([HANDOFF_KEY, NOTICE_KEY]),
      managed(),
    ]);
    return snapshotView(local, keys, session, policy);
  } catch {
    return undefined;
  }
}

export const t = (key: MessageKey, substitutions?: string | string[]): string =>
  ext.i18n.getMessage(key, substitutions) || key;

/** Fill the document's language and every `data-i18n` text from _locales. */
export function localizeDocument(): void {
  document.documentElement.lang = ext.i18n.getUILanguage();
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]'))
    el.textContent = t((el.dataset.i18n ?? '') as MessageKey);
}
