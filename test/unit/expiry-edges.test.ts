/**
 * An Admin key's expiry, at the edges: the reminder starts exactly 14 days before the day the page
 * named, says "today" from that day's first millisecond, and "expired" from the next day's; the
 * alarms fall on those same instants. A key that never expires, or whose expiry is unknown, never
 * asks for a rotation.
 */
import { describe, expect, it } from 'vitest';
import {
  expiryDate,
  moreUrgent,
  nextAlarmOfAll,
  nextRotationAlarm,
  otherRotationsDue,
  ROTATE_NOTICE_MS,
  rotationDue,
} from '../../src/core/expiry';
import { emptyState, type KeyInfo, type State } from '../../src/core/state';

const DAY = 24 * 60 * 60_000;
const EXPIRES = Date.UTC(2026, 11, 28);
const key = { expires: EXPIRES };

describe('the rotation reminder at its edges', () => {
  it('is 14 days long', () => {
    expect(ROTATE_NOTICE_MS).toBe(14 * DAY);
  });

  it.each([
    ['long before', EXPIRES - 90 * DAY, null],
    ['a millisecond before the 14 days', EXPIRES - ROTATE_NOTICE_MS - 1, null],
    ['the first millisecond of the 14 days', EXPIRES - ROTATE_NOTICE_MS, 'soon'],
    ['the day before', EXPIRES - DAY, 'soon'],
    ['a millisecond before the day', EXPIRES - 1, 'soon'],
    ['the first millisecond of the day', EXPIRES, 'today'],
    ['the last millisecond of the day', EXPIRES + DAY - 1, 'today'],
    ['the first millisecond after the day', EXPIRES + DAY, 'expired'],
    ['a year after', EXPIRES + 365 * DAY, 'expired'],
  ] as const)('%s: %s', (_, now, due) => {
    expect(rotationDue(key, now)).toEqual(due === null ? null : { due, expires: EXPIRES });
  });

  it.each([
    ['never expires', { expires: 'never' as const }],
    ['has no known expiry', {}],
    ['is unknown', undefined],
  ])('a key that %s: no reminder, ever, and no alarm', (_, k) => {
    for (const now of [0, EXPIRES - DAY, EXPIRES, EXPIRES + DAY, EXPIRES * 2]) {
      expect(rotationDue(k, now)).toBeNull();
      expect(nextRotationAlarm(k, now)).toBeNull();
    }
  });

  it('a key that expired at time 0 is expired', () => {
    expect(rotationDue({ expires: 0 }, DAY)).toEqual({ due: 'expired', expires: 0 });
    expect(rotationDue({ expires: 0 }, 0)).toEqual({ due: 'today', expires: 0 });
  });
});

describe('the next alarm: when the reminder changes', () => {
  it.each([
    ['long before', EXPIRES - 90 * DAY, EXPIRES - ROTATE_NOTICE_MS],
    ['a millisecond before the 14 days', EXPIRES - ROTATE_NOTICE_MS - 1, EXPIRES - ROTATE_NOTICE_MS],
    ['the first millisecond of the 14 days', EXPIRES - ROTATE_NOTICE_MS, EXPIRES],
    ['a millisecond before the day', EXPIRES - 1, EXPIRES],
    ['the first millisecond of the day', EXPIRES, EXPIRES + DAY],
    ['the last millisecond of the day', EXPIRES + DAY - 1, EXPIRES + DAY],
    ['the first millisecond after the day', EXPIRES + DAY, null],
    ['a year after', EXPIRES + 365 * DAY, null],
  ] as const)('%s: %s', (_, now, next) => {
    expect(nextRotationAlarm(key, now)).toBe(next);
  });

  it('each alarm falls where the reminder changes', () => {
    let now = EXPIRES - 90 * DAY;
    const seen: unknown[] = [rotationDue(key, now)?.due ?? null];
    for (let next = nextRotationAlarm(key, now); next !== null; next = nextRotationAlarm(key, now)) {
      expect(rotationDue(key, next - 1)?.due ?? null).toBe(seen.at(-1));
      now = next;
      seen.push(rotationDue(key, now)?.due ?? null);
    }
    expect(seen).toEqual([null, 'soon', 'today', 'expired']);
  });
});

describe('the date a reminder shows', () => {
  it('is the day the page named, in the medium style, whatever the hour', () => {
    const shown = expiryDate(EXPIRES);
    expect(shown).toBe(new Intl.DateTimeFormat([], { dateStyle: 'medium', timeZone: 'UTC' }).format(EXPIRES));
    expect(shown).toMatch(/28/);
    expect(shown).toMatch(/2026/);
    expect(expiryDate(EXPIRES + DAY - 1)).toBe(shown);
    expect(expiryDate(EXPIRES - 1)).not.toBe(shown);
  });
});

