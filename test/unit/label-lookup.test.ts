/**
 * One label lookup for every reader (`valueScope` in readers/labelled.ts): the ID reader, the key's
 * name and the create form's choices find a label's value the same way. These are the cases where
 * the two lookups it replaced disagreed (a legend's fieldset, a label's control outside the view,
 * a climb out of the form, a control or a group named by its own aria-label), and ids that need
 * escaping in a selector.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { findCreateForm, formFlags, readCreateForm } from '../../src/core/readers/create-form';
import { keyNameIn } from '../../src/core/readers/key-name';
import { readWorkspaceIds } from '../../src/core/readers/workspace-ids';

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const WS2 = '0a1b2c3d-1111-4222-8333-444455556666';

const show = (html: string) => {
  document.body.innerHTML = html;
  return document.body;
};
const ws = (html: string) => readWorkspaceIds(show(html)).workspaceId;
const view = (html: string) => {
  show(`<div id="view">${html}</div>`);
  return document.getElementById('view') as Element;
};

/** An open create-key dialog with `inner`, after `before` and before `after` on the page. */
const formPage = (inner: string, before = '', after = '') =>
  `${before}<div role="dialog" id="open"><h2>Create new secret key</h2><input aria-label="x">${inner}` +
  `<button>Create secret key</button></div>${after}`;
const choices = (html: string) => {
  show(html);
  const form = findCreateForm(document.body);
  if (!form) throw new Error('no form');
  const { container: _c, ...info } = readCreateForm(form);
  return info;
};

beforeEach(() => show(''));

describe('a legend names its whole fieldset', () => {
  it('the Workspace ID in a fieldset whose legend names it, behind a label of its own', () => {
    // the old ID lookup stopped at the <label> after the legend and found nothing
    expect(
      ws(
        `<fieldset><legend>Workspace ID</legend><label><input readonly value="${WS}"> Copy</label></fieldset>`,
      ),
    ).toEqual({ status: 'found', value: WS });
  });

  it('a legend outside a fieldset is a label like any other: its next sibling holds the value', () => {
    expect(ws(`<div><legend>Workspace ID</legend><code>${WS}</code></div>`)).toEqual({
      status: 'found',
      value: WS,
    });
  });
});

describe('never outside the view the reader was given', () => {
  it('a stale copy of the form with the same ids (a closed dialog kept in the page) is not read', () => {
    const stale =
      '<div role="dialog" hidden><label for="p">Project</label><select id="p"><option>Default project</option>' +
      '<option selected>Marketing</option></select></div>';
    const open =
      '<label for="p">Project</label><span>the project the key belongs to</span>' +
      '<select id="p"><option selected>Default project</option><option>Marketing</option></select>';
    expect(choices(formPage(open, stale))).toEqual({ project: 'Default project' });
  });

  it('the key’s name is the one in the one-time view, not the create form’s input of the same id', () => {
    show(
      '<div hidden><label for="n">Name</label><input id="n" value="Old key"></div>' +
        '<div id="view"><label for="n">Name</label><p>shown once</p><input id="n" readonly value="Skyhigh CASB"></div>',
    );
    expect(keyNameIn(document.getElementById('view') as Element)).toBe('Skyhigh CASB');
  });

  it('a control outside the view that points at the view’s label is not the view’s', () => {
    show(
      '<div id="view"><span id="nl">Name</span><span>Skyhigh CASB</span></div>' +
        '<input aria-labelledby="nl" value="Search keys">',
    );
    expect(keyNameIn(document.getElementById('view') as Element)).toBe('Skyhigh CASB');
  });

  it('nor is a picker outside the form that points at the form’s label', () => {
    const page = formPage(
      '<div><span id="pl">Project</span></div>',
      '',
      '<button aria-haspopup="listbox" aria-labelledby="pl">Marketing</button>',
    );
    expect(choices(page)).toEqual({});
  });

  it('a label alone at the top of the form does not climb out of it to the page’s own picker', () => {
    const page = formPage(
      '<div><span>Project</span></div>',
      '',
      '<div><button aria-haspopup="listbox">Marketing</button></div>',
    );
    expect(choices(page)).toEqual({});
  });
});

