/** What the end-to-end tests of every browser serve and expect: captures, URLs, the flow's key. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OWN_FIXTURES } from '../pages/cases';

export const capture = (kind: string, name: string) =>
  readFileSync(join(OWN_FIXTURES, kind, `${name}.html`), 'utf8');

export const SETTINGS_URL = 'https://chatgpt.com/admin/settings';
export const FLOW_URL = 'https://platform.openai.com/api-keys';
export const FLOW_KEY =
  'sk-proj-7VTjdj6WmtBrT3GSH8x9cazQUz6h0XeXwhv166wn_uQwU30blyqsZYJDviFkhNxP5EvPyuJprkrnFflVzEmJvqokwWQcuHABBzKzy';
export const flowPage = () => capture('key-dialog', 'platform-create-flow');
/** The Skyhigh console's ChatGPT instance form, as the full flow serves it. */
export const CONSOLE_URL = 'https://www.myshn.net/shndash/#/settings/service-management/openai-chatgpt/new';
/** What the settings capture en-general-dl holds. */
export const WORKSPACE_ID = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
export const ORGANIZATION_ID = 'org-p13k3klgno5cqxbf0q8hpgrk';

/** The Admin Console's Admin keys of the flow's workspace, and the key its capture admin-console-en-expiry shows. */
export const ADMIN_KEYS_URL = `https://admin.openai.com/workspace/${WORKSPACE_ID}/credentials/admin-keys`;
export const ADMIN_KEY = 'sk-admin-hWJXoklmz99C7KLkZ0mErJ16qqD6NbVD5AduQ40iem2SMXFOJhO7B7fWCjWg8NWM';
export const DAY = 24 * 60 * 60_000;

/**
 * The capture admin-console-en-expiry with its expiry moved to `expires` (60 days from today in most
 * tests, so that no rotation is due while they run).
 */
export function adminKeyPage(expires: number): string {
  const text = new Date(expires).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const page = capture('key-dialog', 'admin-console-en-expiry');
  if (!page.includes('Dec 28, 2026')) throw new Error('admin-console-en-expiry no longer shows Dec 28, 2026');
  return page.replaceAll('Dec 28, 2026', text);
}

/** The support e-mail as the popup shows it, rebuilt from its mailto: link (they must agree). */
export function mailtoAsText(mailto: string): { text: string; body: string } {
  const query = new URLSearchParams(mailto.slice(mailto.indexOf('?') + 1).replace(/\+/g, '%2B'));
  const body = query.get('body')?.replace(/\r\n/g, '\n') ?? '';
  return { text: `To: support@openai.com\nSubject: ${query.get('subject')}\n\n${body}`, body };
}
