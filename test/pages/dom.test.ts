/**
 * DOM-level suite: every page capture parsed by happy-dom (no scripts run) and given to the same
 * core functions the content scripts use. Captures marked `browserOnly` run in the browser suite.
 */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { guideFlags } from '../../src/core/guide';
import { mayHoldIds } from '../../src/core/ids-visit';
import {
  fillConsolePage,
  readKeyFactsPage,
  readKeyFormPage,
  readKeyPage,
  readPlatformOrgPage,
  readSettingsPage,
} from '../../src/core/outcomes';
import { allCases, guideState, type PageCase } from './cases';
import { formDifferences } from './checks';

function load(c: PageCase): Window {
  const window = new Window({
    url: c.url,
    settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true },
  });
  window.document.write(c.html);
  return window;
}

function runCase(c: PageCase): void {
  const window = load(c);
  const doc = window.document as unknown as Document;
  switch (c.kind) {
    case 'chatgpt-settings':
      expect(readSettingsPage(doc, c.url)).toEqual(c.expect);
      // the settings page's cheap look before a full read never hides a value the reader finds
      if (c.expect.workspaceId || c.expect.organizationId)
        expect(mayHoldIds(doc.body), 'the cheap look saw nothing ID-shaped').toBe(true);
      break;
    case 'platform-org':
      expect({ organizationId: readPlatformOrgPage(doc, c.url) }).toEqual(c.expect);
      break;
    case 'key-dialog': {
      const r = readKeyPage(doc, c.url);
      expect({
        secretShown: r?.secretShown ?? false,
        keyLast4: r?.keyLast4 ?? null,
        keyName: r?.keyName ?? null,
      }).toEqual(c.expect);
      if (c.key && r) {
        const facts = readKeyFactsPage(doc, c.url, r);
        expect(
          Object.fromEntries(Object.keys(c.key).map((k) => [k, facts[k as keyof typeof facts]])),
        ).toEqual(c.key);
      }
      if (c.guide) {
        const form = readKeyFormPage(doc, c.url);
        expect(form, 'no create form found').not.toBeNull();
        expect(guideFlags(guideState(c.guide), form ?? {}, c.url).map((f) => f.key)).toEqual(c.guide.flags);
      }
      break;
    }
    case 'skyhigh-form': {
      const result = fillConsolePage(doc, c.url, c.consoleHost, c.values);
      if (c.refuse) expect(result).toBeNull();
      // formDifferences reads the global document, as it does inside a browser page
      const saved = globalThis.document;
      globalThis.document = doc;
      try {
        expect(formDifferences(c.expect)).toEqual([]);
      } finally {
        globalThis.document = saved;
      }
      break;
    }
  }
  window.close();
}

// Captures that need their scripts or time to render run in the browser suite only.
const cases = allCases().filter((c) => !c.browserOnly);

describe('page captures (DOM)', () => {
  for (const c of cases) it(c.id, () => runCase(c));
});
