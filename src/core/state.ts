/**
 * The onboarding record and settings kept in storage.local (no secrets there, ever), and the pure
 * functions that change them. The background is their only writer.
 */
import { ACCESS_MESSAGE, type AccessCheck, DELETE_MESSAGE, type DeleteCheck } from './access';
import { hasKeyShape, isOrganizationId, isWorkspaceId } from './formats';
import type { KeySite } from './sites/openai';
import {
  DEFAULT_CONSOLE_HOST,
  HANDOFF_FIELDS,
  type HandoffField,
  type InstanceStatus,
  isConsoleHost,
} from './sites/skyhigh';

export const STATE_VERSION = 1;
export const STATE_KEY = 'onboarding';

/** How a value was captured: read from its page, picked on the page by the admin, or pasted. */
export type CaptureHow = 'read' | 'picked' | 'pasted';
export const CAPTURE_HOWS: readonly CaptureHow[] = ['read', 'picked', 'pasted'];

/** Whose key it is: the admin's own, or a service account's. */
export type OwnerType = 'you' | 'service-account';
export const OWNER_TYPES: readonly OwnerType[] = ['you', 'service-account'];

/** Where a key was made: the API platform or the Admin Console. */
export const KEY_SITES: readonly KeySite[] = ['platform', 'admin-console'];

/** `v` is one of `list`. */
export const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T => list.includes(v as T);

export interface Capture {
  at: number;
  /** The page it was read from (no query string or fragment), or 'pasted'. */
  from: string;
  how?: CaptureHow;
}

export interface KeyInfo extends Capture {
  last4: string;
  name?: string;
  ownerType?: OwnerType;
  project?: string;
  permissions?: string;
  site?: KeySite;
  /** The organisation the page's organisation picker showed. */
  organization?: string;
  /** The CREATED BY name from the keys list. */
  createdBy?: string;
  /** When the extension saw the key copied (its button, the site's Copy button, or a manual copy). */
  copiedAt?: number;
  /** When the key stops working (an Admin key's expiration, as the page showed it), or never. */
  expires?: number | 'never';
  /** The workspace the Admin Console showed the key made for (by name). */
  workspaceName?: string;
  /** The workspace the key was made for, by the Workspace ID in the Admin Console page's address. */
  workspaceId?: string;
}

/** What was handed to Skyhigh CASB, and which fields its form took. */
export interface Handoff {
  at: number;
  host: string;
  filled: HandoffField[];
  missing: HandoffField[];
  /** The instance name handed over (Skyhigh's Service Management lists the instance by it). */
  instanceName?: string;
}

/** The instance's status as Skyhigh's Service Management showed it, in its own words. */
export interface SkyhighStatus {
  at: number;
  host: string;
  status: InstanceStatus;
  words: string;
}

/**
 * The two ways to a key with Compliance API access: a secret key on the API platform and an e-mail
 * to OpenAI support (what Skyhigh documents), or a workspace Admin key made in the Admin Console.
 */
export type KeyPath = 'email' | 'self-serve';
export const KEY_PATHS: readonly KeyPath[] = ['email', 'self-serve'];

/** The key a rotation replaced, kept (never its secret) until the admin marks it deleted. */
export interface PreviousKey {
  last4: string;
  name?: string;
  at: number;
}

export interface OnboardingRecord {
  workspaceId: string;
  organizationId?: string;
  idsCapture?: Capture;
  key?: KeyInfo;
  handoff?: Handoff;
  /** What Skyhigh's console said of the instance last, once handed over. */
  skyhighStatus?: SkyhighStatus;
  /** Marked by the admin in the popup. */
  emailSentAt?: number;
  scopesGrantedAt?: number;
  /** The last Compliance API access check: when, and what it said (never the answer's body). */
  accessCheck?: AccessCheck;
  /** The last delete-permission check (a DELETE of a conversation that cannot exist). */
  deleteCheck?: DeleteCheck;
  /** The path the admin chose before any key existed (a captured key's site overrides it). */
  path?: KeyPath;
  /** The key a rotation replaced, until the admin marks it deleted in the Admin Console. */
  previousKey?: PreviousKey;
}

export interface Settings {
  consoleHost: string;
  instanceName: string;
  /** How long a key handed over may be held in memory. */
  keyTtlMinutes: number;
  /** Clear a key the extension copied from the clipboard once it is handed over or after a while. */
  clearClipboard: boolean;
  /** That while, in seconds (60 by default; not in the options, shortened by tests). */
  clipboardClearSeconds: number;
  /** The e-mail to OpenAI support: in English (OpenAI support's language) or in the UI's language. */
  emailLanguage: EmailLanguage;
}

