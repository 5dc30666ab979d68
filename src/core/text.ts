/** Loose label matching: case, width, spacing, hyphens, apostrophes and a trailing colon do not matter. */
export function normalizeLabel(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[-‐‑‒–—_./]+/g, ' ')
    .replace(/[:：*]+\s*$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The same wording with every space removed, so "ワークスペース ID" and "ワークスペースID" are equal. */
export const compactLabel = (s: string): string => normalizeLabel(s).replace(/\s+/g, '');

export function labelMatcher(wordings: readonly string[]): (text: string) => boolean {
  const set = new Set(wordings.map(compactLabel));
  return (text: string) => text.length <= 80 && set.has(compactLabel(text));
}
