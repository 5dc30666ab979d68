/**
 * The Skyhigh fill is where the secret leaves the extension: it goes into a control only when that
 * control is, without doubt, the field of the ChatGPT instance form, can be typed into, and is
 * seen. Every other control on the page keeps its value, whatever its label also says.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  fillForm,
  findInstanceForm,
  type HandoffValues,
  setValue,
} from '../../src/core/readers/skyhigh-form';
import { mayFill } from '../../src/core/sites/skyhigh';

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const ORG = 'org-p13k3klgno5cqxbf0q8hpgrk';
const KEY = 'sk-mOWgzQSVHpR49ZjT3v6SdNrmFAH16bK9nO7XPyqAOX2KL3Ad';
const VALUES = { instanceName: 'ChatGPT Enterprise', workspaceId: WS, organizationId: ORG, apiKey: KEY };
const CONSOLE = 'www.myshn.net';
const CONSOLE_URL = 'https://www.myshn.net/shndash/';
/** A heading that proves the form below it is the ChatGPT instance form. */
const TITLE = '<h2>OpenAI - ChatGPT</h2>';

/**
 * What content/skyhigh-fill does with a hand-off: on the configured console only, fill the form
 * that proves to be the ChatGPT instance form, only inside it; null when it refuses.
 */
function fillConsolePage(doc: Document, url: string, consoleHost: string, values: HandoffValues) {
  if (!mayFill(url, consoleHost)) return null;
  const { form, refusal } = findInstanceForm(doc);
  return form && !refusal ? fillForm(form.region, values, form.match) : null;
}

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
    'Query API token',
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
    'API key passcode',
    'Passphrase (API key)',
    'User name',
    'Username for the API key',
    'Login API key',
    'Log in with API key',
    'Sign in API key',
    'API key verification code',
    'Verify API key',
    'Code',
    'One-time API key',
    'OTP',
    'TOTP API key',
    'MFA API key',
    '2FA API token',
    'Two-factor API key',
    'PIN',
    'Client secret',
    'Client ID',
    'Recovery API key',
  ])('%j', (label) => {
    html(`<label for="x">${label}</label><input id="x" value="before">`);
    const r = fillForm(document, VALUES);
    expect(controlValue('#x')).toBe('before');
    expect(r.filled).toEqual([]);
  });

  it.each([
    'Search API key',
    'Filter workspace ID',
    'Password',
    'API key verification code',
    'Username for the API key',
    'Client secret',
    '2FA API token',
  ])('%j keeps its value even in a proven ChatGPT form that is filled', (label) => {
    html(
      `<form aria-label="OpenAI ChatGPT instance"><input id="ws" aria-label="Workspace ID">` +
        `<input id="k" aria-label="API key"><label for="x">${label}</label><input id="x" value="before"></form>`,
    );
    const r = fillConsolePage(document, CONSOLE_URL, CONSOLE, { workspaceId: WS, apiKey: KEY });
    expect(r?.filled).toEqual(['workspaceId', 'apiKey']);
    expect(allValues()).toEqual({ ws: WS, k: KEY, x: 'before' });
  });

  it.each(['one-time-code', 'current-password', 'username', 'email', 'section-a one-time-code'])(
    'a control with autocomplete=%j is never filled, whatever its label',
    (autocomplete) => {
      html(
        `${TITLE}<input id="ws" aria-label="Workspace ID">` +
          `<input id="k" aria-label="API key" autocomplete="${autocomplete}" value="before">`,
      );
      expect(fillForm(document, { apiKey: KEY })).toEqual({ filled: [], missing: ['apiKey'], ambiguous: [] });
      expect(fillConsolePage(document, CONSOLE_URL, CONSOLE, { workspaceId: WS, apiKey: KEY })).toBeNull();
      expect(allValues()).toEqual({ ws: '', k: 'before' });
    },
  );

  it('marks only whole words: "Researcher API key" and "Notebook" are not "search" or "note"', () => {
    html(
      `<label for="a">Researcher API key</label><input id="a">` +
        `<label for="b">Notebook workspace ID</label><input id="b">`,
    );
    fillForm(document, VALUES);
    expect(allValues()).toEqual({ a: KEY, b: WS });
  });

  it.each(['Researcher token', 'Token', 'Secret', 'Access token', 'Bearer token'])(
    'a bare %j is no longer taken for the key field',
    (label) => {
      html(`${TITLE}<input id="ws" aria-label="Workspace ID"><label for="t">${label}</label><input id="t">`);
      expect(fillForm(document, { apiKey: KEY })).toEqual({ filled: [], missing: ['apiKey'], ambiguous: [] });
      expect(fillConsolePage(document, CONSOLE_URL, CONSOLE, { workspaceId: WS, apiKey: KEY })).toBeNull();
      expect(allValues()).toEqual({ ws: '', t: '' });
    },
  );

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
    // a form that otherwise qualifies: named for ChatGPT, with a usable Workspace ID field
    html(`${TITLE}<input id="ws" aria-label="Workspace ID">${markup}`);
    const before = (document.getElementById('c') as HTMLInputElement).value;
    const r = fillForm(document, { apiKey: KEY });
    expect(r).toEqual({ filled: [], missing: ['apiKey'], ambiguous: [] });
    expect((document.getElementById('c') as HTMLInputElement).value).toBe(before);
    expect(findInstanceForm(document)).toEqual({ form: null, refusal: 'no-form' });
    expect(fillConsolePage(document, CONSOLE_URL, CONSOLE, { workspaceId: WS, apiKey: KEY })).toBeNull();
    expect((document.getElementById('ws') as HTMLInputElement).value).toBe('');
    expect((document.getElementById('c') as HTMLInputElement).value).toBe(before);
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
    ['an API token', '<label for="c">API token</label><input id="c">', 'apiKey'],
    ['an API access key', '<label for="c">API access key</label><input id="c">', 'apiKey'],
    ['an API access token', '<label for="c">API Access Token</label><input id="c">', 'apiKey'],
    ['an API secret', '<label for="c">API secret</label><input id="c">', 'apiKey'],
    ['an API secret key', '<label for="c">API secret key</label><input id="c">', 'apiKey'],
    ['an OpenAI key', '<label for="c">OpenAI key</label><input id="c">', 'apiKey'],
    ['an OpenAI API key', '<label for="c">OpenAI API key</label><input id="c">', 'apiKey'],
    ['a Compliance API key', '<label for="c">Compliance API key</label><input id="c">', 'apiKey'],
  ])('%s', (_, markup, field) => {
    html(markup);
    const r = fillForm(document, VALUES);
    expect(r.filled).toEqual([field]);
    expect((document.querySelector('input') as HTMLInputElement).value).toBe(
      VALUES[field as keyof typeof VALUES],
    );
  });

  it.each([
    ['a client secret (never filled)', '<label for="c">Client Secret</label><input id="c">'],
    ['an access token (no longer a key field)', '<label for="c">Access token</label><input id="c">'],
    ['a bare secret (no longer a key field)', '<label for="c">Secret</label><input id="c">'],
    ['a bare token (no longer a key field)', '<label for="c">Token</label><input id="c">'],
  ])('not a field: %s', (_, markup) => {
    html(markup);
    expect(fillForm(document, VALUES).filled).toEqual([]);
    expect((document.querySelector('input') as HTMLInputElement).value).toBe('');
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

describe('the form proves it is the ChatGPT instance form', () => {
  const FIELDS = '<input aria-label="Workspace ID"><input aria-label="API key">';
  it.each([
    ['only a Workspace ID field', `${TITLE}<input aria-label="Workspace ID">`],
    ['only an API key field', `${TITLE}<input aria-label="API key">`],
    [
      'only a name and an Organization ID',
      `${TITLE}<input aria-label="Name"><input aria-label="Organization ID">`,
    ],
    ['nothing', `${TITLE}<p>Welcome</p>`],
  ])('no form with %s', (_, markup) => {
    html(markup);
    expect(findInstanceForm(document)).toEqual({ form: null, refusal: 'no-form' });
  });

  it.each([
    ['two Workspace ID fields', `${TITLE}<input aria-label="Workspace ID">${FIELDS}`],
    ['two API key fields', `${TITLE}<input aria-label="API key">${FIELDS}`],
  ])('no form with %s: it is ambiguous', (_, markup) => {
    html(markup);
    expect(findInstanceForm(document)).toEqual({ form: null, refusal: 'ambiguous' });
  });

  it.each([
    ['a heading inside the form', `<form><h3>ChatGPT Enterprise</h3>${FIELDS}</form>`],
    ['the form’s aria-label', `<form aria-label="OpenAI ChatGPT instance">${FIELDS}</form>`],
    ['the form’s aria-labelledby', `<span id="t">Open AI</span><form aria-labelledby="t">${FIELDS}</form>`],
    ['the nearest heading before it', `<h2>Other</h2><h2>OpenAI - ChatGPT</h2><div>${FIELDS}</div>`],
    ['a breadcrumb', `<div aria-label="Breadcrumb">Connectors / ChatGPT</div><section>${FIELDS}</section>`],
    ['a dialog’s heading', `<div role="dialog"><h1>Chat GPT</h1><div>${FIELDS}</div></div>`],
  ])('proven by %s', (_, markup) => {
    html(markup);
    const r = findInstanceForm(document);
    expect(r.refusal).toBeNull();
    expect(r.form?.proven).toBe(true);
  });

  it.each([
    ['nothing naming a service', `<form>${FIELDS}</form>`],
    ['a sidebar link only', `<nav><h2>ChatGPT</h2></nav><form>${FIELDS}</form>`],
    ['a page header only', `<header><h1>OpenAI</h1></header><form>${FIELDS}</form>`],
    ['a heading after the form', `<form>${FIELDS}</form><h2>ChatGPT</h2>`],
    ['a word that only contains the name', `<form aria-label="NotOpenAIish">${FIELDS}</form>`],
    [
      'a service chosen in a select (lists name them all)',
      `<form><select><option>ChatGPT</option><option>Slack</option></select>${FIELDS}</form>`,
    ],
  ])('not proven by %s: refused, nothing filled', (_, markup) => {
    html(markup);
    const r = findInstanceForm(document);
    expect(r.refusal).toBe('not-chatgpt');
    expect(r.form?.proven).toBe(false);
    expect(fillConsolePage(document, CONSOLE_URL, CONSOLE, VALUES)).toBeNull();
    for (const c of document.querySelectorAll('input')) expect(c.value).toBe('');
  });

  it('fills only the controls inside the proven form’s region', () => {
    html(
      '<label for="outside">Instance name</label><input id="outside">' +
        '<form aria-label="OpenAI ChatGPT instance"><input id="ws" aria-label="Workspace ID">' +
        '<input id="k" aria-label="API key"></form>' +
        '<section><label for="org">Organization ID</label><input id="org"></section>',
    );
    const r = fillConsolePage(document, CONSOLE_URL, CONSOLE, VALUES);
    expect(r).toEqual({
      filled: ['workspaceId', 'apiKey'],
      missing: ['instanceName', 'organizationId'],
      ambiguous: [],
    });
    expect(allValues()).toEqual({ outside: '', ws: WS, k: KEY, org: '' });
  });

  it('a field on the page twice, once in the form and once outside: the form’s own is filled', () => {
    html(
      '<aside><label for="search-name">Instance name</label><input id="search-name"></aside>' +
        '<form aria-label="OpenAI ChatGPT instance"><label for="name">Instance name</label><input id="name">' +
        '<input id="ws" aria-label="Workspace ID"><x-key id="host"></x-key>' +
        '<input id="note" aria-label="Description"></form>',
    );
    const host = document.getElementById('host') as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML = '<input id="k" aria-label="API key">';
    const { form, refusal } = findInstanceForm(document);
    expect(refusal).toBeNull();
    // ambiguous on the page, one in the form; the key inside a component of the form is the form's;
    // a control named nothing handed off is none of them
    expect(Object.keys(form?.match.controls ?? {}).sort()).toEqual(['apiKey', 'instanceName', 'workspaceId']);
    expect(form?.match.ambiguous).toEqual([]);
    const r = fillConsolePage(document, CONSOLE_URL, CONSOLE, VALUES);
    expect(r).toEqual({
      filled: ['instanceName', 'workspaceId', 'apiKey'],
      missing: ['organizationId'],
      ambiguous: [],
    });
    expect(allValues()).toEqual({ 'search-name': '', name: VALUES.instanceName, ws: WS, note: '' });
    expect(host.shadowRoot?.querySelector('input')?.value).toBe(KEY);
  });
});

describe('the page the fill acts on', () => {
  const form = `${TITLE}<input id="ws" aria-label="Workspace ID"><input id="k" aria-label="API key">`;
  it.each([
    ['the configured console', 'https://www.myshn.net/shndash/', 'www.myshn.net', true],
    ['a tenant console', 'https://tenant.myshn.eu/shndash/x', 'tenant.myshn.eu', true],
    ['a page of the console outside /shndash/', 'https://tenant.myshn.eu/x', 'tenant.myshn.eu', false],
    ['the console’s root', 'https://www.myshn.net/', 'www.myshn.net', false],
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

  it('bare text before a control in its box (no element around the words)', () => {
    html('<div>Workspace ID <input id="w"></div><div>API key: <input id="k"></div>');
    expect(fillForm(document, { workspaceId: WS, apiKey: KEY }).filled).toEqual(['workspaceId', 'apiKey']);
    expect(allValues()).toEqual({ w: WS, k: KEY });
  });

  it('a framework’s comment between the words and the control is not part of its name', () => {
    html(
      `<div><span>API key</span><!--bindings={"ng-reflect-ng-if": "true", "ng-reflect-name": "apiKeyField"}--><input id="k"></div>`,
    );
    expect(fillForm(document, { apiKey: KEY }).filled).toEqual(['apiKey']);
    expect(controlValue('#k')).toBe(KEY);
  });

  it('a heading far above a control does not name it', () => {
    html(`<h2>Secret</h2><section>${'<div>'.repeat(4)}<input id="far">${'</div>'.repeat(4)}</section>`);
    expect(fillForm(document, { apiKey: KEY })).toEqual({ filled: [], missing: ['apiKey'], ambiguous: [] });
    expect(controlValue('#far')).toBe('');
  });
});
