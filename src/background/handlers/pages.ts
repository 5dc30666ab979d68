/**
 * The handlers of what the sites' content scripts send (chatgpt.com/admin, the OpenAI key pages,
 * the Skyhigh console): one per message type those senders may send, typed from the protocol table.
 */
import { canonicalId, idTokens, last4 } from '../../core/formats';
import { guideFlags } from '../../core/guide';
import type { Handlers, PageOrigin } from '../../core/protocol';
import { expiryFromChoice, keyFacts } from '../../core/readers/key-facts';
import { keySiteOf } from '../../core/sites/openai';
import {
  clipboardDelay,
  currentKey,
  currentRecord,
  type KeyInfo,
  keyConflict,
  orgMismatch,
  pageOf,
  withCopied,
  withCreatedBy,
  withIds,
  withKey,
  withKeyForm,
  withoutRecord,
  withPlatformOrg,
  withSkyhighStatus,
} from '../../core/state';
import { forgetAndTell, giveValues, hold } from '../actions';
import {
  clearNotice,
  exclusive,
  heldSecret,
  keyForm,
  loadSettings,
  loadState,
  pendingHandoff,
  pendingKeyFacts,
  rememberKeyTab,
  setHandoff,
  setKeyForm,
  setPendingKeyFacts,
  update,
  updateNow,
} from '../store';

/**
 * What the create form showed in this tab moments before (noted by key/form) that joins the key
 * captured now: its name, owner, project, permissions, workspace, and the expiry its expiration
 * choice ("30 days") gives when the one-time view does not show the date. The only place the two
 * key-page scripts' notes are merged; it goes once one script sends all of it with the key.
 */
async function fromCreateForm(tabId: number | undefined, now: number): Promise<Partial<KeyInfo>> {
  const form = (await keyForm(tabId, now)) ?? {};
  const chosen = expiryFromChoice(form.expiration, now);
  return {
    ...(form.keyName ? { name: form.keyName } : {}),
    ...(form.ownerType ? { ownerType: form.ownerType } : {}),
    ...(form.project ? { project: form.project } : {}),
    ...(form.permissions ? { permissions: form.permissions } : {}),
    ...(form.workspaceName ? { workspaceName: form.workspaceName } : {}),
    ...(chosen !== null ? { expires: chosen } : {}),
  };
}

/** The workspace an Admin Console page is about, by the Workspace ID in its address. */
function workspaceOfPage(url: string): { workspaceId?: string } {
  if (keySiteOf(url) !== 'admin-console') return {};
  const [id] = idTokens('workspaceId', new URL(url).pathname);
  return id ? { workspaceId: canonicalId('workspaceId', id) } : {};
}

const hostOf = (url: string | undefined): string => {
  try {
    return new URL(url ?? '').hostname;
  } catch {
    return '';
  }
};

export const pageHandlers: Handlers<PageOrigin> = {
  async 'ids/found'(message, { sender, now }) {
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
  },

  async 'ids/forget'(message) {
    await update((s) => withoutRecord(s, message.workspaceId));
    return { ok: true };
  },

  async 'platform/org-found'(message, { sender, now }) {
    const state = await update((s) =>
      withPlatformOrg(s, message.organizationId, { at: now, from: pageOf(sender.url ?? '') }),
    );
    return { ok: true, orgMismatch: orgMismatch(state) };
  },

  async 'key/captured'(message, { sender, now }) {
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
    const { name: formName, ...form } = await fromCreateForm(sender.tab?.id, now);
    const name = keyName ?? formName;
    const held = await heldSecret(now);
    let conflict: string | null = null;
    await update((s) => {
      // a key already copied, held or handed over is replaced only when the admin says so
      conflict = replace ? null : keyConflict(s, keyLast4, held ? last4(held.value) : null);
      if (conflict) return s;
      return withKey(s, {
        last4: keyLast4,
        ...(name ? { name } : {}),
        ...form,
        ...rest,
        // where the key was made decides its path: told by the sender's address, not by the message
        site: keySiteOf(sender.url ?? '') ?? rest.site,
        ...workspaceOfPage(sender.url ?? ''),
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
  },

  async 'key/form'(message, { sender, now }) {
    const { type: _t, ...form } = message;
    await setKeyForm(sender.tab?.id, form, now);
    const state = await update((s) => withKeyForm(s, form, now));
    return { ok: true, flags: guideFlags(state, form, sender.url ?? '') };
  },

  async 'key/created-by'(message) {
    await update((s) =>
      withCreatedBy(s, message.keyLast4, message.createdBy, keyFacts(message.facts ?? []).expires),
    );
    return { ok: true };
  },

  async 'key/copied'(message, { now }) {
    await update((s) => withCopied(s, message.keyLast4, now));
    return { ok: true };
  },

  async 'secret/hold'(message, { sender, now }) {
    // only the key whose view was noted (same last 4): a page cannot slip another one in
    if (currentKey(await loadState())?.last4 !== last4(message.secret)) return { error: 'not the noted key' };
    if (sender.tab?.id !== undefined) await rememberKeyTab(sender.tab.id);
    return { ok: true, heldUntil: await hold(message.secret, now) };
  },

  async 'secret/forget'() {
    await forgetAndTell();
    return { ok: true };
  },

  // The key leaves the background only here: in answer to the console page itself, for a
  // hand-off the admin asked for, to one tab. Alone, so that two tabs asking at once get it
  // at most once; the same tab asking again (its worker or page restarted) gets it again.
  'skyhigh/ready': (_message, { sender, now }) => exclusive(() => giveValues(sender, now)),

  // what the console's Service Management should look for: the instance handed over to this host
  // (the current workspace's first, else the latest), by Workspace ID and instance name; never the key
  async 'skyhigh/watch'(_message, { sender }) {
    const state = await loadState();
    const host = hostOf(sender.url);
    const here = Object.values(state.records)
      .filter((r) => r.handoff?.host === host)
      .sort(
        (a, b) =>
          Number(b.workspaceId === state.current) - Number(a.workspaceId === state.current) ||
          (b.handoff?.at ?? 0) - (a.handoff?.at ?? 0),
      );
    const rec = here[0];
    return {
      watch: rec
        ? {
            workspaceId: rec.workspaceId,
            ...(rec.handoff?.instanceName ? { instanceName: rec.handoff.instanceName } : {}),
          }
        : null,
    };
  },

  async 'skyhigh/status'(message, { sender, now }) {
    const seen = { host: hostOf(sender.url), status: message.status, words: message.words };
    await update((s) => withSkyhighStatus(s, message.workspaceId, seen, now));
    return { ok: true };
  },

  'skyhigh/filled': (message, { sender, now }) =>
    exclusive(async () => {
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
            instanceName: handoff.instanceName,
          };
        return s;
      });
      return { ok: true };
    }),
};
