/**
 * `npm run bench`: what the extension costs, measured in real Chromium with the same harness as the
 * E2E. Timings are reported, never asserted (these machines are noisy: read the ratios).
 *   1. cost to the host page: main-thread script and task time (CDP Performance.getMetrics) of the
 *      settings capture and of a busy page, with and without the extension, runs alternating;
 *   2. capture latency: the IDs entering the DOM → the record stored;
 *   3. popup: page opened → checklist painted;
 *   4. sizes: gzipped content scripts, popup JS+CSS, zips.
 * Prints a table and writes docs/bench.json.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, it } from 'vitest';
// @ts-expect-error: a plain ES module of the build scripts
import { BUDGETS, measure } from '../../scripts/sizes.mjs';
import { capture, SETTINGS_URL } from '../e2e/flows';
import { CHROMIUM, type Harness, launch, sleep, until } from '../e2e/harness';

const RUNS = {
  settings: Number(process.env.BENCH_SETTINGS ?? 7),
  busy: 5,
  latency: 15,
  popup: 15,
  scale: 7,
};
const BUSY_URL = `${SETTINGS_URL}?busy`;
const LATE_URL = `${SETTINGS_URL}?late`;
const DETAILS =
  '<h2>Workspace details</h2><dl><dt>Organization ID</dt><dd>org-p13k3klgno5cqxbf0q8hpgrk</dd><dt>Workspace ID</dt><dd>f7f33107-5fb9-4ee1-8922-3eae76b5b5a0</dd></dl>';

/** A page that keeps changing like a chat app streaming: 2,000 node changes a second for 5 s. */
const BUSY_PAGE = `<!doctype html><html><body><main id="log"></main><script>
  const words = 'the model streams tokens into the conversation while the admin waits for settings'.split(' ');
  const log = document.getElementById('log');
  let changes = 0;
  const started = performance.now();
  const timer = setInterval(() => {
    for (let i = 0; i < 20; i++) {
      const p = document.createElement('p');
      p.textContent = words[(changes + i) % words.length] + ' ' + changes;
      log.append(p);
      if (log.childElementCount > 200) log.firstElementChild.remove();
    }
    changes += 20;
    if (performance.now() - started > 5000) { clearInterval(timer); window.busyDone = changes; }
  }, 10);
</script></body></html>`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

let withExt: Harness;
let withoutExt: Harness;

beforeAll(async () => {
  withExt = await launch();
  withoutExt = await launch({ extension: false });
  for (const h of [withExt, withoutExt]) {
    h.serve(SETTINGS_URL, capture('chatgpt-settings', 'en-general-dl'));
    h.serve(BUSY_URL, BUSY_PAGE);
    h.serve(LATE_URL, '<!doctype html><html><body><main id="m">Loading…</main></body></html>');
  }
}, 60_000);
afterAll(async () => {
  await withExt?.close();
  await withoutExt?.close();
});

/** Main-thread script and task seconds the page spent, from load to `settle`. */
async function pageCost(h: Harness, url: string, settle: (p: Page) => Promise<void>) {
  const page = await h.context.newPage();
  const cdp = await h.context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url);
  await settle(page);
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  await page.close();
  const get = (n: string) => metrics.find((m) => m.name === n)?.value ?? Number.NaN;
  return { script: get('ScriptDuration'), task: get('TaskDuration') };
}

async function hostCost(url: string, runs: number, settle: (p: Page) => Promise<void>) {
  const w: { script: number; task: number }[] = [];
  const wo: { script: number; task: number }[] = [];
  await pageCost(withExt, url, settle); // warm both browsers' caches once
  await pageCost(withoutExt, url, settle);
  for (let i = 0; i < runs; i++) {
    // alternate which goes first, so drift on the machine hits both alike
    if (i % 2 === 0) {
      w.push(await pageCost(withExt, url, settle));
      wo.push(await pageCost(withoutExt, url, settle));
    } else {
      wo.push(await pageCost(withoutExt, url, settle));
      w.push(await pageCost(withExt, url, settle));
    }
  }
  const row = (k: 'script' | 'task') => ({
    withMs: median(w.map((x) => x[k] * 1000)),
    withoutMs: median(wo.map((x) => x[k] * 1000)),
    ratio: median(w.map((x) => x[k])) / median(wo.map((x) => x[k])),
  });
  return { runs, script: row('script'), task: row('task') };
}

/** `n` other workspace records in storage, as the background writes them (one entry each). */
async function seedRecords(h: Harness, n: number): Promise<void> {
  await h.worker.evaluate(async (count) => {
    const items: Record<string, unknown> = {};
    for (let i = 0; i < count; i++) {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      items[`ws:${id}`] = {
        workspaceId: id,
        organizationId: 'org-p13k3klgno5cqxbf0q8hpgrk',
        idsCapture: { at: 1, from: 'https://chatgpt.com/admin/settings', how: 'read' },
        key: { at: 1, from: 'https://platform.openai.com/api-keys', last4: 'Ab12', name: `key ${i}` },
      };
    }
    items.onboarding = { version: 1, current: null, draft: {} };
    // biome-ignore lint/suspicious/noExplicitAny: the service worker's chrome.* global
    if (count > 0) await (globalThis as any).chrome.storage.local.set(items);
  }, n);
}

