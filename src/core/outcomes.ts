/**
 * What the extension makes of a page, per capture kind: the single definition the content scripts
 * act on and the page-capture suites check.
 */
import { type KeyDialogResult, readKeyDialog } from './readers/key-dialog';
import { type FillResult, fillForm, type HandoffValues } from './readers/skyhigh-form';
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

export function readKeyPage(doc: Document, url: string): KeyDialogResult | null {
  return isKeyPageUrl(url) ? readKeyDialog(doc.body ?? doc) : null;
}

/** Fill the console form at `url`, or refuse (null) when the page is not the configured console. */
export function fillConsolePage(
  doc: Document,
  url: string,
  consoleHost: string,
  values: HandoffValues,
): FillResult | null {
  return mayFill(url, consoleHost) ? fillForm(doc, values) : null;
}

/** The Organization ID the API platform shows on its organisation settings page, or null. */
export const readPlatformOrgPage = (doc: Document, url: string): string | null =>
  isPlatformOrgUrl(url) ? foundValue(readPlatformOrg(doc.body ?? doc)) : null;