export type EmailLanguage = 'en' | 'ui';
export const EMAIL_LANGUAGES: readonly EmailLanguage[] = ['en', 'ui'];

/** The longest a key may be held: the options offer up to 2 hours, and so does the parser. */
export const KEY_TTL_MINUTES = { min: 1, max: 120 } as const;
export const CLIPBOARD_CLEAR_SECONDS = { min: 1, max: 600 } as const;

/** After the extension copied the key, when the clipboard is cleared (0: never). */
export const clipboardDelay = (s: Settings): number => (s.clearClipboard ? s.clipboardClearSeconds : 0);

export interface State {
  version: typeof STATE_VERSION;
  records: Record<string, OnboardingRecord>;
  current: string | null;
  /**
   * Captured before any Workspace ID was known. The key (the key dialog came first) joins the next
   * record; an Organization ID read without its Workspace ID waits, unattached, until the admin
   * says which workspace it belongs to.
   */
  draft: { organizationId?: string; key?: KeyInfo; idsCapture?: Capture; path?: KeyPath };
  /** The Organization ID the API platform showed last (platform.openai.com organisation settings). */
  platformOrg?: Capture & { id: string };
  settings: Settings;
}

export const DEFAULT_SETTINGS: Settings = {
  consoleHost: DEFAULT_CONSOLE_HOST,
  instanceName: 'ChatGPT Enterprise',
  keyTtlMinutes: 30,
  clearClipboard: true,
  clipboardClearSeconds: 60,
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
  const rec: OnboardingRecord = { workspaceId };
  // a key noted before any workspace was known belongs to the first one; an unattached
  // Organization ID does not (it may be another tab's, another workspace's)
  if (state.draft.key) rec.key = state.draft.key;
  if (state.draft.path) rec.path = state.draft.path;
  delete state.draft.key;
  delete state.draft.path;
  state.records[workspaceId] = rec;
  return rec;
}

/**
 * IDs read on a page or pasted by the admin. Both IDs of one message come from one page visit and
 * join one record. An Organization ID without its Workspace ID waits in the draft: it joins a
 * record only when the admin confirms it (`withAttachedOrg`), never because another page showed
 * a Workspace ID next.
 */
export function withIds(
  prev: State,
  ids: { workspaceId?: string; organizationId?: string },
  capture: Capture,
): State {
  const state = structuredClone(prev);
  if (ids.workspaceId) {
    const rec = ensureRecord(state, ids.workspaceId);
    if (ids.organizationId) rec.organizationId = ids.organizationId;
    if (ids.organizationId && ids.organizationId === state.draft.organizationId) {
      delete state.draft.organizationId;
      delete state.draft.idsCapture;
    }
    rec.idsCapture = capture;
    state.current = ids.workspaceId;
  } else if (ids.organizationId) {
    state.draft.organizationId = ids.organizationId;
    state.draft.idsCapture = capture;
  }
  return state;
}

/** The admin's answer to "attach this Organization ID to workspace …?": yes. */
export function withAttachedOrg(prev: State, workspaceId: string): State {
  const state = structuredClone(prev);
  const rec = state.records[workspaceId];
  if (!rec || !state.draft.organizationId) return state;
  rec.organizationId = state.draft.organizationId;
  delete state.draft.organizationId;
  delete state.draft.idsCapture;
  return state;
}

/**
 * An Organization ID read on its own, waiting for the admin to attach it, and the workspace it
 * would join (the current one), or null.
 */
export function unattachedOrg(
  s: State,
): { organizationId: string; from: string; workspaceId: string | null } | null {
  const id = s.draft.organizationId;
  if (!id) return null;
  const rec = currentRecord(s);
  if (rec?.organizationId === id) return null;
  return { organizationId: id, from: s.draft.idsCapture?.from ?? '', workspaceId: rec?.workspaceId ?? null };
}

/** The texts of a key the record keeps (names, project, permissions, organisation, CREATED BY). */
const KEY_TEXTS = ['name', 'project', 'permissions', 'organization', 'createdBy', 'workspaceName'] as const;

/** A text the record may keep: never one shaped like a key (a trap's "member name", a code sample). */
const plain = (v: string | undefined): v is string => !!v && !hasKeyShape(v);

/**
 * A copy of `raw` (a key or a replaced key, as noted or as stored) without its key-shaped texts;
 * `dropped` is told of each.
 */
function withoutKeyShapes<T>(raw: T, dropped = () => {}): T {
  if (!isObj(raw)) return raw;
  const v: Obj = { ...raw };
  for (const f of KEY_TEXTS)
    if (typeof v[f] === 'string' && hasKeyShape(v[f])) {
      delete v[f];
      dropped();
    }
  return v as T;
}

