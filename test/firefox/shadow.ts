/**
 * What a person sees and clicks on a page, closed shadow roots included, in Firefox over WebDriver
 * BiDi: `script.callFunction` with `includeShadowTree: 'all'` hands back references to closed
 * shadow roots, which can then be passed into the page's functions (no accessibility tree over
 * BiDi, and page scripts can never reach a closed root themselves).
 */
import type { Browser, Page } from 'puppeteer-core';

/** A raw WebDriver BiDi command on puppeteer's own connection. */
export async function bidi<T = unknown>(browser: Browser, method: string, params: object): Promise<T> {
  // biome-ignore lint/suspicious/noExplicitAny: puppeteer's BiDi connection is not in its public types
  const connection = (browser as any).connection;
  const answer = await connection.send(method, params);
  return answer.result as T;
}

/** The BiDi browsing context of a page's main frame. */
// biome-ignore lint/suspicious/noExplicitAny: the frame id is not in puppeteer's public types
export const contextOf = (page: Page): string => (page.mainFrame() as any)._id;

interface RemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}
interface NodeValue extends RemoteValue {
  value?: { shadowRoot?: RemoteValue | null };
}

type LocalValue =
  | { sharedId: string }
  | { type: 'string'; value: string }
  | { type: 'array'; value: LocalValue[] };

async function call(page: Page, functionDeclaration: string, args: LocalValue[] = []): Promise<RemoteValue> {
  const answer = await bidi<{ type: string; result?: RemoteValue; exceptionDetails?: { text: string } }>(
    page.browser(),
    'script.callFunction',
    {
      functionDeclaration,
      awaitPromise: true,
      target: { context: contextOf(page) },
      arguments: args,
      serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
    },
  );
  if (answer.type === 'exception')
    throw new Error(`in page: ${answer.exceptionDetails?.text ?? 'exception'}`);
  return answer.result as RemoteValue;
}

/** References to every shadow root in the page (open or closed, nested ones too). */
async function shadowRoots(page: Page): Promise<string[]> {
  const found: string[] = [];
  let scopes: LocalValue[] = [];
  for (let depth = 0; depth < 5; depth++) {
    const result = await call(
      page,
      'function (...scopes) { const all = []; for (const s of scopes.length ? scopes : [document]) all.push(...s.querySelectorAll("*")); return all; }',
      scopes,
    );
    const nodes = (result.value as NodeValue[] | undefined) ?? [];
    const roots = nodes.map((n) => n.value?.shadowRoot?.sharedId).filter((id): id is string => !!id);
    if (roots.length === 0) break;
    found.push(...roots);
    scopes = roots.map((sharedId) => ({ sharedId }));
  }
  return found;
}

/**
 * Run `fn(scopes, arg)` in the page with the document and every shadow root as scopes; its result
 * comes back as JSON.
 */
export async function inEveryRoot<T, A>(
  page: Page,
  fn: (scopes: (Document | ShadowRoot)[], arg: A) => T,
  arg: A,
): Promise<T> {
  const roots = await shadowRoots(page);
  const result = await call(
    page,
    `function (arg, ...roots) { return JSON.stringify((${fn.toString()})([document, ...roots], JSON.parse(arg))); }`,
    [{ type: 'string', value: JSON.stringify(arg) }, ...roots.map((sharedId) => ({ sharedId }))],
  );
  return JSON.parse(String(result.value)) as T;
}

/**
 * The visible controls of `role` in `scopes`, each with the name a person (or a screen reader)
 * would give it: aria-label, else its text. Self-contained: it runs in the page.
 */
function controlsIn(scopes: (Document | ShadowRoot)[], role: string): [HTMLElement, string][] {
  const selector =
    role === 'button'
      ? 'button, [role="button"], input[type="button"], input[type="submit"]'
      : `[role="${role}"]`;
  const found: [HTMLElement, string][] = [];
  for (const scope of scopes)
    for (const el of scope.querySelectorAll<HTMLElement>(selector)) {
      if (el.closest('[hidden], [aria-hidden="true"]') || !el.checkVisibility()) continue;
      const name = el.getAttribute('aria-label') ?? ((el as HTMLInputElement).value || el.textContent || '');
      found.push([el, name.replace(/\s+/g, ' ').trim()]);
    }
  return found;
}

/** Names of the visible buttons (or other `role`), closed shadow roots included. */
export function accessibleNames(page: Page, role = 'button'): Promise<string[]> {
  return inEveryRoot(
    page,
    new Function('scopes', 'role', `return (${controlsIn.toString()})(scopes, role).map((c) => c[1]);`) as (
      scopes: (Document | ShadowRoot)[],
      role: string,
    ) => string[],
    role,
  );
}

/** Every visible text of the page, closed shadow roots included, one entry per element with text. */
export function visibleTexts(page: Page): Promise<string[]> {
  return inEveryRoot(
    page,
    (scopes) => {
      const texts: string[] = [];
      for (const scope of scopes)
        for (const el of scope.querySelectorAll<HTMLElement>('*')) {
          if (!el.checkVisibility()) continue;
          const own = Array.from(el.childNodes)
            .filter((n) => n.nodeType === 3)
            .map((n) => n.textContent ?? '')
            .join(' ')
            .replace(/\s+/g, ' ')
            .trim();
          if (own) texts.push(own);
        }
      return texts;
    },
    null,
  );
}

/**
 * Click, with trusted input as a person would (BiDi input actions), the visible control named
 * `name` (it may sit in a closed shadow root). Returns false when there is none.
 */
export async function clickByName(page: Page, name: string, role = 'button'): Promise<boolean> {
  const roots = await shadowRoots(page);
  const found = await call(
    page,
    `function (wanted, role, ...roots) {
      const hit = (${controlsIn.toString()})([document, ...roots], role).find((c) => c[1] === wanted);
      if (!hit) return null;
      hit[0].scrollIntoView({ block: 'center' });
      return hit[0];
    }`,
    [
      { type: 'string', value: name },
      { type: 'string', value: role },
      ...roots.map((sharedId) => ({ sharedId })),
    ],
  );
  if (!found.sharedId) return false;
  await bidi(page.browser(), 'input.performActions', {
    context: contextOf(page),
    actions: [
      {
        type: 'pointer',
        id: 'casb-test-mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          {
            type: 'pointerMove',
            x: 0,
            y: 0,
            origin: { type: 'element', element: { sharedId: found.sharedId } },
          },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ],
  });
  return true;
}
