/**
 * The pages a test serves at their real https URLs, whatever the browser: the Chromium harness
 * answers from it in `context.route`, the Firefox harness in its local proxy.
 */

export interface Served {
  body: string;
  status?: number;
  contentType?: string;
}

export const withoutFragment = (url: string) => url.split('#')[0] as string;

/** What a document request the test did not serve gets (anything else is refused). */
export const NOT_SERVED: Required<Served> = {
  status: 404,
  contentType: 'text/plain',
  body: 'not served by the test',
};

export class ServedPages {
  private readonly pages = new Map<string, Served>();

  /** Serve `page` at `url` (exact URL; a fragment is ignored). */
  serve(url: string, page: Served | string): void {
    this.pages.set(withoutFragment(url), typeof page === 'string' ? { body: page } : page);
  }

  /** The page served at `url` with its defaults filled in, if any. */
  get(url: string): Required<Served> | undefined {
    const hit = this.pages.get(url) ?? this.pages.get(withoutFragment(url));
    if (!hit) return undefined;
    return {
      status: hit.status ?? 200,
      contentType: hit.contentType ?? 'text/html; charset=utf-8',
      body: hit.body,
    };
  }

  clear(): void {
    this.pages.clear();
  }
}
