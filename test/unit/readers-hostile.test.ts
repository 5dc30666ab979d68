/**
 * The readers under hostile input: random and adversarial DOMs (look-alike labels, near-miss
 * formats, IDs split across nodes, deep nesting, huge pages). They never throw, never return a value
 * that fails its format, and never return a value the page does not hold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOrganizationId, isSecretKey, isWorkspaceId } from '../../src/core/formats';
import { readKeyDialog } from '../../src/core/readers/key-dialog';
import { candidatesOnPage } from '../../src/core/readers/pick';
import { fillForm, matchFields } from '../../src/core/readers/skyhigh-form';
import { readWorkspaceIds } from '../../src/core/readers/workspace-ids';

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const ORG = 'org-p13k3klgno5cqxbf0q8hpgrk';
const KEY =
  'sk-proj-7VTjdj6WmtBrT3GSH8x9cazQUz6h0XeXwhv166wn_uQwU30blyqsZYJDviFkhNxP5EvPyuJprkrnFflVzEmJvqokwWQcuHABBzKzy';

const hex = fc.constantFrom(...'0123456789abcdefABCDEF');
const hexN = (n: number) => fc.string({ unit: hex, minLength: n, maxLength: n });
const uuid = fc.tuple(hexN(8), hexN(4), hexN(4), hexN(4), hexN(12)).map((p) => p.join('-'));
const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
const orgId = fc.string({ unit: alnum, minLength: 12, maxLength: 30 }).map((s) => `org-${s}`);

/** Texts an attacker or a confusing page would show. */
const text = fc.oneof(
  fc.constantFrom(
    'Workspace ID',
    'Organization ID',
    'Workspace IDs',
    'Former Workspace ID',
    'Workspace ID (old)',
    'Organisations-ID',
    'ワークスペース ID',
    'Name',
    'Service Key Name',
    'Save your key',
    "You won't be able to view it again",
    'Copy',
    'Done',
    'API Key',
    'Search',
    '…',
    ':',
    ' ',
  ),
  uuid,
  orgId,
  uuid.map((u) => u.slice(0, -1)), // near miss: too short
  uuid.map((u) => `${u}0`), // near miss: too long
  uuid.map((u) => u.replace(/-/g, '')), // near miss: no hyphens
  uuid.map((u) => `${u.slice(0, 8)}…${u.slice(-4)}`), // truncated
  uuid.map((u) => u.slice(0, 18)), // first half of a split ID
  uuid.map((u) => u.slice(18)), // second half
  orgId.map((o) => o.replace('org-', 'org_')),
  orgId.map((o) => `${o}!`),
  fc.constant(KEY),
  fc.constant(`${KEY.slice(0, 20)}…${KEY.slice(-4)}`),
  fc.constant('sk-...abcd'),
  fc.constant('sk-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'),
  fc.string({ maxLength: 30 }),
);

const TAGS = [
  'div',
  'span',
  'p',
  'dl',
  'dt',
  'dd',
  'table',
  'tr',
  'td',
  'th',
  'label',
  'code',
  'ul',
  'li',
  'section',
  'button',
];

interface Node_ {
  tag: string;
  attrs: [string, string][];
  children: (Node_ | string)[];
}

const attr = fc.tuple(
  fc.constantFrom(
    'title',
    'aria-label',
    'data-value',
    'role',
    'hidden',
    'aria-hidden',
    'id',
    'for',
    'aria-modal',
  ),
  fc.oneof(text, fc.constantFrom('dialog', 'row', 'cell', 'true', 'a', 'b')),
);

const tree: fc.Arbitrary<Node_> = fc.letrec<{ node: Node_ }>((tie) => ({
  node: fc.record({
    tag: fc.constantFrom(...TAGS),
    attrs: fc.array(attr, { maxLength: 2 }),
    children: fc.array(fc.oneof({ depthSize: 'small' }, text, tie('node')), { maxLength: 5 }),
  }),
})).node;

function build(doc: Document, n: Node_ | string): Node {
  if (typeof n === 'string') return doc.createTextNode(n);
  const el = doc.createElement(n.tag);
  for (const [k, v] of n.attrs) {
    try {
      el.setAttribute(k, v);
    } catch {
      // an attribute value the DOM refuses is simply not set
    }
  }
  for (const c of n.children) el.append(build(doc, c));
  if (n.tag === 'span' && n.attrs.length === 0 && n.children.length === 0) {
    const input = doc.createElement('input');
    input.value = WS;
    el.append(input);
  }
  return el;
}

