/** Counting the MutationObservers that observe and have not been disconnected (DOM unit tests). */
const Native = globalThis.MutationObserver;

/** A MutationObserver class whose instances are counted while they observe, and its count. */
export function countingObservers(): { Observer: typeof MutationObserver; live: () => number } {
  let live = 0;
  class CountingObserver extends Native {
    private on = false;
    override observe(target: Node, options?: MutationObserverInit) {
      if (!this.on) live++;
      this.on = true;
      super.observe(target, options);
    }
    override disconnect() {
      if (this.on) live--;
      this.on = false;
      super.disconnect();
    }
  }
  return { Observer: CountingObserver, live: () => live };
}

let counting = countingObservers();

/** From now on, the global observers are counted (from zero). */
export function countObservers(): void {
  counting = countingObservers();
  globalThis.MutationObserver = counting.Observer;
  window.MutationObserver = counting.Observer;
}

export function stopCountingObservers(): void {
  globalThis.MutationObserver = Native;
  window.MutationObserver = Native;
}

export const liveObservers = (): number => counting.live();
