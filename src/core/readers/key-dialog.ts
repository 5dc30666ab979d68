/**
 * Recognises a one-time secret key view and what it says about the key.
 * The secret is returned to the caller (the content script keeps it in memory only); the rest is
 * what the support e-mail needs.
 */
import { DIALOG_SELECTOR, isHidden, isHiddenElement, TextJoiner, textNodes } from '../dom';
import { isSecretKey, last4, secretTokens } from '../formats';
import { KEY_NAME_LABELS, ONE_TIME_WORDING } from '../sites/openai';
import { labelMatcher } from '../text';
import { type FieldSpec, readLabelledField } from './labelled';

export interface KeyDialogResult {
  secretShown: boolean;
  /** The secret itself: memory only, never stored by the caller without the admin's consent. */
  secret: string | null;
  keyLast4: string | null;
  keyName: string | null;
  /** The element that holds the secret view (a dialog, or the block with the one-time wording). */
  container: Element | null;
}

const NOTHING: KeyDialogResult = {
  secretShown: false,
  secret: null,
  keyLast4: null,
  keyName: null,
  container: null,
};

const ONE_TIME_CLIMB = 6;

const hasOneTimeWording = (text: string): boolean => ONE_TIME_WORDING.some((re) => re.test(text));

/** Secrets visible inside `el`: in text (code, pre, plain) and in input/textarea values. */
function secretsIn(el: Element): string[] {
  const out: string[] = [];
  const text = new TextJoiner();
  for (const t of textNodes(el)) if (!isHidden(t, el)) text.add(t);
  out.push(...secretTokens(text.text));
  for (const c of el.querySelectorAll('input, textarea')) {
    if (isHiddenElement(c) || isHidden(c, el)) continue;
    const v = ((c as HTMLInputElement).value ?? '').trim();
    if (isSecretKey(v)) out.push(v);
  }
  if ((el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') && isSecretKey((el as HTMLInputElement).value)) {
    out.push((el as HTMLInputElement).value);
  }
  return out;
}

/** The container of a secret: the dialog it sits in, or the nearest block saying it is shown once. */
function oneTimeContainer(start: Element): Element | null {
  const dialog = start.closest(DIALOG_SELECTOR);
  if (dialog && !isHidden(dialog)) return dialog;
  let el: Element | null = start;
  for (let i = 0; el && i < ONE_TIME_CLIMB; i++, el = el.parentElement) {
    if (el.tagName === 'BODY') break;
    if (hasOneTimeWording(el.textContent ?? '')) return el;
  }
  return null;
}

/** Where secrets could be: every element holding a key-shaped token. */
function secretHolders(root: ParentNode): Element[] {
  const holders: Element[] = [];
  for (const t of textNodes(root as Node)) {
    if (t.parentElement && /sk-/.test(t.textContent ?? '') && !isHidden(t)) holders.push(t.parentElement);
  }
  for (const c of (root as Element | Document).querySelectorAll('input, textarea')) {
    if (isSecretKey(((c as HTMLInputElement).value ?? '').trim()) && !isHidden(c)) holders.push(c);
  }
  return holders;
}

const isNameLabel = labelMatcher(KEY_NAME_LABELS);

export const NAME_SPEC: FieldSpec = {
  isLabel: isNameLabel,
  isAnyLabel: (t) => isNameLabel(t) || /^\s*(secret key|key|clé|schlüssel|clave|chiave|chave)\s*$/i.test(t),
  tokens: (text) =>
    text
      .split('\u0000')
      .map((s) => s.trim())
      .filter((s) => s.length > 0 && s.length <= 120 && !s.includes('sk-') && !isNameLabel(s)),
  canonical: (v) => v,
};

/** Does this element show a one-time secret? */
export const secretShownIn = (el: Element): boolean => secretsIn(el).length > 0;

export function readKeyDialog(root: ParentNode): KeyDialogResult {
  const secrets = new Map<string, Element>();
  for (const holder of secretHolders(root)) {
    const container = oneTimeContainer(holder);
    if (!container) continue;
    for (const s of secretsIn(holder)) if (!secrets.has(s)) secrets.set(s, container);
  }
  if (secrets.size !== 1) return NOTHING; // none, or several and no way to tell which: take nothing
  const [secret, container] = [...secrets][0] as [string, Element];
  const name = readLabelledField(NAME_SPEC, container);
  return {
    secretShown: true,
    secret,
    keyLast4: last4(secret),
    keyName: name.status === 'found' ? name.value : null,
    container,
  };
}
