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
import { checklist, STEP_IDS, stepsLeft } from '../core/checklist';
import { managedFields } from '../core/managed';
import { admit, type Message, type Origin } from '../core/messages';
import { consoleStartUrl, hostPattern, isKnownConsoleHost, mayFill } from '../core/sites/skyhigh';
import {
  currentRecord,
  orgMismatch,
  pageOf,
  withAccessCheck,
  withCopied,
  withCreatedBy,
  withIds,
  withKey,
  withKeyForm,
  withMark,
  withoutRecord,
  withPlatformOrg,
  withSettings,
} from '../core/state';
import {
  consoleTabs,
  forgetEverything,
  forgetSecret,
  heldSecret,
  holdSecret,
  keyForm,
  loadManaged,
  loadSettings,
  loadState,
  pendingHandoff,
  rememberConsoleTab,
  setHandoff,
  setKeyForm,
  update,
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
      const { type: _t, keyLast4, keyName, ...rest } = message;
      // what the create form showed in this tab (noted by the key-form script) joins the key
      const form = (await keyForm(sender.tab?.id, now)) ?? {};
      const name = keyName ?? form.keyName;
      await update((s) =>
        withKey(s, {
          last4: keyLast4,
          ...(name ? { name } : {}),
          ...(form.ownerType ? { ownerType: form.ownerType } : {}),
          ...(form.project ? { project: form.project } : {}),
          ...(form.permissions ? { permissions: form.permissions } : {}),
          ...rest,
          at: now,
          from: pageOf(sender.url ?? ''),
        }),
      );
      const { keyTtlMinutes } = await loadSettings();
      return { ok: true, keyTtlMinutes, ...(name ? { keyName: name } : {}) };
    }
    case 'key/form': {
      const { type: _t, ...form } = message;
      await setKeyForm(sender.tab?.id, form, now);
      await update((s) => withKeyForm(s, form, now));
      return { ok: true };
    }
    case 'key/created-by':
      await update((s) => withCreatedBy(s, message.keyLast4, message.createdBy));
      return { ok: true };
    case 'key/hold':
      return { ok: true, heldUntil: await hold(message.secret, now) };
    case 'key/forget':
      await forgetSecret();
      return { ok: true };
    case 'key/copied':
      await update((s) => withCopied(s, message.keyLast4, now));
      return { ok: true };
    case 'record/mark':
      await update((s) => withMark(s, message.mark, message.on, now));
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
    case 'skyhigh/ready': {
      // The key leaves the background only here: in answer to the console page itself, for a
      // hand-off the admin asked for, once.
      if (sender.tab?.id !== undefined) await rememberConsoleTab(sender.tab.id);
      const handoff = await pendingHandoff();
      const state = await loadState();
      const settings = await loadSettings();
      if (handoff?.status !== 'pending' || now - handoff.requestedAt > HANDOFF_WINDOW_MS)
        return { fill: null };
      if (handoff.host !== settings.consoleHost || !mayFill(sender.url ?? '', handoff.host))
        return { fill: null };
      const rec = currentRecord(state);
      const secret = await heldSecret(now);
      await setHandoff({ ...handoff, status: 'sent' }); // consumed: one request, one fill
      return {
        fill: {
          consoleHost: handoff.host,
          values: {
            instanceName: settings.instanceName,
            workspaceId: rec?.workspaceId,
            organizationId: rec?.organizationId,
            apiKey: secret?.value,
          },
        },
      };
    }
    case 'skyhigh/filled': {
      const handoff = await pendingHandoff();
      if (handoff) await setHandoff({ ...handoff, status: 'filled' });
      if (message.filled.includes('apiKey')) await forgetSecret();
      await update((s) => {
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
    }
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
      return view();
    case 'record/select':
      await update((s) => (s.records[message.workspaceId] ? { ...s, current: message.workspaceId } : s));
      return view();
    case 'secret/hold':
      await hold(message.secret, now);
      return view();
    case 'secret/forget':
      await forgetSecret();
      return view();
    case 'settings/set': {
      const { type: _t, ...patch } = message;
      // what the organisation's policy sets cannot be changed here
      const fixed = managedFields(await loadManaged());
      if (Object.keys(patch).some((k) => fixed.includes(k as (typeof fixed)[number])))
        return { error: 'set by policy' };
      if (patch.consoleHost && !isKnownConsoleHost(patch.consoleHost)) {
        // a custom tenant host: only once the admin granted access to it (the console content
        // script is then registered for that host alone)
        const origins = [hostPattern(patch.consoleHost)];
        if (!(await browser.permissions.contains({ origins })))
          return { error: 'host permission not granted' };
      }
      await update((s) => withSettings(s, patch));
      if (patch.consoleHost) await syncCustomConsole();
      return view();
    }
    case 'handoff/start': {
      const host = (await loadSettings()).consoleHost;
      await setHandoff({ host, requestedAt: now, status: 'pending' });
      await openConsole(host);
      return view();
    }
    case 'state/forget-all':
      await forgetEverything();
      await syncCustomConsole(); // a host the policy sets stays
      return view();
  }
  void origin;
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
  const js = (browser.runtime.getManifest().content_scripts ?? [])
    .flatMap((c) => c.js ?? [])
    .filter((f) => f.includes('skyhigh'));
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
  if (alarm.name === FORGET_ALARM) void heldSecret(); // forgets it when expired
});

/** Focus a tab already on the console and ask its content script to come for the values; else open one. */
async function openConsole(host: string): Promise<void> {
  for (const tabId of await consoleTabs()) {
    try {
      // The content script answers only if its page is that console; it then sends skyhigh/ready.
      const answer = await browser.tabs.sendMessage(
        tabId,
        { type: 'handoff/requested', host },
        { frameId: 0 },
      );
      if (answer === 'ok') {
        const tab = await browser.tabs.update(tabId, { active: true });
        if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
        return;
      }
    } catch {
      // the tab is gone or shows another page now
    }
  }
  await browser.tabs.create({ url: consoleStartUrl(host) });
}

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

/** The icon's badge: how many of the six steps are left, and its title says so in words. */
async function refreshBadge(): Promise<void> {
  const left = stepsLeft(checklist(await view()));
  await browser.action.setBadgeText({ text: left > 0 ? String(left) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#0b5cad' });
  await browser.action.setTitle({
    title:
      left > 0
        ? browser.i18n.getMessage('badgeTitle', [String(left), String(STEP_IDS.length)])
        : browser.i18n.getMessage('badgeTitleDone'),
  });
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
