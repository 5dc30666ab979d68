/**
 * The Skyhigh CASB console: when the admin asked for a hand-off in the popup, show the values with
 * copy buttons, wait for the ChatGPT instance form and fill it. Only on the configured host over
 * https, only once per request, never a control it did not match.
 */
import { fillConsolePage } from '../core/outcomes';
import { formIsPresent, type HandoffValues, matchFields } from '../core/readers/skyhigh-form';
import { HANDOFF_FIELDS, mayFill } from '../core/sites/skyhigh';
import { watchDom } from '../core/watch';
import { HandoffPanel } from './handoff-panel';
import { alive, ext, lifeSignal, send } from './runtime';

const WAIT_FOR_FORM_MS = 10 * 60_000;

interface ReadyAnswer {
  fill: { consoleHost: string; values: HandoffValues } | null;
}

let filling = false;

async function askForValues(): Promise<void> {
  if (filling) return;
  const answer = await send<ReadyAnswer>({ type: 'skyhigh/ready' });
  const fill = answer?.fill;
  if (!fill || !mayFill(location.href, fill.consoleHost)) return;
  filling = true;
  const panel = new HandoffPanel(lifeSignal, fill.values);
  const outcome = await watchDom({
    root: document.documentElement,
    signal: lifeSignal,
    timeoutMs: WAIT_FOR_FORM_MS,
    minIntervalMs: 50,
    read: () => (formIsPresent(matchFields(document)) ? true : undefined),
  });
  filling = false;
  // The page may have moved to another origin meanwhile: check again right before filling.
  if (outcome.status !== 'done' || !mayFill(location.href, fill.consoleHost)) return;
  const match = matchFields(document);
  const result = fillConsolePage(document, location.href, fill.consoleHost, fill.values);
  if (!result) return;
  for (const f of result.filled) {
    const control = match.controls[f];
    if (control) {
      control.style.outline = '3px solid #1e8e3e';
      control.style.outlineOffset = '2px';
    }
  }
  panel.render(HANDOFF_FIELDS.filter((f) => result.filled.includes(f)));
  await send({ type: 'skyhigh/filled', ...result });
}

ext.runtime.onMessage.addListener(((
  message: unknown,
  _sender: unknown,
  sendResponse: (answer: string) => void,
) => {
  if (!alive()) return false;
  const m = message as { type?: unknown; host?: unknown } | null;
  if (m?.type !== 'handoff/requested' || typeof m.host !== 'string' || !mayFill(location.href, m.host))
    return false;
  void askForValues();
  sendResponse('ok');
  return false;
}) as unknown as Parameters<typeof ext.runtime.onMessage.addListener>[0]);

void askForValues();
