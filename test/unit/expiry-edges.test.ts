/**
 * An Admin key's expiry, at the edges: the reminder starts exactly 14 days before the day the page
 * named, says "today" from that day's first millisecond, and "expired" from the next day's; the
 * alarms fall on those same instants. A key that never expires, or whose expiry is unknown, never
 * asks for a rotation.
 */
import { describe, expect, it } from 'vitest';
import { expiryDate, nextRotationAlarm, ROTATE_NOTICE_MS, rotationDue } from '../../src/core/expiry';

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
