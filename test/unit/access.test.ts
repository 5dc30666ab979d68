import { describe, expect, it } from 'vitest';
import { accessCheckUrl, errorCodeOf, interpretAccess } from '../../src/core/access';

describe('the access check', () => {
  it('asks for one record of the workspace', () => {
    expect(accessCheckUrl('f7f33107-5fb9-4ee1-8922-3eae76b5b5a0')).toBe(
      'https://api.chatgpt.com/v1/compliance/workspaces/f7f33107-5fb9-4ee1-8922-3eae76b5b5a0/users?limit=1',
    );
  });

  it.each([
    [200, null, 'ok'],
    [204, null, 'ok'],
    [401, 'invalid_api_key', 'unauthorized'],
    [403, 'insufficient_scope', 'forbidden'],
    [403, 'ip_not_allowed', 'ip-blocked'],
    [403, 'IP allowlist', 'ip-blocked'],
    [404, 'not_found', 'not-found'],
    [500, null, 'other'],
    [400, 'multiple_errors', 'other'],
    [403, 'account_blocked', 'forbidden'],
    [429, null, 'rate-limited'],
    [429, 'rate_limit_exceeded', 'rate-limited'],
    [null, null, 'blocked'],
  ] as const)('HTTP %s with code %s means %s', (status, code, result) => {
    expect(interpretAccess(status, code)).toBe(result);
  });

  it('reads only a short error code from an error body', () => {
    expect(
      errorCodeOf({ error: { code: 'invalid_api_key', message: 'Incorrect API key provided: sk-abc…' } }),
    ).toBe('invalid_api_key');
    expect(errorCodeOf({ error: { type: 'invalid_request_error' } })).toBe('invalid_request_error');
    expect(errorCodeOf({ error: 'x' })).toBeNull();
    expect(errorCodeOf({ error: { code: 'x'.repeat(65) } })).toBeNull();
    expect(errorCodeOf(null)).toBeNull();
    expect(errorCodeOf('{"error":{"code":"a"}}')).toBeNull();
  });
});
