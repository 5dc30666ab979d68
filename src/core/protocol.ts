/**
 * The message protocol, in one table: for every runtime message, who may send it, its fields (each
 * with its check) and what the background answers. The `Message` type, the parser, the sender check
 * (`admit`) and the types of the background's handlers (src/background/handlers/*) all derive from
 * it, so a message type without a handler does not compile. Nothing here touches extension APIs;
 * content scripts import only its types (no bytes in their bundles).
 *
 * Adding a message = one entry in PROTOCOL + one handler in the module of its sender kind
 * (handlers/pages.ts or handlers/extension.ts); the compiler asks for the handler.
 */
import { hasKeyShape, isOrganizationId, isSecretKey, isWorkspaceId } from './formats';
import type { GuideFlag } from './guide';
import type { HandoverPreview } from './handover';
import type { HandoffValues } from './readers/skyhigh-form';
import { isAdminUrl, safeUrl } from './sites/chatgpt';
import { isKeyPageUrl, isPlatformOrgUrl } from './sites/openai';
import { HANDOFF_FIELDS, type HandoffField, type InstanceStatus, isKnownConsoleHost } from './sites/skyhigh';
import {
  CAPTURE_HOWS,
  isOneOf,
  KEY_PATHS,
  KEY_SITES,
  MARKS,
  OWNER_TYPES,
  type orgMismatch,
  SETTING_CHECKS,
  SETTING_NAMES,
  type Settings,
  type StateView,
} from './state';

/** Where a message may come from. */
export type Origin = 'extension-page' | 'chatgpt-admin' | 'openai-keys' | 'skyhigh-console';
/** The content scripts of the sites (everything but the extension's own pages). */
export type PageOrigin = Exclude<Origin, 'extension-page'>;

// ---- fields: a check, and whether the field may be left out -------------------------------------

/** A field of a message: `ok` checks a value that is there; `opt` says it may be absent. */
interface Field<T = unknown, Opt extends boolean = boolean> {
  readonly ok: (v: unknown) => boolean;
  readonly opt: Opt;
  /** Type only: the field's value type. */
  readonly of?: T;
}
type Fields = Record<string, Field>;

const req = <T>(ok: (v: unknown) => v is T): Field<T, false> => ({ ok, opt: false });
const opt = <T>(ok: (v: unknown) => v is T): Field<T, true> => ({ ok, opt: true });
const oneOf =
  <T extends string>(list: readonly T[]) =>
  (v: unknown): v is T =>
    isOneOf(list, v);

const isShortText = (v: unknown): v is string =>
  typeof v === 'string' && v.trim().length > 0 && v.length <= 120;
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
/** A status as Skyhigh words it: short text, never anything shaped like a key. */
const isStatusWords = (v: unknown): v is string =>
  typeof v === 'string' && v.trim().length > 0 && v.length <= 160 && !hasKeyShape(v);
const STATUSES: readonly InstanceStatus[] = ['ok', 'error', 'pending'];
/** Label/value pairs of a page (both short texts), at most 16. */
const isPairs = (v: unknown): v is [string, string][] =>
  Array.isArray(v) &&
  v.length <= 16 &&
  v.every((p) => Array.isArray(p) && p.length === 2 && isShortText(p[0]) && isShortText(p[1]));
const isLast4 = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9_-]{4}$/.test(v);
/** A hand-off's id: a random UUID made by the background. */
const isHandoffId = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v);
const isFieldList = (v: unknown): v is HandoffField[] =>
  Array.isArray(v) && v.length <= HANDOFF_FIELDS.length && v.every((f) => HANDOFF_FIELDS.includes(f));

/** Every setting, each optional, with the check storage and policies use too. */
const SETTING_FIELDS = Object.fromEntries(
  SETTING_NAMES.map((n) => [n, opt(SETTING_CHECKS[n] as (v: unknown) => v is unknown)]),
) as { [K in keyof Settings]: Field<Settings[K], true> };

