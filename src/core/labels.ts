/**
 * The _locales key that names each value the extension shows by name (a field, a console host):
 * one typed map each, so that every key is one the compiler knows exists.
 */
import type { Email } from './email';
import type { MessageKey } from './message-keys';
import type { CONSOLE_HOSTS, HandoffField } from './sites/skyhigh';
import type { EmailLanguage } from './state';

/** A value handed to the console, or one the e-mail to OpenAI support needs. */
export type NamedField = HandoffField | Email['missing'][number];

export const FIELD_LABEL: Record<NamedField, MessageKey> = {
  keyLast4: 'field_keyLast4',
  keyName: 'field_keyName',
  createdBy: 'field_createdBy',
  organizationId: 'field_organizationId',
  workspaceId: 'field_workspaceId',
  instanceName: 'field_instanceName',
  apiKey: 'field_apiKey',
};

/** The documented console hosts, each by the region its name says. */
export const HOST_LABEL: Record<(typeof CONSOLE_HOSTS)[number], MessageKey> = {
  'www.myshn.net': 'host_www_myshn_net',
  'www.myshn.eu': 'host_www_myshn_eu',
  'www.myshn.ca': 'host_www_myshn_ca',
  'www.govshn.net': 'host_www_govshn_net',
  'dashboard-us.ui.skyhigh.cloud': 'host_dashboard_us_ui_skyhigh_cloud',
  'dashboard-eu.ui.skyhigh.cloud': 'host_dashboard_eu_ui_skyhigh_cloud',
};

/** The languages the e-mail to OpenAI support may be written in (the options' choice). */
export const EMAIL_LANGUAGE_LABEL: Record<EmailLanguage, MessageKey> = {
  en: 'emailLanguage_en',
  ui: 'emailLanguage_ui',
};
