/**
 * The secret is taken only from a view that proves it is the one-time secret view: a visible
 * dialog that says the key is shown once and offers Copy or Done, holding exactly one whole,
 * real-looking key as the whole value of one read-only control or element. Anything less (a sample
 * key in the docs, a key in running text, a redacted key in the list, an editable field, two keys,
 * a hidden one) gives nothing. The key's name is read beside it by `keyNameIn`, in
 * the view the secret was found in (what the key-page scripts do: `readKeyPage` below).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readKeyDialog, secretShownIn } from '../../src/core/readers/key-dialog';
import { keyNameIn } from '../../src/core/readers/key-name';
import { isKeyPageUrl } from '../../src/core/sites/openai';

const KEY =
  'sk-proj-7VTjdj6WmtBrT3GSH8x9cazQUz6h0XeXwhv166wn_uQwU30blyqsZYJDviFkhNxP5EvPyuJprkrnFflVzEmJvqokwWQc';
const KEY2 = 'sk-mOWgzQSVHpR49ZjT3v6SdNrmFAH16bK9nO7XPyqAOX2KL3Ad';
const KEY_PAGE = 'https://platform.openai.com/api-keys';
const ONCE = "<p>Please save your secret key in a safe place since you won't be able to view it again.</p>";

/** The platform's secret view: a modal dialog with the one-time wording and `body`. */
const dialog = (body: string, attrs = '') =>
  `<div role="dialog" aria-modal="true" ${attrs}><h2>Save your key</h2>${ONCE}${body}<button>Done</button></div>`;

const show = (html: string) => {
  document.body.innerHTML = html;
  return document.body;
};

const NOTHING = { secretShown: false, secret: null, keyLast4: null, keyName: null, container: null };

/** What the key-page content scripts make of a page: key pages only, the secret, its name beside it. */
function readKeyPage(doc: Document, url: string) {
  if (!isKeyPageUrl(url)) return null;
  const shown = readKeyDialog(doc.body);
  return { ...shown, keyName: shown.container ? keyNameIn(shown.container) : null };
}

/** The key's name as the extension notes it: read in the view the secret was found in. */
const nameShown = () => readKeyPage(document, KEY_PAGE)?.keyName ?? null;

beforeEach(() => show(''));

describe('a one-time secret view', () => {
  it.each([
    ['a read-only input', `<input readonly aria-label="Secret key" value="${KEY}">`],
    ['a textarea', `<textarea readonly>${KEY}</textarea>`],
    ['a code element', `<code>${KEY}</code>`],
    ['a pre element holding only the key', `<pre>\n  ${KEY}\n</pre>`],
    ['plain text next to a Copy button', `<div><span>${KEY}</span><button>Copy</button></div>`],
    ['the same key twice (text and input)', `<code>${KEY}</code><input readonly value="${KEY}">`],
  ])('gives the key shown in %s, with its last 4 and its dialog', (_, body) => {
    const root = show(dialog(body));
    const r = readKeyDialog(root);
    expect(r).toMatchObject({ secretShown: true, secret: KEY, keyLast4: 'wWQc' });
    expect(r.container).toBe(document.querySelector('[role="dialog"]'));
    expect(readKeyPage(document, 'https://platform.openai.com/api-keys')).toMatchObject({ secret: KEY });
    expect(secretShownIn(r.container as Element)).toBe(true);
  });

  it.each([
    ['a definition list', '<dl><dt>Name</dt><dd>Skyhigh CASB</dd></dl>'],
    ['a label and its value', '<div><span>Key name</span><span>Skyhigh CASB</span></div>'],
  ])('names the key from %s', (_, name) => {
    const r = readKeyDialog(show(dialog(`${name}<input readonly value="${KEY}">`)));
    expect(r).toMatchObject({ secretShown: true, secret: KEY });
    // the dialog reader gives the secret only; the name is read in the view it was found in
    expect(r.keyName).toBeNull();
    expect(keyNameIn(r.container as Element)).toBe('Skyhigh CASB');
    expect(readKeyPage(document, KEY_PAGE)).toMatchObject({ secret: KEY, keyName: 'Skyhigh CASB' });
  });

  // Found with #18: when the name label's value is the key itself, the name reader skipped it and
  // took the dialog's next text ("Done") as the name. A button's word is never a name now.
  it('never takes a key-shaped text, nor the text after it, as the key’s name', () => {
    const r = readKeyDialog(show(dialog(`<dl><dt>Name</dt><dd>${KEY}</dd></dl>`)));
    expect(r.secret).toBe(KEY);
    expect(keyNameIn(r.container as Element)).toBeNull();
    expect(readKeyPage(document, KEY_PAGE)).toMatchObject({ secret: KEY, keyName: null });
  });

  it('gives no name when the view shows none', () => {
    const r = readKeyDialog(show(dialog(`<input readonly value="${KEY}">`)));
    expect(r.keyName).toBeNull();
    expect(nameShown()).toBeNull();
  });

  it.each([
    [
      'an open <dialog>',
      `<dialog open><h2>Save your key</h2>${ONCE}<code>${KEY}</code><button>Copy</button></dialog>`,
    ],
    [
      'a panel without a dialog, the wording close above',
      `<main><div>${ONCE}<div><div><code>${KEY}</code></div><button>Done</button></div></div></main>`,
    ],
    [
      'a Copy button alone',
      `<div role="dialog">${ONCE}<code>${KEY}</code><button aria-label="Copy"></button></div>`,
    ],
  ])('gives the key shown in %s', (_, html) => {
    expect(readKeyDialog(show(html))).toMatchObject({ secretShown: true, secret: KEY, keyLast4: 'wWQc' });
  });
});

