/**
 * Typed errors of the Amazon Pay client, on the product's one base (utils/errors/base.ts): each carries a short
 * `userMessage` (actionable, no secrets) and serialises to plain data so it survives extension messaging.
 */
import { ReportCourierError } from '../errors/base';
import type { ErrorCode } from '../errors/codes';

export interface AmazonPayDetails {
  status: number;
  reasonCode?: string;
  /** Amazon's own message text. */
  amazonMessage?: string;
  /** `x-amz-pay-request-id`, for support cases. */
  requestId?: string;
  /** How many attempts were made before giving up. */
  attempts?: number;
  /** The server's Retry-After, when it asked for a longer wait than the retry budget allowed. */
  retryAfterMs?: number;
}

function amazonPayCode(details: AmazonPayDetails): ErrorCode {
  const { status, reasonCode } = details;
  if (reasonCode === 'InvalidAccountStatus') return 'account-inactive';
  if (status === 401 || status === 403 || reasonCode === 'UnauthorizedAccess') return 'unauthorized';
  if (status === 404 || reasonCode === 'ResourceNotFound') return 'not-found';
  if (status === 429 || reasonCode === 'TooManyRequests') return 'rate-limited';
  if (status >= 500 || status === 408 || status === 425) return 'amazon-unavailable';
  if (status >= 400) return 'invalid-request';
  if (status === 202) return 'not-ready';
  return 'amazon-error';
}

/** Amazon answered with an error status (after any retries). A 429 that outlived the retries is one of these. */
export class AmazonPayError<D extends AmazonPayDetails = AmazonPayDetails> extends ReportCourierError<D> {
  override name = 'AmazonPayError';

  constructor(message: string, userMessage: string, details: D, code: ErrorCode = amazonPayCode(details)) {
    super(code, message, userMessage, details);
  }

  get status(): number {
    return this.details.status;
  }
  get reasonCode(): string | undefined {
    return this.details.reasonCode;
  }
  get requestId(): string | undefined {
    return this.details.requestId;
  }
}

/** First line (1-based) where Amazon's echoed string to sign and ours differ. */
export interface StringToSignDifference {
  line: number;
  theirs: string;
  ours: string;
}

/** Pure line diff of two strings to sign; undefined when they are equal. */
export function diffStringToSign(theirs: string, ours: string): StringToSignDifference | undefined {
  const a = theirs.split('\n');
  const b = ours.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return { line: i + 1, theirs: a[i] ?? '', ours: b[i] ?? '' };
  }
  return undefined;
}

/**
 * Amazon's echo in `Unable to verify signature, signing String [<string to sign>] , signature [<base64>]`, with an
 * escaped `\n` undone. A string to sign (algorithm, newline, hex digest) holds no `]`, so the echo ends at the first
 * one; the signature Amazon echoes after it is not part of it.
 */
export function parseEchoedStringToSign(amazonMessage: string | undefined): string | undefined {
  const match = /signing String \[([^\]]*)\]/.exec(amazonMessage ?? '');
  const echoed = match?.[1]?.trim();
  if (!echoed) return undefined;
  return echoed.includes('\n') ? echoed : echoed.replace(/\\n/g, '\n');
}

export interface SignatureDetails extends AmazonPayDetails {
  theirStringToSign?: string;
  ourStringToSign?: string;
  difference?: StringToSignDifference;
}

/** `InvalidRequestSignature`: shows Amazon's string to sign next to ours and where they part. */
export class SignatureError extends AmazonPayError<SignatureDetails> {
  override name = 'SignatureError';

  constructor(message: string, userMessage: string, details: SignatureDetails) {
    super(message, userMessage, details, 'signature-mismatch');
  }
}

export interface ClockSkewDetails extends AmazonPayDetails {
  /** Estimated server time minus local time, in ms, when a `Date` header allowed an estimate. */
  skewMs?: number;
}

/** Amazon still rejected our date after one re-sign with the corrected clock (or gave no time to correct by). */
export class ClockSkewError extends AmazonPayError<ClockSkewDetails> {
  override name = 'ClockSkewError';

  constructor(message: string, userMessage: string, details: ClockSkewDetails) {
    super(message, userMessage, details, 'clock-skew');
  }
}

