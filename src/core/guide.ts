/**
 * What the side note beside a create-key form flags, worked out in the background (so the content
 * script stays small): on the API platform, a project other than Default and permissions other than
 * All; in the Admin Console, another workspace than the one whose Workspace ID was read, and Read only.
 */
import { canonicalId, idTokens } from './formats';
import type { MessageKey } from './message-keys';
import { formFlags } from './readers/create-form';
import { currentKey, currentRecord, type KeyForm, type State } from './state';

export interface GuideFlag {
  /** A _locales key and its substitutions. */
  key: MessageKey;
  subs: string[];
}

/** The flags for this form, shown on this page (its URL may name the workspace by its UUID). */
export function guideFlags(state: State, form: KeyForm, pageUrl: string): GuideFlag[] {
  const admin = /^https:\/\/admin\.openai\.com\//.test(pageUrl);
  const flags: GuideFlag[] = formFlags({ ...form, ...(admin ? { site: 'admin-console' } : {}) }).map((f) =>
    f === 'project-not-default'
      ? { key: 'flagProject', subs: [form.project ?? ''] }
      : f === 'permissions-not-all'
        ? { key: 'flagPermissions', subs: [form.permissions ?? ''] }
        : f === 'permissions-custom'
          ? { key: 'flagCustomPermissions', subs: [form.permissions ?? ''] }
          : { key: 'flagReadOnly', subs: [form.permissions ?? ''] },
  );
  if (!admin) return flags;
  const rec = currentRecord(state);
  const [raw] = idTokens('workspaceId', new URL(pageUrl).pathname);
  const inUrl = raw ? canonicalId('workspaceId', raw) : undefined;
  const known = currentKey(state)?.workspaceName;
  if (rec && inUrl && inUrl !== rec.workspaceId)
    flags.unshift({ key: 'flagOtherWorkspaceId', subs: [inUrl, rec.workspaceId] });
  else if (rec && form.workspaceName && known && form.workspaceName !== known)
    flags.unshift({ key: 'flagOtherWorkspace', subs: [form.workspaceName, known] });
  return flags;
}
