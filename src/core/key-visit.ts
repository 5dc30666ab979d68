/**
 * One visit of a key page (platform.openai.com API keys, admin.openai.com Admin keys), with one
 * observer and one AbortSignal: the create form (for the guide and the support e-mail), the one-time
 * secret view, the copy guard (copied? one close stopped while it is not), and the key's row in the
 * keys list once the view is closed. No time limit: a reminder stays as long as the page does, and
 * the cost stays bounded (at most one read per `minIntervalMs` while the page changes, none while it
 * is quiet). Pure DOM, no extension API.
 */
import { findCreateForm, readCreateForm } from './readers/create-form';
import { readKeyDialog } from './readers/key-dialog';
import { labelledPairs } from './readers/key-facts';
import { keyNameIn } from './readers/key-name';
import { findKeyRow } from './readers/keys-list';
import { readOrgPicker } from './readers/org-picker';
import { CLOSE_BUTTON, COPY_BUTTON, type KeySite, WORKSPACE_PICKER_LABEL } from './sites/openai';
import type { KeyForm } from './state';
import { cleanText } from './text';
import { watchDom } from './watch';

/** A one-time secret view, as read. The secret is memory only. */
export interface ShownKey {
  secret: string;
  keyLast4: string;
  container: Element;
  keyName?: string;
  organization?: string;
  /** An Admin key's view: its label/value pairs (expiry, permissions, workspace) and the picked workspace. */
  facts?: [string, string][];
  workspaceName?: string;
}

export interface KeyVisitHooks {
  /** The create form opened, was replaced (the element), or closed (null). */
  form: (form: Element | null) => void;
  /** What the form shows, and the one-time view's key name; called again only when it changes. */
  note: (form: KeyForm) => void;
  /**
   * A new secret view. The answer, when it comes, names the key as the background knows it: the
   * key's row in the list is looked for once it is known and the view is gone.
   */
  shown: (key: ShownKey) => Promise<{ keyName?: string } | undefined> | undefined;
  /** The secret view is gone (closed, or replaced by another one). */
  gone: () => void;
  /** The admin copied the key (the site's Copy button, a copy of the selected secret, or `copied()`). */
  copied: (first: boolean) => void;
  /**
   * A close of the view before the key was copied: return true to stop it (the visit then stops this
   * one close, and `retry` redoes it if the admin insists), false to let it through (nothing can say why).
   */
  stopClose: (retry: (() => void) | null) => boolean;
  /** The key's row in the keys list, read after its view closed. */
  row: (keyLast4: string, row: { createdBy: string; facts: [string, string][] }) => void;
}

export interface KeyVisit {
  /** Resolves when the visit is aborted (navigation away, extension gone). */
  done: Promise<void>;
  /** The admin copied the key by other means (the reminder's own Copy button). */
  copied: () => void;
  /** Events inside this node (our own panels) are never the admin closing the site's view. */
  ignore: (node: Node) => void;
}

const nameOf = (b: Element) => cleanText(b.getAttribute('aria-label')) || cleanText(b.textContent);

