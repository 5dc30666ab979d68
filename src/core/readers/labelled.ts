/**
 * Finds a value by its label, the way a person reads a settings page: a label, then the value that
 * follows it (sibling, next cell, `dd`, `<label for>` control, `aria-labelledby`), taken only when
 * it has the expected format and nothing else nearby competes with it.
 */
import {
  elementsUnder,
  isFormControl,
  isHidden,
  labelledByText,
  queryEscaped,
  TextJoiner,
  textNodes,
  valueAttributes,
} from '../dom';
import { fitsTruncated, type Truncated, truncatedTokens } from '../formats';

export type FieldResult =
  | { status: 'found'; value: string }
  | { status: 'missing'; reason: 'no-label' | 'no-value' | 'truncated' }
  | { status: 'ambiguous'; candidates: string[] };

/** How to tell the field's label and the labels of other fields (all the lookup needs). */
export interface LabelSpec {
  /** Does this short text name the field? */
  isLabel: (text: string) => boolean;
  /**
   * Could this text be a piece of the field's label? Text nodes that cannot are skipped without
   * looking at their ancestors, which keeps a read linear on big pages. Absent: every text is looked at.
   */
  isLabelPart?: (text: string) => boolean;
  /** Does this short text name any field the page may show (used to stop at the next label)? */
  isAnyLabel: (text: string) => boolean;
  /**
   * May a text field be named by its placeholder alone ("Name")? Only when nothing else on the page
   * names the field, and only one visible field is named so (the key's name in a create form).
   */
  placeholders?: boolean;
}

export interface FieldSpec extends LabelSpec {
  /** Full-format tokens in a text. */
  tokens: (text: string) => string[];
  canonical: (v: string) => string;
  /** A selector of elements whose text is never this field's value (a form's buttons, for a name). */
  notValue?: string;
  /**
   * A value typed into a form: when the value's place holds an editable text field, what the field
   * holds is the value (empty: none), never the text around it (a hint, a heading, a count).
   */
  fieldsOverText?: boolean;
  /**
   * Only what a person sees holds this field's value: never an attribute (`title`, `data-*`: they
   * hold anything), a hidden field or hidden text (IDs fall back on those, a name does not).
   */
  shownOnly?: boolean;
}

const MAX_LABEL_LEN = 80;
const MAX_CLIMB = 4;

interface Evidence {
  visible: string[];
  hidden: string[];
  truncated: Truncated[];
  /** Editable text fields shown (counted for a `fieldsOverText` field only). */
  fields: number;
}

const emptyEvidence = (): Evidence => ({ visible: [], hidden: [], truncated: [], fields: 0 });

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel']);
/** A field that holds text (not a checkbox, a radio or a button, whose value is a code). */
const isTextField = (el: HTMLInputElement | HTMLTextAreaElement): boolean =>
  el.tagName === 'TEXTAREA' || TEXT_INPUT_TYPES.has(el.type);

function collect(spec: FieldSpec, nodes: Node[], ev: Evidence): void {
  const visible = new TextJoiner();
  const hidden: string[] = [];
  for (const node of nodes) {
    // a text node among a label's following siblings: its parent also holds the shown label
    if (node.nodeType === 3) {
      visible.add(node as Text);
      continue;
    }
    for (const el of elementsUnder(node)) {
      if (isFormControl(el) && el.tagName !== 'SELECT') {
        const field = el as HTMLInputElement;
        // (up to the page's root: a `<label for>` or `aria-labelledby` control may sit apart from its label)
        const shown = !isHidden(el);
        // a typed value (a name) is text: never a checkbox's or a button's value, nor a hidden field's
        const typed = spec.fieldsOverText && isTextField(field);
        if (!spec.fieldsOverText || (typed && shown))
          (shown ? ev.visible : ev.hidden).push(...spec.tokens(field.value));
        // a field a person can type in (not a read-only display, such as a secret's)
        if (typed && shown && !field.readOnly && !field.disabled) ev.fields++;
      }
      if (!spec.shownOnly) for (const v of valueAttributes(el)) hidden.push(...spec.tokens(v));
    }
    const hiddenText = new TextJoiner();
    for (const t of textNodes(node)) {
      if (spec.notValue && isWithin(t, spec.notValue, node)) continue;
      if (isHidden(t, node)) hiddenText.add(t);
      else visible.add(t);
    }
    hidden.push(...spec.tokens(hiddenText.text));
    visible.cut();
  }
  // a field to type the value in: what it holds is the value, the text around it is not
  if (ev.fields > 0) return;
  if (!spec.shownOnly) ev.hidden.push(...hidden);
  ev.visible.push(...spec.tokens(visible.text));
  ev.truncated.push(...truncatedTokens(visible.text));
}

/** Is `t` inside an element `selector` selects, `node` or below it? */
function isWithin(t: Text, selector: string, node: Node): boolean {
  const match = t.parentElement?.closest(selector);
  return !!match && node.contains(match);
}

