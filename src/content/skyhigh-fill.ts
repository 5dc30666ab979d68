/**
 * The Skyhigh CASB console: when the admin asked for a hand-off in the popup, show the values with
 * copy buttons, wait for the ChatGPT instance form and fill it. Only on the configured host over
 * https, only a form that proves to be the ChatGPT instance form (or one the admin confirms), only
 * the controls inside it, once per request.
 *
 * Every exchange with the background is asked again until answered: a service worker stopped
 * between two messages answers nothing, and the next ask wakes it.
 */

import type { HandoffFill as Fill } from '../core/protocol';
import { fillForm, findInstanceForm, type InstanceForm } from '../core/readers/skyhigh-form';
import { mayFill } from '../core/sites/skyhigh';
import { watchDom } from '../core/watch';
import { HandoffPanel } from './handoff-panel';
import { alive, ext, lifeSignal, send } from './runtime';
import { watchInstanceStatus } from './skyhigh-status';

/** How long the page waits for the form, and keeps asking for an answer. */
const WAIT_MS = 10 * 60_000;

let asking = false;
let panel: HandoffPanel | null = null;
let current: Fill | null = null;
/** Ends the current request's panel and wait (a new request replaces it). */
let visit: AbortController | null = null;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Send until the background answers (undefined: no answer, the worker stopped meanwhile). */
async function ask<T>(message: Parameters<typeof send>[0]): Promise<T | undefined> {
  const started = Date.now();
  for (let delay = 200; alive() && Date.now() - started < WAIT_MS; delay = Math.min(delay * 2, 3000)) {
    const answer = await send<T>(message);
    if (answer !== undefined) return answer;
    await sleep(delay);
  }
  return undefined;
}

async function askForValues(): Promise<void> {
  if (asking) return;
  asking = true;
  const answer = await ask<{ fill: Fill | null }>({ type: 'skyhigh/ready' });
  asking = false;
  const fill = answer?.fill;
  // nothing for this page, or the request this page is already working on
  if (!fill || fill.handoff === current?.handoff || !mayFill(location.href, fill.consoleHost)) return;
  visit?.abort();
  const thisVisit = new AbortController();
  visit = thisVisit;
  const signal = AbortSignal.any([lifeSignal, thisVisit.signal]);
  // the key lives in one place here, the panel: the request is kept without its values
  const { values, ...request } = fill;
  current = { ...request, values: {} };
  panel = new HandoffPanel(
    signal,
    values,
    fill.keyExpiresAt ?? null,
    fill.clipboardClearSeconds ?? 60,
    fill.about,
    // Done on the panel ends the request: no more waiting for a form, no key left
    () => thisVisit.abort(),
  );
  let offered: Element | string | null = null;
  const outcome = await watchDom({
    root: document.documentElement,
    signal,
    timeoutMs: WAIT_MS,
    minIntervalMs: 50,
    read: () => {
      const found = findInstanceForm(document);
      if (found.form && !found.refusal) return found.form;
      // a form with both fields that does not say it is ChatGPT's: the admin may confirm it
      const candidate = found.refusal === 'not-chatgpt' ? found.form : null;
      const key = candidate?.region ?? found.service ?? null;
      if (key !== offered) {
        offered = key;
        if (candidate)
          panel?.showCandidate({ title: candidate.title, fill: () => void fillAndReport(candidate) });
        else panel?.showRefusal(found.service ?? null);
      }
      return undefined;
    },
  });
  if (outcome.status === 'done') await fillAndReport(outcome.value);
  // no form came (or the page went): the hand-off ends here, and the key with it
  else panel?.forgetKey();
}

/** Fill the form (the page may have moved to another origin meanwhile: checked again), then report. */
async function fillAndReport(form: InstanceForm): Promise<void> {
  const fill = current;
  if (!fill || !panel || !mayFill(location.href, fill.consoleHost) || !form.region.isConnected) return;
  if (panel.isFilled || panel.isClosed) return; // one request, one fill; none after Done
  const values = panel.current;
  // nothing to write (the key forgotten or expired meanwhile, no IDs): nothing filled, nothing reported
  if (!values.apiKey && !values.workspaceId) return;
  // checked again now, with no page code between this check and the fill: the same region, graded
  // as it was when offered (proven, or the candidate the admin confirmed)
  const now = findInstanceForm(document);
  const same =
    now.form?.region === form.region && (form.proven ? now.refusal === null : now.refusal === 'not-chatgpt');
  const result = same && now.form ? fillForm(form.region, values, now.form.match) : null;
  if (!result || result.refused) {
    panel.showChanged();
    return;
  }
  for (const f of result.filled) {
    const control = now.form?.match.controls[f];
    if (control) {
      control.style.outline = '3px solid #1e8e3e';
      control.style.outlineOffset = '2px';
    }
  }
  panel.showFilled(result.filled);
  await ask({
    type: 'skyhigh/filled',
    handoff: fill.handoff,
    filled: result.filled,
    missing: result.missing,
  });
}

ext.runtime.onMessage.addListener(((
  message: unknown,
  sender: { id?: string; tab?: unknown },
  sendResponse: (answer: string) => void,
) => {
  if (!alive() || sender.id !== ext.runtime.id || sender.tab) return false; // the background only
  const m = message as { type?: unknown; host?: unknown } | null;
  if (m?.type === 'key/forgotten') {
    panel?.forgetKey();
    return false;
  }
  if (m?.type !== 'handoff/requested' || typeof m.host !== 'string' || !mayFill(location.href, m.host))
    return false;
  void askForValues();
  sendResponse('ok');
  return false;
}) as unknown as Parameters<typeof ext.runtime.onMessage.addListener>[0]);

// leaving the page ends the request here: no key left behind
window.addEventListener('pagehide', () => visit?.abort());

void askForValues();

// Skyhigh's own word on the instance once handed over (Service Management's status)
watchInstanceStatus();
