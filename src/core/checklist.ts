/** The six steps of the setup (shared/PAGES.md), each with its live state from the onboarding record. */
import { type FormFlag, formFlags } from './readers/create-form';
import { consoleStartUrl } from './sites/skyhigh';
import { currentKey, currentRecord, orgMismatch, type StateView } from './state';

export type StepId = 'createKey' | 'keepKey' | 'email' | 'scopes' | 'ids' | 'skyhigh';
export type StepStatus = 'todo' | 'done' | 'attention' | 'waiting';

export interface Step {
  id: StepId;
  status: StepStatus;
  /** Why it needs attention or what it waits for: a _locales key and its substitutions. */
  why?: { key: string; subs?: string[] };
  /** The page where the step is done. */
  url?: string;
  doneAt?: number;
}

export const STEP_IDS: StepId[] = ['createKey', 'keepKey', 'email', 'scopes', 'ids', 'skyhigh'];

export const KEYS_PAGE = 'https://platform.openai.com/api-keys';
export const SETTINGS_PAGE = 'https://chatgpt.com/admin/settings';

const FLAG_WHY: Record<FormFlag, string> = {
  'project-not-default': 'whyProjectNotDefault',
  'permissions-not-all': 'whyPermissionsNotAll',
};

export function checklist(view: Pick<StateView, 'state' | 'secretHeldUntil'>): Step[] {
  const { state } = view;
  const rec = currentRecord(state);
  const key = currentKey(state);
  const steps: Step[] = [];

  const flags = key ? formFlags(key) : [];
  steps.push(
    !key
      ? { id: 'createKey', status: 'todo', url: KEYS_PAGE }
      : flags.length > 0
        ? {
            id: 'createKey',
            status: 'attention',
            why: { key: FLAG_WHY[flags[0] as FormFlag], subs: [key.project ?? '', key.permissions ?? ''] },
            url: KEYS_PAGE,
            doneAt: key.at,
          }
        : { id: 'createKey', status: 'done', url: KEYS_PAGE, doneAt: key.at },
  );

  const handedOver = !!rec?.handoff?.filled.includes('apiKey');
  const kept = !!key?.copiedAt || !!view.secretHeldUntil || handedOver;
  steps.push(
    kept
      ? { id: 'keepKey', status: 'done', doneAt: key?.copiedAt ?? rec?.handoff?.at }
      : key
        ? { id: 'keepKey', status: 'attention', why: { key: 'whyNotCopied' }, url: KEYS_PAGE }
        : { id: 'keepKey', status: 'todo', url: KEYS_PAGE },
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

  const consoleUrl = consoleStartUrl(state.settings.consoleHost);
  const h = rec?.handoff;
  steps.push(
    !h
      ? { id: 'skyhigh', status: 'todo', url: consoleUrl }
      : h.filled.includes('workspaceId') && h.filled.includes('apiKey')
        ? { id: 'skyhigh', status: 'done', url: consoleUrl, doneAt: h.at }
        : {
            id: 'skyhigh',
            status: 'attention',
            why: { key: 'whyNotAllPlaced', subs: [h.missing.join(', ')] },
            url: consoleUrl,
          },
  );
  return steps;
}

export const stepsLeft = (steps: Step[]): number => steps.filter((s) => s.status !== 'done').length;
