/**
 * An Admin key's facts at their edges: the dates a console may write (and the near-misses that must
 * give no date rather than a wrong one), the label/value pairs a view sends (short, visible, never
 * key-shaped, at most 16), and the expiration chosen in the form.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { expiryFromChoice, keyFacts, labelledPairs, parseExpiry } from '../../src/core/readers/key-facts';

const D = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

const view = (html: string) => {
  document.body.innerHTML = `<section>${html}</section>`;
  return document.querySelector('section') as Element;
};

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('an expiry as the console writes it', () => {
  it.each([
    ['2027-1-5', D(2027, 1, 5)],
    ['Expires 2027-01-05 (UTC)', D(2027, 1, 5)],
    ['2027 年 1 月 5 日', D(2027, 1, 5)],
    ['5. 1. 2027', D(2027, 1, 5)],
    ['13/01/2027', D(2027, 1, 13)],
    ['01/13/2027', D(2027, 1, 13)],
    ['Jan. 5, 2027', D(2027, 1, 5)],
    ['Sep 5 2027', D(2027, 9, 5)],
    ['5 September 2027', D(2027, 9, 5)],
    ['NEVER', 'never'],
    ['jamais', 'never'],
    ['2020-01-01', D(2020, 1, 1)],
    ['2200-12-31', D(2200, 12, 31)],
  ] as const)('%j is %s', (text, expected) => {
    expect(parseExpiry(text)).toBe(expected);
  });

  it.each([
    ['a year before keys existed', '2019-12-31'],
    ['a year no console shows', '2201-01-01'],
    ['month 13', '2027-13-01'],
    ['month 0', '2027-00-10'],
    ['day 0', '2027-01-00'],
    ['30 February', '30.02.2027'],
    ['31 April, month first', '04/31/2027'],
    ['both readings impossible', '13/13/2027'],
    ['12 May or 5 December', '12/05/2027'],
    ['5 December or 12 May', '05/12/2027'],
    ['an unknown month', 'Foo 5, 2027'],
    ['never as part of a sentence', 'never before 2027'],
    ['a bare number', '20270105'],
  ])('%s (%j): no date', (_, text) => {
    expect(parseExpiry(text)).toBeNull();
  });
});

describe('the label/value pairs a view sends', () => {
  it('takes the element right after a label, and only leaf labels', () => {
    const pairs = labelledPairs(
      view('<div><span>Expires</span><span>Never</span></div><p><b>Permissions</b><i>All</i></p>'),
    );
    expect(pairs).toEqual([
      ['Expires', 'Never'],
      ['Permissions', 'All'],
    ]);
  });

  it('leaves out hidden labels, empty values and long texts', () => {
    const pairs = labelledPairs(
      view(
        '<dl><dt hidden>Expires</dt><dd>Never</dd>' +
          '<dt>Permissions</dt><dd>  </dd>' +
          `<dt>Workspace</dt><dd>${'A'.repeat(81)}</dd>` +
          `<dt>${'L'.repeat(81)}</dt><dd>x</dd>` +
          '<dt>Expiration</dt><dd>2027-01-05</dd></dl>',
      ),
    );
    expect(pairs).toEqual([['Expiration', '2027-01-05']]);
  });

  it('never sends a key-shaped text: sk-, or a long run of letters and digits', () => {
    const pairs = labelledPairs(
      view(
        '<dl><dt>Key</dt><dd>sk-...qCBE</dd>' +
          '<dt>Key ID</dt><dd>key_a1B2c3D4e5F6g7H8i9J0k1L2</dd>' +
          '<dt>Token</dt><dd>abcdefghijklmnopqrstuvwx1</dd>' +
          '<dt>Team</dt><dd>Internationalization-Team</dd></dl>',
      ),
    );
    expect(pairs).toEqual([['Team', 'Internationalization-Team']]);
  });

  it('sends 16 pairs at most', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `<dt>Label ${i}</dt><dd>Value ${i}</dd>`).join('');
    const pairs = labelledPairs(view(`<dl>${rows}</dl>`));
    expect(pairs).toHaveLength(16);
    expect(pairs[15]).toEqual(['Label 15', 'Value 15']);
  });
});

describe('what the pairs say', () => {
  it('each fact from its label in any of the console’s languages, the same value twice is one', () => {
    expect(
      keyFacts([
        ['Läuft ab', '2027-01-05'],
        ['Expires', '2027-01-05'],
        ['Berechtigungen', 'Nur lesen'],
        ['Arbeitsbereich', 'Acme'],
        ['Name', 'Skyhigh CASB'],
      ]),
    ).toEqual({ expires: D(2027, 1, 5), permissions: 'Nur lesen', workspaceName: 'Acme' });
  });

  it('an expiry that reads as no date is left out, the other facts stay', () => {
    expect(
      keyFacts([
        ['Expires', 'soon'],
        ['Permissions', 'All'],
      ]),
    ).toEqual({ permissions: 'All' });
  });

  it('two workspaces or two permissions: that fact is left out', () => {
    expect(
      keyFacts([
        ['Workspace', 'Acme'],
        ['Workspace', 'Beta'],
        ['Permissions', 'All'],
        ['Permissions', 'Read only'],
        ['Expires', 'Never'],
      ]),
    ).toEqual({ expires: 'never' });
  });
});

describe('the expiration chosen in the form', () => {
  const now = D(2026, 11, 1) + 23 * 60 * 60_000; // late in the day: the start of the day counts
  it.each([
    ['1 day', D(2026, 11, 2)],
    ['1 Tag', D(2026, 11, 2)],
    ['1 jour', D(2026, 11, 2)],
    ['1 día', D(2026, 11, 2)],
    ['7 dias', D(2026, 11, 8)],
    ['30 days', D(2026, 12, 1)],
    ['30 jours', D(2026, 12, 1)],
    ['30 días', D(2026, 12, 1)],
    ['30 Tagen', D(2026, 12, 1)],
    ['30日間', D(2026, 12, 1)],
    [' 7  days ', D(2026, 11, 8)],
    ['2027-01-05', D(2027, 1, 5)],
  ] as const)('%j is %s', (choice, expected) => {
    expect(expiryFromChoice(choice, now)).toBe(expected);
  });

  it.each(['', 'Custom', '30 weeks', '1000 days', 'days'])('%j gives no date', (choice) => {
    expect(expiryFromChoice(choice, now)).toBeNull();
  });
});
