/**
 * What the background's handlers do besides changing the state: hold and forget the secret (and
 * tell the pages that showed it), open or ping the console for a hand-off, give its values to the
 * console tab, keep the custom console's content script and host access in step with the settings,
 * and check a key's Compliance API access.
 */
import browser from 'webextension-polyfill';
import {
  type AccessCheck,
  accessCheckUrl,
  type DeleteCheck,
  deleteCheckUrl,
  errorCodeOf,
  interpretAccess,
  interpretDelete,
} from '../core/access';
import { last4 } from '../core/formats';
import { handoverPreview } from '../core/handover';
import type { HandoffFill, SenderInfo } from '../core/protocol';
import { consoleStartUrl, hostPattern, isKnownConsoleHost, mayFill } from '../core/sites/skyhigh';
import { clipboardDelay, currentRecord } from '../core/state';
import {
  consoleTabs,
  exclusive,
  forgetSecret,
  heldSecret,
  holdSecret,
  keyTabs,
  loadSettings,
  loadState,
  type PendingHandoff,
  pendingHandoff,
  rememberConsoleTab,
  setHandoff,
} from './store';

/** How long a hand-off request waits for the console form. */
const HANDOFF_WINDOW_MS = 10 * 60_000;
export const FORGET_ALARM = 'forget-secret';

/**
 * Answer a console page's skyhigh/ready: the values for the pending hand-off, to the tab it is (or
 * becomes) bound to, written as sent before they are returned. Runs alone (`exclusive`).
 */
export async function giveValues(sender: SenderInfo, now: number): Promise<{ fill: HandoffFill | null }> {
  const tabId = sender.tab?.id;
  if (tabId !== undefined) await rememberConsoleTab(tabId);
  const handoff = await pendingHandoff();
  const state = await loadState();
  if (!handoff || handoff.status === 'filled' || now - handoff.requestedAt > HANDOFF_WINDOW_MS)
    return { fill: null };
  const settings = await loadSettings();
  if (handoff.host !== settings.consoleHost || !mayFill(sender.url ?? '', handoff.host))
    return { fill: null };
  // sent to another tab already: this one gets nothing
  if (handoff.status === 'sent' && handoff.tabId !== tabId) return { fill: null };
  const rec = currentRecord(state);
  const secret = await heldSecret(now);
  await setHandoff({ ...handoff, status: 'sent', tabId, sentAt: now });
  return {
    fill: {
      handoff: handoff.id,
      consoleHost: handoff.host,
      clipboardClearSeconds: clipboardDelay(settings),
      ...(secret ? { keyExpiresAt: secret.expiresAt } : {}),
      about: handoverPreview(
        {
          state,
          secretHeldUntil: secret?.expiresAt ?? null,
          secretHeldLast4: secret ? last4(secret.value) : null,
        },
        handoff.host,
        now,
      ),
      values: {
        instanceName: handoff.instanceName ?? settings.instanceName,
        workspaceId: rec?.workspaceId,
        organizationId: rec?.organizationId,
        apiKey: secret?.value,
      },
    },
  };
}

/** Keep the secret in memory for the configured time; an alarm forgets it even if nothing reads it again. */
export async function hold(secret: string, now: number): Promise<number> {
  const { keyTtlMinutes } = await loadSettings();
  const expiresAt = await holdSecret(secret, keyTtlMinutes, now);
  await browser.alarms.create(FORGET_ALARM, { when: expiresAt });
  return expiresAt;
}

/** Forget the held key, and tell every page that showed it (reminders, console panels). */
export async function forgetAndTell(): Promise<void> {
  await forgetSecret();
  await tellKeyForgotten();
}

export async function tellKeyForgotten(): Promise<void> {
  const tabs = new Set([...(await keyTabs()), ...(await consoleTabs())]);
  await Promise.all(
    [...tabs].map((tabId) =>
      browser.tabs.sendMessage(tabId, { type: 'key/forgotten' }, { frameId: 0 }).catch(() => undefined),
    ),
  );
}

/** Give back the optional access to a custom console host that is no longer the configured one. */
export async function giveBackHost(host: string): Promise<void> {
  if (isKnownConsoleHost(host)) return;
  const current = (await loadSettings()).consoleHost;
  if (current === host) return;
  await browser.permissions.remove({ origins: [hostPattern(host)] }).catch(() => false);
}

/**
 * On every start of the worker: a hand-off still under way goes on. A pending one pings the
 * console tabs (their content script asks again) or, if the tab was never opened, opens it; a sent
 * one pings the tab it was sent to, whose page asks again if it never got or used the values.
 */
