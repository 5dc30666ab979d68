/**
 * The onboarding record and settings kept in storage.local (no secrets there, ever), and the pure
 * functions that change them. The background is their only writer.
 */
import type { AccessCheck } from './access';
import { isOrganizationId, isWorkspaceId } from './formats';
import { DEFAULT_CONSOLE_HOST, isConsoleHost } from './sites/skyhigh';

export const STATE_VERSION = 1;
export const STATE_KEY = 'onboarding';

export interface Capture {
  at: number;
  /** The page it was read from (no query string or fragment), or 'pasted'. */
  from: string;
  how?: 'read' | 'picked' | 'pasted';
}

export interface KeyInfo extends Capture {
  last4: string;
  name?: string;
  ownerType?: 'you' | 'service-account';
  project?: string;
  permissions?: string;
  site?: 'platform' | 'admin-console';
  /** The organisation the page's organisation picker showed. */
  organization?: string;
  /** The CREATED BY name from the keys list. */
  createdBy?: string;
  /** When the extension saw the key copied (its button, the site's Copy button, or a manual copy). */
  copiedAt?: number;
}

export interface OnboardingRecord {
  workspaceId: string;
  organizationId?: string;
  idsCapture?: Capture;
  key?: KeyInfo;
  handoff?: { at: number; host: string; filled: string[]; missing: string[] };
  /** Marked by the admin in the popup. */
  emailSentAt?: number;
  scopesGrantedAt?: number;
  /** The last Compliance API access check: when, and what it said (never the answer's body). */
  accessCheck?: AccessCheck;
}

export interface Settings {
  consoleHost: string;
  instanceName: string;
  keyTtlMinutes: number;
  /** Clear a copied key from the clipboard once it is no longer needed. */
  clearClipboard: boolean;
  /** The e-mail to OpenAI support: in English (OpenAI support's language) or in the UI's language. */
  emailLanguage: EmailLanguage;
}

export type EmailLanguage = 'en' | 'ui';
export const EMAIL_LANGUAGES: readonly EmailLanguage[] = ['en', 'ui'];

export interface State {
  version: typeof STATE_VERSION;
  records: Record<string, OnboardingRecord>;
  current: string | null;
  /** Captured before any Workspace ID was known (e.g. the key dialog first); joins the next record. */
  draft: { organizationId?: string; key?: KeyInfo; idsCapture?: Capture };
  /** The Organization ID the API platform showed last (platform.openai.com organisation settings). */
  platformOrg?: Capture & { id: string };
  settings: Settings;
}

export const DEFAULT_SETTINGS: Settings = {
  consoleHost: DEFAULT_CONSOLE_HOST,
  instanceName: 'ChatGPT Enterprise',
  keyTtlMinutes: 30,
  clearClipboard: true,
  emailLanguage: 'en',
};

export const emptyState = (): State => ({
  version: STATE_VERSION,
  records: {},
  current: null,
  draft: {},
  settings: { ...DEFAULT_SETTINGS },
});

/** Page address without query or fragment: enough to say where, never a token in a URL. */
export function pageOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '';
  }
}

function ensureRecord(state: State, workspaceId: string): OnboardingRecord {
  const existing = state.records[workspaceId];
  if (existing) return existing;
  const rec: OnboardingRecord = { workspaceId, ...state.draft };
  state.draft = {};
  state.records[workspaceId] = rec;
  return rec;
}

/**
 * IDs read on a page or pasted by the admin. An Organization ID without its Workspace ID waits in
 * the draft: it is never attached to another workspace's record.
 */
export function withIds(
  prev: State,
  ids: { workspaceId?: string; organizationId?: string },
  capture: Capture,
): State {
  const state = structuredClone(prev);
  if (ids.workspaceId) {
    const rec = ensureRecord(state, ids.workspaceId);
    const organizationId =
      ids.organizationId ?? (rec.organizationId ? undefined : state.draft.organizationId);
    if (organizationId) rec.organizationId = organizationId;
    if (organizationId === state.draft.organizationId) delete state.draft.organizationId;
    rec.idsCapture = capture;
    state.current = ids.workspaceId;
  } else if (ids.organizationId) {
    state.draft.organizationId = ids.organizationId;
    state.draft.idsCapture = capture;
  }
  return state;
}

export function withKey(prev: State, key: KeyInfo): State {
  const state = structuredClone(prev);
  const rec = state.current ? state.records[state.current] : undefined;
  if (rec) rec.key = key;
  else state.draft.key = key;
  return state;
}

export interface KeyForm {
  keyName?: string;
  ownerType?: 'you' | 'service-account';
  project?: string;
  permissions?: string;
}

/** How long the form's choices belong to the key whose secret is shown next. */
export const KEY_FORM_WINDOW_MS = 10 * 60_000;

/**
 * What the create form showed, added to a key captured moments before the form's note arrived
 * (the two come from two content scripts). Never overrides what the secret view itself showed.
 */
export function withKeyForm(prev: State, form: KeyForm, at: number): State {
  return withCurrentKey(prev, (key) => {
    if (at - key.at > 60_000 || at < key.at - 60_000) return;
    if (form.keyName && !key.name) key.name = form.keyName;
    for (const f of ['ownerType', 'project', 'permissions'] as const)
      if (form[f] && !key[f]) Object.assign(key, { [f]: form[f] });
  });
}

/** The CREATED BY name, for the key with these last 4 characters only. */
export function withCreatedBy(prev: State, last4: string, createdBy: string): State {
  return withCurrentKey(prev, (key) => {
    if (key.last4 === last4) key.createdBy = createdBy;
  });
}