export function runKeyVisit(
  doc: Document,
  site: KeySite,
  signal: AbortSignal,
  hooks: KeyVisitHooks,
  {
    minIntervalMs = 50,
    guardSignal = signal,
  }: {
    minIntervalMs?: number;
    /** Ends the copy guard; by default with the visit (the extension gone: the reminder may keep it). */
    guardSignal?: AbortSignal;
  } = {},
): KeyVisit {
  const win = doc.defaultView as Window & typeof globalThis;
  const root = () => doc.body ?? doc.documentElement;
  let form: Element | null = null;
  /** What the form showed last: the one-time view's name joins it, never replaces the rest. */
  let last: KeyForm = {};
  let noted = '';
  let shown: ShownKey | null = null;
  /** How many views were seen: an answer about an earlier one is dropped (and no secret kept for it). */
  let views = 0;
  let awaiting: { last4: string; name?: string } | null = null;
  // the copy guard, per secret view
  let copied = false;
  let warned = false;
  let swallowClick = false;
  const ignored = new Set<Node>();

  const note = (info: KeyForm) => {
    const key = JSON.stringify(info);
    if (key === noted) return;
    noted = key;
    hooks.note(info);
  };

  const readForm = () => {
    if (signal.aborted) return;
    const found = findCreateForm(root());
    if (found !== form) {
      form = found;
      noted = '';
      hooks.form(found);
    }
    if (!found) return;
    const { container: _c, name, ...choices } = readCreateForm(found);
    last = { ...(name ? { keyName: name } : {}), ...choices };
    note(last);
  };

  const read = () => {
    if (signal.aborted) return undefined;
    readForm();
    const r = root();
    const view = readKeyDialog(r);
    if (!form && view.container) {
      const name = keyNameIn(view.container);
      if (name) note({ ...last, keyName: name });
    }
    if (view.secretShown && view.secret && view.container) {
      if (view.secret !== shown?.secret) {
        if (shown) hooks.gone();
        const admin = site === 'admin-console';
        const organization = readOrgPicker(r);
        const workspaceName = admin ? readOrgPicker(r, WORKSPACE_PICKER_LABEL) : null;
        const name = view.keyName ?? keyNameIn(view.container);
        const key: ShownKey = {
          secret: view.secret,
          keyLast4: view.keyLast4 as string,
          container: view.container,
          ...(name ? { keyName: name } : {}),
          ...(organization ? { organization } : {}),
          ...(admin ? { facts: labelledPairs(view.container) } : {}),
          ...(workspaceName ? { workspaceName } : {}),
        };
        shown = key;
        copied = warned = swallowClick = false;
        awaiting = null;
        const seen = ++views;
        const { keyLast4, keyName } = key;
        void Promise.resolve(hooks.shown(key)).then((answer) => {
          // another view since
          if (signal.aborted || views !== seen) return;
          const known = answer?.keyName ?? keyName;
          awaiting = { last4: keyLast4, ...(known ? { name: known } : {}) };
          if (!shown) readRow(root());
        });
      }
      return undefined;
    }
    if (shown) {
      // the view is gone: forget the secret here, then look for the key's row in the list (once the
      // background answered with the key's name, which may come later)
      shown = null;
      hooks.gone();
    }
    readRow(r);
    return undefined;
  };

  function readRow(r: Element) {
    if (!awaiting || signal.aborted) return;
    const row = findKeyRow(r, awaiting);
    if (row) {
      hooks.row(awaiting.last4, row);
      awaiting = null;
    }
  }

  const markCopied = () => {
    if (!shown) return;
    const first = !copied;
    copied = true;
    hooks.copied(first);
  };

  const ours = (e: Event) => e.composedPath().some((n) => ignored.has(n as Node));

  /** Stop one close of the view, if something can say why. */
  const intercept = (e: Event, retry: (() => void) | null): boolean => {
    if (!hooks.stopClose(retry)) return false;
    e.preventDefault();
    e.stopImmediatePropagation();
    warned = true;
    return true;
  };

  const onPointer = (e: Event) => {
    if (!shown || !e.isTrusted || ours(e)) return;
    const target = e.target instanceof Element ? e.target : null;
    if (!target) return;
    if (shown.container.contains(target)) {
      const b = target.closest('button, [role="button"], a');
      if (!b || e.type !== 'click') return;
      const name = nameOf(b);
      if (COPY_BUTTON.test(name)) markCopied();
      else if (CLOSE_BUTTON.test(name) && !copied && !warned) {
        intercept(e, () => (b as HTMLElement).click());
      }
      return;
    }
    if (copied) return;
    // A click outside a modal dialog usually closes it: stop the first one (its whole gesture).
    if (e.type === 'pointerdown' && !warned) {
      swallowClick = intercept(e, null);
    } else if (swallowClick) {
      e.preventDefault();
      e.stopImmediatePropagation();
      if (e.type === 'click') swallowClick = false;
    }
  };

  const onKey = (e: KeyboardEvent) => {
    if (!shown || !e.isTrusted || e.key !== 'Escape' || copied || warned || ours(e)) return;
    const target = doc.activeElement ?? doc.body;
    intercept(e, () => target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
  };

  // a copy the page's script dispatches says nothing: only the admin's own copy counts
  const onCopy = (e: Event) => {
    const secret = shown?.secret;
    if (!secret || !e.isTrusted) return;
    const selected = doc.getSelection()?.toString() ?? '';
    const active = doc.activeElement as HTMLInputElement | null;
    const inField =
      active && typeof active.value === 'string' && typeof active.selectionStart === 'number'
        ? active.value.slice(active.selectionStart, active.selectionEnd ?? active.selectionStart)
        : '';
    if (selected.includes(secret) || inField.includes(secret)) markCopied();
  };

  const opts = { capture: true, signal };
  // note the form's values at once: it can be submitted right after typing (paste, then Enter)
  for (const type of ['input', 'change'] as const) doc.addEventListener(type, readForm, opts);
  // before the page's own handlers replace the form on submit
  for (const type of ['pointerdown', 'click', 'keydown'] as const) win.addEventListener(type, readForm, opts);
  const guard = { capture: true, signal: guardSignal };
  for (const type of ['pointerdown', 'mousedown', 'click'] as const)
    win.addEventListener(type, onPointer, guard);
  win.addEventListener('keydown', onKey, guard);
  doc.addEventListener('copy', onCopy, guard);

  const done = watchDom({
    root: doc.documentElement,
    signal,
    timeoutMs: Number.POSITIVE_INFINITY,
    minIntervalMs,
    read,
  }).then(() => undefined);
  return { done, copied: markCopied, ignore: (node) => ignored.add(node) };
}
