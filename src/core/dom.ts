/** Small DOM helpers shared by the page readers. Pure: they take nodes, they never touch extension APIs. */

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg']);

/** Hidden to a person: `hidden`, `aria-hidden`, an inline display:none/visibility:hidden, or a hidden input. */
export function isHiddenElement(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  if (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'hidden') return true;
  // a <dialog> that is not open shows nothing
  if (el.tagName === 'DIALOG' && !el.hasAttribute('open')) return true;
  const style = el.getAttribute('style');
  return !!style && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/**
 * True when the node or one of its ancestors (up to `stop`) is hidden, or it sits in a closed
 * `<details>` anywhere but its summary.
 */
export function isHidden(node: Node, stop?: Node | null): boolean {
  let below: Node | null = node.nodeType === 1 ? null : node;
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isHiddenElement(el)) return true;
    if (
      el.tagName === 'DETAILS' &&
      below &&
      (below as Element).tagName !== 'SUMMARY' &&
      !el.hasAttribute('open')
    )
      return true;
    if (el === stop) break;
    below = el;
  }
  return false;
}

/** Every text node under `root`, skipping script/style/template content. */
export function* textNodes(root: Node): Generator<Text> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 0x4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (parent && SKIP_TAGS.has(parent.tagName)) continue;
    yield n as Text;
  }
}

export function* elementsUnder(root: Node): Generator<Element> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 0x1 /* SHOW_ELEMENT */);
  if (root.nodeType === 1) yield root as Element;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) yield n as Element;
}

export const isFormControl = (
  el: Element,
): el is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement =>
  el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';

/** Attributes that may carry a value a page shows or copies, besides every `data-*` one. */
const VALUE_ATTRS = new Set(['title', 'aria-label', 'aria-description', 'value']);

/**
 * The values of an element's attributes that may carry a value (the one list every reader uses):
 * `title`, `aria-label`, `aria-description`, `value` and every `data-*`.
 */
export function valueAttributes(el: Element): string[] {
  return Array.from(el.attributes)
    .filter((a) => VALUE_ATTRS.has(a.name) || a.name.startsWith('data-'))
    .map((a) => a.value);
}

/** Text of the elements named by an `aria-labelledby` list. */
export function labelledByText(el: Element, textOf = (by: Element): string => by.textContent ?? ''): string {
  const ids = el.getAttribute('aria-labelledby');
  if (!ids) return '';
  const doc = el.ownerDocument;
  return ids
    .split(/\s+/)
    .map((id) => {
      const by = doc.getElementById(id);
      return by ? textOf(by) : '';
    })
    .join(' ')
    .trim();
}

/**
 * The elements under `root` that match a selector built with the page's own `CSS.escape` (core code
 * takes `CSS` from the root's window: a content script, happy-dom and a test page each have theirs).
 * A selector the engine refuses (happy-dom and an escaped quote) matches nothing.
 */
export function queryEscaped(root: ParentNode, selector: (esc: (s: string) => string) => string): Element[] {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  try {
    const css = (doc.defaultView as unknown as typeof globalThis).CSS;
    return [...root.querySelectorAll(selector((s) => css.escape(s)))];
  } catch {
    return []; // also a document without a window (DOMParser's): no match rather than a guess
  }
}

/** Closest element that is a dialog, by role or tag. */
export const DIALOG_SELECTOR = 'dialog[open], [role="dialog"], [role="alertdialog"], [aria-modal="true"]';

/**
 * Concatenate text nodes, joining adjacent siblings (one element's text, split by a framework)
 * directly and separating text of different elements with NUL, so that a value never runs into the
 * next element's text ("org-abc" + "Copy" must not read "org-abcCopy").
 */
export class TextJoiner {
  private prev: Node | null = null;
  text = '';
  add(t: Text): void {
    if (this.prev && t.previousSibling !== this.prev) this.text += '\u0000';
    this.text += t.textContent ?? '';
    this.prev = t;
  }
  /** Force a boundary (between unrelated scopes). */
  cut(): void {
    this.text += '\u0000';
    this.prev = null;
  }
}