/** A 2xx answer whose body is not the JSON we expect. */
export class BadResponseError extends AmazonPayError {
  override name = 'BadResponseError';

  constructor(message: string, userMessage: string, details: AmazonPayDetails) {
    super(message, userMessage, details, 'bad-response');
  }
}

export interface NetworkDetails {
  host: string;
  cause: string;
  timedOut?: boolean;
  attempts?: number;
}

/** fetch itself failed: offline, DNS, TLS, connection refused or our per-attempt timeout. */
export class NetworkError extends ReportCourierError<NetworkDetails> {
  override name = 'NetworkError';

  constructor(message: string, userMessage: string, details: NetworkDetails) {
    super('network', message, userMessage, details);
  }
}

export interface KeyMissingDetails {
  accountId: string;
}

/** No private key is stored for the account. */
export class KeyMissingError extends ReportCourierError<KeyMissingDetails> {
  override name = 'KeyMissingError';

  constructor(
    message: string,
    userMessage = "Import or generate this account's private key in Settings",
    details: KeyMissingDetails = { accountId: '' },
  ) {
    super('key-missing', message, userMessage, details);
  }

  static forAccount(accountId: string): KeyMissingError {
    return new KeyMissingError(`No private key stored for account ${accountId}`, undefined, { accountId });
  }
}

/** What the user-facing messages may mention about the account (nothing secret). */
export interface ErrorContext {
  region: string;
  environment: string;
}

const RETRY_LATER = 'Amazon Pay is having trouble right now; try again in a few minutes';

/** Short, actionable text for an Amazon error answer. */
export function userMessageFor(details: AmazonPayDetails, context: ErrorContext): string {
  const { status, reasonCode } = details;
  const amazon = details.amazonMessage ? `: ${details.amazonMessage.slice(0, 200)}` : '';
  switch (reasonCode) {
    case 'UnauthorizedAccess':
      return `Amazon doesn't know this Public Key ID in ${context.region}/${context.environment}; check the ID and region`;
    case 'InvalidRequestSignature':
      return "Amazon rejected the request signature: the private key doesn't match this Public Key ID";
    case 'InvalidAccountStatus':
      return 'Amazon says this Amazon Pay account is not active (suspended or registration not finished); check its status in Seller Central';
    case 'InvalidHeaderValue':
      if (/x-amz-pay-date/i.test(details.amazonMessage ?? '')) return clockMessage();
      break;
    case 'ResourceNotFound':
      return 'Amazon has no such report, document or schedule (reports are kept for 90 days)';
    case 'TooManyRequests':
      return 'Amazon is limiting how fast we may ask; wait a minute and try again';
    case 'InternalServerError':
    case 'ServiceUnavailable':
      return RETRY_LATER;
    case 'InvalidParameterValue':
    case 'InvalidParameterCombination':
      return `Amazon rejected a request parameter${amazon}`;
    case 'DuplicateIdempotencyKey':
      return 'Amazon already received this request with different values; start it again';
  }
  if (status === 401 || status === 403) {
    return `Amazon refused access for this Public Key ID in ${context.region}/${context.environment}; check the ID, region and environment`;
  }
  if (status === 404) return 'Amazon has no such report, document or schedule (reports are kept for 90 days)';
  if (status === 429) return 'Amazon is limiting how fast we may ask; wait a minute and try again';
  if (status >= 500 || status === 408 || status === 425) return RETRY_LATER;
  if (status === 202) return 'Amazon is still preparing this report; try again in a minute';
  return `Amazon Pay answered ${status}${reasonCode ? ` ${reasonCode}` : ''}${amazon}`;
}

/** The clock hint, with the size of the offset when it is known. */
export function clockMessage(skewMs?: number): string {
  if (skewMs === undefined || Math.abs(skewMs) < 1000) {
    return "Amazon rejected this computer's clock; set the system time automatically and try again";
  }
  const seconds = Math.round(Math.abs(skewMs) / 1000);
  return `Your clock is ${seconds} s ${skewMs < 0 ? 'ahead of' : 'behind'} Amazon's; set the system time automatically and try again`;
}
