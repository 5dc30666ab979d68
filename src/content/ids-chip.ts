/**
 * The chip on chatgpt.com/admin/settings: what was saved, what could not be read and why, and two
 * ways out for each missing value (pick it on the page, paste it). Keyboard-operable, labelled.
 */
import { canonicalId, type IdField, isIdOf } from '../core/formats';
import type { MessageKey } from '../core/message-keys';
import type { FieldResult } from '../core/readers/labelled';
import { candidatesOnPage, pickFromElement } from '../core/readers/pick';
import type { WorkspaceIdsResult } from '../core/readers/workspace-ids';
import { t } from './runtime';
import { button, el, mountPanel, type Panel, VALUES_STYLE } from './ui';

export type Known = Partial<Record<IdField, string>>;
export type Mismatch = { chatgpt: string; platform: string } | null;

export interface ChipActions {
  /** Save a value the admin picked or pasted; resolves with the current Organization ID mismatch. */
  save(field: IdField, value: string, how: 'picked' | 'pasted'): Promise<Mismatch>;
  forget(workspaceId: string): Promise<void>;
}

const FIELDS: IdField[] = ['workspaceId', 'organizationId'];
const LABEL: Record<IdField, MessageKey> = {
  workspaceId: 'workspaceIdLabel',
  organizationId: 'organizationIdLabel',
};

function why(r: FieldResult | undefined, phase: 'settled' | 'gave-up' | 'done'): string {
  if (!r || r.status === 'found') return '';
  if (r.status === 'ambiguous') return t('idAmbiguous');
  if (r.reason === 'truncated') return t('idTruncated');
  return phase === 'gave-up' ? t('idNotFound') : t('idNotFoundYet');
}

export class IdsChip {
  private panel: Panel;
  private known: Known = {};
  private result: WorkspaceIdsResult | null = null;
  private phase: 'settled' | 'gave-up' | 'done' = 'settled';
  private mismatch: Mismatch = null;
  private mode: { kind: 'list' } | { kind: 'pick' | 'paste'; field: IdField } = { kind: 'list' };
  private modeAbort: AbortController | null = null;
  private status: HTMLElement;
  private body: HTMLElement;

  constructor(
    private signal: AbortSignal,
    private actions: ChipActions,
  ) {
    this.panel = mountPanel(signal, t('chipRegion'), undefined, VALUES_STYLE);
    this.body = el('div');
    this.status = el('p', { className: 'status' });
    this.status.setAttribute('role', 'status');
    this.panel.box.append(this.body, this.status);
    signal.addEventListener('abort', () => this.modeAbort?.abort(), { once: true });
  }

  update(
    result: WorkspaceIdsResult,
    phase: 'settled' | 'gave-up' | 'done',
    known: Known,
    mismatch: Mismatch,
  ): void {
    this.result = result;
    this.phase = phase;
    this.known = { ...this.known, ...known };
    this.mismatch = mismatch;
    if (this.mode.kind === 'list') this.render();
  }

  private setMode(mode: IdsChip['mode'], focusAfter?: string): void {
    this.modeAbort?.abort();
    this.modeAbort = null;
    this.mode = mode;
    this.render();
    if (focusAfter) (this.panel.root.querySelector(focusAfter) as HTMLElement | null)?.focus();
  }

  private render(): void {
    const { body } = this;
    body.replaceChildren();
    if (this.mode.kind === 'pick') {
      this.renderPick(this.mode.field);
      return;
    }
    if (this.mode.kind === 'paste') {
      this.renderPaste(this.mode.field);
      return;
    }
    const complete = FIELDS.every((f) => this.known[f]);
    body.append(el('h2', {}, complete ? t('chipSavedTitle') : t('chipIncompleteTitle')));
    const list = el('dl');
    for (const f of FIELDS) {
      const value = this.known[f];
      list.append(
        el('dt', {}, t(LABEL[f])),
        el('dd', value ? { className: 'mono' } : {}, value ?? why(this.result?.[f], this.phase)),
      );
    }
    body.append(list);
    if (this.mismatch) {
      const warn = el(
        'p',
        { className: 'warn' },
        t('orgMismatch', [this.mismatch.platform, this.mismatch.chatgpt]),
      );
      warn.setAttribute('role', 'alert');
      body.append(warn);
    }
    for (const f of FIELDS) {
      if (this.known[f]) continue;
      const group = el('div', { className: 'row' });
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', t(LABEL[f]));
      group.append(
        button(t('pickOnPage'), () => this.setMode({ kind: 'pick', field: f }, 'button'), this.signal, {
          'data-action': `pick-${f}`,
        }),
        button(t('pasteIt'), () => this.setMode({ kind: 'paste', field: f }, 'input'), this.signal, {
          className: 'secondary',
          'data-action': `paste-${f}`,
        }),
      );
      body.append(group);
    }
    const ws = this.known.workspaceId;
    if (ws) {
      body.append(
        button(
          t('forget'),
          async () => {
            await this.actions.forget(ws);
            this.known = {};
            this.status.textContent = t('forgotten');
            this.render();
          },
          this.signal,
          { className: 'secondary' },
        ),
      );
    }
  }

