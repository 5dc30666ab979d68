/**
 * Reading the stored state, for the background and the popup alike (the background stays its only
 * writer). storage.local holds it in pieces: `onboarding` (version, current workspace, draft,
 * platform organisation, settings) and one `ws:<Workspace ID>` entry per record; storage.session
 * holds the secret, the pending hand-off and the reset notice. Chrome lets every extension page read
 * storage.session: only the background reads the secret, and the popup's own read asks for the
 * hand-off and the notice by name (src/ui/api.ts `snapshot`, test/unit/popup-reads.test.ts).
 */
import { effectiveSettings, type Managed, managedFields } from './managed';
import { migrate, STATE_KEY, type State, type StateView } from './state';

export const RECORD_PREFIX = 'ws:';
export const SECRET_KEY = 'secret';
export const HANDOFF_KEY = 'handoff';
export const NOTICE_KEY = 'notice';

/** The state as storage.local entries: the index and one entry per record. */
export function pieces(state: State): Record<string, unknown> {
  const { records, ...index } = state;
  const out: Record<string, unknown> = { [STATE_KEY]: index };
  for (const [id, rec] of Object.entries(records)) out[RECORD_PREFIX + id] = rec;
  return out;
}

/** The stored state as one value, whatever the layout (pieces, or the older single entry). */
export function assemble(all: Record<string, unknown>): unknown {
  const index = all[STATE_KEY];
  const pieceKeys = Object.keys(all).filter((k) => k.startsWith(RECORD_PREFIX));
  if (index === undefined && pieceKeys.length === 0) return undefined;
  if (!index || typeof index !== 'object' || Array.isArray(index)) return index ?? {};
  const i = index as Record<string, unknown>;
  if ('records' in i && (typeof i.records !== 'object' || i.records === null)) return i; // corrupt
  const records: Record<string, unknown> = { ...((i.records as Record<string, unknown>) ?? {}) };
  for (const k of pieceKeys) records[k.slice(RECORD_PREFIX.length)] = all[k];
  return { ...i, records };
}

export interface StoredRead {
  state: State;
  /** Some of what was stored could not be read and was dropped (`lost` says how much). */
  reset: boolean;
  lost: number | 'all';
  /** Storage must be written anew (repaired, or the older single-entry layout). */
  rewrite: boolean;
  /** Stored by a newer version (a rollback): nothing may be written over it. */
  newer?: number;
}

/** Everything storage.local holds → the state, checked field by field (see `migrate`). */
export function readStored(all: Record<string, unknown>): StoredRead {
  const { state, reset, lost, newer } = migrate(assemble(all));
  if (newer !== undefined) return { state, reset: false, lost: 0, rewrite: false, newer };
  const index = all[STATE_KEY];
  const older = !!index && typeof index === 'object' && 'records' in index;
  return { state, reset, lost, rewrite: reset || older };
}

export function noticeOf(raw: unknown): StateView['notice'] {
  if (!raw || typeof raw !== 'object') return null;
  const { kind, version } = raw as { kind?: unknown; version?: unknown };
  if (kind === 'state-newer')
    return typeof version === 'number' && Number.isInteger(version) ? { kind, version } : null;
  const lost = (raw as { lost?: unknown }).lost;
  return lost === 'all' || (typeof lost === 'number' && lost > 0) ? { kind: 'state-reset', lost } : null;
}

/** A hand-off as storage.session keeps it (only what the pages are shown of it is read here). */
export interface HandoffSeen {
  status: 'pending' | 'sent' | 'filled';
  requestedAt: number;
  sentAt?: number;
}

export interface ViewParts {
  state: State;
  managed: Managed;
  /** Until when the secret is held (null: none, or expired). */
  secretHeldUntil: number | null;
  /** Its last 4 characters (null: none held). */
  secretHeldLast4?: string | null;
  handoff: HandoffSeen | null | undefined;
  notice: unknown;
}

/** What the pages are shown: the settings in force, never the secret. */
export function viewOf({
  state,
  managed,
  secretHeldUntil,
  secretHeldLast4 = null,
  handoff,
  notice,
}: ViewParts): StateView {
  return {
    // the pages see the settings in force, and which of them the organisation fixed
    state: { ...state, settings: effectiveSettings(state.settings, managed) },
    managed: { fields: managedFields(managed), locked: managed.locked },
    secretHeldUntil,
    secretHeldLast4: secretHeldUntil ? secretHeldLast4 : null,
    lastHandoff: handoff
      ? {
          status: handoff.status,
          at: handoff.requestedAt,
          ...(handoff.sentAt ? { sentAt: handoff.sentAt } : {}),
        }
      : null,
    notice: noticeOf(notice),
  };
}

/**
 * The view from a snapshot of storage, without the background: only when it can be had without
 * the secret and without a write. Undefined when a key is held (its expiry is the background's to
 * read) or the stored state needs repairing (the background's to write): then ask the background.
 */
export function snapshotView(
  local: Record<string, unknown>,
  sessionKeys: readonly string[],
  session: Record<string, unknown>,
  managed: Managed,
): StateView | undefined {
  if (sessionKeys.includes(SECRET_KEY)) return undefined;
  const read = readStored(local);
  // storage to repair, or a newer version's (the background then works in memory): ask it
  if (read.rewrite || read.newer !== undefined) return undefined;
  return viewOf({
    state: read.state,
    managed,
    secretHeldUntil: null,
    handoff: session[HANDOFF_KEY] as HandoffSeen | undefined,
    notice: session[NOTICE_KEY],
  });
}
