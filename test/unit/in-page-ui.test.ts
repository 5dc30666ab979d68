/**
 * The in-page UI's own guards, in a DOM: buttons act only on a person's click or key, and the host
 * of a panel keeps its style whatever a page script does to it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { button, mountPanel, pageChanges } from '../../src/content/ui';

afterEach(() => {
  document.body.replaceChildren();
  for (const el of [...document.documentElement.children]) if (el.tagName === 'DIV') el.remove();
});

describe('in-page UI', () => {
  it('buttons ignore clicks a script makes (untrusted events)', () => {
    let pressed = 0;
    const b = button('Forget', () => void pressed++, new AbortController().signal);
    document.body.append(b);
    b.click();
    b.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(pressed).toBe(0);
  });

  it('puts the host style back when a page script hides or fades the panel', async () => {
    const life = new AbortController();
    const { host } = mountPanel(life.signal, 'test');
    const before = host.getAttribute('style');
    expect(before).toMatch(/opacity:1!important/);
    host.setAttribute('style', 'opacity:0');
    host.setAttribute('hidden', '');
    host.style.visibility = 'hidden';
    await new Promise((r) => setTimeout(r, 0));
    expect(host.getAttribute('style')).toBe(before);
    expect(host.hasAttribute('hidden')).toBe(false);
    life.abort();
    expect(host.isConnected).toBe(false);
  });

  it('tells how long ago the page changed, not counting its own panels', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const life = new AbortController();
      const changes = pageChanges(life.signal);
      expect(changes.msSinceChange()).toBeLessThan(1000); // just appeared: a change
      vi.advanceTimersByTime(1500);
      mountPanel(life.signal, 'ours');
      const host = document.documentElement.lastElementChild as HTMLElement;
      host.setAttribute('style', 'opacity:0'); // put back at once, and ours: no change
      await Promise.resolve();
      expect(changes.msSinceChange()).toBeGreaterThanOrEqual(1500);
      document.body.append(document.createElement('p'));
      await Promise.resolve();
      expect(changes.msSinceChange()).toBe(0);
      life.abort();
    } finally {
      vi.useRealTimers();
    }
  });
});
