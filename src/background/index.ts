/**
 * The service worker: the only writer of storage. Every message passes `admit` (schema and sender)
 * before anything is done with it.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import {
  type AccessCheck,
  accessCheckUrl,
  COMPLIANCE_API_PERMISSION,
  errorCodeOf,
  interpretAccess,
} from '../core/access';
import { checklist, stepsLeft } from '../core/checklist';
import { expiryDate, nextRotationAlarm, rotationDue } from '../core/expiry';
import { last4 } from '../core/formats';
import { guideFlags } from '../core/guide';
import { managedFields } from '../core/managed';
import { admit, type Message, type Origin } from '../core/messages';
import { expiryFromChoice, keyFacts } from '../core/readers/key-facts';
import { consoleStartUrl, hostPattern, isKnownConsoleHost, mayFill } from '../core/sites/skyhigh';
import {
  clipboardDelay,
  currentKey,
  currentRecord,
  keyConflict,
  orgMismatch,
  pageOf,
  withAccessCheck,
  withAttachedOrg,
  withCopied,
  withCreatedBy,
  withIds,
  withKey,
  withKeyForm,
  withMark,
  withoutRecord,
  withPath,
  withPlatformOrg,
  withSettings,
} from '../core/state';
import {
  clearNotice,
  consoleTabs,
  exclusive,
  forgetEverything,
  forgetSecret,
  heldSecret,
  holdSecret,
  keyForm,
  keyTabs,
  loadManaged,
  loadSettings,
  loadState,
  type PendingHandoff,
  pendingHandoff,
  pendingKeyFacts,
  rememberConsoleTab,
  rememberKeyTab,
  setHandoff,
  setKeyForm,
  setPendingKeyFacts,
  update,
  updateNow,
  view,
} from './store';

/** How long a hand-off request waits for the console form. */
const HANDOFF_WINDOW_MS = 10 * 60_000;
const FORGET_ALARM = 'forget-secret';

const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;

