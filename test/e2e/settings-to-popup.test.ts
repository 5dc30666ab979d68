/** First slice through every layer: the settings capture is read, stored, and shown by the popup. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture } from './flows';
import { type Harness, launch, until } from './harness';

describe('settings page → popup', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the Workspace ID and Organization ID read from the settings capture', async () => {
    h.serve('https://chatgpt.com/admin/settings', capture('chatgpt-settings', 'en-general-dl'));
    const page = await h.context.newPage();
    await page.goto('https://chatgpt.com/admin/settings');
    const popup = await h.openPopup();
    const shown = await until(
      async () => {
        await popup.reload();
        const ws = await popup.locator('[data-field="workspaceId"]').textContent();
        return ws?.includes('f7f33107') ? ws : null;
      },
      8000,
      300,
    );
    expect(shown).toBe('f7f33107-5fb9-4ee1-8922-3eae76b5b5a0');
    await expect(popup.locator('[data-field="organizationId"]').textContent()).resolves.toBe(
      'org-p13k3klgno5cqxbf0q8hpgrk',
    );
  });
});
