/**
 * What the admin reads and sends, word for word: the support e-mail, the change-ticket summary and
 * the six steps of the checklist, for an empty record, a full one and the states in between.
 * (`words` stands in for _locales: it shows which message and substitutions each line uses.)
 */
import { describe, expect, it } from 'vitest';
import { checklist } from '../../src/core/checklist';
import { composeEmail, emailText, mailtoUrl } from '../../src/core/email';
import {
  emptyState,
  type State,
  withAccessCheck,
  withDeleteCheck,
  withIds,
  withKey,
  withMark,
  withSkyhighStatus,
} from '../../src/core/state';
import { summaryText } from '../../src/core/summary';

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const ORG = 'org-p13k3klgno5cqxbf0q8hpgrk';
const AT = Date.UTC(2026, 10, 26, 18, 30);
const words = (key: string, subs?: string[]) => (subs?.length ? `<${key}:${subs.join('|')}>` : `<${key}>`);

function full(): State {
  let s = withIds(emptyState(), { workspaceId: WS, organizationId: ORG }, { at: AT, from: 'x' });
  s = withKey(s, { last4: 'zKzy', name: 'Skyhigh', createdBy: 'Grace Hopper', at: AT + 60_000, from: 'x' });
  return s;
}

describe('the support e-mail, word for word', () => {
  it('with everything known', () => {
    const s = full();
    const e = composeEmail(s.records[WS] ?? null, s.records[WS]?.key, words);
    expect(e).toEqual({
      to: 'support@openai.com',
      subject: '<emailSubject>',
      missing: [],
      body: [
        '<emailGreeting>',
        '',
        '<emailRequest>',
        '',
        '<emailKeyLast4>: zKzy',
        '<emailKeyName>: Skyhigh',
        '<emailCreatedBy>: Grace Hopper',
        '<emailScopes>: READ, DELETE',
        `<emailOrg>: ${ORG}`,
        `<emailWorkspace>: ${WS}`,
        '',
        '<emailDedicated>',
        '',
        '<emailThanks>',
      ].join('\n'),
    });
    expect(emailText(e)).toBe(`To: support@openai.com\nSubject: <emailSubject>\n\n${e.body}`);
  });

  it('with nothing known, each missing value named', () => {
    const e = composeEmail(null, undefined, words);
    expect(e.body.split('\n').slice(4, 10)).toEqual([
      '<emailKeyLast4>: <emailMissing:<emailHintLast4>>',
      '<emailKeyName>: <emailMissing:<emailHintName>>',
      '<emailCreatedBy>: <emailMissing:<emailHintCreatedBy>>',
      '<emailScopes>: READ, DELETE',
      '<emailOrg>: <emailMissing:<emailHintOrg>>',
      '<emailWorkspace>: <emailMissing:<emailHintWorkspace>>',
    ]);
  });

  it('a mailto: with CRLF line breaks and every reserved character encoded', () => {
    const e = { to: 'support@openai.com', subject: 'a&b', body: 'x\ny?=', missing: [] };
    expect(mailtoUrl(e)).toBe('mailto:support@openai.com?subject=a%26b&body=x%0D%0Ay%3F%3D');
  });
});