export function withKey(prev: State, given: KeyInfo): State {
  const key = withoutKeyShapes(given);
  const state = structuredClone(prev);
  const rec = state.current ? state.records[state.current] : undefined;
  if (rec) {
    const old = rec.key;
    if (old && old.last4 !== key.last4) {
      // what Skyhigh holds and what was checked belong to the old key: the new one is to be handed
      // over and checked again, whichever path it came by
      if (rec.handoff?.filled.includes('apiKey')) {
        // a rotation: an Admin key replaces one handed to Skyhigh. The old one is remembered (last 4
        // and name) until the admin deletes it in the Admin Console.
        if (key.site === 'admin-console')
          rec.previousKey = { last4: old.last4, ...(old.name ? { name: old.name } : {}), at: key.at };
        delete rec.handoff;
        delete rec.skyhighStatus;
      }
      delete rec.accessCheck;
      delete rec.deleteCheck;
    }
    rec.key = key;
  } else state.draft.key = key;
  return state;
}

/** The admin's choice of path, before any key exists: on the current record, or the draft. */
export function withPath(prev: State, path: KeyPath): State {
  const state = structuredClone(prev);
  const rec = currentRecord(state);
  if (rec) rec.path = path;
  else state.draft.path = path;
  return state;
}

/**
 * The path of the current workspace: where its key was made (an Admin key in the Admin Console is
 * the self-serve path, a platform key the e-mail path), else the admin's choice, else null.
 */
export function pathOf(s: State): KeyPath | null {
  const key = currentKey(s);
  if (key?.site === 'admin-console') return 'self-serve';
  if (key?.site === 'platform') return 'email';
  return currentRecord(s)?.path ?? (s.current ? null : (s.draft.path ?? null));
}

/**
 * Would noting this key silently replace another that matters? A key already copied, held in
 * memory or handed to Skyhigh is replaced only when the admin says so. Returns that key's last 4.
 */
export function keyConflict(s: State, last4: string, heldLast4: string | null): string | null {
  const key = currentKey(s);
  if (!key || key.last4 === last4) return null;
  const handedOver = !!currentRecord(s)?.handoff?.filled.includes('apiKey');
  return key.copiedAt !== undefined || heldLast4 === key.last4 || handedOver ? key.last4 : null;
}

export interface KeyForm {
  keyName?: string;
  /** The Admin key form's expiration choice as shown ("30 days", "Never"); the background reads it. */
  expiration?: string;
  workspaceName?: string;
  ownerType?: OwnerType;
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
    if (plain(form.keyName) && !key.name) key.name = form.keyName;
    if (form.ownerType && !key.ownerType) key.ownerType = form.ownerType;
    for (const f of ['project', 'permissions', 'workspaceName'] as const)
      if (plain(form[f]) && !key[f]) key[f] = form[f];
  });
}

