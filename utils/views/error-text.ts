import type de from '../../public/_locales/de/messages.json';
import type es from '../../public/_locales/es/messages.json';
import type fr from '../../public/_locales/fr/messages.json';
import type it from '../../public/_locales/it/messages.json';
import type ja from '../../public/_locales/ja/messages.json';
import type { ReportRule } from '../archive/report-rules';
import { isErrorCode, type ErrorCode } from '../errors/codes';
import { t, type MessageKey } from '../i18n';

/**
 * An error as views receive it: a stable `code` and an English `userMessage` from modules that also run in Node
 * (no browser globals there), plus what some codes need to be worded again here. The code is a string because
 * stored jobs may hold codes of earlier versions.
 */
export interface ShownError {
  name?: string;
  code?: string;
  userMessage: string;
  details?: Record<string, unknown>;
}

/** A key every locale has: the wording of an error must exist in all six languages, checked when compiling. */
type EveryLocaleKey = MessageKey &
  keyof typeof de &
  keyof typeof es &
  keyof typeof fr &
  keyof typeof it &
  keyof typeof ja;

type Wording = EveryLocaleKey | ((error: ShownError) => string);

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** Amazon's reasonCodes whose text has no variable part. */
const BY_REASON: Record<string, EveryLocaleKey> = {
  UnauthorizedAccess: 'errUnauthorized',
  InvalidAccountStatus: 'errAccountInactive',
  InvalidRequestSignature: 'errSignature',
  ResourceNotFound: 'errNotFound',
  TooManyRequests: 'errRateLimited',
  InternalServerError: 'errUnavailable',
  ServiceUnavailable: 'errUnavailable',
  DuplicateIdempotencyKey: 'errDuplicate',
};

const BY_RULE = {
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
} satisfies Record<ReportRule, EveryLocaleKey>;

/** Amazon answered with an error status: its reasonCode says more than the status, where we know it. */
function amazonAnswer(error: ShownError): string {
  const details = error.details ?? {};
  const reasonCode = text(details.reasonCode);
  if (reasonCode === 'InvalidParameterValue' || reasonCode === 'InvalidParameterCombination') {
    return t('errInvalidParameter', text(details.amazonMessage)?.slice(0, 200) ?? reasonCode);
  }
  const known = reasonCode && BY_REASON[reasonCode];
  if (known) return t(known);
  if (typeof details.status !== 'number') return error.userMessage;
  return t('errAmazonStatus', reasonCode ? `${details.status} ${reasonCode}` : String(details.status));
}

function clock({ details = {} }: ShownError): string {
  const skewMs = typeof details.skewMs === 'number' ? details.skewMs : 0;
  if (Math.abs(skewMs) < 1000) return t('errClock');
  return t(skewMs < 0 ? 'errClockAhead' : 'errClockBehind', Math.round(Math.abs(skewMs) / 1000));
}

function signature({ details = {} }: ShownError): string {
  const line = (details.difference as { line?: unknown } | undefined)?.line;
  return typeof line === 'number' ? t('errSignatureLine', line) : t('errSignature');
}

function network(error: ShownError): string {
  const host = text(error.details?.host);
  return host ? t(error.details?.timedOut === true ? 'errTimeout' : 'errNetwork', host) : error.userMessage;
}

/** A KeyImportError whose text takes its `details.params`. */
const withParams =
  (key: EveryLocaleKey) =>
  ({ details = {} }: ShownError): string =>
    t(key, Array.isArray(details.params) ? (details.params as Array<string | number>) : []);

function reportRule(error: ShownError): string {
  const rule = text(error.details?.rule);
  return rule && Object.hasOwn(BY_RULE, rule) ? t(BY_RULE[rule as ReportRule]) : error.userMessage;
}

/** ExportRefusedError's `details.reason` (utils/books/errors.ts). */
const BY_EXPORT_REASON: Record<string, EveryLocaleKey> = {
  empty: 'errExportEmpty',
  settings: 'errExportSettings',
  period: 'errExportPeriod',
  'period-reversed': 'errExportPeriodReversed',
  umsatz: 'errExportUmsatz',
  'no-seller': 'errExportNoSeller',
};

