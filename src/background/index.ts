/**
 * The service worker: the only writer of storage. Every message passes `admit` (the protocol
 * table's schema and sender check), then goes to the handler of its type for its sender's kind
 * (handlers/pages.ts, handlers/extension.ts); the key's expiry alarm and the icon's badge live here.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { checklist, stepsLeft } from '../core/checklist';
import { expiryDate, moreUrgent, nextAlarmOfAll, otherRotationsDue, rotationDue } from '../core/expiry';
import type { MessageKey } from '../core/message-keys';
import { admit, type Context, type Message, type Origin } from '../core/protocol';
import { isKnownConsoleHost } from '../core/sites/skyhigh';
import { currentKey } from '../core/state';
import { FORGET_ALARM, resumeHandoff, syncCustomConsole, tellKeyForgotten } from './actions';
import { extensionHandlers } from './handlers/extension';
import { pageHandlers } from './handlers/pages';
import { forgetTab, heldSecret, loadSettings, view } from './store';

const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;

type AnyHandler = (message: Message, ctx: Context) => Promise<unknown>;

/**
 * The handler of an admitted message: `admit` checked that its sender kind may send its type, and
 * the handler maps are typed to hold one handler for each type each kind may send.
 */
function handle(message: Message, origin: Origin, sender: Runtime.MessageSender): Promise<unknown> {
  const handlers = (origin === 'extension-page' ? extensionHandlers : pageHandlers) as Record<
    string,
    AnyHandler
  >;
  const handler = handlers[message.type];
  // unreachable while admit and the handler tables agree (the compiler holds them together): kept as
  // a second refusal, not a path
  if (!handler) return Promise.resolve({ error: `${message.type} is not accepted from this sender` });
  return handler(message, { origin, sender, now: Date.now() });
}

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === ROTATE_ALARM) void refreshBadge().catch(() => undefined);
  if (alarm.name !== FORGET_ALARM) return;
  void (async () => {
    const before = await browser.storage.session.get('secret');
    if (before.secret && !(await heldSecret())) await tellKeyForgotten(); // expired: forgotten now
  })();
});

void resumeHandoff().catch(() => undefined);

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const answer = async () => {
    const { consoleHost } = await loadSettings();
    const custom = isKnownConsoleHost(consoleHost) ? null : consoleHost;
    const admitted = admit(raw, sender, browser.runtime.id, extensionOrigin, custom);
    if (!admitted.ok) return { error: admitted.error };
    return handle(admitted.message, admitted.origin, sender);
  };
  return answer().catch(() => ({ error: 'failed' }));
});

const ROTATE_ALARM = 'rotate-key';

const t = (key: MessageKey, substitutions?: string[]): string => browser.i18n.getMessage(key, substitutions);

/**
 * The icon's badge: how many of the path's steps are left, and its title says so in words; from 14
 * days before the key's expiry it says "Rotate the key before DATE" (an alarm wakes the worker when
 * that starts and on the day, so the reminder does not wait for the popup, and survives a restart).
 * Another workspace's key due too: the badge turns amber all the same, and its title names that
 * workspace when the current one has nothing due or something less pressing.
 */
async function refreshBadge(): Promise<void> {
  const now = Date.now();
  const v = await view();
  const steps = checklist(v, now);
  const left = stepsLeft(steps);
  const rotation = rotationDue(currentKey(v.state), now);
  const due = otherRotationsDue(v.state, now)[0];
  // the title says the most pressing (an expired key there over one merely due soon here)
  const other = due && moreUrgent(due.rotation, rotation) ? due : undefined;
  await browser.action.setBadgeText({ text: left > 0 ? String(left) : '' });
  await browser.action.setBadgeBackgroundColor({ color: rotation || due ? '#b45309' : '#0b5cad' });
  await browser.action.setTitle({
    title: other
      ? t(other.rotation.due === 'soon' ? 'badgeTitleRotateOther' : 'badgeTitleExpiredOther', [
          other.label,
          expiryDate(other.rotation.expires),
        ])
      : rotation
        ? t(rotation.due === 'soon' ? 'badgeTitleRotate' : 'badgeTitleExpired', [
            expiryDate(rotation.expires),
          ])
        : left > 0
          ? t('badgeTitle', [String(left), String(steps.length)])
          : t('badgeTitleDone'),
  });
  const next = nextAlarmOfAll(v.state, now);
  if (next === null) await browser.alarms.clear(ROTATE_ALARM);
  else if ((await browser.alarms.get(ROTATE_ALARM))?.scheduledTime !== next)
    await browser.alarms.create(ROTATE_ALARM, { when: next });
}

const quietly = (p: Promise<unknown>) => void p.catch(() => undefined);

browser.storage.onChanged.addListener((_changes, area) => {
  // a policy change (the organisation set, changed or removed a value) applies at once
  if (area === 'managed') quietly(syncCustomConsole());
  quietly(refreshBadge());
});
browser.permissions.onAdded.addListener(() => quietly(syncCustomConsole()));
browser.tabs.onRemoved.addListener((tabId) => quietly(forgetTab(tabId)));
browser.runtime.onStartup.addListener(() => {
  quietly(syncCustomConsole());
  quietly(refreshBadge());
});
browser.runtime.onInstalled.addListener(() => {
  quietly(syncCustomConsole());
  quietly(refreshBadge());
});
