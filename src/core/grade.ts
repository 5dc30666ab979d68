/**
 * Evidence in three grades, for acting on a page (taking the one-time secret, filling the key into a
 * form). Each reader that acts decides its grade in one place and says why, in words the admin can
 * be shown on request (a _locales key and its substitutions) and the tests print.
 *
 * - proven: every proof is there and nothing contradicts it: act.
 * - plausible: nothing contradicts it, some proof is missing: help without taking (a reminder, a copy
 *   guard, one click that first says what was seen and where each value will go).
 * - contradicted: something says it is not the page (another service, a sign-in or MFA prompt, a
 *   list, a code sample, an audit log, a chat answer, a key-shaped name): refuse, and say why.
 */
import type { MessageKey } from './message-keys';

export type Grade = 'proven' | 'plausible' | 'contradicted';

/** One reason for a grade: a _locales key and its substitutions. */
export interface Reason {
  key: MessageKey;
  subs?: string[];
}

export interface Graded {
  grade: Grade;
  /** Why this grade: what proved it, what was missing, or what contradicted it (the first says most). */
  reasons: Reason[];
}
