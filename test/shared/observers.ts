/** Counting the MutationObservers that observe and have not been disconnected (DOM unit tests). */
const Native = globalThis.MutationObserver;
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

/** From now on, observers are counted (from zero). */
export function countObservers(): void {
  live = 0;
  globalThis.MutationObserver = CountingObserver;
  window.MutationObserver = CountingObserver;
}

export function stopCountingObservers(): void {
  globalThis.MutationObserver = Native;
  window.MutationObserver = Native;
}

export const liveObservers = (): number => live;
