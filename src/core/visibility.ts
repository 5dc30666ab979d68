/**
 * What a person sees: the one rule every piece of evidence for acting passes (a heading, a trail, a
 * label, one-time wording). Text a page keeps out of sight proves nothing, whatever it says.
 *
 * Not shown: an element (or one of its ancestors in the flat tree, through slots and shadow hosts)
 * that is `hidden`, `aria-hidden`, a closed `<dialog>`, anything of a closed `<details>` but its
 * summary, light content a shadow root does not slot; styled `display: none`, `visibility: hidden`
 * or `collapse`, `opacity: 0` or `content-visibility: hidden` by any stylesheet; and where the page
 * has a layout (a real browser, not a DOM parser): no box, a box under 2 × 2 px (the "visually
 * hidden" pattern), or a box where no scrolling brings it on screen (left of or above the page,
 * beyond its right or bottom end).
 *
 * One `Sight` per read: it caches what it worked out per element, which a later read must not trust
 * (the page changes between reads).
 */
import { isHiddenElement, TextJoiner, textNodes } from './dom';

/**
 * The slot a host's open shadow root draws `child` in (null: none draws it). Browsers say it
 * (`assignedSlot`); a DOM parser without it is asked by the slot's name.
 */
function slotOf(host: Element, child: Element | Text): Element | null {
  if ('assignedSlot' in child) return child.assignedSlot;
  const node = child as Node;
  const name = node.nodeType === 1 ? ((node as Element).getAttribute('slot') ?? '') : '';
  const root = host.shadowRoot as ShadowRoot;
  return [...root.querySelectorAll('slot')].find((s) => (s.getAttribute('name') ?? '') === name) ?? null;
}

/**
 * The element a node is drawn in (its slot, its parent, or at a shadow root's top its host), or
 * `unslotted` when a host's open shadow root draws no slot for it (then it is not drawn at all).
 */
function flatParent(n: Element | Text): Element | 'unslotted' | null {
  const parent = n.parentElement;
  if (parent?.shadowRoot) return slotOf(parent, n) ?? 'unslotted';
  if (parent) return parent;
  const root = n.parentNode as ShadowRoot | null;
  return root && root.nodeType === 11 ? (root.host ?? null) : null;
}

/** A closed `<details>` shows only its first summary. */
const closedDetailsHides = (details: Element, child: Element): boolean =>
  details.tagName === 'DETAILS' &&
  !details.hasAttribute('open') &&
  !(child.tagName === 'SUMMARY' && details.querySelector(':scope > summary') === child);

export interface Sight {
  /** Is this element (or the element holding this text) shown to a person? */
  shown(node: Node): boolean;
  /** The text of what is shown under `el`, element boundaries as spaces, whitespace collapsed. */
  text(el: Element): string;
}

export function sight(doc: Document): Sight {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const styles = new Map<Element, CSSStyleDeclaration>();
  const style = view?.getComputedStyle
    ? (el: Element): CSSStyleDeclaration => {
        const known = styles.get(el);
        if (known) return known;
        const s = view.getComputedStyle(el);
        styles.set(el, s);
        return s;
      }
    : null;
  // a DOM parser (happy-dom, DOMParser) draws nothing: every box is empty, so boxes tell nothing there
  const layout = (doc.documentElement?.getBoundingClientRect().width ?? 0) > 0;
  /** Element → its ancestors (flat tree) let it be drawn. */
  const upward = new Map<Element, boolean>();

  /** Nothing on `el` itself or above it hides it (attributes, stylesheets, structure). */
  const drawnFrom = (el: Element): boolean => {
    const known = upward.get(el);
    if (known !== undefined) return known;
    let ok = !isHiddenElement(el);
    if (ok && style) {
      const s = style(el);
      ok = s.display !== 'none' && s.opacity !== '0' && s.contentVisibility !== 'hidden';
    }
    const parent = flatParent(el);
    if (parent === 'unslotted') ok = false;
    else if (ok && parent) {
      ok = !closedDetailsHides(parent, el);
      // content-visibility: hidden hides the children, not the box itself
      if (ok && style && style(parent).contentVisibility === 'hidden') ok = false;
      if (ok) ok = drawnFrom(parent);
    } else if (ok && el !== doc.documentElement) ok = false; // not in the document (a template's content, a removed node)
    upward.set(el, ok);
    return ok;
  };

  const onScreen = (el: Element): boolean => {
    const rects = el.getClientRects();
    if (rects.length === 0) return style?.(el).display === 'contents';
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) return false;
    const x = view?.scrollX ?? 0;
    const y = view?.scrollY ?? 0;
    const page = doc.documentElement;
    const right = Math.max(page.scrollWidth, view?.innerWidth ?? 0);
    const bottom = Math.max(page.scrollHeight, view?.innerHeight ?? 0);
    return r.right + x > 0 && r.bottom + y > 0 && r.left + x < right && r.top + y < bottom;
  };

  const seen = new Map<Element, boolean>();
  const shownElement = (el: Element): boolean => {
    const known = seen.get(el);
    if (known !== undefined) return known;
    let ok = drawnFrom(el);
    // visibility inherits, and a child may make itself visible again: the element's own value decides
    if (ok && style) ok = !/^(hidden|collapse)$/.test(style(el).visibility);
    if (ok && layout) ok = onScreen(el);
    seen.set(el, ok);
    return ok;
  };

  const shown = (node: Node): boolean => {
    if (node.nodeType === 1) return shownElement(node as Element);
    const el = flatParent(node as Text);
    return el !== null && el !== 'unslotted' && shownElement(el);
  };

  return {
    shown,
    text(el) {
      const joined = new TextJoiner();
      for (const t of textNodes(el)) if (shown(t)) joined.add(t);
      return joined.text.split('\u0000').join(' ').replace(/\s+/g, ' ').trim();
    },
  };
}
