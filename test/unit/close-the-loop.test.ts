/**
 * Closing the loop (issue 25), the pure parts: what a hand-off says it gives (and each mismatch it
 * knows of), Skyhigh's own word on the instance (the reader, and what the record keeps of it), the
 * delete check's answers in words, and step 6 of the checklist.
 */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { DELETE_MESSAGE, deleteCheckUrl, interpretDelete } from '../../src/core/access';
import { checklist } from '../../src/core/checklist';
import { handoverLines, handoverPreview } from '../../src/core/handover';
import type { MessageKey } from '../../src/core/message-keys';
import { readInstanceStatus, statusOf } from '../../src/core/readers/skyhigh-status';
import {
  emptyState,
  type KeyInfo,
  migrate,
  type State,
  withDeleteCheck,
  withIds,
  withKey,
  withSkyhighStatus,
} from '../../src/core/state';

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const WS2 = '0d9c1f52-2b7e-4c1a-9a43-6f1f0b8e2c11';
const ORG = 'org-p13k3klgno5cqxbf0q8hpgrk';
const HOST = 'www.myshn.net';
const NAME = 'ChatGPT Enterprise (Acme)';
const cap = { at: 1, from: 'https://chatgpt.com/admin/settings' };
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 7, 12);

const key = (over: Partial<KeyInfo> = {}): KeyInfo => ({
  last4: 'qCBE',
  name: 'Skyhigh CASB',
  site: 'admin-console',
  at: 10,
  from: 'https://admin.openai.com/',
  expires: NOW + 30 * DAY,
  ...over,
});
const ws = (k?: KeyInfo): State => {
  const s = withIds(emptyState(), { workspaceId: WS, organizationId: ORG }, cap);
  return k ? withKey(s, k) : s;
};
const handedOver = (s: State, at = 20, host = HOST): State => {
  const out = structuredClone(s);
  const rec = out.records[WS];
  if (rec) rec.handoff = { at, host, filled: ['workspaceId', 'apiKey'], missing: [], instanceName: NAME };
  return out;
};
const words = (k: MessageKey, subs?: string[]) => `${k}${subs ? `(${subs.join('|')})` : ''}`;

