/**
 * The reminder beside a one-time secret: copy it now, hand it to Skyhigh CASB if you like, and why
 * a close of the site's dialog was stopped (the visit, core/key-visit.ts, decides when: copied? first
 * close?).
 */
import { last4 } from '../core/formats';
import type { KeySite } from '../core/sites/openai';
import { ClipboardGuard } from './clipboard';
import { alive, send, t } from './runtime';
import { button, el, mountPanel, type Panel, pageChanges } from './ui';

/** A click on "Hand this key…" this soon after the page changed is asked again. */
const SETTLE_MS = 1000;

/** What the background said when the key was noted. */
export interface NotedKey {
  keyTtlMinutes: number;
  clipboardClearSeconds: number;
  /** The last 4 of a key already copied or handed over, which this one would replace. */
  conflict?: string;
}

export class Reminder {
  readonly own = new AbortController();
  private panel: Panel;
  private status: HTMLElement;
  private warning: HTMLElement;
  private holdRow: HTMLElement;
  private copyButton: HTMLButtonElement;
  private clipboard: ClipboardGuard;
  private changes: { msSinceChange: () => number };
  private expiry: ReturnType<typeof setTimeout> | undefined;
  private ttlMinutes: number;
  private clearSeconds: number;
  private watch: ReturnType<typeof setInterval> | undefined;
  /** What the panel may still say once the extension is gone, and with it its i18n API. */
  private readonly goneText = t('extensionUpdated');
  private readonly warnText = t('notCopiedWarning');

  constructor(
    signal: AbortSignal,
    private secret: string | null,
    readonly container: Element,
    noted: NotedKey,
    private site: KeySite,
    /** The reminder's Copy key wrote the key to the clipboard (the visit then calls `copied`). */
    private onCopied: () => void,
  ) {
    // the visit ends: the page moved on (close), or the extension went away under it (say so, and
    // keep what works without it: Copy key, from this page's own memory)
    signal.addEventListener('abort', () => (alive() ? this.close() : this.extensionGone()), {
      signal: this.own.signal,
    });
    const s = this.own.signal;
    this.ttlMinutes = noted.keyTtlMinutes;
    this.clearSeconds = noted.clipboardClearSeconds;
    this.panel = mountPanel(s, t('reminderRegion'), container);
    this.panel.box.classList.add('urgent');
    this.status = el('p', { className: 'status' });
    this.status.setAttribute('role', 'status');
    this.warning = el('div');
    this.holdRow = el('div', { className: 'row' });
    this.changes = pageChanges(s);
    this.clipboard = new ClipboardGuard(signal, () => {
      this.status.textContent = t('clipboardCleared');
    });
    if (noted.conflict) this.askReplace(noted.conflict);
    else this.renderHold();
    this.copyButton = button(t('copyKey'), () => this.copy(), s);
    this.panel.box.append(
      el('h2', {}, t('reminderTitle')),
      el('p', {}, t(site === 'admin-console' ? 'reminderBodyAdmin' : 'reminderBody')),
      el('div', { className: 'row' }, this.copyButton),
      this.holdRow,
      this.warning,
      this.status,
    );
    // the extension reloaded or updated under this page: say so, and offer only what still works
    this.watch = setInterval(() => {
      if (!alive()) this.extensionGone();
    }, 1000);
    s.addEventListener('abort', () => clearInterval(this.watch), { once: true });
  }

  /** The panel's host: events inside it are not the admin closing the site's view. */
  get host(): HTMLElement {
    return this.panel.host;
  }

  close(): void {
    clearTimeout(this.expiry);
    this.secret = null;
    this.own.abort();
  }

  /** The background forgot the key (handed over, forgotten in the popup, expired). */
  keyForgotten(): void {
    clearTimeout(this.expiry);
    void this.clipboard.clearNow();
    this.status.textContent = t('keyForgotten');
    this.renderHold();
  }

  private extensionGone(): void {
    if (this.panel.box.dataset.gone) return;
    this.panel.box.dataset.gone = 'true';
    clearTimeout(this.expiry);
    clearInterval(this.watch);
    const gone = el('p', { className: 'warn' }, this.goneText);
    gone.setAttribute('role', 'alert');
    this.holdRow.replaceChildren(gone);
    this.status.textContent = '';
  }

  private renderHold(): void {
    const s = this.own.signal;
    this.holdRow.replaceChildren(
      button(t('handKey'), () => this.hold(), s, { className: 'secondary' }),
      el('span', { className: 'note' }, t('handKeyNote', String(this.ttlMinutes))),
    );
  }

  /** This key would replace one already copied or handed over: only if the admin says so. */
  private askReplace(previous: string): void {
    const s = this.own.signal;
    const secret = this.secret;
    if (!secret) return;
    this.holdRow.replaceChildren(
      el('p', { className: 'warn' }, t('keyReplaceAsk', [previous, last4(secret)])),
      button(
        t('keyReplaceYes'),
        async () => {
          const answer = await send<{ ok?: boolean }>({
            type: 'key/captured',
            keyLast4: last4(secret),
            site: this.site,
            replace: true,
          });
          if (answer?.ok) this.renderHold();
          else this.status.textContent = t('commandFailed');
        },
        s,
        { className: 'secondary' },
      ),
    );
  }

  /** The key was copied (the site's Copy button, a copy of the selected key, or ours). */
  copied(): void {
    this.panel.box.classList.remove('urgent');
    this.warning.replaceChildren();
    this.status.textContent = t('keyCopied');
  }

  private async copy(): Promise<void> {
    if (!this.secret) return;
    try {
      await this.clipboard.copy(this.secret, this.clearSeconds);
      this.onCopied();
      if (this.clearSeconds > 0)
        this.status.textContent = `${t('keyCopied')} ${t('clipboardWillClear', String(this.clearSeconds))}`;
    } catch {
      this.status.textContent = t('keyCopyFailed');
    }
  }

  private async hold(confirmed = false): Promise<void> {
    if (!this.secret) return;
    // the page changed under the button a moment ago: the click may have been meant for what was
    // there before, so ask once more, in the panel
    if (!confirmed && this.changes.msSinceChange() < SETTLE_MS) {
      this.holdRow.replaceChildren(
        el('span', { className: 'warn' }, t('handKeyConfirm')),
        button(t('handKeyConfirmYes'), () => this.hold(true), this.own.signal),
        button(t('cancel'), () => this.renderHold(), this.own.signal, { className: 'secondary' }),
      );
      return;
    }
    const answer = await send<{ heldUntil?: number }>({ type: 'secret/hold', secret: this.secret });
    if (!answer?.heldUntil) {
      this.status.textContent = alive() ? t('commandFailed') : '';
      if (!alive()) this.extensionGone();
      return;
    }
    const until = new Date(answer.heldUntil).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    this.holdRow.replaceChildren(
      el('span', {}, t('keyHeldUntil', until)),
      button(
        t('forgetKey'),
        async () => {
          await send({ type: 'secret/forget' });
          this.keyForgotten();
        },
        this.own.signal,
        { className: 'secondary' },
      ),
    );
    this.status.textContent = t('keyHeld');
    // the claim ends when the key does
    clearTimeout(this.expiry);
    this.expiry = setTimeout(() => this.keyForgotten(), Math.max(0, answer.heldUntil - Date.now()));
  }

  /** A close of the site's dialog was stopped: say why. `retry` redoes it if the admin insists. */
  stopped(retry: (() => void) | null): void {
    const alert = el('p', { className: 'warn' }, this.warnText);
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
}