async function handle(message: Message, origin: Origin, sender: Runtime.MessageSender): Promise<unknown> {
  const now = Date.now();
  switch (message.type) {
    case 'ids/found': {
      const how = message.how ?? 'read';
      const state = await update((s) =>
        withIds(
          s,
          { workspaceId: message.workspaceId, organizationId: message.organizationId },
          { at: now, from: pageOf(sender.url ?? ''), how },
        ),
      );
      if (message.workspaceId) await clearNotice();
      return { ok: true, orgMismatch: orgMismatch(state) };
    }
    case 'ids/forget':
      await update((s) => withoutRecord(s, message.workspaceId));
      return { ok: true };
    case 'platform/org-found': {
      const state = await update((s) =>
        withPlatformOrg(s, message.organizationId, { at: now, from: pageOf(sender.url ?? '') }),
      );
      return { ok: true, orgMismatch: orgMismatch(state) };
    }
    case 'key/captured': {
      const { type: _t, keyLast4, keyName, replace, facts: sent, ...given } = message;
      // "Use the new key" repeats only the last 4: what its page said first joins it again
      const earlier = replace && !sent ? await pendingKeyFacts(sender.tab?.id) : null;
      const pairs = sent ?? (earlier?.last4 === keyLast4 ? earlier.facts : undefined);
      const rest =
        earlier?.last4 === keyLast4 && earlier.workspaceName && !given.workspaceName
          ? { ...given, workspaceName: earlier.workspaceName }
          : given;
      // an Admin key's one-time view: its expiry, permissions and workspace, from its label/value pairs
      const facts = keyFacts(pairs ?? []);
      // what the create form showed in this tab (noted by the key-page script) joins the key
      const form = (await keyForm(sender.tab?.id, now)) ?? {};
      const name = keyName ?? form.keyName;
      // the form's expiration choice ("30 days"), when the one-time view does not show the date
      const chosen = expiryFromChoice(form.expiration, now);
      const held = await heldSecret(now);
      let conflict: string | null = null;
      await update((s) => {
        // a key already copied, held or handed over is replaced only when the admin says so
        conflict = replace ? null : keyConflict(s, keyLast4, held ? last4(held.value) : null);
        if (conflict) return s;
        return withKey(s, {
          last4: keyLast4,
          ...(name ? { name } : {}),
          ...(form.ownerType ? { ownerType: form.ownerType } : {}),
          ...(form.project ? { project: form.project } : {}),
          ...(form.permissions ? { permissions: form.permissions } : {}),
          ...(form.workspaceName ? { workspaceName: form.workspaceName } : {}),
          ...(chosen !== null ? { expires: chosen } : {}),
          ...rest,
          ...facts,
          at: now,
          from: pageOf(sender.url ?? ''),
        });
      });
      const settings = await loadSettings();
      const noted = {
        keyTtlMinutes: settings.keyTtlMinutes,
        clipboardClearSeconds: clipboardDelay(settings),
      };
      if (conflict) {
        await setPendingKeyFacts(sender.tab?.id, {
          last4: keyLast4,
          ...(sent ? { facts: sent } : {}),
          ...(given.workspaceName ? { workspaceName: given.workspaceName } : {}),
        });
        return { ok: false, conflict, ...noted };
      }
      if (held && replace && last4(held.value) !== keyLast4) await forgetAndTell();
      return { ok: true, ...noted, ...(name ? { keyName: name } : {}) };
    }
    case 'key/form': {
      const { type: _t, ...form } = message;
      await setKeyForm(sender.tab?.id, form, now);
      const state = await update((s) => withKeyForm(s, form, now));
      return { ok: true, flags: guideFlags(state, form, sender.url ?? '') };
    }
    case 'key/created-by':
      await update((s) =>
        withCreatedBy(s, message.keyLast4, message.createdBy, keyFacts(message.facts ?? []).expires),
      );
      return { ok: true };
    case 'key/hold': {
      // only the key whose view was noted (same last 4): a page cannot slip another one in
      if (currentKey(await loadState())?.last4 !== last4(message.secret))
        return { error: 'not the noted key' };
      if (sender.tab?.id !== undefined) await rememberKeyTab(sender.tab.id);
      return { ok: true, heldUntil: await hold(message.secret, now) };
    }
    case 'key/forget':
      await forgetAndTell();
      return { ok: true };
    case 'key/copied':
      await update((s) => withCopied(s, message.keyLast4, now));
      return { ok: true };
    case 'record/mark':
      await update((s) => withMark(s, message.mark, message.on, now));
      return view();
    case 'record/path':
      await update((s) => withPath(s, message.path));
      return view();
    case 'access/check': {
      const rec = currentRecord(await loadState());
      if (!rec) return { error: 'no workspace' };
      const key = message.secret ?? (await heldSecret(now))?.value;
      if (!key) return { error: 'no key' };
      if (!(await browser.permissions.contains({ origins: [COMPLIANCE_API_PERMISSION] }))) {
        return { error: 'api.chatgpt.com access not granted' };
      }
      const check = await checkAccess(rec.workspaceId, key, now);
      await update((s) => withAccessCheck(s, rec.workspaceId, check));
      return view();
    }
    case 'skyhigh/ready':
      // The key leaves the background only here: in answer to the console page itself, for a
      // hand-off the admin asked for, to one tab. Alone, so that two tabs asking at once get it
      // at most once; the same tab asking again (its worker or page restarted) gets it again.
      return exclusive(() => giveValues(sender, now));
    case 'skyhigh/filled':
      return exclusive(async () => {
        const handoff = await pendingHandoff();
        if (!handoff || handoff.id !== message.handoff || handoff.tabId !== sender.tab?.id)
          return { ok: false };
        if (handoff.status === 'filled') return { ok: true }; // a repeated report
        await setHandoff({ ...handoff, status: 'filled' });
        if (message.filled.includes('apiKey')) await forgetAndTell();
        await updateNow((s) => {
          const rec = currentRecord(s);
          if (rec)
            rec.handoff = {
              at: now,
              host: new URL(sender.url ?? '').hostname,
              filled: message.filled,
              missing: message.missing,
            };
          return s;
        });
        return { ok: true };
      });
    case 'state/get':
      return view();
    case 'ids/set':
      await update((s) =>
        withIds(
          s,
          { workspaceId: message.workspaceId, organizationId: message.organizationId },
          { at: now, from: 'pasted' },
        ),
      );
      await clearNotice();
      return view();
    case 'ids/attach-org':
      await update((s) => withAttachedOrg(s, message.workspaceId));
      return view();
    case 'record/select':
      await update((s) => (s.records[message.workspaceId] ? { ...s, current: message.workspaceId } : s));
      return view();
    case 'secret/hold':
      await hold(message.secret, now);
      return view();
    case 'secret/forget':
      await forgetAndTell();
      return view();
    case 'settings/set': {
      const { type: _t, ...patch } = message;
      // what the organisation's policy sets cannot be changed here
      const fixed = managedFields(await loadManaged());
      if (Object.keys(patch).some((k) => fixed.includes(k as (typeof fixed)[number])))
        return { error: 'set by policy' };
      const before = (await loadSettings()).consoleHost;
      if (patch.consoleHost && !isKnownConsoleHost(patch.consoleHost)) {
        // a custom tenant host: only once the admin granted access to it (the console content
        // script is then registered for that host alone)
        const origins = [hostPattern(patch.consoleHost)];
        if (!(await browser.permissions.contains({ origins })))
          return { error: 'host permission not granted' };
      }
      await update((s) => withSettings(s, patch));
      if (patch.consoleHost) await syncCustomConsole();
      // the custom host switched away from: its access is given back
      if (patch.consoleHost && patch.consoleHost !== before) await giveBackHost(before);
      return view();
    }
    case 'handoff/start': {
      const host = (await loadSettings()).consoleHost;
      // written before it is acted on: a worker stopped from here on resumes it (resumeHandoff)
      await exclusive(() =>
        setHandoff({ id: crypto.randomUUID(), host, requestedAt: now, status: 'pending' }),
      );
      await openConsole(host);
      return view();
    }
    case 'state/forget-all': {
      const before = (await loadSettings()).consoleHost;
      await tellKeyForgotten();
      await forgetEverything();
      await syncCustomConsole(); // a host the policy sets stays
      // optional access asked for along the way is given back
      await giveBackHost(before);
      await browser.permissions.remove({ origins: [COMPLIANCE_API_PERMISSION] }).catch(() => false);
      return view();
    }
  }
  void origin;
}

