/** Reads the Workspace ID and Organization ID shown on chatgpt.com/admin/settings. */
import { canonicalId, type IdField, idTokens } from '../formats';
import { ID_LABELS } from '../sites/chatgpt';
import { labelMatcher } from '../text';
import { type FieldResult, type FieldSpec, readLabelledField } from './labelled';

export type WorkspaceIdsResult = Record<IdField, FieldResult>;

const isAnyIdLabel = labelMatcher([...ID_LABELS.workspaceId, ...ID_LABELS.organizationId]);

export function idFieldSpec(field: IdField, labels: readonly string[] = ID_LABELS[field]): FieldSpec {
  const isLabel = labelMatcher(labels);
  return {
    isLabel,
    isLabelPart: isLabel.part,
    isAnyLabel: isAnyIdLabel,
    tokens: (text) => idTokens(field, text),
    canonical: (v) => canonicalId(field, v),
  };
}

const SPECS: Record<IdField, FieldSpec> = {
  workspaceId: idFieldSpec('workspaceId'),
  organizationId: idFieldSpec('organizationId'),
};

export function readWorkspaceIds(root: ParentNode): WorkspaceIdsResult {
  return {
    workspaceId: readLabelledField(SPECS.workspaceId, root),
    organizationId: readLabelledField(SPECS.organizationId, root),
  };
}

export const foundValue = (r: FieldResult | undefined): string | null =>
  r?.status === 'found' ? r.value : null;

/** The API platform's own Organization ID (platform.openai.com organisation settings). */
export const readPlatformOrg = (root: ParentNode): FieldResult =>
  readLabelledField(SPECS.organizationId, root);
