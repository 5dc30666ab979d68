/** The page captures in Chromium (the suite itself is in browser-suite.ts, shared with Firefox). */
import type { Page } from 'playwright-core';
import type { StateView } from '../../src/core/state';
import { accessibleNames, axTexts, clickByName, type Harness, launch } from '../e2e/harness';
import { captureSuite, formDifferences } from './browser-suite';

let h: Harness;
let popup: Page;

captureSuite<Page>({
  name: 'Chromium',
  launch: async () => {
    h = await launch();
  },
  close: async () => {
    await h?.close();
  },
  reset: async () => {
    await h.reset();
    popup = await h.openPopup();
  },
  // a command sent from the popup page, exactly as the popup's buttons send it
  command: (message) =>
    popup.evaluate(async (m) => {
      // biome-ignore lint/suspicious/noExplicitAny: the extension page's own chrome.* global
      const answer = await (globalThis as any).chrome.runtime.sendMessage(m);
      if (answer?.error) throw new Error(answer.error);
      return answer as StateView;
    }, message),
  sessionStorage: () => h.storage('session'),
  open: async (url, html) => {
    h.serve(url, html);
    const page = await h.context.newPage();
    await page.goto(url);
    return page;
  },
  buttonNames: (page) => accessibleNames(page),
  click: (page, name) => clickByName(page, name),
  texts: (page) => axTexts(page),
  formDifferences: (page, expect) => page.evaluate(formDifferences, expect),
  remove: async (page, selector) => {
    await page.evaluate((sel: string) => document.querySelector(sel)?.remove(), selector);
  },
  tabUrls: async () => h.context.pages().map((p) => p.url()),
  requests: () => h.fullRequests,
});
