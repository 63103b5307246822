/**
 * One logical Amazon Pay request: sign, send, retry transient failures (re-signed with a fresh date, same
 * idempotency key), correct the clock once when Amazon rejects our date, and map failures to typed errors.
 */
import type { Account } from '../accounts/types';
import type { ClockSkewStore } from './clock-skew';
import { estimateSkew, isClockRejection } from './clock-skew';
import { baseUrl, normalizeRegion } from './endpoints';
import {
  AmazonPayError,
  BadResponseError,
  ClockSkewError,
  KeyMissingError,
  NetworkError,
  SignatureError,
  clockMessage,
  diffStringToSign,
  parseEchoedStringToSign,
  userMessageFor,
  type AmazonPayDetails,
} from './errors';
import type { ReportCourierError } from '../errors/base';
import { backoffDelay, isRetryableStatus, parseRetryAfter, type RetryPolicy } from './retry';
import { buildUrl, prepareSignature, signRequest, type QueryParams, type SignRequestInput } from './signing';

export type AccountSettings = Pick<Account, 'id' | 'region' | 'environment' | 'publicKeyId' | 'algorithm'>;

export interface TransportOptions {
  account: AccountSettings;
  loadKey: () => Promise<CryptoKey | undefined>;
  fetch: typeof fetch;
  skew: ClockSkewStore;
  retry: RetryPolicy;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
}

export interface ApiRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Relative to the account's base URL, e.g. `reports/123`. */
  path: string;
  query?: QueryParams;
  body?: unknown;
}

export interface ApiResponse {
  status: number;
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown;
  requestId?: string;
}

/** A failed attempt: the error to throw if we stop here, and whether waiting could help. */
interface Failure {
  error: ReportCourierError<object>;
  retryable: boolean;
  retryAfterMs?: number;
  /** Set when Amazon rejected our date; the estimated offset when its Date header allowed one. */
  clock?: { skewMs?: number };
}

/** 32 characters of `[0-9a-f]`: within Amazon's 32-character `[A-Za-z0-9-_]` limit and free of dashes. */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID().replace(/-/g, '');
}

export function createTransport(o: TransportOptions): (request: ApiRequest) => Promise<ApiResponse> {
  const region = normalizeRegion(o.account.region);
  const base = baseUrl(o.account);
  const context = { region, environment: o.account.environment };

  async function attempt(
    signing: Omit<SignRequestInput, 'privateKey'>,
    key: CryptoKey,
    timeoutMs: number,
  ): Promise<ApiResponse | Failure> {
    const headers = await signRequest({ ...signing, privateKey: key });
    let response: Response;
    let text: string;
    try {
      response = await o.fetch(signing.url, {
        method: signing.method,
        headers,
        body: signing.body,
        signal: AbortSignal.timeout(Math.max(1, timeoutMs)),
      });
      text = await response.text();
    } catch (cause) {
      return { error: networkError(signing.url, cause), retryable: true };
    }
    const requestId = response.headers.get('x-amz-pay-request-id') ?? undefined;
    const receivedAt = o.now();
    if (response.status === 202 && signing.method === 'GET') {
      // "Accepted, not ready yet" (e.g. a report document still being prepared): worth asking again shortly.
      const details = { status: 202, requestId };
      return {
        error: new AmazonPayError('Amazon Pay answered 202: not ready yet', userMessageFor(details, context), details),
        retryable: true,
      };
    }
    if (response.ok) {
      if (!text.trim()) return { status: response.status, body: undefined, requestId };
      try {
        return { status: response.status, body: JSON.parse(text), requestId };
      } catch {
        const details = { status: response.status, requestId, amazonMessage: text.slice(0, 200) };
        // A cut-off or garbled body is usually a transient proxy or network fault: retry it like a 5xx.
        const userMessage = 'Amazon Pay sent an unreadable answer; try again in a few minutes';
        return {
          error: new BadResponseError(`Amazon Pay sent malformed JSON (${response.status})`, userMessage, details),
          retryable: true,
        };
      }
    }
    const details: AmazonPayDetails = { status: response.status, requestId, ...parseErrorBody(text) };
    if (isClockRejection(details.status, details.reasonCode, details.amazonMessage)) {
      const skewMs = estimateSkew(response.headers.get('date'), receivedAt);
      return { error: clockError(details, skewMs), retryable: false, clock: { skewMs } };
    }
    if (details.reasonCode === 'InvalidRequestSignature') {
      return { error: await signatureError(details, signing), retryable: false };
    }
    const error = new AmazonPayError(
      `Amazon Pay ${details.status} ${details.reasonCode ?? ''}: ${details.amazonMessage ?? ''}`.trim(),
      userMessageFor(details, context),
      details,
    );
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), response.headers.get('date'), receivedAt);
    return { error, retryable: isRetryableStatus(details.status), retryAfterMs };
  }

  return async function send(request: ApiRequest): Promise<ApiResponse> {
    const key = await o.loadKey();
    if (!key) throw KeyMissingError.forAccount(o.account.id);
    const url = buildUrl(base, request.path, request.query);
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    const idempotencyKey = request.method === 'POST' ? newIdempotencyKey() : undefined;
    const startedAt = o.now();
    let attempts = 1;
    let clockCorrected = false;
    for (;;) {
      const remaining = o.retry.maxTotalMs - (o.now() - startedAt);
      const date = new Date(o.now() + o.skew.offset(region));
      const signing = {
        method: request.method,
        url,
        body,
        idempotencyKey,
        date,
        publicKeyId: o.account.publicKeyId,
        algorithm: o.account.algorithm,
      };
      const result = await attempt(signing, key, Math.min(o.retry.attemptTimeoutMs, remaining));
      if (!('error' in result)) return result;
      if (result.clock?.skewMs !== undefined && !clockCorrected) {
        // One re-sign with the corrected clock; it does not use up a retry.
        o.skew.record(region, result.clock.skewMs);
        clockCorrected = true;
        continue;
      }
      if (!result.retryable || attempts >= o.retry.maxAttempts) throw withAttempts(result.error, attempts);
      const wait = result.retryAfterMs ?? backoffDelay(attempts, o.retry, o.random);
      if (o.now() - startedAt + wait > o.retry.maxTotalMs) {
        throw withAttempts(result.error, attempts, result.retryAfterMs);
      }
      await o.sleep(wait);
      attempts++;
    }
  };

  function clockError(details: AmazonPayDetails, skewMs: number | undefined): ClockSkewError {
    return new ClockSkewError(
      `Amazon Pay rejected x-amz-pay-date: ${details.amazonMessage ?? ''}`,
      clockMessage(skewMs ?? o.skew.offset(region)),
      { ...details, skewMs: skewMs ?? o.skew.offset(region) },
    );
  }
}

