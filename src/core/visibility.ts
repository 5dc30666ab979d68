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
  const name = node.nodeType === 1 ? (node as Element).getAttribute('slot') || '' : '';
  const slots = (host.shadowRoot as ShadowRoot).querySelectorAll('slot');
  return [...slots].find((s) => (s.getAttribute('name') || '') === name) ?? null;
}

/**
 * The element a node is drawn in (its slot, its parent, or at a shadow root's top its host), or
 * `unslotted` when a host's open shadow root draws no slot for it (then it is not drawn at all).
 */
function flatParent(n: Element | Text): Element | 'unslotted' | null {
  const parent = n.parentElement;
  if (parent?.shadowRoot) return slotOf(parent, n) ?? 'unslotted';
  return parent ?? (n.parentNode as ShadowRoot | null)?.host ?? null;
}

/** A closed `<details>` shows only its first summary. */
const closedDetailsHides = (details: Element, child: Element): boolean =>
  details.tagName === 'DETAILS' &&
  !details.hasAttribute('open') &&
  details.querySelector(':scope > summary') !== child;

const INVISIBLE = new Set(['hidden', 'collapse']);

/** `f` computed once per element (for one read). */
function once<T>(f: (el: Element) => T): (el: Element) => T {
  const known = new Map<Element, T>();
  return (el) => {
    if (!known.has(el)) known.set(el, f(el));
    return known.get(el) as T;
  };
}

export interface Sight {
  /** Is this element (or the element holding this text) shown to a person? */
  shown(node: Node): boolean;
  /** The text of what is shown under `el`, element boundaries as spaces, whitespace collapsed. */
  text(el: Element): string;
}

export function sight(doc: Document): Sight {
  const view = doc.defaultView;
  const style = view?.getComputedStyle ? once((el) => view.getComputedStyle(el)) : null;
  // a DOM parser (happy-dom, DOMParser) draws nothing: every box is empty, so boxes tell nothing there
  const page = doc.documentElement;
  const layout = page.getBoundingClientRect().width > 0;

  /** A stylesheet hides it, or (content-visibility) everything in it. */
  const styledAway = (el: Element): boolean => {
    const s = style?.(el);
    return !!s && (s.display === 'none' || s.opacity === '0' || s.contentVisibility === 'hidden');
  };

  /** Nothing on `el` itself or above it (flat tree) hides it: attributes, stylesheets, structure. */
  const drawnFrom = once((el: Element): boolean => {
    if (isHiddenElement(el) || styledAway(el)) return false;
    const parent = flatParent(el);
    if (parent === 'unslotted') return false;
    // no parent: the page itself, or not in the document (a template's content, a removed node)
    if (!parent) return el === page;
    return !closedDetailsHides(parent, el) && drawnFrom(parent);
  });

  /**
   * Where the page has a layout (then there is a window): a box of at least 2 × 2 px that scrolling
   * can bring on screen.
   */
  const onScreen = (el: Element): boolean => {
    const w = view as Window;
    if (el.getClientRects().length === 0) return w.getComputedStyle(el).display === 'contents';
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) return false;
    const right = Math.max(page.scrollWidth, w.innerWidth);
    const bottom = Math.max(page.scrollHeight, w.innerHeight);
    const [x, y] = [w.scrollX, w.scrollY];
    return r.right + x > 0 && r.bottom + y > 0 && r.left + x < right && r.top + y < bottom;
  };

  // visibility inherits, and a child may make itself visible again: the element's own value decides
  const shownElement = once(
    (el: Element): boolean =>
      drawnFrom(el) && !(style && INVISIBLE.has(style(el).visibility)) && (!layout || onScreen(el)),
  );

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
