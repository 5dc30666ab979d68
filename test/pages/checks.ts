/**
 * Checks shared by the DOM-level and the browser suites. `formDifferences` is self-contained so that
 * Playwright can run it inside the page (`page.evaluate(formDifferences, expect)`).
 */

/** Differences between a filled form and what the capture expects; empty when it is right. */
export function formDifferences(expect: Record<string, string>): string[] {
  const problems: string[] = [];
  const expected = new Set<Element>();
  const isControl = (el: Element) =>
    el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';
  // `host >>> inner` reaches into an open shadow root
  const query = (selector: string): Element | null => {
    let scope: Document | ShadowRoot | null = document;
    let found: Element | null = null;
    for (const part of selector.split('>>>')) {
      found = scope?.querySelector(part.trim()) ?? null;
      scope = found?.shadowRoot ?? null;
    }
    return found;
  };
  for (const [selector, want] of Object.entries(expect)) {
    const el = query(selector);
    if (!el) {
      problems.push(`${selector}: no such element`);
      continue;
    }
    expected.add(el);
    const got = isControl(el) ? (el as HTMLInputElement).value : (el.textContent ?? '').trim();
    if (got !== want)
      problems.push(`${selector}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }
  const all: Element[] = [];
  const visit = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      if (isControl(el)) all.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  all.forEach((el, i) => {
    if (expected.has(el)) return;
    let initial: string;
    let now: string;
    if (el.tagName === 'SELECT') {
      const options = Array.from((el as HTMLSelectElement).options);
      const preset = options.find((o) => o.hasAttribute('selected')) ?? options[0];
      initial = preset ? preset.value : '';
      now = (el as HTMLSelectElement).value;
    } else if ((el as HTMLInputElement).type === 'checkbox' || (el as HTMLInputElement).type === 'radio') {
      initial = String((el as HTMLInputElement).defaultChecked);
      now = String((el as HTMLInputElement).checked);
    } else {
      initial = (el as HTMLInputElement).defaultValue;
      now = (el as HTMLInputElement).value;
    }
    if (initial !== now) {
      const name = el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}[${i}]`;
      problems.push(`${name} was changed to ${JSON.stringify(now)} but is not in "expect"`);
    }
  });
  return problems;
}
