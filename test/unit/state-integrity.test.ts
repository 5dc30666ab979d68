/**
 * Stored state is untrusted input: whatever shape it has, reading it never throws, in the
 * background (migrate), in the popup (checklist, summary, e-mail) or for the badge; what cannot be
 * read is dropped and counted. And a key that matters is never replaced without the admin.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checklist, stepsLeft } from '../../src/core/checklist';
import { composeEmail, emailText } from '../../src/core/email';
import {
  currentKey,
  currentRecord,
  emptyState,
  keyConflict,
  migrate,
  orgMismatch,
  unattachedOrg,
  withCopied,
  withIds,
  withKey,
} from '../../src/core/state';
import { summaryText } from '../../src/core/summary';

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const ORG = 'org-p13k3klgno5cqxbf0q8hpgrk';
const cap = { at: 1, from: 'https://chatgpt.com/admin/settings' };
const t = (k: string, subs?: string | string[]) => `${k}${subs ? `(${[subs].flat().join(',')})` : ''}`;

/** Anything JSON-like, with the shapes of a record's fields mixed in so deep paths are reached. */
const junk = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(undefined),
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.string({ maxLength: 8 }),
    fc.constantFrom(WS, ORG, 'read', 'ok', 'www.myshn.net', 'apiKey', 'abcd'),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(
      fc.constantFrom('at', 'from', 'last4', 'host', 'filled', 'missing', 'result', 'status', 'name', 'x'),
      tie('value'),
      { maxKeys: 4 },
    ),
  ),
})).value;

const recordShape = fc.record(
  {
    workspaceId: fc.oneof(fc.constant(WS), junk),
    organizationId: fc.oneof(fc.constant(ORG), junk),
    idsCapture: junk,
    key: fc.oneof(fc.constant({ at: 1, from: 'x', last4: 'KWJi' }), junk),
    handoff: fc.oneof(
      fc.constant({}),
      fc.constant({ at: 1, host: 'www.myshn.net', filled: ['apiKey'], missing: [] }),
      junk,
    ),
    emailSentAt: junk,
    scopesGrantedAt: junk,
    accessCheck: fc.oneof(fc.constant({ at: 1, result: 'ok', status: 200 }), junk),
  },
  { requiredKeys: [] },
);

const stored = fc.oneof(
  junk,
  fc.record({
    version: fc.oneof(fc.constant(1), junk),
    records: fc.oneof(fc.dictionary(fc.constantFrom(WS, 'nope'), recordShape, { maxKeys: 2 }), junk),
    current: fc.oneof(fc.constant(WS), junk),
    draft: fc.oneof(
      fc.record({ organizationId: junk, key: junk, idsCapture: junk }, { requiredKeys: [] }),
      junk,
    ),
    platformOrg: fc.oneof(fc.constant({ id: ORG, at: 1, from: 'x' }), junk),
    settings: junk,
  }),
);

describe('stored state, whatever its shape', () => {
  it('is read without a throw, and every view of it renders', () => {
    fc.assert(
      fc.property(stored, fc.option(fc.integer({ min: 0, max: 2 ** 42 })), (raw, held) => {
        const { state, reset, lost } = migrate(raw);
        expect(reset).toBe(lost === 'all' || (typeof lost === 'number' && lost > 0));
        const view = { state, secretHeldUntil: held, lastHandoff: null, notice: null };
        const steps = checklist(view);
        expect(stepsLeft(steps)).toBeGreaterThanOrEqual(0);
        const email = composeEmail(currentRecord(state), currentKey(state), t);
        expect(typeof emailText(email)).toBe('string');
        expect(typeof summaryText(state, t)).toBe('string');
        orgMismatch(state);
        unattachedOrg(state);
        // what migrate returns is stable: reading it again loses nothing more
        expect(migrate(JSON.parse(JSON.stringify(state)))).toMatchObject({ reset: false, lost: 0 });
      }),
      { numRuns: 1000 },
    );
  });

  it('repairs a record with `handoff: {}` or a key without last 4, and keeps the rest', () => {
    const { state, reset, lost } = migrate({
      version: 1,
      current: WS,
      records: { [WS]: { workspaceId: WS, organizationId: ORG, handoff: {}, key: { at: 1, from: 'x' } } },
    });
    expect(reset).toBe(true);
    expect(lost).toBe(2);
    expect(state.records[WS]).toEqual({ workspaceId: WS, organizationId: ORG });
    expect(state.current).toBe(WS);
  });
});

describe('a key that matters', () => {
  const noted = withKey(withIds(emptyState(), { workspaceId: WS }, cap), { last4: 'OLD1', at: 1, from: 'x' });

  it('is replaced freely while nobody copied, held or handed it over', () => {
    expect(keyConflict(noted, 'NEW1', null)).toBeNull();
  });

  it('is not replaced silently once copied, held or handed over', () => {
    expect(keyConflict(withCopied(noted, 'OLD1', 2), 'NEW1', null)).toBe('OLD1');
    expect(keyConflict(noted, 'NEW1', 'OLD1')).toBe('OLD1');
    const handed = structuredClone(noted);
    (handed.records[WS] as NonNullable<(typeof handed.records)[string]>).handoff = {
      at: 3,
      host: 'www.myshn.net',
      filled: ['apiKey'],
      missing: [],
    };
    expect(keyConflict(handed, 'NEW1', null)).toBe('OLD1');
    // the same key seen again is no conflict
    expect(keyConflict(withCopied(noted, 'OLD1', 2), 'OLD1', 'OLD1')).toBeNull();
  });
});
