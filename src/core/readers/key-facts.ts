/**
 * What an Admin key's one-time view (and the Admin keys list) says about the key besides its secret:
 * its expiry, its permissions and its workspace. A fact is taken only when one label names it and
 * the element right after the label holds a value that reads as one; otherwise it is left out.
 */
import { isHidden } from '../dom';
import { EXPIRES_LABELS, NEVER_EXPIRES, PERMISSIONS_LABELS, WORKSPACE_LABELS } from '../sites/openai';
import { cleanText, labelMatcher } from '../text';

export interface KeyFacts {
  expires?: number | 'never';
  permissions?: string;
  workspaceName?: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const day = (y: number, m: number, d: number): number | null => {
  const t = Date.UTC(y, m - 1, d);
  const date = new Date(t);
  return m >= 1 && m <= 12 && date.getUTCDate() === d && y >= 2020 && y <= 2200 ? t : null;
};

/**
 * An expiry as the console writes it: "Never", "2026-12-28", "Dec 28, 2026", "28 Dec 2026",
 * "28.12.2026", "2026年12月28日", or a day-first/month-first "28/12/2026" when only one reading is a
 * date. The start of that day (UTC); null when unsure (a wrong date is worse than none).
 */
export function parseExpiry(raw: string): number | 'never' | null {
  const text = cleanText(raw);
  if (NEVER_EXPIRES.test(text)) return 'never';
  const nums = (re: RegExp): number[] | null => re.exec(text)?.slice(1).map(Number) ?? null;
  const ymd =
    nums(/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/) ?? nums(/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/);
  if (ymd) return day(ymd[0] ?? 0, ymd[1] ?? 0, ymd[2] ?? 0);
  const dmy = nums(/\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b/);
  if (dmy) return day(dmy[2] ?? 0, dmy[1] ?? 0, dmy[0] ?? 0);
  const slash = nums(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/);
  if (slash) {
    const [a = 0, b = 0, y = 0] = slash;
    if (a > 12 && b <= 12) return day(y, b, a);
    if (b > 12 && a <= 12) return day(y, a, b);
    return null; // 05/06/2026: May or June, no way to tell
  }
  const m = /\b([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})\b/.exec(text);
  const n = /\b(\d{1,2}) ([A-Za-z]{3})[a-z]*\.? (\d{4})\b/.exec(text);
  const [mon = '', d = '0', y = '0'] = m ? m.slice(1) : n ? [n[2], n[1], n[3]] : [];
  const month = MONTHS.indexOf(mon.toLowerCase()) + 1;
  return month > 0 ? day(+y, month, +d) : null;
}

const FIELDS = [
  ['expires', labelMatcher(EXPIRES_LABELS)],
  ['permissions', labelMatcher(PERMISSIONS_LABELS)],
  ['workspaceName', labelMatcher(WORKSPACE_LABELS)],
] as const;

/** At most this many label/value pairs are sent from a page. */
export const MAX_PAIRS = 16;

/**
 * The short "label, then value" pairs a view shows (`dt`/`dd`, two spans of a row, a label and its
 * text): what the content script sends, so that the wordings and the date formats stay out of it.
 * Nothing key-shaped is ever among them.
 */
export function labelledPairs(view: Element): [string, string][] {
  const pairs: [string, string][] = [];
  for (const el of view.querySelectorAll('dt, th, span, div, label, p, strong, b')) {
    const label = cleanText(el.textContent);
    const value = cleanText(el.nextElementSibling?.textContent);
    if (el.childElementCount > 0 || isHidden(el) || !label || !value || pairs.length >= MAX_PAIRS) continue;
    // nothing key-shaped: no `sk-`, no long run of letters mixed with digits
    if ([label, value].some((t) => t.length > 80 || /sk-|(?=[\w-]*\d)[\w-]{24}/.test(t))) continue;
    pairs.push([label, value]);
  }
  return pairs;
}

/** What the pairs say about the key: one value per fact, or that fact is left out. */
export function keyFacts(pairs: readonly (readonly [string, string])[]): KeyFacts {
  const seen: Record<string, Set<string>> = {
    expires: new Set(),
    permissions: new Set(),
    workspaceName: new Set(),
  };
  for (const [label, value] of pairs) {
    const field = FIELDS.find(([, is]) => is(label))?.[0];
    if (field) seen[field]?.add(value);
  }
  const facts: KeyFacts = {};
  const one = (f: string) => (seen[f]?.size === 1 ? ([...(seen[f] as Set<string>)][0] as string) : undefined);
  const expires = one('expires');
  const when = expires ? parseExpiry(expires) : null;
  if (when !== null) facts.expires = when;
  const permissions = one('permissions');
  if (permissions) facts.permissions = permissions;
  const workspaceName = one('workspaceName');
  if (workspaceName) facts.workspaceName = workspaceName;
  return facts;
}

export const readKeyFacts = (view: Element): KeyFacts => keyFacts(labelledPairs(view));

/**
 * The Admin key form's expiration choice: "Never", or "30 days" (any language: a number of days)
 * counted from `now`, to the start of that day (UTC). A custom date is read as a date. Null if unsure.
 */
export function expiryFromChoice(choice: string | undefined, now: number): number | 'never' | null {
  if (!choice) return null;
  const days = /^(\d{1,3})\s*(days?|tage?n?|jours?|d[ií]as?|日間?|日)$/i.exec(cleanText(choice));
  if (!days) return parseExpiry(choice);
  const d = new Date(now + Number(days[1]) * 24 * 60 * 60_000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}
