/**
 * The one-time view at its edges: what makes it the view (a dialog, or a panel with the one-time
 * wording close above the key), and what takes the key back (another key-shaped value anywhere in
 * the view, controls included).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readKeyDialog } from '../../src/core/readers/key-dialog';
import { keyNameIn } from '../../src/core/readers/key-name';

const KEY = 'sk-proj-6HeavLCGwfPGsr06D9EzCeZJWx6J1gX211NSVeMo7X1jGLh7GHJlthO1iSWJGh7q';
const KEY2 = 'sk-mOWgzQSVHpR49ZjT3v6SdNrmFAH16bK9nO7XPyqAOX2KL3Ad';
const ONCE = "<p>You won't be able to view it again.</p>";

const show = (html: string) => {
  document.body.innerHTML = html;
  return document.body;
};

beforeEach(() => show(''));

describe('the one-time view', () => {
  it('is the whole dialog, even when the wording and the key sit in a box of their own', () => {
    const root = show(
      `<div role="dialog"><dl><dt>Name</dt><dd>Skyhigh CASB</dd></dl>` +
        `<div>${ONCE}<code>${KEY}</code><button>Copy</button></div><button>Done</button></div>`,
    );
    const r = readKeyDialog(root);
    expect(r.secret).toBe(KEY);
    expect(r.container).toBe(document.querySelector('[role="dialog"]'));
    expect(keyNameIn(r.container as Element)).toBe('Skyhigh CASB');
  });

  it('a key in a code element inside a pre, with the pre’s line breaks around it', () => {
    const root = show(
      `<div role="dialog">${ONCE}<pre>\n  <code>${KEY}</code>\n</pre><button>Copy</button></div>`,
    );
    expect(readKeyDialog(root).secret).toBe(KEY);
  });

  it('one-time wording far above a key (outside its panel) does not make it the view', () => {
    const root = show(
      `<section>${ONCE}${'<div>'.repeat(7)}<code>${KEY}</code><button>Copy</button>${'</div>'.repeat(7)}</section>`,
    );
    expect(readKeyDialog(root).secret).toBeNull();
  });

  it('another key in a control of the view (a field to paste an old key) takes the key back', () => {
    const root = show(
      `<div role="dialog">${ONCE}<code>${KEY}</code><label>Old key <input value="${KEY2}"></label>` +
        '<button>Copy</button></div>',
    );
    expect(readKeyDialog(root).secret).toBeNull();
  });
});
