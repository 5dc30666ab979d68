/**
 * The steps of the setup (shared/PAGES.md), each with its live state from the onboarding record.
 * Two paths, one checklist: the e-mail path (six steps, what Skyhigh documents) and the self-serve
 * path (an Admin key in the Admin Console: no e-mail, no waiting, four steps).
 */
import { expiryDate, rotationDue } from './expiry';
import type { MessageKey } from './message-keys';
import { type FormFlag, formFlags } from './readers/create-form';
import { consoleStartUrl } from './sites/skyhigh';
import { currentKey, currentRecord, type KeyPath, orgMismatch, pathOf, type StateView } from './state';

export type StepId = 'createKey' | 'keepKey' | 'email' | 'scopes' | 'ids' | 'skyhigh';
export type StepStatus = 'todo' | 'done' | 'attention' | 'waiting';

export interface Step {
  id: StepId;
  status: StepStatus;
  /** Why it needs attention or what it waits for: a _locales key and its substitutions. */
  why?: { key: MessageKey; subs?: string[] };
  /** The page where the step is done. */
  url?: string;
  doneAt?: number;
  /** The self-serve path words this step differently (`<prefix>_<id>_selfServe` texts). */
  selfServe?: true;
}

export const STEP_IDS: StepId[] = ['createKey', 'keepKey', 'email', 'scopes', 'ids', 'skyhigh'];

/** The steps of each path: the self-serve path asks for no e-mail and no wait. */
export const PATH_STEPS: Record<KeyPath, StepId[]> = {
  email: STEP_IDS,
  'self-serve': ['createKey', 'keepKey', 'ids', 'skyhigh'],
};

/** A step's texts (_locales keys): its name, what to do, and its link (the steps with a page). */
interface StepTexts {
  step: MessageKey;
  do: MessageKey;
  open?: MessageKey;
}

const STEP_TEXT: Record<StepId, StepTexts> = {
  createKey: { step: 'step_createKey', do: 'do_createKey', open: 'open_createKey' },
  keepKey: { step: 'step_keepKey', do: 'do_keepKey', open: 'open_keepKey' },
  email: { step: 'step_email', do: 'do_email' },
  scopes: { step: 'step_scopes', do: 'do_scopes' },
  ids: { step: 'step_ids', do: 'do_ids', open: 'open_ids' },
  skyhigh: { step: 'step_skyhigh', do: 'do_skyhigh', open: 'open_skyhigh' },
};

/** Steps worded differently on the self-serve path. */
const SELF_SERVE_TEXT: Partial<Record<StepId, StepTexts>> = {
  createKey: {
    step: 'step_createKey_selfServe',
    do: 'do_createKey_selfServe',
    open: 'open_createKey_selfServe',
  },
  keepKey: { step: 'step_keepKey_selfServe', do: 'do_keepKey_selfServe', open: 'open_keepKey_selfServe' },
};
export const SELF_SERVE_WORDED = Object.keys(SELF_SERVE_TEXT) as StepId[];

/** The _locales key of a step's text (`step`, `do` or `open`: only a step with a page has a link), for its path. */
export function stepText(prefix: 'step' | 'do', step: Step): MessageKey;
export function stepText(prefix: 'open', step: Step): MessageKey | undefined;
export function stepText(prefix: keyof StepTexts, step: Step): MessageKey | undefined {
  return ((step.selfServe && SELF_SERVE_TEXT[step.id]) || STEP_TEXT[step.id])[prefix];
}

export const KEYS_PAGE = 'https://platform.openai.com/api-keys';
export const ADMIN_CONSOLE_PAGE = 'https://admin.openai.com/';
export const SETTINGS_PAGE = 'https://chatgpt.com/admin/settings';

const FLAG_WHY: Record<FormFlag, MessageKey> = {
  'project-not-default': 'whyProjectNotDefault',
  'permissions-not-all': 'whyPermissionsNotAll',
  'permissions-read-only': 'whyPermissionsReadOnly',
  'permissions-custom': 'whyPermissionsCustom',
};

const ROTATION_WHY = { soon: 'whyRotateBefore', today: 'whyRotateToday', expired: 'whyKeyExpired' } as const;

/** The key's step: to do, done, or what needs attention (a rotation first, then the old key, then the form). */
function createKeyStep(view: Pick<StateView, 'state'>, url: string, now: number): Step {
  const key = currentKey(view.state);
  if (!key) return { id: 'createKey', status: 'todo', url };
  const rec = currentRecord(view.state);
  const rotation = rotationDue(key, now);
  const flags = formFlags(key);
  const attention = (why: Step['why']): Step => ({
    id: 'createKey',
    status: 'attention',
    why,
    url,
    doneAt: key.at,
  });
  if (rotation) return attention({ key: ROTATION_WHY[rotation.due], subs: [expiryDate(rotation.expires)] });
  if (rec?.previousKey) return attention({ key: 'whyDeleteOldKey', subs: [rec.previousKey.last4] });
  if (flags.length > 0)
    return attention({
      key: FLAG_WHY[flags[0] as FormFlag],
      subs: [key.project ?? '', key.permissions ?? ''],
    });
  return { id: 'createKey', status: 'done', url, doneAt: key.at };
}

