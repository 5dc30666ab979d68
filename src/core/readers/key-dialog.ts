/**
 * Recognises a one-time secret key view and what it says about the key.
 * The secret is returned to the caller (the content script keeps it in memory only); the rest is
 * what the support e-mail needs.
 *
 * Acting on a secret is held to a higher bar than reading an ID. A value counts as the one-time
 * secret only when every one of these holds:
 * - it is the whole value of one control or element: a read-only input/textarea, a `code`/`pre`,
 *   or an element holding nothing but it;
 * - it sits in a dialog or panel that carries one-time wording ("you won't be able to view it
 *   again") *and* offers a way to copy or close it;
 * - it is not inside a table, a list row or a listing (members, keys, audit log);
 * - the view shows no other key-shaped token.
 */
import { DIALOG_SELECTOR, isHidden, isHiddenElement, TextJoiner, textNodes } from '../dom';
import { isSecretKey, last4, SECRET_SHAPE_IN_TEXT } from '../formats';
import { CLOSE_BUTTON, COPY_BUTTON, ONE_TIME_WORDING } from '../sites/openai';
import { cleanText } from '../text';

export interface KeyDialogResult {
  secretShown: boolean;
  /** The secret itself: memory only, never stored by the caller without the admin's consent. */
  secret: string | null;
  keyLast4: string | null;
  keyName: string | null;
  /** The element that holds the secret view (a dialog, or the panel with the one-time wording). */
  container: Element | null;
}

const NOTHING: KeyDialogResult = {
  secretShown: false,
  secret: null,
  keyLast4: null,
  keyName: null,
  container: null,
};

/** How far above the secret a panel (not a dialog) may start. */
const PANEL_CLIMB = 6;

const hasOneTimeWording = (text: string): boolean => ONE_TIME_WORDING.some((re) => re.test(text));

/** A listing: a secret shown in one is a name, a row, a log line — never the one-time view. */
const LISTING =
  'table, thead, tbody, tr, td, th, li, [role="table"], [role="grid"], [role="treegrid"], [role="row"], [role="rowgroup"], [role="cell"], [role="gridcell"], [role="listitem"], [role="list"], [role="feed"], [role="log"]';

/** Elements of running text or code: a secret inside one must be all of it. */
const TEXT_BLOCK = 'p, pre, code, samp, kbd, label, blockquote, h1, h2, h3, h4, h5, h6, a, button';

/** The secret an element stands for, when it holds that and nothing else. (An element's text and a control's value are never null.) */
function wholeSecretOf(el: Element): string | null {
  if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') {
    const c = el as HTMLInputElement;
    // an editable field is something a person types (a name, a search): never the shown secret
    if (!c.readOnly && !c.disabled) return null;
    const v = c.value.trim();
    return isSecretKey(v) ? v : null;
  }
  const text = (el.textContent as string).trim();
  return isSecretKey(text) ? text : null;
}

/** Every element holding one secret and nothing else (the innermost one of a `pre > code`). */
function secretHolders(root: ParentNode): Element[] {
  const holders: Element[] = [];
  const scope = root as Element | Document;
  for (const c of scope.querySelectorAll('input, textarea')) if (wholeSecretOf(c)) holders.push(c);
  // text holders: elements whose own text has a key-shaped run, then the whole-value test
  const doc = (scope as Element).ownerDocument ?? (scope as Document);
  const walker = doc.createTreeWalker(scope as Node, 0x4 /* SHOW_TEXT */);
  const seen = new Set<Element>();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || seen.has(parent) || !(n.textContent as string).includes('sk-')) continue;
    seen.add(parent);
    if (wholeSecretOf(parent)) holders.push(parent);
  }
  return holders.filter((h) => !isHidden(h));
}

/**
 * The text of `view` a person sees: not under a hidden element or a closed `<details>`; where the
 * browser says so (`checkVisibility`: stylesheets, opacity, `content-visibility`), drawn; and where
 * the page has a layout, in a box of at least 2 × 2 px (not the "visually hidden" pattern). The key
 * pages carry this short form of the rule of core/visibility.ts: their script has a byte ceiling.
 */
