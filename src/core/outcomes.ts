/**
 * What the extension makes of a page, per capture kind: the single definition the content scripts
 * act on and the page-capture suites check.
 */
import { type KeyDialogResult, readKeyDialog } from './readers/key-dialog';
import { keyNameIn } from './readers/key-name';
import { type FillResult, fillForm, findInstanceForm, type HandoffValues } from './readers/skyhigh-form';
import {
  foundValue,
  readPlatformOrg,
  readWorkspaceIdsPage,
  type WorkspaceIdsResult,
} from './readers/workspace-ids';
import { isKeyPageUrl, isPlatformOrgUrl } from './sites/openai';
import { mayFill } from './sites/skyhigh';

export interface SettingsOutcome {
  workspaceId: string | null;
  organizationId: string | null;
}

export function settingsOutcome(result: WorkspaceIdsResult | null): SettingsOutcome {
  return { workspaceId: foundValue(result?.workspaceId), organizationId: foundValue(result?.organizationId) };
}

export const readSettingsPage = (doc: Document, url: string): SettingsOutcome =>
  settingsOutcome(readWorkspaceIdsPage(doc, url));

/** The one-time view on a key page, with the key's name beside it (read by the key-form script). */
export function readKeyPage(doc: Document, url: string): KeyDialogResult | null {
  if (!isKeyPageUrl(url)) return null;
  const shown = readKeyDialog(doc.body ?? doc);
  return shown.container ? { ...shown, keyName: keyNameIn(shown.container) } : shown;
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
