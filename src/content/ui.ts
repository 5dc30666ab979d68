/**
 * In-page UI: a host element with a closed shadow root, so neither the page's CSS nor its scripts
 * reach inside, removed when the visit ends.
 */

const STYLE = `
:host { all: initial; }
.panel { position: fixed; z-index: 2147483647; right: 16px; bottom: 16px; max-width: 360px;
  font: 14px/1.4 system-ui, sans-serif; color: #1b1b1f; background: #fff; border: 2px solid #0b5cad;
  border-radius: 10px; padding: 12px 14px; box-shadow: 0 4px 18px rgba(0,0,0,.25); }
.panel.urgent { border-color: #b3261e; }
.panel.inline { position: static; max-width: none; margin: 12px 0 0; box-shadow: none; text-align: start; }
ul { margin: 0 0 8px; padding-inline-start: 18px; }
h2 { font-size: 15px; margin: 0 0 6px; }
.row { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
.warn { color: #8a1c14; font-weight: 600; }
.status:empty { display: none; }
p { margin: 0 0 8px; }
button { font: inherit; padding: 6px 10px; margin: 4px 6px 0 0; border-radius: 6px; border: 1px solid #0b5cad;
  background: #0b5cad; color: #fff; cursor: pointer; }
button.secondary { background: transparent; color: #0b5cad; }
button:focus-visible { outline: 3px solid #f4b400; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .panel { color: #e6e6ea; background: #1f2024; border-color: #8ab4f8; }
  .panel.urgent { border-color: #f2b8b5; }
  .warn { color: #f2b8b5; }
  button { background: #8ab4f8; border-color: #8ab4f8; color: #0b1b33; }
  button.secondary { background: transparent; color: #8ab4f8; }
}
`;

/** Lists of values and fields to type in (the workspace chip, the hand-off panel); the key pages' panels have none. */
export const VALUES_STYLE = `
dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 0 0 6px; }
dt { font-weight: 600; }
dd { margin: 0; }
.mono { font-family: ui-monospace, monospace; font-size: 12px; word-break: break-all; }
.choices { display: flex; flex-direction: column; align-items: flex-start; }
label { display: block; }
input { font: inherit; width: 100%; box-sizing: border-box; margin-top: 4px; padding: 4px 6px; }
@media (prefers-color-scheme: dark) {
  input { background: #2b2c31; color: #e6e6ea; border: 1px solid #8e9099; }
}
`;

export interface Panel {
  host: HTMLElement;
  root: ShadowRoot;
  box: HTMLElement;
}

/**
 * The host element's own style, inline and `!important` (which no stylesheet of the page can beat),
 * and put back whenever a script changes it: the page cannot make a panel invisible, transparent or
 * click-through, so that a click on it is always one the admin could see.
 */
const HOST_STYLE =
  'all:initial!important;display:block!important;opacity:1!important;visibility:visible!important;pointer-events:auto!important;filter:none!important;clip-path:none!important;transform:none!important;mix-blend-mode:normal!important';

/** The host elements of our panels. */
const ourHosts = new WeakSet<Node>();
const isOurs = (r: MutationRecord): boolean =>
  ourHosts.has(r.target) ||
  (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every((n) => ourHosts.has(n)));

function enforceHostStyle(host: HTMLElement, signal: AbortSignal): void {
  ourHosts.add(host);
  const apply = () => {
    if (host.getAttribute('style') !== HOST_STYLE) host.setAttribute('style', HOST_STYLE);
    for (const a of ['hidden', 'inert', 'popover']) if (host.hasAttribute(a)) host.removeAttribute(a);
  };
  apply();
  const observer = new MutationObserver(apply);
  observer.observe(host, { attributes: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

/**
 * When the page last changed (nodes added, removed or restyled): a click that follows a change
 * within a second may have been meant for what was there before, and asks again.
 */
export function pageChanges(signal: AbortSignal): { msSinceChange: () => number } {
  // the panel appearing is itself a change: a click in its first second may have been meant for
  // what was under the pointer before
  let last = performance.now();
  const observer = new MutationObserver((records) => {
    // our own panels (their host's style put back, their mounting) are not the page changing
    if (records.some((r) => !isOurs(r))) last = performance.now();
  });
  // nodes added or removed, or shown, hidden, moved by style (a hover's class toggle is not a change)
  observer.observe(document.documentElement, {
    subtree: true,
    childList: true,
    attributeFilter: ['style', 'hidden', 'open'],
  });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  return { msSinceChange: () => performance.now() - last };
}

/**
 * A panel in a closed shadow root. With `inside`, it is placed at the end of that element (a modal
 * dialog), so that the dialog's focus trap and `aria-modal` include it; otherwise it floats.
 */
export function mountPanel(signal: AbortSignal, label: string, inside?: Element, extraStyle = ''): Panel {
  const host = document.createElement('div');
  enforceHostStyle(host, signal);
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE + extraStyle;
  const box = document.createElement('section');
  box.className = 'panel';
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', label);
  root.append(style, box);
  if (inside) {
    box.classList.add('inline');
    inside.append(host);
  } else document.documentElement.append(host);
  signal.addEventListener('abort', () => host.remove(), { once: true });
  return { host, root, box };
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

/** A button that acts on trusted clicks only (a person, or the keyboard), never on a page's script. */
export function button(
  label: string,
  action: () => void | Promise<void>,
  signal: AbortSignal,
  attrs: Record<string, string> = {},
): HTMLButtonElement {
  const b = el('button', { type: 'button' }, label);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'className') b.className = v;
    else b.setAttribute(k, v);
  }
  b.addEventListener(
    'click',
    (event) => {
      if (event.isTrusted) void action();
    },
    { signal },
  );
  return b;
}
