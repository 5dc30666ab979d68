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

describe('what a person sees: the edges of a layout', () => {
  const html = '<main><h2 id="t">OpenAI</h2></main>';
  const cases: [string, Partial<DOMRect>, boolean][] = [
    ['exactly 2 × 2 px', { left: 40, top: 100, width: 2, height: 2 }, true],
    ['1 px wide, tall', { left: 40, top: 100, width: 1, height: 24 }, false],
    ['wide, 1 px high', { left: 40, top: 100, width: 300, height: 1 }, false],
    ['ending exactly at the left edge', { left: -300, top: 100, width: 300, height: 24 }, false],
    ['ending exactly at the top edge', { left: 40, top: -24, width: 300, height: 24 }, false],
    ['starting exactly at the right end', { left: 1280, top: 100, width: 300, height: 24 }, false],
    ['starting exactly at the bottom end', { left: 40, top: 2000, width: 300, height: 24 }, false],
    ['one pixel in from the left', { left: -299, top: 100, width: 300, height: 24 }, true],
    ['one pixel in from the bottom', { left: 40, top: 1999, width: 300, height: 24 }, true],
  ];
  for (const [name, box, shown] of cases)
    it(`${name}: ${shown ? 'shown' : 'not shown'}`, () => {
      const doc = laidOut(html, { t: box });
      expect(sight(doc).shown(byId(doc, 't'))).toBe(shown);
    });

  it('a page scrolled down and right: what is above or left of the view is still on the page', () => {
    const doc = laidOut(
      '<p id="up">a</p><p id="gone">b</p><p id="left">c</p><p id="far">d</p><p id="wide">e</p>',
      {
        wide: { left: 1000, top: 10, width: 100, height: 24 },
        up: { left: 40, top: -900, width: 300, height: 24 },
        gone: { left: 40, top: -1100, width: 300, height: 24 },
        left: { left: -450, top: 10, width: 300, height: 24 },
        far: { left: 40, top: 1500, width: 300, height: 24 },
      },
    );
    const w = doc.defaultView as unknown as Window & typeof globalThis;
    Object.defineProperty(w, 'scrollX', { value: 500 });
    Object.defineProperty(w, 'scrollY', { value: 1000 });
    const s = sight(doc);
    expect(['up', 'gone', 'left', 'far', 'wide'].map((id) => s.shown(byId(doc, id)))).toStrictEqual([
      true,
      false,
      true,
      false,
      false,
    ]);
  });

  it('a window larger than the page: its whole view counts', () => {
    const doc = laidOut('<p id="r">a</p><p id="b">b</p>', {
      r: { left: 1400, top: 10, width: 100, height: 24 },
      b: { left: 40, top: 2100, width: 100, height: 24 },
    });
    const w = doc.defaultView as unknown as Window & typeof globalThis;
    Object.defineProperty(w, 'innerWidth', { value: 1600 });
    Object.defineProperty(w, 'innerHeight', { value: 2400 });
    const s = sight(doc);
    expect([s.shown(byId(doc, 'r')), s.shown(byId(doc, 'b'))]).toStrictEqual([true, true]);
  });

  it('display: contents draws no box of its own and is shown; another element without a box is not', () => {
    const doc = laidOut('<div id="c" style="display: contents">a</div><div id="n">b</div>', {
      c: { width: 0, height: 0 },
      n: { width: 0, height: 0 },
    });
    const s = sight(doc);
    expect([s.shown(byId(doc, 'c')), s.shown(byId(doc, 'n'))]).toStrictEqual([true, false]);
  });
});

