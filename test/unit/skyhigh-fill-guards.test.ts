/**
 * The Skyhigh fill is where the secret leaves the extension: it goes into a control only when that
 * control is, without doubt, the field of the ChatGPT instance form, can be typed into, and is
 * seen. Every other control on the page keeps its value, whatever its label also says.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fillConsolePage } from '../../src/core/outcomes';
import { fillForm, formIsPresent, matchFields, setValue } from '../../src/core/readers/skyhigh-form';

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const ORG = 'org-p13k3klgno5cqxbf0q8hpgrk';
const KEY = 'sk-mOWgzQSVHpR49ZjT3v6SdNrmFAH16bK9nO7XPyqAOX2KL3Ad';
const VALUES = { instanceName: 'ChatGPT Enterprise', workspaceId: WS, organizationId: ORG, apiKey: KEY };

const html = (s: string) => {
  document.body.innerHTML = s;
};
const controlValue = (sel: string) => (document.querySelector(sel) as HTMLInputElement).value;
/** Every control's value, by id: what the admin would see after the fill. */
const allValues = () =>
  Object.fromEntries(
    [...document.querySelectorAll('input, textarea')].map((c) => [c.id, (c as HTMLInputElement).value]),
  );

beforeEach(() => html(''));

describe('words that mark a control the fill never touches', () => {
  it.each([
    'Search',
    'Search API key',
    'Filter workspace ID',
    'Find organization ID',
    'Query token',
    'Description',
    'Comment',
    'API key notes',
    'Note',
    'Password',
    'Proxy password (API key)',
    'E-mail',
    'Email',
    'e mail',
    'Notify e-mail of the workspace ID',
  ])('%j', (label) => {
    html(`<label for="x">${label}</label><input id="x" value="before">`);
    const r = fillForm(document, VALUES);
    expect(controlValue('#x')).toBe('before');
    expect(r.filled).toEqual([]);
  });

  it('marks only whole words: "Researcher token" and "Notebook" are not "search" or "note"', () => {
    html(
      `<label for="a">Researcher token</label><input id="a">` +
        `<label for="b">Notebook workspace ID</label><input id="b">`,
    );
    fillForm(document, VALUES);
    expect(allValues()).toEqual({ a: KEY, b: WS });
  });

  it('a never-fill word in any of a control’s names wins over its field label', () => {
    html(`<label for="k">API key</label><input id="k" placeholder="Search">`);
    expect(fillForm(document, VALUES).filled).toEqual([]);
    expect(controlValue('#k')).toBe('');
  });
});

