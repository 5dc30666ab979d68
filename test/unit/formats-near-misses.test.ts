/**
 * The formats are the first gate of every value the extension keeps or hands over: a value one
 * character off, in the wrong case where case matters, padded with whitespace or glued to more text
 * is not the value, and nothing downstream may treat it as one.
 */
import { describe, expect, it } from 'vitest';
import {
  canonicalId,
  fitsTruncated,
  idTokens,
  isIdOf,
  isOrganizationId,
  isPlaceholderKey,
  isSecretKey,
  isWorkspaceId,
  last4,
  secretTokens,
  truncatedTokens,
} from '../../src/core/formats';

const WS = 'f7f33107-5fb9-4ee1-8922-3eae76b5b5a0';
const ORG = 'org-p13k3klgno5cqxbf0q8hpgrk';
/** A random-looking key body: 40 characters, many distinct ones. */
const BODY = 'mOWgzQSVHpR49ZjT3v6SdNrmFAH16bK9nO7XPyqA';
const KEY = `sk-${BODY}`;

describe('a Workspace ID', () => {
  it.each([
    ['lowercase UUID', WS],
    ['uppercase UUID', WS.toUpperCase()],
    ['mixed case', 'F7f33107-5FB9-4ee1-8922-3EAE76b5b5a0'],
    ['all digits', '12345678-1234-1234-1234-123456789012'],
  ])('is accepted: %s', (_, v) => {
    expect(isWorkspaceId(v)).toBe(true);
    expect(isIdOf('workspaceId', v)).toBe(true);
  });

  it.each([
    ['one character short', WS.slice(0, -1)],
    ['one character long', `${WS}0`],
    ['first group one short', WS.slice(1)],
    ['a non-hex letter', WS.replace('f7f', 'g7f')],
    ['a hyphen moved', 'f7f3310-75fb9-4ee1-8922-3eae76b5b5a0'],
    ['hyphens missing', WS.replace(/-/g, '')],
    ['an extra hyphen group', `${WS}-0000`],
    ['leading space', ` ${WS}`],
    ['trailing space', `${WS} `],
    ['trailing newline', `${WS}\n`],
    ['in braces', `{${WS}}`],
    ['with a prefix', `ws-${WS}`],
    ['inside a sentence', `Workspace ID: ${WS}`],
    ['truncated', 'f7f33107…b5a0'],
    ['an Organization ID', ORG],
    ['empty', ''],
  ])('is refused: %s', (_, v) => {
    expect(isWorkspaceId(v)).toBe(false);
    expect(isIdOf('workspaceId', v)).toBe(false);
  });

  it.each([
    ['a number', 123],
    ['null', null],
    ['undefined', undefined],
    ['an object that prints as one', { toString: () => WS }],
    ['an array holding one', [WS]],
  ])('is never a non-string: %s', (_, v) => {
    expect(isWorkspaceId(v)).toBe(false);
    expect(isIdOf('workspaceId', v)).toBe(false);
  });

  it('is stored and compared in lowercase', () => {
    expect(canonicalId('workspaceId', WS.toUpperCase())).toBe(WS);
    expect(canonicalId('workspaceId', WS)).toBe(WS);
  });
});

