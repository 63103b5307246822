import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_ALGORITHM,
  SALT_LENGTH,
  authorizationHeader,
  buildUrl,
  prepareSignature,
  signRequest,
  type SignatureAlgorithm,
  type SignRequestInput,
} from '@/utils/amazon-pay/signing';
import { toBase64, utf8 } from '@/utils/amazon-pay/encoding';
import { importTestPrivateKey, signatureOf, verifiesWithTestKey } from './support/vectors';

const DATE = new Date('2024-01-15T12:34:56.000Z');
const REPORTS = 'https://pay-api.amazon.com/v2/reports';
let privateKey: CryptoKey;

beforeAll(async () => {
  privateKey = await importTestPrivateKey();
});
afterEach(() => {
  vi.useRealTimers();
});

const sign = (input: Partial<SignRequestInput>) =>
  signRequest({
    method: 'GET',
    url: REPORTS,
    publicKeyId: 'LIVE-AEXAMPLETESTKEY000000000',
    privateKey,
    date: DATE,
    ...input,
  });

describe('headers', () => {
  it.each([
    ['https://pay-api.amazon.com/v2/reports', 'pay-api.amazon.com', 'na'],
    ['https://pay-api.amazon.eu/sandbox/v2/reports', 'pay-api.amazon.eu', 'eu'],
    ['https://PAY-API.AMAZON.JP/live/v2/reports', 'pay-api.amazon.jp', 'jp'],
  ])('%s → host %s, region %s', async (url, host, region) => {
    const { authorization, ...headers } = await sign({ url });
    expect(headers).toEqual({
      accept: 'application/json',
      'content-type': 'application/json',
      'x-amz-pay-date': '20240115T123456Z',
      'x-amz-pay-host': host,
      'x-amz-pay-region': region,
    });
    expect(authorization).toMatch(
      /^AMZN-PAY-RSASSA-PSS-V2 PublicKeyId=LIVE-AEXAMPLETESTKEY000000000, SignedHeaders=accept;content-type;x-amz-pay-date;x-amz-pay-host;x-amz-pay-region, Signature=[A-Za-z0-9+/]{342}==$/,
    );
  });

  it.each([
    ['with an idempotency key', 'key-123', true],
    ['with an empty idempotency key', '', false],
    ['without an idempotency key', undefined, false],
  ])('%s', async (_name, idempotencyKey, sent) => {
    const headers = await sign({ method: 'POST', body: '{}', idempotencyKey });
    expect('x-amz-pay-idempotency-key' in headers).toBe(sent);
    expect(headers.authorization?.includes(';x-amz-pay-idempotency-key;')).toBe(sent);
    if (sent) expect(headers['x-amz-pay-idempotency-key']).toBe(idempotencyKey);
  });

  it.each(['GET', 'POST', 'DELETE'])('never sends or signs user-agent (%s)', async (method) => {
    const headers = await sign({ method, idempotencyKey: method === 'POST' ? 'k' : undefined });
    expect(Object.keys(headers)).not.toContain('user-agent');
    expect(headers.authorization).not.toContain('user-agent');
  });

  it('uses the current time when no date is given', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-06-30T23:59:58.750Z'));
    const headers = await signRequest({ method: 'GET', url: REPORTS, publicKeyId: 'LIVE-X', privateKey });
    expect(headers['x-amz-pay-date']).toBe('20250630T235958Z');
  });
});

describe('signature', () => {
  it.each<[SignatureAlgorithm, number, number]>([
    ['AMZN-PAY-RSASSA-PSS-V2', 32, 20],
    ['AMZN-PAY-RSASSA-PSS', 20, 32],
  ])('%s verifies with salt %i and not with salt %i', async (algorithm, salt, wrongSalt) => {
    const input = { method: 'GET', url: REPORTS, publicKeyId: 'LIVE-X', algorithm, date: DATE };
    const headers = await signRequest({ ...input, privateKey });
    const { stringToSign } = prepareSignature(input);
    expect(SALT_LENGTH[algorithm]).toBe(salt);
    expect(stringToSign.startsWith(`${algorithm}\n`)).toBe(true);
    expect(headers.authorization?.startsWith(`${algorithm} PublicKeyId=LIVE-X, `)).toBe(true);
    const signature = signatureOf(headers.authorization ?? '');
    expect(verifiesWithTestKey(stringToSign, signature, salt)).toBe(true);
    expect(verifiesWithTestKey(stringToSign, signature, wrongSalt)).toBe(false);
  });

  it('defaults to V2', async () => {
    expect(DEFAULT_ALGORITHM).toBe('AMZN-PAY-RSASSA-PSS-V2');
    const plan = prepareSignature({ method: 'GET', url: REPORTS, publicKeyId: 'LIVE-X', date: DATE });
    expect(plan.algorithm).toBe('AMZN-PAY-RSASSA-PSS-V2');
  });

  it('builds the authorization header in the documented shape', () => {
    expect(
      authorizationHeader({
        algorithm: 'AMZN-PAY-RSASSA-PSS',
        publicKeyId: 'ID',
        signedHeaders: 'a;b',
        signature: 'c2ln',
      }),
    ).toBe('AMZN-PAY-RSASSA-PSS PublicKeyId=ID, SignedHeaders=a;b, Signature=c2ln');
  });
});

