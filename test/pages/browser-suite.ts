/**
 * The browser suite of the page captures, whatever the browser: every capture served at its real
 * URL to a browser with the built extension, judged by what the extension did (stored, showed,
 * filled), through the same paths an admin uses. browser.test.ts runs it in Chromium,
 * firefox.test.ts in Firefox; both give the same verdict on the same captures.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { guideFlags } from '../../src/core/guide';
import type { KeyForm, KeyInfo, StateView } from '../../src/core/state';
import { sleep, until } from '../shared/wait';
import { allCases, guideState, type PageCase, type SkyhighValues } from './cases';
import { formDifferences } from './checks';

/** How long a late capture may take before the suite calls it missing. */
const LATE_MS = 8000;
/**
 * After the expected values arrived (or at once for negative cases), how long nothing else may come.
 * The content scripts read a static capture at document_idle and a changed page within 50 ms; over
 * a second of quiet is many times that, and keeps the suite (about 90 cases per browser) short.
 */
const QUIET_MS = 1200;

/** What the suite needs of a browser with the extension in it. */
export interface CaptureBrowser<P> {
  /** Shown in the suite's name: `page captures (<name>)`. */
  name: string;
  launch(): Promise<void>;
  close(): Promise<void>;
  /** Before each case: nothing served, no page open, empty storage. */
  reset(): Promise<void>;
  /** A message to the background, sent from an extension page as the popup's buttons send it. */
  command(message: unknown): Promise<StateView>;
  /** What the background keeps in storage.session. */
  sessionStorage(): Promise<Record<string, unknown>>;
  /** Serve `html` at `url`, then open it in a new tab. */
  open(url: string, html: string): Promise<P>;
  /** Names of the visible buttons of the page, closed shadow roots included. */
  buttonNames(page: P): Promise<string[]>;
  /** A trusted click on the button of that accessible name (closed shadow roots included); false: none. */
  click(page: P, name: string): Promise<boolean>;
  /** The texts a person sees on the page, closed shadow roots included. */
  texts(page: P): Promise<string[]>;
  /** `formDifferences(expect)` (test/pages/checks.ts) run in the page. */
  formDifferences(page: P, expect: Record<string, string>): Promise<string[]>;
  /** Remove the element `selector` selects from the page (the site closed its one-time view). */
  remove(page: P, selector: string): Promise<void>;
  /** URLs of every open tab. */
  tabUrls(): Promise<string[]>;
  /** Every request the browser made so far, in full. */
  requests(): { url: string; headers: Record<string, string>; body: string }[];
}

export { formDifferences };

/** What a status case hands over besides its instance (a test key: never a real one). */
const STATUS_VALUES: SkyhighValues = {
  instanceName: '',
  workspaceId: '',
  organizationId: 'org-p13k3klgno5cqxbf0q8hpgrk',
  apiKey: 'sk-admin-7VTjdj6WmtBrT3GSH8x9cazQUz6h0XeXwhv166wn_uQwU30blyqsZYJDv',
};
/** A plain ChatGPT instance form, filled before a status page is read. */
const INSTANCE_FORM = `<!doctype html><html lang="en"><head><title>Service Management - Skyhigh CASB</title></head><body>
<main><h1>OpenAI - ChatGPT: new instance</h1><form>
<div><label for="inst">Instance Name</label><input id="inst" type="text"></div>
<div><label for="ws">Workspace ID</label><input id="ws" type="text"></div>
<div><label for="org">Organization ID</label><input id="org" type="text"></div>
<div><label for="key">API Key</label><input id="key" type="password" autocomplete="off"></div>
<button type="submit">Save</button></form></main></body></html>`;