/** One value found, several (ambiguous), or none (null). */
const oneOf = (xs: string[]): FieldResult | null =>
  xs.length === 0
    ? null
    : xs.length === 1
      ? { status: 'found', value: xs[0] as string }
      : { status: 'ambiguous', candidates: xs };

/** What the evidence of one label says: visible values first, then hidden ones (that fit a shortened one). */
function decide(spec: FieldSpec, ev: Evidence): FieldResult {
  const distinct = (xs: string[]) => [...new Set(xs.map(spec.canonical))];
  const hidden = distinct(ev.hidden);
  if (ev.truncated.length > 0) {
    const fitting = hidden.filter((v) => ev.truncated.some((t) => fitsTruncated(v, t)));
    return oneOf(distinct(ev.visible)) ?? oneOf(fitting) ?? { status: 'missing', reason: 'truncated' };
  }
  return oneOf(distinct(ev.visible)) ?? oneOf(hidden) ?? { status: 'missing', reason: 'no-value' };
}

const hasEvidence = (ev: Evidence) =>
  ev.visible.length + ev.hidden.length + ev.truncated.length + ev.fields > 0;

// (`textContent` is never null on an element or a text node: the casts below say so.)

/** Does this sibling hold another label: its whole text, or one of its texts, names a field? */
function containsLabel(spec: LabelSpec, node: Node): boolean {
  if (node.nodeType === 3) return spec.isAnyLabel(node.textContent as string);
  if (node.nodeType !== 1) return false;
  if (spec.isAnyLabel(node.textContent as string)) return true;
  for (const t of textNodes(node)) if (spec.isAnyLabel(t.textContent as string)) return true;
  return false;
}

/** The nodes after `start` among its siblings, up to the next one that holds another label. */
const LABEL_TAGS = new Set(['DT', 'TH', 'LABEL', 'LEGEND']);
const LABEL_ROLES = new Set(['rowheader', 'columnheader', 'heading']);

const isStructuralLabel = (n: Node): boolean =>
  n.nodeType === 1 &&
  (LABEL_TAGS.has((n as Element).tagName) || LABEL_ROLES.has((n as Element).getAttribute('role') as string));

function followingUntilLabel(spec: LabelSpec, start: Node): Node[] {
  const out: Node[] = [];
  for (let n = start.nextSibling; n; n = n.nextSibling) {
    if (isStructuralLabel(n) || containsLabel(spec, n)) break;
    out.push(n);
  }
  return out;
}

/**
 * The one label lookup every reader shares: the nodes that hold the value of `label`, never outside
 * `root`. In order: the label itself when it is a control; the control it names (`<label for>` or
 * the one it wraps, `aria-labelledby`, a `legend`'s fieldset); itself when its `aria-label` names
 * the field and its text does not (a read-only input, a region, a radio group), if `accept` finds
 * its value there; else its following siblings up to the next label, climbing a few levels while
 * the label sits alone in its box and `accept` finds nothing. Null when nothing holds it.
 */
export function valueScope(
  spec: LabelSpec,
  label: Element,
  root: ParentNode,
  accept: (nodes: Node[]) => boolean,
): Node[] | null {
  if (isFormControl(label)) return [label];
  if (label.tagName === 'LEGEND' && label.parentElement?.tagName === 'FIELDSET') return [label.parentElement];
  if (label.tagName === 'LABEL') {
    const forId = label.getAttribute('for');
    // the control with that id inside `root` (a stale copy of a form elsewhere may repeat its ids)
    const [control] = forId
      ? queryEscaped(root, (esc) => `[id="${esc(forId)}"]`)
      : label.querySelectorAll('input, textarea, select');
    if (control) return [control];
  }
  if (label.id) {
    const [target] = queryEscaped(root, (esc) => `[aria-labelledby~="${esc(label.id)}"]`);
    // the label its name begins with; after another one ("New project" + "Name"), this label only
    // qualifies another field's name: that field is not this one, and nothing here is its value
    if (target && target !== label)
      return (target.getAttribute('aria-labelledby') as string).trim().split(/\s+/)[0] === label.id
        ? [target]
        : [];
  }
  if (
    spec.isLabel(label.getAttribute('aria-label') ?? '') &&
    !spec.isLabel(label.textContent as string) &&
    accept([label])
  )
    return [label];
  let cur: Element = label;
  for (let depth = 0; depth <= MAX_CLIMB; depth++) {
    const scope = followingUntilLabel(spec, cur);
    if (accept(scope)) return scope;
    if (cur.nextSibling && scope.length === 0) break; // the next thing is another label: this one has no value
    const parent: Element | null = cur.parentElement;
    if (!parent || parent === root || parent.tagName === 'BODY') break;
    cur = parent;
  }
  return null;
}

