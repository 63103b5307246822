/**
 * Signs Amazon Pay API requests with WebCrypto RSA-PSS (amazon-pay-api.md §1). Runs unchanged in a
 * service worker, a page and Node >= 20: only globalThis.crypto.subtle, TextEncoder and btoa are used. Hashing is
 * done here, synchronously (sha256.ts): the one WebCrypto call per request is the signature.
 */
import { canonicalRequestParts, formatAmzDate, parseAbsoluteUrl } from './canonical';
import { sha256Hex, toBase64, utf8 } from './encoding';
import { regionForHost } from './endpoints';

export {
  buildQueryString,
  buildUrl,
  canonicalHeaders,
  canonicalQueryString,
  canonicalRequest,
  formatAmzDate,
  parseAmzDate,
} from './canonical';
export type { CanonicalRequestInput, QueryParams } from './canonical';
export { sha256Hex } from './encoding';

export type SignatureAlgorithm = 'AMZN-PAY-RSASSA-PSS-V2' | 'AMZN-PAY-RSASSA-PSS';

/** V2 is what Amazon recommends; the SDKs still default to V1 only for backward compatibility. */
export const DEFAULT_ALGORITHM: SignatureAlgorithm = 'AMZN-PAY-RSASSA-PSS-V2';

/** PSS salt length in bytes: with the name, the only difference between V1 and V2. */
export const SALT_LENGTH: Readonly<Record<SignatureAlgorithm, number>> = {
  'AMZN-PAY-RSASSA-PSS-V2': 32,
  'AMZN-PAY-RSASSA-PSS': 20,
};

export interface SignRequestInput {
  method: string;
  /** Absolute URL exactly as it will be fetched; build it with buildUrl so its query is canonical. */
  url: string;
  /** The exact body that will be sent; omit for GET and DELETE. */
  body?: string;
  publicKeyId: string;
  /** RSA-PSS / SHA-256 private key with the `sign` usage. */
  privateKey: CryptoKey;
  algorithm?: SignatureAlgorithm;
  /** Signing time; defaults to now. */
  date?: Date;
  idempotencyKey?: string;
}

/** Everything that decides the signature except the key. */
export type SignatureInput = Omit<SignRequestInput, 'privateKey'>;

/** The deterministic part of a signature, also what a SignatureError shows next to Amazon's echo. */
export interface SignaturePlan {
  algorithm: SignatureAlgorithm;
  /** The headers to send and sign, lower-case names, without `authorization`. */
  headers: Record<string, string>;
  signedHeaders: string;
  canonicalRequest: string;
  stringToSign: string;
}

/** `algorithm + "\n" + hex(sha256(canonicalRequest))`. */
export function stringToSign(algorithm: SignatureAlgorithm, canonical: string): string {
  return `${algorithm}\n${sha256Hex(canonical)}`;
}

/** The headers every request signs; `user-agent` is never among them (browsers cannot set it reliably). */
export function headersToSign(input: {
  url: string | URL;
  date?: Date;
  idempotencyKey?: string;
}): Record<string, string> {
  const host = parseAbsoluteUrl(input.url).hostname;
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/json',
    'x-amz-pay-date': formatAmzDate(input.date ?? new Date()),
    'x-amz-pay-host': host,
    'x-amz-pay-region': regionForHost(host),
  };
  if (input.idempotencyKey) headers['x-amz-pay-idempotency-key'] = input.idempotencyKey;
  return headers;
}

/** Canonical request, string to sign and headers for a request, without signing it; synchronous, so signing a
 * request costs one await: the signature's. */
export function prepareSignature(input: SignatureInput): SignaturePlan {
  const algorithm = input.algorithm ?? DEFAULT_ALGORITHM;
  if (!Object.hasOwn(SALT_LENGTH, algorithm)) {
    throw new Error(`Unknown signature algorithm "${String(algorithm)}": use ${Object.keys(SALT_LENGTH).join(' or ')}`);
  }
  if (!input.publicKeyId) throw new Error('Cannot sign a request without a public key ID');
  const url = parseAbsoluteUrl(input.url);
  const headers = headersToSign({ url, date: input.date, idempotencyKey: input.idempotencyKey });
  const { canonicalRequest, signedHeaders } = canonicalRequestParts({
    method: input.method,
    url,
    headers,
    payloadHash: sha256Hex(input.body ?? ''),
  });
  return {
    algorithm,
    headers,
    signedHeaders,
    canonicalRequest,
    stringToSign: stringToSign(algorithm, canonicalRequest),
  };
}

/** `<alg> PublicKeyId=<id>, SignedHeaders=<h1;h2>, Signature=<base64>`. */
export function authorizationHeader(parts: {
  algorithm: SignatureAlgorithm;
  publicKeyId: string;
  signedHeaders: string;
  signature: string;
}): string {
  return `${parts.algorithm} PublicKeyId=${parts.publicKeyId}, SignedHeaders=${parts.signedHeaders}, Signature=${parts.signature}`;
}

/** Every header to send with the request (lower-case names), `authorization` included. */
export async function signRequest(input: SignRequestInput): Promise<Record<string, string>> {
  const plan = prepareSignature(input);
  const signature = await globalThis.crypto.subtle.sign(
    { name: 'RSA-PSS', saltLength: SALT_LENGTH[plan.algorithm] },
    input.privateKey,
    utf8(plan.stringToSign),
  );
  return {
    ...plan.headers,
    authorization: authorizationHeader({
      algorithm: plan.algorithm,
      publicKeyId: input.publicKeyId,
      signedHeaders: plan.signedHeaders,
      signature: toBase64(signature),
    }),
  };
}
