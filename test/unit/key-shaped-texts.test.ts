/**
 * Issue 27, lower finding: text shaped like a key is never kept or mailed as a key's name, project,
 * permissions, organisation, workspace or CREATED BY, whichever way it arrives (the secret view,
 * the create form, the keys list, a record stored before this check).
 */
import { describe, expect, it } from 'vitest';
import { composeEmail } from '../../src/core/email';
import { hasKeyShape } from '../../src/core/formats';
import {
  emptyState,
  type KeyInfo,
  migrate,
  type State,
  withCreatedBy,
  withIds,
  withKey,
  withKeyForm,
} from '../../src/core/state';

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const ORG = 'org-p13k3klgno5cqxbf0q8hpgrk';
const SECRET =
  'sk-proj-7VTjdj6WmtBrT3GSH8x9cazQUz6h0XeXwhv166wn_uQwU30blyqsZYJDviFkhNxP5EvPyuJprkrnFflVzEmJvqokwWQcuHABBzKzy';
/** A key of another shape: no `sk-`, a long random run. */
const RANDOM = 'Zx81QmLp0WvT4rYb7NcK2sHd9FgJ3aEu';
const words = (k: string, subs?: string[]) => [k, ...(subs ?? [])].join(' ');

const base = (): State =>
  withIds(
    emptyState(),
    { workspaceId: WS, organizationId: ORG },
    { at: 1, from: 'https://chatgpt.com/admin/settings' },
  );
const key = (over: Partial<KeyInfo> = {}): KeyInfo => ({
  last4: 'zKzy',
  at: 10,
  from: 'https://platform.openai.com/api-keys',
  site: 'platform',
  ...over,
});
const keptKey = (s: State) => s.records[WS]?.key;

describe('hasKeyShape', () => {
  it.each([
    [SECRET, true],
    [`Created by ${SECRET.slice(0, 30)}`, true],
    [RANDOM, true],
    ['sk-admin-AbCdEfGh12345678', true],
    ['Skyhigh CASB compliance', false],
    ['Alice Example (alice@example.com)', false],
    [WS, false],
    [ORG, false],
    ['org-AbCdEfGhIjKlMnOpQrStUvWx0123456789ab', false],
    ['sk-short', false],
    ['a-very-long-lowercase-slug-without-any-digits', false],
    ['Read and delete compliance data', false],
    ['ALLCAPS_AND_DIGITS_0123456789_ABCDEFGH', false],
    ['SkyhighCASB-Production-Connector-2025', false],
    ['SkyhighCASBProductionConnector2025', false],
    ['org-Kd02hs8PqLm4nXv7Tb1cYw6z', false],
    ['Zx81QmLp0WvT4rYb7NcK2sHd', true],
    ['key Zx81QmLp0WvT4rYb7NcK2sHd9', true],
  ])('%s: %s', (text, shaped) => {
    expect(hasKeyShape(text)).toBe(shaped);
  });
});

describe('the record keeps no key-shaped text', () => {
  it('from the secret view: every key-shaped text is dropped, the key itself kept', () => {
    const s = withKey(
      base(),
      key({
        name: SECRET,
        project: RANDOM,
        permissions: `All ${SECRET}`,
        organization: RANDOM,
        createdBy: SECRET,
        workspaceName: RANDOM,
      }),
    );
    expect(keptKey(s)).toEqual(key());
    expect(JSON.stringify(s)).not.toContain(SECRET.slice(10, 40));
    expect(JSON.stringify(s)).not.toContain(RANDOM);
  });

  it('plain texts are kept as they were', () => {
    const plain = {
      name: 'Skyhigh CASB',
      project: 'Default project',
      permissions: 'All',
      createdBy: 'Alice Example',
    };
    expect(keptKey(withKey(base(), key(plain)))).toEqual(key(plain));
  });

  it('from the create form: a key-shaped name, project or permissions is not added', () => {
    const s = withKeyForm(
      withKey(base(), key()),
      { keyName: RANDOM, project: SECRET, permissions: RANDOM, workspaceName: SECRET, ownerType: 'you' },
      20,
    );
    expect(keptKey(s)).toEqual(key({ ownerType: 'you' }));
    const ok = withKeyForm(withKey(base(), key()), { keyName: 'Skyhigh', project: 'Default project' }, 20);
    expect(keptKey(ok)).toMatchObject({ name: 'Skyhigh', project: 'Default project' });
  });

  it('from the keys list: a key-shaped CREATED BY is not kept', () => {
    const s = withKey(base(), key());
    expect(withCreatedBy(s, 'zKzy', SECRET)).toEqual(s);
    expect(keptKey(withCreatedBy(s, 'zKzy', 'Alice Example'))?.createdBy).toBe('Alice Example');
  });

  it('stored before this check: the key is kept without its key-shaped texts, each counted', () => {
    const stored = JSON.parse(JSON.stringify(withKey(base(), key({ name: 'Skyhigh CASB' }))));
    stored.records[WS].key.createdBy = SECRET;
    stored.records[WS].key.project = RANDOM;
    stored.records[WS].previousKey = { last4: 'oLd1', name: RANDOM, at: 5 };
    stored.draft.key = { ...key(), organization: SECRET };
    const { state, lost } = migrate(stored);
    expect(keptKey(state)).toEqual(key({ name: 'Skyhigh CASB' }));
    expect(state.records[WS]?.previousKey).toEqual({ last4: 'oLd1', at: 5 });
    expect(state.draft.key).toEqual(key());
    expect(lost).toBe(4);
  });

  it('the support e-mail says none of it', () => {
    const s = withCreatedBy(withKey(base(), key({ name: SECRET })), 'zKzy', RANDOM);
    const mail = composeEmail(s.records[WS] ?? null, keptKey(s), words);
    expect(`${mail.subject}\n${mail.body}`).not.toContain(SECRET.slice(10, 40));
    expect(mail.body).not.toContain(RANDOM);
    expect(mail.missing).toEqual(expect.arrayContaining(['keyName', 'createdBy']));
  });
});
