/**
 * Watching a page that renders late, with one AbortSignal per page visit: the observer, the timer
 * and every listener stop on abort, on success and on giving up. Pure DOM, no extension API.
 */

export interface WatchOptions<T> {
  root: Node;
  signal: AbortSignal;
  /** Read the page; return a value when done (success), or undefined to keep watching. */
  read: () => T | undefined;
  /** Is this batch of changes worth a new read? Keep it cheap: it runs on every batch. */
  relevant?: (records: MutationRecord[]) => boolean;
  timeoutMs: number;
  /** Reads at most this often; a change inside the interval is read at its end. */
  minIntervalMs?: number;
  /**
   * On a busy page, stop observing for `minIntervalMs` after each read and read once when the pause
   * ends: the page's changes then cost nothing in between (no mutation records at all), and a value
   * is still read at most `minIntervalMs` after it appears. `relevant` is then not consulted.
   */
  pauseWhileBusy?: boolean;
}

export type WatchOutcome<T> = { status: 'done'; value: T } | { status: 'timeout' } | { status: 'aborted' };

export function watchDom<T>(opts: WatchOptions<T>): Promise<WatchOutcome<T>> {
  const {
    root,
    signal,
    read,
    relevant = () => true,
    timeoutMs,
    minIntervalMs = 0,
    pauseWhileBusy = false,
  } = opts;
  return new Promise((resolve) => {
    if (signal.aborted) return resolve({ status: 'aborted' });
    const stop = new AbortController();
    const view = (root.ownerDocument ?? (root as Document)).defaultView ?? globalThis;
    let observer: MutationObserver | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let trailing: ReturnType<typeof setTimeout> | undefined;
    let lastRead = 0;
    const finish = (outcome: WatchOutcome<T>) => {
      if (stop.signal.aborted) return;
      stop.abort();
      observer?.disconnect();
      clearTimeout(timer);
      clearTimeout(trailing);
      resolve(outcome);
    };
    const attempt = () => {
      if (stop.signal.aborted) return;
      lastRead = Date.now();
      let value: T | undefined;
      try {
        value = read();
      } catch {
        value = undefined;
      }
      if (value !== undefined) finish({ status: 'done', value });
    };
    signal.addEventListener('abort', () => finish({ status: 'aborted' }), { signal: stop.signal });
    attempt();
    if (stop.signal.aborted) return;
    const Observer = (view as typeof globalThis).MutationObserver;
    const options: MutationObserverInit = {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
    };
    observer = new Observer((records) => {
      if (stop.signal.aborted) return;
      if (pauseWhileBusy) {
        attempt();
        if (stop.signal.aborted) return;
        observer?.disconnect();
        trailing = setTimeout(() => {
          trailing = undefined;
          attempt(); // whatever changed during the pause
          if (!stop.signal.aborted) observer?.observe(root, options);
        }, minIntervalMs);
        return;
      }
      if (!relevant(records)) return;
      const wait = lastRead + minIntervalMs - Date.now();
      if (wait <= 0) attempt();
      else if (trailing === undefined) {
        trailing = setTimeout(() => {
          trailing = undefined;
          attempt();
        }, wait);
      }
    });
    observer.observe(root, options);
    timer = setTimeout(() => finish({ status: 'timeout' }), timeoutMs);
  });
}
