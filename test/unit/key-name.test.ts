/**
 * The key's name beside the one-time secret or in the create form: the value its label names, in
 * the admin's language; never the key, a button's word, another label, or an over-long text.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { keyNameIn } from '../../src/core/readers/key-name';

const view = (html: string) => {
  document.body.innerHTML = `<div id="v">${html}</div>`;
  return document.getElementById('v') as Element;
};

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('the key’s name', () => {
  it.each([
    ['a definition list', '<dl><dt>Name</dt><dd>Skyhigh CASB</dd></dl>'],
    ['a service account’s label', '<div><span>Service Key Name</span><span>Skyhigh CASB</span></div>'],
    ['German', '<dl><dt>Schlüsselname</dt><dd>Skyhigh CASB</dd></dl>'],
    ['Japanese', '<dl><dt>キー名</dt><dd>Skyhigh CASB</dd></dl>'],
    ['a typed input', '<label for="n">Name</label><input id="n" value="Skyhigh CASB">'],
    ['spaces around it', '<dl><dt>Name</dt><dd>\n  Skyhigh CASB  </dd></dl>'],
    ['120 characters', `<dl><dt>Name</dt><dd>${'n'.repeat(120)}</dd></dl>`, 'n'.repeat(120)],
  ])('from %s', (_, html, expected = 'Skyhigh CASB') => {
    expect(keyNameIn(view(html))).toBe(expected);
  });

  it.each([
    ['a name over 120 characters', `<dl><dt>Name</dt><dd>${'n'.repeat(121)}</dd></dl><button>Done</button>`],
    ['a button’s word as the value', '<div><span>Name</span><button>Copy</button></div>'],
    ['Done beside the label', '<div><span>Name</span><button>Done</button></div>'],
    ['the label repeated as its value', '<dl><dt>Name</dt><dd>Name</dd></dl>'],
    [
      'the key’s own label right after it',
      '<div><span>Name</span><span>Secret key</span><code>sk-...Qa9z</code></div>',
    ],
    ['the key’s own label in German', '<div><span>Name</span><span>Schlüssel</span><span>abc</span></div>'],
    ['an sk- text', '<dl><dt>Name</dt><dd>sk-proj-abc</dd></dl>'],
    ['two names', '<dl><dt>Name</dt><dd>Skyhigh</dd><dt>Key name</dt><dd>Other</dd></dl>'],
    ['no label', '<p>Skyhigh CASB</p>'],
  ])('none for %s', (_, html) => {
    expect(keyNameIn(view(html))).toBeNull();
  });
});
