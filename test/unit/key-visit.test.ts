/** One visit of a key page (core/key-visit.ts): its state machine, on a page built like the platform's. */
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { type KeyVisitHooks, runKeyVisit, type ShownKey } from '../../src/core/key-visit';
import { onPageVisits } from '../../src/core/visits';
import { countObservers, liveObservers, stopCountingObservers } from '../shared/observers';

const KEY =
  'sk-proj-7VTjdj6WmtBrT3GSH8x9cazQUz6h0XeXwhv166wn_uQwU30blyqsZYJDviFkhNxP5EvPyuJprkrnFflVzEmJvqokwWQcuHABBzKzy';
const LAST4 = KEY.slice(-4);

const PAGE = `<header><span>Organization:</span><button aria-haspopup="menu">Acme Corp</button></header>
<main><h1>API keys</h1><button id="create">+ Create new secret key</button>
<table id="keys"><thead><tr><th>NAME</th><th>SECRET KEY</th><th>CREATED</th><th>CREATED BY</th></tr></thead>
<tbody><tr><td>Zapier</td><td>sk-...Qa9z</td><td>Mar 3, 2026</td><td>Ada Lovelace</td></tr></tbody></table></main>`;

const FORM = `<h2>Create new secret key</h2>
<fieldset><legend>Owned by</legend>
  <label><input type="radio" name="owner" checked> You</label>
  <label><input type="radio" name="owner"> Service account</label></fieldset>
<label for="name">Name</label><input id="name" placeholder="My Test Key">
<label for="project">Project</label>
<select id="project"><option selected>Default project</option><option>Marketing</option></select>
<fieldset><legend>Permissions</legend>
  <label><input type="radio" name="perm" checked> All</label>
  <label><input type="radio" name="perm"> Read only</label></fieldset>
<button id="cancel">Cancel</button> <button id="submit">Create secret key</button>`;

const VIEW = `<h2>Save your key</h2>
<p>Please save this secret key somewhere safe. For security reasons, you won't be able to view it again.</p>
<input readonly aria-label="Secret key" size="60" value="${KEY}"> <button id="copy">Copy</button>
<p><button id="done">Done</button></p>`;

let dialog: HTMLElement | null = null;
function open(html: string): HTMLElement {
  dialog?.remove();
  dialog = document.createElement('div');
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.innerHTML = html;
  document.body.append(dialog);
  return dialog;
}
function closeDialog(): void {
  dialog?.remove();
  dialog = null;
}
function addRow(name: string, last4: string, by: string): void {
  const row = document.createElement('tr');
  for (const text of [name, `sk-...${last4}`, 'Nov 26, 2026', by]) {
    const td = document.createElement('td');
    td.textContent = text;
    row.append(td);
  }
  document.querySelector('#keys tbody')?.append(row);
}

/** An event as a person's input makes it (happy-dom makes none trusted). */
function trusted<E extends Event>(e: E): E {
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}
const click = (target: Element, type = 'click') =>
  target.dispatchEvent(trusted(new MouseEvent(type, { bubbles: true, cancelable: true, composed: true })));
const pressEscape = (target: Element) =>
  target.dispatchEvent(
    trusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true })),
  );

const settle = () => vi.advanceTimersByTimeAsync(100);

type Mocks = { [K in keyof KeyVisitHooks]: Mock<KeyVisitHooks[K]> };
function hooks(over: Partial<Mocks> = {}): Mocks {
  return {
    form: vi.fn<KeyVisitHooks['form']>(),
    note: vi.fn<KeyVisitHooks['note']>(),
    shown: vi.fn<KeyVisitHooks['shown']>(() => Promise.resolve({})),
    gone: vi.fn<KeyVisitHooks['gone']>(),
    copied: vi.fn<KeyVisitHooks['copied']>(),
    stopClose: vi.fn<KeyVisitHooks['stopClose']>(() => true),
    row: vi.fn<KeyVisitHooks['row']>(),
    ...over,
  };
}

let visit: AbortController;
beforeEach(() => {
  vi.useFakeTimers();
  countObservers();
  document.body.innerHTML = PAGE;
  dialog = null;
  visit = new AbortController();
});
afterEach(() => {
  visit.abort();
  stopCountingObservers();
  vi.useRealTimers();
});

const start = (h: Mocks, site: 'platform' | 'admin-console' = 'platform') =>
  runKeyVisit(document, site, visit.signal, h);

