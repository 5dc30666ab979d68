/**
 * The Skyhigh CASB console: hosts, and how the fields of the ChatGPT instance form are worded.
 * A change of the console is a change of this file plus a new capture under test/fixtures/pages/.
 */
import { safeUrl } from './chatgpt';

/** Console hosts from Skyhigh's documentation (PAGES.md). Documentation sites are not consoles. */
export const CONSOLE_HOSTS = [
  'www.myshn.net',
  'www.myshn.eu',
  'www.myshn.ca',
  'www.govshn.net',
  'dashboard-us.ui.skyhigh.cloud',
  'dashboard-eu.ui.skyhigh.cloud',
] as const;

/** Where the console script runs (the manifest's matches, written by vite.config.ts from this). */
export const CONSOLE_MATCHES: readonly string[] = /* @__PURE__ */ CONSOLE_HOSTS.map((h) => `https://${h}/*`);

export const DEFAULT_CONSOLE_HOST = 'www.myshn.net';

export const isKnownConsoleHost = (host: string): boolean =>
  (CONSOLE_HOSTS as readonly string[]).includes(host);

/** The console app's paths (PAGES.md); nothing else on a console host is filled. */
const CONSOLE_PATH = /^\/shndash(\/|$)/;

/** Where the admin starts in the console. */
export const consoleStartUrl = (host: string): string => `https://${host}/shndash/`;

/** A DNS host name (no IP address, no port, no scheme). */
function isValidHost(host: string): boolean {
  return /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/.test(host);
}

/** Skyhigh's own domains: a custom tenant console must be a host under one of them. */
export const CONSOLE_DOMAINS = ['myshn.net', 'myshn.eu', 'myshn.ca', 'govshn.net', 'skyhigh.cloud'] as const;
/** Documentation sites on those domains: never a console. */
const NOT_CONSOLES = new Set(['success.myshn.net']);

/** The optional host permissions a custom tenant console is asked under (vite.config.ts puts them in the built manifest). */
export const CUSTOM_CONSOLE_PATTERNS = CONSOLE_DOMAINS.map((d) => `https://*.${d}/*`);

/** A documented console host, or a tenant host under one of Skyhigh's domains. */
export function isConsoleHost(host: string): boolean {
  if (!isValidHost(host) || NOT_CONSOLES.has(host)) return false;
  return CONSOLE_DOMAINS.some((d) => host.endsWith(`.${d}`));
}

/** The match pattern (and optional host permission) for a console host. */
export const hostPattern = (host: string): string => `https://${host}/*`;

/**
 * May the extension fill a page at `url` for a console configured as `consoleHost`?
 * Exact host, https, default port: a look-alike, a sub-domain or plain http gets nothing. (Which
 * hosts may be configured at all is the background's decision: documented ones, or one the admin
 * chose and granted.)
 */
export function mayFill(url: string, consoleHost: string): boolean {
  const u = safeUrl(url);
  if (u?.protocol !== 'https:' || u.port !== '' || u.username || u.password) return false;
  // the console app lives under /shndash/ (PAGES.md); a help or error page on the host is not it
  if (!CONSOLE_PATH.test(u.pathname)) return false;
  return u.hostname === consoleHost && isConsoleHost(consoleHost);
}

export type HandoffField = 'instanceName' | 'workspaceId' | 'organizationId' | 'apiKey';
export const HANDOFF_FIELDS: readonly HandoffField[] = [
  'instanceName',
  'workspaceId',
  'organizationId',
  'apiKey',
];

/**
 * How each field may be named (label, aria-label, placeholder, nearby text), on normalised text
 * (lowercase, hyphens and underscores as spaces). Anchored on words, so "Search" never looks like a
 * field. The key field must say it is an API key: a bare "token", "secret", "client secret" or
 * "access token" belongs to other connectors and prompts as often as to this one.
 */
export const FIELD_PATTERNS: Record<HandoffField, RegExp> = {
  workspaceId: /(^|\s)(chatgpt )?workspace ?(id|identifier|uuid)(\s|$)/,
  organizationId: /(^|\s)(organi[sz]ation|org) ?(id|identifier)(\s|$)/,
  apiKey:
    /(^|\s)((openai |compliance )?api ?(access )?(key|token)|secret ?key|api secret( key)?|openai key)(\s|$)/,
  instanceName: /^((instance|service|connection|display) )?name( of (the )?instance)?$/,
};