/**
 * Answer a console page's skyhigh/ready: the values for the pending hand-off, to the tab it is (or
 * becomes) bound to, written as sent before they are returned. Runs alone (`exclusive`).
 */
async function giveValues(sender: Runtime.MessageSender, now: number): Promise<unknown> {
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
      values: {
        instanceName: settings.instanceName,
        workspaceId: rec?.workspaceId,
        organizationId: rec?.organizationId,
        apiKey: secret?.value,
      },
    },
  };
}

/** Forget the held key, and tell every page that showed it (reminders, console panels). */
async function forgetAndTell(): Promise<void> {
  await forgetSecret();
  await tellKeyForgotten();
}

async function tellKeyForgotten(): Promise<void> {
  const tabs = new Set([...(await keyTabs()), ...(await consoleTabs())]);
  await Promise.all(
    [...tabs].map((tabId) =>
      browser.tabs.sendMessage(tabId, { type: 'key/forgotten' }, { frameId: 0 }).catch(() => undefined),
    ),
  );
}

/** Give back the optional access to a custom console host that is no longer the configured one. */
async function giveBackHost(host: string): Promise<void> {
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
async function resumeHandoff(): Promise<void> {
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
async function syncCustomConsole(): Promise<void> {
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
async function checkAccess(workspaceId: string, key: string, now: number): Promise<AccessCheck> {
  let res: Response;
  try {
    res = await fetch(accessCheckUrl(workspaceId), {
      headers: { Authorization: `Bearer ${key}` },
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'error',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    return { at: now, result: interpretAccess(null, null) };
  }
  let code: string | null = null;
  if (!res.ok) code = errorCodeOf(await res.json().catch(() => null));
  else await res.body?.cancel();
  return { at: now, result: interpretAccess(res.status, code), status: res.status };
}

/** Keep the secret in memory for the configured time; an alarm forgets it even if nothing reads it again. */
async function hold(secret: string, now: number): Promise<number> {
  const { keyTtlMinutes } = await loadSettings();
  const expiresAt = await holdSecret(secret, keyTtlMinutes, now);
  await browser.alarms.create(FORGET_ALARM, { when: expiresAt });
  return expiresAt;
}

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === ROTATE_ALARM) void refreshBadge().catch(() => undefined);
  if (alarm.name !== FORGET_ALARM) return;
  void (async () => {
    const before = await browser.storage.session.get('secret');
    if (before.secret && !(await heldSecret())) await tellKeyForgotten(); // expired: forgotten now
  })();
});

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
async function openConsole(host: string): Promise<void> {
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

/**
 * The icon's badge: how many of the path's steps are left, and its title says so in words; from 14
 * days before the key's expiry it says "Rotate the key before DATE" (an alarm wakes the worker when
 * that starts and on the day, so the reminder does not wait for the popup, and survives a restart).
 */
async function refreshBadge(): Promise<void> {
  const now = Date.now();
  const v = await view();
  const steps = checklist(v, now);
  const left = stepsLeft(steps);
  const key = currentKey(v.state);
  const rotation = rotationDue(key, now);
  await browser.action.setBadgeText({ text: left > 0 ? String(left) : '' });
  await browser.action.setBadgeBackgroundColor({ color: rotation ? '#b45309' : '#0b5cad' });
  await browser.action.setTitle({
    title: rotation
      ? browser.i18n.getMessage(rotation.due === 'soon' ? 'badgeTitleRotate' : 'badgeTitleExpired', [
          expiryDate(rotation.expires),
        ])
      : left > 0
        ? browser.i18n.getMessage('badgeTitle', [String(left), String(steps.length)])
        : browser.i18n.getMessage('badgeTitleDone'),
  });
  const next = nextRotationAlarm(key, now);
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
browser.runtime.onStartup.addListener(() => {
  quietly(syncCustomConsole());
  quietly(refreshBadge());
});
browser.runtime.onInstalled.addListener(() => {
  quietly(syncCustomConsole());
  quietly(refreshBadge());
});