describe('no proof, no key', () => {
  it.each([
    ['no key at all', dialog('<p>Nothing here</p>')],
    ['a redacted key', dialog('<code>sk-...wWQc</code>')],
    ['a shortened key', dialog(`<code>${KEY.slice(0, 12)}…${KEY.slice(-4)}</code>`)],
    ['a placeholder key', dialog(`<code>sk-${'X'.repeat(48)}</code>`)],
    ['a sample key wording', dialog('<input readonly value="sk-your-api-key-goes-here-xxxxxxxx">')],
    ['an editable input', dialog(`<input value="${KEY}">`)],
    ['an editable textarea', dialog(`<textarea>${KEY}</textarea>`)],
    ['a key inside running text', dialog(`<p>Your new key is ${KEY}</p>`)],
    ['a key inside a label', dialog(`<label>Secret key <span>${KEY}</span></label>`)],
    ['a key inside a code sample', dialog(`<pre>export OPENAI_API_KEY=<span>${KEY}</span></pre>`)],
    ['a key inside a link', dialog(`<a href="#">Key: <span>${KEY}</span></a>`)],
    ['a key inside a button', dialog(`<button>Copy <span>${KEY}</span></button>`)],
    ['a key in a table cell', dialog(`<table><tr><td>${KEY}</td></tr></table>`)],
    ['a key in a list item', dialog(`<ul><li><code>${KEY}</code></li></ul>`)],
    ['a key in a grid row', dialog(`<div role="grid"><div role="row"><code>${KEY}</code></div></div>`)],
    ['a key in a list', dialog(`<div role="list"><code>${KEY}</code></div>`)],
    [
      'another key-shaped placeholder in the view',
      dialog(`<code>${KEY}</code><code>sk-${'X'.repeat(40)}</code>`),
    ],
    [
      'another key-shaped token of 16 characters',
      dialog(`<code>${KEY}</code><p>Old: sk-abcdefghijklmnop</p>`),
    ],
    [
      'no Copy or Done button',
      `<div role="dialog" aria-modal="true"><h2>Save your key</h2>${ONCE}<code>${KEY}</code></div>`,
    ],
    [
      'a hidden Copy button only',
      `<div role="dialog">${ONCE}<code>${KEY}</code><button hidden>Copy</button></div>`,
    ],
    [
      'a <dialog> that is not open',
      `<dialog><h2>Save your key</h2>${ONCE}<code>${KEY}</code><button>Copy</button></dialog>`,
    ],
    ['two different keys', dialog(`<code>${KEY}</code><code>${KEY2}</code>`)],
    ['two different keys, one in an input', dialog(`<code>${KEY}</code><input readonly value="${KEY2}">`)],
    ['a key glued to more text', dialog(`<code>x${KEY}</code>`)],
    ['a key followed by an ellipsis', dialog(`<code>${KEY}…</code>`)],
    ['a hidden dialog', dialog(`<code>${KEY}</code>`, 'hidden')],
    ['an aria-hidden dialog', dialog(`<code>${KEY}</code>`, 'aria-hidden="true"')],
    ['a display:none dialog', dialog(`<code>${KEY}</code>`, 'style="display:none"')],
    ['a hidden code block', dialog(`<code hidden>${KEY}</code>`)],
    ['a hidden input', dialog(`<input type="hidden" readonly value="${KEY}">`)],
    [
      'an input in a hidden box',
      dialog(`<div style="visibility: hidden"><input readonly value="${KEY}"></div>`),
    ],
    ['a key in a script', dialog(`<script>const k = "${KEY}";</script>`)],
    ['a key in a template', dialog(`<template><code>${KEY}</code></template>`)],
    [
      'a key in the page, the one-time wording elsewhere on it',
      `<section><pre><code>curl -H "Authorization: Bearer ${KEY}"</code></pre></section><aside>${ONCE}</aside>`,
    ],
    ['a key in a page without any one-time wording', `<main><div><code>${KEY}</code></div></main>`],
  ])('%s', (_, html) => {
    expect(readKeyDialog(show(html))).toEqual(NOTHING);
  });

  it('a key on a page that is not a key page is not even looked at', () => {
    show(dialog(`<code>${KEY}</code>`));
    for (const url of [
      'https://platform.openai.com/docs/quickstart',
      'http://platform.openai.com/api-keys',
      'https://platform.openai.com.evil.example/api-keys',
      'https://chatgpt.com/admin/settings',
      // the admin console: only its key areas are key pages
      'https://admin.openai.com/',
      'https://admin.openai.com/members',
      'https://admin.openai.com/audit-log',
    ])
      expect(readKeyPage(document, url), url).toBeNull();
    for (const url of [
      'https://admin.openai.com/api-keys',
      'https://admin.openai.com/organization/admin-keys',
      'https://admin.openai.com/workspace/x/credentials',
    ])
      expect(readKeyPage(document, url), url).toMatchObject({ secret: KEY });
  });

  it('a second key appearing in the view takes back the first', () => {
    const root = show(dialog(`<code id="a">${KEY}</code>`));
    expect(readKeyDialog(root).secret).toBe(KEY);
    document.getElementById('a')?.insertAdjacentHTML('afterend', `<code>${KEY2}</code>`);
    expect(readKeyDialog(root)).toEqual(NOTHING);
  });

  it('an element without a real key does not show one', () => {
    const el = show(dialog('<code>sk-...wWQc</code><input value="sk-short">'));
    expect(secretShownIn(el)).toBe(false);
    const input = document.createElement('input');
    input.value = KEY;
    // an editable field is what a person types into: never a shown secret
    expect(secretShownIn(input)).toBe(false);
    input.readOnly = true;
    expect(secretShownIn(input)).toBe(true);
    input.value = 'sk-...wWQc';
    expect(secretShownIn(input)).toBe(false);
  });
});

