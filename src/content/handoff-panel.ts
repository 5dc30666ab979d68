/**
 * The floating panel on the Skyhigh console during a hand-off: every value with its own copy button,
 * which fields could not be placed, and, when no form proves to be the ChatGPT instance form, why
 * nothing was filled and a way to fill a form the admin confirms. The key is kept here only until
 * it is placed, forgotten or expired; then the panel shows its last 4 characters only.
 */
import { last4 } from '../core/formats';
import { type HandoverPreview, handoverLines } from '../core/handover';
import { FIELD_LABEL } from '../core/labels';
import type { HandoffValues } from '../core/readers/skyhigh-form';
import { HANDOFF_FIELDS, type HandoffField } from '../core/sites/skyhigh';
import { ClipboardGuard } from './clipboard';
import { t } from './runtime';
import { button, el, mountPanel, VALUES_STYLE } from './ui';

const mask = (f: HandoffField, v: string) => (f === 'apiKey' ? `…${last4(v)}` : v);

/** What the popup said before the click, repeated here: the key, the workspace, the host, each mismatch. */
function aboutOf(about: HandoverPreview): HTMLElement {
  const box = el('div', { className: 'note' });
  box.dataset.handover = about.problems.length > 0 ? 'problems' : 'ok';
  const list = el('ul');
  for (const line of handoverLines(about, t)) {
    const item = el('li', {}, line.text);
    item.dataset.handoverLine = line.names;
    list.append(item);
  }
  box.append(el('p', {}, t('handoverTitle')), list);
  for (const p of about.problems) {
    const warn = el('p', { className: 'warn' }, t(p.key, p.subs));
    warn.dataset.handoverProblem = p.key;
    box.append(warn);
  }
  return box;
}