describe('controls that cannot or must not be typed into', () => {
  it.each([
    ['disabled', '<input id="c" aria-label="API key" disabled>'],
    ['read-only', '<input id="c" aria-label="API key" readonly>'],
    ['a search box by role', '<input id="c" aria-label="API key" role="searchbox">'],
    ['a combo box by role', '<input id="c" aria-label="API key" role="combobox">'],
    ['hidden', '<input id="c" aria-label="API key" hidden>'],
    ['aria-hidden', '<input id="c" aria-label="API key" aria-hidden="true">'],
    ['in a hidden box', '<div hidden><input id="c" aria-label="API key"></div>'],
    ['in an aria-hidden box', '<div aria-hidden="true"><div><input id="c" aria-label="API key"></div></div>'],
    ['in a display:none box', '<div style="display: none"><input id="c" aria-label="API key"></div>'],
    [
      'in a visibility:hidden box',
      '<div style="visibility:hidden"><input id="c" aria-label="API key"></div>',
    ],
    ['a hidden input', '<input id="c" type="hidden" aria-label="API key">'],
    ['a checkbox', '<input id="c" type="checkbox" aria-label="API key">'],
    ['a number input', '<input id="c" type="number" aria-label="API key">'],
    ['a search input', '<input id="c" type="search" aria-label="API key">'],
    ['a select', '<select id="c" aria-label="API key"><option value="">-</option></select>'],
  ])('%s: never filled, reported missing', (_, markup) => {
    html(markup);
    const before = (document.getElementById('c') as HTMLInputElement).value;
    const r = fillForm(document, { apiKey: KEY });
    expect(r).toEqual({ filled: [], missing: ['apiKey'], ambiguous: [] });
    expect((document.getElementById('c') as HTMLInputElement).value).toBe(before);
    expect(formIsPresent(matchFields(document))).toBe(false);
  });

  it('a disabled or read-only twin does not make the usable field ambiguous', () => {
    html(
      '<input id="old" aria-label="API key" disabled value="sk-old">' +
        '<input id="ro" aria-label="API key" readonly>' +
        '<input id="new" aria-label="API key">',
    );
    expect(fillForm(document, { apiKey: KEY })).toEqual({ filled: ['apiKey'], missing: [], ambiguous: [] });
    expect(allValues()).toEqual({ old: 'sk-old', ro: '', new: KEY });
  });

  it.each([
    ['no type', '<input id="c" aria-label="API key">'],
    ['text', '<input id="c" type="TEXT" aria-label="API key">'],
    ['password', '<input id="c" type="password" aria-label="API key">'],
    ['url', '<input id="c" type="url" aria-label="API key">'],
    ['email', '<input id="c" type="email" aria-label="API key">'],
    ['tel', '<input id="c" type="tel" aria-label="API key">'],
    ['a textarea', '<textarea id="c" aria-label="API key"></textarea>'],
  ])('a text-like control is filled: %s', (_, markup) => {
    html(markup);
    expect(fillForm(document, { apiKey: KEY }).filled).toEqual(['apiKey']);
    expect((document.getElementById('c') as HTMLInputElement).value).toBe(KEY);
  });

  it('a control inside a hidden component’s shadow root is not filled', () => {
    html('<x-field hidden id="host"></x-field><x-field id="shown"></x-field>');
    for (const host of document.querySelectorAll('x-field')) {
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML = `<input id="${host.id}-input" aria-label="Workspace ID">`;
    }
    const r = fillForm(document, { workspaceId: WS });
    expect(r.filled).toEqual(['workspaceId']);
    const input = (id: string) =>
      document.getElementById(id)?.shadowRoot?.querySelector('input') as HTMLInputElement;
    expect(input('host').value).toBe('');
    expect(input('shown').value).toBe(WS);
  });
});

describe('doubt: nothing is filled', () => {
  it('two usable controls for one field: neither is filled, the field is reported ambiguous', () => {
    html('<input id="a" aria-label="Workspace ID"><input id="b" placeholder="workspace id">');
    expect(fillForm(document, { workspaceId: WS, apiKey: KEY })).toEqual({
      filled: [],
      missing: ['apiKey'],
      ambiguous: ['workspaceId'],
    });
    expect(allValues()).toEqual({ a: '', b: '' });
  });

  it('a control whose names point at two fields is none of them', () => {
    html('<input id="both" aria-label="Workspace ID" placeholder="Organization ID">');
    expect(fillForm(document, VALUES).filled).toEqual([]);
    expect(controlValue('#both')).toBe('');
  });

  it.each([
    'Workspace IDs',
    'Former workspace',
    'Key name',
    'Username',
    'Workspace name',
    'Monkey',
    'Tokens used',
    'Organization',
    'Instance',
  ])('a label that only looks like a field: %j', (label) => {
    html(`<label for="x">${label}</label><input id="x">`);
    expect(fillForm(document, VALUES).filled).toEqual([]);
    expect(controlValue('#x')).toBe('');
  });

  it('values not handed over are neither filled nor reported', () => {
    html('<input id="ws" aria-label="Workspace ID"><input id="k" aria-label="API key">');
    expect(fillForm(document, { workspaceId: WS, apiKey: '' })).toEqual({
      filled: ['workspaceId'],
      missing: [],
      ambiguous: [],
    });
    expect(allValues()).toEqual({ ws: WS, k: '' });
  });
});

