/**
 * The clipboard's promised clearing (src/content/clipboard.ts): due when the delay ends, whatever the
 * page does meanwhile; a newer copy of the extension's own restarts the delay (issue 27.3).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClipboardGuard } from '../../src/content/clipboard';

describe('the clipboard clearing', () => {
  let written: string[];
  beforeEach(() => {
    vi.useFakeTimers();
    written = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (t: string) => void written.push(t) },
    });
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('a copy event of the page (scripted or not) does not cancel it', async () => {
    const cleared = vi.fn();
    const guard = new ClipboardGuard(new AbortController().signal, cleared);
    await guard.copy('sk-secret', 2);
    document.dispatchEvent(new Event('copy', { bubbles: true }));
    const trusted = new Event('copy', { bubbles: true });
    Object.defineProperty(trusted, 'isTrusted', { value: true });
    document.dispatchEvent(trusted);
    await vi.advanceTimersByTimeAsync(2000);
    expect(written).toEqual(['sk-secret', '']);
    expect(cleared).toHaveBeenCalledTimes(1);
  });

  it('a newer copy of its own restarts the delay; a delay of 0 never clears', async () => {
    const guard = new ClipboardGuard(new AbortController().signal, () => {});
    await guard.copy('sk-one', 2);
    await vi.advanceTimersByTimeAsync(1500);
    await guard.copy('sk-two', 2);
    await vi.advanceTimersByTimeAsync(1500);
    expect(written).toEqual(['sk-one', 'sk-two']);
    await vi.advanceTimersByTimeAsync(500);
    expect(written).toEqual(['sk-one', 'sk-two', '']);
    await guard.copy('sk-three', 0);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(written).toEqual(['sk-one', 'sk-two', '', 'sk-three']);
  });

  it('due while the page is not focused: cleared when it is focused again', async () => {
    const focus = vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    const guard = new ClipboardGuard(new AbortController().signal, () => {});
    await guard.copy('sk-secret', 1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(written).toEqual(['sk-secret']);
    focus.mockReturnValue(true);
    window.dispatchEvent(new Event('focus'));
    await vi.advanceTimersByTimeAsync(0);
    expect(written).toEqual(['sk-secret', '']);
  });

  it('a refused write (no user activation any more, a busy browser) is tried again a second later', async () => {
    let refuse = true;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: {
        writeText: async (t: string) => {
          if (t === '' && refuse) throw new DOMException('blocked', 'NotAllowedError');
          written.push(t);
        },
      },
    });
    const cleared = vi.fn();
    const guard = new ClipboardGuard(new AbortController().signal, cleared);
    await guard.copy('sk-secret', 1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(written).toEqual(['sk-secret']);
    refuse = false;
    await vi.advanceTimersByTimeAsync(999);
    expect(written).toEqual(['sk-secret']);
    await vi.advanceTimersByTimeAsync(1);
    expect(written).toEqual(['sk-secret', '']);
    expect(cleared).toHaveBeenCalledTimes(1);
  });

  it('a newer copy is not cleared early by a clearing of the one before that was still due', async () => {
    const focus = vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    const guard = new ClipboardGuard(new AbortController().signal, () => {});
    await guard.copy('sk-one', 1);
    await vi.advanceTimersByTimeAsync(1000); // due, but not focused
    focus.mockReturnValue(true);
    await guard.copy('sk-two', 5);
    window.dispatchEvent(new Event('focus'));
    await vi.advanceTimersByTimeAsync(4000);
    expect(written).toEqual(['sk-one', 'sk-two']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(written).toEqual(['sk-one', 'sk-two', '']);
  });
});
