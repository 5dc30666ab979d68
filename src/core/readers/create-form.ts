/**
 * The "Create new secret key" form (platform) or its admin-console equivalent: what the admin chose,
 * and the choices that will not work with Skyhigh CASB.
 */
import { DIALOG_SELECTOR, isHidden, queryEscaped } from '../dom';
import {
  ALL_PERMISSIONS,
  CHOICE_LABELS,
  CREATE_FORM_WORDING,
  CUSTOM_PERMISSIONS,
  DEFAULT_PROJECT,
  FORM_EXPIRATION_LABELS,
  FORM_WORKSPACE_LABELS,
  OWNED_BY_LABELS,
  PERMISSIONS_LABELS,
  PROJECT_LABELS,
  READ_ONLY,
  SERVICE_ACCOUNT,
  YOU,
} from '../sites/openai';
import type { OwnerType } from '../state';
import { cleanText, labelMatcher } from '../text';
import { secretShownIn } from './key-dialog';
import { keyNameIn } from './key-name';
import { findLabels, type LabelSpec, valueScope } from './labelled';

export interface CreateFormInfo {
  container: Element;
  name?: string;
  ownerType?: OwnerType;
  project?: string;
  permissions?: string;
  /** An Admin key form's choices: the workspace and the expiration, as shown ("30 days", "Never"). */
  workspaceName?: string;
  expiration?: string;
}

export type FormFlag =
  | 'project-not-default'
  | 'permissions-not-all'
  | 'permissions-read-only'
  | 'permissions-custom';

/** Any label of the form: a choice's, or the name's (once, not per read). */
const isAnyFormLabel = labelMatcher([...CHOICE_LABELS, 'Name', 'Service Key Name']);

const choiceSpec = (labels: readonly string[]): LabelSpec => ({
  isLabel: labelMatcher(labels),
  isAnyLabel: isAnyFormLabel,
});
/** Each choice's label lookup, made once (the form is read again on every keystroke and click in it). */
const OWNED_BY = choiceSpec(OWNED_BY_LABELS);
const PROJECT = choiceSpec(PROJECT_LABELS);
const PERMISSIONS = choiceSpec(PERMISSIONS_LABELS);
const WORKSPACE = choiceSpec(FORM_WORKSPACE_LABELS);
const EXPIRATION = choiceSpec(FORM_EXPIRATION_LABELS);

/** The option shown as chosen among `nodes`: a checked radio, a pressed/selected toggle, a select, a combobox. */
export function chosenIn(nodes: Node[]): string | null {
  for (const node of nodes) {
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const scope = [el, ...el.querySelectorAll('*')];
    for (const c of scope) {
      if (
        c.tagName === 'INPUT' &&
        (c as HTMLInputElement).type === 'radio' &&
        (c as HTMLInputElement).checked
      ) {
        const id = c.id;
        const [forLabel] = id ? queryEscaped(c.ownerDocument, (esc) => `label[for="${esc(id)}"]`) : [];
        const label = forLabel ?? c.closest('label');
        return (
          cleanText(label?.textContent) ||
          cleanText(c.getAttribute('aria-label')) ||
          cleanText((c as HTMLInputElement).value)
        );
      }
      const role = c.getAttribute('role');
      if (
        ((role === 'radio' || role === 'option' || role === 'menuitemradio') &&
          c.getAttribute('aria-checked') === 'true') ||
        ((role === 'tab' || role === 'option') && c.getAttribute('aria-selected') === 'true') ||
        c.getAttribute('aria-pressed') === 'true'
      ) {
        return cleanText(c.textContent) || cleanText(c.getAttribute('aria-label'));
      }
      if (c.tagName === 'SELECT') {
        // a select without options has nothing chosen
        return cleanText((c as HTMLSelectElement).selectedOptions[0]?.textContent);
      }
      if (role === 'combobox' || (c.tagName === 'BUTTON' && c.hasAttribute('aria-haspopup'))) {
        return cleanText((c as HTMLInputElement).value) || cleanText(c.textContent);
      }
    }
  }
  return null;
}

function readChoice(container: Element, spec: LabelSpec): string | undefined {
  const values = new Set<string>();
  for (const label of findLabels(spec, container)) {
    const scope = valueScope(spec, label, container, (nodes) => chosenIn(nodes) !== null);
    const v = scope ? chosenIn(scope) : null;
    if (v) values.add(v);
  }
  return values.size === 1 ? [...values][0] : undefined;
}

/** The visible key-creation form, if one is open (and it is not already showing a secret). */
export function findCreateForm(root: ParentNode): Element | null {
  for (const dialog of (root as Element | Document).querySelectorAll(DIALOG_SELECTOR)) {
    if (isHidden(dialog)) continue;
    const text = dialog.textContent ?? '';
    if (!CREATE_FORM_WORDING.some((re) => re.test(text))) continue;
    if (!dialog.querySelector('input, textarea, select, [role="combobox"], [role="radio"]')) continue;
    if (secretShownIn(dialog)) continue;
    return dialog;
  }
  return null;
}

export function readCreateForm(container: Element): CreateFormInfo {
  const info: CreateFormInfo = { container };
  const name = keyNameIn(container);
  if (name) info.name = name;
  const owner = readChoice(container, OWNED_BY);
  if (owner && SERVICE_ACCOUNT.test(owner)) info.ownerType = 'service-account';
  else if (owner && YOU.test(owner)) info.ownerType = 'you';
  const project = readChoice(container, PROJECT);
  if (project) info.project = project;
  const permissions = readChoice(container, PERMISSIONS);
  if (permissions) info.permissions = permissions;
  // the form's own workspace control, else the page's workspace picker (the Admin Console's top bar)
  const workspaceName =
    readChoice(container, WORKSPACE) ?? readChoice(container.ownerDocument.body, WORKSPACE);
  if (workspaceName) info.workspaceName = workspaceName;
  const expiration = readChoice(container, EXPIRATION);
  if (expiration) info.expiration = expiration;
  return info;
}

/**
 * Choices Skyhigh's guide does not document: another project, permissions other than All; for an
 * Admin key (Admin Console), Read only (Skyhigh's remediation deletes content) and Custom (or, as
 * the choice was named before, Restricted: whether they read and delete compliance data is unsaid).
 */
export function formFlags(info: Omit<CreateFormInfo, 'container'> & { site?: string }): FormFlag[] {
  const flags: FormFlag[] = [];
  if (info.site === 'admin-console') {
    if (info.permissions && READ_ONLY.test(info.permissions)) flags.push('permissions-read-only');
    // picked one by one: whether reading and deleting compliance data are among them is not shown
    else if (info.permissions && CUSTOM_PERMISSIONS.test(info.permissions)) flags.push('permissions-custom');
    return flags;
  }
  if (info.project && !DEFAULT_PROJECT.test(info.project)) flags.push('project-not-default');
  if (info.ownerType !== 'service-account' && info.permissions && !ALL_PERMISSIONS.test(info.permissions)) {
    flags.push('permissions-not-all');
  }
  return flags;
}
