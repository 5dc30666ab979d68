/** The popup and the options page with the keyboard alone. */
import { describe, expect, it } from 'vitest';
import { stateOf } from './flows';
import { focusedName, tabTo, useHarness } from './harness';

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const ORG = 'org-p13k3klgno5cqxbf0q8hpgrk';
const KEY = 'sk-mOWgzQSVHpR49ZjT3v6SdNrmFAH16bK9nO7XPyqAOX2KL3Ad';

describe('keyboard alone', () => {
  const h = useHarness();

  it('works through the popup: marks, the key for the hand-off, the summary', async () => {
    const popup = await h.openPopup();
    // biome-ignore lint/suspicious/noExplicitAny: the extension page's chrome.* global
    await popup.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), {
      type: 'ids/set',
      workspaceId: WS,
      organizationId: ORG,
    });
    await popup.reload();

    expect(await tabTo(popup, 'I sent the e-mail')).toBe(true);
    await popup.keyboard.press('Space');
    await expect.poll(async () => (await stateOf(h)).state.records[WS]?.emailSentAt).toBeGreaterThan(0);
    await expect
      .poll(() => popup.locator('[data-step="scopes"]').getAttribute('data-status'))
      .toBe('waiting');

    expect(await tabTo(popup, 'OpenAI granted the scopes')).toBe(true);
    await popup.keyboard.press('Enter');
    await expect.poll(async () => (await stateOf(h)).state.records[WS]?.scopesGrantedAt).toBeGreaterThan(0);

    expect(await tabTo(popup, 'API key to hand to Skyhigh CASB (kept in memory only)')).toBe(true);
    await popup.keyboard.type(KEY);
    await popup.keyboard.press('Enter');
    await expect.poll(async () => (await stateOf(h)).secretHeldUntil).toBeGreaterThan(Date.now());
    expect(JSON.stringify(await h.storage('local'))).not.toContain(KEY);

    expect(await tabTo(popup, 'Copy summary')).toBe(true);
    expect(await focusedName(popup)).toBe('Copy summary');
  });

  it('works through the options page: console, key lifetime', async () => {
    const options = await h.context.newPage();
    await options.goto(h.extensionUrl('src/options/index.html'));
    await options.locator('select').first().waitFor();
    await options.keyboard.press('Tab');
    expect(await options.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await options.keyboard.press('ArrowDown');
    await expect.poll(async () => (await stateOf(h)).state.settings.consoleHost).toBe('www.myshn.eu');

    expect(await tabTo(options, 'Forget a held API key after (minutes)')).toBe(true);
    await options.keyboard.press('Control+A');
    await options.keyboard.type('45');
    await options.keyboard.press('Tab');
    await expect.poll(async () => (await stateOf(h)).state.settings.keyTtlMinutes).toBe(45);

    await options.keyboard.press('Space'); // the clipboard box, next after the lifetime
    await expect.poll(async () => (await stateOf(h)).state.settings.clearClipboard).toBe(false);
    await options.keyboard.press('Tab');
    await options.keyboard.press('ArrowDown');
    await expect.poll(async () => (await stateOf(h)).state.settings.emailLanguage).toBe('ui');
  });
});
