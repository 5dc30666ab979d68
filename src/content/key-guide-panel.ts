/**
 * The side note beside the create-key form: what Skyhigh documents (or, for an Admin key in the
 * Admin Console, what the self-serve path needs), and what in the form differs (flags worked out by
 * the background: core/guide.ts).
 */
import type { GuideFlag } from '../core/guide';
import type { MessageKey } from '../core/message-keys';
import { t } from './runtime';
import { el, mountPanel } from './ui';

export class KeyGuide {
  readonly own = new AbortController();
  private flags: HTMLElement;
  private last = '';

  constructor(
    signal: AbortSignal,
    readonly container: Element,
    admin: boolean,
  ) {
    signal.addEventListener('abort', () => this.own.abort(), { signal: this.own.signal });
    const { box } = mountPanel(this.own.signal, t('guideRegion'), container);
    this.flags = el('div');
    const items: MessageKey[] = admin
      ? ['guideAdminWorkspace', 'guideAdminName', 'guideAdminExpiry', 'guideAdminPermissions']
      : ['guideOwnedBy', 'guideName', 'guideProject', 'guidePermissions'];
    box.append(
      el('h2', {}, t(admin ? 'guideAdminTitle' : 'guideTitle')),
      el('ul', {}, ...items.map((k) => el('li', {}, t(k)))),
      el('p', { className: 'warn' }, t(admin ? 'guideAdminOwner' : 'guideDedicated')),
      this.flags,
    );
  }

  update(flags: GuideFlag[]): void {
    const key = JSON.stringify(flags);
    if (key === this.last) return;
    this.last = key;
    this.flags.replaceChildren(
      ...flags.map((f) => {
        const p = el('p', { className: 'warn' }, t(f.key, f.subs));
        p.setAttribute('role', 'alert');
        return p;
      }),
    );
  }

  close(): void {
    this.own.abort();
  }
}
