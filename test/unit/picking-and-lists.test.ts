/**
 * When the reader is not sure, the admin picks a value on the page (a click, or a list of the
 * page's candidates); the keys list gives the CREATED BY name of one key; the organisation picker
 * names the organisation. Each gives one value or none, never a guess between several.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { findCreatedBy, redactedEndsWith } from '../../src/core/readers/keys-list';
import { readOrgPicker } from '../../src/core/readers/org-picker';
import { candidatesOnPage, pickFromElement, tokensInElement } from '../../src/core/readers/pick';

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const WS2 = '0a1b2c3d-1111-4222-8333-444455556666';
const ORG = 'org-p13k3klgno5cqxbf0q8hpgrk';

const show = (html: string) => {
  document.body.innerHTML = html;
  return document.body;
};
const el = (sel: string) => document.querySelector(sel) as Element;

beforeEach(() => show(''));

describe('a click on a value', () => {
  it.each([
    ['its text', `<span id="t">${WS}</span>`],
    ['its text in uppercase', `<span id="t">${WS.toUpperCase()}</span>`],
    ['a title', `<span id="t" title="${WS}">f7f33107…b5a0</span>`],
    ['an aria-label', `<button id="t" aria-label="${WS}">Copy</button>`],
    ['a data-value', `<span id="t" data-value="${WS}">…</span>`],
    ['a clipboard attribute', `<button id="t" data-clipboard-text="${WS}">Copy</button>`],
    ['a data-copy attribute', `<button id="t" data-copy="${WS}">Copy</button>`],
    ['an input’s value', `<input id="t" readonly value="${WS}">`],
    ['the value attribute', `<x-id id="t" value="${WS}"></x-id>`],
    ['the same value in text and title', `<span id="t" title="${WS.toUpperCase()}">${WS}</span>`],
  ])('takes the value in %s', (_, html) => {
    show(html);
    expect(pickFromElement(el('#t'), 'workspaceId')).toBe(WS);
  });

  it('climbs from the clicked part to the element that holds the value, two levels at most', () => {
    show(
      `<div id="box" title="${WS}"><div><span><b id="deep">x</b></span></div><span id="near">x</span></div>`,
    );
    expect(pickFromElement(el('#near'), 'workspaceId')).toBe(WS);
    expect(pickFromElement(el('#deep'), 'workspaceId')).toBeNull();
  });

  it('takes nothing from an element with two values, even when its parent has one', () => {
    show(`<div title="${WS}"><span id="t">${WS} ${WS2}</span></div>`);
    expect(tokensInElement(el('#t'), 'workspaceId')).toEqual([WS, WS2]);
    expect(pickFromElement(el('#t'), 'workspaceId')).toBeNull();
  });

  it('takes only a value of the field asked for', () => {
    show(`<span id="t">${WS} ${ORG}</span>`);
    expect(pickFromElement(el('#t'), 'organizationId')).toBe(ORG);
    expect(pickFromElement(el('#t'), 'workspaceId')).toBe(WS);
    show('<span id="t">Nothing</span>');
    expect(pickFromElement(el('#t'), 'workspaceId')).toBeNull();
  });
});

describe('the list of candidates on the page', () => {
  it('lists each visible value once, with the text before it', () => {
    show(
      `<div><h3>Acme</h3><p><code>${WS}</code></p></div>` +
        `<div><h3>Beta</h3><p><code>${WS2}</code></p></div>` +
        `<p>${WS.toUpperCase()}</p>`,
    );
    expect(candidatesOnPage(document.body, 'workspaceId')).toEqual([
      { value: WS, context: 'Acme' },
      { value: WS2, context: 'Beta' },
    ]);
  });

  it('leaves out hidden values and lists input values with their label', () => {
    show(`<p hidden>${WS2}</p><input aria-label="Workspace" value="${WS}"><input hidden value="${WS2}">`);
    expect(candidatesOnPage(document.body, 'workspaceId')).toEqual([{ value: WS, context: 'Workspace' }]);
  });

  it('lists at most the number asked for', () => {
    const ids = Array.from(
      { length: 12 },
      (_, i) => `0a1b2c3d-1111-4222-8333-${String(i).padStart(12, '0')}`,
    );
    show(ids.map((id) => `<p>${id}</p>`).join(''));
    expect(candidatesOnPage(document.body, 'workspaceId')).toHaveLength(8);
    expect(candidatesOnPage(document.body, 'workspaceId', 3).map((c) => c.value)).toEqual(ids.slice(0, 3));
    show(`${ids.map((id) => `<p>${id}</p>`).join('')}<input value="${WS}">`);
    expect(candidatesOnPage(document.body, 'workspaceId').map((c) => c.value)).not.toContain(WS);
  });

  it('gives no context rather than a long paragraph', () => {
    show(`<p>${'A long explanation of what this page shows. '.repeat(3)}</p><div><code>${WS}</code></div>`);
    expect(candidatesOnPage(document.body, 'workspaceId')).toEqual([{ value: WS, context: '' }]);
  });
});

describe('CREATED BY in the keys list', () => {
  const table = (rows: string, headers = ['NAME', 'SECRET KEY', 'CREATED BY']) =>
    `<table><thead><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`;
  const row = (...cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;

  it('the one row with the key’s name and last 4', () => {
    show(table(row('Skyhigh', 'sk-...zKzy', 'Grace Hopper') + row('Other', 'sk-...abcd', 'Ada Lovelace')));
    expect(findCreatedBy(document.body, { last4: 'zKzy', name: 'Skyhigh' })).toBe('Grace Hopper');
    expect(findCreatedBy(document.body, { last4: 'zKzy' })).toBe('Grace Hopper');
    expect(findCreatedBy(document.body, { last4: 'zKzy', name: 'Other' })).toBeNull();
    expect(findCreatedBy(document.body, { last4: 'ZKZY', name: 'Skyhigh' })).toBeNull();
  });

  it('the same creator in two matching rows is still one name; two creators are none', () => {
    show(table(row('A', 'sk-...zKzy', 'Grace Hopper') + row('A', 'sk-...zKzy', 'Grace Hopper')));
    expect(findCreatedBy(document.body, { last4: 'zKzy' })).toBe('Grace Hopper');
    show(table(row('A', 'sk-...zKzy', 'Grace Hopper') + row('A', 'sk-...zKzy', 'Ada Lovelace')));
    expect(findCreatedBy(document.body, { last4: 'zKzy' })).toBeNull();
  });

  it('hidden rows, rows of another shape and over-long names do not count', () => {
    show(
      table(
        `<tr hidden><td>A</td><td>sk-...zKzy</td><td>Hidden Person</td></tr>` +
          `<tr><td>sk-...zKzy</td><td>Short Row</td></tr>` +
          row('A', 'sk-...zKzy', 'x'.repeat(101)) +
          row('A', 'sk-...zKzy', 'Grace Hopper'),
      ),
    );
    expect(findCreatedBy(document.body, { last4: 'zKzy' })).toBe('Grace Hopper');
  });

  it('no CREATED BY or no key column, or a hidden header: nothing', () => {
    show(table(row('A', 'sk-...zKzy'), ['NAME', 'SECRET KEY']));
    expect(findCreatedBy(document.body, { last4: 'zKzy' })).toBeNull();
    show(table(row('A', 'Grace Hopper'), ['NAME', 'CREATED BY']));
    expect(findCreatedBy(document.body, { last4: 'zKzy' })).toBeNull();
    show(
      `<table><thead><tr><th>NAME</th><th>SECRET KEY</th><th hidden>CREATED BY</th></tr></thead>` +
        `<tbody>${row('A', 'sk-...zKzy', 'Grace Hopper')}</tbody></table>`,
    );
    expect(findCreatedBy(document.body, { last4: 'zKzy' })).toBeNull();
  });

  it('an ARIA grid in German', () => {
    show(
      `<div role="grid"><div role="row"><div role="columnheader">Name</div><div role="columnheader">Schlüssel</div><div role="columnheader">Erstellt von</div></div>` +
        `<div role="row"><div role="gridcell">Skyhigh</div><div role="gridcell">sk-…zKzy</div><div role="gridcell">Grace Hopper</div></div></div>`,
    );
    expect(findCreatedBy(document.body, { last4: 'zKzy', name: 'Skyhigh' })).toBe('Grace Hopper');
  });

  it.each([
    ['sk-...zKzy', true],
    ['sk-proj-****zKzy', true],
    ['…zKzy', true],
    ['  sk-...zKzy  ', true],
    ['sk-*zKzy', false],
    ['sk-..zKzy', false],
    ['zKzy', false],
    ['sk-...zKzyx', false],
    ['sk-...xzKz', false],
  ])('%j is a redacted key ending in zKzy: %s', (cell, ok) => {
    expect(redactedEndsWith(cell, 'zKzy')).toBe(ok);
  });
});

describe('the organisation picker', () => {
  it.each([
    ['its aria-label', '<button aria-haspopup="menu" aria-label="Organization">Acme Corp</button>'],
    ['the text before it', '<span>Organisation:</span><button aria-haspopup="true">Acme Corp</button>'],
    ['spaces in its text', '<button aria-haspopup="menu" aria-label="organization">  Acme\n Corp </button>'],
  ])('names the organisation shown by %s', (_, html) => {
    show(html);
    expect(readOrgPicker(document.body)).toBe('Acme Corp');
  });

  it.each([
    ['no picker', '<p>Organization</p><p>Acme</p>'],
    [
      'a picker of something else',
      '<button aria-haspopup="menu" aria-label="Project">Default project</button>',
    ],
    ['a hidden picker', '<button hidden aria-haspopup="menu" aria-label="Organization">Acme</button>'],
    [
      'two pickers that disagree',
      '<button aria-haspopup="menu" aria-label="Organization">Acme</button><button aria-haspopup="menu" aria-label="Organization">Beta</button>',
    ],
    ['an empty picker', '<button aria-haspopup="menu" aria-label="Organization"> </button>'],
    [
      'a picker with a long text',
      `<button aria-haspopup="menu" aria-label="Organization">${'x'.repeat(81)}</button>`,
    ],
  ])('gives nothing for %s', (_, html) => {
    show(html);
    expect(readOrgPicker(document.body)).toBeNull();
  });
});