describe('the change-ticket summary, word for word', () => {
  it('with everything known', () => {
    let s = withMark(full(), 'email-sent', true, AT + 120_000);
    s = withAccessCheck(s, WS, { at: AT + 180_000, result: 'not-found', status: 404 });
    s = withDeleteCheck(s, WS, { at: AT + 300_000, result: 'no-delete', status: 403 });
    const rec = s.records[WS];
    if (rec) rec.handoff = { at: AT + 240_000, host: 'www.myshn.eu', filled: ['apiKey'], missing: [] };
    s = withSkyhighStatus(s, WS, { host: 'www.myshn.eu', status: 'ok', words: 'Connected' }, AT + 360_000);
    expect(summaryText(s, words).split('\n')).toEqual([
      '<summaryTitle>',
      `<workspaceIdLabel>: ${WS}`,
      `<organizationIdLabel>: ${ORG}`,
      '<summaryIdsRead>: 2026-11-26 18:30 UTC',
      '<emailKeyName>: Skyhigh',
      '<emailKeyLast4>: zKzy',
      '<emailCreatedBy>: Grace Hopper',
      '<summaryPath>: <summaryNone>',
      '<summaryExpires>: <summaryNone>',
      '<summaryPermissions>: <summaryNone>',
      '<summaryWorkspaceName>: <summaryNone>',
      '<summaryKeyCreated>: 2026-11-26 18:31 UTC',
      '<summaryEmailSent>: 2026-11-26 18:32 UTC',
      '<summaryScopesGranted>: <summaryNone>',
      '<summarySkyhighHost>: www.myshn.eu',
      '<summaryHandedOver>: 2026-11-26 18:34 UTC',
      '<summarySkyhighStatus>: Connected, 2026-11-26 18:36 UTC',
      '<summaryAccessCheck>: <accessShort_not_found> (HTTP 404), 2026-11-26 18:33 UTC',
      '<summaryDeleteCheck>: <deleteShort_refused> (HTTP 403), 2026-11-26 18:35 UTC',
    ]);
  });

  it('with nothing known', () => {
    expect(summaryText(emptyState(), words).split('\n')).toEqual([
      '<summaryTitle>',
      '<workspaceIdLabel>: <summaryNone>',
      '<organizationIdLabel>: <summaryNone>',
      '<summaryIdsRead>: <summaryNone>',
      '<emailKeyName>: <summaryNone>',
      '<emailKeyLast4>: <summaryNone>',
      '<emailCreatedBy>: <summaryNone>',
      '<summaryPath>: <summaryNone>',
      '<summaryExpires>: <summaryNone>',
      '<summaryPermissions>: <summaryNone>',
      '<summaryWorkspaceName>: <summaryNone>',
      '<summaryKeyCreated>: <summaryNone>',
      '<summaryEmailSent>: <summaryNone>',
      '<summaryScopesGranted>: <summaryNone>',
      '<summarySkyhighHost>: www.myshn.net',
      '<summaryHandedOver>: <summaryNone>',
      '<summarySkyhighStatus>: <summaryNone>',
      '<summaryAccessCheck>: <summaryNone>',
      '<summaryDeleteCheck>: <summaryNone>',
    ]);
  });

  it('a draft Organization ID and key before any workspace; a check that got no answer', () => {
    let s = withIds(emptyState(), { organizationId: ORG }, { at: AT, from: 'x' });
    s = withKey(s, { last4: 'abcd', at: AT, from: 'x' });
    const lines = summaryText(s, words).split('\n');
    expect(lines[2]).toBe(`<organizationIdLabel>: ${ORG}`);
    expect(lines[5]).toBe('<emailKeyLast4>: abcd');
    let t = withAccessCheck(full(), WS, { at: AT, result: 'blocked' });
    t = withMark(t, 'scopes-granted', true, AT);
    const tl = summaryText(t, words).split('\n');
    expect(tl[17]).toBe('<summaryAccessCheck>: <accessShort_blocked>, 2026-11-26 18:30 UTC');
    expect(tl[13]).toBe('<summaryScopesGranted>: 2026-11-26 18:30 UTC');
  });

  it('says which path the key took, when it expires, and the key a rotation replaced', () => {
    const line = (s: State, label: string) =>
      summaryText(s, words)
        .split('\n')
        .find((l) => l.startsWith(`<${label}>`));
    // a platform key: the e-mail path
    const platform = withKey(full(), { last4: 'zKzy', at: AT, from: 'x', site: 'platform' });
    expect(line(platform, 'summaryPath')).toBe('<summaryPath>: <summaryPathEmail>');
    const admin = (over: object) =>
      withKey(full(), { last4: 'zKzy', at: AT, from: 'x', site: 'admin-console', ...over });
    expect(line(admin({}), 'summaryPath')).toBe('<summaryPath>: <summaryPathSelfServe>');
    expect(line(admin({ expires: 'never' }), 'summaryExpires')).toBe('<summaryExpires>: <keyExpiresNever>');
    expect(line(admin({ expires: Date.UTC(2027, 0, 31, 23, 30) }), 'summaryExpires')).toBe(
      '<summaryExpires>: 2027-01-31',
    );
    // the key a rotation replaced, by its last 4, until it is marked deleted
    const handed = admin({});
    const rec = handed.records[WS];
    if (rec) rec.handoff = { at: AT, host: 'www.myshn.net', filled: ['workspaceId', 'apiKey'], missing: [] };
    const rotated = withKey(handed, { last4: 'nEw1', at: AT + 1, from: 'x', site: 'admin-console' });
    expect(line(rotated, 'summaryPreviousKey')).toBe('<summaryPreviousKey>: zKzy');
    expect(line(withMark(rotated, 'old-key-deleted', true, AT + 2), 'summaryPreviousKey')).toBeUndefined();
  });
});

