/**
 * The reminder beside a one-time secret: copy it now, hand it to Skyhigh CASB if you like, and a
 * close of the site's dialog stopped once while the key has not been copied.
 */
import { CLOSE_BUTTON, COPY_BUTTON } from '../core/sites/openai';
import { send, t } from './runtime';
import { button, el, mountPanel, type Panel } from './ui';

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const nameOf = (b: Element) => clean(b.getAttribute('aria-label')) || clean(b.textContent);

export class Reminder {
  readonly own = new AbortController();
  private panel: Panel;
  private copied = false;
  private warned = false;
  private swallowClick = false;
  private status: HTMLElement;
  private warning: HTMLElement;
  private holdRow: HTMLElement;
  private copyButton: HTMLButtonElement;

  constructor(
    signal: AbortSignal,
    private secret: string | null,
    readonly container: Element,
    ttlMinutes: number,
  ) {
    signal.addEventListener('abort', () => this.close(), { signal: this.own.signal });
    const s = this.own.signal;
    this.panel = mountPanel(s, t('reminderRegion'), container);
    this.panel.box.classList.add('urgent');
    this.status = el('p', { className: 'status' });
    this.status.setAttribute('role', 'status');
    this.warning = el('div');
    this.holdRow = el('div', { className: 'row' });
    this.renderHold(ttlMinutes);
    this.copyButton = button(t('copyKey'), () => this.copy(), s);
    this.panel.box.append(
      el('h2', {}, t('reminderTitle')),
      el('p', {}, t('reminderBody')),
      el('div', { className: 'row' }, this.copyButton),
      this.holdRow,
      this.warning,
      this.status,
    );
    for (const type of ['pointerdown', 'mousedown', 'click'] as const) {
      window.addEventListener(type, (e) => this.onPointer(e), { capture: true, signal: s });
    }
    window.addEventListener('keydown', (e) => this.onKey(e), { capture: true, signal: s });
    document.addEventListener('copy', () => this.onCopyEvent(), { capture: true, signal: s });
  }

  get isOpen(): boolean {
    return !this.own.signal.aborted;
  }

  close(): void {
    this.secret = null;
    this.own.abort();
  }

  private renderHold(ttlMinutes: number): void {
    const s = this.own.signal;
    this.holdRow.replaceChildren(
      button(t('handKey'), () => this.hold(), s, { className: 'secondary' }),
      el('span', { className: 'note' }, t('handKeyNote', String(ttlMinutes))),
    );
  }

  private markCopied(): void {
    if (!this.copied && this.secret) void send({ type: 'key/copied', keyLast4: this.secret.slice(-4) });
    this.copied = true;
    this.panel.box.classList.remove('urgent');
    this.warning.replaceChildren();
    this.status.textContent = t('keyCopied');
  }

  private async copy(): Promise<void> {
    if (!this.secret) return;
    try {
      await navigator.clipboard.writeText(this.secret);
      this.markCopied();
    } catch {
      this.status.textContent = t('keyCopyFailed');
    }
  }

  private async hold(): Promise<void> {
    if (!this.secret) return;
    const answer = await send<{ heldUntil?: number }>({ type: 'key/hold', secret: this.secret });
    if (!answer?.heldUntil) {
      this.status.textContent = t('commandFailed');
      return;
    }
    const until = new Date(answer.heldUntil).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    this.holdRow.replaceChildren(
      el('span', {}, t('keyHeldUntil', until)),
      button(
        t('forgetKey'),
        async () => {
          await send({ type: 'key/forget' });
          this.status.textContent = t('keyForgotten');
          this.renderHold(0);
        },
        this.own.signal,
        { className: 'secondary' },
      ),
    );
    this.status.textContent = t('keyHeld');
  }

  /** Stop one close of the site's dialog, and say why. `retry` redoes it if the admin insists. */
  private intercept(e: Event, retry: (() => void) | null): void {
    e.preventDefault();
    e.stopImmediatePropagation();
    this.warned = true;
    const alert = el('p', { className: 'warn' }, t('notCopiedWarning'));
    alert.setAttribute('role', 'alert');
    const s = this.own.signal;
    this.warning.replaceChildren(
      alert,
      el(
        'div',
        { className: 'row' },
        button(
          t('closeAnyway'),
          () => {
            this.warning.replaceChildren();
            retry?.();
          },
          s,
          { className: 'secondary' },
        ),
      ),
    );
    this.copyButton.focus();
  }

  private onPointer(e: Event): void {
    if (!e.isTrusted || e.composedPath().includes(this.panel.host)) return;
    const target = e.target instanceof Element ? e.target : null;
    if (!target) return;
    const inside = this.container.contains(target);
    if (inside) {
      const b = target.closest('button, [role="button"], a');
      if (!b || e.type !== 'click') return;
      const name = nameOf(b);
      if (COPY_BUTTON.test(name)) this.markCopied();
      else if (CLOSE_BUTTON.test(name) && !this.copied && !this.warned) {
        this.intercept(e, () => (b as HTMLElement).click());
      }
      return;
    }
    if (this.copied) return;
    // A click outside a modal dialog usually closes it: stop the first one (its whole gesture).
    if (e.type === 'pointerdown' && !this.warned) {
      this.swallowClick = true;
      this.intercept(e, null);
    } else if (this.swallowClick) {
      e.preventDefault();
      e.stopImmediatePropagation();
      if (e.type === 'click') this.swallowClick = false;
    }
  }

  private onKey(e: KeyboardEvent): void {
    if (!e.isTrusted || e.key !== 'Escape' || this.copied || this.warned) return;
    if (e.composedPath().includes(this.panel.host)) return;
    const target = document.activeElement ?? document.body;
    this.intercept(e, () =>
      target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
    );
  }

  private onCopyEvent(): void {
    const secret = this.secret;
    if (!secret) return;
    const selected = document.getSelection()?.toString() ?? '';
    const active = document.activeElement as HTMLInputElement | null;
    const inField =
      active && typeof active.value === 'string' && typeof active.selectionStart === 'number'
        ? active.value.slice(active.selectionStart, active.selectionEnd ?? active.selectionStart)
        : '';
    if (selected.includes(secret) || inField.includes(secret)) this.markCopied();
  }
}
