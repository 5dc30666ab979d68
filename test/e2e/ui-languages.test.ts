/**
 * Every UI language in Chromium: the popup and the options page speak it (no English left where a
 * translation exists), dates follow the browser's locale, and no text is cut off or overflows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { launchIn, layoutProblems, populatedPopup, UI_LANGUAGES } from './languages';

const messages = (lang: string) =>
  import(`../../public/_locales/${lang}/messages.json`).then(
    (m) => m.default as Record<string, { message: string }>,
  );

describe.each(UI_LANGUAGES)('%s', (lang) => {
  let h: Harness;
  beforeAll(async () => {
    h = await launchIn(lang);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the popup is in this language, its dates in its locale, and nothing is cut off', async () => {
    const m = await messages(lang);
    const popup = await populatedPopup(h);
    expect(await popup.locator('html').getAttribute('lang')).toMatch(new RegExp(`^${lang}`));
    expect(await popup.locator('h1').textContent()).toBe(m.extName?.message);
    const email = popup.locator('[data-step="email"]');
    expect(await email.textContent()).toContain(m.markEmailSent?.message);
    // "Done <date>" on the step's heading: the date as the browser's locale writes it
    const doneAt = (await email.locator('[data-done-at]').textContent()) ?? '';
    const year = String(new Date().getFullYear());
    expect(doneAt).toContain(year);
    if (lang === 'ja') expect(doneAt).toMatch(/\d{4}\/\d{1,2}\/\d{1,2}|\d{4}年/);
    if (lang === 'de') expect(doneAt).toMatch(/\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}\. \S+ \d{4}/);
    expect(await layoutProblems(popup)).toEqual([]);
  });

  it('the options page is in this language, and nothing is cut off', async () => {
    const m = await messages(lang);
    const options = await h.context.newPage();
    await options.setViewportSize({ width: 640, height: 800 });
    await options.goto(h.extensionUrl('src/options/index.html'));
    await options.locator('h1').waitFor();
    expect(await options.locator('h1').textContent()).toBe(m.optionsTitle?.message);
    expect(await options.title()).toBe(m.optionsTitle?.message);
    expect(await options.locator('main').textContent()).toContain(m.emailLanguageLabel?.message);
    expect(await layoutProblems(options)).toEqual([]);
    if (lang === 'en') {
      // the check itself sees text that is cut off or runs past the edge
      await options.evaluate(() => {
        const p = document.createElement('p');
        p.style.cssText = 'white-space: nowrap; overflow: hidden; width: 80px';
        p.textContent = 'A label far too long for the space it was given';
        document.querySelector('main')?.append(p);
      });
      expect((await layoutProblems(options)).join('\n')).toContain('is cut off');
    }
    await options.close();
  });
});