export class HandoffPanel {
  private own = new AbortController();
  private list: HTMLElement;
  private status: HTMLElement;
  private heading: HTMLElement;
  private offer: HTMLElement;
  private clipboard: ClipboardGuard;
  private filled: HandoffField[] | null = null;
  /** Last 4 of the key, kept for display once the key itself is gone. */
  private keyTail: string | null;
  private expiry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    signal: AbortSignal,
    private values: HandoffValues,
    keyExpiresAt: number | null,
    private clipboardClearSeconds: number,
    about?: HandoverPreview,
    private onClose: () => void = () => {},
  ) {
    signal.addEventListener('abort', () => this.close(), { signal: this.own.signal });
    this.keyTail = values.apiKey ? last4(values.apiKey) : null;
    const { box } = mountPanel(this.own.signal, t('handoffRegion'), undefined, VALUES_STYLE);
    this.heading = el('h2', {}, t('handoffPanelWaiting'));
    this.list = el('dl');
    this.offer = el('div');
    this.status = el('p', { className: 'status' });
    this.status.setAttribute('role', 'status');
    // the page's signal, not the panel's: a clearing still due when the panel is closed happens
    this.clipboard = new ClipboardGuard(signal, () => {
      this.status.textContent = t('clipboardCleared');
    });
    box.append(
      this.heading,
      ...(about ? [aboutOf(about)] : []),
      this.list,
      this.offer,
      el(
        'div',
        { className: 'row' },
        button(t('handoffDone'), () => this.close(), this.own.signal, { className: 'secondary' }),
      ),
      this.status,
    );
    // the key's life here ends when the background's does
    if (keyExpiresAt !== null)
      this.expiry = setTimeout(() => this.forgetKey(), Math.max(0, keyExpiresAt - Date.now()));
    this.render();
  }

  /** The key is gone (placed, forgotten in the popup, expired): only its last 4 stay on screen. */
  forgetKey(): void {
    clearTimeout(this.expiry);
    if (!this.values.apiKey) return;
    delete this.values.apiKey;
    void this.clipboard.clearNow();
    this.render();
  }

  get isFilled(): boolean {
    return this.filled !== null;
  }

  /** The values without the key, once it is gone. */
  get current(): HandoffValues {
    return { ...this.values };
  }

  /** After the fill: which fields were placed. */
  showFilled(filled: HandoffField[]): void {
    this.filled = filled;
    this.heading.textContent = t('handoffPanelFilled');
    this.offer.replaceChildren();
    if (filled.includes('apiKey')) this.forgetKey();
    else this.render();
  }

  /**
   * No form proves to be the ChatGPT instance form; `candidate` (a form with a Workspace ID and a
   * key field that does not name OpenAI or ChatGPT) may be filled once the admin confirms it.
   */
  showCandidate(candidate: { title: string; fill: () => void } | null): void {
    if (this.filled) return;
    const s = this.own.signal;
    if (!candidate) {
      this.offer.replaceChildren();
      return;
    }
    const why = el('p', { className: 'warn' }, t('handoffNoForm'));
    const title = candidate.title || t('handoffUntitledForm');
    const ask = () =>
      this.offer.replaceChildren(
        why,
        el('p', {}, t('handoffConfirm', title)),
        el(
          'div',
          { className: 'row' },
          button(t('handoffConfirmYes'), () => candidate.fill(), s),
          button(t('cancel'), () => this.showCandidate(candidate), s, { className: 'secondary' }),
        ),
      );
    this.offer.replaceChildren(
      why,
      el(
        'div',
        { className: 'row' },
        button(t('handoffFillThis', title), ask, s, { className: 'secondary' }),
      ),
    );
  }

  /** A form for another service is on the page (or none is any more): say so, fill nothing. */
  showRefusal(service: string | null): void {
    if (this.filled) return;
    this.offer.replaceChildren(
      ...(service ? [el('p', { className: 'warn' }, t('handoffOtherService', service))] : []),
    );
  }

  /** The page changed the form while it was being filled: nothing counts as filled, the values stay here. */
  showChanged(): void {
    if (this.filled) return;
    this.offer.replaceChildren(el('p', { className: 'warn' }, t('handoffFormChanged')));
  }

  private render(): void {
    const filled = this.filled;
    this.list.replaceChildren();
    for (const f of HANDOFF_FIELDS) {
      const v = this.values[f];
      if (f === 'apiKey' && !v && this.keyTail) {
        this.list.append(
          el('dt', {}, t('field_apiKey')),
          el(
            'dd',
            {},
            el('span', { className: 'mono' }, `…${this.keyTail}`),
            ' ',
            el('span', { className: 'note' }, t('handoffKeyGone')),
          ),
        );
        continue;
      }
      if (!v) continue;
      const state = filled === null ? '' : filled.includes(f) ? t('handoffPlaced') : t('handoffNotPlaced');
      this.list.append(
        el('dt', {}, t(FIELD_LABEL[f])),
        el(
          'dd',
          {},
          el('span', { className: 'mono' }, mask(f, v)),
          ' ',
          el('span', { className: filled && !filled.includes(f) ? 'warn' : 'note' }, state),
          ' ',
          button(t('copy'), () => this.copy(f), this.own.signal, {
            className: 'secondary',
            'aria-label': t('copyField', t(FIELD_LABEL[f])),
          }),
        ),
      );
    }
  }

  private async copy(f: HandoffField): Promise<void> {
    const v = this.values[f];
    if (!v) return;
    try {
      if (f === 'apiKey') {
        await this.clipboard.copy(v, this.clipboardClearSeconds);
        this.status.textContent =
          this.clipboardClearSeconds > 0
            ? `${t('valueCopied', t('field_apiKey'))} ${t('clipboardWillClear', String(this.clipboardClearSeconds))}`
            : t('valueCopied', t('field_apiKey'));
      } else {
        await navigator.clipboard.writeText(v);
        this.status.textContent = t('valueCopied', t(FIELD_LABEL[f]));
      }
    } catch {
      this.status.textContent = t('keyCopyFailed');
    }
  }

  get isClosed(): boolean {
    return this.own.signal.aborted;
  }

  /** Closed (Done, a new request, the page gone): every value dropped, the request ended. */
  close(): void {
    if (this.isClosed) return;
    clearTimeout(this.expiry);
    if (this.values.apiKey) void this.clipboard.clearNow();
    for (const f of HANDOFF_FIELDS) delete this.values[f];
    this.keyTail = null;
    this.own.abort();
    this.onClose();
  }
}
