import { describe, expect, it } from 'vitest';
import { findCreateForm, formFlags, readCreateForm } from '../../src/core/readers/create-form';
import { readKeyDialog } from '../../src/core/readers/key-dialog';
import { findCreatedBy, redactedEndsWith } from '../../src/core/readers/keys-list';

const KEY =
  'sk-proj-7VTjdj6WmtBrT3GSH8x9cazQUz6h0XeXwhv166wn_uQwU30blyqsZYJDviFkhNxP5EvPyuJprkrnFflVzEmJvqokwWQcuHABBzKzy';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

const FORM = (project: string, permission: string) => `
  <div role="dialog" aria-modal="true"><h2>Create new secret key</h2>
    <fieldset><legend>Owned by</legend>
      <label><input type="radio" name="o" checked> You</label><label><input type="radio" name="o"> Service account</label>
    </fieldset>
    <label for="n">Name</label><input id="n" value="Skyhigh CASB compliance">
    <label for="p">Project</label><select id="p"><option>Default project</option><option ${project === 'Marketing' ? 'selected' : ''}>Marketing</option></select>
    <div><span id="perm-l">Permissions</span>
      <div role="radiogroup" aria-labelledby="perm-l">
        <button role="radio" aria-checked="${permission === 'All'}">All</button>
        <button role="radio" aria-checked="${permission === 'Restricted'}">Restricted</button>
      </div>
    </div>
    <button>Cancel</button><button>Create secret key</button>
  </div>`;

describe('the create-key form', () => {
  it('reads the choices and finds nothing to flag in the documented setup', () => {
    const form = findCreateForm(page(FORM('Default project', 'All')));
    expect(form).not.toBeNull();
    const info = readCreateForm(form as Element);
    expect(info).toMatchObject({
      name: 'Skyhigh CASB compliance',
      ownerType: 'you',
      project: 'Default project',
      permissions: 'All',
    });
    expect(formFlags(info)).toEqual([]);
  });

  it('flags another project and restricted permissions', () => {
    const info = readCreateForm(findCreateForm(page(FORM('Marketing', 'Restricted'))) as Element);
    expect(formFlags(info)).toEqual(['project-not-default', 'permissions-not-all']);
  });

  it('is not the create form once the secret is shown', () => {
    expect(
      findCreateForm(
        page(`<div role="dialog"><h2>Create new secret key</h2><input readonly value="${KEY}"></div>`),
      ),
    ).toBeNull();
    // nor is it the one-time view: no one-time wording, no Copy or Done
    expect(readKeyDialog(document.body).secretShown).toBe(false);
  });
});

describe('the keys list', () => {
  const LIST = `<table><thead><tr><th>NAME</th><th>SECRET KEY</th><th>CREATED BY</th></tr></thead><tbody>
    <tr><td>Zapier</td><td>sk-...zKzy</td><td>Ada Lovelace</td></tr>
    <tr><td>Skyhigh CASB compliance</td><td>sk-...zKzy</td><td>Grace Hopper</td></tr>
  </tbody></table>`;

  it('finds CREATED BY by name and last 4, and refuses when they do not single out one row', () => {
    page(LIST);
    expect(findCreatedBy(document.body, { last4: 'zKzy', name: 'Skyhigh CASB compliance' })).toBe(
      'Grace Hopper',
    );
    expect(findCreatedBy(document.body, { last4: 'zKzy' })).toBeNull();
    expect(findCreatedBy(document.body, { last4: 'abcd', name: 'Zapier' })).toBeNull();
  });

  it('reads redacted keys only', () => {
    expect(redactedEndsWith('sk-...zKzy', 'zKzy')).toBe(true);
    expect(redactedEndsWith('sk-proj-****zKzy', 'zKzy')).toBe(true);
    expect(redactedEndsWith('zKzy', 'zKzy')).toBe(false);
  });
});
