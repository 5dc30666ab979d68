/**
 * The handlers of what the extension's own pages (popup, options) send: one per message type they
 * may send, typed from the protocol table. Each answers with the state as the pages show it.
 */
import browser from 'webextension-polyfill';
import { COMPLIANCE_API_PERMISSION } from '../../core/access';
import { managedFields } from '../../core/managed';
import type { Handlers } from '../../core/protocol';
import { hostPattern, isKnownConsoleHost } from '../../core/sites/skyhigh';
import {
  currentRecord,
  withAccessCheck,
  withAttachedOrg,
  withDeleteCheck,
  withIds,
  withMark,
  withPath,
  withSettings,
} from '../../core/state';
import {
  checkAccess,
  checkDelete,
  forgetAndTell,
  giveBackHost,
  hold,
  openConsole,
  syncCustomConsole,
  tellKeyForgotten,
} from '../actions';
import {
  clearNotice,
  exclusive,
  forgetEverything,
  heldSecret,
  loadManaged,
  loadSettings,
  loadState,
  setHandoff,
  update,
  view,
} from '../store';

export const extensionHandlers: Handlers<'extension-page'> = {
  'state/get': () => view(),

  async 'ids/set'(message, { now }) {
    await update((s) =>
      withIds(
        s,
        { workspaceId: message.workspaceId, organizationId: message.organizationId },
        { at: now, from: 'pasted' },
      ),
    );
    await clearNotice();
    return view();
  },

  async 'ids/attach-org'(message) {
    await update((s) => withAttachedOrg(s, message.workspaceId));
    return view();
  },

  async 'record/select'(message) {
    await update((s) => (s.records[message.workspaceId] ? { ...s, current: message.workspaceId } : s));
    return view();
  },

  async 'record/mark'(message, { now }) {
    await update((s) => withMark(s, message.mark, message.on, now));
    return view();
  },

  async 'record/path'(message) {
    await update((s) => withPath(s, message.path));
    return view();
  },

  async 'secret/hold'(message, { now }) {
    await hold(message.secret, now);
    return view();
  },

  async 'secret/forget'() {
    await forgetAndTell();
    return view();
  },

  async 'access/check'(message, { now }) {
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
  },

  async 'access/check-delete'(message, { now }) {
    const rec = currentRecord(await loadState());
    if (!rec) return { error: 'no workspace' };
    const key = message.secret ?? (await heldSecret(now))?.value;
    if (!key) return { error: 'no key' };
    if (!(await browser.permissions.contains({ origins: [COMPLIANCE_API_PERMISSION] }))) {
      return { error: 'api.chatgpt.com access not granted' };
    }
    const check = await checkDelete(rec.workspaceId, key, now);
    await update((s) => withDeleteCheck(s, rec.workspaceId, check));
    return view();
  },

  async 'settings/set'(message) {
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
      if (!(await browser.permissions.contains({ origins }))) return { error: 'host permission not granted' };
    }
    await update((s) => withSettings(s, patch));
    if (patch.consoleHost) await syncCustomConsole();
    // the custom host switched away from: its access is given back
    if (patch.consoleHost && patch.consoleHost !== before) await giveBackHost(before);
    return view();
  },

  async 'handoff/start'(_message, { now }) {
    const { consoleHost: host, instanceName } = await loadSettings();
    // written before it is acted on: a worker stopped from here on resumes it (resumeHandoff)
    await exclusive(() =>
      setHandoff({ id: crypto.randomUUID(), host, instanceName, requestedAt: now, status: 'pending' }),
    );
    await openConsole(host);
    return view();
  },

  async 'state/forget-all'() {
    const before = (await loadSettings()).consoleHost;
    await tellKeyForgotten();
    await forgetEverything();
    await syncCustomConsole(); // a host the policy sets stays
    // optional access asked for along the way is given back
    await giveBackHost(before);
    await browser.permissions.remove({ origins: [COMPLIANCE_API_PERMISSION] }).catch(() => false);
    return view();
  },
};
