/**
 * The admin picks when the reader is not sure: the page's candidates (visible values of the field's
 * format, each once, with a short text near it) and the one value a click means.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { candidatesOnPage, pickFromElement } from '../../src/core/readers/pick';

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const WS2 = '0a1b2c3d-1111-4222-8333-444455556666';
const ORG = 'org-p13k3klgno5cqxbf0q8hpgrk';

const show = (html: string) => {
  document.body.innerHTML = html;
  return document.body;
};

beforeEach(() => show(''));

describe('the candidates on the page', () => {
  it('a hidden input (a form token) before the value’s input does not end the list', () => {
    show(
      `<form><input type="hidden" name="csrf" value="${WS2}"><input hidden value="${WS2}">` +
        `<input readonly aria-label="Workspace" value="${WS}"></form>`,
    );
    expect(candidatesOnPage(document.body, 'workspaceId')).toEqual([{ value: WS, context: 'Workspace' }]);
  });

  it('a value both in the text and in an input is listed once, with the text’s context', () => {
    show(
      `<div><h3>Acme</h3><p>${WS.toUpperCase()}</p></div><input aria-label="Other" readonly value="${WS}">` +
        `<input readonly value="${WS2}">`,
    );
    expect(candidatesOnPage(document.body, 'workspaceId')).toEqual([
      { value: WS, context: 'Acme' },
      { value: WS2, context: '' },
    ]);
  });

  it('only values of the field asked for', () => {
    show(`<p>${WS}</p><p>Organisation</p><p>${ORG}</p>`);
    expect(candidatesOnPage(document.body, 'organizationId')).toEqual([
      { value: ORG, context: 'Organisation' },
    ]);
  });

  it('the context is the nearest short text before the value, a few levels up at most', () => {
    show(
      `<section><h3>Acme workspace</h3><div><div><div><code>${WS}</code></div></div></div></section>` +
        `<section><h3>Far away</h3><div><div><div><div><code>${WS2}</code></div></div></div></div></section>`,
    );
    expect(candidatesOnPage(document.body, 'workspaceId')).toEqual([
      { value: WS, context: 'Acme workspace' },
      { value: WS2, context: '' },
    ]);
  });

  it('the context skips blank boxes and reads its text with spaces as one', () => {
    show(`<div><h3>Beta\n   Labs</h3><span> </span><p><code>${WS}</code></p></div>`);
    expect(candidatesOnPage(document.body, 'workspaceId')).toEqual([{ value: WS, context: 'Beta Labs' }]);
  });
});

describe('a click', () => {
  it('on a value with a different value in its title: nothing', () => {
    show(`<span id="t" title="${WS2}">${WS}</span>`);
    expect(pickFromElement(document.getElementById('t') as Element, 'workspaceId')).toBeNull();
  });

  it('on a copy button whose value sits in any data attribute', () => {
    show(`<button id="t" data-workspace="${WS}">Copy</button>`);
    expect(pickFromElement(document.getElementById('t') as Element, 'workspaceId')).toBe(WS);
  });
});
