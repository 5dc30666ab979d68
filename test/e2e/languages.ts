/**
 * The UI languages in Chromium: a browser started in a language (`--lang`, and the pages' locale for
 * dates), a popup with something in every step, and a check that no text is clipped or overflows.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { type Harness, launch } from './harness';

export const UI_LANGUAGES = readdirSync(resolve(import.meta.dirname, '../../public/_locales')).sort();

/** Browser locale for each UI language (dates and times follow it). */
const LOCALE: Record<string, string> = { en: 'en-US', de: 'de-DE', fr: 'fr-FR', ja: 'ja-JP', es: 'es-ES' };

export function launchIn(lang: string): Promise<Harness> {
  return launch({ args: [`--lang=${lang}`], locale: LOCALE[lang] ?? lang });
}

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';

/** Steps with content: IDs read, the e-mail marked sent, its step and the e-mail open; the popup at its width. */
export async function populatedPopup(h: Harness): Promise<Page> {
  const popup = await h.openPopup();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.locator('.steps').waitFor();
  await popup.evaluate(async (ws) => {
    // biome-ignore lint/suspicious/noExplicitAny: the extension page's chrome.* global
    const c = (globalThis as any).chrome;
    await c.runtime.sendMessage({
      type: 'ids/set',
      workspaceId: ws,
      organizationId: 'org-p13k3klgno5cqxbf0q8hpgrk',
    });
    await c.runtime.sendMessage({ type: 'record/mark', mark: 'email-sent', on: true });
  }, WS);
  await popup.reload();
  await popup.locator('.steps').waitFor();
  // the e-mail step, done, is folded to one line: open it, then the e-mail in it
  await popup.locator('[data-step="email"] .toggle').click();
  await popup.locator('[data-step="email"] summary').click();
  return popup;
}

/** Every element whose text is cut off or runs past the page's right edge, described. */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > width + 1)
      problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height) continue;
      const name = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).replace(/ /g, '.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
      if (r.right > width + 1)
        problems.push(`${name} runs past the right edge (${Math.round(r.right)} > ${width})`);
      const s = getComputedStyle(el);
      const clipsX = s.overflowX !== 'visible' || s.textOverflow === 'ellipsis';
      if (clipsX && el.scrollWidth > el.clientWidth + 1)
        problems.push(`${name} is cut off (${el.scrollWidth} > ${el.clientWidth})`);
      if (s.overflowY === 'hidden' && el.scrollHeight > el.clientHeight + 1)
        problems.push(`${name} is cut off at the bottom`);
    }
    return problems;
  });
}
