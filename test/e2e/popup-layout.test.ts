/**
 * The popup at its real size, 400×600: the step to do next is open and its action is on screen
 * without scrolling, from the start to the last step; done steps fold to one line (and open again
 * from the keyboard); the progress line counts what the icon's badge counts.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKey, FLOW_URL, flowPage, stateOf } from './flows';
import { clickByName, type Harness, launch, until } from './harness';

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const ORG = 'org-p13k3klgno5cqxbf0q8hpgrk';
const SIZE = { width: 400, height: 600 };

describe('the popup at 400×600', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: 'https://platform.openai.com',
    });
    h.serve(FLOW_URL, flowPage());
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The popup opened at its size (the size is set before it loads, as the browser does). */
  async function popup(): Promise<Page> {
    const page = await h.context.newPage();
    await page.setViewportSize(SIZE);
    await page.goto(h.extensionUrl('src/popup/index.html'));
    await page.locator('.steps').waitFor();
    return page;
  }

  const send = (page: Page, m: unknown) =>
    // biome-ignore lint/suspicious/noExplicitAny: the extension page's chrome.* global
    page.evaluate((x) => (globalThis as any).chrome.runtime.sendMessage(x), m);

  /** Whole inside the viewport, as it is on open (the admin has not scrolled). */
  async function onScreen(target: Locator): Promise<string> {
    const box = await target.boundingBox();
    if (!box) return 'not shown';
    const fits =
      box.x >= 0 && box.y >= 0 && box.x + box.width <= SIZE.width && box.y + box.height <= SIZE.height;
    return fits ? 'on screen' : `off screen at ${JSON.stringify(box)}`;
  }

  /**
   * The current step is `step`, open, and its action(s) on screen; done steps are folded to one
   * line; the progress agrees with the badge.
   */
  async function expectNext(step: string, actions: [role: 'button' | 'link', name: string][]) {
    const p = await popup();
    const current = p.locator('[aria-current="step"]');
    expect(await current.getAttribute('data-step')).toBe(step);
    expect(await current.locator('.toggle').getAttribute('aria-expanded')).toBe('true');
    for (const [role, name] of actions) {
      const action = current.getByRole(role, { name, exact: true });
      expect(await action.count(), `${step}: ${name}`).toBe(1);
      expect(await onScreen(action), `${step}: ${name}`).toBe('on screen');
    }
    // nothing before the current step is left open: every earlier step is done and folded
    const before = await p.evaluate(() => {
      const all = [...document.querySelectorAll<HTMLElement>('[data-step]')];
      const i = all.findIndex((li) => li.getAttribute('aria-current') === 'step');
      return all.slice(0, i).map((li) => ({
        status: li.dataset.status,
        expanded: li.querySelector('.toggle')?.getAttribute('aria-expanded'),
        hidden: (li.querySelector('.body') as HTMLElement | null)?.hidden,
        height: li.getBoundingClientRect().height,
      }));
    });
    for (const b of before) {
      expect(b).toMatchObject({ status: 'done', expanded: 'false', hidden: true });
      // its heading alone: one line, or two when the name leaves no room for the date
      expect(b.height, 'a folded step shows its heading alone').toBeLessThan(56);
    }
    // "N of 6 steps done · M left", and the icon's badge says M
    const left = Number(await p.locator('[data-progress]').getAttribute('data-left'));
    expect(await p.locator('[data-progress]').getAttribute('data-progress')).toBe(`${6 - left}/6`);
    // biome-ignore lint/suspicious/noExplicitAny: the service worker's chrome.* global
    const badge = await h.sw(() => (globalThis as any).chrome.action.getBadgeText({}));
    expect(badge).toBe(left > 0 ? String(left) : '');
    await p.close();
  }

  it('at the start: step 1 and its page, on screen', async () => {
    await expectNext('createKey', [['link', 'Open the API keys page']]);
  });

  it('mid-way: the next action is on screen at every step, done steps folded above it', async () => {
    const setup = await popup();
    await send(setup, { type: 'ids/set', workspaceId: WS, organizationId: ORG });
    const keys = await h.context.newPage();
    await keys.goto(FLOW_URL);
    await createKey(keys);
    expect(await until(async () => (await stateOf(h)).state.records[WS]?.key, 5000)).toBeTruthy();
    // IDs and key captured, the key not copied yet
    await expectNext('keepKey', [['link', 'Open the API keys page']]);

    expect(await clickByName(keys, 'Copy key')).toBe(true);
    expect(await until(async () => (await stateOf(h)).state.records[WS]?.key?.copiedAt, 5000)).toBeTruthy();
    await expectNext('email', [['link', 'Open in mail app']]);

    await send(setup, { type: 'record/mark', mark: 'email-sent', on: true });
    await expectNext('scopes', [
      ['button', 'Check access'],
      ['button', 'OpenAI granted the scopes'],
    ]);

    await send(setup, { type: 'record/mark', mark: 'scopes-granted', on: true });
    await expectNext('skyhigh', [['button', 'Open Skyhigh CASB and fill']]);
    await keys.close();
    await setup.close();
  });

  it('a folded step opens and folds again from the keyboard', async () => {
    const setup = await popup();
    await send(setup, { type: 'ids/set', workspaceId: WS, organizationId: ORG });
    await setup.close();
    const p = await popup();
    const ids = p.locator('[data-step="ids"]');
    // the IDs step, done when the popup opens, is folded
    expect(await ids.getAttribute('data-status')).toBe('done');
    const toggle = ids.locator('.toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await ids.locator('[data-field="workspaceId"]').isVisible()).toBe(false);
    await toggle.focus();
    await p.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await ids.locator('[data-field="workspaceId"]').textContent()).toBe(WS);
    expect(await ids.locator('[data-field="workspaceId"]').isVisible()).toBe(true);
    await p.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await ids.locator('[data-field="workspaceId"]').isVisible()).toBe(false);
    // the folded line names the step and says when it was done
    expect(await toggle.textContent()).toContain('Read the Workspace ID and Organization ID');
    expect(await toggle.locator('[data-done-at]').textContent()).toContain(String(new Date().getFullYear()));
    await p.close();
  });
});
