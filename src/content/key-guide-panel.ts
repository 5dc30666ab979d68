/** The side note beside the create-key form: what Skyhigh documents, and what in the form differs. */
import { type CreateFormInfo, formFlags } from '../core/readers/create-form';
import { t } from './runtime';
import { el, mountPanel } from './ui';

export class KeyGuide {
  readonly own = new AbortController();
  private flags: HTMLElement;
  private last = '';

  constructor(
    signal: AbortSignal,
    readonly container: Element,
  ) {
    signal.addEventListener('abort', () => this.own.abort(), { signal: this.own.signal });
    const { box } = mountPanel(this.own.signal, t('guideRegion'), container);
    this.flags = el('div');
    const dedicated = el('p', { className: 'warn' }, t('guideDedicated'));
    box.append(
      el('h2', {}, t('guideTitle')),
      el(
        'ul',
        {},
        el('li', {}, t('guideOwnedBy')),
        el('li', {}, t('guideName')),
        el('li', {}, t('guideProject')),
        el('li', {}, t('guidePermissions')),
      ),
      dedicated,
      this.flags,
    );
  }

  update(info: Omit<CreateFormInfo, 'container'>): void {
    const flags = formFlags(info);
    const key = JSON.stringify([flags, info.project, info.permissions]);
    if (key === this.last) return;
    this.last = key;
    this.flags.replaceChildren(
      ...flags.map((f) => {
        const p = el(
          'p',
          { className: 'warn' },
          f === 'project-not-default'
            ? t('flagProject', info.project ?? '')
            : t('flagPermissions', info.permissions ?? ''),
        );
        p.setAttribute('role', 'alert');
        return p;
      }),
    );
  }

  close(): void {
    this.own.abort();
  }
}
