/** When the reader is not sure, the admin picks: by clicking a value, or by choosing from a list. */
import { isHidden, textNodes, valueAttributes } from '../dom';
import { canonicalId, type IdField, idTokens } from '../formats';
import { cleanText } from '../text';

/** The values of the field's format in one clicked element (its text, value and attributes). */
export function tokensInElement(el: Element, field: IdField): string[] {
  const texts = [el.textContent ?? '', (el as HTMLInputElement).value ?? '', ...valueAttributes(el)];
  const all = texts.flatMap((t) => idTokens(field, t)).map((v) => canonicalId(field, v));
  return [...new Set(all)];
}

/** The one value a click on `el` means, or null when it holds none or several. */
export function pickFromElement(el: Element, field: IdField): string | null {
  for (let cur: Element | null = el, up = 0; cur && up < 3; cur = cur.parentElement, up++) {
    const tokens = tokensInElement(cur, field);
    if (tokens.length === 1) return tokens[0] as string;
    if (tokens.length > 1) return null;
  }
  return null;
}

export interface Candidate {
  value: string;
  /** A short text shown near it on the page, to tell candidates apart. */
  context: string;
}

/** Every visible value of the field's format on the page, with what is written near it. */
export function candidatesOnPage(root: ParentNode, field: IdField, max = 8): Candidate[] {
  const seen = new Map<string, Candidate>();
  for (const t of textNodes(root as Node)) {
    if (seen.size >= max) break;
    const text = t.textContent ?? '';
    if (!text.trim() || isHidden(t)) continue;
    for (const raw of idTokens(field, text)) {
      const value = canonicalId(field, raw);
      if (!seen.has(value)) seen.set(value, { value, context: contextOf(t) });
    }
  }
  for (const input of (root as Element | Document).querySelectorAll('input, textarea')) {
    if (seen.size >= max) break;
    if (isHidden(input)) continue;
    for (const raw of idTokens(field, (input as HTMLInputElement).value ?? '')) {
      const value = canonicalId(field, raw);
      if (!seen.has(value)) seen.set(value, { value, context: input.getAttribute('aria-label') ?? '' });
    }
  }
  return [...seen.values()];
}

function contextOf(node: Node): string {
  let el = node.parentElement;
  for (let up = 0; el && up < 4; up++, el = el.parentElement) {
    for (let s = el.previousElementSibling; s; s = s.previousElementSibling) {
      const t = cleanText(s.textContent);
      if (t && t.length <= 60) return t;
    }
  }
  return '';
}
