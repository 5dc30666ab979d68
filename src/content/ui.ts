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
h2 { font-size: 15px; margin: 0 0 6px; }
p { margin: 0 0 8px; }
button { font: inherit; padding: 6px 10px; margin: 4px 6px 0 0; border-radius: 6px; border: 1px solid #0b5cad;
  background: #0b5cad; color: #fff; cursor: pointer; }
button.secondary { background: transparent; color: #0b5cad; }
button:focus-visible { outline: 3px solid #f4b400; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .panel { color: #e6e6ea; background: #1f2024; border-color: #8ab4f8; }
  .panel.urgent { border-color: #f2b8b5; }
  button { background: #8ab4f8; border-color: #8ab4f8; color: #0b1b33; }
  button.secondary { background: transparent; color: #8ab4f8; }
}
`;

export interface Panel {
  root: ShadowRoot;
  box: HTMLElement;
}

export function mountPanel(signal: AbortSignal, label: string): Panel {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const box = document.createElement('section');
  box.className = 'panel';
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', label);
  root.append(style, box);
  document.documentElement.append(host);
  signal.addEventListener('abort', () => host.remove(), { once: true });
  return { root, box };
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