describe('what a hand-off gives, said before the click', () => {
  it('names the key (last 4, path, expiry), the workspace and the host, with no problem when all agree', () => {
    const about = handoverPreview(
      {
        state: ws(key({ workspaceId: WS, workspaceName: 'Acme' })),
        secretHeldUntil: NOW + 60_000,
        secretHeldLast4: 'qCBE',
      },
      HOST,
      NOW,
    );
    expect(about.problems).toEqual([]);
    expect(about.key).toEqual({ last4: 'qCBE', path: 'self-serve', expires: NOW + 30 * DAY });
    expect(about.heldLast4).toBe('qCBE');
    expect(about.workspace).toEqual({ id: WS, name: 'Acme' });
    const lines = handoverLines(about, words);
    expect(lines.map((l) => l.names)).toEqual(['key', 'workspace', 'host']);
    expect(lines[0]?.text).toMatch(/^handoverKey\(qCBE\|summaryPathSelfServe\), handoverKeyExpires\(/);
    expect(lines[1]?.text).toBe(`handoverWorkspace(Acme (${WS}))`);
    expect(lines[2]?.text).toBe(`handoverHost(${HOST})`);
  });

  it('says when no key is held, when the expiry is not known, and an e-mail key that never expires', () => {
    const unknown = handoverPreview(
      { state: ws(key({ expires: undefined })), secretHeldUntil: null },
      HOST,
      NOW,
    );
    expect(unknown.heldLast4).toBeNull();
    // a key that does not say its workspace is no mismatch; no expiry is not "expired"
    expect(unknown.problems).toEqual([]);
    expect(unknown.key).toStrictEqual({ last4: 'qCBE', path: 'self-serve' });
    const lines = handoverLines(unknown, words);
    expect(lines.map((l) => l.names)).toEqual(['key', 'no-key', 'workspace', 'host']);
    expect(lines[0]?.text).toContain('handoverKeyNoExpiry');
    expect(lines[2]?.text).toBe(`handoverWorkspace(${WS})`);
    const email = handoverPreview(
      { state: ws(key({ site: 'platform', expires: 'never' })), secretHeldUntil: 5, secretHeldLast4: 'qCBE' },
      HOST,
      NOW,
    );
    expect(handoverLines(email, words)[0]?.text).toBe('handoverKey(qCBE|summaryPathEmail), keyExpiresNever');
  });

  it('a held key counts only while it is held', () => {
    const about = handoverPreview(
      { state: ws(key()), secretHeldUntil: null, secretHeldLast4: 'qCBE' },
      HOST,
      NOW,
    );
    expect(about.heldLast4).toBeNull();
  });

  it('names every mismatch it knows of: another workspace, an expired key, another key held, no workspace', () => {
    const other = handoverPreview(
      {
        state: ws(key({ workspaceId: WS2, expires: NOW - DAY })),
        secretHeldUntil: NOW + 1,
        secretHeldLast4: 'zzzz',
      },
      HOST,
      NOW,
    );
    expect(other.problems).toEqual([
      { key: 'handoverKeyOtherWorkspace', subs: ['qCBE', WS2, WS] },
      { key: 'handoverKeyExpired', subs: ['qCBE'] },
      { key: 'handoverHeldOtherKey', subs: ['zzzz', 'qCBE'] },
    ]);
    const none = handoverPreview({ state: emptyState(), secretHeldUntil: null }, HOST, NOW);
    expect(none.problems).toEqual([{ key: 'handoverNoWorkspace' }]);
    expect(none.key).toBeNull();
    expect(none.workspace).toBeNull();
    expect(handoverLines(none, words).map((l) => l.names)).toEqual(['no-key', 'host']);
    // a workspace known before any key: named by its ID
    const bare = handoverPreview({ state: ws(), secretHeldUntil: null }, HOST, NOW);
    expect(bare.workspace).toStrictEqual({ id: WS });
    expect(bare.key).toBeNull();
    expect(bare.problems).toEqual([]);
  });

  it('a key of the same workspace, not yet expired, is no problem', () => {
    const about = handoverPreview(
      { state: ws(key({ workspaceId: WS, expires: NOW + DAY * 3 })), secretHeldUntil: null },
      HOST,
      NOW,
    );
    expect(about.problems).toEqual([]);
  });
});

describe('the delete check: its request and its answers in words', () => {
  it('one route that takes a conversation ID, the ID in it as given', () => {
    const id = '3b8f0c2e-9a51-4d7e-b6c4-2f1e8d7a9c30';
    expect(deleteCheckUrl(WS, id)).toBe(
      `https://api.chatgpt.com/v1/compliance/workspaces/${WS}/conversations/${id}`,
    );
    expect(deleteCheckUrl('a/b', 'c?d')).toMatch(/workspaces\/a%2Fb\/conversations\/c%3Fd$/);
  });

  const cases: [number | null, string | null, string][] = [
    [403, null, 'no-delete'],
    [404, null, 'delete-accepted'],
    [400, 'invalid_request', 'delete-accepted'],
    [422, null, 'delete-accepted'],
    [200, null, 'delete-accepted'],
    [204, null, 'delete-accepted'],
    [401, null, 'unauthorized'],
    [429, null, 'rate-limited'],
    [null, null, 'blocked'],
    [500, null, 'other'],
  ];
  for (const [status, code, result] of cases)
    it(`HTTP ${status ?? 'no answer'}: ${result}, with its words`, () => {
      const r = interpretDelete(status, code);
      expect(r).toBe(result);
      expect(DELETE_MESSAGE[r]).toBeTruthy();
    });
  it('403 and 404 say different things', () => {
    expect(DELETE_MESSAGE['no-delete']).toBe('deleteRefused');
    expect(DELETE_MESSAGE['delete-accepted']).toBe('deleteAccepted');
  });
});

describe("what the record keeps of Skyhigh's word", () => {
  const seen = { host: HOST, status: 'ok' as const, words: 'Connected' };

  it('kept for a workspace handed over to that host, dated', () => {
    const s = withSkyhighStatus(handedOver(ws(key())), WS, seen, 100);
    expect(s.records[WS]?.skyhighStatus).toEqual({ ...seen, at: 100 });
  });

  it('nothing for a workspace never handed over, another host, or an unknown workspace', () => {
    const never = ws(key());
    expect(withSkyhighStatus(never, WS, seen, 100)).toBe(never);
    const elsewhere = handedOver(ws(key()), 20, 'www.myshn.eu');
    expect(withSkyhighStatus(elsewhere, WS, seen, 100)).toBe(elsewhere);
    const s = handedOver(ws(key()));
    expect(withSkyhighStatus(s, WS2, seen, 100)).toBe(s);
  });

  it('the same words again within a minute change nothing; later, or other words, are kept', () => {
    const once = withSkyhighStatus(handedOver(ws(key())), WS, seen, 100);
    expect(withSkyhighStatus(once, WS, seen, 100 + 59_999)).toBe(once);
    expect(withSkyhighStatus(once, WS, seen, 100 + 60_000).records[WS]?.skyhighStatus?.at).toBe(60_100);
    const error = withSkyhighStatus(
      once,
      WS,
      { ...seen, status: 'error', words: 'Error: invalid API key' },
      200,
    );
    expect(error.records[WS]?.skyhighStatus).toEqual({
      host: HOST,
      status: 'error',
      words: 'Error: invalid API key',
      at: 200,
    });
    const reworded = withSkyhighStatus(once, WS, { ...seen, words: 'Connected (2 min ago)' }, 200);
    expect(reworded.records[WS]?.skyhighStatus?.words).toBe('Connected (2 min ago)');
  });

  it("a new key forgets the old key's status and delete check; the delete check is kept per workspace", () => {
    let s = withSkyhighStatus(handedOver(ws(key())), WS, seen, 100);
    s = withDeleteCheck(s, WS, { at: 120, result: 'delete-accepted', status: 404 });
    expect(s.records[WS]?.deleteCheck).toEqual({ at: 120, result: 'delete-accepted', status: 404 });
    expect(withDeleteCheck(s, WS2, { at: 1, result: 'no-delete' }).records[WS2]).toBeUndefined();
    const rotated = withKey(s, key({ last4: 'nEw1', at: 300 }));
    expect(rotated.records[WS]?.skyhighStatus).toBeUndefined();
    expect(rotated.records[WS]?.deleteCheck).toBeUndefined();
  });

  it('stored values survive a reload when sound, and are dropped when not', () => {
    let s = withSkyhighStatus(handedOver(ws(key({ workspaceId: WS }))), WS, seen, 100);
    s = withDeleteCheck(s, WS, { at: 120, result: 'no-delete', status: 403 });
    const back = migrate(JSON.parse(JSON.stringify(s)));
    expect(back.lost).toBe(0);
    expect(back.state.records[WS]?.skyhighStatus).toEqual({ ...seen, at: 100 });
    expect(back.state.records[WS]?.deleteCheck?.result).toBe('no-delete');
    expect(back.state.records[WS]?.key?.workspaceId).toBe(WS);
    expect(back.state.records[WS]?.handoff?.instanceName).toBe(NAME);
    const bad = JSON.parse(JSON.stringify(s));
    bad.records[WS].skyhighStatus.host = 'evil.example';
    bad.records[WS].deleteCheck.result = 'deleted-everything';
    bad.records[WS].key.workspaceId = 'not-a-uuid';
    const repaired = migrate(bad);
    expect(repaired.state.records[WS]?.skyhighStatus).toBeUndefined();
    expect(repaired.state.records[WS]?.deleteCheck).toBeUndefined();
    expect(repaired.state.records[WS]?.key?.workspaceId).toBeUndefined();
    for (const words of ['x'.repeat(201)]) {
      const long = JSON.parse(JSON.stringify(s));
      long.records[WS].skyhighStatus.words = words;
      expect(migrate(long).state.records[WS]?.skyhighStatus).toBeUndefined();
    }
  });
});

describe("step 6: the form filled, then Skyhigh's own word", () => {
  const step6 = (s: State) => checklist({ state: s, secretHeldUntil: null }).find((x) => x.id === 'skyhigh');

  it('filled and nothing seen since: done when filled', () => {
    expect(step6(handedOver(ws(key()), 20))).toMatchObject({ status: 'done', doneAt: 20 });
  });
  it('connected: done, dated, in its words', () => {
    const s = withSkyhighStatus(
      handedOver(ws(key())),
      WS,
      { host: HOST, status: 'ok', words: 'Connected' },
      NOW,
    );
    const st = step6(s);
    expect(st).toMatchObject({ status: 'done', doneAt: NOW, why: { key: 'skyhighConnected' } });
    expect(st?.why?.subs?.[1]).toBe('Connected');
  });
  it('an error: attention, in its words', () => {
    const s = withSkyhighStatus(
      handedOver(ws(key())),
      WS,
      { host: HOST, status: 'error', words: 'Error: invalid API key' },
      NOW,
    );
    const st = step6(s);
    expect(st).toMatchObject({ status: 'attention', why: { key: 'skyhighError' } });
    expect(st?.why?.subs?.[0]).toBe('Error: invalid API key');
  });
  it('pending: waiting, in its words', () => {
    const s = withSkyhighStatus(
      handedOver(ws(key())),
      WS,
      { host: HOST, status: 'pending', words: 'Pending' },
      NOW,
    );
    expect(step6(s)).toMatchObject({ status: 'waiting', why: { key: 'skyhighPending' } });
  });
  it('a status seen before the latest fill says nothing of it', () => {
    const s = withSkyhighStatus(
      handedOver(ws(key()), 20),
      WS,
      { host: HOST, status: 'error', words: 'Error' },
      30,
    );
    const refilled = handedOver(s, 40);
    expect(step6(refilled)).toMatchObject({ status: 'done', doneAt: 40 });
    expect(step6(refilled)?.why).toBeUndefined();
  });
});

describe("Skyhigh's words for a status", () => {
  const cases: [string, string | null][] = [
    ['Connected', 'ok'],
    ['connected', 'ok'],
    ['● Enabled', 'ok'],
    ['Healthy', 'ok'],
    ['Verbunden', 'ok'],
    ['Connecté', 'ok'],
    ['CONNECTE', 'ok'],
    ['接続済み', 'ok'],
    ['Error: invalid API key', 'error'],
    ['Failed (401)', 'error'],
    ['Not connected', 'error'],
    ['Disconnected', 'error'],
    ['Fehler – Schlüssel abgelaufen', 'error'],
    ['Pending', 'pending'],
    ['Waiting for authorization', 'pending'],
    ['En attente', 'pending'],
    ['Connectedness report', null],
    ['Errors in the last 24 hours: 0', null],
    ['Activate', null],
    ['', null],
    ['x'.repeat(161), null],
  ];
  for (const [text, status] of cases)
    it(`"${text.slice(0, 30)}": ${status}`, () => expect(statusOf(text)).toBe(status));
});

function doc(html: string, url = 'https://www.myshn.net/shndash/#/settings/service-management'): Document {
  const w = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  w.document.write(html);
  return w.document as unknown as Document;
}
const ours = { workspaceId: WS, instanceName: NAME };

describe("reading the instance's status by meaning", () => {
  it("a table row naming our Workspace ID: that row's status, Skyhigh's detail kept", () => {
    const d =
      doc(`<h1>Service Management</h1><table><thead><tr><th>Instance</th><th>Workspace ID</th><th>Status</th></tr></thead><tbody>
      <tr><td>Box (Acme)</td><td>—</td><td><span>Connected</span></td></tr>
      <tr><td>${NAME}</td><td>${WS.toUpperCase()}</td><td><span class="badge">Error</span> <small>Invalid API key</small></td></tr>
    </tbody></table>`);
    expect(readInstanceStatus(d, ours)).toEqual({ status: 'error', words: 'Error Invalid API key' });
  });

  it('by name alone only where the page says it is about ChatGPT', () => {
    const card = `<article><h3>${NAME}</h3><p>Status: </p><span>Connected</span></article>`;
    expect(readInstanceStatus(doc(`<h1>OpenAI - ChatGPT</h1>${card}`), ours)).toEqual({
      status: 'ok',
      words: 'Connected',
    });
    expect(readInstanceStatus(doc(`<h1>Service Management</h1>${card}`), ours)).toBeNull();
  });

  it("another instance's row, another service's status, a hidden status, a legend: nothing", () => {
    const other = doc(
      `<h1>OpenAI - ChatGPT</h1><table><tr><td>Other (${WS2})</td><td>Connected</td></tr></table>`,
    );
    expect(readInstanceStatus(other, ours)).toBeNull();
    const hidden = doc(`<table><tr><td>${WS}</td><td><span hidden>Connected</span></td></tr></table>`);
    expect(readInstanceStatus(hidden, ours)).toBeNull();
    const legend = doc(
      `<h1>OpenAI - ChatGPT</h1><p>${WS}</p><fieldset><legend>Connected</legend></fieldset>`,
    );
    expect(readInstanceStatus(legend, ours)).toBeNull();
  });

  it('two statuses for one instance: nothing sure', () => {
    const d = doc(`<table><tr><td>${WS}</td><td>Connected</td><td>Error</td></tr></table>`);
    expect(readInstanceStatus(d, ours)).toBeNull();
  });
});

describe('reading the status: the edges', () => {
  const chatgpt = '<h1>OpenAI - ChatGPT</h1>';

  it('a badge with an icon inside it is read; a status of exactly 160 characters too, not 161', () => {
    const icon = doc(
      `<table><tr><td>${WS}</td><td><span>Connected <svg aria-hidden="true"></svg></span></td></tr></table>`,
    );
    expect(readInstanceStatus(icon, ours)).toEqual({ status: 'ok', words: 'Connected' });
    const detail = `Error: ${'x'.repeat(153)}`;
    expect(detail).toHaveLength(160);
    const long = doc(`<table><tr><td>${WS}</td><td><span>${detail}</span></td></tr></table>`);
    expect(readInstanceStatus(long, ours)?.status).toBe('error');
    const longer = doc(`<table><tr><td>${WS}</td><td><span>${detail}x</span></td></tr></table>`);
    expect(readInstanceStatus(longer, ours)).toBeNull();
  });

  it('the status word bold, its detail after it in the same cell: the whole cell is the words', () => {
    const d = doc(`<table><tr><td>${WS}</td><td><b>Error</b>: Invalid API key</td></tr></table>`);
    expect(readInstanceStatus(d, ours)).toEqual({ status: 'error', words: 'Error : Invalid API key' });
  });

  it('by name on a ChatGPT page, beside another instance shown by its ID', () => {
    const d = doc(
      `${chatgpt}<table><tr><td>Research</td><td>${WS2}</td><td>Error</td></tr><tr><td>${NAME}</td><td>—</td><td>Connected</td></tr></table>`,
    );
    expect(readInstanceStatus(d, ours)).toEqual({ status: 'ok', words: 'Connected' });
  });

  it('the page says ChatGPT in its title or its route: by name is enough', () => {
    const card = `<article><h3>${NAME}</h3><span>Pending</span></article>`;
    expect(readInstanceStatus(doc(`<title>OpenAI - ChatGPT</title>${card}`), ours)?.status).toBe('pending');
    const routed = doc(card, 'https://www.myshn.net/shndash/#/settings/service-management/openai-chatgpt');
    expect(readInstanceStatus(routed, ours)?.status).toBe('pending');
    const elsewhere = doc(card, 'https://www.myshn.net/shndash/#/settings/service-management/box');
    expect(readInstanceStatus(elsewhere, ours)).toBeNull();
  });

  it('a name only once: "ChatGPT Enterprise (Acme) copy" is another instance', () => {
    const d = doc(`${chatgpt}<article><h3>${NAME} copy</h3><span>Connected</span></article>`);
    expect(readInstanceStatus(d, ours)).toBeNull();
  });

  it('without a name handed over, only the Workspace ID names the instance', () => {
    const d = doc(`${chatgpt}<article><h3>${NAME}</h3><span>Connected</span></article>`);
    expect(readInstanceStatus(d, { workspaceId: WS })).toBeNull();
    const byId = doc(`<article><p>${WS}</p><span>Connected</span></article>`);
    expect(readInstanceStatus(byId, { workspaceId: WS })?.status).toBe('ok');
  });

  it('our row without a status, inside a list: nothing from the rows around it', () => {
    const d = doc(`<ul><li>${WS}</li><li>Other <span>Connected</span></li></ul>`);
    expect(readInstanceStatus(d, ours)).toBeNull();
    const row = doc(`<table><tr><td>${WS}</td><td>—</td></tr><tr><td>x</td><td>Connected</td></tr></table>`);
    expect(readInstanceStatus(row, ours)).toBeNull();
  });

  it('a detail page: the ID and the status in nearby sections of one region', () => {
    const d = doc(
      `<main><section><dl><dt>Workspace ID</dt><dd>${WS}</dd></dl></section><section><dl><dt>Status</dt><dd>Healthy</dd></dl></section></main>`,
    );
    expect(readInstanceStatus(d, ours)).toEqual({ status: 'ok', words: 'Healthy' });
  });

  it('never further than the page itself: a status elsewhere in the body is not ours', () => {
    const d = doc(`<div><p>${WS}</p></div><footer><span>Connected</span></footer>`);
    expect(readInstanceStatus(d, ours)).toBeNull();
  });

  it('two places for our instance that disagree: nothing sure; that agree: their status', () => {
    const disagree = doc(
      `<article><p>${WS}</p><span>Connected</span></article><article><p>${WS}</p><span>Error</span></article>`,
    );
    expect(readInstanceStatus(disagree, ours)).toBeNull();
    const agree = doc(
      `<article><p>${WS}</p><span>Connected</span></article><article><p>${WS}</p><span>Connected</span></article>`,
    );
    expect(readInstanceStatus(agree, ours)?.status).toBe('ok');
  });
});