describe('only what the view shows', () => {
  it('a whole key hidden inside the view’s visible text is not taken', () => {
    const hiddenText = dialog(`<p>Your key sk-…wWQc <span hidden>${KEY}</span></p>`);
    expect(readKeyDialog(show(hiddenText))).toEqual(NOTHING);
    const hiddenInput = dialog(
      `<div>Your key sk-…wWQc<span hidden><input readonly value="${KEY}"></span></div>`,
    );
    expect(readKeyDialog(show(hiddenInput))).toEqual(NOTHING);
  });

  it('a textarea filled by the page’s script shows its key', () => {
    const root = show(dialog('<textarea readonly></textarea>'));
    (document.querySelector('textarea') as HTMLTextAreaElement).value = KEY;
    expect(readKeyDialog(root)).toMatchObject({ secretShown: true, secret: KEY });
  });

  it('one-time wording far above the key (a page-wide banner) does not vouch for it', () => {
    const deep = `${'<div>'.repeat(8)}<code>${KEY}</code>${'</div>'.repeat(8)}`;
    expect(readKeyDialog(show(`<main>${ONCE}${deep}</main>`))).toEqual(NOTHING);
  });
});

describe('the key’s name', () => {
  it.each(['Skyhigh key', 'Key for Skyhigh', 'Turnkey', 'Keystone', 'n'.repeat(120)])(
    'is %j when the view names it so',
    (name) => {
      const r = readKeyDialog(
        show(dialog(`<dl><dt>Name</dt><dd>${name}</dd></dl><input readonly value="${KEY}">`)),
      );
      expect(r.secret).toBe(KEY);
      expect(keyNameIn(r.container as Element)).toBe(name);
      expect(nameShown()).toBe(name);
    },
  );

  it('is never the label of the key itself', () => {
    const r = readKeyDialog(
      show(
        dialog(
          `<div><span>Name</span><span>Secret key</span><span><input readonly value="${KEY}"></span></div>`,
        ),
      ),
    );
    expect(r.secret).toBe(KEY);
    expect(keyNameIn(r.container as Element)).toBeNull();
    expect(nameShown()).toBeNull();
  });

  // The same, for an over-long name: refused, and nothing else taken in its place.
  it('is not read when longer than the message gate takes (120 characters)', () => {
    const r = readKeyDialog(
      show(dialog(`<dl><dt>Name</dt><dd>${'n'.repeat(121)}</dd></dl><input readonly value="${KEY}">`)),
    );
    expect(r.secret).toBe(KEY);
    expect(keyNameIn(r.container as Element)).toBeNull();
    expect(nameShown()).toBeNull();
  });
});