async function captureLatency(runs: number, otherRecords = 0) {
  const h = withExt;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await h.reset();
    await seedRecords(h, otherRecords);
    h.serve(LATE_URL, '<!doctype html><html><body><main id="m">Loading…</main></body></html>');
    await h.worker.evaluate(() => {
      const g = globalThis as unknown as { storedAt: number | null; listening?: boolean };
      g.storedAt = null;
      if (g.listening) return;
      g.listening = true;
      // biome-ignore lint/suspicious/noExplicitAny: the service worker's chrome.* global
      (globalThis as any).chrome.storage.onChanged.addListener(
        (changes: Record<string, { newValue?: { current?: string } }>) => {
          if (changes.onboarding?.newValue?.current && g.storedAt === null) g.storedAt = Date.now();
        },
      );
    });
    const page = await h.context.newPage();
    await page.goto(LATE_URL);
    await sleep(400); // the content script is in place and idle
    const t0 = await page.evaluate((html) => {
      const t = Date.now();
      (document.getElementById('m') as HTMLElement).innerHTML = html;
      return t;
    }, DETAILS);
    const stored = await until(
      () => h.worker.evaluate(() => (globalThis as unknown as { storedAt: number | null }).storedAt),
      5000,
      5,
    );
    if (stored) samples.push(stored - t0);
    await page.close();
  }
  return { runs, medianMs: median(samples), worstMs: Math.max(...samples), samples };
}

async function popupPaint(runs: number) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await withExt.context.newPage();
    await page.goto(withExt.extensionUrl('src/popup/index.html'));
    const t = await until(
      () => page.evaluate(() => performance.getEntriesByName('casb:checklist-painted')[0]?.startTime ?? 0),
      5000,
      10,
    );
    samples.push(t);
    await page.close();
  }
  return { runs, medianMs: median(samples), worstMs: Math.max(...samples) };
}

const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '–');

it('measures', async () => {
  const started = Date.now();
  const settings = await hostCost(SETTINGS_URL, RUNS.settings, async () => {
    await sleep(1500);
  });
  const busy = await hostCost(BUSY_URL, RUNS.busy, async (p) => {
    await p.waitForFunction(() => (window as unknown as { busyDone?: number }).busyDone, undefined, {
      timeout: 15_000,
    });
  });
  const latency = await captureLatency(RUNS.latency);
  const popup = await popupPaint(RUNS.popup);
  // flat in the number of workspace records: a capture and the popup with 1, 50 and 500 of them
  const scale: { records: number; captureMedianMs: number; popupMedianMs: number }[] = [];
  for (const records of [1, 50, 500]) {
    const capture = await captureLatency(RUNS.scale, records - 1);
    // the popup with those records (the last capture's workspace is the current one)
    const paint = await popupPaint(RUNS.scale);
    scale.push({ records, captureMedianMs: capture.medianMs, popupMedianMs: paint.medianMs });
  }
  const sizes = measure(resolve(import.meta.dirname, '../../dist'));

  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, ${CHROMIUM}`;
  const result = {
    date: new Date().toISOString(),
    machine,
    settings,
    busy,
    latency,
    popup,
    scale,
    sizes,
    budgets: BUDGETS,
  };
  writeFileSync(
    resolve(import.meta.dirname, '../../docs/bench.json'),
    `${JSON.stringify(result, null, 2)}\n`,
  );

  const lines = [
    '| measure | with extension | without | ratio / goal |',
    '|---|---|---|---|',
    `| settings page: script time (median of ${settings.runs}) | ${f(settings.script.withMs)} ms | ${f(settings.script.withoutMs)} ms | ${f(settings.script.ratio, 3)} (≤ 1.02) |`,
    `| settings page: task time | ${f(settings.task.withMs)} ms | ${f(settings.task.withoutMs)} ms | ${f(settings.task.ratio, 3)} (≤ 1.02) |`,
    `| busy page, 2,000 changes/s for 5 s: script time (median of ${busy.runs}) | ${f(busy.script.withMs)} ms | ${f(busy.script.withoutMs)} ms | ${f(busy.script.ratio, 3)} (≤ 1.02) |`,
    `| busy page: task time | ${f(busy.task.withMs)} ms | ${f(busy.task.withoutMs)} ms | ${f(busy.task.ratio, 3)} (≤ 1.02) |`,
    `| capture latency, IDs in the DOM → record stored (${latency.runs} runs) | median ${f(latency.medianMs)} ms, worst ${f(latency.worstMs)} ms | | goal: median ≤ 16 ms |`,
    `| popup opened → checklist painted (${popup.runs} runs) | median ${f(popup.medianMs)} ms, worst ${f(popup.worstMs)} ms | | goal: ≤ 50 ms |`,
    ...scale.map(
      (r) =>
        `| with ${r.records} workspace record${r.records > 1 ? 's' : ''}: capture median / popup painted median (${RUNS.scale} runs) | ${f(r.captureMedianMs)} ms / ${f(r.popupMedianMs)} ms | | goal: capture ≤ 16 ms, popup within a frame of the 1-record figure |`,
    ),
    ...Object.entries(sizes.contentScripts as Record<string, number>).map(
      ([file, bytes]) => `| ${file}, gzipped | ${bytes} B | | budget ${BUDGETS.contentScript} B |`,
    ),
    `| popup JS+CSS, gzipped | ${sizes.popup} B | | budget ${BUDGETS.popup} B |`,
    ...Object.entries(sizes.zips as Record<string, number>).map(
      ([file, bytes]) => `| ${file} | ${bytes} B | | |`,
    ),
  ];
  process.stdout.write(
    `\n${lines.join('\n')}\n\nmeasured on ${machine} in ${Math.round((Date.now() - started) / 1000)} s; written to docs/bench.json\n`,
  );
}, 300_000);
