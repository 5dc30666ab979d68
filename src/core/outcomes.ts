/**
 * What the extension makes of a page, per capture kind: the single definition the content scripts
 * act on and the page-capture suites check.
 */
import { findCreateForm, readCreateForm } from './readers/create-form';
import { type KeyDialogResult, readKeyDialog } from './readers/key-dialog';
import { keyFacts, labelledPairs } from './readers/key-facts';
import { keyNameIn } from './readers/key-name';
import { findKeyRow } from './readers/keys-list';
import { readOrgPicker } from './readers/org-picker';
import { type FillResult, fillForm, findInstanceForm, type HandoffValues } from './readers/skyhigh-form';
import {
  foundValue,
  readPlatformOrg,
  readWorkspaceIdsPage,
  type WorkspaceIdsResult,
} from './readers/workspace-ids';
import { isKeyPageUrl, isPlatformOrgUrl, keySiteOf, WORKSPACE_PICKER_LABEL } from './sites/openai';
import { mayFill } from './sites/skyhigh';
import type { KeyForm } from './state';

export interface SettingsOutcome {
  workspaceId: string | null;
  organizationId: string | null;
}

export function settingsOutcome(result: WorkspaceIdsResult | null): SettingsOutcome {
  return { workspaceId: foundValue(result?.workspaceId), organizationId: foundValue(result?.organizationId) };
}

export const readSettingsPage = (doc: Document, url: string): SettingsOutcome =>
  settingsOutcome(readWorkspaceIdsPage(doc, url));

/** The one-time view on a key page, with the key's name beside it (read by the key-page script). */
export function readKeyPage(doc: Document, url: string): KeyDialogResult | null {
  if (!isKeyPageUrl(url)) return null;
  const shown = readKeyDialog(doc.body ?? doc);
  return shown.container ? { ...shown, keyName: keyNameIn(shown.container) } : shown;
}

export interface KeyFactsOutcome {
  /** `YYYY-MM-DD` (the day, UTC) or `never`. */
  expires: string | null;
  permissions: string | null;
  workspaceName: string | null;
  createdBy: string | null;
}

/**
 * What the record keeps of the key a page shows, besides its name and last 4: an Admin key's
 * expiry, permissions and workspace (its one-time view's rows, else the page's workspace picker, the
 * list's expiry column), and CREATED BY from the keys list. The content scripts send the view's
 * label/value pairs and the list's row; the background reads them with the same `keyFacts`.
 */
export function readKeyFactsPage(doc: Document, url: string, shown: KeyDialogResult): KeyFactsOutcome {
  const admin = keySiteOf(url) === 'admin-console';
  const facts = admin && shown.container ? keyFacts(labelledPairs(shown.container)) : {};
  const row = shown.keyLast4
    ? findKeyRow(doc.body ?? doc, {
        last4: shown.keyLast4,
        ...(shown.keyName ? { name: shown.keyName } : {}),
      })
    : null;
  const expires = facts.expires ?? keyFacts(row?.facts ?? []).expires;
  return {
    expires:
      expires === undefined
        ? null
        : expires === 'never'
          ? 'never'
          : new Date(expires).toISOString().slice(0, 10),
    permissions: facts.permissions ?? null,
    workspaceName: facts.workspaceName ?? (admin ? readOrgPicker(doc, WORKSPACE_PICKER_LABEL) : null),
    createdBy: row?.createdBy ?? null,
  };
}

/** The create-key form a page shows, as the key-page script notes it, or null. */
export function readKeyFormPage(doc: Document, url: string): KeyForm | null {
  if (!isKeyPageUrl(url)) return null;
  const form = findCreateForm(doc.body ?? doc);
  if (!form) return null;
  const { container: _c, name, ...choices } = readCreateForm(form);
  return { ...(name ? { keyName: name } : {}), ...choices };
}

/**
 * Fill the ChatGPT instance form at `url`, or refuse (null) when the page is not the configured
 * console or no form on it proves to be that form. Only controls inside the form are touched.
 */
export function fillConsolePage(
  doc: Document,
  url: string,
  consoleHost: string,
  values: HandoffValues,
): FillResult | null {
  if (!mayFill(url, consoleHost)) return null;
  const { form, refusal } = findInstanceForm(doc);
  return form && !refusal ? fillForm(form.region, values, form.match) : null;
}

/** The Organization ID the API platform shows on its organisation settings page, or null. */
export const readPlatformOrgPage = (doc: Document, url: string): string | null =>
  isPlatformOrgUrl(url) ? foundValue(readPlatformOrg(doc.body ?? doc)) : null;