describe('a visit of a key page', () => {
  it('notes the create form as the admin fills it, and tells when it opens and closes', async () => {
    const h = hooks();
    start(h);
    const form = open(FORM);
    await settle();
    expect(h.form).toHaveBeenCalledWith(form);
    expect(h.note).toHaveBeenLastCalledWith({
      ownerType: 'you',
      project: 'Default project',
      permissions: 'All',
    });
    const name = form.querySelector('#name') as HTMLInputElement;
    name.value = 'Skyhigh CASB';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    // read at once, not after the next change: the form may be submitted right after typing
    expect(h.note).toHaveBeenLastCalledWith(expect.objectContaining({ keyName: 'Skyhigh CASB' }));
    const notes = h.note.mock.calls.length;
    form.append(document.createElement('span')); // a change that changes no choice
    await settle();
    expect(h.note).toHaveBeenCalledTimes(notes);
    closeDialog();
    await settle();
    expect(h.form).toHaveBeenLastCalledWith(null);
  });

  it('sees a one-time view once, with its last 4, name and organisation, and tells when it is gone', async () => {
    const h = hooks();
    start(h);
    const view = open(VIEW);
    await settle();
    expect(h.shown).toHaveBeenCalledTimes(1);
    const key = h.shown.mock.calls[0]?.[0] as ShownKey;
    expect(key).toMatchObject({ secret: KEY, keyLast4: LAST4, container: view, organization: 'Acme Corp' });
    expect(key.facts).toBeUndefined(); // an Admin key's rows only
    view.append(document.createElement('span'));
    await settle();
    expect(h.shown).toHaveBeenCalledTimes(1);
    closeDialog();
    await settle();
    expect(h.gone).toHaveBeenCalledTimes(1);
  });

  it("copy: the site's Copy button counts once as copied, and the close then goes through", async () => {
    const h = hooks();
    start(h);
    const view = open(VIEW);
    await settle();
    click(view.querySelector('#copy') as Element);
    click(view.querySelector('#copy') as Element);
    expect(h.copied.mock.calls).toEqual([[true], [false]]);
    const done = view.querySelector('#done') as Element;
    const closing = trusted(new MouseEvent('click', { bubbles: true, cancelable: true }));
    done.dispatchEvent(closing);
    expect(closing.defaultPrevented).toBe(false);
    expect(h.stopClose).not.toHaveBeenCalled();
  });

  it('copy: a copy of the selected secret counts as copied, a copy of something else does not', async () => {
    const h = hooks();
    start(h);
    const view = open(VIEW);
    await settle();
    const input = view.querySelector('input') as HTMLInputElement;
    input.focus();
    input.setSelectionRange(0, 10);
    document.dispatchEvent(trusted(new Event('copy', { bubbles: true })));
    expect(h.copied).not.toHaveBeenCalled();
    input.setSelectionRange(0, KEY.length);
    // a copy the page's script dispatches (untrusted) is not the admin's: the key is not copied
    document.dispatchEvent(new Event('copy', { bubbles: true }));
    expect(h.copied).not.toHaveBeenCalled();
    document.dispatchEvent(trusted(new Event('copy', { bubbles: true })));
    expect(h.copied).toHaveBeenCalledWith(true);
  });

  it('stopped close: the first close before copying is stopped (Done), and the retry closes', async () => {
    const h = hooks();
    start(h);
    const view = open(VIEW);
    const done = view.querySelector('#done') as HTMLButtonElement;
    const closed = vi.fn();
    done.addEventListener('click', closed);
    await settle();
    const first = trusted(new MouseEvent('click', { bubbles: true, cancelable: true }));
    done.dispatchEvent(first);
    expect(first.defaultPrevented).toBe(true);
    expect(closed).not.toHaveBeenCalled();
    expect(h.stopClose).toHaveBeenCalledTimes(1);
    // "Close anyway": the retry is the site's own button again
    const retry = h.stopClose.mock.calls[0]?.[0];
    retry?.();
    expect(closed).toHaveBeenCalledTimes(1);
    // a second close by the admin is not stopped
    const second = trusted(new MouseEvent('click', { bubbles: true, cancelable: true }));
    done.dispatchEvent(second);
    expect(second.defaultPrevented).toBe(false);
    expect(h.stopClose).toHaveBeenCalledTimes(1);
  });

  it('stopped close: Escape is stopped once; a scripted (untrusted) Escape never', async () => {
    const h = hooks();
    start(h);
    open(VIEW);
    await settle();
    // a page's own script closing the view is not the admin: nothing stopped
    const scripted = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    document.body.dispatchEvent(scripted);
    expect(scripted.defaultPrevented).toBe(false);
    expect(pressEscape(document.body)).toBe(false); // dispatchEvent: false when the default was prevented
    expect(h.stopClose).toHaveBeenCalledTimes(1);
    expect(pressEscape(document.body)).toBe(true);
    expect(h.stopClose).toHaveBeenCalledTimes(1);
  });

  it('stopped close: a click outside the view is stopped with its whole gesture', async () => {
    const h = hooks();
    start(h);
    open(VIEW);
    await settle();
    const outside = document.querySelector('h1') as Element;
    const seen = vi.fn();
    outside.addEventListener('click', seen);
    expect(click(outside, 'pointerdown')).toBe(false);
    expect(click(outside, 'mousedown')).toBe(false);
    expect(click(outside, 'click')).toBe(false);
    expect(seen).not.toHaveBeenCalled();
    expect(h.stopClose).toHaveBeenCalledWith(null);
    // the next gesture goes through
    expect(click(outside, 'pointerdown')).toBe(true);
    expect(click(outside, 'click')).toBe(true);
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('stopped close: nothing is stopped when nothing can say why', async () => {
    const h = hooks({ stopClose: vi.fn<KeyVisitHooks['stopClose']>(() => false) });
    start(h);
    const view = open(VIEW);
    await settle();
    expect(click(view.querySelector('#done') as Element)).toBe(true);
    expect(h.stopClose).toHaveBeenCalledTimes(1);
  });

  it('hand over: clicks in our own panel (Copy key, Hand over) are neither a close nor a copy; ours counts', async () => {
    const h = hooks();
    const v = start(h);
    const view = open(VIEW);
    await settle();
    const panel = document.createElement('div');
    const hand = document.createElement('button');
    hand.textContent = 'Done'; // even a button our panel names like the site's close
    panel.append(hand);
    view.append(panel);
    v.ignore(panel);
    expect(click(hand)).toBe(true);
    expect(click(hand, 'pointerdown')).toBe(true);
    expect(h.stopClose).not.toHaveBeenCalled();
    expect(h.copied).not.toHaveBeenCalled();
    // the panel's Copy key wrote the key: copied, and the close then goes through
    v.copied();
    expect(h.copied).toHaveBeenCalledWith(true);
    expect(click(view.querySelector('#done') as Element)).toBe(true);
  });

  it('reads CREATED BY from the list after the view closed, by the name the background answered', async () => {
    const h = hooks({
      shown: vi.fn<KeyVisitHooks['shown']>(() => Promise.resolve({ keyName: 'Compliance' })),
    });
    start(h);
    open(VIEW);
    await settle();
    // a row with the same last 4 but another name is not the key's
    addRow('Other', LAST4, 'Mallory');
    await settle();
    expect(h.row).not.toHaveBeenCalled(); // not while the view is shown, nor for the wrong name
    closeDialog();
    await settle();
    expect(h.row).not.toHaveBeenCalled();
    addRow('Compliance', LAST4, 'Grace Hopper');
    await settle();
    expect(h.row).toHaveBeenCalledTimes(1);
    expect(h.row).toHaveBeenCalledWith(LAST4, expect.objectContaining({ createdBy: 'Grace Hopper' }));
    document.body.append(document.createElement('p'));
    await settle();
    expect(h.row).toHaveBeenCalledTimes(1);
  });

  it('reads CREATED BY even when the background answers after the view closed', async () => {
    let answer: (a: { keyName?: string }) => void = () => {};
    const h = hooks({
      shown: vi.fn<KeyVisitHooks['shown']>(() => new Promise<{ keyName?: string }>((r) => (answer = r))),
    });
    start(h);
    open(VIEW);
    await settle();
    closeDialog();
    addRow('Compliance', LAST4, 'Grace Hopper');
    await settle();
    expect(h.row).not.toHaveBeenCalled(); // the key's name is not known yet: the list waits for it
    answer({ keyName: 'Compliance' });
    await settle();
    expect(h.row).toHaveBeenCalledWith(LAST4, expect.objectContaining({ createdBy: 'Grace Hopper' }));
  });

  it('keeps watching a long-open page: no time limit, one observer', async () => {
    const h = hooks();
    start(h);
    expect(liveObservers()).toBe(1);
    await vi.advanceTimersByTimeAsync(3 * 60 * 60_000);
    open(VIEW);
    await settle();
    expect(h.shown).toHaveBeenCalledTimes(1);
    expect(liveObservers()).toBe(1);
  });

  it('navigation away ends it: observer, listeners and reads stop', async () => {
    history.replaceState({}, '', '/api-keys');
    const life = new AbortController();
    const h = hooks();
    let done: Promise<void> | undefined;
    onPageVisits({
      window,
      isRelevant: (url) => url.endsWith('/api-keys'),
      start: (signal) => {
        done = runKeyVisit(document, 'platform', signal, h).done;
      },
      alive: () => true,
      life: life.signal,
    });
    const view = open(VIEW);
    await settle();
    expect(h.shown).toHaveBeenCalledTimes(1);
    const before = liveObservers(); // the visit's observer, and visits.ts's navigation watcher (no Navigation API here)
    history.pushState({}, '', '/settings/organization/general');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await settle();
    await expect(done).resolves.toBeUndefined();
    expect(liveObservers()).toBe(before - 1);
    life.abort();
    expect(liveObservers()).toBe(0);
    expect(click(view.querySelector('#done') as Element)).toBe(true);
    expect(h.stopClose).not.toHaveBeenCalled();
    closeDialog();
    open(VIEW);
    await settle();
    expect(h.shown).toHaveBeenCalledTimes(1);
    expect(h.gone).not.toHaveBeenCalled();
  });

  it('the view names the key: noted with the form, and told with the view; no name, no note', async () => {
    const h = hooks();
    start(h);
    open(VIEW);
    await settle();
    expect(h.note).not.toHaveBeenCalled();
    closeDialog();
    await settle();
    const named = open(
      VIEW.replace('<p><button', '<div><span>Name</span> <span>Compliance</span></div><p><button'),
    );
    await settle();
    expect(h.note).toHaveBeenCalledWith({ keyName: 'Compliance' });
    expect(h.shown).toHaveBeenLastCalledWith(
      expect.objectContaining({ keyName: 'Compliance', container: named }),
    );
  });

  it('an Admin key: the view’s rows and the picked workspace come with it', async () => {
    const h = hooks();
    document.body.innerHTML =
      '<header><span>Workspace:</span><button aria-haspopup="menu">Acme WS</button></header><main><h1>Admin keys</h1></main>';
    start(h, 'admin-console');
    open(VIEW.replace('<p><button', '<div><span>Expires</span> <span>Never</span></div><p><button'));
    await settle();
    const key = h.shown.mock.calls[0]?.[0] as ShownKey;
    expect(key.workspaceName).toBe('Acme WS');
    expect(key.facts).toContainEqual(['Expires', 'Never']);
    expect(JSON.stringify(key.facts)).not.toContain(KEY);
  });

  it('another key’s view replaces the first: gone, then shown; a late answer about the first is dropped', async () => {
    const answers: ((a: { keyName?: string }) => void)[] = [];
    const h = hooks({
      shown: vi.fn<KeyVisitHooks['shown']>(() => new Promise<{ keyName?: string }>((r) => answers.push(r))),
    });
    start(h);
    open(VIEW);
    await settle();
    const other = `${KEY.slice(0, -4)}ZZZZ`;
    open(VIEW.replace(KEY, other));
    await settle();
    expect(h.gone).toHaveBeenCalledTimes(1);
    expect(h.shown).toHaveBeenCalledTimes(2);
    expect(h.shown).toHaveBeenLastCalledWith(expect.objectContaining({ secret: other, keyLast4: 'ZZZZ' }));
    closeDialog();
    addRow('First', LAST4, 'Mallory');
    addRow('Second', 'ZZZZ', 'Grace Hopper');
    answers[0]?.({ keyName: 'First' });
    await settle();
    expect(h.row).not.toHaveBeenCalled();
    answers[1]?.({ keyName: 'Second' });
    await settle();
    expect(h.row).toHaveBeenCalledWith('ZZZZ', expect.objectContaining({ createdBy: 'Grace Hopper' }));
  });

  it('a row already in the list while the view is shown is read only once the view is gone', async () => {
    const h = hooks();
    addRow('Secret key', LAST4, 'Grace Hopper');
    start(h);
    open(VIEW);
    await settle();
    expect(h.row).not.toHaveBeenCalled();
    closeDialog();
    await settle();
    expect(h.row).toHaveBeenCalledWith(LAST4, expect.objectContaining({ createdBy: 'Grace Hopper' }));
  });

  it('no answer from the background (the extension went away): the row is looked for by the last 4', async () => {
    const h = hooks({ shown: vi.fn<KeyVisitHooks['shown']>(() => undefined) });
    start(h);
    open(VIEW);
    await settle();
    closeDialog();
    addRow('Secret key', LAST4, 'Grace Hopper');
    await settle();
    expect(h.row).toHaveBeenCalledWith(LAST4, expect.objectContaining({ createdBy: 'Grace Hopper' }));
  });

  it('a form replaced by another is told, and its choices noted again (for the new guide)', async () => {
    const h = hooks();
    start(h);
    open(FORM);
    await settle();
    const notes = h.note.mock.calls.length;
    const again = open(FORM);
    await settle();
    expect(h.form).toHaveBeenLastCalledWith(again);
    expect(h.note.mock.calls.length).toBe(notes + 1);
  });

  it('notes what the admin types even when the page stops the event from bubbling', async () => {
    const h = hooks();
    start(h);
    const form = open(FORM);
    await settle();
    const name = form.querySelector('#name') as HTMLInputElement;
    name.addEventListener('input', (e) => e.stopPropagation());
    name.value = 'Typed';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    expect(h.note).toHaveBeenLastCalledWith(expect.objectContaining({ keyName: 'Typed' }));
  });

  it('the copy guard: only a click (not a press) of the view’s buttons, and nothing but its buttons', async () => {
    const h = hooks();
    const v = start(h);
    v.copied(); // nothing shown: nothing copied
    expect(h.copied).not.toHaveBeenCalled();
    const view = open(
      VIEW.replace('<button id="copy">Copy</button>', '<button id="copy" aria-label="Copy"><i></i></button>'),
    );
    await settle();
    expect(click(view.querySelector('#done') as Element, 'pointerdown')).toBe(true);
    expect(click(view.querySelector('h2') as Element)).toBe(true);
    expect(h.stopClose).not.toHaveBeenCalled();
    // the site's Copy, an icon named by its aria-label
    click(view.querySelector('#copy') as Element);
    expect(h.copied).toHaveBeenCalledWith(true);
    // copied: a click outside is no longer stopped, nor Escape
    const outside = document.querySelector('h1') as Element;
    expect(click(outside, 'pointerdown')).toBe(true);
    expect(pressEscape(document.body)).toBe(true);
    expect(h.stopClose).not.toHaveBeenCalled();
  });

  it('the copy guard: a click outside without a press first, another key, or an event on the document pass', async () => {
    const h = hooks();
    start(h);
    open(VIEW);
    await settle();
    expect(click(document.querySelector('h1') as Element, 'click')).toBe(true);
    const enter = trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(document.body.dispatchEvent(enter)).toBe(true);
    const onDocument = trusted(new MouseEvent('pointerdown', { bubbles: true, cancelable: true }));
    expect(document.dispatchEvent(onDocument)).toBe(true);
    expect(h.stopClose).not.toHaveBeenCalled();
  });

  it('the copy guard: when nothing can say why, a press outside stops nothing of its gesture', async () => {
    const h = hooks({ stopClose: vi.fn<KeyVisitHooks['stopClose']>(() => false) });
    start(h);
    open(VIEW);
    await settle();
    const outside = document.querySelector('h1') as Element;
    expect(click(outside, 'pointerdown')).toBe(true);
    expect(click(outside, 'click')).toBe(true);
  });

  it('the copy guard: "Close anyway" after Escape presses Escape again where the focus is', async () => {
    const h = hooks();
    start(h);
    open(VIEW);
    await settle();
    const escapes = vi.fn();
    document.body.addEventListener('keydown', (e) => e.key === 'Escape' && escapes());
    expect(pressEscape(document.body)).toBe(false);
    expect(escapes).not.toHaveBeenCalled();
    h.stopClose.mock.calls[0]?.[0]?.();
    expect(escapes).toHaveBeenCalledTimes(1);
  });

  it('the copy guard: a copy of the secret selected in the page’s text counts as copied', async () => {
    const h = hooks();
    start(h);
    const view = open(
      VIEW.replace(
        `<input readonly aria-label="Secret key" size="60" value="${KEY}">`,
        `<code>${KEY}</code>`,
      ),
    );
    await settle();
    expect(h.shown).toHaveBeenCalledTimes(1);
    const range = document.createRange();
    range.selectNodeContents(view.querySelector('code') as Element);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
    (view.querySelector('#done') as HTMLButtonElement).focus(); // no field: only the selection counts
    document.dispatchEvent(trusted(new Event('copy', { bubbles: true })));
    expect(h.copied).toHaveBeenCalledWith(true);
  });
});
