/**
 * Page visits in a single-page app: one AbortController per visit of a relevant URL, aborted when
 * the URL changes or the extension goes away. Pure DOM: the extension check is passed in.
 */

export interface VisitOptions {
  window: Window;
  isRelevant: (url: string) => boolean;
  start: (signal: AbortSignal) => void;
  /** False once the extension was reloaded or removed; everything then stops. */
  alive: () => boolean;
  /** Aborts every visit and listener for good (the extension's life). */
  life: AbortSignal;
}

export function onPageVisits(opts: VisitOptions): void {
  const { window: win, isRelevant, start, alive, life } = opts;
  let current: AbortController | null = null;
  let lastUrl = '';
  const check = () => {
    if (life.aborted) return;
    if (!alive()) {
      current?.abort();
      return;
    }
    const url = win.location.href;
    if (url === lastUrl) return;
    lastUrl = url;
    current?.abort();
    current = null;
    if (isRelevant(url)) {
      current = new AbortController();
      start(current.signal);
    }
  };
  // the extension's life ends: the current visit with it (every earlier one was ended already)
  life.addEventListener('abort', () => current?.abort());
  const nav = (win as unknown as { navigation?: EventTarget }).navigation;
  if (nav && typeof nav.addEventListener === 'function') {
    nav.addEventListener('currententrychange', check, { signal: life });
  } else {
    // No Navigation API: a client-side navigation always changes the DOM, so compare the URL then
    // (one string comparison per batch of changes).
    const observer = new (win as unknown as typeof globalThis).MutationObserver(check);
    observer.observe(win.document, { childList: true, subtree: true });
    life.addEventListener('abort', () => observer.disconnect());
  }
  win.addEventListener('popstate', check, { signal: life });
  check();
}
