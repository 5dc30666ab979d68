/** chatgpt.com admin pages: read the Workspace ID and Organization ID on the settings page. */
import { type SettingsOutcome, settingsOutcome } from '../core/outcomes';
import { readWorkspaceIds } from '../core/readers/workspace-ids';
import { isSettingsUrl } from '../core/sites/chatgpt';
import { watchDom } from '../core/watch';
import { onPageVisits, send } from './runtime';

const GIVE_UP_MS = 15_000;
/** When the page has been quiet this long, what is certain so far is saved while watching goes on. */
const SETTLED_MS = 2_000;

async function visit(signal: AbortSignal): Promise<void> {
  let sent = '';
  const save = async (r: SettingsOutcome) => {
    const key = `${r.workspaceId}|${r.organizationId}`;
    if ((!r.workspaceId && !r.organizationId) || key === sent || signal.aborted) return;
    sent = key;
    await send({
      type: 'ids/found',
      ...(r.workspaceId ? { workspaceId: r.workspaceId } : {}),
      ...(r.organizationId ? { organizationId: r.organizationId } : {}),
    });
  };
  let latest: SettingsOutcome = { workspaceId: null, organizationId: null };
  let settle: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(settle), { once: true });
  const outcome = await watchDom({
    root: document.body ?? document.documentElement,
    signal,
    timeoutMs: GIVE_UP_MS,
    minIntervalMs: 50,
    read: () => {
      latest = settingsOutcome(readWorkspaceIds(document.body ?? document.documentElement));
      if (latest.workspaceId && latest.organizationId) return latest;
      clearTimeout(settle);
      settle = setTimeout(() => void save(latest), SETTLED_MS);
      return undefined;
    },
  });
  clearTimeout(settle);
  if (outcome.status === 'aborted') return;
  // Capture what is certain; a field that is missing or ambiguous is not sent at all.
  await save(outcome.status === 'done' ? outcome.value : latest);
}

onPageVisits(isSettingsUrl, (signal) => {
  void visit(signal);
});
