/**
 * The background's storage: the onboarding state in storage.local (no secrets), the secret and the
 * pending hand-off in storage.session (memory only, not readable by content scripts).
 */
import browser from 'webextension-polyfill';
import { effectiveSettings, type Managed, NOT_MANAGED, parseManaged } from '../core/managed';
import {
  KEY_FORM_WINDOW_MS,
  type KeyForm,
  type Settings,
  STATE_KEY,
  type State,
  type StateView,
} from '../core/state';
import {
  HANDOFF_KEY,
  NOTICE_KEY,
  pieces,
  RECORD_PREFIX,
  readStored,
  SECRET_KEY,
  viewOf,
} from '../core/stored';

export interface HeldSecret {
  value: string;
  expiresAt: number;
}

/**
 * A hand-off the admin asked for, step by step. Each step is written here (memory only) before it
 * is acted on, so that a service worker stopped between two messages resumes where it was.
 * pending: asked for, the console tab opened or pinged; sent: the values went to one console tab
 * (`tabId`), not yet confirmed; filled: that tab confirmed the fill.
 */
export interface PendingHandoff {
  /** One id per request: a late report of an older request changes nothing. */
  id: string;
  host: string;
  requestedAt: number;
  status: 'pending' | 'sent' | 'filled';
  /** The instance name handed over (the Service Management page lists the instance by it). */
  instanceName?: string;
  /** When the console tab was opened for it (so a restart does not open a second one). */
  openedAt?: number;
  /** The console tab the values were given to: only that tab may ask again. */
  tabId?: number;
  sentAt?: number;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Run `task` alone: no other read-modify-write cycle (a capture, a hand-off step) interleaves with
 * it, so two tabs asking at once are served one after the other.
 */
export function exclusive<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task);
  queue = next.catch(() => undefined);
  return next;
}

/** Serialise read-modify-write cycles so that two tabs capturing at once lose nothing. */
export function update(change: (s: State) => State): Promise<State> {
  return exclusive(() => updateNow(change));
}

/**
 * The same change, for a task already running alone (inside `exclusive`): calling `update` there
 * would wait for the task itself, for ever.
 */
export async function updateNow(change: (s: State) => State): Promise<State> {
  // loadState gives a copy of its own: `change` may change it in place
  const changed = change(await loadState());
  await persist(changed);
  return changed;
}

/**
 * storage.local holds the state in pieces: `onboarding` (version, current workspace, draft,
 * platform organisation, settings) and one `ws:<Workspace ID>` entry per record, so that a capture
 * writes (and storage.onChanged carries) one record, not all of them. The background keeps what it
 * last read or wrote in memory while it runs; a write by anyone else drops that copy.
 */
let cache: State | null = null;
/**
 * Storage holds the state of a newer version of the extension (a rollback): it is left exactly as it
 * is. This version works on an empty state in memory and writes nothing, until the admin resets
 * everything in the options.
 */
let frozen = false;
/** What this worker wrote last under each key (JSON): its own change events are not news. */
const written = new Map<string, string>();

/**
 * Write the pieces that differ from what storage holds (`written`, kept in step by loadState and
 * here), and remove the records gone.
 */
async function persist(after: State): Promise<void> {
  if (frozen) {
    cache = structuredClone(after);
    return;
  }
  const now = pieces(after);
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(now)) {
    const json = JSON.stringify(value);
    if (json !== written.get(key)) {
      set[key] = value;
      written.set(key, json);
    }
  }
  const gone = [...written.keys()].filter((k) => !(k in now));
  cache = structuredClone(after);
  // nothing new (a repeated capture, a form note that adds nothing): no write, no change event
  if (Object.keys(set).length > 0) await browser.storage.local.set(set);
  if (gone.length > 0) {
    for (const k of gone) written.delete(k);
    await browser.storage.local.remove(gone);
  }
}