describe('canonical request', () => {
  const plan = (input: Partial<SignRequestInput>) =>
    prepareSignature({ method: 'GET', url: REPORTS, publicKeyId: 'LIVE-X', date: DATE, ...input });

  it.each([
    ['no body', undefined, ''],
    ['empty body', '', ''],
    ['JSON body', '{"reportType":"_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_"}', null],
    ['unicode body', '{"note":"Café – 東京 ✓ 😀"}', null],
  ])('hashes the UTF-8 body: %s', async (_name, body, hashed) => {
    const { canonicalRequest } = plan({ method: 'POST', body });
    const expected = createHash('sha256')
      .update(Buffer.from(hashed ?? body ?? '', 'utf8'))
      .digest('hex');
    expect(canonicalRequest.split('\n').at(-1)).toBe(expected);
  });

  it.each([
    ['keeps a trailing slash', 'https://pay-api.amazon.com/v2/reports/', '/v2/reports/'],
    ['keeps a double slash', 'https://pay-api.amazon.com//v2/reports', '//v2/reports'],
    ['keeps percent-escapes in the path as sent', 'https://pay-api.amazon.com/v2/reports/a%2Fb', '/v2/reports/a%2Fb'],
    ['ignores a fragment', 'https://pay-api.amazon.com/v2/reports#x', '/v2/reports'],
    ['uses / for an empty path', 'https://pay-api.amazon.com', '/'],
  ])('%s', async (_name, url, canonicalPath) => {
    const { canonicalRequest } = plan({ url });
    expect(canonicalRequest.split('\n')[1]).toBe(canonicalPath);
  });

  it.each([
    ['unsorted with lower-case hex', `${REPORTS}?pageSize=10&nextToken=Ab%2bc%2fd%3d%3d`],
    ['with unreserved characters percent-encoded', `${REPORTS}?nextToken=%41b%2Bc%2Fd%3D%3D&page%53ize=10`],
  ])('signs a URL written %s like the equivalent buildUrl URL', async (_name, url) => {
    const built = buildUrl('https://pay-api.amazon.com/v2', 'reports', { nextToken: 'Ab+c/d==', pageSize: 10 });
    expect(plan({ url }).canonicalRequest).toBe(plan({ url: built }).canonicalRequest);
  });

  it('canonicalises the query it is given, including characters encodeURIComponent leaves raw', async () => {
    const { canonicalRequest } = plan({ url: `${REPORTS}?b=!'()*&a=x y` });
    expect(canonicalRequest.split('\n')[2]).toBe('a=x%20y&b=%21%27%28%29%2A');
  });

  it('upper-cases the method', async () => {
    expect(plan({ method: 'delete' }).canonicalRequest.split('\n')[0]).toBe('DELETE');
  });

  it('matches the documented layout: empty line after headers, no trailing newline', async () => {
    const { canonicalRequest } = plan({ url: `${REPORTS}?pageSize=1` });
    expect(canonicalRequest).toBe(
      [
        'GET',
        '/v2/reports',
        'pageSize=1',
        'accept:application/json',
        'content-type:application/json',
        'x-amz-pay-date:20240115T123456Z',
        'x-amz-pay-host:pay-api.amazon.com',
        'x-amz-pay-region:na',
        '',
        'accept;content-type;x-amz-pay-date;x-amz-pay-host;x-amz-pay-region',
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      ].join('\n'),
    );
  });
});

describe('refusals', () => {
  it.each<[string, Partial<SignRequestInput>, RegExp]>([
    ['a host that is not Amazon Pay', { url: 'https://example.com/v2/reports' }, /not an Amazon Pay API host/],
    ['a relative URL', { url: '/v2/reports' }, /not an absolute URL/],
    ['an unknown algorithm', { algorithm: 'RSA-SHA256' as SignatureAlgorithm }, /Unknown signature algorithm/],
    ['an empty public key ID', { publicKeyId: '' }, /without a public key ID/],
    ['an invalid date', { date: new Date(Number.NaN) }, /invalid Date/],
  ])('refuses %s', async (_name, input, message) => {
    await expect(sign(input)).rejects.toThrow(message);
  });
});

describe('portability', () => {
  const dir = path.resolve(__dirname, '../../../utils/amazon-pay');
  it.each(['endpoints.ts', 'signing.ts', 'canonical.ts', 'encoding.ts'])(
    '%s imports only its siblings and touches no browser or Node globals',
    (file) => {
      const source = readFileSync(path.join(dir, file), 'utf8');
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect(imports.every((specifier) => specifier?.startsWith('./'))).toBe(true);
      expect(source).not.toMatch(/\b(browser|window|chrome|process|Buffer|require)\s*[.(]/);
    },
  );
});

describe('toBase64', () => {
  it('writes what Node writes, for every length around the padding and past one chunk', () => {
    for (const length of [0, 1, 2, 3, 4, 255, 256, 257, 0x2000, 0x2001, 20_000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 131 + length) & 255);
      expect(toBase64(bytes), `length ${length}`).toBe(Buffer.from(bytes).toString('base64'));
      expect(toBase64(bytes.buffer), `length ${length} (ArrayBuffer)`).toBe(Buffer.from(bytes).toString('base64'));
    }
  });
});

describe('utf8', () => {
  it('gives the bytes TextEncoder gives, ASCII or not', () => {
    for (const text of [
      '',
      'AMZN-PAY-RSASSA-PSS-V2\nabc',
      'Grüße',
      '日本 🎌',
      'a\u007f\u0080',
      'lone \ud800 surrogate',
    ]) {
      expect(utf8(text), JSON.stringify(text)).toEqual(new TextEncoder().encode(text));
    }
  });
});
