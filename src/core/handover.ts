/**
 * What a hand-off to Skyhigh CASB hands over, said before anything is filled: the key (last 4, path,
 * expiry), the workspace (name and ID) and the console host, and every mismatch known of (a key made
 * for another workspace, an expired key, a held key that is not the one noted). The popup shows it
 * above *Open Skyhigh CASB and fill*; the console's panel repeats it.
 */
import type { Words } from './email';
import { expiryDate, rotationDue } from './expiry';
import type { Reason } from './grade';
import { currentKey, currentRecord, type KeyPath, type State } from './state';

export interface HandoverPreview {
  key: { last4: string; path: KeyPath; expires?: number | 'never' } | null;
  /** The last 4 of the key held in memory for the hand-off (null: none held). */
  heldLast4: string | null;
  workspace: { id: string; name?: string } | null;
  host: string;
  /** What does not fit, worst first; empty when everything agrees. */
  problems: Reason[];
}

export interface HandoverParts {
  state: State;
  secretHeldUntil: number | null;
  secretHeldLast4?: string | null;
}

export function handoverPreview(view: HandoverParts, host: string, now: number): HandoverPreview {
  const { state } = view;
  const rec = currentRecord(state);
  const key = currentKey(state);
  const held = view.secretHeldUntil && view.secretHeldLast4 ? view.secretHeldLast4 : null;
  const problems: Reason[] = [];
  if (key?.workspaceId && rec && key.workspaceId !== rec.workspaceId)
    problems.push({ key: 'handoverKeyOtherWorkspace', subs: [key.last4, key.workspaceId, rec.workspaceId] });
  if (key && rotationDue(key, now)?.due === 'expired')
    problems.push({ key: 'handoverKeyExpired', subs: [key.last4] });
  if (held && key && held !== key.last4)
    problems.push({ key: 'handoverHeldOtherKey', subs: [held, key.last4] });
  if (!rec) problems.push({ key: 'handoverNoWorkspace' });
  return {
    key: key
      ? {
          last4: key.last4,
          // a key's site says its path
          path: key.site === 'admin-console' ? 'self-serve' : 'email',
          ...(key.expires !== undefined ? { expires: key.expires } : {}),
        }
      : null,
    heldLast4: held,
    workspace: rec
      ? { id: rec.workspaceId, ...(key?.workspaceName ? { name: key.workspaceName } : {}) }
      : null,
    host,
    problems,
  };
}

/** One line of the preview in words, with what it names (for the page's and the tests' eyes). */
export interface HandoverLine {
  names: 'key' | 'no-key' | 'workspace' | 'host';
  value: string;
  text: string;
}

/** The preview as the lines the popup and the console's panel both show, above its problems. */
export function handoverLines(about: HandoverPreview, w: Words): HandoverLine[] {
  const lines: HandoverLine[] = [];
  const { key, workspace } = about;
  if (key) {
    const path = w(key.path === 'self-serve' ? 'summaryPathSelfServe' : 'summaryPathEmail');
    const expires =
      key.expires === 'never'
        ? w('keyExpiresNever')
        : key.expires !== undefined
          ? w('handoverKeyExpires', [expiryDate(key.expires)])
          : w('handoverKeyNoExpiry');
    lines.push({
      names: 'key',
      value: key.last4,
      text: `${w('handoverKey', [key.last4, path])}, ${expires}`,
    });
  }
  if (!about.heldLast4) lines.push({ names: 'no-key', value: '', text: w('handoverNoKeyHeld') });
  if (workspace) {
    const named = workspace.name ? `${workspace.name} (${workspace.id})` : workspace.id;
    lines.push({ names: 'workspace', value: workspace.id, text: w('handoverWorkspace', [named]) });
  }
  lines.push({ names: 'host', value: about.host, text: w('handoverHost', [about.host]) });
  return lines;
}
