/**
 * platform.openai.com and admin.openai.com, one script. On the key pages, one visit
 * (core/key-visit.ts) drives the create-form guide, the one-time secret's reminder and copy guard,
 * and CREATED BY from the keys list; on the platform's organisation settings, its Organization ID is
 * read and a mismatch with ChatGPT's is shown. Thin: the visit decides, the background remembers
 * (and works out the guide's flags). The secret never leaves this page unless the admin hands it over.
 */
import type { GuideFlag } from '../core/guide';
import { runKeyVisit, type ShownKey } from '../core/key-visit';
import type { Message } from '../core/protocol';
import { foundValue, readPlatformOrg } from '../core/readers/workspace-ids';
import { isKeyPageUrl, isPlatformOrgUrl, keySiteOf } from '../core/sites/openai';
import { watchDom } from '../core/watch';
import { KeyGuide } from './key-guide-panel';
import { type NotedKey, Reminder } from './reminder';
import { alive, ext, onPageVisits, send, t } from './runtime';
import { el, mountPanel } from './ui';

let openReminder: Reminder | null = null;

function visitKeyPage(signal: AbortSignal): void {
  const site = keySiteOf(location.href);
  if (!site) return;
  let guide: KeyGuide | null = null;
  let reminder: Reminder | null = null;
  let current: ShownKey | null = null;
  // the background hears this page in order: the form's choices before the key they belong to
  let queue: Promise<unknown> = Promise.resolve();
  const inOrder = <T>(m: Message): Promise<T | undefined> => {
    const sent = queue.then(() => send<T>(m));
    queue = sent;
    return sent;
  };
  // the extension went away under the page: the reminder stays, and so does its copy guard
  const guard = new AbortController();
  signal.addEventListener('abort', () => alive() && guard.abort(), { once: true });

  const visit = runKeyVisit(
    document,
    site,
    signal,
    {
      form: (form) => {
        guide?.close();
        guide = form ? new KeyGuide(signal, form, site === 'admin-console') : null;
      },
      // the background answers with what the guide flags (core/guide.ts)
      note: (info) =>
        void inOrder<{ flags?: GuideFlag[] }>({ type: 'key/form', ...info }).then((a) =>
          guide?.update(a?.flags ?? []),
        ),
      shown: (key) => {
        current = key;
        const { secret, container, ...noted } = key;
        // the background adds what the create form showed (sent before, in order)
        const answered = inOrder<Partial<NotedKey> & { keyName?: string }>({
          type: 'key/captured',
          site,
          ...noted,
        });
        void answered.then((answer) => {
          if (signal.aborted || current !== key) return;
          reminder = new Reminder(
            signal,
            secret,
            container,
            {
              keyTtlMinutes: answer?.keyTtlMinutes ?? 30,
              clipboardClearSeconds: answer?.clipboardClearSeconds ?? 60,
              ...(answer?.conflict ? { conflict: answer.conflict } : {}),
            },
            site,
            () => visit.copied(),
          );
          visit.ignore(reminder.host);
          openReminder = reminder;
        });
        return answered;
      },
      gone: () => {
        current = null;
        reminder?.close();
        reminder = null;
      },
      copied: (first) => {
        if (first && current) void inOrder({ type: 'key/copied', keyLast4: current.keyLast4 });
        reminder?.copied();
      },
      stopClose: (retry) => {
        reminder?.stopped(retry);
        return !!reminder;
      },
      row: (keyLast4, row) => void inOrder({ type: 'key/created-by', keyLast4, ...row }),
    },
    { guardSignal: guard.signal },
  );
}

/** The platform's organisation settings: its Organization ID, and a warning on a mismatch. */
async function visitOrgPage(signal: AbortSignal): Promise<void> {
  const root = document.body ?? document.documentElement;
  const outcome = await watchDom({
    root,
    signal,
    timeoutMs: 15_000,
    minIntervalMs: 250,
    read: () => foundValue(readPlatformOrg(root)) ?? undefined,
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

onPageVisits(isKeyPageUrl, visitKeyPage);
onPageVisits(isPlatformOrgUrl, (signal) => void visitOrgPage(signal));

// the background forgot the key (handed over, forgotten in the popup, expired): the reminder says so
ext.runtime.onMessage.addListener(((message: unknown, sender: { id?: string; tab?: unknown }) => {
  if (sender.id !== ext.runtime.id || sender.tab) return false; // the background only
  if ((message as { type?: unknown } | null)?.type === 'key/forgotten') openReminder?.keyForgotten();
  return false;
}) as unknown as Parameters<typeof ext.runtime.onMessage.addListener>[0]);
