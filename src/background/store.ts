/**
 * The background's storage: the onboarding state in storage.local (no secrets), the secret and the
 * pending hand-off in storage.session (memory only, not readable by content scripts).
 */
import browser from 'webextension-polyfill';
import { effectiveSettings, type Managed, managedFields, NOT_MANAGED, parseManaged } from '../core/managed';
import {
  KEY_FORM_WINDOW_MS,
  type KeyForm,
  migrate,
  type Settings,
  STATE_KEY,
  type State,
  type StateView,
} from '../core/state';

const SECRET_KEY = 'secret';
const HANDOFF_KEY = 'handoff';
const NOTICE_KEY = 'notice';

export interface HeldSecret {
  value: string;
  expiresAt: number;
}

export interface PendingHandoff {
  host: string;
  requestedAt: number;
  status: 'pending' | 'sent' | 'filled';
}

let queue: Promise<unknown> = Promise.resolve();

/** Serialise read-modify-write cycles so that two tabs capturing at once lose nothing. */
export function update(change: (s: State) => State): Promise<State> {
  const next = queue.then(async () => {
    const state = await loadState();
    const before = JSON.stringify(state);
    const changed = change(state);
    // nothing new (a repeated capture, a form note that adds nothing): no write, no change event
    if (JSON.stringify(changed) !== before) await browser.storage.local.set({ [STATE_KEY]: changed });
    return changed;
  });
  queue = next.catch(() => undefined);
  return next;
}

export async function loadState(): Promise<State> {
  const raw = (await browser.storage.local.get(STATE_KEY))[STATE_KEY];
  const { state, reset } = migrate(raw);
  if (reset) {
    await browser.storage.local.set({ [STATE_KEY]: state });
    await browser.storage.session.set({ [NOTICE_KEY]: 'state-reset' });
  }
  return state;
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
  const [local, held, handoff, notice, managed] = await Promise.all([
    loadState(),
    heldSecret(),
    pendingHandoff(),
    browser.storage.session.get(NOTICE_KEY).then((r) => r[NOTICE_KEY]),
    loadManaged(),
  ]);
  return {
    // the pages see the settings in force, and which of them the organisation fixed
    state: { ...local, settings: effectiveSettings(local.settings, managed) },
    managed: { fields: managedFields(managed), locked: managed.locked },
    secretHeldUntil: held?.expiresAt ?? null,
    lastHandoff: handoff ? { status: handoff.status, at: handoff.requestedAt } : null,
    notice: notice === 'state-reset' ? 'state-reset' : null,
  };
}

export async function forgetEverything(): Promise<void> {
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