export async function resumeHandoff(): Promise<void> {
  const handoff = await pendingHandoff();
  if (!handoff || handoff.status === 'filled' || Date.now() - handoff.requestedAt > HANDOFF_WINDOW_MS) return;
  if (handoff.status === 'sent') {
    if (handoff.tabId !== undefined) await pingConsole(handoff.tabId, handoff.host);
    return;
  }
  if (handoff.openedAt === undefined) await openConsole(handoff.host);
  else for (const tabId of await consoleTabs()) await pingConsole(tabId, handoff.host);
}

const CUSTOM_CONSOLE_SCRIPT = 'skyhigh-custom-console';

/**
 * The console content script runs on the custom tenant host in force (the admin's or the policy's)
 * once access to it was granted, and on no custom host otherwise.
 */
export async function syncCustomConsole(): Promise<void> {
  const { consoleHost } = await loadSettings();
  const custom =
    !isKnownConsoleHost(consoleHost) &&
    (await browser.permissions.contains({ origins: [hostPattern(consoleHost)] }));
  await registerCustomConsole(custom ? consoleHost : null);
}

/** Run the console content script on the admin's custom tenant host (and nowhere else), or on none. */
async function registerCustomConsole(host: string | null): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [CUSTOM_CONSOLE_SCRIPT] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [CUSTOM_CONSOLE_SCRIPT] });
  if (!host) return;
  // Firefox's getManifest() gives the scripts as absolute moz-extension:// URLs, Chrome's as paths;
  // registerContentScripts takes paths relative to the extension's root in both
  const root = browser.runtime.getURL('/');
  const js = (browser.runtime.getManifest().content_scripts ?? [])
    .flatMap((c) => c.js ?? [])
    .filter((f) => f.includes('skyhigh'))
    .map((f) => new URL(f, root).pathname.replace(/^\//, ''));
  await browser.scripting.registerContentScripts([
    { id: CUSTOM_CONSOLE_SCRIPT, matches: [hostPattern(host)], js, runAt: 'document_idle', allFrames: false },
  ]);
}

/**
 * One request for at most one record, with the key in the Authorization header and nowhere else.
 * Of the answer, only the status and the error code are read; nothing is stored or logged.
 */
export async function checkAccess(workspaceId: string, key: string, now: number): Promise<AccessCheck> {
  const answer = await compliance('GET', accessCheckUrl(workspaceId), key);
  return {
    at: now,
    result: interpretAccess(answer.status, answer.code),
    ...(answer.status ? { status: answer.status } : {}),
  };
}

/**
 * The delete check: one DELETE of a conversation that cannot exist, its ID a fresh random UUID made
 * here for this request alone (never read from a page, never stored), so that nothing can be deleted.
 * The request is recorded in the workspace's audit log (the popup says so before the click).
 */
export async function checkDelete(workspaceId: string, key: string, now: number): Promise<DeleteCheck> {
  const answer = await compliance('DELETE', deleteCheckUrl(workspaceId, crypto.randomUUID()), key);
  return {
    at: now,
    result: interpretDelete(answer.status, answer.code),
    ...(answer.status ? { status: answer.status } : {}),
  };
}

/** One Compliance API request: its status (null: no answer) and an error answer's code, nothing else. */
async function compliance(
  method: 'GET' | 'DELETE',
  url: string,
  key: string,
): Promise<{ status: number | null; code: string | null }> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { Authorization: `Bearer ${key}` },
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'error',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    return { status: null, code: null };
  }
  let code: string | null = null;
  if (!res.ok) code = errorCodeOf(await res.json().catch(() => null));
  else await res.body?.cancel();
  return { status: res.status, code };
}

/** Ask a console tab's content script to come for the values; true when its page is that console. */
async function pingConsole(tabId: number, host: string): Promise<boolean> {
  try {
    // The content script answers only if its page is that console; it then sends skyhigh/ready.
    const answer = await browser.tabs.sendMessage(tabId, { type: 'handoff/requested', host }, { frameId: 0 });
    return answer === 'ok';
  } catch {
    return false; // the tab is gone or shows another page now
  }
}

/** Focus a tab already on the console and ask its content script to come for the values; else open one. */
export async function openConsole(host: string): Promise<void> {
  for (const tabId of await consoleTabs()) {
    if (await pingConsole(tabId, host)) {
      const tab = await browser.tabs.update(tabId, { active: true });
      if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
      return;
    }
  }
  // noted before the tab is made: a worker stopped meanwhile does not open a second one
  await exclusive(async () => {
    const h = await pendingHandoff();
    if (h) await setHandoff({ ...h, openedAt: Date.now() } satisfies PendingHandoff);
  });
  await browser.tabs.create({ url: consoleStartUrl(host) });
}
