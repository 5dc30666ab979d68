/**
 * platform.openai.com and admin.openai.com key pages: a side note while the create form is open,
 * a reminder when the one-time secret is shown, and what the support e-mail needs (never the secret
 * itself, unless the admin hands it over). On the platform's organisation page: its Organization ID.
 */
import { idsMutationRelevant } from '../core/ids-visit';
import { type CreateFormInfo, findCreateForm, readCreateForm } from '../core/readers/create-form';
import { readKeyDialog } from '../core/readers/key-dialog';
import { findCreatedBy } from '../core/readers/keys-list';
import { readOrgPicker } from '../core/readers/org-picker';
import { foundValue, readPlatformOrg } from '../core/readers/workspace-ids';
import { isKeyPageUrl, isPlatformOrgUrl, keySiteOf } from '../core/sites/openai';
import { watchDom } from '../core/watch';
import { KeyGuide } from './key-guide';
import { Reminder } from './reminder';
import { onPageVisits, send, t } from './runtime';
import { el, mountPanel } from './ui';

const WATCH_MS = 60 * 60_000;

async function visitKeyPage(signal: AbortSignal): Promise<void> {
  const site = keySiteOf(location.href);
  if (!site) return;
  let guide: KeyGuide | null = null;
  let formInfo: Omit<CreateFormInfo, 'container'> = {};
  let reminder: Reminder | null = null;
  let shownSecret: string | null = null;
  let awaitingCreatedBy: { last4: string; name?: string } | null = null;

  const read = () => {
    const root = document.body ?? document.documentElement;
    const shown = readKeyDialog(root);
    if (shown.secretShown && shown.secret && shown.container) {
      if (shown.secret !== shownSecret) {
        shownSecret = shown.secret;
        guide?.close();
        guide = null;
        reminder?.close();
        const last4 = shown.keyLast4 as string;
        const name = shown.keyName ?? formInfo.name;
        awaitingCreatedBy = { last4, ...(name ? { name } : {}) };
        const organization = readOrgPicker(root);
        const secret = shown.secret;
        const container = shown.container;
        void send<{ keyTtlMinutes?: number }>({
          type: 'key/captured',
          keyLast4: last4,
          site,
          ...(name ? { keyName: name } : {}),
          ...(formInfo.ownerType ? { ownerType: formInfo.ownerType } : {}),
          ...(formInfo.project ? { project: formInfo.project } : {}),
          ...(formInfo.permissions ? { permissions: formInfo.permissions } : {}),
          ...(organization ? { organization } : {}),
        }).then((answer) => {
          if (signal.aborted || shownSecret !== secret) return;
          reminder = new Reminder(signal, secret, container, answer?.keyTtlMinutes ?? 30);
        });
      }
      return;
    }
    if (shownSecret) {
      // the secret view is gone: forget the secret here, then look for the key's row in the list
      shownSecret = null;
      reminder?.close();
      reminder = null;
    }
    const form = findCreateForm(root);
    if (form) {
      const { container: _c, ...info } = readCreateForm(form);
      formInfo = info;
      if (!guide || guide.container !== form) {
        guide?.close();
        guide = new KeyGuide(signal, form);
      }
      guide.update(info);
    } else if (guide) {
      guide.close();
      guide = null;
    }
    if (awaitingCreatedBy) {
      const createdBy = findCreatedBy(root, awaitingCreatedBy);
      if (createdBy) {
        void send({ type: 'key/created-by', keyLast4: awaitingCreatedBy.last4, createdBy });
        awaitingCreatedBy = null;
      }
    }
  };

  // Typing a name or choosing an option changes no markup: read on those events too.
  let scheduled = false;
  const soon = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      if (!signal.aborted) read();
    }, 50);
  };
  // The form can be submitted right after typing (paste, then Enter): note its values at once, and
  // again on the click or key that submits it, before the page's own handlers replace it.
  const noteForm = () => {
    const form = findCreateForm(document.body ?? document.documentElement);
    if (!form) return;
    const { container: _c, ...info } = readCreateForm(form);
    formInfo = info;
  };
  for (const type of ['input', 'change'] as const) {
    document.addEventListener(
      type,
      () => {
        noteForm();
        soon();
      },
      { capture: true, signal },
    );
  }
  for (const type of ['pointerdown', 'click', 'keydown'] as const) {
    window.addEventListener(type, noteForm, { capture: true, signal });
  }

  await watchDom({
    root: document.documentElement,
    signal,
    timeoutMs: WATCH_MS,
    minIntervalMs: 50,
    read: () => {
      read();
      return undefined;
    },
  });
  // (assigned in callbacks: TypeScript cannot see it)
  (reminder as Reminder | null)?.close();
  (guide as KeyGuide | null)?.close();
}

/** platform.openai.com organisation settings: read the platform's Organization ID, warn on a mismatch. */
async function visitOrgPage(signal: AbortSignal): Promise<void> {
  const outcome = await watchDom({
    root: document.body ?? document.documentElement,
    signal,
    timeoutMs: 15_000,
    minIntervalMs: 50,
    relevant: idsMutationRelevant,
    read: () => foundValue(readPlatformOrg(document.body ?? document.documentElement)) ?? undefined,
  });
  if (outcome.status !== 'done') return;
  const answer = await send<{ orgMismatch?: { chatgpt: string; platform: string } | null }>({
    type: 'platform/org-found',
    organizationId: outcome.value,
  });
  const mismatch = answer?.orgMismatch;
  if (!mismatch || signal.aborted) return;
  const { box } = mountPanel(signal, t('chipRegion'));
  box.classList.add('urgent');
  const warn = el('p', { className: 'warn' }, t('orgMismatch', [mismatch.platform, mismatch.chatgpt]));
  warn.setAttribute('role', 'alert');
  box.append(el('h2', {}, t('orgMismatchTitle')), warn);
}

onPageVisits(
  (url) => isKeyPageUrl(url) || isPlatformOrgUrl(url),
  (signal) => {
    void (isPlatformOrgUrl(location.href) ? visitOrgPage(signal) : visitKeyPage(signal));
  },
);
