/** Replays every vector in tests/fixtures/vectors/: canonical bytes reproduced, signatures verified. */
import { describe, expect, it } from 'vitest';
import { baseUrl } from '@/utils/amazon-pay/endpoints';
import {
  canonicalQueryString,
  canonicalRequest,
  headersToSign,
  prepareSignature,
  sha256Hex,
  signRequest,
  stringToSign,
  type SignatureAlgorithm,
} from '@/utils/amazon-pay/signing';
import { importTestPrivateKey, loadVectors, signatureOf, verifiesWithTestKey, type Vector } from './support/vectors';

const sdkVectors = loadVectors('sdk-');
const portableVectors = loadVectors('portable-');

/** The Node SDK signs with the legacy algorithm when none is configured. */
const algorithmOf = (vector: Vector): SignatureAlgorithm => vector.config.algorithm ?? 'AMZN-PAY-RSASSA-PSS';

function inputsOf(vector: Vector) {
  return {
    method: vector.request.method,
    url: vector.request.url,
    body: vector.request.body ?? undefined,
    publicKeyId: vector.config.publicKeyId,
    algorithm: algorithmOf(vector),
    date: new Date(vector.fixedClock),
    idempotencyKey: vector.headersSent['x-amz-pay-idempotency-key'],
  };
}

const withoutSignature = (authorization = '') => authorization.replace(/, Signature=[^,]*$/, '');

it('finds the vectors', () => {
  expect(sdkVectors.length).toBeGreaterThanOrEqual(9);
  expect(portableVectors.length).toBeGreaterThanOrEqual(3);
});

describe.each(sdkVectors)('SDK vector $name', (vector) => {
  it('our endpoints and query builder give its URL', () => {
    const environment = vector.config.sandbox ? 'sandbox' : 'live';
    const base = baseUrl({ region: vector.config.region ?? '', publicKeyId: vector.config.publicKeyId, environment });
    expect(vector.request.url.startsWith(`${base}/`)).toBe(true);
    expect(canonicalQueryString(vector.request.rawQuery)).toBe(vector.request.rawQuery);
  });

  it('our canonical function reproduces its bytes when fed its user-agent and extended date', async () => {
    const inputs = inputsOf(vector);
    const payloadHash = await sha256Hex(inputs.body ?? '');
    const headers = {
      ...headersToSign(inputs),
      'user-agent': vector.headersSent['user-agent'] ?? '',
      'x-amz-pay-date': vector.headersSent['x-amz-pay-date'] ?? '',
    };
    const canonical = canonicalRequest({ method: inputs.method, url: inputs.url, headers, payloadHash });
    expect(payloadHash).toBe(vector.payloadSha256);
    expect(canonical).toBe(vector.canonicalRequest);
    expect(await sha256Hex(canonical)).toBe(vector.canonicalRequestSha256);
    expect(await stringToSign(algorithmOf(vector), canonical)).toBe(vector.stringToSign);
    expect(canonical.split('\n').at(-2)).toBe(vector.signedHeaders);
  });

  it('its signature verifies with the test public key at its salt length only', () => {
    const otherSalt = vector.saltLength === 32 ? 20 : 32;
    expect(vector.saltLength).toBe(algorithmOf(vector) === 'AMZN-PAY-RSASSA-PSS-V2' ? 32 : 20);
    expect(signatureOf(vector.headersSent.authorization ?? '')).toBe(vector.signature);
    expect(verifiesWithTestKey(vector.stringToSign, vector.signature, vector.saltLength)).toBe(true);
    expect(verifiesWithTestKey(vector.stringToSign, vector.signature, otherSalt)).toBe(false);
  });
});

describe.each(portableVectors)('portable vector $name', (vector) => {
  it('prepareSignature reproduces its canonical request and string to sign', async () => {
    const plan = prepareSignature(inputsOf(vector));
    expect(plan.canonicalRequest).toBe(vector.canonicalRequest);
    expect(await sha256Hex(plan.canonicalRequest)).toBe(vector.canonicalRequestSha256);
    expect(plan.stringToSign).toBe(vector.stringToSign);
    expect(plan.signedHeaders).toBe(vector.signedHeaders);
  });

  it('signRequest sends exactly its headers, apart from the random signature', async () => {
    const { authorization, ...headers } = await signRequest({
      ...inputsOf(vector),
      privateKey: await importTestPrivateKey(),
    });
    const { authorization: expectedAuthorization, ...expectedHeaders } = vector.headersSent;
    expect(headers).toEqual(expectedHeaders);
    expect(withoutSignature(authorization)).toBe(withoutSignature(expectedAuthorization));
    expect(verifiesWithTestKey(vector.stringToSign, signatureOf(authorization ?? ''), vector.saltLength)).toBe(true);
  });

  it('its signature verifies with the test public key at its salt length only', () => {
    expect(signatureOf(vector.headersSent.authorization ?? '')).toBe(vector.signature);
    expect(verifiesWithTestKey(vector.stringToSign, vector.signature, 32)).toBe(true);
    expect(verifiesWithTestKey(vector.stringToSign, vector.signature, 20)).toBe(false);
  });
});
