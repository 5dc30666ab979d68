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

/** Worth a new read? Only changes that bring an ID-like value, a label, or a value-carrying attribute. */
const HINT = /[0-9a-f]{8}-[0-9a-f]{4}|org-[a-z0-9]{4}|\bid\b|kennung|identifi|…/i;
const VALUE_ATTRS = new Set([
  'title',
  'aria-label',
  'value',
  'data-value',
  'data-clipboard-text',
  'data-copy',
  'hidden',
  'aria-hidden',
  'style',
]);

const VALUE_CARRIER = 'input, [title], [aria-label], [data-value]';

/** A value may hide in an input or an attribute; only a node with children needs a query. */
const mayCarryValue = (el: Element): boolean =>
  el.matches(VALUE_CARRIER) || (el.firstElementChild !== null && el.querySelector(VALUE_CARRIER) !== null);

export function idsMutationRelevant(records: MutationRecord[]): boolean {
  for (const r of records) {
    if (r.type === 'attributes') {
      if (r.attributeName && (VALUE_ATTRS.has(r.attributeName) || r.attributeName.startsWith('data-')))
        return true;
      continue;
    }
    if (r.type === 'characterData') {
      if (HINT.test(r.target.textContent ?? '')) return true;
      continue;
    }
    // added nodes may bring a value; removed ones may take away a competing one
    for (const list of [r.addedNodes, r.removedNodes]) {
      for (const n of list) {
        if (HINT.test((n.textContent ?? '').slice(0, 200_000))) return true;
        if (n.nodeType === 1 && mayCarryValue(n as Element)) return true;
      }
    }
  }
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
    // the settings page can be a busy single-page app: pause between reads rather than sift records
    minIntervalMs: 250,
    pauseWhileBusy: true,
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