describe('what a person sees: slots, structure and documents without a window', () => {
  /** A document with no window at all (no styles, no layout), as a parser makes. */
  const bare = (html: string): Document => {
    const doc = page('').implementation.createHTMLDocument('');
    doc.body.innerHTML = html;
    return doc;
  };

  it('without a window: attributes and structure still decide', () => {
    const doc = bare(
      '<h2 id="a">OpenAI</h2><div hidden><h2 id="b">x</h2></div><details><summary id="s1">S</summary><summary id="s2">T</summary><p id="c">x</p></details>',
    );
    const s = sight(doc);
    expect(['a', 'b', 's1', 's2', 'c'].map((id) => s.shown(byId(doc, id)))).toStrictEqual([
      true,
      false,
      true,
      false,
      false,
    ]);
  });

  it('a node not in the document is not shown, element or text', () => {
    const doc = page('<p>x</p>');
    const lone = doc.createElement('h2');
    lone.textContent = 'OpenAI';
    const s = sight(doc);
    expect([s.shown(lone), s.shown(lone.firstChild as Node), s.shown(doc.createTextNode('x'))]).toStrictEqual(
      [false, false, false],
    );
  });

  it('the default slot draws unnamed children and text; a named slot draws only its own', () => {
    const doc = page('<x-a id="d"><b id="plain">a</b>loose</x-a><x-b id="n"><b id="other">b</b>text</x-b>');
    byId(doc, 'd').attachShadow({ mode: 'open' }).innerHTML = '<slot></slot>';
    byId(doc, 'n').attachShadow({ mode: 'open' }).innerHTML = '<slot name="title"></slot>';
    const s = sight(doc);
    expect([
      s.shown(byId(doc, 'plain')),
      s.shown(byId(doc, 'd').lastChild as Node),
      s.shown(byId(doc, 'other')),
      s.shown(byId(doc, 'n').lastChild as Node),
    ]).toStrictEqual([true, true, false, false]);
  });

  it("a browser's own word on the slot (assignedSlot) is taken over the slot's name", () => {
    const doc = page('<x-a id="h"><b id="kept" slot="t">a</b><b id="dropped" slot="t">b</b></x-a>');
    const root = byId(doc, 'h').attachShadow({ mode: 'open' });
    root.innerHTML = '<slot name="t"></slot>';
    const slot = root.querySelector('slot');
    Object.defineProperty(byId(doc, 'kept'), 'assignedSlot', { value: slot });
    Object.defineProperty(byId(doc, 'dropped'), 'assignedSlot', { value: null });
    const s = sight(doc);
    expect([s.shown(byId(doc, 'kept')), s.shown(byId(doc, 'dropped'))]).toStrictEqual([true, false]);
  });

  it('content-visibility: hidden hides what is inside (as the browser computes it)', () => {
    const doc = page('<section id="box"><p id="in">OpenAI</p></section><p id="out">x</p>');
    const w = doc.defaultView as unknown as Window & typeof globalThis;
    const real = w.getComputedStyle.bind(w);
    w.getComputedStyle = ((el: Element) => {
      const s = real(el);
      return el.id === 'box'
        ? ({ ...s, display: 'block', opacity: '1', contentVisibility: 'hidden' } as CSSStyleDeclaration)
        : s;
    }) as typeof w.getComputedStyle;
    const s = sight(doc);
    expect([s.shown(byId(doc, 'in')), s.shown(byId(doc, 'out'))]).toStrictEqual([false, true]);
  });

  it('one read asks the browser for each element once, however often it is asked', () => {
    const doc = page('<section><p id="a">x</p><p id="b">y</p></section>');
    const w = doc.defaultView as unknown as Window & typeof globalThis;
    const real = w.getComputedStyle.bind(w);
    const asked: Element[] = [];
    w.getComputedStyle = ((el: Element) => {
      asked.push(el);
      return real(el);
    }) as typeof w.getComputedStyle;
    const s = sight(doc);
    s.shown(byId(doc, 'a'));
    s.shown(byId(doc, 'a'));
    s.shown(byId(doc, 'b'));
    expect(asked.length).toBe(new Set(asked).size);
    expect(asked).toContain(doc.querySelector('section'));
  });

  it('text(): runs of whitespace become one space, none at the ends', () => {
    const doc = page('<p id="p">  Open \n\t AI  <b>key</b>  </p>');
    expect(sight(doc).text(byId(doc, 'p'))).toBe('Open AI key');
  });
});
