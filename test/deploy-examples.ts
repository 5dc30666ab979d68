/** The policy examples of docs/deploy.md, as the tests use them (a fenced json block after its marker). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const DOC = resolve(import.meta.dirname, '../docs/deploy.md');

export function deployExample(name: 'chromium-policy' | 'firefox-policies'): string {
  const text = readFileSync(DOC, 'utf8');
  const m = new RegExp(`<!-- example: ${name}\\b[^>]*-->\\s*\`\`\`json\\n([\\s\\S]*?)\\n\`\`\``).exec(text);
  if (!m?.[1]) throw new Error(`docs/deploy.md has no example "${name}"`);
  return m[1];
}
