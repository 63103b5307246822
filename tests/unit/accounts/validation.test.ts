import { describe, expect, it } from 'vitest';
import { checkPublicKeyId } from '@/utils/accounts/validation';

describe('public key ID check', () => {
  it.each([
    ['AF5CONNHKLCVRHOZE5ABCDEF', undefined],
    ['LIVE-AF5CONNHKLCVRHOZE5ABCDEF', 'live'],
    ['SANDBOX-AFVX7ULWSGBZ5535PCUQOY7B', 'sandbox'],
    ['  SANDBOX-AFVX7ULWSGBZ5535PCUQOY7B\n', 'sandbox'],
  ])('accepts %s (environment %s)', (id, environment) => {
    expect(checkPublicKeyId(id)).toEqual({ ok: true, environment });
  });

  it.each([
    '',
    'af5connhklcvrhoze5abcdef',
    'AF5CONNHKLCVRHOZE5ABCDE',
    'AF5CONNHKLCVRHOZE5ABCDEFG',
    'TEST-AF5CONNHKLCVRHOZE5ABCDEF',
    'SANDBOX_AFVX7ULWSGBZ5535PCUQOY7B',
  ])('refuses %j with a fix', (id) => {
    const result = checkPublicKeyId(id);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.userMessage).toContain('Integration Central');
  });
});