function exportRefusal({ details = {} }: ShownError): string {
  const reason = text(details.reason) ?? '';
  if (reason === 'currency') return t('errExportCurrency', text(details.currency) ?? '');
  if (reason === 'row arithmetic' && Array.isArray(details.lines)) {
    return t('errExportRowArithmetic', [details.lines.length, details.lines.slice(0, 10).join(', ')]);
  }
  return t(BY_EXPORT_REASON[reason] ?? 'errExportRefused');
}

function attemptsExhausted({ details = {} }: ShownError): string {
  return t('errAttempts', [text(details.reason) ?? '?', typeof details.attempts === 'number' ? details.attempts : '?']);
}

/**
 * Every code's wording: a code without one is a compile error here. A wording that needs details the error lacks
 * (an Amazon answer without its status, a network failure without its host) falls back to the English text.
 */
export const WORDING = {
  unknown: 'errUnknown',
  unauthorized: 'errUnauthorized',
  'account-inactive': 'errAccountInactive',
  'not-found': 'errNotFound',
  'rate-limited': 'errRateLimited',
  'not-ready': 'errNotReady',
  'amazon-unavailable': 'errUnavailable',
  'invalid-request': amazonAnswer,
  'amazon-error': amazonAnswer,
  'signature-mismatch': signature,
  'clock-skew': clock,
  'bad-response': 'errBadResponse',
  network,
  'no-pem-block': 'keyErrNoPemBlock',
  truncated: withParams('keyErrTruncated'),
  'invalid-base64': 'keyErrInvalidBase64',
  'corrupt-der': 'keyErrCorruptDer',
  'multiple-keys': withParams('keyErrMultipleKeys'),
  'openssh-key': 'keyErrOpenssh',
  'putty-key': 'keyErrPutty',
  'passphrase-required': 'keyErrPassphraseRequired',
  'wrong-passphrase': 'keyErrWrongPassphrase',
  'unsupported-encryption': 'keyErrUnsupportedEncryption',
  'legacy-encrypted-key': 'keyErrLegacyEncrypted',
  'public-key': 'keyErrPublicKey',
  certificate: 'keyErrCertificate',
  'unsupported-pem': withParams('keyErrUnsupportedPem'),
  'not-rsa': withParams('keyErrNotRsa'),
  'key-too-small': withParams('keyErrTooSmall'),
  'import-failed': 'keyErrImportFailed',
  'key-missing': 'keyMissingBody',
  'key-not-storable': 'errKeyNotStorable',
  'key-storage-unavailable': 'errKeyStorageUnavailable',
  'candidate-key-missing': 'errCandidateKeyMissing',
  FILE_NO_SPACE: 'errDiskFull',
  FILE_ACCESS_DENIED: 'errCannotWrite',
  DOWNLOAD_FOLDER_REFUSED: 'errCannotWrite',
  FILE_NAME_TOO_LONG: 'errPathTooLong',
  FILE_TOO_LARGE: 'errFileTooLarge',
  FILE_VIRUS_INFECTED: 'errVirus',
  FILE_BLOCKED: 'errBlocked',
  FILE_SECURITY_CHECK_FAILED: 'errSecurityCheck',
  DOWNLOAD_REFUSED: 'errDownloadRefused',
  USER_CANCELED: 'errCancelledInBrowser',
  'attempts-exhausted': attemptsExhausted,
  'storage-full': 'errStorageFull',
  'storage-failed': 'errStorageFailed',
  'no-reply': 'errNoReply',
  refused: 'errRefused',
  'other-region': 'errOtherRegion',
  'no-account': 'errNoAccount',
  'account-not-found': 'errAccountNotFound',
  'account-exists': 'errAccountExists',
  'on-demand-deadline': 'errOnDemandDeadline',
  'report-rule': reportRule,
  'export-refused': exportRefusal,
  'statement-unreadable': 'errStatementUnreadable',
} satisfies Record<ErrorCode, Wording>;

/** The error's text in the UI language; a code of an earlier version keeps its English `userMessage`. */
export function errorText(error: ShownError): string {
  const code = error.code ?? '';
  if (!isErrorCode(code)) return BY_REASON[code] ? t(BY_REASON[code]) : error.userMessage;
  const wording: Wording = WORDING[code];
  return typeof wording === 'function' ? wording(error) : t(wording);
}
