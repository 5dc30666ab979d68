/** The extension pages' side of messaging and i18n. */
import browser from 'webextension-polyfill';
import type { MessageKey } from '../core/message-keys';
import type { Message } from '../core/protocol';
import type { StateView } from '../core/state';

export async function command(message: Message): Promise<StateView> {
  const answer = (await browser.runtime.sendMessage(message)) as StateView | { error: string };
  if ('error' in answer) throw new Error(answer.error);
  return answer;
}

export const t = (key: MessageKey, substitutions?: string | string[]): string =>
  browser.i18n.getMessage(key, substitutions) || key;

/** Fill the document's language and every `data-i18n` text from _locales. */
export function localizeDocument(): void {
  document.documentElement.lang = browser.i18n.getUILanguage();
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]'))
    el.textContent = t((el.dataset.i18n ?? '') as MessageKey);
}