  private async accept(field: IdField, value: string, how: 'picked' | 'pasted'): Promise<void> {
    this.mismatch = await this.actions.save(field, value, how);
    this.known[field] = value;
    this.status.textContent = t('idSaved', t(LABEL[field]));
    this.setMode({ kind: 'list' }, 'button');
  }

  private renderPick(field: IdField): void {
    const mode = new AbortController();
    this.modeAbort = mode;
    this.signal.addEventListener('abort', () => mode.abort(), { signal: mode.signal });
    const name = t(LABEL[field]);
    this.body.append(el('h2', {}, t('pickTitle', name)));
    const candidates = candidatesOnPage(document.body ?? document.documentElement, field);
    if (candidates.length > 0) {
      const list = el('div', { className: 'choices' });
      list.setAttribute('role', 'group');
      list.setAttribute('aria-label', t('pickChoices', name));
      for (const c of candidates) {
        const b = button(c.value, () => void this.accept(field, c.value, 'picked'), mode.signal, {
          className: 'secondary mono',
        });
        if (c.context) b.setAttribute('aria-description', c.context);
        if (c.context) b.title = c.context;
        list.append(b);
      }
      this.body.append(list);
    } else {
      this.body.append(el('p', {}, t('pickNoCandidates', name)));
    }
    this.body.append(
      button(t('cancel'), () => this.setMode({ kind: 'list' }, 'button'), mode.signal, {
        className: 'secondary',
      }),
    );
    // A click on the page picks the value under it (trusted clicks only, and never our own chip).
    document.addEventListener(
      'click',
      (event) => {
        if (!event.isTrusted || event.composedPath().includes(this.panel.host)) return;
        event.preventDefault();
        event.stopPropagation();
        const value = event.target instanceof Element ? pickFromElement(event.target, field) : null;
        if (value && isIdOf(field, value)) void this.accept(field, value, 'picked');
        else this.status.textContent = t('pickNotAValue', name);
      },
      { capture: true, signal: mode.signal },
    );
    this.panel.root.addEventListener(
      'keydown',
      (event) => {
        if ((event as KeyboardEvent).key === 'Escape') this.setMode({ kind: 'list' }, 'button');
      },
      { signal: mode.signal },
    );
  }

  private renderPaste(field: IdField): void {
    const mode = new AbortController();
    this.modeAbort = mode;
    const name = t(LABEL[field]);
    const input = el('input', { type: 'text', spellcheck: false, autocomplete: 'off' });
    input.setAttribute('aria-label', name);
    const error = el('p', { className: 'warn' });
    error.setAttribute('role', 'alert');
    const form = el('form');
    form.append(
      el('label', {}, t('pasteTitle', name), input),
      error,
      el('div', { className: 'row' }, el('button', { type: 'submit' }, t('save'))),
    );
    form.addEventListener(
      'submit',
      (event) => {
        event.preventDefault();
        const value = canonicalId(field, input.value.trim());
        if (isIdOf(field, value)) void this.accept(field, value, 'pasted');
        else error.textContent = t(field === 'workspaceId' ? 'invalidWorkspaceId' : 'invalidOrganizationId');
      },
      { signal: mode.signal },
    );
    form.addEventListener(
      'keydown',
      (event) => {
        if ((event as KeyboardEvent).key === 'Escape') this.setMode({ kind: 'list' }, 'button');
      },
      { signal: mode.signal },
    );
    this.body.append(
      form,
      button(t('cancel'), () => this.setMode({ kind: 'list' }, 'button'), mode.signal, {
        className: 'secondary',
      }),
    );
  }
}
