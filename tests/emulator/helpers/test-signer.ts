/**
 * A small request signer for the emulator's tests, written separately from both the product's signer and the
 * emulator's verifier, so a shared mistake cannot make the tests pass.
 */
import { constants, createHash, createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const V2 = 'AMZN-PAY-RSASSA-PSS-V2';
export const V1 = 'AMZN-PAY-RSASSA-PSS';

export function loadPrivateKey(path: string): KeyObject {
  return createPrivateKey(readFileSync(path, 'utf8'));
}

/** RFC 3986 percent-encoding (encodeURIComponent leaves ! ' ( ) * alone). */
export function encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Query pairs → the encoded, sorted query used both on the wire and in the canonical request. */
export function queryString(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs
    .map(([k, v]) => `${encode(k)}=${encode(v)}`)
    .sort()
    .join('&');
}

/** `20240115T123456Z` */
export function compactDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}T${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

export interface UnsignedRequest {
  method: string;
  path: string;
  /** Exactly what follows `?` on the wire (may be empty). */
  query: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: string;
}

export function testStringToSign(req: UnsignedRequest, signed: readonly string[], algorithm: string): string {
  const names = [...signed].sort();
  const canonicalQuery = req.query === '' ? '' : req.query.split('&').sort().join('&');
  let canonical = `${req.method}\n${req.path}\n${canonicalQuery}\n`;
  for (const name of names) canonical += `${name}:${req.headers[name] ?? ''}\n`;
  canonical += `\n${names.join(';')}\n${createHash('sha256').update(req.body).digest('hex')}`;
  return `${algorithm}\n${createHash('sha256').update(canonical).digest('hex')}`;
}

export interface SignOptions {
  publicKeyId: string;
  privateKey: KeyObject;
  algorithm?: string;
  /** Override the salt the algorithm implies (to produce a deliberately wrong signature). */
  saltLength?: number;
  /** Defaults to every header present. */
  signedHeaders?: string[];
}

/** Returns the headers to send: the request's headers plus `authorization`. */
export function signRequest(req: UnsignedRequest, o: SignOptions): Record<string, string> {
  const algorithm = o.algorithm ?? V2;
  const signed = o.signedHeaders ?? Object.keys(req.headers);
  const toSign = testStringToSign(req, signed, algorithm);
  const signature = sign('sha256', Buffer.from(toSign), {
    key: o.privateKey,
    padding: constants.RSA_PKCS1_PSS_PADDING,
    saltLength: o.saltLength ?? (algorithm === V2 ? 32 : 20),
  }).toString('base64');
  const list = [...signed].sort().join(';');
  return {
    ...req.headers,
    authorization: `${algorithm} PublicKeyId=${o.publicKeyId}, SignedHeaders=${list}, Signature=${signature}`,
  };
}
