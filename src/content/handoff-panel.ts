/**
 * The floating panel on the Skyhigh console during a hand-off: every value with its own copy button,
 * and which fields could not be placed. The fallback that always works.
 */
import type { HandoffValues } from '../core/readers/skyhigh-form';
import { HANDOFF_FIELDS, type HandoffField } from '../core/sites/skyhigh';
import { t } from './runtime';
import { button, el, mountPanel } from './ui';

const mask = (f: HandoffField, v: string) => (f === 'apiKey' ? `${v.slice(0, 8)}…${v.slice(-4)}` : v);

export class HandoffPanel {
  private own = new AbortController();
  private list: HTMLElement;
  private status: HTMLElement;
  private heading: HTMLElement;

  constructor(
    signal: AbortSignal,
    private values: HandoffValues,
  ) {
    signal.addEventListener('abort', () => this.close(), { signal: this.own.signal });
    const { box } = mountPanel(this.own.signal, t('handoffRegion'));
    this.heading = el('h2', {}, t('handoffPanelWaiting'));
    this.list = el('dl');
    this.status = el('p', { className: 'status' });
    this.status.setAttribute('role', 'status');
    box.append(
      this.heading,
      this.list,
      el(
        'div',
        { className: 'row' },
        button(t('handoffDone'), () => this.close(), this.own.signal, { className: 'secondary' }),
      ),
      this.status,
    );
    this.render(null);
  }

  /** After the fill: which fields were placed (null while the form is awaited). */
  render(filled: HandoffField[] | null): void {
    if (filled) this.heading.textContent = t('handoffPanelFilled');
    this.list.replaceChildren();
    for (const f of HANDOFF_FIELDS) {
      const v = this.values[f];
      if (!v) continue;
      const state = filled === null ? '' : filled.includes(f) ? t('handoffPlaced') : t('handoffNotPlaced');
      this.list.append(
        el('dt', {}, t(`field_${f}`)),
        el(
          'dd',
          {},
          el('span', { className: 'mono' }, mask(f, v)),
          ' ',
          el('span', { className: filled && !filled.includes(f) ? 'warn' : 'note' }, state),
          ' ',
          button(
            t('copy'),
            async () => {
              try {
                await navigator.clipboard.writeText(v);
                this.status.textContent = t('valueCopied', t(`field_${f}`));
              } catch {
                this.status.textContent = t('keyCopyFailed');
              }
            },
            this.own.signal,
            { className: 'secondary', 'aria-label': t('copyField', t(`field_${f}`)) },
          ),
        ),
      );
    }
  }

  close(): void {
    this.values = {};
    this.own.abort();
  }
}
