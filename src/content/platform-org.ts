/**
 * platform.openai.com organisation settings: read the API platform's Organization ID, and warn when
 * it differs from the one in ChatGPT admin settings (a documented cause of failed connections).
 */
import { foundValue, readPlatformOrg } from '../core/readers/workspace-ids';
import { isPlatformOrgUrl } from '../core/sites/openai';
import { watchDom } from '../core/watch';
import { onPageVisits, send, t } from './runtime';
import { el, mountPanel } from './ui';

/** platform.openai.com organisation settings: read the platform's Organization ID, warn on a mismatch. */
async function visitOrgPage(signal: AbortSignal): Promise<void> {
  const outcome = await watchDom({
    root: document.body ?? document.documentElement,
    signal,
    timeoutMs: 15_000,
    minIntervalMs: 250,
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

onPageVisits(isPlatformOrgUrl, (signal) => {
  void visitOrgPage(signal);
});
