import { describe, expect, it } from 'vitest';
import { checklist, stepsLeft } from '../../src/core/checklist';
import { composeEmail, emailText, gmailUrl, mailtoUrl, outlookUrl } from '../../src/core/email';
import { emptyState, type State, withIds, withKey, withMark, withPlatformOrg } from '../../src/core/state';
import { summaryText, ticketDate } from '../../src/core/summary';

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const ORG = 'org-p13k3klgno5cqxbf0q8hpgrk';
const SECRET =
  'sk-proj-7VTjdj6WmtBrT3GSH8x9cazQUz6h0XeXwhv166wn_uQwU30blyqsZYJDviFkhNxP5EvPyuJprkrnFflVzEmJvqokwWQcuHABBzKzy';
const cap = { at: Date.UTC(2026, 10, 26, 18, 30), from: 'x' };
const words = (key: string, subs?: string[]) => (subs?.length ? `<${key}:${subs.join('|')}>` : `<${key}>`);

function full(): State {
  let s = withIds(emptyState(), { workspaceId: WS, organizationId: ORG }, cap);
  s = withKey(s, {
    last4: 'zKzy',
    name: 'Skyhigh CASB compliance',
    createdBy: 'Grace Hopper',
    project: 'Default project',
    permissions: 'All',
    ...cap,
  });
  return s;
}

describe('the checklist', () => {
  it('starts with six steps to do', () => {
    const steps = checklist({ state: emptyState(), secretHeldUntil: null });
    expect(steps.map((s) => s.status)).toEqual(['todo', 'todo', 'todo', 'todo', 'todo', 'todo']);
    expect(stepsLeft(steps)).toBe(6);
  });

  it('follows the record: key, held key, e-mail, waiting, granted, IDs, hand-off', () => {
    let s = full();
    let steps = checklist({ state: s, secretHeldUntil: null });
    expect(steps.map((x) => x.status)).toEqual(['done', 'attention', 'todo', 'todo', 'done', 'todo']);
    expect(steps[1]?.why?.key).toBe('whyNotCopied');
    steps = checklist({ state: s, secretHeldUntil: Date.now() + 60_000 });
    expect(steps[1]?.status).toBe('done');
    s = withMark(s, 'email-sent', true, 5);
    expect(checklist({ state: s, secretHeldUntil: 1 })[3]).toMatchObject({
      status: 'waiting',
      why: { key: 'whyWaitingForOpenAI' },
    });
    s = withMark(s, 'scopes-granted', true, 6);
    const rec = s.records[WS];
    if (rec) rec.handoff = { at: 7, host: 'www.myshn.net', filled: ['workspaceId', 'apiKey'], missing: [] };
    steps = checklist({ state: s, secretHeldUntil: null });
    expect(steps.map((x) => x.status)).toEqual(['done', 'done', 'done', 'done', 'done', 'done']);
    expect(stepsLeft(steps)).toBe(0);
  });

  it('needs attention for a project other than the default, and for two Organization IDs', () => {
    let s = withKey(full(), { last4: 'zKzy', project: 'Marketing', ...cap });
    s = withPlatformOrg(s, 'org-Zq81mLx0pA7vR2bN4cT9dWe3', cap);
    const steps = checklist({ state: s, secretHeldUntil: null });
    expect(steps[0]).toMatchObject({ status: 'attention', why: { key: 'whyProjectNotDefault' } });
    expect(steps[4]).toMatchObject({ status: 'attention', why: { key: 'whyOrgMismatch' } });
  });
});

describe('the support e-mail', () => {
  it('carries exactly what OpenAI asks for, READ and DELETE, and never the secret', () => {
    const s = full();
    const e = composeEmail(s.records[WS] ?? null, s.records[WS]?.key, words);
    expect(e.to).toBe('support@openai.com');
    expect(e.missing).toEqual([]);
    for (const v of ['zKzy', 'Skyhigh CASB compliance', 'Grace Hopper', 'READ, DELETE', ORG, WS])
      expect(e.body).toContain(v);
    expect(e.body).toContain('<emailDedicated>');
    expect(emailText(e)).not.toContain(SECRET.slice(0, 12));
  });

  it('names what is missing instead of leaving it blank', () => {
    const e = composeEmail(null, undefined, words);
    expect(e.missing).toEqual(['keyLast4', 'keyName', 'createdBy', 'organizationId', 'workspaceId']);
    expect(e.body).toContain('<emailMissing:<emailHintCreatedBy>>');
  });

  it('encodes a mailto: that decodes back to the same text, and web-mail links', () => {
    const e = composeEmail(full().records[WS] ?? null, full().records[WS]?.key, words);
    const url = mailtoUrl(e);
    expect(url.startsWith('mailto:support@openai.com?subject=')).toBe(true);
    expect(url).not.toMatch(/[ \n]/);
    const q = new URLSearchParams(url.slice(url.indexOf('?') + 1).replace(/\+/g, '%2B'));
    expect(q.get('subject')).toBe(e.subject);
    expect(q.get('body')).toBe(e.body.replace(/\n/g, '\r\n'));
    expect(new URL(gmailUrl(e)).searchParams.get('body')).toBe(e.body);
    expect(new URL(outlookUrl(e)).searchParams.get('to')).toBe('support@openai.com');
  });
});

describe('the change-ticket summary', () => {
  it('lists IDs, key details and dates, and no secret', () => {
    let s = withMark(full(), 'email-sent', true, cap.at);
    s = withMark(s, 'scopes-granted', false, cap.at);
    const text = summaryText(s, words);
    for (const v of [WS, ORG, 'zKzy', 'Grace Hopper', ticketDate(cap.at), 'www.myshn.net'])
      expect(text).toContain(v);
    expect(text).toContain('<summaryScopesGranted>: <summaryNone>');
    expect(ticketDate(cap.at)).toBe('2026-11-26 18:30 UTC');
  });
});