describe('an Organization ID', () => {
  it.each([
    ['the usual length', ORG],
    ['12 characters after org-', 'org-abcdefghijkl'],
    ['48 characters after org-', `org-${'aB3'.repeat(16)}`],
    ['uppercase letters in the body', 'org-ABCDEFGHIJKL1234'],
  ])('is accepted: %s', (_, v) => {
    expect(isOrganizationId(v)).toBe(true);
    expect(isIdOf('organizationId', v)).toBe(true);
  });

  it.each([
    ['11 characters after org-', 'org-abcdefghijk'],
    ['49 characters after org-', `org-${'aB3'.repeat(16)}x`],
    ['an uppercase prefix', ORG.replace('org-', 'ORG-')],
    ['a capitalised prefix', ORG.replace('org-', 'Org-')],
    ['an underscore for the hyphen', ORG.replace('org-', 'org_')],
    ['no hyphen', ORG.replace('org-', 'org')],
    ['a hyphen in the body', 'org-p13k3klg-no5cqxbf0q8hpgrk'],
    ['an underscore in the body', 'org-p13k3klg_no5cqxbf0q8hpgrk'],
    ['a punctuation mark at the end', `${ORG}!`],
    ['leading space', ` ${ORG}`],
    ['trailing space', `${ORG} `],
    ['a prefix', `x${ORG}`],
    ['truncated', 'org-p13k...pgrk'],
    ['a Workspace ID', WS],
    ['empty', ''],
  ])('is refused: %s', (_, v) => {
    expect(isOrganizationId(v)).toBe(false);
    expect(isIdOf('organizationId', v)).toBe(false);
  });

  it.each([
    ['a number', 42],
    ['null', null],
    ['an object that prints as one', { toString: () => ORG }],
  ])('is never a non-string: %s', (_, v) => {
    expect(isOrganizationId(v)).toBe(false);
  });

  it('keeps its case (the body is case-sensitive)', () => {
    expect(canonicalId('organizationId', 'org-ABCDEFGHIJKL1234')).toBe('org-ABCDEFGHIJKL1234');
  });
});

describe('IDs inside page text', () => {
  it('finds every Workspace ID in order, duplicates kept', () => {
    expect(idTokens('workspaceId', `a ${WS} b ${WS.toUpperCase()}\u0000${WS}`)).toEqual([
      WS,
      WS.toUpperCase(),
      WS,
    ]);
  });

  it('finds Organization IDs and not Workspace IDs when asked for those', () => {
    expect(idTokens('organizationId', `${WS} ${ORG}`)).toEqual([ORG]);
    expect(idTokens('workspaceId', `${WS} ${ORG}`)).toEqual([WS]);
  });

  it.each([
    ['a letter before', `x${WS}`],
    ['a digit after', `${WS}0`],
    ['a hyphen after', `${WS}-`],
    ['a hyphen before', `-${WS}`],
  ])('refuses a Workspace ID glued to more of the same alphabet: %s', (_, text) => {
    expect(idTokens('workspaceId', text)).toEqual([]);
  });

  it.each([
    ['an underscore before', `_${ORG}`],
    ['an underscore after', `${ORG}_`],
    ['a letter before', `x${ORG}`],
    ['a hyphen after', `${ORG}-x`],
    ['too short', 'org-abcdefghijk'],
  ])('refuses an Organization ID glued to more of the same alphabet: %s', (_, text) => {
    expect(idTokens('organizationId', text)).toEqual([]);
  });

  it('takes an ID followed by punctuation or a separator', () => {
    expect(idTokens('workspaceId', `(${WS}).`)).toEqual([WS]);
    expect(idTokens('organizationId', `ID: ${ORG}, copied`)).toEqual([ORG]);
  });
});

