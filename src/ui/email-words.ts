/**
 * The words of the e-mail to OpenAI support: English by default (OpenAI support's language), or
 * the UI's language when the admin chose it in the options. Only the e-mail's own strings are
 * bundled (named imports of the JSON, so the rest of the English file stays out of the popup).
 */
import {
  emailCreatedBy,
  emailDedicated,
  emailGreeting,
  emailHintCreatedBy,
  emailHintLast4,
  emailHintName,
  emailHintOrg,
  emailHintWorkspace,
  emailKeyLast4,
  emailKeyName,
  emailMissing,
  emailOrg,
  emailRequest,
  emailScopes,
  emailSubject,
  emailThanks,
  emailWorkspace,
} from '../../public/_locales/en/messages.json';
import type { Words } from '../core/email';
import type { Settings } from '../core/state';
import { wordsOf } from '../core/words';
import { t } from './api';

export const ENGLISH_EMAIL = {
  emailCreatedBy,
  emailDedicated,
  emailGreeting,
  emailHintCreatedBy,
  emailHintLast4,
  emailHintName,
  emailHintOrg,
  emailHintWorkspace,
  emailKeyLast4,
  emailKeyName,
  emailMissing,
  emailOrg,
  emailRequest,
  emailScopes,
  emailSubject,
  emailThanks,
  emailWorkspace,
};

const english = wordsOf(ENGLISH_EMAIL);

export const emailWords = (settings: Pick<Settings, 'emailLanguage'>): Words =>
  settings.emailLanguage === 'ui' ? t : english;
