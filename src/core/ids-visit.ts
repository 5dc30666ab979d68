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

/**
 * Shapes looser than the readers' (no look-arounds, the shortest Organization ID), so that text run
 * together from several nodes still matches: whatever the reader could find, these find too.
 */
const ID_SHAPES = [/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i, /org-[a-z0-9]{12}/i];
const shaped = (text: string) => ID_SHAPES.some((re) => re.test(text));

/**
 * A cheap look before the full read: does anything under `root` (its text run together, its markup
 * with every attribute, the values of its form fields) hold an ID-shaped string? Without one the
 * reader cannot find a value, so there is no need to run it.
 */
export function mayHoldIds(root: Element): boolean {
  if (shaped(root.textContent ?? '') || shaped(root.outerHTML)) return true;
  for (const field of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'))
    if (shaped(field.value)) return true;
  return false;
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
      // nothing ID-shaped: nothing to find, and what the page lacks is read once it settles
      latest = mayHoldIds(root) ? readWorkspaceIds(root) : null;
      if (latest?.workspaceId.status === 'found' && latest.organizationId.status === 'found') return latest;
      clearTimeout(settle);
      settle = setTimeout(() => {
        if (signal.aborted) return;
        latest ??= readWorkspaceIds(root);
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