describe('the checklist, step by step', () => {
  const KEYS = 'https://platform.openai.com/api-keys';
  const SETTINGS = 'https://chatgpt.com/admin/settings';
  const CONSOLE = 'https://www.myshn.net/shndash/';

  it('with nothing done', () => {
    expect(checklist({ state: emptyState(), secretHeldUntil: null })).toEqual([
      { id: 'createKey', status: 'todo', url: KEYS },
      { id: 'keepKey', status: 'todo', url: KEYS },
      { id: 'email', status: 'todo' },
      { id: 'scopes', status: 'todo' },
      { id: 'ids', status: 'todo', url: SETTINGS },
      { id: 'skyhigh', status: 'todo', url: CONSOLE },
    ]);
  });

  it('with a key of another project and restricted permissions, not copied, a partial hand-off', () => {
    let s = full();
    s = withKey(s, { last4: 'zKzy', project: 'Marketing', permissions: 'Restricted', at: AT, from: 'x' });
    const rec = s.records[WS];
    if (rec)
      rec.handoff = {
        at: AT + 5,
        host: 'www.myshn.net',
        filled: ['workspaceId'],
        missing: ['apiKey', 'organizationId'],
      };
    expect(checklist({ state: s, secretHeldUntil: null })).toEqual([
      {
        id: 'createKey',
        status: 'attention',
        why: { key: 'whyProjectNotDefault', subs: ['Marketing', 'Restricted'] },
        url: KEYS,
        doneAt: AT,
      },
      { id: 'keepKey', status: 'attention', why: { key: 'whyNotCopied' }, url: KEYS },
      { id: 'email', status: 'todo' },
      { id: 'scopes', status: 'todo' },
      { id: 'ids', status: 'done', url: SETTINGS, doneAt: AT },
      {
        id: 'skyhigh',
        status: 'attention',
        why: { key: 'whyNotAllPlaced', subs: ['apiKey, organizationId'] },
        url: CONSOLE,
      },
    ]);
  });

  it('restricted permissions alone, and a key copied', () => {
    let s = withKey(full(), { last4: 'zKzy', permissions: 'Read only', copiedAt: AT + 9, at: AT, from: 'x' });
    s = withMark(s, 'email-sent', true, AT + 10);
    const steps = checklist({ state: s, secretHeldUntil: null });
    expect(steps[0]).toEqual({
      id: 'createKey',
      status: 'attention',
      why: { key: 'whyPermissionsNotAll', subs: ['', 'Read only'] },
      url: KEYS,
      doneAt: AT,
    });
    expect(steps[1]).toEqual({ id: 'keepKey', status: 'done', doneAt: AT + 9 });
    expect(steps[2]).toEqual({ id: 'email', status: 'done', doneAt: AT + 10 });
    expect(steps[3]).toEqual({ id: 'scopes', status: 'waiting', why: { key: 'whyWaitingForOpenAI' } });
  });

  it('a key handed over counts as kept, on the hand-off’s date; both values placed is done', () => {
    const s = full();
    const rec = s.records[WS];
    if (rec)
      rec.handoff = { at: AT + 7, host: 'www.myshn.net', filled: ['workspaceId', 'apiKey'], missing: [] };
    const steps = checklist({ state: s, secretHeldUntil: null });
    expect(steps[1]).toEqual({ id: 'keepKey', status: 'done', doneAt: AT + 7 });
    expect(steps[5]).toEqual({ id: 'skyhigh', status: 'done', url: CONSOLE, doneAt: AT + 7 });
    if (rec)
      rec.handoff = { at: AT + 7, host: 'www.myshn.net', filled: ['apiKey'], missing: ['workspaceId'] };
    expect(checklist({ state: s, secretHeldUntil: null })[5]?.status).toBe('attention');
  });

  it('the two Organization IDs in the warning: the platform’s first', () => {
    let s = full();
    s = { ...s, platformOrg: { id: 'org-Zq81mLx0pA7vR2bN4cT9dWe3', at: AT, from: 'x' } };
    expect(checklist({ state: s, secretHeldUntil: null })[4]).toEqual({
      id: 'ids',
      status: 'attention',
      why: { key: 'whyOrgMismatch', subs: ['org-Zq81mLx0pA7vR2bN4cT9dWe3', ORG] },
      url: SETTINGS,
    });
  });
});
