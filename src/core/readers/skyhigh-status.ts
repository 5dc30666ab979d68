/**
 * Skyhigh's own word on the ChatGPT instance that was handed over: on the console's Service
 * Management pages, the row, card or detail view that names that instance (its Workspace ID, or its
 * name where the page says it is about OpenAI/ChatGPT) and the status it shows there, in Skyhigh's
 * words. Right or nothing: another instance's row, another service's "Connected", a legend or a
 * filter chip, a status the page does not show, or two statuses for one instance give nothing.
 */
import { idTokens } from '../formats';
import { type InstanceStatus, SERVICE_NAME, STATUS_WORDS } from '../sites/skyhigh';
import { cleanText, routeWords } from '../text';
import { type Sight, sight } from '../visibility';

export interface HandedOver {
  workspaceId: string;
  instanceName?: string;
}

export interface SeenStatus {
  status: InstanceStatus;
  /** The status as the page words it ("Error: invalid API key"), at most 160 characters. */
  words: string;
}

/** Folded for matching: case, width and accents do not matter. */
const fold = (s: string): string =>
  cleanText(s)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

let WORDS: [string, InstanceStatus][] | null = null;
/** Every status word, folded (made on first use). */
function words(): [string, InstanceStatus][] {
  WORDS ??= (Object.entries(STATUS_WORDS) as [InstanceStatus, readonly string[]][]).flatMap(
    ([status, list]) => list.map((w) => [fold(w), status] as [string, InstanceStatus]),
  );
  return WORDS;
}

/**
 * A status word and, after a separator, Skyhigh's detail; leading bullets and icons ignored. A word
 * followed by more letters is not that word ("Connectedness"), so "Waiting for authorization" is
 * its own word, not "Waiting".
 */
