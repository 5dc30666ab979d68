/**
 * Issue 27, findings 1 and 2: the console's form check takes its proof only from what a person
 * sees, the form's own name outranks what is around it (another service named there refuses), and
 * the fill writes each value right after a fresh match, so page code run by the fill's own events
 * cannot move or swap a control into receiving the key. Each case here fails on the code before.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fillForm, findInstanceForm } from '../../src/core/readers/skyhigh-form';

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const KEY = 'sk-mOWgzQSVHpR49ZjT3v6SdNrmFAH16bK9nO7XPyqAOX2KL3Ad';
const VALUES = { instanceName: 'ChatGPT Enterprise', workspaceId: WS, apiKey: KEY };
const FIELDS =
  '<label for="ws">Workspace ID</label><input id="ws"><label for="k">API key</label><input id="k" type="password">';

const html = (s: string) => {
  document.body.innerHTML = s;
};
const value = (id: string) => (document.getElementById(id) as HTMLInputElement | null)?.value;

beforeEach(() => {
  html('');
  document.title = '';
  history.replaceState(null, '', '/');
});

describe('proof only from what is shown (finding 1)', () => {
  it.each([
    [
      'a heading inside a hidden container',
      `<div hidden><h2>OpenAI - ChatGPT</h2></div><form>${FIELDS}</form>`,
    ],
    [
      'a heading in a closed <details>',
      `<details><summary>More</summary><h2>ChatGPT</h2></details><form>${FIELDS}</form>`,
    ],
    [
      'a breadcrumb hidden from everyone',
      `<div aria-label="Breadcrumb" aria-hidden="true">Services / ChatGPT</div><section>${FIELDS}</section>`,
    ],
    [
      'a heading a stylesheet hides',
      `<style>.gone{display:none}</style><div class="gone"><h2>ChatGPT</h2></div><form>${FIELDS}</form>`,
    ],
    [
      'a heading inside the form that is made invisible',
      `<form><h3 style="visibility:hidden">OpenAI ChatGPT</h3>${FIELDS}</form>`,
    ],
    [
      'a hidden element the form is labelled by',
      `<span id="t" hidden>ChatGPT</span><form aria-labelledby="t">${FIELDS}</form>`,
    ],
  ])('%s proves nothing: the form is only a candidate', (_, markup) => {
    html(markup);
    const r = findInstanceForm(document);
    expect(r.refusal).toBe('not-chatgpt');
    expect(r.form?.proven).toBe(false);
  });

  it.each([
    [
      'another connector’s form beside a hidden ChatGPT heading',
      `<div hidden><h2>OpenAI ChatGPT</h2></div><form aria-label="Zoom Workplace: new instance">${FIELDS}</form>`,
      'Zoom',
    ],
    [
      'another connector’s heading inside the form, under a shown ChatGPT heading',
      `<h2>OpenAI - ChatGPT</h2><form><h3>Slack: new instance</h3>${FIELDS}</form>`,
      'Slack',
    ],
    [
      'a form labelled by another service, under a ChatGPT breadcrumb',
      `<nav aria-label="Breadcrumb">Service Management › ChatGPT</nav><form aria-label="Microsoft 365 instance">${FIELDS}</form>`,
      'Microsoft',
    ],
    [
      'Azure’s OpenAI service (another product)',
      `<form><h3>Azure OpenAI: API access</h3>${FIELDS}</form>`,
      'Azure',
    ],
    [
      'a neutral form whose trail names another service',
      `<nav aria-label="Breadcrumb">Settings › Service Management › Salesforce › Add instance</nav><form><h3>Add instance</h3>${FIELDS}</form>`,
      'Salesforce',
    ],
    ['a neutral form under another service’s heading', `<h2>GitHub</h2><form>${FIELDS}</form>`, 'GitHub'],
  ])('%s: contradicted, no candidate either', (_, markup, service) => {
    html(markup);
    expect(findInstanceForm(document)).toEqual({ form: null, refusal: 'other-service', service });
  });

  it.each([
    [
      'the form’s own name, whatever the trail says',
      `<nav aria-label="Breadcrumb">Service Management › Slack</nav><form aria-label="OpenAI ChatGPT instance">${FIELDS}</form>`,
    ],
    ['the page’s title', `<form><h3>Add instance</h3>${FIELDS}</form>`, 'OpenAI - ChatGPT | Skyhigh CASB'],
    [
      'the console’s route',
      `<form><h3>Add instance</h3>${FIELDS}</form>`,
      '',
      '#/settings/service-management/openai-chatgpt/new',
    ],
    [
      'a trail in a nav named Breadcrumb',
      `<nav aria-label="Breadcrumb"><a>Settings</a> › <a>Service Management</a> › <a>OpenAI - ChatGPT</a> › <span aria-current="page">Add Instance</span></nav><form>${FIELDS}</form>`,
    ],
  ])('proven by %s', (_, markup, title = '', hash = '') => {
    html(markup);
    document.title = title;
    if (hash) history.replaceState(null, '', `/shndash/${hash}`);
    const r = findInstanceForm(document);
    expect(r.refusal).toBeNull();
    expect(r.form?.proven).toBe(true);
  });

  it('surroundings that name ChatGPT and another service leave the form for the admin to confirm', () => {
    html(
      `<nav aria-label="Breadcrumb">Service Management › OpenAI - ChatGPT</nav><h2>Slack</h2><form>${FIELDS}</form>`,
    );
    const r = findInstanceForm(document);
    expect(r.refusal).toBe('not-chatgpt');
    expect(r.form?.title).toBe('Service Management › OpenAI - ChatGPT');
  });
});

describe('a fill the page cannot redirect (finding 2)', () => {
  const proven = () => {
    const r = findInstanceForm(document);
    expect(r.refusal).toBeNull();
    return r.form as NonNullable<typeof r.form>;
  };

  it('a key control the page moves out of the form on the first input event gets no key, and the rest is cleared', () => {
    html(`<h2>OpenAI - ChatGPT</h2><form id="f">${FIELDS}</form><form id="elsewhere"></form>`);
    const form = proven();
    document.getElementById('ws')?.addEventListener('input', () => {
      document.getElementById('elsewhere')?.append(document.getElementById('k') as Element);
    });
    const r = fillForm(form.region, VALUES, form.match);
    expect(r).toMatchObject({ filled: [], refused: 'changed' });
    expect(value('k')).toBe('');
    expect(value('ws')).toBe('');
  });

  it('a key control the page swaps for another gets no key, and neither does the new one', () => {
    html(`<h2>OpenAI - ChatGPT</h2><form>${FIELDS}</form>`);
    const form = proven();
    document.getElementById('ws')?.addEventListener('change', () => {
      const swapped = document.createElement('input');
      swapped.id = 'k2';
      swapped.setAttribute('aria-label', 'API key');
      document.getElementById('k')?.replaceWith(swapped);
    });
    const r = fillForm(form.region, VALUES, form.match);
    expect(r.refused).toBe('changed');
    expect(value('k2')).toBe('');
    expect(value('ws')).toBe('');
  });

  it('a form the page takes away after the key’s own events: everything written is cleared', () => {
    html(`<h2>OpenAI - ChatGPT</h2><div id="host"><form>${FIELDS}</form></div>`);
    const form = proven();
    const key = document.getElementById('k') as HTMLInputElement;
    key.addEventListener('change', () => form.region.remove());
    const r = fillForm(form.region, VALUES, form.match);
    expect(r.refused).toBe('changed');
    expect(key.value).toBe('');
    expect(value('ws')).toBeUndefined(); // removed with its form
    expect((form.region.querySelector('#ws') as HTMLInputElement).value).toBe('');
  });

  it('a form that left the page before the fill is not filled', () => {
    html(`<h2>OpenAI - ChatGPT</h2><form>${FIELDS}</form>`);
    const form = proven();
    form.region.remove();
    expect(fillForm(form.region, VALUES, form.match).refused).toBe('changed');
    expect((form.region.querySelector('#k') as HTMLInputElement).value).toBe('');
  });

  it('a framework that re-renders every field from its state on each event keeps every value', () => {
    html(`<h2>OpenAI - ChatGPT</h2><form>${FIELDS}</form>`);
    const form = proven();
    const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value') as PropertyDescriptor;
    const state: Record<string, string> = { ws: '', k: '' };
    const inputs = [...document.querySelectorAll('input')];
    for (const el of inputs)
      el.addEventListener('input', () => {
        state[el.id] = native.get?.call(el);
        for (const other of inputs) native.set?.call(other, state[other.id]); // the re-render
      });
    expect(fillForm(form.region, VALUES, form.match)).toEqual({
      filled: ['workspaceId', 'apiKey'],
      missing: ['instanceName'],
      ambiguous: [],
    });
    expect(state).toEqual({ ws: WS, k: KEY });
  });

  it('listeners that only read the values change nothing', () => {
    html(`<h2>OpenAI - ChatGPT</h2><form>${FIELDS}<label for="n">Instance name</label><input id="n"></form>`);
    const form = proven();
    const seen: string[] = [];
    form.region.addEventListener('input', (e) => seen.push((e.target as HTMLInputElement).id));
    expect(fillForm(form.region, VALUES, form.match).filled).toEqual([
      'instanceName',
      'workspaceId',
      'apiKey',
    ]);
    expect(seen).toEqual(['n', 'ws', 'k']);
    expect([value('n'), value('ws'), value('k')]).toEqual(['ChatGPT Enterprise', WS, KEY]);
  });
});

describe('trails without a name (issue 23.2)', () => {
  const NEUTRAL = `<form><h3>Add Instance</h3>${FIELDS}</form>`;
  it.each([
    [
      'a nav with separators in its text',
      '<nav><a href="#/s">Settings</a> › <a href="#/sm">Service Management</a> › <a href="#/o">OpenAI - ChatGPT</a> › <span>Add Instance</span></nav>',
    ],
    [
      'a list whose separators are drawn (CSS or icons), the last item current',
      '<nav><ol><li><a href="#/s">Settings</a></li><li><a href="#/sm">Service Management</a></li><li><a href="#/o">OpenAI - ChatGPT</a></li><li aria-current="page">Add Instance</li></ol></nav>',
    ],
    [
      'a list whose last item is plain text',
      '<ol><li><a href="#/s">Settings</a><svg aria-hidden="true"></svg></li><li><a href="#/o">ChatGPT</a><svg aria-hidden="true"></svg></li><li>New</li></ol>',
    ],
    ['spaced slashes', '<div role="navigation">Settings / Service Management / OpenAI ChatGPT / New</div>'],
  ])('%s proves the form', (_, trail) => {
    html(trail + NEUTRAL);
    const r = findInstanceForm(document);
    expect(r.refusal).toBeNull();
    expect(r.form?.proven).toBe(true);
  });

  it.each([
    [
      'a sidebar listing several services',
      '<nav><ul><li><a href="#/z">Zoom</a></li><li><a href="#/s">Slack</a></li><li><a href="#/o" aria-current="page">OpenAI - ChatGPT</a></li></ul></nav>',
    ],
    [
      'a menu whose every item is a link',
      '<nav><ul><li><a href="#/d">Dashboard</a></li><li><a href="#/o">OpenAI - ChatGPT</a></li><li><a href="#/r">Reports</a></li></ul></nav>',
    ],
    [
      'a bullet list of help text',
      '<ul><li>Create an Admin key in OpenAI</li><li>Copy the Workspace ID</li><li>Paste both here</li></ul>',
    ],
    [
      'a long list',
      `<nav><ol>${'<li><a href="#">Step</a></li>'.repeat(8)}<li aria-current="page">OpenAI</li></ol></nav>`,
    ],
    [
      'a hidden trail',
      '<nav hidden><a href="#/s">Settings</a> › <a href="#/o">OpenAI - ChatGPT</a> › <span>Add Instance</span></nav>',
    ],
  ])('%s is not a trail: the form is only a candidate', (_, markup) => {
    html(markup + NEUTRAL);
    expect(findInstanceForm(document).refusal).toBe('not-chatgpt');
  });

  it('a trail naming another service contradicts', () => {
    html(
      `<nav><a href="#/s">Settings</a> › <a href="#/z">Zoom</a> › <span>Add Instance</span></nav>${NEUTRAL}`,
    );
    expect(findInstanceForm(document)).toEqual({ form: null, refusal: 'other-service', service: 'Zoom' });
  });
});

describe('trail and fill edges (each pins a guard)', () => {
  const NEUTRAL = `<form><h3>Add Instance</h3>${FIELDS}</form>`;
  const crumbs = (n: number, last = 'Add Instance') =>
    `<nav>${Array.from({ length: n - 1 }, (_, i) => `<a href="#/${i}">${i === 0 ? 'OpenAI ChatGPT' : `Step ${i}`}</a> › `).join('')}<span>${last}</span></nav>`;
  const listTrail = (items: string[]) => `<nav><ol>${items.map((i) => `<li>${i}</li>`).join('')}</ol></nav>`;
  const grade = () => findInstanceForm(document).refusal;

  it.each([
    [2, null],
    [7, null],
    [8, 'not-chatgpt'],
  ])('a trail of %i segments: %s', (n, refusal) => {
    html(crumbs(n) + NEUTRAL);
    expect(grade()).toBe(refusal);
  });

  it('a segment longer than a step’s name is not a trail', () => {
    html(crumbs(3, 'x'.repeat(49)) + NEUTRAL);
    expect(grade()).toBe('not-chatgpt');
    html(crumbs(3, 'x'.repeat(48)) + NEUTRAL);
    expect(grade()).toBeNull();
  });

  it.each([
    [
      'two items, the last current',
      ['<a href="#/o">OpenAI - ChatGPT</a>', '<span aria-current="page">New</span>'],
      null,
    ],
    ['the last item plain text', ['<a href="#/o">ChatGPT</a>', 'New'], null],
    [
      'OpenAI and ChatGPT as two steps (one service)',
      ['<a href="#/a">OpenAI</a>', '<a href="#/c">ChatGPT</a>', 'New'],
      null,
    ],
    [
      'the last a link marked aria-current="false"',
      ['<a href="#/s">Settings</a>', '<a href="#/o" aria-current="false">ChatGPT</a>'],
      'not-chatgpt',
    ],
    [
      'a step before the last without a link',
      ['Settings', '<a href="#/o">ChatGPT</a>', 'New'],
      'not-chatgpt',
    ],
    ['two services', ['<a href="#/z">Zoom</a>', '<a href="#/o">ChatGPT</a>', 'New'], 'not-chatgpt'],
  ])('a list trail, %s: %s', (_, items, refusal) => {
    html(listTrail(items as string[]) + NEUTRAL);
    expect(grade()).toBe(refusal);
  });

  it('separators at the ends of a list item are not segments', () => {
    html(
      `${listTrail(['<a href="#/s">Settings</a> ›', '› <a href="#/o">ChatGPT</a> ›', '› New'])}${NEUTRAL}`,
    );
    expect(findInstanceForm(document).form?.title).toBe('Settings › ChatGPT › New');
  });

  it('a trail inside the form is not its surroundings', () => {
    html(`<form><nav>Settings › OpenAI - ChatGPT › New</nav>${FIELDS}</form>`);
    expect(grade()).toBe('not-chatgpt');
  });

  it('labels by two elements read as two words ("Zoom Workplace", not "ZoomWorkplace")', () => {
    html(`<span id="a">Zoom</span><span id="b">Workplace</span><form aria-labelledby="a b">${FIELDS}</form>`);
    expect(findInstanceForm(document)).toEqual({ form: null, refusal: 'other-service', service: 'Zoom' });
  });

  it('the title is the first short name when none names a service', () => {
    html(`<form aria-label="${'A'.repeat(81)}"><h3>New instance</h3>${FIELDS}</form>`);
    expect(findInstanceForm(document).form?.title).toBe('New instance');
    html(`<form aria-label="${'A'.repeat(80)}"><h3>New instance</h3>${FIELDS}</form>`);
    expect(findInstanceForm(document).form?.title).toBe('A'.repeat(80));
  });

  it('headings of a page region (not a form) are surroundings: another card’s service does not refuse', () => {
    html(`<main><h2>OpenAI - ChatGPT</h2><h3>Microsoft 365 (connected)</h3><div>${FIELDS}</div></main>`);
    expect(grade()).toBe('not-chatgpt');
    html(`<form><h2>OpenAI - ChatGPT</h2><h3>Microsoft 365 (connected)</h3>${FIELDS}</form>`);
    expect(grade()).toBe('other-service');
  });

  it('a route’s query is anyone’s to write: only its path counts', () => {
    html(NEUTRAL);
    history.replaceState(null, '', '/shndash/#/settings/service-management/new?chatgpt');
    expect(grade()).toBe('not-chatgpt');
    history.replaceState(null, '', '/shndash/#/settings/%E0%A4%A/openai-chatgpt');
    expect(grade()).toBeNull(); // a malformed escape: the route as written
  });

  it.each([
    ['only a Workspace ID field', '<input aria-label="Workspace ID">'],
    ['only a key field', '<input aria-label="API key">'],
  ])('%s: no form', (_, fields) => {
    html(`<h2>OpenAI - ChatGPT</h2><form>${fields}</form>`);
    expect(findInstanceForm(document)).toEqual({ form: null, refusal: 'no-form' });
  });

  it('the page’s listeners never see the key in a control moved out of the form', () => {
    html(`<h2>OpenAI - ChatGPT</h2><form>${FIELDS}</form><form id="elsewhere"></form>`);
    const r = findInstanceForm(document);
    const seen: string[] = [];
    const elsewhere = document.getElementById('elsewhere') as HTMLFormElement;
    elsewhere.addEventListener('input', (e) => seen.push((e.target as HTMLInputElement).value));
    document
      .getElementById('ws')
      ?.addEventListener('change', () => elsewhere.append(document.getElementById('k') as Element));
    fillForm(r.form?.region as Element, VALUES, r.form?.match);
    expect(seen.join('')).not.toContain(KEY);
  });

  it('nothing to write: nothing refused, even where the form is gone', () => {
    html(`<h2>OpenAI - ChatGPT</h2><form>${FIELDS}</form>`);
    const r = findInstanceForm(document);
    r.form?.region.remove();
    expect(fillForm(r.form?.region as Element, {}, r.form?.match)).toEqual({
      filled: [],
      missing: [],
      ambiguous: [],
    });
  });
});

describe('more edges the mutation run found', () => {
  const NEUTRAL = `<form><h3>Add Instance</h3>${FIELDS}</form>`;
  const listTrail = (items: string[]) =>
    `<nav><ol>${items.map((i) => `<li${i.startsWith('@') ? ' aria-current="page"' : ''}>${i.replace(/^@/, '')}</li>`).join('')}</ol></nav>`;
  const grade = () => findInstanceForm(document).refusal;

  it('one segment left after the separators is not a trail', () => {
    html(`<nav>› OpenAI ChatGPT</nav>${NEUTRAL}`);
    expect(grade()).toBe('not-chatgpt');
  });

  it.each([
    [
      'the current page marked on the last item, a link',
      ['<a href="#/s">Settings</a>', '@<a href="#/o">OpenAI - ChatGPT</a>'],
    ],
    [
      'the current page marked inside the last item',
      ['<a href="#/s">Settings</a>', '<a href="#/o" aria-current="page">OpenAI - ChatGPT</a>'],
    ],
  ])('%s: a trail', (_, items) => {
    html(listTrail(items) + NEUTRAL);
    expect(grade()).toBeNull();
  });

  it('a middle step without a link: not a trail', () => {
    html(
      listTrail(['<a href="#/s">Settings</a>', 'Service Management', '<a href="#/o">ChatGPT</a>', 'New']) +
        NEUTRAL,
    );
    expect(grade()).toBe('not-chatgpt');
  });

  it('a trail naming two services is a menu: it is not the surroundings', () => {
    html(`<nav><a href="#/z">Zoom</a> › <a href="#/s">Slack</a> › <span>New</span></nav>${NEUTRAL}`);
    expect(grade()).toBe('not-chatgpt');
    html(`<nav><a href="#/z">Zoom</a> › <a href="#/o">ChatGPT</a> › <span>New</span></nav>${NEUTRAL}`);
    expect(findInstanceForm(document).form?.title).toBe('Add Instance');
  });

  it('a form a stylesheet hides names nothing', () => {
    html(
      `<style>.away { display: none; }</style><form class="away" aria-label="OpenAI ChatGPT">${FIELDS}</form>`,
    );
    expect(grade()).toBe('not-chatgpt');
  });

  it('a form with no name and nothing around it has an empty title', () => {
    html(`<form>${FIELDS}</form>`);
    expect(findInstanceForm(document).form?.title).toBe('');
  });

  it('a document without an address (a parsed page) is read too', () => {
    const doc = new DOMParser().parseFromString(
      `<title>OpenAI - ChatGPT</title><form>${FIELDS}</form>`,
      'text/html',
    );
    expect(findInstanceForm(doc)).toMatchObject({ refusal: null, form: { title: 'OpenAI - ChatGPT' } });
  });
});
