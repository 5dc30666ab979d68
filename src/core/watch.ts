/**
 * Watching a page that renders late, with one AbortSignal per page visit: the observer, the timer
 * and every listener stop on abort, on success and on giving up. Pure DOM, no extension API.
 */

export interface WatchOptions<T> {
  root: Node;
  signal: AbortSignal;
  /** Read the page; return a value when done (success), or undefined to keep watching. */
  read: () => T | undefined;
  /** Give up after this long; `Infinity`: never (the watch then ends on success or abort only). */
  timeoutMs: number;
  /**
   * After a change is read, stop observing for this long, then read once more (whatever changed
   * meanwhile) and observe again. A busy page then costs nothing between reads (no mutation records
   * at all), a value is read at most this long after it appears, and a quiet page is read at once.
   */
  minIntervalMs: number;
}

export type WatchOutcome<T> = { status: 'done'; value: T } | { status: 'timeout' } | { status: 'aborted' };

const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
};

export function watchDom<T>(opts: WatchOptions<T>): Promise<WatchOutcome<T>> {
  const { root, signal, read, timeoutMs, minIntervalMs } = opts;
  return new Promise((resolve) => {
    if (signal.aborted) return resolve({ status: 'aborted' });
    const stop = new AbortController();
    const view = (root.ownerDocument ?? (root as Document)).defaultView ?? globalThis;
    let observer: MutationObserver | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pause: ReturnType<typeof setTimeout> | undefined;
    const finish = (outcome: WatchOutcome<T>) => {
      if (stop.signal.aborted) return;
      stop.abort();
      observer?.disconnect();
      clearTimeout(timer);
      clearTimeout(pause);
      resolve(outcome);
    };
    const attempt = () => {
      if (stop.signal.aborted) return;
      let value: T | undefined;
      try {
        value = read();
      } catch {
        // a read that throws (a page half-rendered) found nothing: value stays undefined
      }
      if (value !== undefined) finish({ status: 'done', value });
    };
    signal.addEventListener('abort', () => finish({ status: 'aborted' }), { signal: stop.signal });
    attempt();
    if (stop.signal.aborted) return;
    observer = new (view as typeof globalThis).MutationObserver(() => {
      attempt();
      if (stop.signal.aborted) return;
      observer?.disconnect();
      pause = setTimeout(() => {
        pause = undefined;
        attempt();
        if (!stop.signal.aborted) observer?.observe(root, OBSERVE);
      }, minIntervalMs);
    });
    observer.observe(root, OBSERVE);
    if (Number.isFinite(timeoutMs)) timer = setTimeout(() => finish({ status: 'timeout' }), timeoutMs);
  });
}
