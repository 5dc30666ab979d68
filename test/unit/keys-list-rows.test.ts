/**
 * The key's row in a keys list (platform API keys, Admin keys): CREATED BY and the row's other
 * columns, never the key's own cell nor the creator again, and nothing when the list does not
 * say plainly which row is the key's.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { findCreatedBy, findKeyRow } from '../../src/core/readers/keys-list';

const show = (html: string) => {
  document.body.innerHTML = html;
  return document.body;
};
const table = (headers: string[], ...rows: string[][]) =>
  `<table><thead><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

beforeEach(() => show(''));

describe('the row’s other columns', () => {
  it('go with CREATED BY as header/cell pairs, without the key’s cell or the creator', () => {
    show(
      table(
        ['Name', 'Secret key', 'Created', 'Expires', 'Created by', 'Permissions'],
        ['Skyhigh CASB', 'sk-admin-...qCBE', 'Nov 1, 2026', 'Never', 'Grace Hopper', 'All'],
      ),
    );
    expect(findKeyRow(document.body, { last4: 'qCBE', name: 'Skyhigh CASB' })).toEqual({
      createdBy: 'Grace Hopper',
      facts: [
        ['Name', 'Skyhigh CASB'],
        ['Created', 'Nov 1, 2026'],
        ['Expires', 'Never'],
        ['Permissions', 'All'],
      ],
    });
  });

  it('leave out empty cells, unnamed columns and long texts', () => {
    show(
      table(
        ['Name', 'Key', '', 'Expires', 'Note', 'Created by'],
        ['A', 'sk-...qCBE', 'menu', '', 'x'.repeat(81), 'Grace Hopper'],
      ),
    );
    expect(findKeyRow(document.body, { last4: 'qCBE' })).toEqual({
      createdBy: 'Grace Hopper',
      facts: [['Name', 'A']],
    });
  });

  it('16 at most', () => {
    const extra = Array.from({ length: 20 }, (_, i) => `Col ${i}`);
    show(
      table(['Key', 'Created by', ...extra], ['sk-...qCBE', 'Grace Hopper', ...extra.map((_, i) => `v${i}`)]),
    );
    const row = findKeyRow(document.body, { last4: 'qCBE' });
    expect(row?.facts).toHaveLength(16);
    expect(row?.facts[15]).toEqual(['Col 15', 'v15']);
  });
});

describe('which row is the key’s', () => {
  it('without a Name column, the last 4 alone', () => {
    show(table(['Secret key', 'Created by'], ['sk-...qCBE', 'Grace Hopper'], ['sk-...zzzz', 'Ada']));
    expect(findCreatedBy(document.body, { last4: 'qCBE', name: 'Skyhigh' })).toBe('Grace Hopper');
  });

  it('the name must match the whole cell, spaces aside', () => {
    show(table(['Name', 'Key', 'Created by'], ['  Skyhigh\n CASB ', 'sk-...qCBE', 'Grace Hopper']));
    expect(findCreatedBy(document.body, { last4: 'qCBE', name: 'Skyhigh CASB' })).toBe('Grace Hopper');
    expect(findCreatedBy(document.body, { last4: 'qCBE', name: 'Skyhigh' })).toBeNull();
  });

  it('a name cell given as a row header (an ARIA grid)', () => {
    show(
      '<div role="table"><div role="row"><span role="columnheader">Name</span><span role="columnheader">Secret key</span>' +
        '<span role="columnheader">Created by</span></div><div role="row"><span role="rowheader">Skyhigh</span>' +
        '<span role="cell">sk-…qCBE</span><span role="cell">Grace Hopper</span></div></div>',
    );
    expect(findCreatedBy(document.body, { last4: 'qCBE', name: 'Skyhigh' })).toBe('Grace Hopper');
  });

  it('a CREATED BY header outside any table or row says nothing', () => {
    show(
      '<div><span role="columnheader">Created by</span><span role="columnheader">Key</span></div>' +
        '<div role="row"><span role="cell">Grace Hopper</span><span role="cell">sk-...qCBE</span></div>',
    );
    expect(findKeyRow(document.body, { last4: 'qCBE' })).toBeNull();
    show(
      '<div role="row"><span role="columnheader">Created by</span><span role="columnheader">Key</span></div>' +
        '<div role="row"><span role="cell">Grace Hopper</span><span role="cell">sk-...qCBE</span></div>',
    );
    expect(findKeyRow(document.body, { last4: 'qCBE' })).toBeNull();
  });

  it('cells of a table nested in a cell do not count as the row’s', () => {
    show(
      '<table><tr><th>Key</th><th>Permissions</th><th>Created by</th></tr><tr><td>sk-...qCBE</td><td>' +
        '<table><tr><td>Read</td><td>Write</td></tr></table></td><td>Grace Hopper</td></tr></table>',
    );
    expect(findCreatedBy(document.body, { last4: 'qCBE' })).toBe('Grace Hopper');
  });

  it('a creator shown as a name and an e-mail in two blocks reads as two words, not one run', () => {
    show(
      table(
        ['Name', 'Key', 'Created by'],
        [
          '<mark>Sky</mark>high',
          '<span>sk-...</span><b>qCBE</b>',
          '<div><img alt=""><div>Grace Hopper</div><div>grace@acme.example</div></div>',
        ],
      ),
    );
    expect(findCreatedBy(document.body, { last4: 'qCBE', name: 'Skyhigh' })).toBe(
      'Grace Hopper grace@acme.example',
    );
  });

  it('CREATED BY or the key as the first column', () => {
    show(table(['Created by', 'Name', 'Key'], ['Grace Hopper', 'Skyhigh', 'sk-...qCBE']));
    expect(findCreatedBy(document.body, { last4: 'qCBE', name: 'Skyhigh' })).toBe('Grace Hopper');
    show(table(['Key', 'Name', 'Created by'], ['sk-...qCBE', 'Skyhigh', 'Grace Hopper']));
    expect(findCreatedBy(document.body, { last4: 'qCBE', name: 'Skyhigh' })).toBe('Grace Hopper');
  });

  it('a header wrapped inside its row, or a row with more cells than headers: nothing, and no error', () => {
    show(
      '<div role="table"><div role="row"><span role="columnheader">Key</span><div><span role="columnheader">Created by</span></div></div>' +
        '<div role="row"><span role="cell">sk-...qCBE</span><span role="cell">Grace Hopper</span></div></div>',
    );
    expect(findKeyRow(document.body, { last4: 'qCBE' })).toBeNull();
    show(table(['Name', 'Key', 'Created by'], ['A', 'sk-...qCBE', 'Grace Hopper', 'Revoke']));
    expect(findKeyRow(document.body, { last4: 'qCBE' })).toBeNull();
  });

  it('an empty creator cell is no name; a hidden row is no row', () => {
    show(table(['Key', 'Created by'], ['sk-...qCBE', ' ']));
    expect(findKeyRow(document.body, { last4: 'qCBE' })).toBeNull();
    show(
      '<table><tr><th>Key</th><th>Created by</th></tr>' +
        '<tr style="display:none"><td>sk-...qCBE</td><td>Ada</td></tr><tr><td>sk-...qCBE</td><td>Grace Hopper</td></tr></table>',
    );
    expect(findCreatedBy(document.body, { last4: 'qCBE' })).toBe('Grace Hopper');
  });

  it('a name of 100 characters is still a name; 101 is not', () => {
    show(table(['Key', 'Created by'], ['sk-...qCBE', 'x'.repeat(100)]));
    expect(findCreatedBy(document.body, { last4: 'qCBE' })).toBe('x'.repeat(100));
  });

  it('two lists (platform and Admin keys) that agree give the name; that disagree, none', () => {
    const list = (by: string) => table(['Key', 'Created by'], ['sk-...qCBE', by]);
    show(list('Grace Hopper') + list('Grace Hopper'));
    expect(findCreatedBy(document.body, { last4: 'qCBE' })).toBe('Grace Hopper');
    show(list('Grace Hopper') + list('Ada Lovelace'));
    expect(findCreatedBy(document.body, { last4: 'qCBE' })).toBeNull();
  });
});
