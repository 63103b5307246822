/**
 * S3-style pre-signed document URLs. The query looks like SigV4 query authentication; the signature is an HMAC with
 * a secret of this emulator instance, so a URL cannot be forged or stretched, and it expires like S3's: at
 * X-Amz-Date (whole seconds) + X-Amz-Expires.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { formatCompact, parseAmazonDate } from './dates';
import type { Region } from './merchants';

/**
 * The S3 buckets of SP-API's legacy report documents, whose ids have the same `amzn1.tortuga.3.` shape as Amazon
 * Pay's: an analogy, Amazon Pay's own host is undocumented. The object key starts with a slash, hence `%2F`.
 */
export const DOCUMENT_HOSTS: Record<Region, { host: string; awsRegion: string }> = {
  na: { host: 'tortuga-prod-na.s3-external-1.amazonaws.com', awsRegion: 'us-east-1' },
  eu: { host: 'tortuga-prod-eu.s3-eu-west-1.amazonaws.com', awsRegion: 'eu-west-1' },
  jp: { host: 'tortuga-prod-fe.s3-us-west-2.amazonaws.com', awsRegion: 'us-west-2' },
};
export const DOCUMENT_PATH_PREFIX = '/%2FNinetyDays/';
const ACCESS_KEY = 'AKIAEMULATORTESTONLY';

function signature(secret: Buffer, host: string, path: string, unsignedQuery: string): string {
  return createHmac('sha256', secret).update(`GET\n${path}\n${unsignedQuery}\nhost:${host}`).digest('hex');
}

export interface PresignedUrl {
  url: string;
  signature: string;
  /** Emulator-clock ms after which the URL is refused. */
  expiresAt: number;
}

/** The query in the order SP-API's document URLs show: Algorithm, Date, SignedHeaders, Expires, Credential, Signature. */
export function presign(
  secret: Buffer,
  region: Region,
  documentId: string,
  now: number,
  ttlSeconds: number,
): PresignedUrl {
  const { host, awsRegion } = DOCUMENT_HOSTS[region];
  const date = formatCompact(now);
  const path = `${DOCUMENT_PATH_PREFIX}${documentId}`;
  const expires = Math.max(1, Math.round(ttlSeconds));
  const query = new URLSearchParams([
    ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
    ['X-Amz-Date', date],
    ['X-Amz-SignedHeaders', 'host'],
    ['X-Amz-Expires', String(expires)],
    ['X-Amz-Credential', `${ACCESS_KEY}/${date.slice(0, 8)}/${awsRegion}/s3/aws4_request`],
  ]).toString();
  const sig = signature(secret, host, path, query);
  return {
    url: `https://${host}${path}?${query}&X-Amz-Signature=${sig}`,
    signature: sig,
    expiresAt: parseAmazonDate(date)! + expires * 1000,
  };
}

export type PresignCheck =
  | { ok: true; documentId: string; signature: string }
  | {
      ok: false;
      code: 'AuthorizationQueryParametersError' | 'SignatureDoesNotMatch' | 'AccessDenied' | 'NoSuchKey';
      message: string;
      signature?: string;
      expiresAt?: number;
      expires?: number;
    };

/** Checks a request on the document host: known path, untouched query, not expired at `now`. */
export function checkPresigned(
  secret: Buffer,
  host: string,
  path: string,
  rawQuery: string,
  now: number,
): PresignCheck {
  if (!path.startsWith(DOCUMENT_PATH_PREFIX))
    return { ok: false, code: 'NoSuchKey', message: 'The specified key does not exist.' };
  const at = rawQuery.lastIndexOf('&X-Amz-Signature=');
  const params = new URLSearchParams(rawQuery);
  const given = params.get('X-Amz-Signature');
  const date = parseAmazonDate(params.get('X-Amz-Date') ?? '');
  const expires = Number(params.get('X-Amz-Expires'));
  if (
    at < 0 ||
    !given ||
    date === null ||
    !Number.isInteger(expires) ||
    params.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256'
  ) {
    return {
      ok: false,
      code: 'AuthorizationQueryParametersError',
      message:
        'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
    };
  }
  const expected = Buffer.from(signature(secret, host, path, rawQuery.slice(0, at)));
  const actual = Buffer.from(rawQuery.slice(at + '&X-Amz-Signature='.length));
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return {
      ok: false,
      code: 'SignatureDoesNotMatch',
      message:
        'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    };
  }
  const expiresAt = date + expires * 1000;
  if (now > expiresAt)
    return { ok: false, code: 'AccessDenied', message: 'Request has expired', signature: given, expiresAt, expires };
  return { ok: true, documentId: decodeURIComponent(path.slice(DOCUMENT_PATH_PREFIX.length)), signature: given };
}