/** What the create-key form shows (before the secret exists); part of what key/captured may say. */
const KEY_FORM_FIELDS = {
  keyName: opt(isShortText),
  ownerType: opt(oneOf(OWNER_TYPES)),
  project: opt(isShortText),
  permissions: opt(isShortText),
  workspaceName: opt(isShortText),
};

// ---- answers -----------------------------------------------------------------------------------

/** A refusal by the handler (the message was admitted, but cannot be acted on now). */
interface Refused {
  error: string;
}
interface Done {
  ok: true;
}
/** After IDs were saved: whether the API platform's Organization ID differs from ChatGPT's. */
interface IdsSaved {
  ok: true;
  orgMismatch: ReturnType<typeof orgMismatch>;
}
/** After a key's one-time view was noted (or refused as a conflict with a key already used). */
interface KeyNoted {
  ok: boolean;
  conflict?: string;
  keyTtlMinutes: number;
  clipboardClearSeconds: number;
  keyName?: string;
}
/** The values of a hand-off, given to the console page that asked for them. */
export interface HandoffFill {
  handoff: string;
  /** What the hand-off gives, and any mismatch known of (the console's panel repeats it). */
  about?: HandoverPreview;
  consoleHost: string;
  keyExpiresAt?: number;
  clipboardClearSeconds?: number;
  values: HandoffValues;
}

/** Type only: a message's answer (nothing at run time). */
const answer = <R>() => undefined as unknown as R;

interface Entry<O extends Origin = Origin, F extends Fields = Fields, R = unknown> {
  from: readonly O[];
  fields: F;
  /** A check across fields, after each field passed its own. */
  also?: (m: Record<string, unknown>) => boolean;
  reply: R;
}

// ---- the table ----------------------------------------------------------------------------------

