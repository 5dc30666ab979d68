/**
 * One visit of the workspace settings page: read the IDs as they render, save what is certain,
 * and stop (observer, timers) on success, on giving up, or when the visit is aborted.
 */
import { readWorkspaceIds, type WorkspaceIdsResult } from './readers/workspace-ids';
import { watchDom } from './watch';

export type IdsPhase = 'done' | 'settled' | 'gave-up';

export interface IdsVisitHooks {
  /** Values that are certain now; called again only when they change. */
  save: (found: { workspaceId?: string; organizationId?: string }) => void;
  /** What the page shows, for the in-page chip: on success, when the page went quiet, on giving up. */
  report: (result: WorkspaceIdsResult, phase: IdsPhase) => void;
}

export interface IdsVisitOptions {
  giveUpMs?: number;
  /** After this long without a relevant change, what is certain is saved and what is not is reported. */
  settledMs?: number;
}

const foundOf = (r: WorkspaceIdsResult) => ({
  ...(r.workspaceId.status === 'found' ? { workspaceId: r.workspaceId.value } : {}),
  ...(r.organizationId.status === 'found' ? { organizationId: r.organizationId.value } : {}),
});

export async function runIdsVisit(
  root: Element,
  signal: AbortSignal,
  hooks: IdsVisitHooks,
  { giveUpMs = 15_000, settledMs = 2_000 }: IdsVisitOptions = {},
): Promise<IdsPhase | 'aborted'> {
  let saved = '';
  const save = (r: WorkspaceIdsResult) => {
    const found = foundOf(r);
    const key = JSON.stringify(found);
    if (key === '{}' || key === saved || signal.aborted) return;
    saved = key;
    hooks.save(found);
  };
  let latest: WorkspaceIdsResult | null = null;
  let settle: ReturnType<typeof setTimeout> | undefined;
  const outcome = await watchDom({
    root,
    signal,
    timeoutMs: giveUpMs,
    // the settings page can be a busy single-page app: at most four reads a second
    minIntervalMs: 250,
    read: () => {
      latest = readWorkspaceIds(root);
      if (latest.workspaceId.status === 'found' && latest.organizationId.status === 'found') return latest;
      clearTimeout(settle);
      settle = setTimeout(() => {
        if (signal.aborted || !latest) return;
        save(latest);
        hooks.report(latest, 'settled');
      }, settledMs);
      return undefined;
    },
  });
  clearTimeout(settle);
  if (outcome.status === 'aborted') return 'aborted';
  const final = outcome.status === 'done' ? outcome.value : (latest ?? readWorkspaceIds(root));
  save(final);
  const phase: IdsPhase = outcome.status === 'done' ? 'done' : 'gave-up';
  hooks.report(final, phase);
  return phase;
}