describe('every workspace, not only the current one', () => {
  const A = 'aaaaaaaa-1111-4111-8111-111111111111';
  const B = 'bbbbbbbb-2222-4222-8222-222222222222';
  const C = 'cccccccc-3333-4333-8333-333333333333';
  const D = 'dddddddd-4444-4444-8444-444444444444';
  const keyOf = (expires: KeyInfo['expires'], more: Partial<KeyInfo> = {}) =>
    ({ last4: 'Ab12', site: 'admin-console', expires, ...more }) as KeyInfo;
  /** A state with these workspaces' keys (undefined: a record without a key). */
  const stateOf = (
    keys: Record<string, KeyInfo | undefined>,
    current: string | null,
    draft?: KeyInfo,
  ): State => {
    const s = emptyState();
    for (const [id, key] of Object.entries(keys))
      s.records[id] = { workspaceId: id, ...(key ? { key } : {}) } as State['records'][string];
    s.current = current;
    if (draft) s.draft.key = draft;
    return s;
  };
  const now = EXPIRES - 5 * DAY;

  it('lists the other workspaces with a key due, the most urgent first, never the current one', () => {
    const s = stateOf(
      {
        [A]: keyOf(EXPIRES), // soon, the current one
        [B]: keyOf(EXPIRES + 3 * DAY, { workspaceName: 'Research' }), // soon, later
        [C]: keyOf(EXPIRES - 5 * DAY), // today
        [D]: keyOf(EXPIRES - 9 * DAY), // expired
      },
      A,
    );
    expect(otherRotationsDue(s, now)).toEqual([
      { workspaceId: D, label: D, rotation: { due: 'expired', expires: EXPIRES - 9 * DAY } },
      { workspaceId: C, label: C, rotation: { due: 'today', expires: EXPIRES - 5 * DAY } },
      { workspaceId: B, label: `Research (${B})`, rotation: { due: 'soon', expires: EXPIRES + 3 * DAY } },
    ]);
  });

  it('among equals, the earlier expiry first (whatever order the records are in)', () => {
    const later = { [B]: keyOf(EXPIRES + 2 * DAY), [C]: keyOf(EXPIRES + DAY) };
    expect(otherRotationsDue(stateOf(later, null), now).map((r) => r.workspaceId)).toEqual([C, B]);
    const earlier = { [C]: keyOf(EXPIRES + 2 * DAY), [B]: keyOf(EXPIRES + DAY) };
    expect(otherRotationsDue(stateOf(earlier, null), now).map((r) => r.workspaceId)).toEqual([B, C]);
    const expired = { [B]: keyOf(EXPIRES - 8 * DAY), [C]: keyOf(EXPIRES - 9 * DAY) };
    expect(otherRotationsDue(stateOf(expired, null), now).map((r) => r.workspaceId)).toEqual([C, B]);
  });

  it('leaves out keys not due, never expiring, of unknown expiry, and records without a key', () => {
    const s = stateOf(
      { [A]: keyOf(EXPIRES + 60 * DAY), [B]: keyOf('never'), [C]: keyOf(undefined), [D]: undefined },
      null,
    );
    expect(otherRotationsDue(s, now)).toEqual([]);
  });

  it('one alarm for all: the earliest next change of any key, the draft’s included', () => {
    const s = stateOf({ [A]: keyOf(EXPIRES + 60 * DAY), [B]: keyOf(EXPIRES) }, A);
    // B's key is in its 14 days: its next change is the day itself; A's starts later
    expect(nextAlarmOfAll(s, now)).toBe(EXPIRES);
    // the draft key (before any workspace) counts too
    const draft = keyOf(EXPIRES - 2 * DAY);
    expect(nextAlarmOfAll(stateOf({ [B]: keyOf(EXPIRES) }, null, draft), now)).toBe(EXPIRES - 2 * DAY);
    // nothing left to change: no alarm
    expect(
      nextAlarmOfAll(stateOf({ [A]: keyOf('never'), [B]: keyOf(EXPIRES - 30 * DAY) }, null), now),
    ).toBeNull();
    expect(nextAlarmOfAll(emptyState(), now)).toBeNull();
  });
});

describe('which reminder is the more pressing (the badge title says that one)', () => {
  const at = (due: 'soon' | 'today' | 'expired') => ({ due, expires: EXPIRES });
  it.each([
    ['expired', 'soon', true],
    ['expired', 'today', true],
    ['today', 'soon', true],
    ['soon', 'today', false],
    ['soon', 'expired', false],
    ['today', 'expired', false],
    ['expired', 'expired', false],
    ['soon', 'soon', false],
  ] as const)('%s over %s: %s', (a, b, expected) => {
    expect(moreUrgent(at(a), at(b))).toBe(expected);
  });

  it('anything due is more pressing than nothing due', () => {
    expect(moreUrgent(at('soon'), null)).toBe(true);
  });
});