describe('how the form’s fields may be named', () => {
  it.each([
    ['label for', '<label for="c">Workspace ID</label><input id="c">', 'workspaceId'],
    ['a wrapping label', '<label>ChatGPT Workspace ID <input id="c"></label>', 'workspaceId'],
    [
      'aria-labelledby',
      '<span id="l">Organisation ID</span><input id="c" aria-labelledby="l">',
      'organizationId',
    ],
    ['aria-label', '<input id="c" aria-label="Org identifier">', 'organizationId'],
    ['placeholder', '<input id="c" placeholder="workspace_uuid">', 'workspaceId'],
    ['nearby text', '<div><span>Secret key</span><input id="c"></div>', 'apiKey'],
    ['nearby text one box up', '<div><span>API token:</span><div><input id="c"></div></div>', 'apiKey'],
    ['a colon and a required star', '<label for="c">Instance name *</label><input id="c">', 'instanceName'],
    ['a bare Name', '<label for="c">Name</label><input id="c">', 'instanceName'],
    ['a name of the instance', '<label for="c">Name of the instance</label><input id="c">', 'instanceName'],
    ['a display name', '<label for="c">Display name</label><input id="c">', 'instanceName'],
    ['a client secret', '<label for="c">Client Secret</label><input id="c">', 'apiKey'],
    ['an access token', '<label for="c">Access token</label><input id="c">', 'apiKey'],
  ])('%s', (_, markup, field) => {
    html(markup);
    const r = fillForm(document, VALUES);
    expect(r.filled).toEqual([field]);
    expect((document.querySelector('input') as HTMLInputElement).value).toBe(
      VALUES[field as keyof typeof VALUES],
    );
  });

  it('a component labelled on its host (aria-label or label)', () => {
    html('<x-f id="a" aria-label="Workspace ID"></x-f><x-f id="b" label="API key"></x-f>');
    for (const host of document.querySelectorAll('x-f'))
      host.attachShadow({ mode: 'open' }).innerHTML = '<input>';
    expect(fillForm(document, { workspaceId: WS, apiKey: KEY }).filled).toEqual(['workspaceId', 'apiKey']);
  });

  it('nearby text is not taken across another control or from a long paragraph', () => {
    html(
      '<div><span>API key</span><input id="first"><input id="second"></div>' +
        `<div><p>${'Paste the secret here and then press the button to save it. '.repeat(2)}</p><input id="third"></div>`,
    );
    fillForm(document, VALUES);
    expect(allValues()).toEqual({ first: KEY, second: '', third: '' });
  });
});

describe('filling so that the console notices', () => {
  it('sets the value through the native setter and sends input and change that bubble', () => {
    html('<form id="f"><input id="c" aria-label="Workspace ID"></form>');
    const el = document.getElementById('c') as HTMLInputElement;
    // a framework that tracks its own value on the instance
    let tracked = '';
    Object.defineProperty(el, 'value', {
      configurable: true,
      get: () => tracked,
      set: (v: string) => {
        tracked = `framework saw ${v}`;
      },
    });
    const seen: string[] = [];
    document
      .getElementById('f')
      ?.addEventListener('input', (e) => seen.push(`input:${(e as Event).composed}`));
    document.getElementById('f')?.addEventListener('change', () => seen.push('change'));
    setValue(el, WS);
    expect(tracked).toBe('');
    delete (el as { value?: string }).value;
    expect(el.value).toBe(WS);
    expect(seen).toEqual(['input:true', 'change']);
  });

  it('fills a textarea through its own setter', () => {
    html('<textarea id="t" aria-label="API key"></textarea>');
    const seen: string[] = [];
    document.body.addEventListener('change', () => seen.push('change'));
    fillForm(document, { apiKey: KEY });
    expect((document.getElementById('t') as HTMLTextAreaElement).value).toBe(KEY);
    expect(seen).toEqual(['change']);
  });
});

