import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalQuery,
  canonicalRequest,
  parseAuthorization,
  rfc3986,
  stringToSign,
  verifySignature,
} from './verify-signature';
import { loadVectors, queryEncodingCases, vectorPublicKeyPem } from './helpers/vectors';

const vectors = loadVectors();

describe('canonicalisation (emulator side)', () => {
  it.each(queryEncodingCases())('encodes $value as RFC 3986 $rfc3986', ({ value, rfc3986: expected }) => {
    expect(rfc3986(value)).toBe(expected);
  });

  it('decodes, re-encodes and sorts the query by name then value', () => {
    expect(canonicalQuery('b=2&a=z&a=y&c=%7e&d=a+b&e=!')).toBe('a=y&a=z&b=2&c=~&d=a%20b&e=%21');
    expect(canonicalQuery('')).toBe('');
  });

  it('throws on malformed percent-encoding', () => {
    expect(() => canonicalQuery('a=%E1%88')).toThrow(URIError);
  });

  it('parses the authorization header and refuses other shapes', () => {
    expect(
      parseAuthorization(
        'AMZN-PAY-RSASSA-PSS-V2 PublicKeyId=LIVE-X, SignedHeaders=accept;x-amz-pay-date, Signature=AbC+/=',
      ),
    ).toEqual({
      algorithm: 'AMZN-PAY-RSASSA-PSS-V2',
      publicKeyId: 'LIVE-X',
      signedHeaders: ['accept', 'x-amz-pay-date'],
      signature: 'AbC+/=',
    });
    for (const bad of [
      'AMZN-PAY-RSASSA-PSS-V2 PublicKeyId=X,SignedHeaders=a, Signature=A',
      'AMZN-PAY-RSASSA-PSS-V2 PublicKeyId=X, SignedHeaders=Accept, Signature=A',
      'AMZN-PAY-RSASSA-PSS-V2 PublicKeyId=X, SignedHeaders=a;a, Signature=A',
      'AMZN-PAY-RSASSA-PSS-V2  PublicKeyId=X, SignedHeaders=a, Signature=A',
    ])
      expect(parseAuthorization(bad)).toBeNull();
  });

  it.each(vectors.map((v) => [v.file, v] as const))(
    'rebuilds the canonical request and string to sign of %s byte for byte',
    (_f, v) => {
      const headers = Object.fromEntries(Object.entries(v.headersSent).map(([k, val]) => [k.toLowerCase(), [val]]));
      const req = {
        method: v.request.method,
        rawPath: v.request.path,
        rawQuery: v.request.rawQuery,
        headers,
        body: Buffer.from(v.request.body ?? ''),
      };
      const canonical = canonicalRequest(req, v.signedHeaders.split(';'));
      expect(canonical).toBe(v.canonicalRequest);
      const algorithm = v.stringToSign.split('\n')[0]!;
      const toSign = stringToSign(algorithm, canonical);
      expect(toSign).toBe(v.stringToSign);
      const signature = /Signature=(\S+)$/.exec(v.headersSent.authorization!)![1]!;
      const key = createPublicKey(vectorPublicKeyPem());
      expect(verifySignature(key, algorithm, toSign, signature)).toBe(true);
      const other = algorithm === 'AMZN-PAY-RSASSA-PSS-V2' ? 'AMZN-PAY-RSASSA-PSS' : 'AMZN-PAY-RSASSA-PSS-V2';
      expect(verifySignature(key, other, toSign, signature)).toBe(false);
    },
  );
});
