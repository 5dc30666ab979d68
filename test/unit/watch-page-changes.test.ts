/**
 * Watching a page that renders late: a value is read as soon as it is there, a busy page is read a
 * few times a second at most, and the watch ends (value, time-out or abort) exactly once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchDom } from '../../src/core/watch';
import { countObservers, liveObservers, stopCountingObservers } from '../shared/observers';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

function page() {
  document.body.innerHTML = '<main></main>';
  return document.querySelector('main') as HTMLElement;
}

describe('watching a page', () => {
  it('an aborted visit reads nothing', async () => {
    const visit = new AbortController();
    visit.abort();
    let reads = 0;
    const out = await watchDom({
      root: page(),
      signal: visit.signal,
      read: () => {
        reads++;
        return 1;
      },
      timeoutMs: 1000,
      minIntervalMs: 10,
    });
    expect(out).toEqual({ status: 'aborted' });
    expect(reads).toBe(0);
  });

  it('a value already there is read at once, once', async () => {
    let reads = 0;
    const out = await watchDom({
      root: page(),
      signal: new AbortController().signal,
      read: () => {
        reads++;
        return 'v';
      },
      timeoutMs: 1000,
      minIntervalMs: 10,
    });
    expect(out).toEqual({ status: 'done', value: 'v' });
    expect(reads).toBe(1);
  });

  it('a value that appears later is read; a read that throws is a read that found nothing', async () => {
    const root = page();
    let reads = 0;
    const done = watchDom({
      root,
      signal: new AbortController().signal,
      read: () => {
        reads++;
        if (reads === 1) throw new Error('half-rendered');
        return root.textContent === 'ready' ? 'ok' : undefined;
      },
      timeoutMs: 2000,
      minIntervalMs: 10,
    });
    root.textContent = 'not yet';
    await tick(40);
    root.textContent = 'ready';
    expect(await done).toEqual({ status: 'done', value: 'ok' });
  });

  it('gives up after its time, and an abort after that changes nothing', async () => {
    const visit = new AbortController();
    const out = await watchDom({
      root: page(),
      signal: visit.signal,
      read: () => undefined,
      timeoutMs: 30,
      minIntervalMs: 10,
    });
    expect(out).toEqual({ status: 'timeout' });
    visit.abort();
  });

  it('stops when the visit is aborted, and reads nothing after', async () => {
    const root = page();
    const visit = new AbortController();
    let reads = 0;
    const done = watchDom({
      root,
      signal: visit.signal,
      read: () => {
        reads++;
        return undefined;
      },
      timeoutMs: 5000,
      minIntervalMs: 10,
    });
    visit.abort();
    expect(await done).toEqual({ status: 'aborted' });
    const before = reads;
    root.textContent = 'changed';
    await tick(40);
    expect(reads).toBe(before);
  });

  it('a busy page: one read per change, then one after the pause, then it watches again', async () => {
    const root = page();
    let reads = 0;
    const visit = new AbortController();
    const done = watchDom({
      root,
      signal: visit.signal,
      read: () => {
        reads++;
        return root.textContent === 'value' ? 'found' : undefined;
      },
      timeoutMs: 5000,
      minIntervalMs: 300,
    });
    expect(reads).toBe(1);
    root.textContent = 'a';
    await vi.waitFor(() => expect(reads).toBe(2));
    // changes during the pause are not read one by one
    root.textContent = 'b';
    root.textContent = 'c';
    await tick(5);
    expect(reads).toBe(2);
    await vi.waitFor(() => expect(reads).toBe(3), { timeout: 2000 });
    // observing again after the pause: a later change is read
    root.textContent = 'value';
    expect(await done).toEqual({ status: 'done', value: 'found' });
  });
});

describe('what a watch leaves behind', () => {
  beforeEach(() => countObservers());
  afterEach(() => {
    stopCountingObservers();
    vi.useRealTimers();
  });

  it('a value already there: no observer and no timer are left', async () => {
    vi.useFakeTimers();
    const out = await watchDom({
      root: page(),
      signal: new AbortController().signal,
      read: () => 'v',
      timeoutMs: 1000,
      minIntervalMs: 10,
    });
    expect(out).toEqual({ status: 'done', value: 'v' });
    expect(liveObservers()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a value found by the read after a pause: the page is not observed again', async () => {
    vi.useFakeTimers();
    const root = page();
    const done = watchDom({
      root,
      signal: new AbortController().signal,
      read: () => (root.textContent === 'value' ? 'found' : undefined),
      timeoutMs: 5000,
      minIntervalMs: 300,
    });
    expect(liveObservers()).toBe(1);
    root.textContent = 'first';
    await vi.advanceTimersByTimeAsync(0);
    expect(liveObservers()).toBe(0); // paused
    root.textContent = 'value'; // unseen while paused, read after the pause
    await vi.advanceTimersByTimeAsync(299);
    expect(liveObservers()).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    await expect(done).resolves.toEqual({ status: 'done', value: 'found' });
    expect(liveObservers()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a page that stays quiet after a pause is observed again, and gives up on time', async () => {
    vi.useFakeTimers();
    const root = page();
    let reads = 0;
    const done = watchDom({
      root,
      signal: new AbortController().signal,
      read: () => {
        reads++;
        return undefined;
      },
      timeoutMs: 1000,
      minIntervalMs: 100,
    });
    root.textContent = 'a';
    await vi.advanceTimersByTimeAsync(100);
    expect(reads).toBe(3); // at once, on the change, after the pause
    expect(liveObservers()).toBe(1);
    await vi.advanceTimersByTimeAsync(899);
    expect(liveObservers()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(done).resolves.toEqual({ status: 'timeout' });
    expect(liveObservers()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('an abort during a pause ends the watch and its pause', async () => {
    vi.useFakeTimers();
    const root = page();
    const visit = new AbortController();
    let reads = 0;
    const done = watchDom({
      root,
      signal: visit.signal,
      read: () => {
        reads++;
        return undefined;
      },
      timeoutMs: 5000,
      minIntervalMs: 300,
    });
    root.textContent = 'a';
    await vi.advanceTimersByTimeAsync(0);
    visit.abort();
    await expect(done).resolves.toEqual({ status: 'aborted' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(reads).toBe(2);
    expect(liveObservers()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('what can be watched', () => {
  it('the document itself', async () => {
    document.body.innerHTML = '<main></main>';
    const done = watchDom({
      root: document,
      signal: new AbortController().signal,
      read: () => (document.querySelector('#late') ? 'there' : undefined),
      timeoutMs: 2000,
      minIntervalMs: 10,
    });
    document.body.append(Object.assign(document.createElement('p'), { id: 'late' }));
    await expect(done).resolves.toEqual({ status: 'done', value: 'there' });
  });

  it('a document without a window of its own', async () => {
    const doc = document.implementation.createHTMLDocument('detached');
    const root = doc.body;
    const done = watchDom({
      root,
      signal: new AbortController().signal,
      read: () => (root.textContent === 'ready' ? 'ok' : undefined),
      timeoutMs: 2000,
      minIntervalMs: 10,
    });
    root.textContent = 'ready';
    await expect(done).resolves.toEqual({ status: 'done', value: 'ok' });
  });
});
