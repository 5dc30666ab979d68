/**
 * The key pages' UI: the reminder beside a one-time secret, the guide beside the create form, and the
 * Organization ID mismatch warning, and the readers needed only then (the create form's choices, the
 * key's row in the keys list). Not loaded with the page: the background injects this file into
 * the key-page script's isolated world (scripting.executeScript, same tab and frame) when that script
 * has something to show (message `key/ui`), so that what every key page loads stays within its size
 * budget. It hands itself over through the isolated world's global object (key-ui-slot.ts).
 */
import { readCreateForm } from '../core/readers/create-form';
import { findKeyRow } from '../core/readers/keys-list';
import { KeyGuide } from './key-guide-panel';
import { KEY_UI, type KeyUi } from './key-ui-slot';
import { Reminder } from './reminder';
import { ext, t } from './runtime';
import { el, mountPanel } from './ui';

const ui: KeyUi = {
  Reminder,
  KeyGuide,
  readCreateForm,
  findKeyRow,
  orgMismatch(signal, mismatch) {
    const { box } = mountPanel(signal, t('chipRegion'));
    box.classList.add('urgent');
    const warn = el('p', { className: 'warn' }, t('orgMismatch', [mismatch.platform, mismatch.chatgpt]));
    warn.setAttribute('role', 'alert');
    box.append(el('h2', {}, t('orgMismatchTitle')), warn);
  },
};

const slot = globalThis as unknown as Record<string, KeyUi>;
if (!slot[KEY_UI]) {
  slot[KEY_UI] = ui;
  // the background forgot the key (handed over, forgotten in the popup, expired): the reminder says so
  ext.runtime.onMessage.addListener(((message: unknown, sender: { id?: string; tab?: unknown }) => {
    if (sender.id !== ext.runtime.id || sender.tab) return false; // the background only
    if ((message as { type?: unknown } | null)?.type === 'key/forgotten') Reminder.latest?.keyForgotten();
    return false;
  }) as unknown as Parameters<typeof ext.runtime.onMessage.addListener>[0]);
}
