/** The organisation the page's organisation picker shows, when it says so plainly. */
import { isHidden } from '../dom';
import { ORG_PICKER_LABEL } from '../sites/openai';
import { cleanText } from '../text';

/** The organisation (or, with `label`, the workspace) a page's picker shows. */
export function readOrgPicker(root: ParentNode, label = ORG_PICKER_LABEL): string | null {
  const names = new Set<string>();
  for (const b of (root as Element | Document).querySelectorAll('[aria-haspopup]')) {
    if (isHidden(b)) continue;
    const aria = cleanText(b.getAttribute('aria-label'));
    const before = cleanText(b.previousSibling?.textContent);
    const value = cleanText(b.textContent);
    if (!value || value.length > 80) continue;
    if (label.test(aria) || label.test(before)) names.add(value);
  }
  return names.size === 1 ? ([...names][0] as string) : null;
}
