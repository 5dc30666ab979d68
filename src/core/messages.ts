/**
 * Every runtime message, its schema and who may send it. The background refuses anything that does
 * not parse or comes from the wrong sender; nothing here touches extension APIs.
 */
import { isOrganizationId, isSecretKey, isWorkspaceId } from './formats';
import { isAdminUrl, safeUrl } from './sites/chatgpt';
import { isKeyPageUrl, isPlatformOrgUrl } from './sites/openai';
import { HANDOFF_FIELDS, type HandoffField, isKnownConsoleHost } from './sites/skyhigh';
import { KEY_PATHS, type KeyPath, type Mark, SETTING_CHECKS, SETTING_NAMES, type Settings } from './state';

/** Where a message may come from. */
export type Origin = 'extension-page' | 'chatgpt-admin' | 'openai-keys' | 'skyhigh-console';

export type Message =
  // content script on chatgpt.com/admin
  | { type: 'ids/found'; workspaceId?: string; organizationId?: string; how?: 'read' | 'picked' | 'pasted' }
  | { type: 'ids/forget'; workspaceId: string }
  // content script on platform.openai.com organisation settings
  | { type: 'platform/org-found'; organizationId: string }
  // content script on the OpenAI key pages
  | {
      type: 'key/captured';
      keyLast4: string;
      keyName?: string;
      ownerType?: 'you' | 'service-account';
      project?: string;
      permissions?: string;
      site: 'platform' | 'admin-console';
      organization?: string;
      /** The one-time view's label/value pairs (expiry, permissions, workspace), read by the background. */
      facts?: [string, string][];
      /** The workspace the Admin Console's picker showed. */
      workspaceName?: string;
      /** The admin confirmed that this key replaces one already copied or handed over. */
      replace?: boolean;
    }
  | { type: 'key/created-by'; keyLast4: string; createdBy: string; facts?: [string, string][] }
  /** What the create-key form shows now (before the secret exists). */
  | {
      type: 'key/form';
      keyName?: string;
      ownerType?: 'you' | 'service-account';
      project?: string;
      permissions?: string;
      workspaceName?: string;
      expiration?: string;
    }
  | { type: 'key/hold'; secret: string }
  | { type: 'key/forget' }
  | { type: 'key/copied'; keyLast4: string }
  // content script on the Skyhigh console
  | { type: 'skyhigh/ready' }
  | {
      type: 'skyhigh/filled';
      /** The hand-off this fill answers (from the skyhigh/ready answer). */
      handoff: string;
      filled: HandoffField[];
      missing: HandoffField[];
      ambiguous: HandoffField[];
    }
  // extension pages (popup, options)
  | { type: 'state/get' }
  | { type: 'ids/set'; workspaceId: string; organizationId?: string }
  /** The admin confirmed: the Organization ID read on its own joins this workspace. */
  | { type: 'ids/attach-org'; workspaceId: string }
  | { type: 'record/select'; workspaceId: string }
  | { type: 'secret/hold'; secret: string }
  | { type: 'secret/forget' }
  | ({ type: 'settings/set' } & Partial<Settings>)
  | { type: 'handoff/start' }
  | { type: 'state/forget-all' }
  | { type: 'record/mark'; mark: Mark; on: boolean }
  /** The admin's choice of path before any key exists. */
  | { type: 'record/path'; path: KeyPath }
  /** Check the key's Compliance API access; `secret` is a key pasted for this check only. */
  | { type: 'access/check'; secret?: string };

export type MessageType = Message['type'];

