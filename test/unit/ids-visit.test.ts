import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runIdsVisit } from '../../src/core/ids-visit';
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
