/**
 * The one visibility rule for evidence (src/core/visibility.ts): what it hides by attribute, by
 * stylesheet, by structure, and, where the page has a layout, by size and position.
 */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { sight } from '../../src/core/visibility';

function page(html: string): Document {
  const w = new Window({
    url: 'https://www.myshn.net/shndash/',
    settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true },
  });
  w.document.write(html);
  return w.document as unknown as Document;
}
const byId = (doc: Document, id: string) => doc.getElementById(id) as Element;

describe('what a person sees (no layout: a DOM parser)', () => {
  const cases: [string, string, boolean][] = [
    ['a plain heading', '<h2 id="t">OpenAI</h2>', true],
    ['hidden', '<div hidden><h2 id="t">OpenAI</h2></div>', false],
    ['aria-hidden', '<div aria-hidden="true"><h2 id="t">OpenAI</h2></div>', false],
    ['aria-hidden="false"', '<div aria-hidden="false"><h2 id="t">OpenAI</h2></div>', true],
    ['inline display:none', '<div style="display: none"><h2 id="t">OpenAI</h2></div>', false],
    [
      'a stylesheet class display:none',
      '<style>.x{display:none}</style><div class="x"><h2 id="t">OpenAI</h2></div>',
      false,
    ],
    [
      'a stylesheet opacity:0 above',
      '<style>.x{opacity:0}</style><div class="x"><p><b id="t">OpenAI</b></p></div>',
      false,
    ],
    [
      'visibility:hidden inherited',
      '<style>.x{visibility:hidden}</style><div class="x"><h2 id="t">OpenAI</h2></div>',
      false,
    ],
    [
      'visibility:visible again under a hidden parent',
      '<style>.x{visibility:hidden}.y{visibility:visible}</style><div class="x"><h2 id="t" class="y">OpenAI</h2></div>',
      true,
    ],
    [
      'visibility:collapse',
      '<table><tr style="visibility:collapse"><td id="t">OpenAI</td></tr></table>',
      false,
    ],
    [
      'a closed details, its content',
      '<details><summary>More</summary><h2 id="t">OpenAI</h2></details>',
      false,
    ],
    ['a closed details, its summary', '<details><summary id="t">OpenAI</summary><p>x</p></details>', true],
    [
      'an open details, its content',
      '<details open><summary>More</summary><h2 id="t">OpenAI</h2></details>',
      true,
    ],
    ['a closed dialog', '<dialog><h2 id="t">OpenAI</h2></dialog>', false],
    ['an open dialog', '<dialog open><h2 id="t">OpenAI</h2></dialog>', true],
    ['inside a template', '<template><h2 id="t">OpenAI</h2></template><p>x</p>', false],
  ];
  for (const [name, html, shown] of cases)
    it(`${name}: ${shown ? 'shown' : 'not shown'}`, () => {
      const doc = page(html);
      const el = byId(doc, 't') ?? doc.querySelector('template')?.content.querySelector('#t');
      expect(el, 'the case has its element').toBeTruthy();
      expect(sight(doc).shown(el as Element)).toBe(shown);
    });

  it('a text node is shown when the element drawing it is', () => {
    const doc = page('<h2 id="t">Open<span hidden>AI</span></h2>');
    const [open, ai] = [
      byId(doc, 't').firstChild as Node,
      byId(doc, 't').querySelector('span')?.firstChild as Node,
    ];
    const s = sight(doc);
    expect(s.shown(open)).toBe(true);
    expect(s.shown(ai)).toBe(false);
  });

  it('text(): only what is shown, element boundaries as spaces', () => {
    const doc = page(
      '<style>.sr{display:none}</style><nav id="n"><a>Settings</a>›<a>Service<span class="sr">OpenAI</span></a><b>Box</b><span aria-hidden="true">ChatGPT</span></nav>',
    );
    expect(sight(doc).text(byId(doc, 'n'))).toBe('Settings › Service Box');
  });

  it('light content a shadow root does not slot is not drawn; slotted content is', () => {
    const doc = page(
      '<x-card id="host"><h2 id="named" slot="title">OpenAI</h2><h2 id="loose">ChatGPT</h2></x-card>',
    );
    const host = byId(doc, 'host');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<div><slot name="title"></slot></div>';
    const s = sight(doc);
    expect(s.shown(byId(doc, 'named'))).toBe(true);
    expect(s.shown(byId(doc, 'loose'))).toBe(false);
  });

  it('an element inside an open shadow root is judged through its host', () => {
    const doc = page('<div id="wrap" hidden><x-card id="host"></x-card></div>');
    const root = byId(doc, 'host').attachShadow({ mode: 'open' });
    root.innerHTML = '<h2>OpenAI</h2>';
    expect(sight(doc).shown(root.querySelector('h2') as Element)).toBe(false);
  });
});

/** A page with a layout: every box as `boxes` says (the rest of the page a normal 1280 × 2000 page). */
function laidOut(html: string, boxes: Record<string, Partial<DOMRect>>): Document {
  const doc = page(html);
  const rect = (r: Partial<DOMRect>) => {
    const { left = 0, top = 0, width = 0, height = 0 } = r;
    return {
      left,
      top,
      width,
      height,
      right: left + width,
      bottom: top + height,
      x: left,
      y: top,
    } as DOMRect;
  };
  const page1 = rect({ width: 1280, height: 2000 });
  for (const el of doc.querySelectorAll('*')) {
    const r =
      el === doc.documentElement || el === doc.body
        ? page1
        : rect(boxes[el.id] ?? { left: 10, top: 10, width: 200, height: 20 });
    Object.defineProperty(el, 'getBoundingClientRect', { value: () => r });
    Object.defineProperty(el, 'getClientRects', { value: () => (r.width || r.height ? [r] : []) });
  }
  Object.defineProperty(doc.documentElement, 'scrollWidth', { value: 1280 });
  Object.defineProperty(doc.documentElement, 'scrollHeight', { value: 2000 });
  return doc;
}

describe('what a person sees (a page with a layout)', () => {
  const html = '<main><h2 id="t">OpenAI</h2></main>';
  const cases: [string, Partial<DOMRect>, boolean][] = [
    ['a normal box', { left: 40, top: 100, width: 300, height: 24 }, true],
    ['no box at all', { width: 0, height: 0 }, false],
    ['1 × 1 px (visually hidden)', { left: 40, top: 100, width: 1, height: 1 }, false],
    ['zero height', { left: 40, top: 100, width: 300, height: 0 }, false],
    ['off-screen to the left', { left: -9999, top: 100, width: 300, height: 24 }, false],
    ['above the page', { left: 40, top: -500, width: 300, height: 24 }, false],
    ['beyond the right end', { left: 5000, top: 100, width: 300, height: 24 }, false],
    ['partly off the left edge', { left: -100, top: 100, width: 300, height: 24 }, true],
    ['far down a long page (scrolling brings it)', { left: 40, top: 1900, width: 300, height: 24 }, true],
  ];
  for (const [name, box, shown] of cases)
    it(`${name}: ${shown ? 'shown' : 'not shown'}`, () => {
      const doc = laidOut(html, { t: box });
      expect(sight(doc).shown(byId(doc, 't'))).toBe(shown);
    });

  it('a shown element under a hidden ancestor stays hidden whatever its box', () => {
    const doc = laidOut('<div hidden><h2 id="t">OpenAI</h2></div>', {});
    expect(sight(doc).shown(byId(doc, 't'))).toBe(false);
  });
});
