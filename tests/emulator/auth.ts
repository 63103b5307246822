/** Checks everything about a signed API request before an operation runs (amazon-pay-api.md §1.3–§1.7). */
import { formatCompact, parseAmazonDate } from './dates';
import { ApiError, hostName } from './http';
import { keyEnvironment, normaliseRegion, type Merchant, type Region } from './merchants';
import type { Environment } from './report-types';
import {
  canonicalRequest,
  parseAuthorization,
  SALT_LENGTHS,
  stringToSign,
  verifySignature,
  type ReceivedRequest,
} from './verify-signature';

export const MANDATORY_SIGNED_HEADERS = [
  'accept',
  'content-type',
  'x-amz-pay-date',
  'x-amz-pay-host',
  'x-amz-pay-region',
];
export const IDEMPOTENCY_HEADER = 'x-amz-pay-idempotency-key';

const HOST_REGIONS: Record<string, Region> = {
  'pay-api.amazon.com': 'na',
  'pay-api.amazon.eu': 'eu',
  'pay-api.amazon.jp': 'jp',
};

export interface AuthSettings {
  now: number;
  /** Older dates are refused (our guess; Amazon's window is undocumented). */
  maxDateAgeSeconds: number;
  /** Allowance for the client's clock running a little ahead. */
  futureToleranceSeconds: number;
  lookup(publicKeyId: string): Merchant | undefined;
}

export interface Authenticated {
  merchant: Merchant;
  env: Environment;
}

const header = (req: ReceivedRequest, name: string): string | undefined => req.headers[name]?.join(',');
const invalid = (name: string, value: string, why = 'is invalid'): ApiError =>
  new ApiError(400, 'InvalidHeaderValue', `The value ${value} provided for ${name} ${why}`);

function environment(merchant: Merchant, pathEnv: Environment | null): Environment {
  const keyEnv = keyEnvironment(merchant.publicKeyId);
  if (pathEnv && keyEnv)
    throw new ApiError(
      400,
      'InvalidRequest',
      `The public key ID ${merchant.publicKeyId} is environment specific; call /v2 without /${pathEnv}`,
    );
  const env = pathEnv ?? keyEnv;
  if (!env)
    throw new ApiError(
      400,
      'InvalidRequest',
      `The public key ID ${merchant.publicKeyId} has no environment prefix; call /live/v2 or /sandbox/v2`,
    );
  if (!merchant.environments.includes(env))
    throw new ApiError(
      401,
      'UnauthorizedAccess',
      `The specified merchant account is not authorized to execute this request in ${env}`,
    );
  return env;
}

function checkDate(value: string, s: AuthSettings): void {
  const date = parseAmazonDate(value);
  if (date === null) throw invalid('x-amz-pay-date', value);
  if (date > s.now + s.futureToleranceSeconds * 1000) throw invalid('x-amz-pay-date', value, 'should not be in future');
  if (date < s.now - s.maxDateAgeSeconds * 1000) {
    throw invalid('x-amz-pay-date', value, `is too old; server time is ${formatCompact(s.now)}`);
  }
}

function checkHostAndRegion(req: ReceivedRequest, merchant: Merchant): void {
  const payHost = header(req, 'x-amz-pay-host')!;
  const host = hostName(header(req, 'host'));
  if (hostName(payHost) !== host) throw invalid('x-amz-pay-host', payHost, `does not match the host ${host}`);
  const regionValue = header(req, 'x-amz-pay-region')!;
  const region = ['na', 'eu', 'jp'].includes(regionValue.toLowerCase()) ? normaliseRegion(regionValue) : null;
  const expected = HOST_REGIONS[host] ?? merchant.region;
  if (region !== expected || region !== merchant.region)
    throw invalid('x-amz-pay-region', regionValue, `does not match the endpoint region ${expected}`);
}

export function authenticate(req: ReceivedRequest, pathEnv: Environment | null, s: AuthSettings): Authenticated {
  const authorization = header(req, 'authorization');
  if (authorization === undefined) throw new ApiError(400, 'MissingHeader', 'The authorization header is missing');
  const auth = parseAuthorization(authorization);
  if (!auth)
    throw invalid(
      'authorization',
      '[redacted]',
      'is not of the form <algorithm> PublicKeyId=…, SignedHeaders=…, Signature=…',
    );
  if (SALT_LENGTHS[auth.algorithm] === undefined)
    throw invalid('authorization', auth.algorithm, 'names an unknown signing algorithm');
  const merchant = s.lookup(auth.publicKeyId);
  if (!merchant) throw new ApiError(401, 'UnauthorizedAccess', `The public key ID ${auth.publicKeyId} is unknown`);
  const env = environment(merchant, pathEnv);

  const required = req.method === 'POST' ? [...MANDATORY_SIGNED_HEADERS, IDEMPOTENCY_HEADER] : MANDATORY_SIGNED_HEADERS;
  for (const name of required) {
    if (header(req, name) === undefined) throw new ApiError(400, 'MissingHeader', `The ${name} header is missing`);
    if (!auth.signedHeaders.includes(name))
      throw new ApiError(400, 'MissingHeader', `The ${name} header must be signed (SignedHeaders)`);
  }
  for (const name of auth.signedHeaders) {
    if (header(req, name) === undefined)
      throw new ApiError(400, 'MissingHeader', `The signed header ${name} is missing`);
  }
  checkDate(header(req, 'x-amz-pay-date')!, s);
  checkHostAndRegion(req, merchant);
  const key = header(req, IDEMPOTENCY_HEADER);
  if (key !== undefined && !/^[A-Za-z0-9_-]{1,32}$/.test(key)) throw invalid(IDEMPOTENCY_HEADER, key);

  const toSign = stringToSign(auth.algorithm, canonicalRequest(req, auth.signedHeaders));
  if (!verifySignature(merchant.publicKey, auth.algorithm, toSign, auth.signature)) {
    // 403, and the echo of both the string to sign and the signature, as Amazon answers (amzn/amazon-pay-api-sdk-dotnet#4).
    throw new ApiError(
      403,
      'InvalidRequestSignature',
      `Unable to verify signature, signing String [${toSign}] , signature [${auth.signature}]`,
    );
  }
  return { merchant, env };
}
