/** A short text for the admin's change ticket: IDs, key details, dates; never the secret. */

import { ACCESS_SHORT, DELETE_SHORT } from './access';
import type { Words } from './email';
import type { MessageKey } from './message-keys';
import { currentKey, currentRecord, pathOf, type State } from './state';

/** `2026-11-26 18:30 UTC`: unambiguous in a ticket, whatever the admin's locale. */
export const ticketDate = (ms: number): string =>
  `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export function summaryText(state: State, w: Words): string {
  const rec = currentRecord(state);
  const key = currentKey(state);
  const none = w('summaryNone');
  const when = (ms: number | undefined) => (ms ? ticketDate(ms) : none);
  const check = (c: { short: MessageKey; status?: number; at: number } | undefined) =>
    c ? `${w(c.short)}${c.status ? ` (HTTP ${c.status})` : ''}, ${ticketDate(c.at)}` : none;
  const lines = [
    w('summaryTitle'),
    `${w('workspaceIdLabel')}: ${rec?.workspaceId ?? none}`,
    `${w('organizationIdLabel')}: ${rec?.organizationId ?? state.draft.organizationId ?? none}`,
    `${w('summaryIdsRead')}: ${when(rec?.idsCapture?.at)}`,
    `${w('emailKeyName')}: ${key?.name ?? none}`,
    `${w('emailKeyLast4')}: ${key?.last4 ?? none}`,
    `${w('emailCreatedBy')}: ${key?.createdBy ?? none}`,
    `${w('summaryPath')}: ${
      pathOf(state) === 'self-serve'
        ? w('summaryPathSelfServe')
        : pathOf(state) === 'email'
          ? w('summaryPathEmail')
          : none
    }`,
    `${w('summaryExpires')}: ${
      key?.expires === 'never'
        ? w('keyExpiresNever')
        : key?.expires
          ? new Date(key.expires).toISOString().slice(0, 10)
          : none
    }`,
    `${w('summaryPermissions')}: ${key?.permissions ?? none}`,
    `${w('summaryWorkspaceName')}: ${key?.workspaceName ?? none}`,
    ...(rec?.previousKey ? [`${w('summaryPreviousKey')}: ${rec.previousKey.last4}`] : []),
    `${w('summaryKeyCreated')}: ${when(key?.at)}`,
    `${w('summaryEmailSent')}: ${when(rec?.emailSentAt)}`,
    `${w('summaryScopesGranted')}: ${when(rec?.scopesGrantedAt)}`,
    `${w('summarySkyhighHost')}: ${rec?.handoff?.host ?? state.settings.consoleHost}`,
    `${w('summaryHandedOver')}: ${when(rec?.handoff?.at)}`,
    `${w('summarySkyhighStatus')}: ${
      rec?.skyhighStatus ? `${rec.skyhighStatus.words}, ${ticketDate(rec.skyhighStatus.at)}` : none
    }`,
    `${w('summaryAccessCheck')}: ${check(rec?.accessCheck && { ...rec.accessCheck, short: ACCESS_SHORT[rec.accessCheck.result] })}`,
    `${w('summaryDeleteCheck')}: ${check(rec?.deleteCheck && { ...rec.deleteCheck, short: DELETE_SHORT[rec.deleteCheck.result] })}`,
  ];
  return lines.join('\n');
}
