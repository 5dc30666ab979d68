/**
 * The Compliance API access check: one request for at most one record, and what its answer means
 * in plain words. Only the status and the error code are looked at; nothing of the body is kept.
 */
import type { MessageKey } from './message-keys';

export const COMPLIANCE_API_ORIGIN = 'https://api.chatgpt.com';
export const COMPLIANCE_API_PERMISSION = `${COMPLIANCE_API_ORIGIN}/*`;

export const accessCheckUrl = (workspaceId: string): string =>
  `${COMPLIANCE_API_ORIGIN}/v1/compliance/workspaces/${encodeURIComponent(workspaceId)}/users?limit=1`;

export type AccessResult =
  | 'ok'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'blocked'
  | 'ip-blocked'
  | 'rate-limited'
  | 'other';

export interface AccessCheck {
  at: number;
  result: AccessResult;
  /** The HTTP status, when there was an answer. */
  status?: number;
}

/** An error code that says an IP allowlist (or a proxy) stands in the way. */
const ALLOWLIST = /(^|[^a-z])ip([^a-z]|$)|allow ?list|whitelist|network.?policy/i;

/**
 * What an answer means. `status` is null when the request failed on the network (no answer: an
 * allowlist, a proxy or no connection). `errorCode` is the API's short error code, if any.
 */
export function interpretAccess(status: number | null, errorCode: string | null): AccessResult {
  if (status === null) return 'blocked';
  // Compliance API keys always enforce the workspace's IP allowlist: the answer says so
  if (errorCode && ALLOWLIST.test(errorCode)) return 'ip-blocked';
  if (status >= 200 && status < 300) return 'ok';
  if (status === 429) return 'rate-limited';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  return 'other';
}

/** The error code of a JSON error answer (`{"error": {"code": "…"}}`), nothing else; null if none. */
export function errorCodeOf(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const error = (body as { error?: unknown }).error;
  const code =
    error && typeof error === 'object'
      ? ((error as { code?: unknown; type?: unknown }).code ?? (error as { type?: unknown }).type)
      : null;
  return typeof code === 'string' && code.length <= 64 ? code : null;
}

/**
 * The delete check: one DELETE on a compliance route that takes a conversation ID, with a fresh
 * random UUID that names nothing (never an ID read from a page, never a route without an ID). What it
 * can show: the key may delete (the route accepted the key and answered about the conversation), or
 * it may not. OpenAI's public material shows keys checked before resources, so a 404 (or 400, 422)
 * indicates the key was accepted on a delete route; it does not guarantee a delete would succeed.
 */
export const deleteCheckUrl = (workspaceId: string, conversationId: string): string =>
  `${COMPLIANCE_API_ORIGIN}/v1/compliance/workspaces/${encodeURIComponent(workspaceId)}/conversations/${encodeURIComponent(conversationId)}`;

export type DeleteResult =
  | 'delete-accepted'
  | 'no-delete'
  | Exclude<AccessResult, 'ok' | 'forbidden' | 'not-found'>;

export interface DeleteCheck {
  at: number;
  result: DeleteResult;
  status?: number;
}

/** What the answer to the delete check's request means. */
export function interpretDelete(status: number | null, errorCode: string | null): DeleteResult {
  const access = interpretAccess(status, errorCode);
  if (access === 'forbidden') return 'no-delete';
  if (access === 'not-found' || access === 'ok' || status === 400 || status === 422) return 'delete-accepted';
  return access;
}

export const DELETE_MESSAGE: Record<DeleteResult, MessageKey> = {
  'delete-accepted': 'deleteAccepted',
  'no-delete': 'deleteRefused',
  unauthorized: 'accessUnauthorized',
  blocked: 'accessBlocked',
  'ip-blocked': 'accessIpBlocked',
  'rate-limited': 'accessRateLimited',
  other: 'accessOther',
};

export const DELETE_SHORT: Record<DeleteResult, MessageKey> = {
  'delete-accepted': 'deleteShort_accepted',
  'no-delete': 'deleteShort_refused',
  unauthorized: 'accessShort_unauthorized',
  blocked: 'accessShort_blocked',
  'ip-blocked': 'accessShort_ip_blocked',
  'rate-limited': 'accessShort_rate_limited',
  other: 'accessShort_other',
};

/** The _locales key of the plain-words message for a result. */
export const ACCESS_MESSAGE: Record<AccessResult, MessageKey> = {
  ok: 'accessOk',
  unauthorized: 'accessUnauthorized',
  forbidden: 'accessForbidden',
  'not-found': 'accessNotFound',
  blocked: 'accessBlocked',
  'ip-blocked': 'accessIpBlocked',
  'rate-limited': 'accessRateLimited',
  other: 'accessOther',
};

/** The _locales key of a result in a word or two (the summary for a ticket). */
export const ACCESS_SHORT: Record<AccessResult, MessageKey> = {
  ok: 'accessShort_ok',
  unauthorized: 'accessShort_unauthorized',
  forbidden: 'accessShort_forbidden',
  'not-found': 'accessShort_not_found',
  blocked: 'accessShort_blocked',
  'ip-blocked': 'accessShort_ip_blocked',
  'rate-limited': 'accessShort_rate_limited',
  other: 'accessShort_other',
};