export function captureSuite<P>(b: CaptureBrowser<P>, timeout?: number): void {
  const cases = allCases();

  async function settingsCase(c: Extract<PageCase, { kind: 'chatgpt-settings' }>): Promise<void> {
    await b.open(c.url, c.html);
    const read = async () => {
      const { state } = await b.command({ type: 'state/get' });
      const rec = state.current ? state.records[state.current] : undefined;
      return {
        workspaceId: rec?.workspaceId ?? null,
        organizationId: rec?.organizationId ?? state.draft.organizationId ?? null,
      };
    };
    const wanted = JSON.stringify(c.expect);
    const anyExpected = c.expect.workspaceId !== null || c.expect.organizationId !== null;
    if (anyExpected) await until(async () => JSON.stringify(await read()) === wanted, LATE_MS, 150);
    await sleep(QUIET_MS);
    expect(await read()).toEqual(c.expect);
  }

  async function platformOrgCase(c: Extract<PageCase, { kind: 'platform-org' }>): Promise<void> {
    await b.open(c.url, c.html);
    const read = async () => ({
      organizationId: (await b.command({ type: 'state/get' })).state.platformOrg?.id ?? null,
    });
    if (c.expect.organizationId)
      await until(async () => (await read()).organizationId === c.expect.organizationId, LATE_MS, 150);
    else await sleep(QUIET_MS);
    expect(await read()).toEqual(c.expect);
  }

  async function keyDialogCase(c: Extract<PageCase, { kind: 'key-dialog' }>): Promise<void> {
    const page = await b.open(c.url, c.html);
    const read = async () => {
      const { state } = await b.command({ type: 'state/get' });
      const key = (state.current ? state.records[state.current]?.key : undefined) ?? state.draft.key;
      const reminder = (await b.buttonNames(page)).includes('Copy key');
      return { secretShown: reminder, keyLast4: key?.last4 ?? null, keyName: key?.name ?? null };
    };
    if (c.guide) await b.command({ type: 'ids/set', workspaceId: c.guide.workspaceId });
    const wanted = JSON.stringify(c.expect);
    if (c.expect.secretShown) await until(async () => JSON.stringify(await read()) === wanted, LATE_MS, 150);
    else await sleep(QUIET_MS);
    expect(await read()).toEqual(c.expect);
    if (c.key) {
      // what the record keeps of the key; CREATED BY once the view is closed and the list shows it
      if (c.closeView) await b.remove(page, c.closeView);
      const facts = async () => {
        const { state } = await b.command({ type: 'state/get' });
        const key: KeyInfo | undefined =
          (state.current ? state.records[state.current]?.key : undefined) ?? state.draft.key;
        const all: Record<string, string | null> = {
          expires:
            key?.expires === undefined
              ? null
              : key.expires === 'never'
                ? 'never'
                : new Date(key.expires).toISOString().slice(0, 10),
          permissions: key?.permissions ?? null,
          workspaceName: key?.workspaceName ?? null,
          createdBy: key?.createdBy ?? null,
        };
        return Object.fromEntries(Object.keys(c.key ?? {}).map((k) => [k, all[k] ?? null]));
      };
      const want = JSON.stringify(c.key);
      await until(async () => JSON.stringify(await facts()) === want, LATE_MS, 150);
      expect(await facts()).toEqual(c.key);
    }
    if (c.guide) {
      // the form as the key-page script noted it (memory only), judged by the background's own rules
      const note = async () =>
        Object.entries(await b.sessionStorage()).find(([k]) => k.startsWith('keyForm:'))?.[1] as
          | (KeyForm & { at: number })
          | undefined;
      await until(async () => (await note()) !== undefined, LATE_MS, 150);
      const { at: _at, ...form } = (await note()) ?? { at: 0 };
      expect(guideFlags(guideState(c.guide), form, c.url).map((f) => f.key)).toEqual(c.guide.flags);
      if (c.guide.keyName !== undefined) expect(form.keyName ?? null).toBe(c.guide.keyName);
    }
  }

  /** Set up a hand-off of `v` to `host` and open the console page `url`; its fill awaited unless refused. */
  async function handOver(
    v: SkyhighValues,
    host: string,
    url: string,
    html: string,
    refuse: boolean,
  ): Promise<P> {
    await b.command({ type: 'settings/set', consoleHost: host, instanceName: v.instanceName });
    await b.command({ type: 'ids/set', workspaceId: v.workspaceId, organizationId: v.organizationId });
    await b.command({ type: 'secret/hold', secret: v.apiKey });
    const page = await b.open(url, html);
    if (!refuse) {
      // the console's content script says hello once it runs; then the hand-off can find its tab
      const registered = await until(
        async () => ((await b.sessionStorage()).consoleTabs as unknown[] | undefined)?.length,
        10_000,
        150,
      );
      expect(registered, 'the console content script did not start').toBeTruthy();
    }
    await b.command({ type: 'handoff/start' });
    if (refuse) await sleep(QUIET_MS);
    else {
      const status = await until(
        async () => {
          const view = await b.command({ type: 'state/get' });
          return view.lastHandoff?.status === 'filled' ? 'filled' : null;
        },
        LATE_MS,
        150,
      );
      expect(status, 'the form was not filled').toBe('filled');
    }
    return page;
  }

  async function skyhighCase(c: Extract<PageCase, { kind: 'skyhigh-form' }>): Promise<void> {
    const v = c.values;
    const requestsBefore = b.requests().length;
    const page = await handOver(v, c.consoleHost, c.url, c.html, c.refuse);
    expect(await b.formDifferences(page, c.expect)).toEqual([]);
    if (c.refuse) {
      const view = await b.command({ type: 'state/get' });
      expect(view.lastHandoff?.status).not.toBe('filled');
      expect(view.secretHeldUntil, 'a refused hand-off must not consume the key').not.toBeNull();
    }
    // the key travels by messages and into the form, never in a URL or a request
    const part = v.apiKey.slice(12, 40);
    expect((await b.tabUrls()).filter((u) => u.includes(part))).toEqual([]);
    expect(
      b
        .requests()
        .slice(requestsBefore)
        .filter((r) => JSON.stringify(r).includes(part)),
    ).toEqual([]);
  }

  /** The instance handed over first (through a plain ChatGPT instance form), then the status page opened. */
  async function statusCase(c: Extract<PageCase, { kind: 'skyhigh-status' }>): Promise<void> {
    const v: SkyhighValues = { ...STATUS_VALUES, ...c.handedOver };
    const origin = `https://${c.consoleHost}`;
    await handOver(
      v,
      c.consoleHost,
      `${origin}/shndash/#/settings/service-management/openai-chatgpt/new`,
      INSTANCE_FORM,
      false,
    );
    await b.open(c.url, c.html);
    const seen = async () => {
      const view = await b.command({ type: 'state/get' });
      const s = view.state.records[v.workspaceId]?.skyhighStatus;
      return s ? { status: s.status, words: s.words } : null;
    };
    if (c.expect.status === null) {
      await sleep(QUIET_MS);
      expect(await seen()).toBeNull();
    } else expect(await until(seen, LATE_MS, 150)).toEqual(c.expect);
  }

  describe(`page captures (${b.name})`, () => {
    beforeAll(() => b.launch(), timeout);
    afterAll(() => b.close(), timeout);
    beforeEach(() => b.reset(), timeout);

    for (const c of cases) {
      it(
        c.id,
        async () => {
          if (c.kind === 'chatgpt-settings') await settingsCase(c);
          else if (c.kind === 'platform-org') await platformOrgCase(c);
          else if (c.kind === 'key-dialog') await keyDialogCase(c);
          else if (c.kind === 'skyhigh-form') await skyhighCase(c);
          else await statusCase(c);
        },
        timeout,
      );
    }
  });
}
