/**
 * Everything the extension knows about chatgpt.com: hosts, URL patterns and label wordings.
 * A change of the site is a change of this file plus a new capture under test/fixtures/pages/.
 */
import type { IdField } from '../formats';

export const CHATGPT_HOST = 'chatgpt.com';

/** Where the settings script runs (the manifest's matches, written by vite.config.ts from this). */
export const ADMIN_MATCHES: readonly string[] = [`https://${CHATGPT_HOST}/admin*`];

const isChatgpt = (u: URL): boolean =>
  u.protocol === 'https:' && u.hostname === CHATGPT_HOST && u.port === '';

/** Any page of the admin console (a single-page app: the reader decides per path). */
export function isAdminUrl(url: string | URL): boolean {
  const u = typeof url === 'string' ? safeUrl(url) : url;
  return !!u && isChatgpt(u) && /^\/admin(\/|$)/.test(u.pathname);
}

/** The page that shows Workspace details (General tab of Workspace settings). */
export function isSettingsUrl(url: string | URL): boolean {
  const u = typeof url === 'string' ? safeUrl(url) : url;
  return !!u && isChatgpt(u) && /^\/admin\/settings\/?$/.test(u.pathname);
}

export function safeUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * How each label is worded. Matching folds case, width, spaces, hyphens and a trailing colon
 * (src/core/text.ts), so "Workspace-ID", "workspace id:" and "ワークスペースID" all match.
 */
export const ID_LABELS: Record<IdField, readonly string[]> = {
  workspaceId: [
    // en
    'Workspace ID',
    'ChatGPT account ID',
    // de
    'Arbeitsbereichs-ID',
    'Arbeitsbereich-ID',
    'Workspace-ID',
    'Arbeitsbereichs-Kennung',
    // fr
    "ID de l'espace de travail",
    "Identifiant de l'espace de travail",
    'ID espace de travail',
    'ID du workspace',
    // es
    'ID del espacio de trabajo',
    'ID de espacio de trabajo',
    'ID del área de trabajo',
    // it
    "ID dell'area di lavoro",
    'ID dello spazio di lavoro',
    'ID area di lavoro',
    'ID workspace',
    // pt
    'ID do espaço de trabalho',
    'ID da área de trabalho',
    'ID do workspace',
    // ja
    'ワークスペース ID',
    'ワークスペースの ID',
    // ko
    '워크스페이스 ID',
    '작업 공간 ID',
    '작업공간 ID',
    // zh
    '工作空间 ID',
    '工作区 ID',
    '工作空間 ID',
    '工作區 ID',
  ],
  organizationId: [
    // en
    'Organization ID',
    'Organisation ID',
    'Org ID',
    // de
    'Organisations-ID',
    'Organisation-ID',
    'Organisationskennung',
    // fr
    "ID de l'organisation",
    "Identifiant de l'organisation",
    // es
    'ID de la organización',
    'ID de organización',
    // it
    "ID dell'organizzazione",
    'ID organizzazione',
    // pt
    'ID da organização',
    'ID de organização',
    // ja
    '組織 ID',
    '組織の ID',
    // ko
    '조직 ID',
    // zh
    '组织 ID',
    '組織 ID',
    '機構 ID',
  ],
};