function parseErrorBody(text: string): Pick<AmazonPayDetails, 'reasonCode' | 'amazonMessage'> {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') {
      const { reasonCode, message } = parsed as Record<string, unknown>;
      return {
        reasonCode: typeof reasonCode === 'string' ? reasonCode : undefined,
        amazonMessage: typeof message === 'string' ? message : undefined,
      };
    }
  } catch {
    // Not JSON (e.g. a proxy's HTML page): keep the start of the text as the message.
  }
  return { amazonMessage: text.slice(0, 200) || undefined };
}

async function signatureError(
  details: AmazonPayDetails,
  signing: Omit<SignRequestInput, 'privateKey'>,
): Promise<SignatureError> {
  const theirs = parseEchoedStringToSign(details.amazonMessage);
  const ours = prepareSignature(signing).stringToSign;
  const difference = theirs === undefined ? undefined : diffStringToSign(theirs, ours);
  const userMessage = difference
    ? `Amazon computed a different string to sign (line ${difference.line}); the request was changed on the way or signed differently`
    : "Amazon rejected the request signature: the private key doesn't match this Public Key ID";
  return new SignatureError(
    `Amazon Pay ${details.status} InvalidRequestSignature: ${details.amazonMessage ?? ''}`,
    userMessage,
    {
      ...details,
      theirStringToSign: theirs,
      ourStringToSign: ours,
      difference,
    },
  );
}

function networkError(url: string, cause: unknown): NetworkError {
  const host = new URL(url).host;
  const timedOut = cause instanceof Error && cause.name === 'TimeoutError';
  const reason =
    cause instanceof Error
      ? `${cause.message}${cause.cause instanceof Error ? ` (${cause.cause.message})` : ''}`
      : String(cause);
  const userMessage = timedOut
    ? `Amazon Pay (${host}) did not answer in time; check your connection and try again`
    : `Couldn't reach Amazon Pay (${host}); check your internet connection`;
  return new NetworkError(`Request to ${host} failed: ${reason}`, userMessage, { host, cause: reason, timedOut });
}

function withAttempts(
  error: ReportCourierError<object>,
  attempts: number,
  retryAfterMs?: number,
): ReportCourierError<object> {
  Object.assign(error.details, { attempts }, retryAfterMs === undefined ? {} : { retryAfterMs });
  return error;
}