/** Everything the page holds, for the "never invents" check (text, attributes, input values). */
function pageHolds(root: Element): string {
  let all = root.textContent ?? '';
  for (const el of root.querySelectorAll('*')) {
    for (const a of Array.from(el.attributes)) all += ` ${a.value}`;
    if (el instanceof HTMLInputElement) all += ` ${el.value}`;
  }
  return all.toLowerCase();
}

describe('readers under hostile input', () => {
  it('never throw, never return a malformed value, never invent one', () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 4 }), (roots) => {
        document.body.replaceChildren(...roots.map((r) => build(document, r)));
        const ids = readWorkspaceIds(document.body);
        const holds = pageHolds(document.body);
        if (ids.workspaceId.status === 'found') {
          expect(isWorkspaceId(ids.workspaceId.value)).toBe(true);
          expect(holds).toContain(ids.workspaceId.value);
        }
        if (ids.organizationId.status === 'found') {
          expect(isOrganizationId(ids.organizationId.value)).toBe(true);
          expect(holds).toContain(ids.organizationId.value.toLowerCase());
        }
        const key = readKeyDialog(document.body);
        if (key.secret !== null) {
          expect(isSecretKey(key.secret)).toBe(true);
          expect(key.keyLast4).toBe(key.secret.slice(-4));
        }
        for (const c of candidatesOnPage(document.body, 'workspaceId'))
          expect(isWorkspaceId(c.value)).toBe(true);
        for (const c of candidatesOnPage(document.body, 'organizationId'))
          expect(isOrganizationId(c.value)).toBe(true);
        const result = fillForm(document.body, { workspaceId: WS, apiKey: KEY });
        expect(result.filled.length + result.missing.length + result.ambiguous.length).toBe(2);
      }),
      { numRuns: 300 },
    );
  }, 30_000); // CPU-bound: slow on a loaded machine, never a hang

  it('survive deep nesting', () => {
    let html = `<dl><dt>Workspace ID</dt><dd>${WS}</dd><dt>Organization ID</dt><dd>${ORG}</dd></dl>`;
    for (let i = 0; i < 2000; i++) html = `<div>${html}</div>`;
    document.body.innerHTML = html;
    const ids = readWorkspaceIds(document.body);
    expect(ids.workspaceId).toEqual({ status: 'found', value: WS });
    expect(ids.organizationId).toEqual({ status: 'found', value: ORG });
  });

  // A time budget, not a behaviour pin: skipped in mutation runs, where it would run (4-5 s) for
  // nearly every mutant of the readers.
  it.skipIf(process.env.STRYKER_MUTATOR_WORKER !== undefined)(
    'read a 50,000-node page with thousands of distractors, and finish',
    () => {
      const rows: string[] = [];
      for (let i = 0; i < 7000; i++) {
        const distractor = `${(i * 7919).toString(16).padStart(8, '0')}-1111-4222-8333-${i.toString(16).padStart(12, '0')}`;
        rows.push(
          `<tr><td>User ID</td><td><a href="/c/${distractor}">${distractor}</a></td><td>org-${'x'.repeat(12)}${i}</td></tr>`,
        );
      }
      document.body.innerHTML = `<table>${rows.join('')}</table><section><dl><dt>Workspace ID</dt><dd>${WS}</dd><dt>Organization ID</dt><dd>${ORG}</dd></dl></section>`;
      let nodes = 0;
      const walker = document.createTreeWalker(document.body, 0xffffffff);
      while (walker.nextNode()) nodes++;
      expect(nodes).toBeGreaterThanOrEqual(50_000);
      const ids = readWorkspaceIds(document.body);
      expect(ids.workspaceId).toEqual({ status: 'found', value: WS });
      expect(ids.organizationId).toEqual({ status: 'found', value: ORG });
      expect(readKeyDialog(document.body).secretShown).toBe(false);
      expect(matchFields(document.body).controls).toEqual({});
    },
    60_000,
  );
});
