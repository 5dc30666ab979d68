/**
 * DOM-level suite: every page capture parsed by happy-dom (no scripts run) and given to the same
 * core functions the content scripts call, in the order they call them (each page's script starts
 * only on the URLs its predicate accepts). Captures marked `browserOnly` run in the browser suite.
 */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { guideFlags } from '../../src/core/guide';
import { mayHoldIds } from '../../src/core/ids-visit';
import { findCreateForm, readCreateForm } from '../../src/core/readers/create-form';
import { readKeyDialog } from '../../src/core/readers/key-dialog';
import { keyFacts, labelledPairs } from '../../src/core/readers/key-facts';
import { keyNameIn } from '../../src/core/readers/key-name';
import { findKeyRow } from '../../src/core/readers/keys-list';
import { readOrgPicker } from '../../src/core/readers/org-picker';
import { fillForm, findInstanceForm } from '../../src/core/readers/skyhigh-form';
import { readInstanceStatus } from '../../src/core/readers/skyhigh-status';
import { foundValue, readPlatformOrg, readWorkspaceIds } from '../../src/core/readers/workspace-ids';
import { isSettingsUrl } from '../../src/core/sites/chatgpt';
import {
  isKeyPageUrl,
  isPlatformOrgUrl,
  keySiteOf,
  WORKSPACE_PICKER_LABEL,
} from '../../src/core/sites/openai';
import { mayFill } from '../../src/core/sites/skyhigh';
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

/** The YYYY-MM-DD day (UTC) of an expiry, as the record shows it, or `never`. */
const day = (t: number | 'never' | undefined) =>
  t === undefined ? null : t === 'never' ? 'never' : new Date(t).toISOString().slice(0, 10);

function runCase(c: PageCase): void {
  const window = load(c);
  const doc = window.document as unknown as Document;
  const body = doc.body ?? doc;
  switch (c.kind) {
    case 'chatgpt-settings': {
      // content/workspace-ids (through core/ids-visit): the settings page only
      const ids = isSettingsUrl(c.url) ? readWorkspaceIds(body) : null;
      expect({
        workspaceId: foundValue(ids?.workspaceId),
        organizationId: foundValue(ids?.organizationId),
      }).toEqual(c.expect);
      // the settings page's cheap look before a full read never hides a value the reader finds
      if (c.expect.workspaceId || c.expect.organizationId)
        expect(mayHoldIds(doc.body), 'the cheap look saw nothing ID-shaped').toBe(true);
      break;
    }
    case 'platform-org':
      // content/platform-org
      expect({
        organizationId: isPlatformOrgUrl(c.url) ? foundValue(readPlatformOrg(body)) : null,
      }).toEqual(c.expect);
      break;
    case 'key-dialog': {
      // content/key-page (core/key-visit): the one-time view, and the key's name in it
      const shown = isKeyPageUrl(c.url) ? readKeyDialog(body) : null;
      const keyName = shown?.container ? keyNameIn(shown.container) : null;
      expect({
        secretShown: shown?.secretShown ?? false,
        keyLast4: shown?.keyLast4 ?? null,
        keyName,
      }).toEqual(c.expect);
      if (c.key && shown) {
        // an Admin key's view sends its label/value pairs (the background reads them with keyFacts),
        // else the page's workspace picker; the list's row gives CREATED BY and an expiry column
        const admin = keySiteOf(c.url) === 'admin-console';
        const facts = admin && shown.container ? keyFacts(labelledPairs(shown.container)) : {};
        const row = shown.keyLast4
          ? findKeyRow(body, { last4: shown.keyLast4, ...(keyName ? { name: keyName } : {}) })
          : null;
        const kept = {
          expires: day(facts.expires ?? keyFacts(row?.facts ?? []).expires),
          permissions: facts.permissions ?? null,
          workspaceName: facts.workspaceName ?? (admin ? readOrgPicker(doc, WORKSPACE_PICKER_LABEL) : null),
          createdBy: row?.createdBy ?? null,
        };
        expect(Object.fromEntries(Object.keys(c.key).map((k) => [k, kept[k as keyof typeof kept]]))).toEqual(
          c.key,
        );
      }
      if (c.guide) {
        // core/key-visit notes the open create form's choices; the background flags them
        const form = isKeyPageUrl(c.url) ? findCreateForm(body) : null;
        expect(form, 'no create form found').not.toBeNull();
        const { container: _c, name, ...choices } = readCreateForm(form as Element);
        const noted = { ...(name ? { keyName: name } : {}), ...choices };
        expect(guideFlags(guideState(c.guide), noted, c.url).map((f) => f.key)).toEqual(c.guide.flags);
        if (c.guide.keyName !== undefined) expect(name ?? null).toBe(c.guide.keyName);
      }
      break;
    }
    case 'skyhigh-form': {
      // content/skyhigh-fill: the configured console only, and only a form proven to be ChatGPT's
      const { form, refusal } = mayFill(c.url, c.consoleHost)
        ? findInstanceForm(doc)
        : { form: null, refusal: 'no-form' as const };
      const result = form && !refusal ? fillForm(form.region, c.values, form.match) : null;
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
    case 'skyhigh-status': {
      // content/skyhigh-status: the configured console only, the instance handed over
      const seen = mayFill(c.url, c.consoleHost) ? readInstanceStatus(doc, c.handedOver) : null;
      expect(seen ? { status: seen.status, words: seen.words } : { status: null }).toEqual(c.expect);
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
