/**
 * platform.openai.com and admin.openai.com, one script: on the key pages, one visit (core/key-visit.ts)
 * drives the create-form guide, the one-time secret's reminder and copy guard, and CREATED BY from
 * the keys list; on the platform's organisation settings, its Organization ID is read and a mismatch
 * with ChatGPT's is shown. Thin: the visit decides, the background remembers (and works out the
 * guide's flags), and the UI (key-ui.ts) is injected by the background only when there is something
 * to show. Never the secret leaves this page, unless the admin hands it over.
 */
import type { GuideFlag } from '../core/guide';
import { runKeyVisit, type ShownKey } from '../core/key-visit';
import type { Message } from '../core/messages';
import { foundValue, readPlatformOrg } from '../core/readers/workspace-ids';
import { isKeyPageUrl, isPlatformOrgUrl, keySiteOf } from '../core/sites/openai';
import { watchDom } from '../core/watch';
import type { KeyGuide } from './key-guide-panel';
import { type KeyUi, keyUi } from './key-ui-slot';
import type { NotedKey, Reminder } from './reminder';
import { alive, onPageVisits, send } from './runtime';

let uiLoading: Promise<KeyUi | undefined> | null = null;

/** The UI file: asked of the background the first time there is something to show. */
function loadUi(): Promise<KeyUi | undefined> {
  const loaded = keyUi();
  if (loaded) return Promise.resolve(loaded);
  uiLoading ??= send({ type: 'key/ui' }).then(() => {
    uiLoading = null;
    return keyUi();
  });
  return uiLoading;
}

function visitKeyPage(signal: AbortSignal): void {
  const site = keySiteOf(location.href);
  if (!site) return;
  let guide: KeyGuide | null = null;
  let form: Element | null = null;
  let flags: GuideFlag[] = [];
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
      form: (found) => {
        guide?.close();
        guide = null;
        form = found;
        if (!found) return;
        void loadUi().then((ui) => {
          if (!ui || signal.aborted || form !== found) return;
          guide = new ui.KeyGuide(signal, found, site === 'admin-console');
          guide.update(flags);
          visit.read(); // the form's reader came with the UI
        });
      },
      // the background answers with what the guide flags (core/guide.ts)
      note: (info) =>
        void inOrder<{ flags?: GuideFlag[] }>({ type: 'key/form', ...info }).then((a) => {
          flags = a?.flags ?? [];
          guide?.update(flags);
        }),
      shown: (key) => {
        current = key;
        const { secret, container, ...noted } = key;
        // the background adds what the create form showed (noted just before, in order)
        const answered = inOrder<Partial<NotedKey> & { keyName?: string }>({
          type: 'key/captured',
          site,
          ...noted,
        });
        void Promise.all([answered, loadUi()]).then(([answer, ui]) => {
          visit.read(); // the list's reader came with the UI
          if (!ui || signal.aborted || current !== key) return;
          reminder = new ui.Reminder(
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
    { guardSignal: guard.signal, readers: keyUi },
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
  const ui = mismatch && (await loadUi());
  if (ui && mismatch && !signal.aborted) ui.orgMismatch(signal, mismatch);
}

onPageVisits(isKeyPageUrl, visitKeyPage);
onPageVisits(isPlatformOrgUrl, (signal) => void visitOrgPage(signal));
