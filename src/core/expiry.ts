/**
 * An Admin key's expiry: from 14 days before it, the badge and the checklist ask for a rotation;
 * on and after the day, the key has stopped working. Pure time arithmetic, tested with a fake clock.
 */
import type { KeyInfo, State } from './state';

const DAY_MS = 24 * 60 * 60_000;
/** How long before the expiry the reminder starts. */
export const ROTATE_NOTICE_MS = 14 * DAY_MS;

export type Rotation = { due: 'soon' | 'today' | 'expired'; expires: number } | null;

/**
 * Does this key need rotating now? `expires` is the start (UTC) of the day the page named: `soon`
 * from 14 days before it, `today` on that day (the key may stop at any hour), `expired` after it.
 */
export function rotationDue(key: Pick<KeyInfo, 'expires'> | undefined, now: number): Rotation {
  const expires = key?.expires;
  if (typeof expires !== 'number') return null;
  if (now >= expires + DAY_MS) return { due: 'expired', expires };
  if (now >= expires) return { due: 'today', expires };
  if (now >= expires - ROTATE_NOTICE_MS) return { due: 'soon', expires };
  return null;
}

/** The next moment the reminder changes (for an alarm that survives a restart), or null. */
export function nextRotationAlarm(key: Pick<KeyInfo, 'expires'> | undefined, now: number): number | null {
  const expires = key?.expires;
  if (typeof expires !== 'number') return null;
  if (now < expires - ROTATE_NOTICE_MS) return expires - ROTATE_NOTICE_MS;
  if (now < expires) return expires;
  if (now < expires + DAY_MS) return expires + DAY_MS;
  return null;
}

type Due = NonNullable<Rotation>;
const URGENCY: Record<Due['due'], number> = { expired: 0, today: 1, soon: 2 };

/** Is `a` more pressing than `b` (an expired key before one due today, before one due soon)? */
export const moreUrgent = (a: Due, b: Rotation): boolean => b === null || URGENCY[a.due] < URGENCY[b.due];

export interface OtherRotation {
  workspaceId: string;
  /** How to name the workspace: its ID (as the popup's switcher lists it), after its Admin Console name if known. */
  label: string;
  rotation: Due;
}

/**
 * The other workspaces whose key needs rotating now (not the current one: its checklist says so),
 * the most urgent first: expired, then today, then soon; the earlier expiry first among equals.
 */
export function otherRotationsDue(state: State, now: number): OtherRotation[] {
  const due: OtherRotation[] = [];
  for (const [workspaceId, record] of Object.entries(state.records)) {
    const rotation = workspaceId === state.current ? null : rotationDue(record.key, now);
    const name = record.key?.workspaceName;
    if (rotation) due.push({ workspaceId, label: name ? `${name} (${workspaceId})` : workspaceId, rotation });
  }
  return due.sort(
    (a, b) => URGENCY[a.rotation.due] - URGENCY[b.rotation.due] || a.rotation.expires - b.rotation.expires,
  );
}

/** The next moment the reminder of any key (each workspace's, the draft's) changes: one alarm for all. */
export function nextAlarmOfAll(state: State, now: number): number | null {
  const times = [state.draft.key, ...Object.values(state.records).map((r) => r.key)]
    .map((key) => nextRotationAlarm(key, now))
    .filter((t): t is number => t !== null);
  return times.length > 0 ? Math.min(...times) : null;
}

/** A date for a reminder, in the browser's language (`dateStyle: medium`), in UTC: the day the page showed. */
export const expiryDate = (ms: number): string =>
  new Date(ms).toLocaleDateString([], { dateStyle: 'medium', timeZone: 'UTC' });
