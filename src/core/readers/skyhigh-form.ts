/**
 * Finds the fields of Skyhigh CASB's ChatGPT instance form by what they are called, and fills
 * them the way a framework notices. Never touches a control it did not match.
 */

import { isHiddenElement, labelledByText, TextJoiner, textNodes } from '../dom';
import {
  BREADCRUMB_NAME,
  FIELD_PATTERNS,
  HANDOFF_FIELDS,
  type HandoffField,
  NEVER_FILL,
  NEVER_FILL_AUTOCOMPLETE,
  SERVICE_NAME,
} from '../sites/skyhigh';
import { cleanText, normalizeLabel } from '../text';

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

const hostOf = (el: Element): Element | null => {
  const root = el.getRootNode();
  return root && (root as ShadowRoot).host ? (root as ShadowRoot).host : null;
};

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
      const t = (s.textContent ?? '').trim();
      if (t) texts.unshift(t);
    }
    const joined = texts.join(' ').trim();
    if (joined) return joined.length <= 60 ? joined : '';
    cur = cur.parentElement ?? hostOf(cur);
  }
  return '';
}

/** What a control is called, from the most to the least explicit source. */
export function namesOf(el: FillableControl): string[] {
  const names: string[] = [];
  const root = el.getRootNode() as Document | ShadowRoot;
  if (el.id) {
    for (const l of root.querySelectorAll(`label[for="${el.id.replace(/["\\]/g, '\\$&')}"]`)) {
      names.push(l.textContent ?? '');
    }
  }
  const wrapping = el.closest('label');
  if (wrapping) names.push(wrapping.textContent ?? '');
  names.push(labelledByText(el));
  names.push(el.getAttribute('aria-label') ?? '');
  names.push(el.getAttribute('placeholder') ?? '');
  const host = hostOf(el);
  if (host) names.push(host.getAttribute('aria-label') ?? '', host.getAttribute('label') ?? '');
  names.push(nearbyText(el));
  return names.map(normalizeLabel).filter((n) => n.length > 0);
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
  const view = el.ownerDocument.defaultView;
  const proto =
    el.tagName === 'TEXTAREA' ? view?.HTMLTextAreaElement.prototype : view?.HTMLInputElement.prototype;
  const setter = proto ? Object.getOwnPropertyDescriptor(proto, 'value')?.set : undefined;
  if (setter) setter.call(el, value);
  else el.value = value;
  const EventCtor = view?.Event ?? Event;
  el.dispatchEvent(new EventCtor('input', { bubbles: true, composed: true }));
  el.dispatchEvent(new EventCtor('change', { bubbles: true }));
}

export interface FillResult {
  filled: HandoffField[];
  /** Fields with a value to place and no control found (the panel offers a copy button instead). */
  missing: HandoffField[];
  ambiguous: HandoffField[];
}

export function fillForm(root: ParentNode, values: HandoffValues, match = matchFields(root)): FillResult {
  const result: FillResult = { filled: [], missing: [], ambiguous: [] };
  for (const f of HANDOFF_FIELDS) {
    const value = values[f];
    if (!value) continue;
    const el = match.controls[f];
    if (el) {
      // the secret: browsers must not remember it (Firefox's session store keeps the value of a
      // changed text field, e.g. a <textarea> key field, on disk unless it says autocomplete=off)
      if (f === 'apiKey') el.setAttribute('autocomplete', 'off');
      // an instance's edit form (a key rotation) keeps the name the instance already has
      if (f !== 'instanceName' || !(el as HTMLInputElement).value?.trim()) setValue(el, value);
      result.filled.push(f);
    } else if (match.ambiguous.includes(f)) result.ambiguous.push(f);
    else result.missing.push(f);
  }
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
/** Page chrome: a service named there (a sidebar link) says nothing about the form. */
const CHROME = 'nav, aside, header, footer, [role="navigation"], [role="complementary"], [role="banner"]';

/** The nearest heading before `el` in document order, outside the page's chrome. */
function headingBefore(el: Element): Element | null {
  const doc = el.ownerDocument;
  let best: Element | null = null;
  for (const h of doc.querySelectorAll(HEADING)) {
    if (isHiddenElement(h) || h.closest(CHROME)) continue;
    // DOCUMENT_POSITION_FOLLOWING: `el` comes after the heading
    if (h.compareDocumentPosition(el) & 4) best = h;
    else break;
  }
  return best;
}

/** An element's text with its elements' boundaries as spaces ("Management", "OpenAI" never run together). */
function spacedText(el: Element): string {
  const text = new TextJoiner();
  for (const t of textNodes(el)) text.add(t);
  return text.text.split('\u0000').join(' ');
}

/**
 * What a region says it is: its labelling, its headings, the heading just before it, the breadcrumb.
 * (Not the options of a select: a list of services names them all.)
 */
function regionNames(region: Element, first: Element): string[] {
  const names: string[] = [region.getAttribute('aria-label') ?? '', labelledByText(region)];
  for (const h of region.querySelectorAll(HEADING)) if (!isHiddenElement(h)) names.push(spacedText(h));
  const before = headingBefore(first);
  if (before) names.push(spacedText(before));
  for (const b of region.ownerDocument.querySelectorAll('[aria-label]'))
    if (BREADCRUMB_NAME.test(b.getAttribute('aria-label') ?? '')) names.push(spacedText(b));
  return names.map(cleanText).filter((n) => n.length > 0);
}

export type FormRefusal =
  /** No control named Workspace ID, or none named API key. */
  | 'no-form'
  /** More than one control for the Workspace ID or the key: no way to tell which. */
  | 'ambiguous'
  /** A Workspace ID and a key field, but nothing says the form is OpenAI's / ChatGPT's. */
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
 * The ChatGPT instance form, proven: a Workspace ID field and a key field (one of each), in a region
 * that names OpenAI or ChatGPT. `candidate` is the same form unproven, for the admin to confirm.
 */
export function findInstanceForm(
  root: ParentNode,
): { form: InstanceForm; refusal: null } | { form: InstanceForm | null; refusal: FormRefusal } {
  // the page's controls are found and named once; the form's are those of them inside its region
  const byField = controlsByField(root);
  const all = pickControls(byField);
  if (all.ambiguous.includes('workspaceId') || all.ambiguous.includes('apiKey'))
    return { form: null, refusal: 'ambiguous' };
  const ws = all.controls.workspaceId;
  const key = all.controls.apiKey;
  if (!ws || !key) return { form: null, refusal: 'no-form' };
  const common = commonAncestor(ws, key);
  if (!common) return { form: null, refusal: 'no-form' };
  let region: Element = common;
  for (let n: Element | null = common; n; n = parentOf(n)) {
    if (n.matches(FORM_REGION)) {
      region = n;
      break;
    }
  }
  const [a, b] = [lightAnchor(ws), lightAnchor(key)];
  const names = regionNames(region, a.compareDocumentPosition(b) & 4 ? a : b);
  const title = names.find((n) => SERVICE_NAME.test(n)) ?? names.find((n) => n.length <= 80) ?? '';
  const form: InstanceForm = { region, title, match: pickControls(byField, region), proven: false };
  if (!names.some((n) => SERVICE_NAME.test(n))) return { form, refusal: 'not-chatgpt' };
  form.proven = true;
  return { form, refusal: null };
}