describe('the form is worth filling', () => {
  it.each([
    ['a Workspace ID field', '<input aria-label="Workspace ID">', true],
    ['an API key field', '<input aria-label="API key">', true],
    [
      'only a name and an Organization ID',
      '<input aria-label="Name"><input aria-label="Organization ID">',
      false,
    ],
    ['nothing', '<p>Welcome</p>', false],
  ])('with %s: %s', (_, markup, present) => {
    html(markup);
    expect(formIsPresent(matchFields(document))).toBe(present);
  });
});

describe('the page the fill acts on', () => {
  const form = '<input id="ws" aria-label="Workspace ID"><input id="k" aria-label="API key">';
  it.each([
    ['the configured console', 'https://www.myshn.net/shndash/', 'www.myshn.net', true],
    ['a tenant console', 'https://tenant.myshn.eu/x', 'tenant.myshn.eu', true],
    ['http', 'http://www.myshn.net/shndash/', 'www.myshn.net', false],
    ['another port', 'https://www.myshn.net:8443/shndash/', 'www.myshn.net', false],
    ['credentials in the URL', 'https://user:pw@www.myshn.net/shndash/', 'www.myshn.net', false],
    ['a user name in the URL', 'https://user@www.myshn.net/shndash/', 'www.myshn.net', false],
    ['another documented console', 'https://www.myshn.eu/shndash/', 'www.myshn.net', false],
    ['a sub-domain of the console', 'https://a.www.myshn.net/', 'www.myshn.net', false],
    ['a look-alike configured as console', 'https://evil.example/', 'evil.example', false],
    ['the documentation site', 'https://success.myshn.net/', 'success.myshn.net', false],
    ['not a URL', 'www.myshn.net', 'www.myshn.net', false],
  ])('%s', (_, url, host, fills) => {
    html(form);
    const r = fillConsolePage(document, url, host, { workspaceId: WS, apiKey: KEY });
    if (fills) expect(r?.filled).toEqual(['workspaceId', 'apiKey']);
    else expect(r).toBeNull();
    expect(allValues()).toEqual(fills ? { ws: WS, k: KEY } : { ws: '', k: '' });
  });
});

describe('names that only one source gives', () => {
  it('a <label for> away from its control', () => {
    html('<label for="k">API key</label><p>Paste it below.</p><div><span>•</span><input id="k"></div>');
    expect(fillForm(document, { apiKey: KEY }).filled).toEqual(['apiKey']);
    expect(controlValue('#k')).toBe(KEY);
  });

  it('a wrapping label whose text follows the control', () => {
    html('<label><input id="k"> API key</label>');
    expect(fillForm(document, { apiKey: KEY }).filled).toEqual(['apiKey']);
  });

  it('a label split in two elements', () => {
    html('<div><span>Instance</span><span>name</span><input id="n"></div>');
    expect(fillForm(document, { instanceName: 'ChatGPT' }).filled).toEqual(['instanceName']);
    expect(controlValue('#n')).toBe('ChatGPT');
  });

  it('nearby text is not taken across a box or a component that holds a control', () => {
    html('<div><span>API key</span><div><input id="first"></div><input id="second"></div>');
    fillForm(document, { apiKey: KEY });
    expect(allValues()).toEqual({ first: KEY, second: '' });
    html('<div><span>API key</span><x-field id="host"></x-field><input id="second"></div>');
    (document.getElementById('host') as Element).attachShadow({ mode: 'open' }).innerHTML = '<input>';
    expect(fillForm(document, { apiKey: KEY })).toEqual({ filled: ['apiKey'], missing: [], ambiguous: [] });
    expect(controlValue('#second')).toBe('');
  });

  it('a heading far above a control does not name it', () => {
    html(`<h2>Secret</h2><section>${'<div>'.repeat(4)}<input id="far">${'</div>'.repeat(4)}</section>`);
    expect(fillForm(document, { apiKey: KEY })).toEqual({ filled: [], missing: ['apiKey'], ambiguous: [] });
    expect(controlValue('#far')).toBe('');
  });
});