/** The CREATED BY name (and the expiry the list shows), for the key with these last 4 characters only. */
export function withCreatedBy(
  prev: State,
  last4: string,
  createdBy: string,
  expires?: number | 'never',
): State {
  return withCurrentKey(prev, (key) => {
    if (key.last4 !== last4 || !plain(createdBy)) return;
    key.createdBy = createdBy;
    if (expires !== undefined && key.expires === undefined) key.expires = expires;
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

/** The result of a delete-permission check on a workspace. */
export function withDeleteCheck(prev: State, workspaceId: string, check: DeleteCheck): State {
  const state = structuredClone(prev);
  const rec = state.records[workspaceId];
  if (rec) rec.deleteCheck = check;
  return state;
}

/**
 * What Skyhigh's console showed for the instance handed over from this workspace, read on that
 * console's host only; nothing for a workspace never handed over there.
 */
export function withSkyhighStatus(
  prev: State,
  workspaceId: string,
  seen: Omit<SkyhighStatus, 'at'>,
  at: number,
): State {
  const rec = prev.records[workspaceId];
  if (!rec?.handoff || rec.handoff.host !== seen.host) return prev;
  const was = rec.skyhighStatus;
  if (was && was.status === seen.status && was.words === seen.words && at - was.at < 60_000) return prev;
  const state = structuredClone(prev);
  (state.records[workspaceId] as OnboardingRecord).skyhighStatus = { ...seen, at };
  return state;
}

export type Mark = 'email-sent' | 'scopes-granted' | 'old-key-deleted';
export const MARKS: readonly Mark[] = ['email-sent', 'scopes-granted', 'old-key-deleted'];

/** The admin's own marks on the current workspace: e-mail sent, scopes granted (or taken back). */
export function withMark(prev: State, mark: Mark, on: boolean, at: number): State {
  const state = structuredClone(prev);
  const rec = currentRecord(state);
  if (!rec) return state;
  if (mark === 'old-key-deleted') {
    if (on) delete rec.previousKey;
    return state;
  }
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

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
/** A time a Date can show (0 to 8.64e15 ms): a larger number breaks every date on screen. */
const isTime = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 8.64e15;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;
const isField = (v: unknown): boolean => (HANDOFF_FIELDS as readonly unknown[]).includes(v);

/** Counts what a repair had to drop. */
class Repair {
  lost = 0;
  /** One more thing dropped. */
  dropped = (): void => {
    this.lost++;
  };
  /** `value` when it passes `ok`, else undefined (and one more thing lost, if there was something). */
  keep<T>(value: unknown, ok: (v: unknown) => boolean): T | undefined {
    if (value === undefined) return undefined;
    if (ok(value)) return value as T;
    this.lost++;
    return undefined;
  }
}

const captureOk = (v: unknown): boolean =>
  isObj(v) &&
  isTime(v.at) &&
  typeof v.from === 'string' &&
  v.from.length <= 2000 &&
  (v.how === undefined || isOneOf(CAPTURE_HOWS, v.how));

const optionalText = (v: unknown) => v === undefined || isText(v);

const keyOk = (v: unknown): boolean =>
  captureOk(v) &&
  isObj(v) &&
  typeof v.last4 === 'string' &&
  /^[A-Za-z0-9_-]{4}$/.test(v.last4) &&
  optionalText(v.name) &&
  (v.ownerType === undefined || isOneOf(OWNER_TYPES, v.ownerType)) &&
  optionalText(v.project) &&
  optionalText(v.permissions) &&
  (v.site === undefined || isOneOf(KEY_SITES, v.site)) &&
  optionalText(v.organization) &&
  optionalText(v.createdBy) &&
  (v.copiedAt === undefined || isTime(v.copiedAt)) &&
  (v.expires === undefined || v.expires === 'never' || isTime(v.expires)) &&
  optionalText(v.workspaceName) &&
  (v.workspaceId === undefined || isWorkspaceId(v.workspaceId));

const isPath = (v: unknown): v is KeyPath => isOneOf(KEY_PATHS, v);

const previousKeyOk = (v: unknown): boolean =>
  isObj(v) &&
  typeof v.last4 === 'string' &&
  /^[A-Za-z0-9_-]{4}$/.test(v.last4) &&
  optionalText(v.name) &&
  isTime(v.at);

const handoffOk = (v: unknown): boolean =>
  isObj(v) &&
  isTime(v.at) &&
  typeof v.host === 'string' &&
  isConsoleHost(v.host) &&
  Array.isArray(v.filled) &&
  v.filled.every(isField) &&
  Array.isArray(v.missing) &&
  v.missing.every(isField) &&
  optionalText(v.instanceName);

const STATUSES: readonly InstanceStatus[] = ['ok', 'error', 'pending'];
const skyhighStatusOk = (v: unknown): boolean =>
  isObj(v) &&
  isTime(v.at) &&
  typeof v.host === 'string' &&
  isConsoleHost(v.host) &&
  isOneOf(STATUSES, v.status) &&
  typeof v.words === 'string' &&
  v.words.length <= 200;

const deleteOk = (v: unknown): boolean =>
  isObj(v) &&
  isTime(v.at) &&
  typeof v.result === 'string' &&
  Object.hasOwn(DELETE_MESSAGE, v.result) &&
  (v.status === undefined || (typeof v.status === 'number' && Number.isInteger(v.status)));

const accessOk = (v: unknown): boolean =>
  isObj(v) &&
  isTime(v.at) &&
  typeof v.result === 'string' &&
  Object.hasOwn(ACCESS_MESSAGE, v.result) &&
  (v.status === undefined || (typeof v.status === 'number' && Number.isInteger(v.status)));

/** A stored record, field by field: what cannot be read is dropped, the rest kept. */
function repairRecord(id: string, raw: unknown, repair: Repair): OnboardingRecord | null {
  if (!isWorkspaceId(id) || !isObj(raw) || raw.workspaceId !== id) return null;
  const rec: OnboardingRecord = { workspaceId: id };
  const fields: Partial<OnboardingRecord> = {
    organizationId: repair.keep<string>(raw.organizationId, isOrganizationId),
    idsCapture: repair.keep<Capture>(raw.idsCapture, captureOk),
    key: repair.keep<KeyInfo>(withoutKeyShapes(raw.key, repair.dropped), keyOk),
    handoff: repair.keep<OnboardingRecord['handoff']>(raw.handoff, handoffOk),
    emailSentAt: repair.keep<number>(raw.emailSentAt, isTime),
    scopesGrantedAt: repair.keep<number>(raw.scopesGrantedAt, isTime),
    skyhighStatus: repair.keep<SkyhighStatus>(raw.skyhighStatus, skyhighStatusOk),
    accessCheck: repair.keep<AccessCheck>(raw.accessCheck, accessOk),
    deleteCheck: repair.keep<DeleteCheck>(raw.deleteCheck, deleteOk),
    path: repair.keep<KeyPath>(raw.path, isPath),
    previousKey: repair.keep<PreviousKey>(withoutKeyShapes(raw.previousKey, repair.dropped), previousKeyOk),
  };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) Object.assign(rec, { [k]: v });
  return rec;
}

/**
 * Whatever storage holds, a valid State: every record, the draft and the settings are checked field
 * by field; what cannot be read is dropped (and counted in `lost`), never a crash later in the popup
 * or the badge. `reset` says that something was lost; `lost` is 'all' when nothing could be kept.
 */
export function migrate(raw: unknown): {
  state: State;
  reset: boolean;
  lost: number | 'all';
  /** Stored by a newer version of the extension (a rollback): to be left exactly as it is. */
  newer?: number;
} {
  if (raw === undefined || raw === null) return { state: emptyState(), reset: false, lost: 0 };
  if (isObj(raw) && typeof raw.version === 'number' && raw.version > STATE_VERSION)
    return { state: emptyState(), reset: false, lost: 0, newer: raw.version };
  if (!isObj(raw) || raw.version !== STATE_VERSION || !isObj(raw.records)) {
    return { state: emptyState(), reset: true, lost: 'all' };
  }
  const r = raw;
  const repair = new Repair();
  const state = emptyState();
  for (const [id, rec] of Object.entries(r.records as Obj)) {
    const ok = repairRecord(id, rec, repair);
    if (ok) state.records[id] = ok;
    else repair.lost++;
  }
  if (typeof r.current === 'string' && state.records[r.current]) state.current = r.current;
  if (isObj(r.draft)) {
    const d = r.draft;
    const draft: State['draft'] = {
      organizationId: repair.keep<string>(d.organizationId, isOrganizationId),
      key: repair.keep<KeyInfo>(withoutKeyShapes(d.key, repair.dropped), keyOk),
      idsCapture: repair.keep<Capture>(d.idsCapture, captureOk),
      path: repair.keep<KeyPath>(d.path, isPath),
    };
    for (const [k, v] of Object.entries(draft)) if (v !== undefined) Object.assign(state.draft, { [k]: v });
  } else if (r.draft !== undefined) repair.lost++;
  const po = r.platformOrg;
  if (isObj(po) && isOrganizationId(po.id) && captureOk(po))
    state.platformOrg = po as unknown as State['platformOrg'];
  else if (po !== undefined) repair.lost++;
  state.settings = { ...DEFAULT_SETTINGS, ...validSettings(r.settings) };
  return { state, reset: repair.lost > 0, lost: repair.lost };
}

const isIntIn = (v: unknown, r: { min: number; max: number }): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= r.min && v <= r.max;

/** Each check a setting's value must pass, wherever it comes from (storage, a message, a policy). */
export const SETTING_CHECKS: { [K in keyof Settings]: (v: unknown) => v is Settings[K] } = {
  consoleHost: (v): v is string => typeof v === 'string' && isConsoleHost(v),
  instanceName: (v): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= 120,
  keyTtlMinutes: (v): v is number => isIntIn(v, KEY_TTL_MINUTES),
  clearClipboard: (v): v is boolean => typeof v === 'boolean',
  clipboardClearSeconds: (v): v is number => isIntIn(v, CLIPBOARD_CLEAR_SECONDS),
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
  /** The last 4 characters of the key held (never more of it), to say which key a hand-off gives. */
  secretHeldLast4?: string | null;
  /** The last hand-off: asked for (`at`), given to a console tab (`sentAt`), confirmed filled. */
  lastHandoff: { status: 'pending' | 'sent' | 'filled'; at: number; sentAt?: number } | null;
  /** Stored state that could not be read and was dropped: all of it, or that many items. */
  notice: { kind: 'state-reset'; lost: number | 'all' } | { kind: 'state-newer'; version: number } | null;
  /** The settings the organisation's policy fixes (`state.settings` already holds their values). */
  managed: { fields: (keyof Settings)[]; locked: boolean };
}
