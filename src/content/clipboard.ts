/**
 * Copying the secret with a promise to take it back: after the extension wrote the key to the
 * clipboard, it overwrites it once the key was handed over or after the admin's delay (60 s by
 * default, 0: never), whatever the page does meanwhile (a `copy` event, trusted or a page's own, does
 * not cancel it: only a newer copy of the extension's own restarts the delay). Browsers let a page
 * write the clipboard only while it has focus: a clearing due while the page is in the background
 * happens as soon as it is focused again.
 */
export class ClipboardGuard {
  private pending: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private signal: AbortSignal,
    private onCleared: () => void,
  ) {
    window.addEventListener('focus', () => void this.flush(), { signal });
    document.addEventListener('visibilitychange', () => void this.flush(), { signal });
  }

  /** Write `secret` to the clipboard; clear it after `clearAfterSeconds` (0: never). */
  async copy(secret: string, clearAfterSeconds: number): Promise<void> {
    await navigator.clipboard.writeText(secret);
    clearTimeout(this.timer);
    clearTimeout(this.retry);
    this.pending = null;
    this.due = false;
    if (clearAfterSeconds <= 0) return;
    this.pending = secret;
    this.timer = setTimeout(() => void this.clearNow(), clearAfterSeconds * 1000);
  }

  /** Clear now (the key was handed over), if the clipboard may still hold the key. */
  async clearNow(): Promise<void> {
    clearTimeout(this.timer);
    if (!this.pending) return;
    this.due = true;
    await this.flush();
  }

  private due = false;
  private retry: ReturnType<typeof setTimeout> | undefined;

  private async flush(): Promise<void> {
    if (!this.due || !this.pending || this.signal.aborted || !document.hasFocus()) return;
    try {
      await navigator.clipboard.writeText('');
      this.pending = null;
      this.due = false;
      this.onCleared();
    } catch {
      // refused (not focused after all, or the browser was busy): the next focus tries again, and a
      // second from now, since a page that keeps its focus sends no focus event
      clearTimeout(this.retry);
      this.retry = setTimeout(() => void this.flush(), 1000);
    }
  }
}