export function withCopied(prev: State, last4: string, at: number): State {
  return withCurrentKey(prev, (key) => {
    if (key.last4 === last4) key.copiedAt = at;
  });
}

/** A copy of the state with `change` applied to its current key, if there is one. */
function withCurrentKey(prev: State, change: (key: KeyInfo) => void): State {
  const state = structuredClone(prev);
  const key = currentKey(state);
  if (key) change(key);
  return state;
}

/** The result of an access check on the current workspace; a working key also marks the scopes granted. */
export function withAccessCheck(prev: State, workspaceId: string, check: AccessCheck): State {
  const state = structuredClone(prev);
  const rec = state.records[workspaceId];
  if (!rec) return state;
  rec.accessCheck = check;
  if (check.result === 'ok') rec.scopesGrantedAt ??= check.at;
  return state;
}

export type Mark = 'email-sent' | 'scopes-granted';

/** The admin's own marks on the current workspace: e-mail sent, scopes granted (or taken back). */
export function withMark(prev: State, mark: Mark, on: boolean, at: number): State {
  const state = structuredClone(prev);
  const rec = currentRecord(state);
  if (!rec) return state;
  const field = mark === 'email-sent' ? 'emailSentAt' : 'scopesGrantedAt';
  if (on) rec[field] = at;
  else delete rec[field];
  return state;
}

export const currentKey = (s: State): KeyInfo | undefined =>
  (s.current ? s.records[s.current]?.key : undefined) ?? s.draft.key;

export function withSettings(prev: State, patch: Partial<Settings>): State {
  const state = structuredClone(prev);
  state.settings = { ...state.settings, ...patch };
  return state;
}

export function withPlatformOrg(prev: State, id: string, capture: Capture): State {
  const state = structuredClone(prev);
  state.platformOrg = { id, ...capture };
  return state;
}

export function withoutRecord(prev: State, workspaceId: string): State {
  const state = structuredClone(prev);
  delete state.records[workspaceId];
  if (state.current === workspaceId) state.current = Object.keys(state.records)[0] ?? null;
  return state;
}

/**
 * The documented pitfall: the API platform's organisation differs from the one in ChatGPT admin
 * settings. Null when they agree or one of them is unknown.
 */
export function orgMismatch(s: State): { chatgpt: string; platform: string } | null {
  const chatgpt = currentRecord(s)?.organizationId ?? s.draft.organizationId;
  const platform = s.platformOrg?.id;
  return chatgpt && platform && chatgpt !== platform ? { chatgpt, platform } : null;
}

export const currentRecord = (s: State): OnboardingRecord | null =>
  s.current ? (s.records[s.current] ?? null) : null;

/**
 * Whatever storage holds, a valid State: a corrupt or unknown record is reset (and said so),
 * never a crash.
 */
export function migrate(raw: unknown): { state: State; reset: boolean } {
  if (raw === undefined || raw === null) return { state: emptyState(), reset: false };
  if (!raw || typeof raw !== 'object') return { state: emptyState(), reset: true };
  const r = raw as Record<string, unknown>;
  if (r.version !== STATE_VERSION || !r.records || typeof r.records !== 'object') {
    return { state: emptyState(), reset: true };
  }
  const state = emptyState();
  let dropped = false;
  for (const [id, rec] of Object.entries(r.records as Record<string, unknown>)) {
    const ok =
      isWorkspaceId(id) &&
      rec &&
      typeof rec === 'object' &&
      (rec as OnboardingRecord).workspaceId === id &&
      ((rec as OnboardingRecord).organizationId === undefined ||
        isOrganizationId((rec as OnboardingRecord).organizationId));
    if (ok) state.records[id] = rec as OnboardingRecord;
    else dropped = true;
  }
  if (typeof r.current === 'string' && state.records[r.current]) state.current = r.current;
  if (r.draft && typeof r.draft === 'object') state.draft = r.draft as State['draft'];
  const po = r.platformOrg as State['platformOrg'];
  if (po && isOrganizationId(po.id)) state.platformOrg = po;
  state.settings = { ...DEFAULT_SETTINGS, ...validSettings(r.settings) };
  return { state, reset: dropped };
}

/** Each check a setting's value must pass, wherever it comes from (storage, a message, a policy). */
export const SETTING_CHECKS: { [K in keyof Settings]: (v: unknown) => v is Settings[K] } = {
  consoleHost: (v): v is string => typeof v === 'string' && isConsoleHost(v),
  instanceName: (v): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= 120,
  keyTtlMinutes: (v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 120,
  clearClipboard: (v): v is boolean => typeof v === 'boolean',
  emailLanguage: (v): v is EmailLanguage =>
    typeof v === 'string' && EMAIL_LANGUAGES.includes(v as EmailLanguage),
};

export const SETTING_NAMES = Object.keys(SETTING_CHECKS) as (keyof Settings)[];

/** The settings in `raw` that are valid; anything else is left out. */
export function validSettings(raw: unknown): Partial<Settings> {
  const out: Partial<Settings> = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const name of SETTING_NAMES) {
    const v = (raw as Record<string, unknown>)[name];
    if (SETTING_CHECKS[name](v)) Object.assign(out, { [name]: v });
  }
  return out;
}

/** What extension pages are shown: the state, and whether a secret is held (never the secret). */
export interface StateView {
  state: State;
  secretHeldUntil: number | null;
  lastHandoff: { status: 'pending' | 'sent' | 'filled'; at: number } | null;
  notice: 'state-reset' | null;
  /** The settings the organisation's policy fixes (`state.settings` already holds their values). */
  managed: { fields: (keyof Settings)[]; locked: boolean };
}
