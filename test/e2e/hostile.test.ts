/**
 * The promises against the pages' own scripts, look-alike hosts and broken state. Each test here is
 * named in SECURITY.md.
 */
import { describe, expect, it } from 'vitest';
import { capture, SETTINGS_URL, stateOf } from './flows';
import { accessibleNames, sleep, until, useHarness } from './harness';

const KEY =
  'sk-proj-Hq2Lr8Tz5Wc1Yv7Nb3Mk9Pd6Sf0Gj4Xa2Ue8Io5Kt1Rw7Ey3Qn9Zb6Vc4Lm0Hs8Jd2Fg5Ap1Ox7Ki3Uy9Tr6We0Qz';
const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const ORG = 'org-p13k3klgno5cqxbf0q8hpgrk';

/** A key page whose own script fakes a secret dialog, then tries every way to drive the extension. */
const HOSTILE_KEY_PAGE = `<!doctype html><html><body><main><h1>API keys</h1></main>
<script>
  const report = (window.report = { shadow: 'untested', clicked: 0 });
  const d = document.createElement('div');
  d.setAttribute('role', 'dialog');
  d.innerHTML = '<h2>Save your key</h2><p>You won\\'t be able to view it again.</p><input readonly value="${KEY}"><button>Done</button>';
  document.body.append(d);
  setTimeout(() => {
    for (const el of document.querySelectorAll('*')) {
      if (el.shadowRoot !== undefined) report.shadow = String(el.shadowRoot);
      // an open shadow root would let the page reach the extension's buttons: try them all
      for (const inner of el.shadowRoot ? el.shadowRoot.querySelectorAll('button') : []) inner.click();
      for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click']) {
        el.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
      }
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      if (typeof el.click === 'function') el.click();
      report.clicked++;
    }
    const hit = document.elementFromPoint(innerWidth - 40, innerHeight - 40);
    hit?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    for (const type of ['key/hold', 'secret/hold', 'handoff/start', 'state/get']) {
      window.postMessage({ type, secret: '${KEY}' }, '*');
    }
    report.chrome = typeof chrome !== 'undefined' && !!chrome.runtime && typeof chrome.runtime.sendMessage;
    report.done = true;
  }, 800);
</script></body></html>`;

