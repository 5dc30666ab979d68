/** Whitespace runs as one space, trimmed: how a person reads an element's text. */
export const cleanText = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/**
 * A trailing "optional" note of a label ("Name (optional)", "Nom facultatif", "名前（任意）"), before a
 * colon; Korean 선택 only in brackets (alone it is "select": "프로젝트 선택" is a button, not a label).
 */
const OPTIONAL_NOTE =
  /\s*(\(\s*선택\s*\)|\(?\s*(optional|facultatif|optionnel|opcional|facoltativo|opzionale|任意|선택 사항|可选|选填)\s*\)?)(?=\s*[:：*]*\s*$)/u;

/**
 * Loose label matching: case, width, spacing, hyphens, apostrophes, a trailing colon or asterisk and
 * an "optional" note do not matter.
 */
export function normalizeLabel(s: string): string {
  return cleanText(
    s
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc`´]/g, "'")
      .replace(/[-‐‑‒–—_./]+/g, ' ')
      .replace(OPTIONAL_NOTE, '')
      .replace(/[:：*]+\s*$/u, ''),
  );
}

/** The same wording with every space removed, so "ワークスペース ID" and "ワークスペースID" are equal. */
export const compactLabel = (s: string): string => normalizeLabel(s).replace(/\s+/g, '');

export interface LabelMatcher {
  (text: string): boolean;
  /** Could this text be part of a label split across elements ("Workspace" of "Workspace ID")? */
  part(text: string): boolean;
}

export function labelMatcher(wordings: readonly string[]): LabelMatcher {
  const list = wordings.map(compactLabel);
  const set = new Set(list);
  const matches = ((text: string) => text.length <= 80 && set.has(compactLabel(text))) as LabelMatcher;
  matches.part = (text: string) => {
    if (text.length > 80) return false;
    const c = compactLabel(text);
    return c.length > 0 && list.some((w) => w.includes(c));
  };
  return matches;
}

/**
 * A single-page app's route, from its address's fragment: the path only (a query after `?` is
 * anyone's to write into a link), decoded where it can be, its separators as spaces.
 */
export function routeWords(hash: string): string {
  const path = hash.replace(/^#/, '').split('?')[0] as string;
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // a malformed escape: the route as written
  }
  return decoded.replace(/[/_-]+/g, ' ');
}