/** The value that belongs to one label element. */
function valueForLabel(spec: FieldSpec, label: Element, root: ParentNode): FieldResult {
  const evidence = (nodes: Node[]) => {
    const ev = emptyEvidence();
    collect(spec, nodes, ev);
    return ev;
  };
  const scope = valueScope(spec, label, root, (nodes) => hasEvidence(evidence(nodes)));
  return decide(spec, evidence(scope ?? []));
}

/** Label and value in one text: "Workspace ID: f7f3…". */
function inlineValue(spec: FieldSpec, text: string): string[] | null {
  const m = /(.{1,80}?)\s*[:：]\s*(.+)/su.exec(text);
  if (!m || !spec.isLabel(m[1] as string)) return null;
  return spec.tokens(m[2] as string);
}

/** Text fields a placeholder may name: not search boxes, comboboxes or a picker's filter. */
const PLACEHOLDER_NAMED =
  'input[placeholder]:not([type="search"], [role], [aria-autocomplete], [aria-controls]), textarea[placeholder]';

/** A picker's popup: a field in it filters the picker's options. */
const POPUP = '[popover], [role="listbox"], [role="menu"], [role="tooltip"]';

/** Is this control named by something other than its placeholder? */
function namedOtherwise(el: Element): boolean {
  if (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') || el.closest('label')) return true;
  const id = el.id;
  return !!id && queryEscaped(el.ownerDocument, (esc) => `label[for="${esc(id)}"]`).length > 0;
}

/** Elements that carry the field's label, innermost only. */
export function findLabels(spec: LabelSpec, root: ParentNode): Element[] {
  const found = new Set<Element>();
  for (const t of textNodes(root as Node)) {
    const raw = t.textContent as string;
    if (!raw.trim() || raw.length > 200) continue;
    if (spec.isLabelPart && !spec.isLabelPart(raw)) continue;
    let el: Element | null = t.parentElement;
    for (let up = 0; el && up < 3; up++, el = el.parentElement) {
      const txt = el.textContent as string;
      if (txt.length > MAX_LABEL_LEN) break; // (and no label is longer: a big page stays linear)
      if (spec.isLabel(txt)) {
        if (!isHidden(el)) found.add(el);
        break;
      }
    }
  }
  for (const el of (root as Element | Document).querySelectorAll('[aria-label]')) {
    if (spec.isLabel(el.getAttribute('aria-label') as string) && !isHidden(el)) found.add(el);
  }
  for (const el of (root as Element | Document).querySelectorAll('[aria-labelledby]')) {
    if (isFormControl(el) && spec.isLabel(labelledByText(el)) && !isHidden(el)) found.add(el);
  }
  // a field whose only name is its placeholder (forms built with component libraries often have no
  // <label>), when nothing else names the field and no other shown field is named so: a placeholder
  // beside another name is a hint ("My Test Key"), one on a search box or a picker's filter holds
  // what is looked for, and two such fields (one of them empty) leave the value unsure
  if (spec.placeholders && found.size === 0) {
    const named = [...(root as Element | Document).querySelectorAll(PLACEHOLDER_NAMED)].filter(
      (el) =>
        spec.isLabel(el.getAttribute('placeholder') as string) &&
        !namedOtherwise(el) &&
        !el.closest(POPUP) &&
        !isHidden(el),
    );
    if (named.length === 1) found.add(named[0] as Element);
  }
  // keep the innermost: drop any element that contains another found one
  const all = [...found];
  return all.filter((el) => !all.some((other) => other !== el && el.contains(other)));
}

export function readLabelledField(spec: FieldSpec, root: ParentNode): FieldResult {
  const results: FieldResult[] = [];
  for (const t of textNodes(root as Node)) {
    const raw = t.textContent as string;
    if (raw.length > 200 || !/[:：]/.test(raw) || isHidden(t)) continue;
    const tokens = inlineValue(spec, raw);
    if (tokens) {
      const ev = emptyEvidence();
      ev.visible.push(...tokens);
      results.push(decide(spec, ev));
    }
  }
  for (const label of findLabels(spec, root)) results.push(valueForLabel(spec, label, root));
  return combine(results);
}

/** Several labels for one field: they must agree. */
export function combine(results: FieldResult[]): FieldResult {
  if (results.length === 0) return { status: 'missing', reason: 'no-label' };
  const values = new Set<string>();
  const candidates = new Set<string>();
  for (const r of results) {
    if (r.status === 'found') values.add(r.value);
    if (r.status === 'ambiguous') for (const c of r.candidates) candidates.add(c);
  }
  if (candidates.size > 0)
    return { status: 'ambiguous', candidates: [...new Set([...candidates, ...values])] };
  if (values.size === 1) return { status: 'found', value: [...values][0] as string };
  if (values.size > 1) return { status: 'ambiguous', candidates: [...values] };
  const truncated = results.some((r) => r.status === 'missing' && r.reason === 'truncated');
  return { status: 'missing', reason: truncated ? 'truncated' : 'no-value' };
}
