/**
 * Finds the fields of Skyhigh CASB's ChatGPT instance form by what they are called, and fills
 * them the way a framework notices. Never touches a control it did not match.
 */

import { isHiddenElement, labelledByText, queryEscaped } from '../dom';
import {
  BREADCRUMB_NAME,
  FIELD_PATTERNS,
  HANDOFF_FIELDS,
  type HandoffField,
  NEVER_FILL,
  NEVER_FILL_AUTOCOMPLETE,
  OTHER_SERVICE,
  SERVICE_NAME,
} from '../sites/skyhigh';
import { cleanText, normalizeLabel, routeWords } from '../text';
import { type Sight, sight } from '../visibility';

export type FillableControl = HTMLInputElement | HTMLTextAreaElement;
export type HandoffValues = Partial<Record<HandoffField, string>>;

export interface FieldMatch {
  controls: Partial<Record<HandoffField, FillableControl>>;
  /** Fields with more than one candidate control: none of them is filled. */
  ambiguous: HandoffField[];
}

const TEXT_TYPES = new Set(['', 'text', 'password', 'url', 'email', 'tel']);

function isFillable(el: Element): el is FillableControl {
  if (el.tagName === 'TEXTAREA') return true;
  if (el.tagName !== 'INPUT') return false;
  const type = (el.getAttribute('type') ?? '').toLowerCase();
  return TEXT_TYPES.has(type);
}

function usable(el: FillableControl): boolean {
  if (el.disabled || el.readOnly) return false;
  if (NEVER_FILL_AUTOCOMPLETE.test(el.getAttribute('autocomplete') ?? '')) return false;
  if (el.getAttribute('role') === 'searchbox' || el.getAttribute('role') === 'combobox') return false;
  for (let n: Element | null = el; n; n = n.parentElement ?? hostOf(n)) if (isHiddenElement(n)) return false;
  return true;
}

/** The shadow host an element sits under; null in the document itself (a document has no host). */
const hostOf = (el: Element): Element | null => (el.getRootNode() as ShadowRoot).host ?? null;