describe('the one-time wording, by meaning and only where shown (issues 23.2, 27.1)', () => {
  const view = (wording: string, buttons = '<button>Copy secret</button><button>Close</button>') =>
    `<div role="dialog" aria-modal="true"><h2>Admin key created</h2>${wording}<span class="mono">${KEY}</span>${buttons}</div>`;

  it.each([
    "<p>Your secret can't be viewed again after you close this window.</p>",
    "<p>You <strong>won't</strong> be able to <em>view</em> it again.</p>",
    '<p>This is the only time you’ll see this secret.</p>',
    '<p>Store this key somewhere safe.</p>',
    '<p>The secret cannot be retrieved again.</p>',
    '<p>You will not be able to see your API key again.</p>',
    '<p>Der Schlüssel wird nicht erneut angezeigt.</p>',
    '<p>Conservez-la en lieu sûr.</p>',
    '<p>Guárdala en un lugar seguro.</p>',
    '<p>このキーは二度と表示されません。</p>',
  ])('%s', (wording) => {
    show(view(wording));
    expect(readKeyDialog(document.body)).toMatchObject({ secretShown: true, secret: KEY });
  });

  it.each([
    '<p>Last time you viewed this key: yesterday.</p>',
    '<p>Visit a secure site.</p>',
    '<p style="opacity: 0">You won’t be able to view it again.</p>',
    '<p style="visibility: hidden">You won’t be able to view it again.</p>',
    '<div hidden><p>You won’t be able to view it again.</p></div>',
    '<details><summary>Why?</summary><p>You won’t be able to view it again.</p></details>',
  ])('%s: no proof', (wording) => {
    show(view(wording));
    expect(readKeyDialog(document.body)).toEqual(NOTHING);
  });

  it.each([
    ['an icon button named by its tooltip', '<button title="Copy"><svg aria-hidden="true"></svg></button>'],
    ['“I’ve saved it”', '<button>I’ve saved it</button>'],
    ['Copy key', '<button>Copy key</button>'],
  ])('a view closed or copied by %s', (_, buttons) => {
    show(view('<p>You won’t be able to view it again.</p>', buttons));
    expect(readKeyDialog(document.body).secretShown).toBe(true);
  });

  it('a view with no button at all is not one', () => {
    show(view('<p>You won’t be able to view it again.</p>', '<button title="Settings"></button>'));
    expect(readKeyDialog(document.body)).toEqual(NOTHING);
  });
});

describe('the one-time wording where the page has a layout', () => {
  const WORDING = 'You won’t be able to view it again.';
  const view = `<div role="dialog" aria-modal="true"><p id="w">${WORDING}</p><span>${KEY}</span><button>Copy</button></div>`;
  const box = (width: number, height: number) =>
    ({
      width,
      height,
      top: 0,
      left: 0,
      right: width,
      bottom: height,
      x: 0,
      y: 0,
      toJSON: () => ({}),
    }) as DOMRect;
  afterEach(() => vi.restoreAllMocks());

  it.each([
    [100, 20, true],
    [2, 2, true],
    [1, 20, false],
    [100, 1, false],
  ])('in a box of %i × %i px: %s', (width, height, proves) => {
    show(view);
    const wording = document.getElementById('w') as Element;
    vi.spyOn(document.documentElement, 'getBoundingClientRect').mockReturnValue(box(1000, 800));
    vi.spyOn(wording, 'getBoundingClientRect').mockReturnValue(box(width, height));
    expect(readKeyDialog(document.body).secretShown).toBe(proves);
  });

  it('text of two elements reads as two words', () => {
    show(
      `<div role="dialog"><p>You <span>won’t</span><span>be</span> able to view it again.</p><span>${KEY}</span><button>Copy</button></div>`,
    );
    expect(readKeyDialog(document.body).secretShown).toBe(true);
  });

  it('wording a stylesheet makes invisible proves nothing', () => {
    show(
      `<style>.ghost { visibility: hidden; }</style><div role="dialog"><p class="ghost">${WORDING}</p><span>${KEY}</span><button>Copy</button></div>`,
    );
    expect(readKeyDialog(document.body).secretShown).toBe(false);
  });
});