function shownText(view: Element): string {
  const layout = view.ownerDocument.documentElement.getBoundingClientRect().width > 0;
  const text = new TextJoiner();
  for (const t of textNodes(view)) {
    const parent = t.parentElement as Element;
    const box = layout ? parent.getBoundingClientRect() : null;
    if (
      !isHidden(t, view) &&
      parent.checkVisibility({ visibilityProperty: true, opacityProperty: true }) &&
      (!box || (box.width >= 2 && box.height >= 2))
    )
      text.add(t);
  }
  // element boundaries as spaces, then one space between words ("won't" in <strong>, then " be")
  return text.text.split('\u0000').join(' ').replace(/\s+/g, ' ');
}

/** Buttons (or button-like elements) of a view, by their accessible name. */
function buttonNames(view: Element): string[] {
  return [...view.querySelectorAll('button, [role="button"], a[href], input[type="button"]')]
    .filter((b) => !isHiddenElement(b))
    .map(
      (b) =>
        cleanText(b.getAttribute('aria-label')) ||
        cleanText(b.textContent) ||
        cleanText((b as HTMLInputElement).value) ||
        // an icon button named only by its tooltip
        cleanText(b.getAttribute('title')),
    );
}

const offersCopyOrClose = (view: Element): boolean =>
  buttonNames(view).some((n) => COPY_BUTTON.test(n) || CLOSE_BUTTON.test(n));

/** The dialog or panel a secret is shown in, when it proves to be the one-time view. */
function oneTimeView(holder: Element): Element | null {
  const dialog = holder.closest(DIALOG_SELECTOR);
  let view: Element | null = null;
  // the one-time wording proves only where a person sees it
  const says = (el: Element) => hasOneTimeWording(shownText(el));
  if (dialog) view = says(dialog) ? dialog : null;
  else {
    let el: Element | null = holder.parentElement;
    for (let i = 0; el && i < PANEL_CLIMB && el.tagName !== 'BODY'; i++, el = el.parentElement) {
      if (says(el)) {
        view = el;
        break;
      }
    }
  }
  if (!view || isHidden(view) || !offersCopyOrClose(view)) return null;
  const secret = wholeSecretOf(holder);
  for (let el: Element | null = holder; el; el = el.parentElement) {
    // inside a listing between the secret and its view (or the view itself is one): not a secret
    if (el.matches(LISTING)) return null;
    // part of running text or of a code sample (a highlighted token in a curl line): not a secret
    if (el !== holder && el.matches(TEXT_BLOCK) && (el.textContent as string).trim() !== secret) return null;
    if (el === view) break;
  }
  return view;
}

/** Every key-shaped token a view shows, in text and in control values (placeholders included). */
function keyShapedTokens(view: Element): Set<string> {
  const out = new Set<string>();
  // element boundaries kept: a key followed by its Copy button must not read "sk-…Copy"
  const text = new TextJoiner();
  for (const t of textNodes(view)) text.add(t);
  for (const m of text.text.matchAll(SECRET_SHAPE_IN_TEXT)) out.add(m[0]);
  for (const c of view.querySelectorAll('input, textarea')) {
    for (const m of (c as HTMLInputElement).value.matchAll(SECRET_SHAPE_IN_TEXT)) out.add(m[0]);
  }
  return out;
}

/** Does this element show a secret (whatever the view around it)? Used to tell a form from a result. */
export const secretShownIn = (el: Element): boolean => !!wholeSecretOf(el) || secretHolders(el).length > 0;

export function readKeyDialog(root: ParentNode): KeyDialogResult {
  const found = new Map<string, Element>();
  for (const holder of secretHolders(root)) {
    const view = oneTimeView(holder);
    const secret = wholeSecretOf(holder);
    if (!view || !secret) continue;
    // another key-shaped token in the same view: no way to tell which is the secret
    const tokens = keyShapedTokens(view);
    tokens.delete(secret);
    if (tokens.size > 0) return NOTHING;
    if (!found.has(secret)) found.set(secret, view);
  }
  if (found.size !== 1) return NOTHING; // none, or several and no way to tell which: take nothing
  const [secret, container] = [...found][0] as [string, Element];
  // the key's name beside it is read by `keyNameIn` (readers/key-name.ts), where the label reader is
  return { secretShown: true, secret, keyLast4: last4(secret), keyName: null, container };
}
