/**
 * Reading the IDs on chatgpt.com/admin/settings by their labels: a value is taken only when the
 * label names it and nothing nearby competes; otherwise the reader captures nothing and says why
 * (no label, no value, only a shortened value, or several candidates).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { combine } from '../../src/core/readers/labelled';
import { foundValue, readPlatformOrg, readWorkspaceIds } from '../../src/core/readers/workspace-ids';
import { isSettingsUrl } from '../../src/core/sites/chatgpt';

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const WS2 = '0a1b2c3d-1111-4222-8333-444455556666';
const ORG = 'org-p13k3klgno5cqxbf0q8hpgrk';
const ORG2 = 'org-Pt6v2Bx9Mn4Kj7Hg1Fd5Sa3q';
const SHORT = `${WS.slice(0, 8)}…${WS.slice(-4)}`;

const show = (html: string) => {
  document.body.innerHTML = html;
  return document.body;
};
const ws = (html: string) => readWorkspaceIds(show(html)).workspaceId;
const org = (html: string) => readWorkspaceIds(show(html)).organizationId;

beforeEach(() => show(''));

describe('a value its label names', () => {
  it.each([
    ['a definition list', `<dl><dt>Workspace ID</dt><dd>${WS}</dd></dl>`],
    ['a table row', `<table><tr><th>Workspace ID</th><td>${WS}</td></tr></table>`],
    ['label and value in one text', `<p>Workspace ID: ${WS}</p>`],
    ['a full-width colon', `<p>ワークスペース ID：${WS}</p>`],
    [
      'a label and a read-only input',
      `<label for="w">Workspace ID</label><input id="w" readonly value="${WS}">`,
    ],
    ['a wrapping label', `<label>Workspace ID <input readonly value="${WS}"></label>`],
    ['aria-labelledby', `<span id="l">Workspace ID</span><input aria-labelledby="l" readonly value="${WS}">`],
    ['a labelled region', `<div id="l">Workspace ID</div><div aria-labelledby="l"><code>${WS}</code></div>`],
    ['an aria-label on the input', `<input aria-label="Workspace ID" readonly value="${WS}">`],
    ['an aria-label on the value', `<span aria-label="Workspace ID">${WS}</span>`],
    [
      'a label alone in its box',
      `<div><div><span>Workspace ID</span></div><div><code>${WS}</code></div></div>`,
    ],
    ['a label split by a framework', `<div><span>Workspace</span> <span>ID</span></div><div>${WS}</div>`],
    ['the value in uppercase', `<dl><dt>Workspace ID</dt><dd>${WS.toUpperCase()}</dd></dl>`],
    ['the value twice', `<dl><dt>Workspace ID</dt><dd>${WS} <button title="${WS}">Copy</button></dd></dl>`],
    ['in French', `<dl><dt>ID de l’espace de travail :</dt><dd>${WS}</dd></dl>`],
  ])('%s', (_, html) => {
    expect(ws(html)).toEqual({ status: 'found', value: WS });
  });

  it('both IDs side by side, each to its own label', () => {
    const r = readWorkspaceIds(
      show(
        `<div><span>Workspace ID</span><span>${WS}</span><span>Organization ID</span><span>${ORG}</span></div>`,
      ),
    );
    expect(r).toEqual({
      workspaceId: { status: 'found', value: WS },
      organizationId: { status: 'found', value: ORG },
    });
  });

  it('a value only in a copy button’s attribute, when nothing visible competes', () => {
    expect(
      ws(`<dl><dt>Workspace ID</dt><dd><button data-clipboard-text="${WS}">Copy</button></dd></dl>`),
    ).toEqual({
      status: 'found',
      value: WS,
    });
    expect(ws(`<dl><dt>Workspace ID</dt><dd><span hidden>${WS}</span></dd></dl>`)).toEqual({
      status: 'found',
      value: WS,
    });
  });

  it('a shortened value with the full one that fits it in an attribute', () => {
    expect(ws(`<dl><dt>Workspace ID</dt><dd><span data-value="${WS}">${SHORT}</span></dd></dl>`)).toEqual({
      status: 'found',
      value: WS,
    });
  });

  it('an Organization ID next to a Copy button is read without the button’s text', () => {
    expect(org(`<dl><dt>Organization ID</dt><dd>${ORG}<button>Copy</button></dd></dl>`)).toEqual({
      status: 'found',
      value: ORG,
    });
  });
});

describe('not sure: nothing captured, and why', () => {
  it.each([
    ['no label at all', `<p>${WS}</p>`, { status: 'missing', reason: 'no-label' }],
    [
      'a label without a value',
      '<dl><dt>Workspace ID</dt><dd>—</dd></dl>',
      { status: 'missing', reason: 'no-value' },
    ],
    [
      'the value under the next label',
      `<dl><dt>Workspace ID</dt><dt>Organization ID</dt><dd>${WS}</dd></dl>`,
      { status: 'missing', reason: 'no-value' },
    ],
    [
      'a shortened value and no full one',
      `<dl><dt>Workspace ID</dt><dd>${SHORT}</dd></dl>`,
      { status: 'missing', reason: 'truncated' },
    ],
    [
      'a shortened value and a full one that does not fit it',
      `<dl><dt>Workspace ID</dt><dd><span title="${WS2}">${SHORT}</span></dd></dl>`,
      { status: 'missing', reason: 'truncated' },
    ],
    [
      'two values under one label',
      `<dl><dt>Workspace ID</dt><dd>${WS} ${WS2}</dd></dl>`,
      { status: 'ambiguous', candidates: [WS, WS2] },
    ],
    [
      'two labels that disagree',
      `<dl><dt>Workspace ID</dt><dd>${WS}</dd></dl><p>Workspace ID: ${WS2}</p>`,
      { status: 'ambiguous', candidates: [WS2, WS] },
    ],
    [
      'two hidden values',
      `<dl><dt>Workspace ID</dt><dd><span hidden>${WS}</span><span hidden>${WS2}</span></dd></dl>`,
      { status: 'ambiguous', candidates: [WS, WS2] },
    ],
    [
      'a shortened value that two hidden values fit',
      `<dl><dt>Workspace ID</dt><dd><span title="${WS}" data-x="${WS.slice(0, 8)}-0000-4000-8000-00000000b5a0">${SHORT}</span></dd></dl>`,
      { status: 'ambiguous', candidates: [WS, `${WS.slice(0, 8)}-0000-4000-8000-00000000b5a0`] },
    ],
    [
      'a hidden label',
      `<dl hidden><dt>Workspace ID</dt><dd>${WS}</dd></dl>`,
      { status: 'missing', reason: 'no-label' },
    ],
    [
      'a label that says more',
      `<dl><dt>Former Workspace ID</dt><dd>${WS}</dd></dl>`,
      { status: 'missing', reason: 'no-label' },
    ],
    [
      'a value one character short',
      `<dl><dt>Workspace ID</dt><dd>${WS.slice(1)}</dd></dl>`,
      { status: 'missing', reason: 'no-value' },
    ],
  ])('%s', (_, html, result) => {
    expect(ws(html)).toEqual(result);
  });

  it('two organisations shown: nothing', () => {
    expect(
      org(`<dl><dt>Organization ID</dt><dd>${ORG}</dd><dt>Org ID</dt><dd>${ORG2}</dd></dl>`).status,
    ).toBe('ambiguous');
  });
});

describe('which pages are read', () => {
  it('only the settings page', () => {
    show(`<dl><dt>Workspace ID</dt><dd>${WS}</dd><dt>Organization ID</dt><dd>${ORG}</dd></dl>`);
    // what content/workspace-ids does: the settings page only, then the reader
    const read = (url: string) => {
      const ids = isSettingsUrl(url) ? readWorkspaceIds(document.body) : null;
      return { workspaceId: foundValue(ids?.workspaceId), organizationId: foundValue(ids?.organizationId) };
    };
    expect(read('https://chatgpt.com/admin/settings')).toEqual({ workspaceId: WS, organizationId: ORG });
    for (const url of [
      'https://chatgpt.com/admin/members',
      'http://chatgpt.com/admin/settings',
      'https://chatgpt.com.evil.example/admin/settings',
    ])
      expect(read(url), url).toEqual({ workspaceId: null, organizationId: null });
  });

  it('the API platform’s own Organization ID, by the same labels', () => {
    expect(foundValue(readPlatformOrg(show(`<dl><dt>Organization ID</dt><dd>${ORG}</dd></dl>`)))).toBe(ORG);
    expect(foundValue(readPlatformOrg(show('<dl><dt>Organization ID</dt><dd>none</dd></dl>')))).toBeNull();
    expect(foundValue(undefined)).toBeNull();
  });
});

describe('several labels for one field', () => {
  it('must agree', () => {
    const found = (value: string) => ({ status: 'found', value }) as const;
    expect(combine([])).toEqual({ status: 'missing', reason: 'no-label' });
    expect(combine([found(WS), found(WS)])).toEqual(found(WS));
    expect(combine([found(WS), found(WS2)])).toEqual({ status: 'ambiguous', candidates: [WS, WS2] });
    expect(combine([found(WS), { status: 'ambiguous', candidates: [WS2, WS] }])).toEqual({
      status: 'ambiguous',
      candidates: [WS2, WS],
    });
    expect(combine([{ status: 'missing', reason: 'no-value' }, found(WS)])).toEqual(found(WS));
    expect(
      combine([
        { status: 'missing', reason: 'no-value' },
        { status: 'missing', reason: 'truncated' },
      ]),
    ).toEqual({ status: 'missing', reason: 'truncated' });
    expect(combine([{ status: 'missing', reason: 'no-value' }])).toEqual({
      status: 'missing',
      reason: 'no-value',
    });
  });
});
