/**
 * platform.openai.com and admin.openai.com key pages: notice the one-time secret, remind the admin
 * to copy it, and capture what the support e-mail needs (never the secret itself).
 */

import { idsMutationRelevant } from '../core/ids-visit';
import { readKeyDialog } from '../core/readers/key-dialog';
import { foundValue, readPlatformOrg } from '../core/readers/workspace-ids';
import { isKeyPageUrl, isPlatformOrgUrl } from '../core/sites/openai';
import { watchDom } from '../core/watch';
import { onPageVisits, send, t } from './runtime';
import { el, mountPanel } from './ui';

const WATCH_MS = 60 * 60_000;

const mayHoldKey = (records: MutationRecord[]) =>
  records.some((r) => r.type === 'attributes' || /sk-/.test(r.target.textContent?.slice(0, 100_000) ?? ''));

async function visit(signal: AbortSignal): Promise<void> {
  const outcome = await watchDom({
    root: document.body ?? document.documentElement,
    signal,
    timeoutMs: WATCH_MS,
    minIntervalMs: 50,
    relevant: mayHoldKey,
    read: () => {
      const r = readKeyDialog(document.body ?? document.documentElement);
      return r.secretShown && r.secret ? r : undefined;
    },
  });
  if (outcome.status !== 'done') return;
  const { secret, keyLast4, keyName } = outcome.value;
  if (!secret || !keyLast4) return;
  showReminder(signal, secret);
  await send({ type: 'key/captured', keyLast4, ...(keyName ? { keyName } : {}) });
}

function showReminder(signal: AbortSignal, secret: string): void {
  const { box } = mountPanel(signal, t('reminderRegion'));
  box.classList.add('urgent');
  const status = el('p', { role: 'status' });
  const copy = el('button', { type: 'button' }, t('copyKey'));
  copy.addEventListener(
    'click',
    async (event) => {
      if (!event.isTrusted) return;
      try {
        await navigator.clipboard.writeText(secret);
        status.textContent = t('keyCopied');
      } catch {
        status.textContent = t('keyCopyFailed');
      }
    },
    { signal },
  );
  box.append(el('h2', {}, t('reminderTitle')), el('p', {}, t('reminderBody')), copy, status);
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
    void (isPlatformOrgUrl(location.href) ? visitOrgPage(signal) : visit(signal));
  },
);
