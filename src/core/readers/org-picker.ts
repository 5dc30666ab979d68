/** The organisation the page's organisation picker shows, when it says so plainly. */
import { isHidden } from '../dom';
import { ORG_PICKER_LABEL } from '../sites/openai';

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

export function readOrgPicker(root: ParentNode): string | null {
  const names = new Set<string>();
  for (const b of (root as Element | Document).querySelectorAll('[aria-haspopup]')) {
    if (isHidden(b)) continue;
    const label = clean(b.getAttribute('aria-label'));
    const before = clean(b.previousSibling?.textContent);
    const value = clean(b.textContent);
    if (!value || value.length > 80) continue;
    if (ORG_PICKER_LABEL.test(label) || ORG_PICKER_LABEL.test(before)) names.add(value);
  }
  return names.size === 1 ? ([...names][0] as string) : null;
}
