/**
 * platform.openai.com and admin.openai.com: URL patterns and the wording around API keys.
 * A change of these sites is a change of this file plus a new capture under test/fixtures/pages/.
 */
import { safeUrl } from './chatgpt';

export const PLATFORM_HOST = 'platform.openai.com';
export const ADMIN_CONSOLE_HOST = 'admin.openai.com';

const httpsHost = (u: URL | null, host: string): boolean =>
  !!u && u.protocol === 'https:' && u.hostname === host && u.port === '';

/** The pages where a secret key is created or listed. */
export function isKeyPageUrl(url: string): boolean {
  const u = safeUrl(url);
  if (!u) return false;
  if (httpsHost(u, ADMIN_CONSOLE_HOST)) return true;
  if (!httpsHost(u, PLATFORM_HOST)) return false;
  return /^\/(api-keys|settings\/(organization|proj_[A-Za-z0-9]+)\/(api-keys|admin-keys))\/?$/.test(
    u.pathname,
  );
}

/** The API platform's organisation settings, which show its own Organization ID. */
export function isPlatformOrgUrl(url: string): boolean {
  const u = safeUrl(url);
  return !!u && httpsHost(u, PLATFORM_HOST) && /^\/settings\/organization\/general\/?$/.test(u.pathname);
}

export type KeySite = 'platform' | 'admin-console';

export function keySiteOf(url: string): KeySite | null {
  const u = safeUrl(url);
  if (httpsHost(u, ADMIN_CONSOLE_HOST)) return 'admin-console';
  if (httpsHost(u, PLATFORM_HOST)) return 'platform';
  return null;
}

/** Wording that tells a secret is shown once (matched loosely, in the secret's neighbourhood). */
export const ONE_TIME_WORDING: readonly RegExp[] = [
  /save (this|your) (secret )?key/i,
  /won['’]?t be able to (view|see) it again/i,
  /will not be able to (view|see) it again/i,
  /only (be )?(visible|shown|displayed) once/i,
  /not be shown again/i,
  /copy (it|this key|your key) now/i,
  /nicht erneut angezeigt|nur einmal angezeigt/i,
  /ne pourrez plus (le|la) (voir|afficher)|affichée? qu['’]une seule fois/i,
  /no podrás volver a ver|solo se mostrará una vez/i,
  /一度しか表示されません|再度表示することはできません/,
];

/** Labels of a key's name in the secret view and the create form. */
export const KEY_NAME_LABELS: readonly string[] = [
  'Name',
  'Key name',
  'Secret key name',
  'Service Key Name',
  'Service account name',
  'Nom',
  'Nom de la clé',
  'Schlüsselname',
  'Nombre',
  'Nombre de la clave',
  'Nome',
  '名前',
  'キー名',
  '이름',
  '名称',
];
