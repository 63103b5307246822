/** A signed-request builder for tests: portable (PHP/Java/browser) style by default, every part overridable. */
import { randomUUID } from 'node:crypto';
import { DEMO_PRIVATE_KEY_PATH, SEEDED_MERCHANTS, type RunningEmulator, type SeededMerchant } from '../index';
import { send, type Received } from './http-client';
import {
  compactDate,
  loadPrivateKey,
  queryString,
  signRequest,
  type SignOptions,
  type UnsignedRequest,
} from './test-signer';

export const HOSTS = { na: 'pay-api.amazon.com', eu: 'pay-api.amazon.eu', jp: 'pay-api.amazon.jp' } as const;
export const demoKey = loadPrivateKey(DEMO_PRIVATE_KEY_PATH);

export function seeded(region: 'na' | 'eu' | 'jp', environment: SeededMerchant['environment']): SeededMerchant {
  const m = SEEDED_MERCHANTS.find((x) => x.region === region && x.environment === environment);
  if (!m) throw new Error(`no seeded ${region}/${environment} merchant`);
  return m;
}

export interface CallOptions {
  method?: string;
  /** Path as sent, e.g. `/v2/reports`. */
  path: string;
  query?: Array<[string, string]>;
  body?: string;
  publicKeyId?: string;
  region?: 'na' | 'eu' | 'jp';
  /** Overrides for the default portable headers; `undefined` removes one. */
  headers?: Record<string, string | undefined>;
  sign?: Partial<SignOptions>;
  /** Change the request after signing (tamper tests). */
  mutate?: (r: UnsignedRequest & { headers: Record<string, string> }) => void;
}

/** Builds, signs (as the seeded sandbox NA merchant unless told otherwise) and sends one request. */
export async function call(emu: RunningEmulator, o: CallOptions): Promise<Received> {
  const region = o.region ?? 'na';
  const method = o.method ?? 'GET';
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/json',
    'x-amz-pay-date': compactDate(emu.admin.now()),
    'x-amz-pay-host': HOSTS[region],
    'x-amz-pay-region': region,
    ...(method === 'POST' ? { 'x-amz-pay-idempotency-key': randomUUID().replace(/-/g, '') } : {}),
  };
  for (const [k, v] of Object.entries(o.headers ?? {})) {
    if (v === undefined) delete headers[k];
    else headers[k] = v;
  }
  const req: UnsignedRequest = { method, path: o.path, query: queryString(o.query ?? []), headers, body: o.body ?? '' };
  const signedHeaders = signRequest(req, {
    publicKeyId: o.publicKeyId ?? seeded(region, 'sandbox').publicKeyId,
    privateKey: demoKey,
    ...o.sign,
  });
  const sent = { ...req, headers: signedHeaders };
  o.mutate?.(sent);
  return send(emu, {
    method: sent.method,
    target: sent.query ? `${sent.path}?${sent.query}` : sent.path,
    host: HOSTS[region],
    headers: sent.headers,
    body: sent.body === '' ? undefined : sent.body,
  });
}