function onLocalChange(changes: Record<string, { newValue?: unknown }>, area: string): void {
  if (area !== 'local' || !cache) return;
  for (const [key, change] of Object.entries(changes)) {
    if (key !== STATE_KEY && !key.startsWith(RECORD_PREFIX)) continue;
    const json = change.newValue === undefined ? undefined : JSON.stringify(change.newValue);
    if (json !== written.get(key)) cache = null; // someone else wrote: read it again
  }
}

export async function loadState(): Promise<State> {
  // the copy is kept only while someone tells us of other writers
  if (!browser.storage.onChanged.hasListener(onLocalChange)) {
    browser.storage.onChanged.addListener(onLocalChange);
    cache = null;
  }
  if (cache) return structuredClone(cache);
  const all = await browser.storage.local.get(null);
  const { state, reset, lost, rewrite, newer } = readStored(all);
  frozen = newer !== undefined;
  if (newer !== undefined) {
    const notice: StateView['notice'] = { kind: 'state-newer', version: newer };
    await browser.storage.session.set({ [NOTICE_KEY]: notice });
  }
  if (rewrite) {
    // repaired, or the older single-entry layout: written anew, in pieces
    const stale = Object.keys(all).filter((k) => k.startsWith(RECORD_PREFIX));
    if (stale.length > 0) await browser.storage.local.remove(stale);
    await browser.storage.local.set(pieces(state));
  }
  if (reset) {
    const notice: StateView['notice'] = { kind: 'state-reset', lost };
    await browser.storage.session.set({ [NOTICE_KEY]: notice });
  }
  written.clear();
  for (const [key, value] of Object.entries(pieces(state))) written.set(key, JSON.stringify(value));
  cache = structuredClone(state);
  return state;
}

/** The state is healthy again (IDs captured anew): the reset notice has said what it had to. */
export async function clearNotice(): Promise<void> {
  // a newer version's state stays untouched, and the notice that says so stays with it
  if (!frozen) await browser.storage.session.remove(NOTICE_KEY);
}

/**
 * What the organisation's policy sets (`storage.managed`). Firefox throws when no policy names the
 * extension, and a browser without policies may answer nothing: both mean "not managed".
 */
export async function loadManaged(): Promise<Managed> {
  try {
    return parseManaged(await browser.storage.managed.get());
  } catch {
    return NOT_MANAGED;
  }
}

/** The settings in force: the policy's over the admin's own. */
export async function loadSettings(): Promise<Settings> {
  const [state, managed] = await Promise.all([loadState(), loadManaged()]);
  return effectiveSettings(state.settings, managed);
}

export async function holdSecret(value: string, ttlMinutes: number, now = Date.now()): Promise<number> {
  const expiresAt = now + ttlMinutes * 60_000;
  await browser.storage.session.set({ [SECRET_KEY]: { value, expiresAt } satisfies HeldSecret });
  return expiresAt;
}

/** The held secret, if any and not expired (an expired one is forgotten on the spot). */
export async function heldSecret(now = Date.now()): Promise<HeldSecret | null> {
  const held = (await browser.storage.session.get(SECRET_KEY))[SECRET_KEY] as HeldSecret | undefined;
  if (!held) return null;
  if (held.expiresAt <= now) {
    await forgetSecret();
    return null;
  }
  return held;
}

export const forgetSecret = (): Promise<void> => browser.storage.session.remove(SECRET_KEY);

export async function pendingHandoff(): Promise<PendingHandoff | null> {
  return (
    ((await browser.storage.session.get(HANDOFF_KEY))[HANDOFF_KEY] as PendingHandoff | undefined) ?? null
  );
}

export const setHandoff = (h: PendingHandoff): Promise<void> =>
  browser.storage.session.set({ [HANDOFF_KEY]: h });

const KEY_TABS_KEY = 'keyTabs';

