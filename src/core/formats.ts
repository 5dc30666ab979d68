/**
 * Formats of the values the extension handles (see shared/PAGES.md).
 * Pure functions; the single source of truth for "does this look like X".
 */

const HEX = '[0-9a-fA-F]';
const UUID_BODY = `${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12}`;

/** A whole string that is a UUID (the Workspace ID). */
export const WORKSPACE_ID_RE = /* @__PURE__ */ new RegExp(`^${UUID_BODY}$`);
/** `org-` followed by letters and digits (the Organization ID). */
export const ORGANIZATION_ID_RE = /^org-[A-Za-z0-9]{12,48}$/;

/** Tokens inside free text; the look-arounds refuse a match glued to more of the same alphabet. */
const UUID_IN_TEXT = /* @__PURE__ */ new RegExp(`(?<![0-9A-Za-z-])${UUID_BODY}(?![0-9A-Za-z-])`, 'g');
const ORG_IN_TEXT = /(?<![0-9A-Za-z_-])org-[A-Za-z0-9]{12,48}(?![0-9A-Za-z_-])/g;
const SECRET_IN_TEXT = /(?<![0-9A-Za-z_-])sk-[A-Za-z0-9_-]{20,300}(?![0-9A-Za-z_.*…-])/g;
/** Anything shaped like a key in free text, placeholders and sample keys included. */
export const SECRET_SHAPE_IN_TEXT = /(?<![0-9A-Za-z_-])sk-[A-Za-z0-9_-]{16,}/g;

export type IdField = 'workspaceId' | 'organizationId';

export const isWorkspaceId = (v: unknown): v is string => typeof v === 'string' && WORKSPACE_ID_RE.test(v);
export const isOrganizationId = (v: unknown): v is string =>
  typeof v === 'string' && ORGANIZATION_ID_RE.test(v);

export const isIdOf = (field: IdField, v: unknown): v is string =>
  field === 'workspaceId' ? isWorkspaceId(v) : isOrganizationId(v);

/** All tokens of the field's format found in a text, in order, duplicates kept. */
export function idTokens(field: IdField, text: string): string[] {
  return [...text.matchAll(field === 'workspaceId' ? UUID_IN_TEXT : ORG_IN_TEXT)].map((m) => m[0]);
}

/** Canonical form used for storage and comparison (UUIDs lowercase). */
export function canonicalId(field: IdField, v: string): string {
  return field === 'workspaceId' ? v.toLowerCase() : v;
}

/**
 * A one-time secret key. Loose on purpose (PAGES.md: never rely on one prefix):
 * `sk-` and at least 20 more key characters, not a redacted or placeholder key.
 */
export function isSecretKey(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  if (!/^sk-[A-Za-z0-9_-]{20,300}$/.test(v)) return false;
  return !isPlaceholderKey(v);
}

/** `sk-XXXXXXXX…`, `sk-xxxx-yyyy`, `sk-000000…`: sample keys in docs and placeholders. */
export function isPlaceholderKey(v: string): boolean {
  const body = v.replace(/^sk-/, '').replace(/[-_]/g, '');
  if (body.length === 0) return true;
  const counts = new Map<string, number>();
  for (const ch of body.toLowerCase()) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const most = Math.max(...counts.values());
  // A real key is random: no character makes up a third of it, and it uses many distinct characters.
  if (most / body.length > 0.34) return true;
  if (counts.size < 10) return true;
  return /(your|example|placeholder|secret)[-_]?(api)?[-_]?key/i.test(v);
}

/**
 * Text shaped like a key somewhere in it: `sk-` and 16 more key characters, or a long random run
 * (24 or more letters and digits in one piece, both cases, digits in more than one place; not an
 * Organization ID, nor a name with a number: "SkyhighCASB-Production-Connector-2025"). Never a value the record keeps or the
 * e-mail says as a name, a project, permissions or CREATED BY.
 */
export function hasKeyShape(text: string): boolean {
  if (/(?<![0-9A-Za-z_-])sk-[A-Za-z0-9_-]{16}/.test(text)) return true;
  // an Organization ID (org-…) is not a key; random letters have digits in more than one place
  for (const [run] of text.matchAll(/(?<![A-Za-z0-9]|org-)[A-Za-z0-9]{24,}/g))
    if (/[a-z]/.test(run) && /[A-Z]/.test(run) && /\d\D+\d/.test(run)) return true;
  return false;
}

export function secretTokens(text: string): string[] {
  return [...text.matchAll(SECRET_IN_TEXT)].map((m) => m[0]).filter(isSecretKey);
}

export const last4 = (secret: string): string => secret.slice(-4);

/** A value shown shortened, e.g. `3b8f2c1e…7a84` or `org-p13k...pgrk`. */
const TRUNCATED_RE = /((?:org-)?[0-9A-Za-z-]{3,})(?:…|\.{3})([0-9A-Za-z-]{3,})/g;

export interface Truncated {
  head: string;
  tail: string;
}

export function truncatedTokens(text: string): Truncated[] {
  return [...text.matchAll(TRUNCATED_RE)].map((m) => ({ head: m[1] ?? '', tail: m[2] ?? '' }));
}

export const fitsTruncated = (full: string, t: Truncated): boolean =>
  full.toLowerCase().startsWith(t.head.toLowerCase()) && full.toLowerCase().endsWith(t.tail.toLowerCase());