/** The path the checklist follows: the record's, or the e-mail path (Skyhigh's documented one) until known. */
export const pathInForce = (view: Pick<StateView, 'state'>): KeyPath => pathOf(view.state) ?? 'email';

export function checklist(view: Pick<StateView, 'state' | 'secretHeldUntil'>, now = Date.now()): Step[] {
  const { state } = view;
  const rec = currentRecord(state);
  const key = currentKey(state);
  const path = pathInForce(view);
  const selfServe = path === 'self-serve';
  const keysPage = selfServe ? ADMIN_CONSOLE_PAGE : KEYS_PAGE;
  const steps: Step[] = [];

  steps.push(createKeyStep(view, keysPage, now));

  const handedOver = !!rec?.handoff?.filled.includes('apiKey');
  const kept = !!key?.copiedAt || !!view.secretHeldUntil || handedOver;
  steps.push(
    kept
      ? { id: 'keepKey', status: 'done', doneAt: key?.copiedAt ?? rec?.handoff?.at }
      : key
        ? {
            id: 'keepKey',
            status: 'attention',
            why: { key: selfServe ? 'whyNotCopiedSelfServe' : 'whyNotCopied' },
            url: keysPage,
          }
        : { id: 'keepKey', status: 'todo', url: keysPage },
  );

  steps.push(
    rec?.emailSentAt
      ? { id: 'email', status: 'done', doneAt: rec.emailSentAt }
      : { id: 'email', status: 'todo' },
  );

  steps.push(
    rec?.scopesGrantedAt
      ? { id: 'scopes', status: 'done', doneAt: rec.scopesGrantedAt }
      : rec?.emailSentAt
        ? { id: 'scopes', status: 'waiting', why: { key: 'whyWaitingForOpenAI' } }
        : { id: 'scopes', status: 'todo' },
  );

  const mismatch = orgMismatch(state);
  steps.push(
    mismatch
      ? {
          id: 'ids',
          status: 'attention',
          why: { key: 'whyOrgMismatch', subs: [mismatch.platform, mismatch.chatgpt] },
          url: SETTINGS_PAGE,
        }
      : rec?.workspaceId && rec.organizationId
        ? { id: 'ids', status: 'done', url: SETTINGS_PAGE, doneAt: rec.idsCapture?.at }
        : { id: 'ids', status: 'todo', url: SETTINGS_PAGE },
  );

  steps.push(skyhighStep(rec, consoleStartUrl(state.settings.consoleHost)));
  const mine = PATH_STEPS[path];
  return steps
    .filter((s) => mine.includes(s.id))
    .map((s) => (selfServe && SELF_SERVE_WORDED.includes(s.id) ? { ...s, selfServe: true } : s));
}

/** A date and time in the browser's language, for "seen DATE". */
const seenAt = (ms: number) => new Date(ms).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Step 6: the form filled, then Skyhigh's own word on the instance once its Service Management was
 * seen after the fill (connected: done; an error: attention, in its words; pending: waiting).
 */
function skyhighStep(rec: ReturnType<typeof currentRecord>, url: string): Step {
  const h = rec?.handoff;
  if (!h) return { id: 'skyhigh', status: 'todo', url };
  if (!h.filled.includes('workspaceId') || !h.filled.includes('apiKey'))
    return {
      id: 'skyhigh',
      status: 'attention',
      why: { key: 'whyNotAllPlaced', subs: [h.missing.join(', ')] },
      url,
    };
  const seen = rec?.skyhighStatus;
  if (!seen || seen.at < h.at) return { id: 'skyhigh', status: 'done', url, doneAt: h.at };
  const subs = seen.status === 'ok' ? [seenAt(seen.at), seen.words] : [seen.words, seenAt(seen.at)];
  if (seen.status === 'ok')
    return { id: 'skyhigh', status: 'done', url, doneAt: seen.at, why: { key: 'skyhighConnected', subs } };
  return {
    id: 'skyhigh',
    status: seen.status === 'error' ? 'attention' : 'waiting',
    why: { key: seen.status === 'error' ? 'skyhighError' : 'skyhighPending', subs },
    url,
  };
}

export const stepsLeft = (steps: Step[]): number => steps.filter((s) => s.status !== 'done').length;
