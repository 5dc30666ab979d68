/**
 * platform.openai.com and admin.openai.com key pages: a side note while the create form is open,
 * a reminder when the one-time secret is shown, and what the support e-mail needs (never the secret
 * itself, unless the admin hands it over).
 */
import { readKeyDialog } from '../core/readers/key-dialog';
import { labelledPairs } from '../core/readers/key-facts';
import { findKeyRow } from '../core/readers/keys-list';
import { readOrgPicker } from '../core/readers/org-picker';
import { isKeyPageUrl, keySiteOf, WORKSPACE_PICKER_LABEL } from '../core/sites/openai';
import { type NotedKey, Reminder } from './reminder';
import { alive, ext, followPage, onPageVisits, send } from './runtime';

let openReminder: Reminder | null = null;

async function visitKeyPage(signal: AbortSignal): Promise<void> {
  const site = keySiteOf(location.href);
  if (!site) return;
  let reminder: Reminder | null = null;
  let shownSecret: string | null = null;
  let awaitingCreatedBy: { last4: string; name?: string } | null = null;

  const read = () => {
    const root = document.body ?? document.documentElement;
    const shown = readKeyDialog(root);
    if (shown.secretShown && shown.secret && shown.container) {
      if (shown.secret !== shownSecret) {
        shownSecret = shown.secret;
        reminder?.close();
        const last4 = shown.keyLast4 as string;
        const organization = readOrgPicker(root);
        const secret = shown.secret;
        const container = shown.container;
        // an Admin key's view also tells its expiry, permissions and workspace (the background reads
        // them from the view's label/value pairs), or the page's workspace picker does
        const admin = site === 'admin-console';
        const workspaceName = admin ? readOrgPicker(root, WORKSPACE_PICKER_LABEL) : null;
        // the background adds what the create form showed (noted by the key-form script)
        void send<Partial<NotedKey> & { keyName?: string }>({
          type: 'key/captured',
          keyLast4: last4,
          site,
          ...(shown.keyName ? { keyName: shown.keyName } : {}),
          ...(organization ? { organization } : {}),
          ...(admin ? { facts: labelledPairs(container) } : {}),
          ...(workspaceName ? { workspaceName } : {}),
        }).then((answer) => {
          const name = answer?.keyName ?? shown.keyName ?? undefined;
          awaitingCreatedBy = { last4, ...(name ? { name } : {}) };
          if (signal.aborted || shownSecret !== secret) return;
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
          );
          openReminder = reminder;
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
    if (awaitingCreatedBy) {
      const row = findKeyRow(root, awaitingCreatedBy);
      if (row) {
        void send({ type: 'key/created-by', keyLast4: awaitingCreatedBy.last4, ...row });
        awaitingCreatedBy = null;
      }
    }
  };

  await followPage(signal, read);
  // the page moved on: the reminder goes (assigned in callbacks: TypeScript cannot see it); the
  // extension went away: it stays, and says so (see Reminder)
  if (alive()) (reminder as Reminder | null)?.close();
}

onPageVisits(isKeyPageUrl, (signal) => {
  void visitKeyPage(signal);
});

// the background forgot the key (handed over, forgotten in the popup, expired): the reminder says so
ext.runtime.onMessage.addListener(((message: unknown, sender: { id?: string; tab?: unknown }) => {
  if (sender.id !== ext.runtime.id || sender.tab) return false; // the background only
  if ((message as { type?: unknown } | null)?.type === 'key/forgotten') openReminder?.keyForgotten();
  return false;
}) as unknown as Parameters<typeof ext.runtime.onMessage.addListener>[0]);
