/** Waiting without a browser: shared by the Chromium and the Firefox harnesses. */

/** Poll `probe` until it returns a truthy value or `ms` pass; returns the last value. */
export async function until<T>(probe: () => Promise<T>, ms: number, every = 100): Promise<T> {
  const end = Date.now() + ms;
  let value = await probe();
  while (!value && Date.now() < end) {
    await new Promise((r) => setTimeout(r, every));
    value = await probe();
  }
  return value;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
