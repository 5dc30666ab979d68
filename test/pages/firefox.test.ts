/** The page captures in Firefox (the suite itself is in browser-suite.ts, shared with Chromium). */
import type { Page } from 'puppeteer-core';
import { type FirefoxHarness, launch } from '../firefox/harness';
import { accessibleNames, clickByName, visibleTexts } from '../firefox/shadow';
import { captureSuite, formDifferences } from './browser-suite';

let h: FirefoxHarness;

captureSuite<Page>(
  {
    name: 'Firefox',
    launch: async () => {
      h = await launch();
    },
    close: async () => {
      await h?.close();
    },
    reset: () => h.reset(),
    command: (message) => h.command(message),
    sessionStorage: () => h.storage('session'),
    open: (url, html) => {
      h.serve(url, html);
      return h.open(url);
    },
    buttonNames: (page) => accessibleNames(page),
    click: (page, name) => clickByName(page, name),
    texts: (page) => visibleTexts(page),
    formDifferences: (page, expect) => page.evaluate(formDifferences, expect),
    remove: async (page, selector) => {
      await page.evaluate((sel: string) => document.querySelector(sel)?.remove(), selector);
    },
    tabUrls: () => h.tabUrls(),
    requests: () => h.fullRequests,
  },
  120_000,
);
