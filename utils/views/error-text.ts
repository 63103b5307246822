import { t, type MessageKey } from '../i18n';

/**
 * An error as views receive it: a stable `code` and an English `userMessage` from modules that also run in Node
 * (no browser globals there), plus what some codes need to be worded again here.
 */
export interface ShownError {
  name?: string;
  code?: string;
  userMessage: string;
  details?: Record<string, unknown>;
  /** KeyImportError's variable parts. */
  params?: ReadonlyArray<string | number>;
  /** A download that gave up after this many attempts. */
  attempts?: number;
}

/** Codes whose text has no variable part: the Amazon Pay client's codes, Amazon's reasonCodes, the browser's
 * download interrupts, our own download, storage and messaging codes, and KeyImportError codes. */
const BY_CODE: Record<string, MessageKey> = {
  unauthorized: 'errUnauthorized',
  UnauthorizedAccess: 'errUnauthorized',
  'account-inactive': 'errAccountInactive',
  InvalidAccountStatus: 'errAccountInactive',
  InvalidRequestSignature: 'errSignature',
  'not-found': 'errNotFound',
  ResourceNotFound: 'errNotFound',
  'rate-limited': 'errRateLimited',
  TooManyRequests: 'errRateLimited',
  'amazon-unavailable': 'errUnavailable',
  InternalServerError: 'errUnavailable',
  ServiceUnavailable: 'errUnavailable',
  'not-ready': 'errNotReady',
  'bad-response': 'errBadResponse',
  DuplicateIdempotencyKey: 'errDuplicate',
  'key-missing': 'keyMissingBody',
  'no-reply': 'errNoReply',
  'no-account': 'errNoAccount',
  'on-demand-deadline': 'errOnDemandDeadline',
  FILE_NO_SPACE: 'errDiskFull',
  'storage-full': 'errStorageFull',
  'storage-failed': 'errStorageFailed',
  FILE_ACCESS_DENIED: 'errCannotWrite',
  DOWNLOAD_FOLDER_REFUSED: 'errCannotWrite',
  FILE_NAME_TOO_LONG: 'errPathTooLong',
  FILE_TOO_LARGE: 'errFileTooLarge',
  FILE_VIRUS_INFECTED: 'errVirus',
  FILE_BLOCKED: 'errBlocked',
  FILE_SECURITY_CHECK_FAILED: 'errSecurityCheck',
  DOWNLOAD_REFUSED: 'errDownloadRefused',
  USER_CANCELED: 'errCancelledInBrowser',
  'no-pem-block': 'keyErrNoPemBlock',
  'invalid-base64': 'keyErrInvalidBase64',
  'corrupt-der': 'keyErrCorruptDer',
  'openssh-key': 'keyErrOpenssh',
  'putty-key': 'keyErrPutty',
  'passphrase-required': 'keyErrPassphraseRequired',
  'wrong-passphrase': 'keyErrWrongPassphrase',
  'unsupported-encryption': 'keyErrUnsupportedEncryption',
  'legacy-encrypted-key': 'keyErrLegacyEncrypted',
  'public-key': 'keyErrPublicKey',
  certificate: 'keyErrCertificate',
  'import-failed': 'keyErrImportFailed',
};

/** KeyImportError codes whose text takes the error's `params`. */
const WITH_PARAMS: Record<string, MessageKey> = {
  truncated: 'keyErrTruncated',
  'multiple-keys': 'keyErrMultipleKeys',
  'unsupported-pem': 'keyErrUnsupportedPem',
  'not-rsa': 'keyErrNotRsa',
  'key-too-small': 'keyErrTooSmall',
};

/** ReportRuleError's `details.rule` (utils/archive/report-rules.ts). */
const BY_RULE: Record<string, MessageKey> = {
  'settlement-not-requestable': 'ruleSettlementNotRequestable',
  'capture-unavailable': 'ruleCaptureUnavailable',
  'sandbox-only-settlement': 'ruleSandboxOnlySettlement',
  'live-not-requestable': 'ruleLiveNotRequestable',
  'missing-dates': 'periodMissing',
  'range-reversed': 'ruleRangeReversed',
  'range-future': 'ruleRangeFuture',
  'settlement-not-schedulable': 'ruleSettlementNotSchedulable',
  'multi-currency-not-schedulable': 'ruleMultiCurrencyNotSchedulable',
  'not-schedulable': 'ruleNotSchedulable',
  'bad-frequency': 'scheduleNeedFrequency',
  'schedule-exists': 'scheduleExists',
};

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** Codes whose wording depends on the error's details. */
function fromDetails(code: string, details: Record<string, unknown>): string | undefined {
  if (code === 'clock-skew') {
    const skewMs = typeof details.skewMs === 'number' ? details.skewMs : 0;
    if (Math.abs(skewMs) < 1000) return t('errClock');
    return t(skewMs < 0 ? 'errClockAhead' : 'errClockBehind', Math.round(Math.abs(skewMs) / 1000));
  }
  if (code === 'signature-mismatch') {
    const line = (details.difference as { line?: unknown } | undefined)?.line;
    return typeof line === 'number' ? t('errSignatureLine', line) : t('errSignature');
  }
  if (code === 'network') {
    const host = text(details.host);
    return host && t(details.timedOut === true ? 'errTimeout' : 'errNetwork', host);
  }
  const rule = text(details.rule);
  if (rule) return BY_RULE[rule] && t(BY_RULE[rule]);
  const reasonCode = text(details.reasonCode);
  if (reasonCode === 'InvalidParameterValue' || reasonCode === 'InvalidParameterCombination') {
    return t('errInvalidParameter', text(details.amazonMessage)?.slice(0, 200) ?? reasonCode);
  }
  if (reasonCode && BY_CODE[reasonCode]) return t(BY_CODE[reasonCode]);
  if ((code === 'invalid-request' || code === 'amazon-error') && typeof details.status === 'number') {
    return t('errAmazonStatus', reasonCode ? `${details.status} ${reasonCode}` : String(details.status));
  }
  return undefined;
}

/** The error's text in the UI language when its code is known; otherwise its English `userMessage`. */
export function errorText(error: ShownError): string {
  const code = error.code ?? '';
  if (error.attempts !== undefined) return t('errAttempts', [code, error.attempts]);
  if (error.params && WITH_PARAMS[code]) return t(WITH_PARAMS[code], [...error.params]);
  if (code === 'refused' && error.name === 'Refused') return t('errRefused');
  const worded = fromDetails(code, error.details ?? {});
  if (worded) return worded;
  return BY_CODE[code] ? t(BY_CODE[code]) : error.userMessage;
}
