/**
 * The e-mail to OpenAI support that asks for the Compliance API scopes: exactly what OpenAI needs,
 * never the secret, and every missing value named rather than left blank.
 */
import type { MessageKey } from './message-keys';
import type { KeyInfo, OnboardingRecord } from './state';

export const SUPPORT_ADDRESS = 'support@openai.com';
export const REQUESTED_SCOPES = ['READ', 'DELETE'] as const;

export interface Email {
  to: string;
  subject: string;
  body: string;
  /** Fields OpenAI needs that are not known yet (the popup names them). */
  missing: ('keyLast4' | 'keyName' | 'createdBy' | 'organizationId' | 'workspaceId')[];
}

/** Words of the e-mail: English by default, or the UI's language when the admin chose it (src/ui/email-words.ts). */
export type Words = (key: MessageKey, subs?: string[]) => string;

export function composeEmail(
  rec: Partial<OnboardingRecord> | null,
  key: KeyInfo | undefined,
  w: Words,
): Email {
  const missing: Email['missing'] = [];
  const value = (v: string | undefined, field: Email['missing'][number], hint: MessageKey) => {
    if (v) return v;
    missing.push(field);
    return w('emailMissing', [w(hint)]);
  };
  const last4 = value(key?.last4, 'keyLast4', 'emailHintLast4');
  const name = value(key?.name, 'keyName', 'emailHintName');
  const createdBy = value(key?.createdBy, 'createdBy', 'emailHintCreatedBy');
  const org = value(rec?.organizationId, 'organizationId', 'emailHintOrg');
  const ws = value(rec?.workspaceId, 'workspaceId', 'emailHintWorkspace');
  const body = [
    w('emailGreeting'),
    '',
    w('emailRequest'),
    '',
    `${w('emailKeyLast4')}: ${last4}`,
    `${w('emailKeyName')}: ${name}`,
    `${w('emailCreatedBy')}: ${createdBy}`,
    `${w('emailScopes')}: ${REQUESTED_SCOPES.join(', ')}`,
    `${w('emailOrg')}: ${org}`,
    `${w('emailWorkspace')}: ${ws}`,
    '',
    w('emailDedicated'),
    '',
    w('emailThanks'),
  ].join('\n');
  return { to: SUPPORT_ADDRESS, subject: w('emailSubject'), body, missing };
}

/** RFC 6068 mailto: every reserved character percent-encoded, line breaks as CRLF. */
export function mailtoUrl(e: Email): string {
  const enc = (s: string) => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'));
  return `mailto:${e.to}?subject=${enc(e.subject)}&body=${enc(e.body)}`;
}

export function gmailUrl(e: Email): string {
  const q = new URLSearchParams({ view: 'cm', fs: '1', to: e.to, su: e.subject, body: e.body });
  return `https://mail.google.com/mail/?${q}`;
}

export function outlookUrl(e: Email): string {
  const q = new URLSearchParams({ to: e.to, subject: e.subject, body: e.body });
  return `https://outlook.office.com/mail/deeplink/compose?${q}`;
}

export const emailText = (e: Email): string => `To: ${e.to}\nSubject: ${e.subject}\n\n${e.body}`;