describe('a one-time secret key', () => {
  it.each([
    ['a plain key', KEY],
    ['a project key', `sk-proj-${BODY}`],
    ['a service-account key', `sk-svcacct-${BODY}_x`],
    ['exactly 20 characters after sk-', `sk-${BODY.slice(0, 20)}`],
    ['300 characters after sk-', `sk-${BODY.repeat(8).slice(0, 300)}`],
  ])('is accepted: %s', (_, v) => {
    expect(isSecretKey(v)).toBe(true);
    expect(isPlaceholderKey(v)).toBe(false);
  });

  it.each([
    ['19 characters after sk-', `sk-${BODY.slice(0, 19)}`],
    ['301 characters after sk-', `sk-${BODY.repeat(8).slice(0, 301)}`],
    ['an uppercase prefix', `SK-${BODY}`],
    ['no prefix', BODY],
    ['a leading space', ` ${KEY}`],
    ['a trailing space', `${KEY} `],
    ['a trailing newline', `${KEY}\n`],
    ['a dot inside', `sk-${BODY.slice(0, 10)}.${BODY.slice(10)}`],
    ['redacted with dots', 'sk-...abcd'],
    ['redacted with an ellipsis', `sk-${BODY.slice(0, 20)}…${BODY.slice(-4)}`],
    ['all X', `sk-${'X'.repeat(40)}`],
    ['all zeros', `sk-${'0'.repeat(40)}`],
    ['a short pattern repeated', `sk-${'xxxx-yyyy-'.repeat(4)}`],
    ['nine distinct characters', 'sk-abcdefghiabcdefghiabcdefghi'],
    ['a sample key wording', `sk-your-api-key-${BODY.slice(0, 20)}`],
    ['an example key wording', `sk-EXAMPLE_KEY_${BODY.slice(0, 20)}`],
    ['a placeholder key wording', `sk-placeholderkey${BODY.slice(0, 20)}`],
    ['a secret key wording', `sk-secret-api-key-${BODY.slice(0, 20)}`],
  ])('is refused: %s', (_, v) => {
    expect(isSecretKey(v)).toBe(false);
  });

  it.each([
    ['a number', 1],
    ['null', null],
    ['an object that prints as one', { toString: () => KEY }],
  ])('is never a non-string: %s', (_, v) => {
    expect(isSecretKey(v)).toBe(false);
  });

  it('is random: ten distinct characters, none a third of it, is enough; fewer is a placeholder', () => {
    expect(isPlaceholderKey('sk-abcdefghijabcdefghijabcdefghij')).toBe(false);
    expect(isPlaceholderKey('sk-abcdefghiabcdefghiabcdefghi')).toBe(true);
    // one character making up more than a third of the body
    expect(isPlaceholderKey(`sk-${'a'.repeat(11)}bcdefghijkl${'a'.repeat(1)}`)).toBe(true);
    // exactly a third (10 of 30) is still random enough
    expect(isPlaceholderKey(`sk-${'a'.repeat(10)}bcdefghijklmnopqrstu`)).toBe(false);
    // separators do not count as key characters
    expect(isPlaceholderKey('sk----____----')).toBe(true);
    expect(isPlaceholderKey('sk-')).toBe(true);
  });

  it('case does not make a placeholder random', () => {
    expect(isPlaceholderKey('sk-aAbBcCdDeEaAbBcCdDeEaAbBcC')).toBe(true);
  });

  it('is found in page text only whole, never redacted or glued to more key characters', () => {
    expect(secretTokens(`Your key: ${KEY} Copy`)).toEqual([KEY]);
    expect(secretTokens(`${KEY}\u0000Done`)).toEqual([KEY]);
    expect(secretTokens(`a${KEY}`)).toEqual([]);
    expect(secretTokens(`_${KEY}`)).toEqual([]);
    expect(secretTokens(`-${KEY}`)).toEqual([]);
    expect(secretTokens(`${KEY}…`)).toEqual([]);
    expect(secretTokens(`${KEY}...`)).toEqual([]);
    expect(secretTokens(`${KEY}****`)).toEqual([]);
    expect(secretTokens(`sk-${'X'.repeat(40)}`)).toEqual([]);
    expect(secretTokens(`${KEY} and sk-proj-${BODY}`)).toEqual([KEY, `sk-proj-${BODY}`]);
  });

  it('is shown to the admin by its last 4 characters only', () => {
    expect(last4(KEY)).toBe('PyqA');
  });
});

describe('a value shown shortened', () => {
  it('is split into the head and tail the page shows', () => {
    expect(truncatedTokens('ID 3b8f2c1e…7a84 and org-p13k...pgrk')).toEqual([
      { head: '3b8f2c1e', tail: '7a84' },
      { head: 'org-p13k', tail: 'pgrk' },
    ]);
    expect(truncatedTokens('ab…cd')).toEqual([]);
    expect(truncatedTokens('abc..def')).toEqual([]);
    expect(truncatedTokens('no value here')).toEqual([]);
  });

  it('fits a full value only when both ends agree, whatever their case', () => {
    const t = { head: '3B8F2C1E', tail: '7A84' };
    expect(fitsTruncated('3b8f2c1e-9d4a-4f6b-a2c3-5e7d9f1b7a84', t)).toBe(true);
    expect(fitsTruncated('3b8f2c1e-9d4a-4f6b-a2c3-5e7d9f1b7a85', t)).toBe(false);
    expect(fitsTruncated('3b8f2c1f-9d4a-4f6b-a2c3-5e7d9f1b7a84', t)).toBe(false);
    expect(fitsTruncated(ORG, { head: 'org-p13k', tail: 'pgrk' })).toBe(true);
  });
});