/** Tabs of key pages whose reminder handed a key over: told when the key is forgotten. */
export async function keyTabs(): Promise<number[]> {
  return ((await browser.storage.session.get(KEY_TABS_KEY))[KEY_TABS_KEY] as number[] | undefined) ?? [];
}

export async function rememberKeyTab(tabId: number): Promise<void> {
  const tabs = await keyTabs();
  if (!tabs.includes(tabId))
    await browser.storage.session.set({ [KEY_TABS_KEY]: [...tabs, tabId].slice(-20) });
}

const CONSOLE_TABS_KEY = 'consoleTabs';

/** Tabs whose console content script has said hello: the only ones a hand-off pings. */
export async function consoleTabs(): Promise<number[]> {
  return (
    ((await browser.storage.session.get(CONSOLE_TABS_KEY))[CONSOLE_TABS_KEY] as number[] | undefined) ?? []
  );
}

export async function rememberConsoleTab(tabId: number): Promise<void> {
  const tabs = await consoleTabs();
  if (!tabs.includes(tabId))
    await browser.storage.session.set({ [CONSOLE_TABS_KEY]: [...tabs, tabId].slice(-20) });
}

export async function view(): Promise<StateView> {
  // the state first: reading it may repair a damaged record and write the notice that says so
  const local = await loadState();
  const [held, handoff, notice, managed] = await Promise.all([
    heldSecret(),
    pendingHandoff(),
    browser.storage.session.get(NOTICE_KEY).then((r) => r[NOTICE_KEY]),
    loadManaged(),
  ]);
  return viewOf({
    state: local,
    managed,
    secretHeldUntil: held?.expiresAt ?? null,
    secretHeldLast4: held ? held.value.slice(-4) : null,
    handoff,
    notice,
  });
}

/** Forget the in-memory copy (the next read goes to storage). */
export function dropCache(): void {
  cache = null;
  frozen = false;
  written.clear();
}

export async function forgetEverything(): Promise<void> {
  dropCache();
  await browser.storage.local.clear();
  await browser.storage.session.clear();
}

/** The create form's last note, per tab (memory only), until the secret it leads to is shown. */
export async function keyForm(tabId: number | undefined, now = Date.now()): Promise<KeyForm | null> {
  if (tabId === undefined) return null;
  const entry = (await browser.storage.session.get(`keyForm:${tabId}`))[`keyForm:${tabId}`] as
    | (KeyForm & { at: number })
    | undefined;
  if (!entry || now - entry.at > KEY_FORM_WINDOW_MS) return null;
  const { at: _at, ...form } = entry;
  return form;
}

export async function setKeyForm(tabId: number | undefined, form: KeyForm, now = Date.now()): Promise<void> {
  if (tabId !== undefined) await browser.storage.session.set({ [`keyForm:${tabId}`]: { ...form, at: now } });
}

/**
 * What a key page said of a key the admin has not yet agreed to use (it would replace one already
 * handed over): its view's label/value pairs and workspace, per tab (memory only), so that "Use the
 * new key" keeps them. Never the secret.
 */
export interface PendingKeyFacts {
  last4: string;
  facts?: [string, string][];
  workspaceName?: string;
}

export async function pendingKeyFacts(tabId: number | undefined): Promise<PendingKeyFacts | null> {
  if (tabId === undefined) return null;
  const key = `keyFacts:${tabId}`;
  return ((await browser.storage.session.get(key))[key] as PendingKeyFacts | undefined) ?? null;
}

export async function setPendingKeyFacts(tabId: number | undefined, facts: PendingKeyFacts): Promise<void> {
  if (tabId !== undefined) await browser.storage.session.set({ [`keyFacts:${tabId}`]: facts });
}

/** A tab closed: what its key pages noted in memory (the create form, a key's facts) ends with it. */
export const forgetTab = (tabId: number): Promise<void> =>
  browser.storage.session.remove([`keyForm:${tabId}`, `keyFacts:${tabId}`]);
