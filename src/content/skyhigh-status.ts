/**
 * Skyhigh's own word on the instance handed over: on every console page of the configured host, once
 * the background names the instance to look for (its Workspace ID and instance name: never the key),
 * the page is read for that instance's status (core/readers/skyhigh-status.ts) and each new one is
 * reported. One visit per page address; nothing is shown on the page.
 */
import { readInstanceStatus, type SeenStatus } from '../core/readers/skyhigh-status';
import { mayFill } from '../core/sites/skyhigh';
import { watchDom } from '../core/watch';
import { onPageVisits, send } from './runtime';

type Watch = { workspaceId: string; instanceName?: string } | null;

async function visit(signal: AbortSignal): Promise<void> {
  const answer = await send<{ watch: Watch }>({ type: 'skyhigh/watch' });
  const watch = answer?.watch;
  if (!watch || signal.aborted) return;
  let last = '';
  await watchDom({
    root: document.documentElement,
    signal,
    timeoutMs: 10 * 60_000,
    minIntervalMs: 500,
    read: () => {
      const seen: SeenStatus | null = readInstanceStatus(document, watch);
      const said = seen ? `${seen.status} ${seen.words}` : '';
      if (seen && said !== last) {
        last = said;
        void send({ type: 'skyhigh/status', workspaceId: watch.workspaceId, ...seen });
      }
      return undefined; // keep watching: the status may change while the page is open
    },
  });
}

/** The console app's pages (the exact host is checked by the background, which answers only its console). */
export function watchInstanceStatus(): void {
  onPageVisits(
    (url) => mayFill(url, new URL(url).hostname),
    (signal) => void visit(signal),
  );
}
