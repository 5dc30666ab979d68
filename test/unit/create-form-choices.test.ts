/**
 * The create-key form: what the admin chose (owner, project, permissions, name) however the form
 * shows a choice, and the two choices Skyhigh's guide does not document, which the guide flags.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { chosenIn, findCreateForm, formFlags, readCreateForm } from '../../src/core/readers/create-form';

const KEY = 'sk-mOWgzQSVHpR49ZjT3v6SdNrmFAH16bK9nO7XPyqAOX2KL3Ad';

const show = (html: string) => {
  document.body.innerHTML = html;
  return document.body;
};
const form = (inner: string, attrs = 'role="dialog"') =>
  `<div ${attrs}><h2>Create new secret key</h2>${inner}<button>Create secret key</button></div>`;
const read = (inner: string) => {
  show(form(inner));
  const f = findCreateForm(document.body);
  if (!f) throw new Error('no form');
  const { container: _, ...info } = readCreateForm(f);
  return info;
};

beforeEach(() => show(''));

describe('the open create form', () => {
  it.each([
    ['a dialog', form('<input>')],
    [
      'an open <dialog>',
      form('<input>', 'open')
        .replace('<div open', '<dialog open')
        .replace(/<\/div>$/, '</dialog>'),
    ],
    ['a modal', form('<select><option>Default project</option></select>', 'aria-modal="true"')],
    ['in German', '<div role="dialog"><h2>Neuen geheimen Schlüssel erstellen</h2><input></div>'],
  ])('is found in %s', (_, html) => {
    show(html);
    expect(findCreateForm(document.body)).not.toBeNull();
  });

  it.each([
    ['no dialog', '<h2>Create new secret key</h2><input>'],
    ['a hidden dialog', form('<input>', 'role="dialog" hidden')],
    ['another dialog', '<div role="dialog"><h2>Rename key</h2><input></div>'],
    ['a dialog without controls', form('<p>Loading…</p>')],
    ['the dialog once it shows the secret', form(`<input readonly value="${KEY}">`)],
  ])('is not found with %s', (_, html) => {
    show(html);
    expect(findCreateForm(document.body)).toBeNull();
  });
});

describe('the choices', () => {
  it.each([
    [
      'checked radios with labels',
      '<fieldset><legend>Owned by</legend><label><input type="radio" name="o"> You</label><label><input type="radio" name="o" checked> Service account</label></fieldset>',
      { ownerType: 'service-account' },
    ],
    [
      'a radio named by <label for>',
      '<fieldset><legend>Owner</legend><input type="radio" id="me" checked><label for="me">You</label></fieldset>',
      { ownerType: 'you' },
    ],
    [
      'a radio named by its aria-label',
      '<fieldset><legend>Owned by</legend><input type="radio" aria-label="You" checked></fieldset>',
      { ownerType: 'you' },
    ],
    [
      'a radio named by its value only',
      '<fieldset><legend>Owned by</legend><input type="radio" value="Service account" checked></fieldset>',
      { ownerType: 'service-account' },
    ],
    [
      'ARIA radios',
      '<div><span>Permissions</span><div role="radiogroup"><button role="radio" aria-checked="false">All</button><button role="radio" aria-checked="true">Restricted</button></div></div>',
      { permissions: 'Restricted' },
    ],
    [
      'a selected tab',
      '<div><span>Permissions</span><div role="tablist"><div role="tab" aria-selected="true">Read only</div><div role="tab">All</div></div></div>',
      { permissions: 'Read only' },
    ],
    [
      'a pressed toggle',
      '<div><span>Permissions</span><div><button aria-pressed="false">All</button><button aria-pressed="true">Restricted</button></div></div>',
      { permissions: 'Restricted' },
    ],
    [
      'a checked menu item',
      '<div><span>Permissions</span><div role="menu"><div role="menuitemradio" aria-checked="true">All</div></div></div>',
      { permissions: 'All' },
    ],
    [
      'a select',
      '<label for="p">Project</label><select id="p"><option>Default project</option><option selected>Marketing</option></select>',
      { project: 'Marketing' },
    ],
    [
      'a combobox button',
      '<div><span>Project</span><button aria-haspopup="listbox">Default project</button></div>',
      { project: 'Default project' },
    ],
    [
      'a combobox input',
      '<div><span>Project</span><input role="combobox" value="Research"></div>',
      { project: 'Research' },
    ],
    [
      'an owner that is neither you nor a service account',
      '<fieldset><legend>Owned by</legend><label><input type="radio" checked> Team</label></fieldset>',
      {},
    ],
  ])('%s', (_, inner, expected) => {
    expect(read(`<input aria-label="x">${inner}`)).toEqual(expected);
  });

  it('the name typed in the form', () => {
    expect(read('<label for="n">Name</label><input id="n" value="Skyhigh CASB">')).toEqual({
      name: 'Skyhigh CASB',
    });
  });

  it('nothing chosen, nothing said', () => {
    expect(
      read(
        '<fieldset><legend>Owned by</legend><label><input type="radio"> You</label></fieldset><div><span>Permissions</span><div><button role="radio" aria-checked="false">All</button></div></div>',
      ),
    ).toEqual({});
    expect(chosenIn([document.createTextNode('All')])).toBeNull();
  });
});

describe('choices the guide flags', () => {
  it.each([
    [{ project: 'Default project', permissions: 'All' }, []],
    [{ project: 'Standardprojekt', permissions: 'Alle' }, []],
    [{ project: 'Marketing', permissions: 'All' }, ['project-not-default']],
    [{ project: 'Default project', permissions: 'Restricted' }, ['permissions-not-all']],
    [{ project: 'Marketing', permissions: 'Read only' }, ['project-not-default', 'permissions-not-all']],
    [{ ownerType: 'service-account', permissions: 'Restricted' }, []],
    [{ ownerType: 'you', permissions: 'Restricted' }, ['permissions-not-all']],
    [{}, []],
  ] as const)('%j: %j', (info, flags) => {
    expect(formFlags(info)).toEqual(flags);
  });
});
