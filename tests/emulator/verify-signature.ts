/**
 * The emulator's own request-signature check, written from amazon-pay-api.md §1.3–§1.6 and deliberately sharing
 * nothing with the product's signer: rebuild the canonical request from the request as received, then verify the
 * RSASSA-PSS signature with the merchant's public key.
 */
import { constants, createHash, verify, type KeyObject } from 'node:crypto';

/** Algorithm name → PSS salt length (§1.1). */
export const SALT_LENGTHS: Readonly<Record<string, number>> = {
  'AMZN-PAY-RSASSA-PSS-V2': 32,
  'AMZN-PAY-RSASSA-PSS': 20,
};

export interface AuthorizationParts {
  algorithm: string;
  publicKeyId: string;
  signedHeaders: string[];
  signature: string;
}

const AUTHORIZATION = /^(\S+) PublicKeyId=([^\s,]+), SignedHeaders=([^\s,]+), Signature=([A-Za-z0-9+/]+={0,2})$/;
const HEADER_NAME = /^[a-z0-9-]+$/;

/** `<alg> PublicKeyId=<id>, SignedHeaders=<h1;h2>, Signature=<b64>` (§1.6), or null when it has another shape. */
export function parseAuthorization(value: string): AuthorizationParts | null {
  const m = AUTHORIZATION.exec(value);
  if (!m) return null;
  const signedHeaders = m[3]!.split(';');
  if (!signedHeaders.every((h) => HEADER_NAME.test(h))) return null;
  if (new Set(signedHeaders).size !== signedHeaders.length) return null;
  return { algorithm: m[1]!, publicKeyId: m[2]!, signedHeaders, signature: m[4]! };
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** RFC 3986: every UTF-8 byte outside the unreserved set becomes %XX with upper-case hex. */
export function rfc3986(text: string): string {
  let out = '';
  for (const ch of text) {
    if (UNRESERVED.test(ch)) out += ch;
    else for (const byte of Buffer.from(ch, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * Splits a raw query into decoded name/value pairs. `+` is read as a space, as a servlet container would;
 * a malformed escape throws URIError.
 */
export function decodeQuery(rawQuery: string): Array<[string, string]> {
  if (rawQuery === '') return [];
  return rawQuery
    .split('&')
    .filter((p) => p !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const [name, value] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
      const decode = (s: string): string => decodeURIComponent(s.replace(/\+/g, ' '));
      return [decode(name), decode(value)];
    });
}

/** Decoded, re-encoded and sorted by encoded name then encoded value (code-unit order), joined with `&` (§1.3.3). */
export function canonicalQuery(rawQuery: string): string {
  const pairs = decodeQuery(rawQuery).map(([n, v]) => [rfc3986(n), rfc3986(v)] as const);
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([n, v]) => `${n}=${v}`).join('&');
}

export interface ReceivedRequest {
  method: string;
  /** Path exactly as it arrived, without the query. */
  rawPath: string;
  rawQuery: string;
  /** Lower-cased header name → every value received for it. */
  headers: Readonly<Record<string, readonly string[] | undefined>>;
  body: Buffer;
}

/** Signed headers are canonicalised in sorted order, whatever order the client listed them in. */
export function canonicalRequest(req: ReceivedRequest, signedHeaders: readonly string[]): string {
  const names = [...signedHeaders].sort();
  const headerLines = names
    .map((name) => `${name}:${(req.headers[name] ?? []).map((v) => v.trim()).join(',')}\n`)
    .join('');
  return [
    req.method,
    req.rawPath,
    canonicalQuery(req.rawQuery),
    headerLines,
    names.join(';'),
    createHash('sha256').update(req.body).digest('hex'),
  ].join('\n');
}

export function stringToSign(algorithm: string, canonical: string): string {
  return `${algorithm}\n${createHash('sha256').update(canonical, 'utf8').digest('hex')}`;
}

/** RSASSA-PSS, SHA-256, MGF1-SHA-256, with the exact salt length the algorithm name prescribes. */
export function verifySignature(
  publicKey: KeyObject,
  algorithm: string,
  toSign: string,
  signatureB64: string,
): boolean {
  const saltLength = SALT_LENGTHS[algorithm];
  if (saltLength === undefined) return false;
  const signature = Buffer.from(signatureB64, 'base64');
  const modulusBytes = Math.ceil((publicKey.asymmetricKeyDetails?.modulusLength ?? 0) / 8);
  if (signature.length !== modulusBytes) return false;
  return verify(
    'sha256',
    Buffer.from(toSign, 'utf8'),
    {
      key: publicKey,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength,
    },
    signature,
  );
}