export const PROTOCOL = {
  // content script on chatgpt.com/admin
  'ids/found': {
    from: ['chatgpt-admin'],
    fields: {
      workspaceId: opt(isWorkspaceId),
      organizationId: opt(isOrganizationId),
      how: opt(oneOf(CAPTURE_HOWS)),
    },
    also: (m) => m.workspaceId !== undefined || m.organizationId !== undefined,
    reply: answer<IdsSaved>(),
  },
  'ids/forget': {
    from: ['chatgpt-admin'],
    fields: { workspaceId: req(isWorkspaceId) },
    reply: answer<Done>(),
  },
  // content script on platform.openai.com organisation settings
  'platform/org-found': {
    from: ['openai-keys'],
    fields: { organizationId: req(isOrganizationId) },
    reply: answer<IdsSaved>(),
  },
  // content scripts on the OpenAI key pages
  'key/captured': {
    from: ['openai-keys'],
    fields: {
      keyLast4: req(isLast4),
      keyName: KEY_FORM_FIELDS.keyName,
      ownerType: KEY_FORM_FIELDS.ownerType,
      project: KEY_FORM_FIELDS.project,
      permissions: KEY_FORM_FIELDS.permissions,
      site: req(oneOf(KEY_SITES)),
      organization: opt(isShortText),
      /** The one-time view's label/value pairs (expiry, permissions, workspace), read by the background. */
      facts: opt(isPairs),
      /** The workspace the Admin Console's picker showed. */
      workspaceName: KEY_FORM_FIELDS.workspaceName,
      /** The admin confirmed that this key replaces one already copied or handed over. */
      replace: opt(isBoolean),
    },
    reply: answer<KeyNoted>(),
  },
  'key/created-by': {
    from: ['openai-keys'],
    fields: { keyLast4: req(isLast4), createdBy: req(isShortText), facts: opt(isPairs) },
    reply: answer<Done>(),
  },
  /** What the create-key form shows now (before the secret exists). */
  'key/form': {
    from: ['openai-keys'],
    fields: { ...KEY_FORM_FIELDS, expiration: opt(isShortText) },
    reply: answer<{ ok: true; flags: GuideFlag[] }>(),
  },
  'key/copied': { from: ['openai-keys'], fields: { keyLast4: req(isLast4) }, reply: answer<Done>() },
  // content script on the Skyhigh console
  'skyhigh/ready': { from: ['skyhigh-console'], fields: {}, reply: answer<{ fill: HandoffFill | null }>() },
  'skyhigh/filled': {
    from: ['skyhigh-console'],
    fields: {
      /** The hand-off this fill answers (from the skyhigh/ready answer). */
      handoff: req(isHandoffId),
      filled: req(isFieldList),
      missing: req(isFieldList),
    },
    reply: answer<{ ok: boolean }>(),
  },
  /** Which instance the console page should look for on Service Management (none: nothing handed over there). */
  'skyhigh/watch': {
    from: ['skyhigh-console'],
    fields: {},
    reply: answer<{ watch: { workspaceId: string; instanceName?: string } | null }>(),
  },
  /** What Skyhigh's Service Management shows for that instance, in its words. */
  'skyhigh/status': {
    from: ['skyhigh-console'],
    fields: { workspaceId: req(isWorkspaceId), status: req(oneOf(STATUSES)), words: req(isStatusWords) },
    reply: answer<Done>(),
  },
  // both: the key page holds the key it shows, the popup one pasted; the page gets when it expires
  'secret/hold': {
    from: ['openai-keys', 'extension-page'],
    fields: { secret: req(isSecretKey) },
    reply: answer<StateView | { ok: true; heldUntil: number } | Refused>(),
  },
  'secret/forget': { from: ['openai-keys', 'extension-page'], fields: {}, reply: answer<StateView | Done>() },
  // extension pages (popup, options)
  'state/get': { from: ['extension-page'], fields: {}, reply: answer<StateView>() },
  'ids/set': {
    from: ['extension-page'],
    fields: { workspaceId: req(isWorkspaceId), organizationId: opt(isOrganizationId) },
    reply: answer<StateView>(),
  },
  /** The admin confirmed: the Organization ID read on its own joins this workspace. */
  'ids/attach-org': {
    from: ['extension-page'],
    fields: { workspaceId: req(isWorkspaceId) },
    reply: answer<StateView>(),
  },
  'record/select': {
    from: ['extension-page'],
    fields: { workspaceId: req(isWorkspaceId) },
    reply: answer<StateView>(),
  },
  'settings/set': { from: ['extension-page'], fields: SETTING_FIELDS, reply: answer<StateView | Refused>() },
  'handoff/start': { from: ['extension-page'], fields: {}, reply: answer<StateView>() },
  'state/forget-all': { from: ['extension-page'], fields: {}, reply: answer<StateView>() },
  'record/mark': {
    from: ['extension-page'],
    fields: { mark: req(oneOf(MARKS)), on: req(isBoolean) },
    reply: answer<StateView>(),
  },
  /** The admin's choice of path before any key exists. */
  'record/path': {
    from: ['extension-page'],
    fields: { path: req(oneOf(KEY_PATHS)) },
    reply: answer<StateView>(),
  },
  /** Check the key's Compliance API access; `secret` is a key pasted for this check only. */
  'access/check': {
    from: ['extension-page'],
    fields: { secret: opt(isSecretKey) },
    reply: answer<StateView | Refused>(),
  },
  /** Check the key's delete permission (one DELETE of a conversation that cannot exist); opt-in. */
  'access/check-delete': {
    from: ['extension-page'],
    fields: { secret: opt(isSecretKey) },
    reply: answer<StateView | Refused>(),
  },
} as const satisfies Record<string, Entry>;

// ---- what derives from it -----------------------------------------------------------------------

type Table = typeof PROTOCOL;
export type MessageType = keyof Table;

type ValueOf<F> = F extends Field<infer T> ? T : never;
type Shape<F> = {
  [K in keyof F as F[K] extends Field<unknown, false> ? K : never]: ValueOf<F[K]>;
} & {
  [K in keyof F as F[K] extends Field<unknown, false> ? never : K]?: ValueOf<F[K]>;
};
type Flat<T> = { [K in keyof T]: T[K] };