/** Which sender may send which message. */
export const ALLOWED_ORIGIN: Record<MessageType, Origin> = {
  'ids/found': 'chatgpt-admin',
  'ids/forget': 'chatgpt-admin',
  'platform/org-found': 'openai-keys',
  'key/captured': 'openai-keys',
  'key/created-by': 'openai-keys',
  'key/form': 'openai-keys',
  'key/hold': 'openai-keys',
  'key/forget': 'openai-keys',
  'key/copied': 'openai-keys',
  'record/mark': 'extension-page',
  'record/path': 'extension-page',
  'access/check': 'extension-page',
  'skyhigh/ready': 'skyhigh-console',
  'skyhigh/filled': 'skyhigh-console',
  'state/get': 'extension-page',
  'ids/set': 'extension-page',
  'ids/attach-org': 'extension-page',
  'record/select': 'extension-page',
  'secret/hold': 'extension-page',
  'secret/forget': 'extension-page',
  'settings/set': 'extension-page',
  'handoff/start': 'extension-page',
  'state/forget-all': 'extension-page',
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const onlyKeys = (o: Obj, keys: string[]) => Object.keys(o).every((k) => keys.includes(k));
const optional = <T>(v: unknown, ok: (v: unknown) => v is T): boolean => v === undefined || ok(v);
const isShortText = (v: unknown): v is string =>
  typeof v === 'string' && v.trim().length > 0 && v.length <= 120;
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

/** Parse an untrusted value into a Message, or say why not. */
export function parseMessage(raw: unknown): { ok: true; message: Message } | { ok: false; error: string } {
  if (!isObj(raw) || typeof raw.type !== 'string') return { ok: false, error: 'malformed message' };
  const m = raw;
  const ok = (keys: string[], valid: boolean) =>
    valid && onlyKeys(m, ['type', ...keys])
      ? ({ ok: true, message: m as unknown as Message } as const)
      : ({ ok: false, error: `invalid ${m.type}` } as const);
  switch (m.type) {
    case 'ids/found':
      return ok(
        ['workspaceId', 'organizationId', 'how'],
        optional(m.workspaceId, isWorkspaceId) &&
          optional(m.organizationId, isOrganizationId) &&
          (m.workspaceId !== undefined || m.organizationId !== undefined) &&
          (m.how === undefined || m.how === 'read' || m.how === 'picked' || m.how === 'pasted'),
      );
    case 'ids/forget':
      return ok(['workspaceId'], isWorkspaceId(m.workspaceId));
    case 'platform/org-found':
      return ok(['organizationId'], isOrganizationId(m.organizationId));
    case 'key/captured':
      return ok(
        [
          'keyLast4',
          'keyName',
          'ownerType',
          'project',
          'permissions',
          'site',
          'organization',
          'facts',
          'workspaceName',
          'replace',
        ],
        isLast4(m.keyLast4) &&
          optional(m.facts, isPairs) &&
          optional(m.workspaceName, isShortText) &&
          (m.replace === undefined || typeof m.replace === 'boolean') &&
          optional(m.keyName, isShortText) &&
          (m.ownerType === undefined || m.ownerType === 'you' || m.ownerType === 'service-account') &&
          optional(m.project, isShortText) &&
          optional(m.permissions, isShortText) &&
          (m.site === 'platform' || m.site === 'admin-console') &&
          optional(m.organization, isShortText),
      );
    case 'key/form':
      return ok(
        ['keyName', 'ownerType', 'project', 'permissions', 'workspaceName', 'expiration'],
        optional(m.keyName, isShortText) &&
          (m.ownerType === undefined || m.ownerType === 'you' || m.ownerType === 'service-account') &&
          optional(m.project, isShortText) &&
          optional(m.permissions, isShortText) &&
          optional(m.workspaceName, isShortText) &&
          optional(m.expiration, isShortText),
      );
    case 'key/created-by':
      return ok(
        ['keyLast4', 'createdBy', 'facts'],
        isLast4(m.keyLast4) && isShortText(m.createdBy) && optional(m.facts, isPairs),
      );
    case 'key/hold':
      return ok(['secret'], isSecretKey(m.secret));
    case 'key/forget':
      return ok([], true);
    case 'key/copied':
      return ok(['keyLast4'], isLast4(m.keyLast4));
    case 'access/check':
      return ok(['secret'], optional(m.secret, isSecretKey));
    case 'record/mark':
      return ok(
        ['mark', 'on'],
        (m.mark === 'email-sent' || m.mark === 'scopes-granted' || m.mark === 'old-key-deleted') &&
          typeof m.on === 'boolean',
      );
    case 'record/path':
      return ok(['path'], KEY_PATHS.includes(m.path as KeyPath));
    case 'skyhigh/ready':
    case 'state/get':
    case 'secret/forget':
    case 'handoff/start':
    case 'state/forget-all':
      return ok([], true);
    case 'skyhigh/filled':
      return ok(
        ['handoff', 'filled', 'missing', 'ambiguous'],
        isHandoffId(m.handoff) && isFieldList(m.filled) && isFieldList(m.missing) && isFieldList(m.ambiguous),
      );
    case 'ids/set':
      return ok(
        ['workspaceId', 'organizationId'],
        isWorkspaceId(m.workspaceId) && optional(m.organizationId, isOrganizationId),
      );
    case 'record/select':
    case 'ids/attach-org':
      return ok(['workspaceId'], isWorkspaceId(m.workspaceId));
    case 'secret/hold':
      return ok(['secret'], isSecretKey(m.secret));
    case 'settings/set':
      return ok(
        SETTING_NAMES,
        SETTING_NAMES.every((name) => m[name] === undefined || SETTING_CHECKS[name](m[name])),
      );
    default:
      return { ok: false, error: 'unknown message' };
  }
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
  if (!origin || ALLOWED_ORIGIN[parsed.message.type] !== origin) {
    return { ok: false, error: `${parsed.message.type} is not accepted from this sender` };
  }
  return { ok: true, message: parsed.message, origin };
}
