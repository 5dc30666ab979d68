/**
 * platform.openai.com and admin.openai.com: URL patterns and the wording around API keys.
 * A change of these sites is a change of this file plus a new capture under test/fixtures/pages/.
 */
import { safeUrl } from './chatgpt';

export const PLATFORM_HOST = 'platform.openai.com';
export const ADMIN_CONSOLE_HOST = 'admin.openai.com';

/**
 * Where the key-page script runs (the manifest's matches, written by vite.config.ts from this): every
 * page that `isKeyPageUrl` or `isPlatformOrgUrl` accepts, and the pages a single-page app reaches
 * them from without a load (the platform's settings area, the Admin Console).
 */
export const KEY_PAGE_MATCHES: readonly string[] = [
  `https://${PLATFORM_HOST}/api-keys*`,
  `https://${PLATFORM_HOST}/settings/*`,
  `https://${ADMIN_CONSOLE_HOST}/*`,
];

const httpsHost = (u: URL | null, host: string): boolean =>
  !!u && u.protocol === 'https:' && u.hostname === host && u.port === '';

/**
 * Admin-console areas where keys are made and listed, anchored at the start of the path (after a
 * workspace, organisation or project it may name): anything under Credentials, or a keys page
 * itself (its create route too). A keys word deeper in another area (members, audit log) is not it.
 */
const ADMIN_KEY_AREA =
  /^(\/(workspaces?|organizations?|orgs?|projects?)(\/[^/]+)?)?\/(credentials(\/.*)?|(admin-keys|api-keys|keys)(\/(new|create))?\/?)$/;