describe('a control or a group named by its own aria-label', () => {
  it.each([
    [
      'a radio group',
      '<div role="radiogroup" aria-label="Permissions"><button role="radio" aria-checked="false">All</button>' +
        '<button role="radio" aria-checked="true">Restricted</button></div>',
      { permissions: 'Restricted' },
    ],
    [
      'a select',
      '<select aria-label="Project"><option>Default project</option><option selected>Marketing</option></select>',
      { project: 'Marketing' },
    ],
    [
      'a combobox button in German',
      '<button aria-haspopup="listbox" aria-label="Berechtigungen">Eingeschränkt</button>',
      { permissions: 'Eingeschränkt' },
    ],
  ])('%s', (_, inner, expected) => {
    expect(choices(formPage(inner))).toEqual(expected);
  });
});

describe('ids that need escaping in a selector', () => {
  it.each([
    ['a React id', ':r1:'],
    ['an id starting with a digit', '1name'],
    ['an id with a space', 'key name'],
    ['an id with a backslash', 'key\\name'],
  ])('a <label for> with %s finds its control', (_, id) => {
    const attr = id.replace(/"/g, '&quot;');
    // the control is not next to the label: only `for` links them
    const html = `<label for="${attr}">Workspace ID</label><p>Copy it into Skyhigh</p><input id="${attr}" readonly value="${WS}">`;
    expect(ws(`<section>${html}</section><p>${WS2}</p>`)).toEqual({ status: 'found', value: WS });
  });

  it('a radio whose id has a quote: the form is still read, nothing throws', () => {
    const inner =
      '<fieldset><legend>Owned by</legend><label><input type="radio" id="o&quot;1" checked> Service account</label></fieldset>';
    expect(choices(formPage(inner))).toEqual({ ownerType: 'service-account' });
  });

  it('a label whose for has a quote: never throws, and takes only what sits beside it', () => {
    expect(ws(`<label for='a"b'>Workspace ID</label><input id='a"b' readonly value="${WS}">`)).toEqual({
      status: 'found',
      value: WS,
    });
  });
});

describe('where a label’s value stops', () => {
  it.each([
    ['bare text right after the label', `<div><span>Workspace ID</span> ${WS}</div>`],
    [
      'a visible value beside a hidden one: the visible one',
      `<dl><dt>Workspace ID</dt><dd><span hidden>${WS2}</span>${WS}</dd></dl>`,
    ],
    [
      'a visible value beside a hidden input’s: the visible one',
      `<dl><dt>Workspace ID</dt><dd><input type="hidden" value="${WS2}">${WS}</dd></dl>`,
    ],
    [
      'a hidden copy of the label and value line, and the shown one',
      `<p hidden>Workspace ID: ${WS2}</p><dl><dt>Workspace ID</dt><dd>${WS}</dd></dl>`,
    ],
  ])('%s', (_, html) => {
    expect(ws(html)).toEqual({ status: 'found', value: WS });
  });

  it.each([
    [
      'under the next heading',
      `<div><span>Workspace ID</span><div role="heading">Danger zone</div><code>${WS}</code></div>`,
    ],
    [
      'after another field’s <label>',
      `<div><span>Workspace ID</span><label>Notes</label><code>${WS}</code></div>`,
    ],
    [
      'after another field’s label that is part of a long text',
      `<div><span>Workspace ID</span><div>${'Some words about the workspace. '.repeat(3)}<b>Organization ID</b> ${WS}</div></div>`,
    ],
    [
      'below a box of two labels (the value may be either one’s)',
      `<div><div><span>Workspace ID</span><span>Organization ID</span></div><code>${WS}</code></div>`,
    ],
  ])('not the label’s value: %s', (_, html) => {
    expect(ws(html)).toEqual({ status: 'missing', reason: 'no-value' });
  });

  it('a long paragraph that mentions the label and a value is no label', () => {
    expect(ws(`<p>Workspace ID: ${WS} ${'and more words about it '.repeat(8)}</p>`)).toEqual({
      status: 'missing',
      reason: 'no-label',
    });
  });
});

describe('the value beside its label, and what does not compete with it', () => {
  it.each([
    [
      'a copy button carrying another value in its value attribute',
      `<dl><dt>Workspace ID</dt><dd>${WS}<button value="${WS2}">Copy</button></dd></dl>`,
    ],
    [
      'a workspace switcher whose option values are IDs',
      `<dl><dt>Workspace ID</dt><dd>${WS} <select><option value="${WS2}">Acme</option></select></dd></dl>`,
    ],
    [
      'a link to another workspace beside the copy button (only value attributes count)',
      `<dl><dt>Workspace ID</dt><dd><a href="https://chatgpt.com/w/${WS2}" id="${WS2}" data-value="${WS}">Copy</a></dd></dl>`,
    ],
    [
      'a hidden element named like the field, holding an older value',
      `<span hidden aria-label="Workspace ID" title="${WS2}"></span><dl><dt>Workspace ID</dt><dd>${WS}</dd></dl>`,
    ],
    [
      'an element that names itself with aria-labelledby',
      `<div><span id="l" aria-labelledby="l">Workspace ID</span><code>${WS}</code></div>`,
    ],
    [
      'a labelled region followed by an older value',
      `<span id="l">Workspace ID</span><div aria-labelledby="l"><code>${WS}</code></div><p>${WS2}</p>`,
    ],
    [
      'a control named by a hidden label element',
      `<span id="l" hidden>Workspace ID</span><input aria-labelledby="l" readonly value="${WS}">`,
    ],
    [
      'a region named like the field, holding the label, its value and an older one',
      `<section aria-label="Workspace ID"><dl><dt>Workspace ID</dt><dd>${WS}</dd></dl><p>${WS2}</p></section>`,
    ],
  ])('%s', (_, html) => {
    expect(ws(html)).toEqual({ status: 'found', value: WS });
  });

  it.each([
    [
      'another field’s label as bare text',
      `<div><span>Workspace ID</span>Organization ID<code>${WS}</code></div>`,
    ],
    [
      'another field’s label split in two elements',
      `<div><span>Workspace ID</span><span><b>Organization</b> ID</span><code>${WS}</code></div>`,
    ],
  ])('stops at %s', (_, html) => {
    expect(ws(html)).toEqual({ status: 'missing', reason: 'no-value' });
  });
});

describe('choices: what is and is not the chosen option', () => {
  it.each([
    [
      'native radios in a group named by its aria-label',
      '<div role="radiogroup" aria-label="Permissions"><label><input type="radio" name="p"> All</label>' +
        '<label><input type="radio" name="p" checked> Restricted</label></div>',
      { permissions: 'Restricted' },
    ],
    [
      'a checked checkbox beside the choice (not a choice itself)',
      '<fieldset><legend>Permissions</legend><label><input type="checkbox" checked> Allow fine-tuning</label>' +
        '<div role="radiogroup"><button role="radio" aria-checked="true">Restricted</button></div></fieldset>',
      { permissions: 'Restricted' },
    ],
    [
      'a listbox option selected',
      '<div><span>Project</span><div role="listbox"><div role="option">Default project</div>' +
        '<div role="option" aria-selected="true">Marketing</div></div></div>',
      { project: 'Marketing' },
    ],
    [
      'a listbox option checked',
      '<div><span>Project</span><div role="listbox"><div role="option" aria-checked="true">Research</div></div></div>',
      { project: 'Research' },
    ],
    [
      'a picker that shows only its own label (nothing chosen yet)',
      '<button aria-haspopup="listbox" aria-label="Project">Project</button>',
      {},
    ],
    [
      'two controls for one choice that disagree',
      '<label for="p">Project</label><select id="p"><option selected>Default project</option></select>' +
        '<div><span>Project</span><button aria-haspopup="listbox">Marketing</button></div>',
      {},
    ],
  ])('%s', (_, inner, expected) => {
    expect(choices(formPage(inner))).toEqual(expected);
  });

  it('the form read is the form found', () => {
    show(formPage('<label for="n">Name</label><input id="n" value="Skyhigh CASB">'));
    const form = findCreateForm(document.body) as Element;
    expect(readCreateForm(form)).toEqual({ container: form, name: 'Skyhigh CASB' });
    expect(form.id).toBe('open');
  });
});

describe('more places a value is and is not', () => {
  const ORG_SHORT = 'org-p13k…pgrk';
  const deep = (inner: string, n: number) => `${'<div>'.repeat(n)}${inner}${'</div>'.repeat(n)}`;

  it('the value the admin typed (the control’s current value), not the one the page started with', () => {
    const root = view('<label for="n">Name</label><input id="n" value="My Test Key">');
    (document.getElementById('n') as HTMLInputElement).value = 'Skyhigh CASB';
    expect(keyNameIn(root)).toBe('Skyhigh CASB');
    show(`<label for="w">Workspace ID</label><input id="w" readonly>`);
    (document.getElementById('w') as HTMLInputElement).value = WS;
    expect(readWorkspaceIds(document.body).workspaceId).toEqual({ status: 'found', value: WS });
  });

  it.each([
    [
      'a shortened Workspace ID next to a shortened Organization ID',
      `<dl><dt>Workspace ID</dt><dd><span title="${WS}">f7f33107…b5a0</span> (${ORG_SHORT})</dd></dl>`,
    ],
    [
      'a comment that names another field between the label and its value',
      `<div><span>Workspace ID</span><!--Organization ID--><code>${WS}</code></div>`,
    ],
    [
      'a legend outside a fieldset, an older value before it',
      `<div><code>${WS2}</code><legend>Workspace ID</legend><code>${WS}</code></div>`,
    ],
    [
      'a label right inside a fieldset, another value before it',
      `<fieldset><p>${WS2}</p><span>Workspace ID</span><code>${WS}</code></fieldset>`,
    ],
    [
      'a note beside the label, the value below their box',
      `<div><div><span>Workspace ID</span><span>(read only)</span></div><code>${WS}</code></div>`,
    ],
    ['a value a few boxes up from the label', `${deep('<span>Workspace ID</span>', 4)}<code>${WS}</code>`],
  ])('%s', (_, html) => {
    expect(ws(html)).toEqual({ status: 'found', value: WS });
  });

  it('a value far above the label (many boxes up) is not its value', () => {
    expect(ws(`<section>${deep('<span>Workspace ID</span>', 7)}<code>${WS}</code></section>`)).toEqual({
      status: 'missing',
      reason: 'no-value',
    });
  });

  it('a label whose control holds no ID', () => {
    expect(ws('<label for="w">Workspace ID</label><input id="w" readonly value="not set">')).toEqual({
      status: 'missing',
      reason: 'no-value',
    });
  });
});

describe('more choices', () => {
  it.each([
    [
      'a label with no choice right before the next field’s label and choice',
      '<div><span>Project</span><span>Permissions</span><div role="radiogroup">' +
        '<button role="radio" aria-checked="true">Restricted</button></div></div>',
      { permissions: 'Restricted' },
    ],
    [
      'a switch turned on and a selected tree item beside the choice',
      '<div><span>Permissions</span><div><button role="switch" aria-checked="true">Allow fine-tuning</button>' +
        '<span role="treeitem" aria-selected="true">Docs</span>' +
        '<div role="radiogroup"><button role="radio" aria-checked="true">Restricted</button></div></div></div>',
      { permissions: 'Restricted' },
    ],
    [
      'a help menu link before the picker',
      '<div><span>Project</span><div><a href="#help" aria-haspopup="menu">Help</a>' +
        '<button aria-haspopup="listbox">Default project</button></div></div>',
      { project: 'Default project' },
    ],
    [
      'a note beside the label, the picker below their box',
      '<div><div><span>Project</span><span>(optional)</span></div><button aria-haspopup="listbox">Marketing</button></div>',
      { project: 'Marketing' },
    ],
    ['a select without options', '<label for="p">Project</label><select id="p"></select>', {}],
    [
      'an icon radio named only by its aria-label',
      '<div><span>Permissions</span><div role="radiogroup"><button role="radio" aria-checked="true" aria-label="Restricted">' +
        '<svg></svg></button></div></div>',
      { permissions: 'Restricted' },
    ],
  ])('%s', (_, inner, expected) => {
    expect(choices(formPage(inner))).toEqual(expected);
  });

  it('Read only on an Admin key is flagged (Skyhigh deletes content), on a platform key as not All', () => {
    expect(formFlags({ site: 'admin-console', permissions: 'Read only' })).toEqual(['permissions-read-only']);
    expect(formFlags({ site: 'admin-console', permissions: 'All' })).toEqual([]);
    expect(formFlags({ permissions: 'Read only' })).toEqual(['permissions-not-all']);
  });

  it.each([
    'Custom',
    'Restricted',
    'Benutzerdefiniert',
    'Personnalisées',
    'Personalizado',
    'カスタム',
    '制限付き',
  ])(
    'permissions picked one by one on an Admin key (%s, the Admin Console’s choice now and before) are flagged',
    (choice) => {
      expect(formFlags({ site: 'admin-console', permissions: choice })).toEqual(['permissions-custom']);
      expect(formFlags({ permissions: choice })).toEqual(['permissions-not-all']);
    },
  );
});

describe('a field named only by its placeholder (issue 11, item 10)', () => {
  /** The name the open create form shows, through the form reader the key page uses. */
  const formName = (inner: string, before = '') => choices(formPage(inner, before)).name ?? null;

  it.each<[string, string, string | null]>([
    [
      'an input whose placeholder is its only name',
      '<input placeholder="Name" value="Skyhigh CASB">',
      'Skyhigh CASB',
    ],
    [
      'a textarea named by its placeholder',
      '<textarea placeholder="Key name">Skyhigh CASB</textarea>',
      'Skyhigh CASB',
    ],
    [
      'a placeholder in another language',
      '<input placeholder="Schlüsselname" value="Skyhigh CASB">',
      'Skyhigh CASB',
    ],
    ['the placeholder is only an example', '<input placeholder="My Test Key" value="Skyhigh CASB">', null],
    ['nothing typed yet', '<input placeholder="Name" value="">', null],
    [
      'a label names the field something else: the placeholder is a hint',
      '<label for="d">Description</label><input id="d" placeholder="Name" value="Skyhigh CASB">',
      null,
    ],
    ['a label wraps it', '<label>Description <input placeholder="Name" value="Skyhigh CASB"></label>', null],
    [
      'its aria-label names something else',
      '<input aria-label="Description" placeholder="Name" value="Zap">',
      null,
    ],
    [
      'its aria-labelledby names something else',
      '<span id="dl">Description</span><input aria-labelledby="dl" placeholder="Name" value="Zap">',
      null,
    ],
    ['a hidden field', '<input placeholder="Name" value="Skyhigh CASB" hidden>', null],
    ['a search box named "Name"', '<input type="search" placeholder="Name" value="Zapier">', null],
    ['a combobox (a picker) named "Name"', '<input role="combobox" placeholder="Name" value="Zapier">', null],
    ['a searchbox named "Name"', '<input role="searchbox" placeholder="Name" value="Zapier">', null],
    [
      'an autocomplete named "Name"',
      '<input aria-autocomplete="list" placeholder="Name" value="Zapier">',
      null,
    ],
    [
      'a list filter named "Name"',
      '<input aria-controls="l" placeholder="Name" value="Zap"><ul id="l"></ul>',
      null,
    ],
    [
      'a field in a closed section',
      '<input placeholder="Name" value=""><details><summary>More</summary><input placeholder="Name" value="Zapier"></details>',
      null,
    ],
    [
      'a field in an open section',
      '<details open><summary>More</summary><input placeholder="Name" value="Skyhigh CASB"></details>',
      'Skyhigh CASB',
    ],
    [
      'a picker filter "Name" beside a labelled, empty name field',
      '<label for="n">Name (optional)</label><input id="n" value=""><input placeholder="Name" value="Market">',
      null,
    ],
    [
      'two fields named "Name" that disagree',
      '<input placeholder="Name" value="Skyhigh CASB"><input placeholder="Name" value="skyhigh-bot">',
      null,
    ],
  ])('%s', (_, inner, expected) => {
    expect(formName(inner)).toBe(expected);
  });

  it('a label for its id elsewhere on the page (a stale copy of the form) names it otherwise', () => {
    const stale = '<div hidden><label for=":r3:">Description</label></div>';
    expect(formName('<input id=":r3:" placeholder="Name" value="Skyhigh CASB">', stale)).toBeNull();
    expect(formName('<input id=":r3:" placeholder="Name" value="Skyhigh CASB">')).toBe('Skyhigh CASB');
  });

  it('only the key name reads placeholders: an editable "Workspace ID" box may hold a pasted ID of another workspace', () => {
    expect(ws(`<h1>General</h1><input placeholder="Workspace ID" value="${WS}">`)).toEqual({
      status: 'missing',
      reason: 'no-label',
    });
  });

  it.each<[string, string, string | null]>([
    [
      'an empty field says nothing, whatever its attributes say',
      '<input placeholder="Name" data-slot="input" title="Up to 64 characters" value="">',
      null,
    ],
    [
      'no label anywhere: an empty name field and a filter box both named "Name"',
      '<input placeholder="Name" value=""><div class="popover"><input placeholder="Name" value="Market"></div>',
      null,
    ],
    [
      'a filter box in the picker’s popup is not the name field',
      '<input placeholder="Name" value="Skyhigh CASB"><div popover><input placeholder="Name" value="Market"></div>',
      'Skyhigh CASB',
    ],
    [
      'a filter box above a listbox',
      '<input placeholder="Name" value="Skyhigh CASB"><div role="listbox"><input placeholder="Name" value="Mar"></div>',
      'Skyhigh CASB',
    ],
    [
      'a field labelled by an element, in a closed section',
      '<span id="nl">Name</span><details><summary>More</summary><input aria-labelledby="nl" value="Zapier"></details>',
      null,
    ],
  ])('%s', (_, inner, expected) => {
    expect(formName(inner)).toBe(expected);
  });
});

describe("a name field followed by the form's buttons (issue 11, item 10)", () => {
  it.each<[string, string]>([
    [
      'a service-account heading, its field, then Cancel and Create',
      '<div role="radiogroup" aria-label="Owned by"><button role="radio" aria-checked="true">Service account</button></div>' +
        '<h3>Service account name</h3><div><input value="Skyhigh CASB"></div><div><button>Cancel</button></div>',
    ],
    [
      'a heading and its field in one box, the buttons in the next',
      '<div><h3>Service account name</h3><input value="Skyhigh CASB"></div><div><button>Cancel</button></div>',
    ],
    [
      'buttons made of spans',
      '<p>Name</p><input value="Skyhigh CASB"><span role="button">Abbrechen</span><span role="button">Erstellen</span>',
    ],
  ])('%s', (_, inner) => {
    expect(choices(formPage(inner)).name).toBe('Skyhigh CASB');
  });

  it.each<[string, string]>([
    [
      'Project',
      '<h3>Project</h3><select aria-label="Project"><option selected>Default project</option></select>',
    ],
    ['Permissions', '<p>Permissions</p><span role="radio" aria-checked="true">All</span>'],
    ['Owned by', '<p>Owned by</p><span role="radio" aria-checked="true">You</span>'],
    ['Workspace', '<p>Workspace</p><span>Acme</span>'],
    ['Expiration', '<p>Expiration</p><span>30 days</span>'],
    ['Caducidad', '<p>Caducidad</p><span>30 días</span>'],
  ])("the next field's label (%s) ends the name's value", (_, next) => {
    expect(
      choices(formPage(`<h3>Service account name</h3><div><input value="Skyhigh CASB"></div>${next}`)).name,
    ).toBe('Skyhigh CASB');
  });

  it.each<[string, string, string | null]>([
    [
      'an empty field under the heading, a hint after it: no name',
      '<h3>Service account name</h3><input value=""><p>Lowercase letters and dashes only</p>',
      null,
    ],
    [
      'a filled field under the heading, a hint after it: the field',
      '<h3>Service account name</h3><input value="skyhigh-casb"><p>Lowercase letters and dashes only</p>',
      'skyhigh-casb',
    ],
    [
      'an empty field in a box, a closed section after it: no name',
      '<div><h3>Service account name</h3><div><input value=""></div></div><details><summary>Advanced</summary></details>',
      null,
    ],
  ])('%s', (_, inner, expected) => {
    expect(choices(formPage(inner)).name ?? null).toBe(expected);
  });

  it('a one-time view: the name shown as text beside the read-only secret is still the name', () => {
    const secret = `sk-proj-${'a1B2c3D4e5'.repeat(8)}`;
    expect(keyNameIn(view(`<p>Name</p><p>Skyhigh CASB</p><input readonly value="${secret}">`))).toBe(
      'Skyhigh CASB',
    );
    expect(keyNameIn(view('<p>Name</p><input disabled value="Skyhigh CASB">'))).toBe('Skyhigh CASB');
  });

  it('a button after the label is no name; nor is a value that is only a button', () => {
    expect(choices(formPage('<p>Name</p><div><button>Generate</button></div>')).name).toBeUndefined();
  });

  it('a name shown inside a clickable card is still read (the card is not a button after the label)', () => {
    expect(keyNameIn(view('<div role="button"><span>Name</span><span>Skyhigh CASB</span></div>'))).toBe(
      'Skyhigh CASB',
    );
  });

  it('only the name skips buttons: an ID shown in its copy button is still read', () => {
    expect(ws(`<dl><dt>Workspace ID</dt><dd><button aria-label="Copy">${WS}</button></dd></dl>`)).toEqual({
      status: 'found',
      value: WS,
    });
  });
});

describe("what counts as the key name's value", () => {
  const name = (html: string) => keyNameIn(view(html));

  it.each<[string, string, string | null]>([
    [
      'a checkbox beside the name is no field to type it in',
      '<p>Name</p><p>Skyhigh CASB</p><input type="checkbox">',
      'Skyhigh CASB',
    ],
    [
      'an empty text area under the label: no name, not the hint',
      '<p>Name</p><textarea></textarea><p>Up to 64 characters</p>',
      null,
    ],
    [
      'a filled text area under the label',
      '<p>Name</p><textarea>Skyhigh CASB</textarea><p>Up to 64 characters</p>',
      'Skyhigh CASB',
    ],
    [
      'a hidden empty field beside the shown name',
      '<p>Name</p><p>Skyhigh CASB</p><input hidden value="">',
      'Skyhigh CASB',
    ],
    ['a name only in an attribute is not shown', '<p>Name</p><span title="Zapier"></span>', null],
    ['a name only in hidden text is not shown', '<p>Name</p><p hidden>Zapier</p>', null],
    [
      'a button after the shown name is not a second name',
      '<p>Name</p><p>Skyhigh CASB</p><button>Rename</button>',
      'Skyhigh CASB',
    ],
  ])('%s', (_, html, expected) => {
    expect(name(html)).toBe(expected);
  });

  it('an ID is still read beside a search box (typed values rule a name only)', () => {
    expect(ws(`<span>Workspace ID</span><span>${WS}</span><input placeholder="Search" value="">`)).toEqual({
      status: 'found',
      value: WS,
    });
  });
});

describe('a label in the middle of a field’s aria-labelledby list', () => {
  const name = (html: string) => keyNameIn(view(html));

  it.each<[string, string, string | null]>([
    [
      'the label first, a hint after it: the field is the name’s',
      '<span id="a">Name</span><span id="h">Up to 64 characters</span><input aria-labelledby="a h" value="Skyhigh CASB">',
      'Skyhigh CASB',
    ],
    [
      'spaces around the list do not matter',
      '<span id="a">Name</span><input aria-labelledby="  a   h " value="Skyhigh CASB"><span id="h">hint</span>',
      'Skyhigh CASB',
    ],
    [
      'after a section’s heading ("New project" + "Name"): another field, and no value here',
      '<h3 id="s">New project</h3><span id="n">Name</span><div><input aria-labelledby="s n" value="Compliance"></div>',
      null,
    ],
  ])('%s', (_, html, expected) => {
    expect(name(html)).toBe(expected);
  });

  it('an ID labelled first by its own label is read', () => {
    expect(
      ws(
        `<span id="g">Workspace ID</span><input aria-labelledby="g x" readonly value="${WS}"><span id="x">(copy)</span>`,
      ),
    ).toEqual({ status: 'found', value: WS });
  });
});