/** Every text-like control, including those inside open shadow roots of custom components. */
export function allControls(root: ParentNode): FillableControl[] {
  const out: FillableControl[] = [];
  const visit = (scope: ParentNode) => {
    for (const el of scope.querySelectorAll('*')) {
      if (isFillable(el)) out.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(root);
  return out;
}

/** A control, or a box (or component) with one in it: the text before it belongs to that one. */
const holdsControl = (el: Element): boolean =>
  isFillable(el) || el.shadowRoot !== null || el.querySelector('input, textarea') !== null;

/** Short text just before the control in its box: "Workspace ID" in `<div><span>Workspace ID</span><input></div>`. */
function nearbyText(el: Element): string {
  let cur: Element | null = el;
  for (let depth = 0; cur && depth < 3; depth++) {
    const texts: string[] = [];
    for (let s = cur.previousSibling; s; s = s.previousSibling) {
      if (s.nodeType === 1 && holdsControl(s as Element)) break;
      // a comment (a framework's marker) is not text anyone reads
      if (s.nodeType !== 8) texts.unshift(s.textContent ?? '');
    }
    const joined = cleanText(texts.join(' '));
    if (joined) return joined.length <= 60 ? joined : '';
    cur = cur.parentElement ?? hostOf(cur);
  }
  return '';
}

/** What a control is called, from the most to the least explicit source. */
export function namesOf(el: FillableControl): string[] {
  const root = el.getRootNode() as Document | ShadowRoot;
  const forLabels = el.id ? queryEscaped(root, (esc) => `label[for="${esc(el.id)}"]`) : [];
  const host = hostOf(el);
  const names = [
    ...forLabels.map((l) => l.textContent),
    el.closest('label')?.textContent,
    labelledByText(el),
    el.getAttribute('aria-label'),
    el.getAttribute('placeholder'),
    host?.getAttribute('aria-label'),
    host?.getAttribute('label'),
    nearbyText(el),
  ];
  return names.map((n) => normalizeLabel(n ?? '')).filter((n) => n.length > 0);
}

/** The field a control stands for, or null when none or more than one fit. */
export function classify(el: FillableControl): HandoffField | null {
  const names = namesOf(el);
  if (names.some((n) => NEVER_FILL.test(n))) return null;
  const fields = new Set<HandoffField>();
  for (const n of names) for (const f of HANDOFF_FIELDS) if (FIELD_PATTERNS[f].test(n)) fields.add(f);
  return fields.size === 1 ? ([...fields][0] as HandoffField) : null;
}

/** Every usable control that stands for a field, by field (in document order). */
function controlsByField(root: ParentNode): Map<HandoffField, FillableControl[]> {
  const byField = new Map<HandoffField, FillableControl[]>();
  for (const el of allControls(root)) {
    if (!usable(el)) continue;
    const f = classify(el);
    // Stryker disable next-line ConditionalExpression: a control of no field is filed under null, which nothing asks for
    if (f) byField.set(f, [...(byField.get(f) ?? []), el]);
  }
  return byField;
}

/**
 * `el` is one `allControls(region)` finds: below the region, through its descendants' shadow
 * roots (not the region's own).
 */
function inside(el: Element, region: Element): boolean {
  for (let n: Element | null = el; n; n = n.parentElement ?? hostOf(n))
    if (n.parentElement === region) return true;
  return false;
}

/** The control of each field that has exactly one (of those in `region`, when given). */
function pickControls(byField: Map<HandoffField, FillableControl[]>, region?: Element): FieldMatch {
  const controls: FieldMatch['controls'] = {};
  const ambiguous: HandoffField[] = [];
  for (const [f, all] of byField) {
    const els = region ? all.filter((el) => inside(el, region)) : all;
    if (els.length === 0) continue;
    if (els.length === 1) controls[f] = els[0];
    else ambiguous.push(f);
  }
  return { controls, ambiguous };
}

export const matchFields = (root: ParentNode): FieldMatch => pickControls(controlsByField(root));

/**
 * Set a value so that React, Angular, Vue and plain forms all notice: the prototype's native
 * setter (bypassing a framework's own instance setter), then bubbling `input` and `change`.
 */
export function setValue(el: FillableControl, value: string): void {
  // the page's own window: its prototypes and its events, not the content script's
  const view = el.ownerDocument.defaultView as Window & typeof globalThis;
  const proto =
    el.tagName === 'TEXTAREA' ? view.HTMLTextAreaElement.prototype : view.HTMLInputElement.prototype;
  const { set } = Object.getOwnPropertyDescriptor(proto, 'value') as { set: (v: string) => void };
  set.call(el, value);
  el.dispatchEvent(new view.Event('input', { bubbles: true, composed: true }));
  el.dispatchEvent(new view.Event('change', { bubbles: true }));
}

export interface FillResult {
  filled: HandoffField[];
  /** Fields with a value to place and no control found (the panel offers a copy button instead). */
  missing: HandoffField[];
  ambiguous: HandoffField[];
  /**
   * The page moved, swapped or removed a matched control (or the form) while it was being filled:
   * what was written is cleared again, and nothing counts as filled.
   */
  refused?: 'changed';
}

/** The form is still in the page, and a fresh match of it finds the same control for each field. */
function stillMatched(root: ParentNode, match: FieldMatch, fields: HandoffField[]): boolean {
  if (!(root as Node).isConnected) return false;
  const now = matchFields(root);
  return fields.every((f) => now.controls[f] === match.controls[f]);
}

/**
 * Fill the matched controls, each checked right before it is written: the `input` and `change`
 * events of one field run the page's code, which may move or swap the next one, so every write
 * follows a fresh match with no page code in between, and a last match follows the last events. If
 * a control changed, everything written is cleared and the fill refused. (All values first and the
 * events after would lose values on a framework that re-renders every field from its state on the
 * first event.)
 */
export function fillForm(root: ParentNode, values: HandoffValues, match = matchFields(root)): FillResult {
  const result: FillResult = { filled: [], missing: [], ambiguous: [] };
  const plan: [HandoffField, FillableControl, string][] = [];
  for (const f of HANDOFF_FIELDS) {
    const value = values[f];
    if (!value) continue;
    const el = match.controls[f];
    if (el) plan.push([f, el, value]);
    else if (match.ambiguous.includes(f)) result.ambiguous.push(f);
    else result.missing.push(f);
  }
  const fields = plan.map(([f]) => f);
  const written: FillableControl[] = [];
  const refuse = (): FillResult => {
    for (const el of written) setValue(el, '');
    return { filled: [], missing: result.missing, ambiguous: result.ambiguous, refused: 'changed' };
  };
  for (const [f, el, value] of plan) {
    if (!stillMatched(root, match, fields)) return refuse();
    // the secret: browsers must not remember it (Firefox's session store keeps the value of a
    // changed text field, e.g. a <textarea> key field, on disk unless it says autocomplete=off)
    if (f === 'apiKey') el.setAttribute('autocomplete', 'off');
    // an instance's edit form (a key rotation) keeps the name the instance already has
    if (f !== 'instanceName' || !(el as HTMLInputElement).value?.trim()) {
      written.push(el);
      setValue(el, value);
    }
    result.filled.push(f);
  }
  if (written.length > 0 && !stillMatched(root, match, fields)) return refuse();
  return result;
}

/** The element a node sits in, crossing out of shadow roots to their hosts. */
const parentOf = (el: Element): Element | null => el.parentElement ?? hostOf(el);

/** The element of the document itself that holds `el` (its outermost shadow host, or itself). */
function lightAnchor(el: Element): Element {
  let n = el;
  for (let host = hostOf(n); host; host = hostOf(n)) n = host;
  return n;
}

function commonAncestor(a: Element, b: Element): Element | null {
  const chain = new Set<Element>();
  for (let n: Element | null = a; n; n = parentOf(n)) chain.add(n);
  for (let n: Element | null = b; n; n = parentOf(n)) if (chain.has(n)) return n;
  return null;
}

/** What bounds a form on a page: a form, a dialog, a fieldset, a section. */
const FORM_REGION =
  'form, dialog, fieldset, section, article, main, [role="form"], [role="dialog"], [role="alertdialog"], [role="region"], [role="main"]';
const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"], legend';
/** Regions whose headings are their own name. */
const NAMED_BY_HEADINGS = 'form, fieldset, dialog, [role="form"], [role="dialog"], [role="alertdialog"]';
/** Page chrome: a service named there (a sidebar link) says nothing about the form. */
const CHROME = 'nav, aside, header, footer, [role="navigation"], [role="complementary"], [role="banner"]';

/** The nearest heading a person sees before `el` in document order, outside the page's chrome. */
function headingBefore(el: Element, seen: Sight): Element | null {
  const doc = el.ownerDocument;
  let best: Element | null = null;
  for (const h of doc.querySelectorAll(HEADING)) {
    // DOCUMENT_POSITION_FOLLOWING: `el` comes after the heading
    if (!(h.compareDocumentPosition(el) & 4)) break;
    if (!h.closest(CHROME) && seen.shown(h)) best = h;
  }
  return best;
}

/** Between a trail's segments: › » → ⟩, or a spaced / > | ("Settings / Service Management"). */
const TRAIL_SEPARATOR = /\s*[›»→⟩]\s*|\s+[/>|]\s+/;
const LINK = 'a[href], [role="link"]';
const CURRENT = '[aria-current]:not([aria-current="false"])';
const TRAIL_EDGES = /^[\s›»→⟩/>|]+|[\s›»→⟩/>|]+$/g;

/**
 * A trail a person sees in `el` (a breadcrumb without a name): a short ordered run of 2 to 7
 * segments, either written with separators or as the items of a list whose last item is the
 * current page (marked `aria-current`, or not a link), naming at most one service. A sidebar or a
 * menu lists many services, or links every item: not a trail. Null when `el` holds none.
 */
function trailIn(el: Element, seen: Sight): string | null {
  const items = [...el.children].filter((c) => c.tagName === 'LI' && seen.shown(c));
  let segments: string[];
  if (items.length >= 2) {
    // a trail links every step but the last, the current page; a bullet list links none
    const last = items[items.length - 1] as Element;
    const current = last.matches(CURRENT) || last.querySelector(CURRENT) !== null;
    if (!current && last.querySelector(LINK)) return null;
    if (items.slice(0, -1).some((li) => !li.querySelector(LINK))) return null;
    segments = items.map((li) => seen.text(li).slice(0, 200).replace(TRAIL_EDGES, ''));
  } else {
    const text = seen.text(el);
    if (!TRAIL_SEPARATOR.test(text)) return null;
    segments = text.split(TRAIL_SEPARATOR);
  }
  segments = segments.map(cleanText).filter((t) => t.length > 0);
  if (segments.length < 2 || segments.length > 7 || segments.some((t) => t.length > 48)) return null;
  // OpenAI and ChatGPT are one service ("OpenAI › ChatGPT" is a trail); two services make a menu
  const others = segments.filter((t) => OTHER_SERVICE.test(t)).length;
  const ours = segments.some((t) => SERVICE_NAME.test(t)) ? 1 : 0;
  return others + ours > 1 ? null : segments.join(' › ');
}

/** Where a trail without a name may be: a navigation landmark, a list. */
const TRAIL_HOLDER = 'nav, [role="navigation"], ol, ul';

/**
 * What a form says it is, only from what a person sees: its own names (its labelling, its legend
 * and headings) and, around it, the heading just before it, the breadcrumb trail, the page's title
 * and route. (Not the options of a select: a list of services names them all.)
 */
function formNames(region: Element, first: Element, seen: Sight): { own: string[]; around: string[] } {
  const doc = region.ownerDocument;
  const own: string[] = [];
  if (seen.shown(region))
    own.push(region.getAttribute('aria-label') ?? '', labelledByText(region, seen.text));
  const around: string[] = [];
  // a form, fieldset or dialog names itself by its headings; a page region (main, a section) holds
  // headings of other things too (cards, lists): there they are surroundings, not the form's name
  const named = region.matches(NAMED_BY_HEADINGS) ? own : around;
  for (const h of region.querySelectorAll(HEADING)) if (seen.shown(h)) named.push(seen.text(h));
  const before = headingBefore(first, seen);
  if (before && !region.contains(before)) around.push(seen.text(before));
  for (const b of doc.querySelectorAll('[aria-label]'))
    if (BREADCRUMB_NAME.test(b.getAttribute('aria-label') ?? '') && seen.shown(b)) around.push(seen.text(b));
  // a trail without a name, outside the form (in the page's chrome too: that is where trails sit)
  for (const t of doc.querySelectorAll(TRAIL_HOLDER)) {
    if (region.contains(t) || t.querySelector(TRAIL_HOLDER) || !seen.shown(t)) continue;
    around.push(trailIn(t, seen) ?? '');
  }
  around.push(doc.title, routeWords(doc.location?.hash ?? ''));
  const clean = (list: string[]) => list.map(cleanText).filter((n) => n.length > 0);
  return { own: clean(own), around: clean(around) };
}

/** The other service a text names ("Zoom"), or null. */
const otherService = (text: string): string | null => OTHER_SERVICE.exec(text)?.[2] ?? null;

export type FormRefusal =
  /** No control named Workspace ID, or none named API key. */
  | 'no-form'
  /** More than one control for the Workspace ID or the key: no way to tell which. */
  | 'ambiguous'
  /** The form, or (when the form names no service) what is around it, names another service. */
  | 'other-service'
  /** A Workspace ID and a key field, but nothing shown says the form is OpenAI's / ChatGPT's. */
  | 'not-chatgpt';

export interface InstanceForm {
  /** The form's region: only controls inside it are filled. */
  region: Element;
  /** What names it (its heading), for the panel and the admin's confirmation. */
  title: string;
  match: FieldMatch;
  /** True when the form itself names OpenAI or ChatGPT; false for one the admin must confirm. */
  proven: boolean;
}

/**
 * The ChatGPT instance form, in three grades. Proven (no refusal): a Workspace ID field and a key
 * field (one of each) in a region whose own shown name says OpenAI or ChatGPT, or, when its own name
 * names no service, whose surroundings (the heading before it, the trail, the title, the route) say
 * so. Contradicted ('other-service', no form): the form's own name names another service, or its
 * surroundings do and never name ChatGPT. Plausible ('not-chatgpt', `form` the candidate): nothing
 * shown names a service, or the surroundings name both; the admin may confirm it.
 */
export function findInstanceForm(
  root: ParentNode,
):
  | { form: InstanceForm; refusal: null; service?: undefined }
  | { form: InstanceForm | null; refusal: FormRefusal; service?: string } {
  // the page's controls are found and named once; the form's are those of them inside its region
  const byField = controlsByField(root);
  const all = pickControls(byField);
  if (all.ambiguous.includes('workspaceId') || all.ambiguous.includes('apiKey'))
    return { form: null, refusal: 'ambiguous' };
  const ws = all.controls.workspaceId;
  const key = all.controls.apiKey;
  if (!ws || !key) return { form: null, refusal: 'no-form' };
  // two controls of one page always share an element (the page's own, through shadow hosts)
  const common = commonAncestor(ws, key) as Element;
  let region: Element = common;
  for (let n: Element | null = common; n; n = parentOf(n)) {
    if (n.matches(FORM_REGION)) {
      region = n;
      break;
    }
  }
  const [a, b] = [lightAnchor(ws), lightAnchor(key)];
  const seen = sight(region.ownerDocument);
  const { own, around } = formNames(region, a.compareDocumentPosition(b) & 4 ? a : b, seen);
  const ours = (list: string[]) => list.find((n) => SERVICE_NAME.test(n));
  const theirs = (list: string[]) => list.map(otherService).find((s) => s !== null);
  // the form's own name outranks anything around it; another service named there contradicts
  const otherOwn = theirs(own);
  if (otherOwn) return { form: null, refusal: 'other-service', service: otherOwn };
  const otherAround = ours(own) ? undefined : theirs(around);
  if (otherAround && !ours(around)) return { form: null, refusal: 'other-service', service: otherAround };
  const title = ours(own) ?? ours(around) ?? [...own, ...around].find((n) => n.length <= 80) ?? '';
  const form: InstanceForm = { region, title, match: pickControls(byField, region), proven: false };
  if (!ours(own) && (otherAround || !ours(around))) return { form, refusal: 'not-chatgpt' };
  form.proven = true;
  return { form, refusal: null };
}