/** The pages where a secret key is created or listed. */
export function isKeyPageUrl(url: string): boolean {
  const u = safeUrl(url);
  if (!u) return false;
  if (httpsHost(u, ADMIN_CONSOLE_HOST)) return ADMIN_KEY_AREA.test(u.pathname);
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

/**
 * Wording that tells a secret is shown once, by meaning and in its variants (matched loosely, in the
 * secret's neighbourhood): it can't / won't be viewed, seen or shown again; this is the only time;
 * after you close this window; store it somewhere safe; in every language the readers know.
 */
export const ONE_TIME_WORDING: readonly RegExp[] = [
  /save (this|your|the) (secret |api |admin )?key/i,
  /(can['’]?t|cannot|won['’]?t|will not|unable to|not be able to|no longer)( be able to)?( be)? (viewed|seen|shown|displayed|accessed|retrieved|copied|revealed|view|see|show|display|access|retrieve|copy|reveal)( (it|this|them|(the|this|your) (secret |api |admin )?(secret|key)))? again/i,
  /(this is )?the only time( that)? you(['’]ll| will)?( be able to| can)? (see|view|copy)(?![a-z])/i,
  /(only (be )?(visible|shown|displayed) once|(visible|shown|displayed) only once)/i,
  /not be (shown|displayed|visible) again/i,
  /after (you )?clos(e|ing) (this|the) (window|dialog|modal|panel)/i,
  /(store|keep|save) (it|this|them|(the|this|your) (secret |api |admin )?(secret|key))( somewhere| in a)? (safe|secure)/i,
  /copy (it|this key|your key|the key|this secret|the secret) now/i,
  /nicht (erneut|noch einmal|mehr) (angezeigt|anzeigen|sehen|einsehen|abrufen)|nur einmal (angezeigt|sichtbar)|kein weiteres mal angezeigt|an einem sicheren ort (aufbewahren|speichern)|nach dem schließen (dieses|des) (fensters|dialogs)/i,
  /ne pourrez plus (le|la|les) (voir|afficher|consulter|récupérer)|ne sera plus (visible|affichée?)|affichée? qu['’]une seule fois|(la|c['’]est la) seule fois où|(conservez|gardez|stockez|enregistrez)[- ]?(la|le)? (en lieu sûr|dans un endroit sûr)|après (avoir )?fermé (cette|la) fenêtre/i,
  /no podrás volver a (verla|verlo|ver)|no (se )?(podrá|podrás) (ver|mostrar)(la|lo)? de nuevo|no se (volverá a )?mostrar(á)? (de nuevo|otra vez)|solo se mostrará una vez|(es|será) la única vez|guárd(ala|alo|ela|elo|a) en un (lugar|sitio) seguro|después de cerrar (esta|la) (ventana|página)/i,
  /一度しか表示されません|再度表示することはできません|二度と表示されません|再表示(でき|され)ません|閉じると.{0,12}(表示|確認)できません|安全な場所に保管/,
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

/** Titles of the form that creates a key (platform dialog, admin console). */
export const CREATE_FORM_WORDING: readonly RegExp[] = [
  /create (new )?(secret|admin|api)? ?key/i,
  /neuen (geheimen )?schlüssel erstellen|schlüssel erstellen/i,
  /créer une (nouvelle )?clé/i,
  /crear (una )?(nueva )?clave/i,
  /crea(re)? (una )?(nuova )?chiave/i,
  /criar (nova )?chave/i,
  /(新しい)?(シークレット)?キーを作成/,
  /(새 )?(비밀 )?키 (만들기|생성)/,
  /创建(新的)?(密钥|秘钥)/,
];

export const OWNED_BY_LABELS = [
  'Owned by',
  'Owner',
  'Eigentümer',
  'Besitzer',
  'Propriétaire',
  'Propietario',
  'Proprietario',
  'Proprietário',
  '所有者',
  '소유자',
];
export const PROJECT_LABELS = [
  'Project',
  'Projekt',
  'Projet',
  'Proyecto',
  'Progetto',
  'Projeto',
  'プロジェクト',
  '프로젝트',
  '项目',
];
export const PERMISSIONS_LABELS = [
  'Permissions',
  'Berechtigungen',
  'Autorisations',
  'Permisos',
  'Permessi',
  'Permissões',
  '権限',
  '권한',
  '权限',
];

/** The default project, as the project picker names it. */
export const DEFAULT_PROJECT =
  /^(default project|standardprojekt|projet par défaut|proyecto predeterminado|progetto predefinito|projeto padrão|デフォルトプロジェクト|기본 프로젝트|默认项目)$/i;
/** "All" permissions. */
export const ALL_PERMISSIONS = /^(all|alle|tous|toutes|todos|todas|tutti|tutte|すべて|전체|全部)$/i;
/** Admin keys' "Read only" permissions (no delete: Skyhigh's remediation cannot work). */
export const READ_ONLY =
  /read[ -]?only|nur lesen|schreibgeschützt|lecture seule|solo lectura|sólo lectura|読み取り専用/i;
/**
 * The Admin Console's choice of permissions picked one by one: *Custom* now, *Restricted* before
 * (the choices were All / Read only / Restricted and are All / Read only / Custom).
 */
export const CUSTOM_PERMISSIONS =
  /^(custom|restricted|benutzerdefiniert|eingeschränkt|personnalisées?|restreintes?|personalizad[oa]s?|restringid[oa]s?|カスタム|制限付き)$/i;
export const SERVICE_ACCOUNT = /service|dienst|servicio|servizio|serviço|サービス|서비스|服务/i;
export const YOU = /^(you|me|myself|du|ich|vous|moi|tú|tu|yo|você|eu|あなた|自分|나|您|你)$/i;

/** An Admin key's expiry, as a row of its one-time view or a column of the Admin keys list. */
export const EXPIRES_LABELS = [
  'Expires',
  'Expiration',
  'Expiry',
  'Expires on',
  'Expiration date',
  'Läuft ab',
  'Ablaufdatum',
  'Ablauf',
  'Gültig bis',
  'Expire le',
  'Expiration le',
  "Date d'expiration",
  'Caduca',
  'Vence',
  'Vencimiento',
  'Fecha de caducidad',
  'Fecha de vencimiento',
  '有効期限',
  '期限',
];
/** The Admin key form's workspace and expiration controls (short lists: this is in the form's script). */
export const FORM_WORKSPACE_LABELS = [
  'Workspace',
  'Arbeitsbereich',
  'Espace de travail',
  'Espacio de trabajo',
  'ワークスペース',
];
export const FORM_EXPIRATION_LABELS = [
  'Expiration',
  'Expires',
  'Ablauf',
  'Ablaufdatum',
  'Caducidad',
  'Vencimiento',
  '有効期限',
];
/** The labels of the create form's choices (what follows the key's name there, and ends its value). */
export const CHOICE_LABELS: readonly string[] = [
  ...OWNED_BY_LABELS,
  ...PROJECT_LABELS,
  ...PERMISSIONS_LABELS,
  ...FORM_WORKSPACE_LABELS,
  ...FORM_EXPIRATION_LABELS,
];
/** "Never" as an expiry. */
export const NEVER_EXPIRES =
  /^(never|no expiration|nie|niemals|kein ablauf|jamais|aucune|nunca|sin vencimiento|なし|無期限|期限なし)$/i;
/** The workspace a key is made for, as a row of the one-time view or the Admin Console's picker. */
export const WORKSPACE_LABELS = [
  'Workspace',
  'Arbeitsbereich',
  'Espace de travail',
  'Espacio de trabajo',
  'ワークスペース',
];
export const WORKSPACE_PICKER_LABEL =
  /^(workspace|arbeitsbereich|espace de travail|espacio de trabajo|ワークスペース)\s*[:：]?$/i;

/** The keys list's "CREATED BY" column header. */
export const CREATED_BY_HEADERS = [
  'Created by',
  'Erstellt von',
  'Créé par',
  'Creado por',
  'Creato da',
  'Criado por',
  '作成者',
  '만든 사람',
  '创建者',
];
export const NAME_HEADERS = ['Name', 'Nom', 'Nombre', 'Nome', '名前', '이름', '名称'];
export const SECRET_KEY_HEADERS = [
  'Secret key',
  'Key',
  'Geheimer Schlüssel',
  'Schlüssel',
  'Clé secrète',
  'Clave secreta',
  'Clave',
  'Chiave segreta',
  'Chave secreta',
  'シークレットキー',
  '비밀 키',
  '密钥',
];

/** A button that copies (the site's own Copy button). */
export const COPY_BUTTON =
  /^(copy( (the )?(secret|key|secret key|api key|admin key|token))?|copy to clipboard|(schlüssel |geheimnis )?kopieren|in die zwischenablage kopieren|copier( la clé| le secret)?|copiar( la)?( clave| secreto)?|copia|(キーを)?コピー|복사|复制)$/i;
/** A button that closes the secret view. */
export const CLOSE_BUTTON =
  /^(done|close|ok|×|✕|x|i['’]ve saved it|i have saved it|i saved it|i['’]ve copied it|got it|fertig|schließen|gespeichert|terminé|fermer|c['’]est noté|listo|hecho|cerrar|ya la guardé|fatto|chiudi|concluído|fechar|完了|閉じる|保存しました|완료|닫기|完成|关闭)$/i;

/** How the organisation picker is named (its aria-label, or the text just before it). */
export const ORG_PICKER_LABEL =
  /^(organi[sz]ation|organisation|organización|organizzazione|organização|組織|조직|组织)\s*[:：]?$/i;
