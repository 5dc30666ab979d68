import { describe, expect, it } from 'vitest';
import { allCases, parseCase } from '../pages/cases';

describe('capture schema', () => {
  it('loads every capture of ours with at least three per kind', () => {
    const cases = allCases({});
    for (const kind of ['chatgpt-settings', 'key-dialog', 'skyhigh-form']) {
      expect(cases.filter((c) => c.kind === kind).length).toBeGreaterThanOrEqual(3);
    }
  });

  it('refuses a capture whose JSON does not follow the schema', () => {
    expect(() => parseCase('chatgpt-settings', 'x.json', { expect: {} }, '', 'x')).toThrow(
      /"url" is required/,
    );
    expect(() =>
      parseCase(
        'key-dialog',
        'x.json',
        { url: 'https://platform.openai.com/api-keys', expect: { secretShown: 'yes' } },
        '',
        'x',
      ),
    ).toThrow(/secretShown/);
    expect(() =>
      parseCase(
        'skyhigh-form',
        'x.json',
        { url: 'https://www.myshn.net/', values: { workspaceId: 'x' }, expect: {} },
        '',
        'x',
      ),
    ).toThrow(/"values" needs/);
  });

  it('defaults the console host to the capture URL host', () => {
    const c = parseCase(
      'skyhigh-form',
      'x.json',
      {
        url: 'https://www.myshn.eu/shndash/',
        values: { instanceName: 'a', workspaceId: 'b', organizationId: 'c', apiKey: 'd' },
        expect: {},
      },
      '',
      'x',
    );
    expect(c.kind === 'skyhigh-form' && c.consoleHost).toBe('www.myshn.eu');
  });

  it('fails loudly when EXTRA_FIXTURES names a folder that does not exist', () => {
    expect(() => allCases({ EXTRA_FIXTURES: '/nonexistent/folder' })).toThrow(/no such folder/);
  });
});
