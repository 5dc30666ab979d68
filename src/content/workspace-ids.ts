/**
 * chatgpt.com admin pages: on the settings page, read the Workspace ID and Organization ID, save
 * what is certain, and show the chip (saved, or what is missing with pick/paste).
 */

import type { IdField } from '../core/formats';
import { runIdsVisit } from '../core/ids-visit';
import { isSettingsUrl } from '../core/sites/chatgpt';
import { IdsChip, type Known, type Mismatch } from './ids-chip';
import { onPageVisits, send } from './runtime';

interface SaveAnswer {
  ok?: boolean;
  orgMismatch?: Mismatch;
}

async function saveIds(found: Known, how: 'read' | 'picked' | 'pasted'): Promise<Mismatch> {
  const answer = await send<SaveAnswer>({ type: 'ids/found', ...found, how });
  return answer?.orgMismatch ?? null;
}

async function visit(signal: AbortSignal): Promise<void> {
  let chip: IdsChip | null = null;
  let known: Known = {};
  let mismatch: Mismatch = null;
  let pending: Promise<unknown> = Promise.resolve();
  const root = document.body ?? document.documentElement;
  await runIdsVisit(root, signal, {
    save: (found) => {
      known = { ...found };
      pending = saveIds(found, 'read').then((m) => {
        mismatch = m;
      });
    },
    report: (result, phase) => {
      void pending.then(() => {
        if (signal.aborted) return;
        chip ??= new IdsChip(signal, {
          save: (field: IdField, value: string, how) =>
            saveIds({ [field]: value, ...otherKnown(field) }, how),
          forget: async (workspaceId) => {
            await send({ type: 'ids/forget', workspaceId });
            known = {};
          },
        });
        chip.update(result, phase, known, mismatch);
      });
    },
  });

  /** A picked or pasted value travels with the other one already known, so both land in one record. */
  function otherKnown(field: IdField): Known {
    const other: IdField = field === 'workspaceId' ? 'organizationId' : 'workspaceId';
    return known[other] ? { [other]: known[other] } : {};
  }
}

onPageVisits(isSettingsUrl, (signal) => {
  void visit(signal);
});
