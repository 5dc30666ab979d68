/**
 * Page visits in a single-page app (core/visits.ts), on a page window the test drives: one visit
 * per relevant URL, ended when the URL changes, when the extension goes away or is reloaded; told by
 * the Navigation API where the browser has it (then nothing watches the DOM), else by DOM changes,
 * and by the back button (popstate) either way. Once the extension's life ends, nothing runs.
 */
import { describe, expect, it } from 'vitest';
import { onPageVisits } from '../../src/core/visits';
import { countingObservers } from '../shared/observers';

/** A page window: its URL, its document, an optional Navigation API, and a count of live observers. */
function page(url: string, withNavigation: boolean) {
  const observers = countingObservers();
  const navigation = withNavigation ? new EventTarget() : undefined;
  const win = Object.assign(new EventTarget(), {
    location: { href: url },
    document,
    MutationObserver: observers.Observer,
    ...(navigation ? { navigation } : {}),
  });
  return {
    window: win as unknown as Window,
    navigation,
    live: observers.live,
    /** The app changes the URL (pushState: no event of its own) and renders the new view. */
    go(to: string) {
      win.location.href = to;
      navigation?.dispatchEvent(new Event('currententrychange'));
      document.body.append(document.createElement('div'));
    },
    /** The back button: popstate, and no DOM change. */
    back(to: string) {
      win.location.href = to;
      win.dispatchEvent(new Event('popstate'));
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const SETTINGS = 'https://chatgpt.com/admin/settings';
const MEMBERS = 'https://chatgpt.com/admin/members';
const isSettings = (url: string) => url.startsWith(SETTINGS);

function visits(p: ReturnType<typeof page>, alive = () => true) {
  const life = new AbortController();
  const starts: AbortSignal[] = [];
  onPageVisits({
    window: p.window,
    isRelevant: isSettings,
    start: (s) => starts.push(s),
    alive,
    life: life.signal,
  });
  return { life, starts };
}

describe.each([
  ['with the Navigation API', true],
  ['without it (DOM changes)', false],
])('page visits %s', (_, withNavigation) => {
  it('one visit per relevant URL: ended on the way out, a new one on the way back', async () => {
    const p = page(SETTINGS, withNavigation);
    const { life, starts } = visits(p);
    expect(starts).toHaveLength(1);
    p.go(MEMBERS);
    await tick();
    expect(starts).toHaveLength(1);
    expect(starts[0]?.aborted).toBe(true);
    p.go(SETTINGS);
    await tick();
    expect(starts).toHaveLength(2);
    expect(starts[1]?.aborted).toBe(false);
    life.abort();
    expect(starts[1]?.aborted).toBe(true);
  });

  it('another relevant URL (a tab of the same page) is a new visit; the same URL is not', async () => {
    const p = page(SETTINGS, withNavigation);
    const { life, starts } = visits(p);
    p.go(SETTINGS); // the app re-renders, the URL is the same
    await tick();
    expect(starts).toHaveLength(1);
    expect(starts[0]?.aborted).toBe(false);
    p.go(`${SETTINGS}?tab=general`);
    await tick();
    expect(starts).toHaveLength(2);
    expect(starts[0]?.aborted).toBe(true);
    expect(starts[1]?.aborted).toBe(false);
    life.abort();
  });

  it('no visit on a page it is not for, until the admin gets to one', async () => {
    const p = page(MEMBERS, withNavigation);
    const { life, starts } = visits(p);
    expect(starts).toHaveLength(0);
    p.go(SETTINGS);
    await tick();
    expect(starts).toHaveLength(1);
    life.abort();
  });

  it('the back button is a navigation too', async () => {
    const p = page(SETTINGS, withNavigation);
    const { life, starts } = visits(p);
    p.back(MEMBERS);
    expect(starts[0]?.aborted).toBe(true);
    p.back(SETTINGS);
    expect(starts).toHaveLength(2);
    life.abort();
  });

  it('once the extension’s life ends, no navigation starts anything and nothing is watched', async () => {
    const p = page(SETTINGS, withNavigation);
    const { life, starts } = visits(p);
    life.abort();
    expect(starts[0]?.aborted).toBe(true);
    expect(p.live()).toBe(0);
    p.go(MEMBERS);
    p.go(SETTINGS);
    p.back(`${SETTINGS}?x`);
    await tick();
    expect(starts).toHaveLength(1);
  });

  it('once the extension is gone (reloaded), the visit ends and no new one starts', async () => {
    const p = page(SETTINGS, withNavigation);
    let alive = true;
    const { life, starts } = visits(p, () => alive);
    alive = false;
    p.go(`${SETTINGS}?tab=2`);
    await tick();
    expect(starts).toHaveLength(1);
    expect(starts[0]?.aborted).toBe(true);
    p.back(SETTINGS);
    expect(starts).toHaveLength(1);
    life.abort();
  });
});

describe('what watches the page', () => {
  it('with the Navigation API, no DOM observer at all', () => {
    const p = page(SETTINGS, true);
    const { life } = visits(p);
    expect(p.live()).toBe(0);
    life.abort();
  });

  it('without it, one observer for the whole page, gone with the extension’s life', () => {
    const p = page(SETTINGS, false);
    const { life } = visits(p);
    expect(p.live()).toBe(1);
    life.abort();
    expect(p.live()).toBe(0);
  });

  it('a navigation object without addEventListener is no Navigation API', () => {
    const p = page(SETTINGS, false);
    Object.assign(p.window, { navigation: {} });
    const { life } = visits(p);
    expect(p.live()).toBe(1);
    life.abort();
  });
});

describe('an extension already gone when the page loads', () => {
  it('starts nothing and fails nothing', () => {
    const p = page(SETTINGS, false);
    const life = new AbortController();
    const starts: AbortSignal[] = [];
    expect(() =>
      onPageVisits({
        window: p.window,
        isRelevant: isSettings,
        start: (s) => starts.push(s),
        alive: () => false,
        life: life.signal,
      }),
    ).not.toThrow();
    expect(starts).toHaveLength(0);
    life.abort();
  });
});