/** The message of one type, as the parser admits it. */
export type MessageOf<T extends MessageType> = Flat<{ type: T } & Shape<Table[T]['fields']>>;
export type Message = { [T in MessageType]: MessageOf<T> }[MessageType];
/** What the background answers to a message of this type. */
export type Reply<T extends MessageType> = Table[T]['reply'];
/** The types a sender of this kind may send. */
export type MessageFrom<O extends Origin> = {
  [T in MessageType]: O extends Table[T]['from'][number] ? T : never;
}[MessageType];

/** Which senders may send which message (from the table). */
export const ALLOWED_ORIGIN = Object.fromEntries(
  Object.entries(PROTOCOL).map(([type, e]) => [type, e.from]),
) as { [T in MessageType]: Table[T]['from'] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const has = (o: object, k: string) => Object.hasOwn(o, k);

/** Parse an untrusted value into a Message, or say why not. */
export function parseMessage(raw: unknown): { ok: true; message: Message } | { ok: false; error: string } {
  if (!isObj(raw) || typeof raw.type !== 'string') return { ok: false, error: 'malformed message' };
  if (!has(PROTOCOL, raw.type)) return { ok: false, error: 'unknown message' };
  const entry: Entry = PROTOCOL[raw.type as MessageType];
  const valid =
    Object.keys(raw).every((k) => k === 'type' || has(entry.fields, k)) &&
    Object.entries(entry.fields).every(([k, f]) => (raw[k] === undefined ? f.opt : f.ok(raw[k]))) &&
    (entry.also?.(raw) ?? true);
  return valid
    ? { ok: true, message: raw as unknown as Message }
    : { ok: false, error: `invalid ${raw.type}` };
}

/** What the background knows of a sender (a subset of runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

/**
 * Who sent this: an extension page of ours, a content script in the top frame of one of the
 * exact https hosts, or nobody we talk to (null).
 */
export function originOf(
  sender: SenderInfo,
  extensionId: string,
  extensionOrigin: string,
  customConsoleHost: string | null = null,
): Origin | null {
  if (sender.id !== extensionId || !sender.url) return null;
  if (sender.url.startsWith(extensionOrigin)) return 'extension-page';
  if (sender.frameId !== 0 || sender.tab?.id === undefined) return null;
  const u = safeUrl(sender.url);
  if (u?.protocol !== 'https:') return null;
  if (isAdminUrl(u)) return 'chatgpt-admin';
  if (isKeyPageUrl(sender.url) || isPlatformOrgUrl(sender.url)) return 'openai-keys';
  if ((isKnownConsoleHost(u.hostname) || u.hostname === customConsoleHost) && u.port === '')
    return 'skyhigh-console';
  return null;
}

/** Parse, then check the sender: the one gate every message goes through. */
export function admit(
  raw: unknown,
  sender: SenderInfo,
  extensionId: string,
  extensionOrigin: string,
  customConsoleHost: string | null = null,
): { ok: true; message: Message; origin: Origin } | { ok: false; error: string } {
  const parsed = parseMessage(raw);
  if (!parsed.ok) return parsed;
  const origin = originOf(sender, extensionId, extensionOrigin, customConsoleHost);
  const from: readonly Origin[] = PROTOCOL[parsed.message.type].from;
  if (!origin || !from.includes(origin)) {
    return { ok: false, error: `${parsed.message.type} is not accepted from this sender` };
  }
  return { ok: true, message: parsed.message, origin };
}

// ---- the background's handlers, typed from the table --------------------------------------------

/** What a handler is given besides its message: the admitted sender kind, the sender, the time. */
export interface Context<O extends Origin = Origin> {
  origin: O;
  sender: SenderInfo;
  now: number;
}

/** One handler for every type senders of kind `O` may send: a missing one does not compile. */
export type Handlers<O extends Origin> = {
  [T in MessageFrom<O>]: (message: MessageOf<T>, ctx: Context<O>) => Promise<Reply<T>>;
};