/**
 * Words that mark a control we must never fill, whatever else its label says: searches, free text,
 * and anything of a sign-in or a second factor (a verification code, a one-time password, a login
 * password, a user name).
 */
export const NEVER_FILL =
  /(^|\s)(search|filter|find|query|description|comment|notes?|password|passcode|passphrase|e ?mail|user ?name|login|log in|sign in|verification|verify|code|one time|otp|totp|mfa|2fa|two factor|pin|client secret|client id|recovery)(\s|$)/;

/** `autocomplete` values of sign-in and second-factor fields: never filled. */
export const NEVER_FILL_AUTOCOMPLETE = /(^|\s)(one-time-code|current-password|username|email)(\s|$)/i;

/**
 * A form proves it is the ChatGPT instance form by naming OpenAI or ChatGPT in its title, its
 * labelling, its heading, the service chosen in it, or the page's breadcrumb.
 */
export const SERVICE_NAME = /(^|[^a-z0-9])(openai|open ai|chatgpt|chat gpt)([^a-z0-9]|$)/i;

/**
 * Another service Skyhigh connects (another connector's form, another AI product): a form or page
 * that names one of these is not the ChatGPT instance form, whatever else is near it. Names that are
 * also plain words ("Box", "Teams", "Exchange") only with their vendor's name.
 */
export const OTHER_SERVICE =
  /(^|[^a-z0-9])(azure|microsoft|office ?365|m365|onedrive|sharepoint|google|g ?suite|gmail|gemini|slack|zoom|webex|salesforce|servicenow|workday|dropbox|box\.com|box enterprise|egnyte|github|gitlab|bitbucket|atlassian|jira|confluence|aws|amazon|okta|snowflake|anthropic|claude|copilot|mistral|cohere|perplexity|deepseek)([^a-z0-9]|$)/i;

/** Where a page says where it is: a breadcrumb trail, by its accessible name (several languages). */
export const BREADCRUMB_NAME = /breadcrumb|brotkrümel|navigationspfad|fil d['’]ariane|migas de pan|パンくず/i;

/**
 * The words Skyhigh's Service Management shows for an instance's connection, by what they mean
 * (PAGES.md: the wording is not documented; these are the words of its console and of other CASBs,
 * in the languages the readers know). Matched on a whole cell or badge, case and accents loose,
 * with Skyhigh's own detail after a separator kept for the admin ("Error: invalid API key").
 */
export type InstanceStatus = 'ok' | 'error' | 'pending';
export const STATUS_WORDS: Record<InstanceStatus, readonly string[]> = {
  ok: [
    'connected',
    'enabled',
    'active',
    'healthy',
    'running',
    'ok',
    'online',
    'operational',
    'success',
    'successful',
    'verbunden',
    'aktiviert',
    'aktiv',
    'fehlerfrei',
    'betriebsbereit',
    'connecté',
    'connectée',
    'activé',
    'activée',
    'actif',
    'active',
    'opérationnel',
    'sain',
    'conectado',
    'habilitado',
    'activo',
    'activa',
    'correcto',
    'operativo',
    '接続済み',
    '接続中',
    '有効',
    'アクティブ',
    '正常',
    '稼働中',
  ],
  error: [
    'error',
    'failed',
    'failure',
    'disconnected',
    'unhealthy',
    'invalid credentials',
    'authentication failed',
    'unauthorized',
    'expired',
    'connection failed',
    'not connected',
    'offline',
    'fehler',
    'fehlgeschlagen',
    'getrennt',
    'nicht verbunden',
    'abgelaufen',
    'erreur',
    'échec',
    'échoué',
    'déconnecté',
    'déconnectée',
    'non connecté',
    'expiré',
    'error de conexión',
    'fallido',
    'fallo',
    'desconectado',
    'no conectado',
    'caducado',
    'エラー',
    '失敗',
    '切断',
    '切断済み',
    '未接続',
    '期限切れ',
  ],
  pending: [
    'pending',
    'waiting',
    'waiting for authorization',
    'in progress',
    'connecting',
    'provisioning',
    'initializing',
    'not yet connected',
    'awaiting authorization',
    'ausstehend',
    'wartend',
    'wird verbunden',
    'in bearbeitung',
    'en attente',
    'en cours',
    'connexion en cours',
    'pendiente',
    'en curso',
    'conectando',
    'esperando autorización',
    '保留中',
    '待機中',
    '接続待ち',
    '処理中',
    '承認待ち',
  ],
};
