/**
 * The popup and the options page pass axe-core's WCAG 2 A/AA rules (contrast included) in light
 * and in dark mode. (The in-page UI sits in closed shadow roots, where axe cannot look.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useHarness } from './harness';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  nodes: { target: unknown[] }[];
}

/** axe in the page, through the DevTools protocol (extension pages allow no injected scripts). */
async function violations(page: Page, include?: string): Promise<string[]> {
  const result = (await page.evaluate(
    `(async () => { ${AXE}; return axe.run(${include ? JSON.stringify(include) : 'document'}, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } }); })()`,
  )) as { violations: Violation[] };
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

describe('accessibility (axe-core, WCAG 2 A and AA)', () => {
  const h = useHarness();

  async function popup(scheme: 'light' | 'dark'): Promise<string[]> {
    const page = await h.openPopup();
    // biome-ignore lint/suspicious/noExplicitAny: the extension page's chrome.* global
    await page.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), {
      type: 'ids/set',
      workspaceId: 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0',
      organizationId: 'org-p13k3klgno5cqxbf0q8hpgrk',
    });
    await page.emulateMedia({ colorScheme: scheme });
    await page.reload();
    await page.locator('.steps').waitFor();
    await page.locator('[data-step="email"] summary').click();
    return violations(page);
  }

  async function options(scheme: 'light' | 'dark'): Promise<string[]> {
    const page = await h.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(h.extensionUrl('src/options/index.html'));
    await page.locator('select').first().waitFor();
    return violations(page);
  }

  it('popup, light mode', async () => expect(await popup('light')).toEqual([]));
  it('popup, dark mode', async () => expect(await popup('dark')).toEqual([]));
  it('options page, light mode', async () => expect(await options('light')).toEqual([]));
  it('options page, dark mode', async () => expect(await options('dark')).toEqual([]));
});
