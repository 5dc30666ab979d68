import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mayHoldIds, runIdsVisit } from '../../src/core/ids-visit';
import { onPageVisits } from '../../src/core/visits';
import { countObservers, liveObservers, stopCountingObservers } from '../shared/observers';

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const ORG = 'org-p13k3klgno5cqxbf0q8hpgrk';
const DETAILS = `<dl><dt>Organization ID</dt><dd>${ORG}</dd><dt>Workspace ID</dt><dd>${WS}</dd></dl>`;

beforeEach(() => {
  countObservers();
  document.body.innerHTML = '<main><p>Loading…</p></main>';
  history.replaceState({}, '', '/admin/settings');
});
afterEach(() => {
  stopCountingObservers();
  vi.useRealTimers();
});

const hooks = () => ({ save: vi.fn(), report: vi.fn() });

describe('a visit of the settings page', () => {
  it('stops its observer and every timer after giving up on a page where the IDs never appear', async () => {
    vi.useFakeTimers();
    const h = hooks();
    const done = runIdsVisit(document.body, new AbortController().signal, h, {
      giveUpMs: 15_000,
      settledMs: 2_000,
    });
    expect(liveObservers()).toBe(1);
    // the page keeps changing, but never shows the IDs
    for (let i = 0; i < 20; i++) {
      document.body.append(Object.assign(document.createElement('p'), { textContent: `row ${i} id` }));
      await vi.advanceTimersByTimeAsync(1000);
    }
    await expect(done).resolves.toBe('gave-up');
    expect(liveObservers()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(h.save).not.toHaveBeenCalled();
    expect(h.report).toHaveBeenLastCalledWith(
      expect.objectContaining({ workspaceId: { status: 'missing', reason: 'no-label' } }),
      'gave-up',
    );
  });

  it('reads values that render late, then stops', async () => {
    vi.useFakeTimers();
    const h = hooks();
    const done = runIdsVisit(document.body, new AbortController().signal, h);
    await vi.advanceTimersByTimeAsync(3000);
    expect(h.report).toHaveBeenCalledWith(expect.anything(), 'settled');
    (document.querySelector('main') as HTMLElement).innerHTML = DETAILS;
    await vi.advanceTimersByTimeAsync(100);
    await expect(done).resolves.toBe('done');
    expect(h.save).toHaveBeenCalledWith({ workspaceId: WS, organizationId: ORG });
    expect(liveObservers()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops at once when the visit is aborted', async () => {
    vi.useFakeTimers();
    const visit = new AbortController();
    const done = runIdsVisit(document.body, visit.signal, hooks());
    visit.abort();
    await expect(done).resolves.toBe('aborted');
    expect(liveObservers()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('on a page that keeps changing, reads a few times a second and observes nothing in between', async () => {
    vi.useFakeTimers();
    const visit = new AbortController();
    // every read looks for aria-labels once per field: count the reads through it
    const spy = vi.spyOn(document.body, 'querySelectorAll');
    void runIdsVisit(document.body, visit.signal, hooks());
    const perRead = spy.mock.calls.length;
    expect(perRead).toBeGreaterThan(0);
    let paused = 0;
    for (let i = 0; i < 100; i++) {
      // a chat-like page: a line every 10 ms, old lines dropped
      document.body.append(Object.assign(document.createElement('p'), { textContent: `token ${i}` }));
      if (i > 10) document.body.querySelector('p')?.remove();
      await vi.advanceTimersByTimeAsync(10);
      if (liveObservers() === 0) paused++;
    }
    // one second of changes: the first read, then at most one read per 250 ms pause (two each)
    expect(spy.mock.calls.length / perRead).toBeLessThanOrEqual(1 + 2 * 4 + 1);
    // and most of the time the observer is off: the page's changes cost nothing then
    expect(paused).toBeGreaterThan(80);
    // a value that appears is still read within a pause
    (document.querySelector('main') as HTMLElement).innerHTML = DETAILS;
    await vi.advanceTimersByTimeAsync(260);
    expect(liveObservers()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    visit.abort();
  });
});

describe('what a visit saves and says', () => {
  const WS_ONLY = `<dl><dt>Workspace ID</dt><dd>${WS}</dd></dl>`;

  it('a page that shows only the Workspace ID: saved once it settles, and exactly that; then it gives up', async () => {
    vi.useFakeTimers();
    const h = hooks();
    (document.querySelector('main') as HTMLElement).innerHTML = WS_ONLY;
    const done = runIdsVisit(document.body, new AbortController().signal, h);
    await vi.advanceTimersByTimeAsync(1999);
    expect(h.save).not.toHaveBeenCalled();
    expect(h.report).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(h.save).toHaveBeenCalledTimes(1);
    expect(h.save.mock.calls[0]?.[0]).toStrictEqual({ workspaceId: WS });
    expect(h.report).toHaveBeenLastCalledWith(
      expect.objectContaining({ workspaceId: { status: 'found', value: WS } }),
      'settled',
    );
    // the page changes, settles again with the same value: nothing new to save
    document.body.append(document.createElement('p'));
    await vi.advanceTimersByTimeAsync(2500);
    expect(h.save).toHaveBeenCalledTimes(1);
    expect(h.report).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(15_000 - 4500 - 1);
    expect(h.report).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    await expect(done).resolves.toBe('gave-up');
    expect(h.report).toHaveBeenLastCalledWith(
      expect.objectContaining({ organizationId: expect.objectContaining({ status: 'missing' }) }),
      'gave-up',
    );
    expect(h.save).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a page that shows only the Organization ID saves exactly that', async () => {
    vi.useFakeTimers();
    const h = hooks();
    (document.querySelector('main') as HTMLElement).innerHTML =
      `<dl><dt>Organization ID</dt><dd>${ORG}</dd></dl>`;
    const visit = new AbortController();
    void runIdsVisit(document.body, visit.signal, h, { giveUpMs: 5000 });
    await vi.advanceTimersByTimeAsync(2000);
    expect(h.save.mock.calls[0]?.[0]).toStrictEqual({ organizationId: ORG });
    visit.abort(); // nothing of this visit is left to the next test
    expect(liveObservers()).toBe(0);
  });

  it('a page without anything ID-shaped still says, when it settles, what it lacks', async () => {
    vi.useFakeTimers();
    const h = hooks();
    (document.querySelector('main') as HTMLElement).innerHTML = '<dl><dt>Workspace ID</dt><dd>…</dd></dl>';
    const visit = new AbortController();
    void runIdsVisit(document.body, visit.signal, h);
    await vi.advanceTimersByTimeAsync(2000);
    expect(h.report).toHaveBeenCalledWith(
      expect.objectContaining({ workspaceId: { status: 'missing', reason: 'no-value' } }),
      'settled',
    );
    expect(h.save).not.toHaveBeenCalled();
    visit.abort();
  });

  it('an aborted visit saves and says nothing more', async () => {
    vi.useFakeTimers();
    const h = hooks();
    (document.querySelector('main') as HTMLElement).innerHTML = WS_ONLY;
    const visit = new AbortController();
    const done = runIdsVisit(document.body, visit.signal, h);
    await vi.advanceTimersByTimeAsync(1000);
    visit.abort();
    await expect(done).resolves.toBe('aborted');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(h.save).not.toHaveBeenCalled();
    expect(h.report).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('both IDs rendered at once end the visit at once, saved together', async () => {
    vi.useFakeTimers();
    const h = hooks();
    (document.querySelector('main') as HTMLElement).innerHTML = DETAILS;
    await expect(runIdsVisit(document.body, new AbortController().signal, h)).resolves.toBe('done');
    expect(h.save).toHaveBeenCalledTimes(1);
    expect(h.save.mock.calls[0]?.[0]).toStrictEqual({ workspaceId: WS, organizationId: ORG });
    expect(h.report).toHaveBeenCalledWith(
      expect.objectContaining({ organizationId: { status: 'found', value: ORG } }),
      'done',
    );
  });
});

describe('the cheap look before a full read', () => {
  const holds = (html: string) => {
    const main = document.createElement('main');
    main.innerHTML = html;
    return mayHoldIds(main);
  };

  it('finds an ID-shaped string in text, attributes and form fields, and nothing where there is none', () => {
    expect(holds('<p>Workspace ID</p><p>Loading…</p>')).toBe(false);
    expect(holds('<p>org-short and f7f33107-5fb9-4ee1 cut</p>')).toBe(false);
    expect(holds(`<p>${WS}</p>`)).toBe(true);
    expect(holds(`<p>${WS.toUpperCase()}</p>`)).toBe(true);
    expect(holds(`<p>${ORG}</p>`)).toBe(true);
    expect(holds(`<button data-copy="${ORG}">Copy</button>`)).toBe(true);
    expect(holds(`<span title="${WS}">f7f3…</span>`)).toBe(true);
    // split over two nodes, or glued to its label: the reader may still join them
    expect(holds('<span>f7f33107-5fb9-4ee1-</span><span>8922-3eae76b5b5a0</span>')).toBe(true);
    expect(holds(`<p>Workspace ID${WS}</p>`)).toBe(true);
  });

  it('reads the values of form fields, which the markup does not hold', () => {
    const main = document.createElement('main');
    main.innerHTML = '<input readonly><textarea></textarea>';
    expect(mayHoldIds(main)).toBe(false);
    (main.querySelector('input') as HTMLInputElement).value = WS;
    expect(mayHoldIds(main)).toBe(true);
    (main.querySelector('input') as HTMLInputElement).value = '';
    (main.querySelector('textarea') as HTMLTextAreaElement).value = ORG;
    expect(mayHoldIds(main)).toBe(true);
  });

  it('finds a Workspace ID alone, and an Organization ID alone', () => {
    expect(holds(`<dd>${WS}</dd>`)).toBe(true);
    expect(holds(`<dd>${ORG}</dd>`)).toBe(true);
  });
});

describe('page visits in a single-page app', () => {
  it('aborts the visit when the admin navigates away, and reads again on the way back', async () => {
    const life = new AbortController();
    const starts: AbortSignal[] = [];
    onPageVisits({
      window,
      isRelevant: (url) => new URL(url).pathname === '/admin/settings',
      start: (signal) => starts.push(signal),
      alive: () => true,
      life: life.signal,
    });
    expect(starts).toHaveLength(1);
    history.pushState({}, '', '/admin/members');
    document.body.append(document.createElement('div')); // the app renders the new view
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(starts[0]?.aborted).toBe(true);
    expect(starts).toHaveLength(1);
    history.pushState({}, '', '/admin/settings');
    document.body.append(document.createElement('div'));
    await new Promise((r) => setTimeout(r, 0));
    expect(starts).toHaveLength(2);
    expect(starts[1]?.aborted).toBe(false);
    life.abort();
    expect(starts[1]?.aborted).toBe(true);
    expect(liveObservers()).toBe(0);
  });

  it('stops everything once the extension is gone', async () => {
    const life = new AbortController();
    let alive = true;
    const starts: AbortSignal[] = [];
    onPageVisits({
      window,
      isRelevant: () => true,
      start: (s) => starts.push(s),
      alive: () => alive,
      life: life.signal,
    });
    alive = false;
    history.pushState({}, '', '/admin/settings?tab=2');
    document.body.append(document.createElement('div'));
    await new Promise((r) => setTimeout(r, 0));
    expect(starts).toHaveLength(1);
    expect(starts[0]?.aborted).toBe(true);
    life.abort();
    expect(liveObservers()).toBe(0);
  });
});
