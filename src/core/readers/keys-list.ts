/** The API keys list: the CREATED BY name of one key, matched by its name and last 4 characters. */
import { isHidden } from '../dom';
import { CREATED_BY_HEADERS, NAME_HEADERS, SECRET_KEY_HEADERS } from '../sites/openai';
import { cleanText, labelMatcher } from '../text';

const isCreatedBy = labelMatcher(CREATED_BY_HEADERS);
const isName = labelMatcher(NAME_HEADERS);
const isSecretKeyHeader = labelMatcher(SECRET_KEY_HEADERS);

const HEADER_SELECTOR = 'th, [role="columnheader"]';
const ROW_SELECTOR = 'tr, [role="row"]';
const CELL_SELECTOR =
  ':scope > td, :scope > th, :scope > [role="cell"], :scope > [role="gridcell"], :scope > [role="rowheader"], :scope > [role="columnheader"]';

const text = (el: Element | undefined) => cleanText(el?.textContent);
/** The creator's cell as shown (`innerText`): a name and an e-mail in two blocks never run into one word. */
// biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point (blocks apart, inline together)
const shown = (el: Element) => cleanText((el as HTMLElement).innerText);
const cellsOf = (row: Element) => [...row.querySelectorAll(CELL_SELECTOR)];

/** A redacted key ending in these 4 characters: `sk-...abcd`, `sk-proj-****abcd`, `…abcd`. */
export function redactedEndsWith(cell: string, last4: string): boolean {
  const m = /(?:\.{3}|…|\*{2,})([A-Za-z0-9_-]{4})$/.exec(cell.trim());
  return !!m && m[1] === last4;
}

export function findCreatedBy(root: ParentNode, key: { last4: string; name?: string }): string | null {
  return findKeyRow(root, key)?.createdBy ?? null;
}

/**
 * The key's row in the keys list (the Admin keys list too): its CREATED BY name and the row's other
 * columns as header/cell pairs (the background reads an expiry column from them; never the key's).
 * Null unless exactly one CREATED BY name matches.
 */
export function findKeyRow(
  root: ParentNode,
  key: { last4: string; name?: string },
): { createdBy: string; facts: [string, string][] } | null {
  const found = new Map<string, [string, string][]>();
  for (const header of (root as Element | Document).querySelectorAll(HEADER_SELECTOR)) {
    if (!isCreatedBy(text(header)) || isHidden(header)) continue;
    const headerRow = header.closest(ROW_SELECTOR);
    const table = headerRow?.closest('table, [role="table"], [role="grid"]');
    if (!headerRow || !table) continue;
    const headers = cellsOf(headerRow).map(text);
    const createdByCol = headers.findIndex((h) => isCreatedBy(h));
    const nameCol = headers.findIndex((h) => isName(h));
    const keyCol = headers.findIndex((h) => isSecretKeyHeader(h));
    if (createdByCol < 0 || keyCol < 0) continue;
    for (const row of table.querySelectorAll(ROW_SELECTOR)) {
      if (isHidden(row)) continue; // (the header row never has a redacted key in its key column)
      const cells = cellsOf(row);
      if (cells.length !== headers.length) continue;
      if (!redactedEndsWith(text(cells[keyCol]), key.last4)) continue;
      if (key.name !== undefined && nameCol >= 0 && text(cells[nameCol]) !== key.name) continue;
      const by = shown(cells[createdByCol] as Element);
      const facts = headers
        .map((h, i): [string, string] => [h, text(cells[i])])
        .filter(
          ([h, c], i) => i !== keyCol && i !== createdByCol && h && c && h.length <= 80 && c.length <= 80,
        )
        .slice(0, 16);
      if (by && by.length <= 100) found.set(by, facts);
    }
  }
  if (found.size !== 1) return null;
  const [createdBy, facts] = [...found][0] as [string, [string, string][]];
  return { createdBy, facts };
}