export function statusOf(text: string): InstanceStatus | null {
  const t = fold(text).replace(/^[^\p{L}\p{N}]+/u, '');
  if (t.length > 160) return null;
  for (const [w, status] of words()) {
    if (!t.startsWith(w)) continue;
    const rest = t.slice(w.length);
    if (rest === '' || /^\s*[:(\-–—·|,.]/.test(rest)) return status;
  }
  return null;
}

/** Where a status word is a heading, a column header, a legend, a filter or a choice, not a status. */
const NOT_A_STATUS =
  'h1, h2, h3, h4, h5, h6, [role="heading"], th, [role="columnheader"], legend, label, option, button, select, input, [role="option"], [role="tab"], [role="checkbox"], [role="radio"], [role="menuitem"], [role="switch"]';

/** One instance: a table row, a list item, a card. */
const ITEM = 'tr, [role="row"], li, [role="listitem"], article, [role="article"]';
/** Many instances: a table or a list (an item's container never grows past one). */
const MANY = 'table, tbody, thead, [role="table"], [role="grid"], [role="rowgroup"], ul, ol, [role="list"]';

/** The shown elements under `scope` whose own whole text is a status. */
function statusElements(scope: Element, seen: Sight): { el: Element; status: InstanceStatus }[] {
  const out: { el: Element; status: InstanceStatus }[] = [];
  for (const el of scope.querySelectorAll('*')) {
    const text = el.textContent as string;
    if (text.length > 160) continue; // a status is short: no need to fold a whole section
    const status = statusOf(text);
    if (!status || el.closest(NOT_A_STATUS) || !seen.shown(el)) continue;
    // the innermost element holding it (a badge's <span>, not its cell as well)
    if ([...el.children].some((c) => statusOf(c.textContent as string) === status)) continue;
    out.push({ el, status });
  }
  return out;
}

/** Does this element (shown) name our instance: our Workspace ID in its text, or its whole text our instance's name? */
function namesOurs(el: Element, ours: HandedOver, seen: Sight): 'id' | 'name' | null {
  const text = seen.text(el);
  if (idTokens('workspaceId', text).some((t) => t.toLowerCase() === ours.workspaceId)) return 'id';
  if (ours.instanceName && fold(text) === fold(ours.instanceName)) return 'name';
  return null;
}

/** Another instance's mark inside `el`: a Workspace ID that is not ours. */
const otherIdIn = (el: Element, ours: HandedOver, seen: Sight): boolean =>
  idTokens('workspaceId', seen.text(el)).some((t) => t.toLowerCase() !== ours.workspaceId);

/** The innermost shown elements naming our instance (by ID, or by name). */
function anchors(root: Element, ours: HandedOver, seen: Sight): { el: Element; by: 'id' | 'name' }[] {
  const found: { el: Element; by: 'id' | 'name' }[] = [];
  for (const el of root.querySelectorAll('*')) {
    if ((el.textContent as string).length > 400) continue;
    const by = namesOurs(el, ours, seen);
    if (!by || !seen.shown(el)) continue;
    if ([...el.children].some((c) => namesOurs(c, ours, seen) === by)) continue;
    found.push({ el, by });
  }
  return found;
}

/**
 * Does the page (its shown headings, its title, its route) say it is about OpenAI / ChatGPT? The
 * instance's own name does not count: the admin chose it, and another service's instance may bear it.
 */
function pageNamesChatGpt(doc: Document, ours: HandedOver, seen: Sight): boolean {
  const name = ours.instanceName ? fold(ours.instanceName) : null;
  const says = (text: string) => SERVICE_NAME.test(name ? fold(text).split(name).join(' ') : text);
  if (says(doc.title) || says(routeWords(doc.location?.hash ?? ''))) return true;
  for (const h of doc.querySelectorAll('h1, h2, h3, [role="heading"], nav, [aria-current="page"]'))
    if (says(seen.text(h))) return true;
  return false;
}

/**
 * From an anchor up to the element that holds one instance with its status: a row, card or list
 * item, or (a detail page) the nearest region holding a status; never past a table or list of many,
 * nor past another instance's Workspace ID.
 */
function statusNear(
  anchor: Element,
  ours: HandedOver,
  seen: Sight,
): { el: Element; status: InstanceStatus }[] | null {
  for (let el: Element | null = anchor, depth = 0; el && depth < 8; el = el.parentElement, depth++) {
    if (el.matches(MANY) || el.tagName === 'BODY' || otherIdIn(el, ours, seen)) return null;
    const statuses = statusElements(el, seen);
    if (statuses.length > 0) return statuses;
    if (el.matches(ITEM)) return null; // our row, without a status
  }
  return null;
}

/** A status as shown, with Skyhigh's detail beside it in the same cell ("Error" + "Invalid API key"). */
function wordsOf(el: Element, anchor: Element, seen: Sight): string {
  const own = seen.text(el);
  const parent = el.parentElement;
  const more = parent && !parent.contains(anchor) ? seen.text(parent) : '';
  return (more.startsWith(own) && more.length <= 160 ? more : own).slice(0, 160);
}

/** What the page shows for the instance handed over, or null (nothing sure). */
export function readInstanceStatus(doc: Document, ours: HandedOver): SeenStatus | null {
  const root = doc.body;
  if (!root) return null;
  const seen = sight(doc);
  const mine = { ...ours, workspaceId: ours.workspaceId.toLowerCase() };
  const found = anchors(root, mine, seen);
  // by name alone only where the page says it is about ChatGPT (another service's instance may share a name)
  const byId = found.filter((a) => a.by === 'id');
  const usable = byId.length > 0 ? byId : pageNamesChatGpt(doc, mine, seen) ? found : [];
  let result: SeenStatus | null = null;
  for (const { el } of usable) {
    const near = statusNear(el, mine, seen);
    if (!near) continue;
    const [first] = near;
    // one instance, two statuses, or two places that disagree: no way to tell
    if (!first || near.some((s) => s.status !== first.status)) return null;
    if (result && result.status !== first.status) return null;
    result ??= { status: first.status, words: wordsOf(first.el, el, seen) };
  }
  return result;
}