describe('hostile pages, look-alike hosts, broken state', () => {
  const h = useHarness();

  it('a page script that fakes a secret dialog and clicks everything gets no stored secret and no hand-off', async () => {
    h.serve('https://platform.openai.com/api-keys', HOSTILE_KEY_PAGE);
    const page = await h.context.newPage();
    await page.goto('https://platform.openai.com/api-keys');
    // the reminder is there (the page looks like a real secret view) ...
    expect(
      await until(async () => (await accessibleNames(page)).includes('Hand this key to Skyhigh CASB'), 5000),
    ).toBe(true);
    await until(
      () => page.evaluate(() => (window as unknown as { report: { done?: boolean } }).report.done),
      5000,
    );
    await sleep(500);
    const session = await h.storage('session');
    expect(session.secret).toBeUndefined();
    expect(session.handoff).toBeUndefined();
    expect(JSON.stringify(await h.storage('local'))).not.toContain(KEY.slice(10, 40));
    // ... and why: the page sees no shadow root and no extension API
    const report = await page.evaluate(
      () => (window as unknown as { report: Record<string, unknown> }).report,
    );
    expect(report.shadow).toBe('null');
    expect(report.clicked).toBeGreaterThan(5);
    expect(report.chrome).toBe(false);
  });

  it('synthetic clicks on the settings chip forget nothing', async () => {
    h.serve(SETTINGS_URL, capture('chatgpt-settings', 'en-general-dl'));
    const page = await h.context.newPage();
    await page.goto(SETTINGS_URL);
    expect(await until(async () => (await accessibleNames(page)).includes('Forget'), 5000)).toBe(true);
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('*')) {
        el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      }
    });
    await sleep(300);
    expect(Object.keys((await stateOf(h)).state.records)).toEqual([WS]);
  });

  it('fills the console page but never a form in a frame of another origin inside it', async () => {
    const url = 'https://www.myshn.net/shndash/';
    const frame = `<label for=w>Workspace ID</label><input id=w><label for=k>API Key</label><input id=k>`;
    h.serve(
      url,
      `<!doctype html><body><h1>OpenAI - ChatGPT: new instance</h1><form><label for="ws">Workspace ID</label><input id="ws"><label for="key">API Key</label><input id="key" type="password"></form>
       <iframe sandbox="allow-scripts allow-forms" srcdoc="${frame}"></iframe></body>`,
    );
    const popup = await h.openPopup();
    // biome-ignore lint/suspicious/noExplicitAny: the extension page's chrome.* global
    const send = (m: unknown) => popup.evaluate((x) => (globalThis as any).chrome.runtime.sendMessage(x), m);
    await send({ type: 'ids/set', workspaceId: WS, organizationId: ORG });
    await send({ type: 'secret/hold', secret: KEY });
    const page = await h.context.newPage();
    await page.goto(url);
    await until(async () => ((await h.storage('session')).consoleTabs as number[] | undefined)?.length, 5000);
    await send({ type: 'handoff/start' });
    expect(await until(async () => (await page.inputValue('#ws')) === WS, 5000)).toBe(true);
    const inner = page.frames().find((f) => f !== page.mainFrame());
    expect(await inner?.inputValue('#w')).toBe('');
    expect(await inner?.inputValue('#k')).toBe('');
  });

  it('abandons the fill when the console tab moves to another origin before the form appears', async () => {
    const consoleUrl = 'https://www.myshn.net/shndash/';
    const evilUrl = 'https://www.myshn.net.evil.example/shndash/';
    h.serve(consoleUrl, '<!doctype html><body><p>Service Management (the form is not open yet)</p></body>');
    h.serve(evilUrl, capture('skyhigh-form', 'lookalike-refuse'));
    const popup = await h.openPopup();
    // biome-ignore lint/suspicious/noExplicitAny: the extension page's chrome.* global
    const send = (m: unknown) => popup.evaluate((x) => (globalThis as any).chrome.runtime.sendMessage(x), m);
    await send({ type: 'ids/set', workspaceId: WS });
    await send({ type: 'secret/hold', secret: KEY });
    const page = await h.context.newPage();
    await page.goto(consoleUrl);
    await until(async () => ((await h.storage('session')).consoleTabs as number[] | undefined)?.length, 5000);
    await send({ type: 'handoff/start' });
    expect(await until(async () => (await stateOf(h)).lastHandoff?.status === 'sent', 5000)).toBe(true);
    await page.goto(evilUrl);
    await sleep(1500);
    expect(await page.inputValue('#ws')).toBe('');
    expect(await page.inputValue('#key')).toBe('');
    expect((await stateOf(h)).lastHandoff?.status).toBe('sent');
  });

  it('resets a corrupt record with a message to the admin, without a crash', async () => {
    await h.sw(async () => {
      // biome-ignore lint/suspicious/noExplicitAny: the service worker's chrome.* global
      await (globalThis as any).chrome.storage.local.set({ onboarding: { version: 0, records: 'garbage' } });
    });
    const popup = await h.openPopup();
    await popup.locator('.steps').waitFor();
    expect(await popup.getByRole('alert').first().textContent()).toContain('could not be read and was reset');
    expect(await popup.locator('[data-progress]').getAttribute('data-progress')).toBe('0/6');
  });

  it('loses nothing when two tabs capture at once', async () => {
    const other = '3b8f2c1e-9d4a-4f6b-a2c3-5e7d9f1b7a84';
    h.serve(`${SETTINGS_URL}?tab=a`, capture('chatgpt-settings', 'en-general-dl'));
    h.serve(`${SETTINGS_URL}?tab=b`, capture('chatgpt-settings', 'de-table'));
    const [a, b] = await Promise.all([h.context.newPage(), h.context.newPage()]);
    await Promise.all([a.goto(`${SETTINGS_URL}?tab=a`), b.goto(`${SETTINGS_URL}?tab=b`)]);
    const records = await until(async () => {
      const r = (await stateOf(h)).state.records;
      return r[WS] && r[other] ? r : null;
    }, 5000);
    expect(records?.[WS]?.organizationId).toBe(ORG);
    expect(records?.[other]?.organizationId).toBe('org-Zq81mLx0pA7vR2bN4cT9dWe3');
  });

  // last: it reloads the extension under the open page
  it('throws nothing into the page and removes its chip when the extension is reloaded', async () => {
    h.serve(SETTINGS_URL, capture('chatgpt-settings', 'en-general-dl'));
    const page = await h.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' || /context invalidated/i.test(m.text())) errors.push(m.text());
    });
    await page.goto(SETTINGS_URL);
    expect(await until(async () => (await accessibleNames(page)).includes('Forget'), 5000)).toBe(true);
    // biome-ignore lint/suspicious/noExplicitAny: the service worker's chrome.* global
    await h.worker.evaluate(() => (globalThis as any).chrome.runtime.reload()).catch(() => undefined);
    await sleep(1000);
    // the single-page app navigates and renders: the old content script notices it is orphaned
    await page.evaluate(() => {
      history.pushState({}, '', '/admin/settings?after-reload');
      document.body.append(Object.assign(document.createElement('p'), { textContent: 'Workspace ID' }));
    });
    expect(await until(async () => !(await accessibleNames(page)).includes('Forget'), 3000)).toBe(true);
    expect(errors).toEqual([]);
  });
});
