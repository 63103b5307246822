import type { DownloadItem, InterruptReason } from '../browser-api';
import { isErrorCode, type ErrorCode } from '../errors/codes';
import type { JobError, JobErrorDetails } from './types';

/** What to do when a download is interrupted or its document URL could not be fetched. */
export type Decision =
  | { action: 'retry'; backoff: boolean }
  | { action: 'cancel' }
  | { action: 'fail'; error: JobError; stopBatch: boolean };

/** Our code for a download the browser could not place in its folder (see `interruptReason`). */
export const FOLDER_REFUSED = 'DOWNLOAD_FOLDER_REFUSED' satisfies ErrorCode;

const CANNOT_WRITE =
  'Cannot write to the download folder: check that it exists and that the browser may write there, or choose ' +
  'another folder in the browser settings, then Retry failed.';

/** The disk will refuse the next files too: stop the batch and say what the user can fix. */
const DISK_ERRORS: Partial<Record<ErrorCode, string>> = {
  FILE_NO_SPACE: 'Your disk is full: free some space, then Retry failed.',
  FILE_ACCESS_DENIED: CANNOT_WRITE,
  [FOLDER_REFUSED]: CANNOT_WRITE,
  FILE_NAME_TOO_LONG:
    'The file path is too long for your system: choose a download folder with a shorter path, then Retry failed.',
  FILE_TOO_LARGE:
    "The file is too large for the download folder's file system: choose a folder on another disk, then Retry failed.",
};

/** The browser or a scanner decided against this file; retrying would only repeat that. */
const BLOCKED: Partial<Record<ErrorCode, string>> = {
  FILE_VIRUS_INFECTED: 'Your antivirus software blocked this file.',
  FILE_BLOCKED: 'Your browser settings or policy blocked this download.',
  FILE_SECURITY_CHECK_FAILED: "The browser's security check of this file failed.",
};

/** The pre-signed URL expired or was refused: a fresh URL fixes that at once, no reason to wait. */
const URL_REFUSED = new Set(['SERVER_FORBIDDEN', 'SERVER_UNAUTHORIZED']);

/**
 * The reason to act on. When Chromium cannot create or write the target folder it falls back to asking where to
 * save; with nobody to ask (headless, policy) or the dialog closed, the download ends USER_CANCELED before it ever
 * had a path. A download the user cancels after it started keeps its path.
 */
export function interruptReason(item: Pick<DownloadItem, 'error' | 'filename'>): InterruptReason {
  const reason = item.error ?? 'UNKNOWN';
  return reason === 'USER_CANCELED' && item.filename === '' ? FOLDER_REFUSED : reason;
}

/** Network, server and transient file errors (and anything new) get a fresh URL and another try. */
export function classifyInterrupt(reason: InterruptReason): Decision {
  if (reason === 'USER_CANCELED') return { action: 'cancel' };
  if (!isErrorCode(reason)) return { action: 'retry', backoff: !URL_REFUSED.has(reason) };
  const disk = DISK_ERRORS[reason];
  if (disk) return { action: 'fail', error: { code: reason, userMessage: disk }, stopBatch: true };
  const blocked = BLOCKED[reason];
  if (blocked) return { action: 'fail', error: { code: reason, userMessage: blocked }, stopBatch: false };
  return { action: 'retry', backoff: !URL_REFUSED.has(reason) };
}

/** `reason`: the last attempt's InterruptReason, or `DOWNLOAD_NOT_STARTED`. */
export function attemptsExhausted(reason: string, attempts: number): JobError {
  return {
    code: 'attempts-exhausted',
    userMessage: `The download kept failing (${reason}) after ${attempts} attempts. Check your connection, then Retry failed.`,
    details: { reason, attempts },
  };
}

interface ErrorFields {
  status?: unknown;
  code?: unknown;
  reasonCode?: unknown;
  retryable?: unknown;
  userMessage?: unknown;
  details?: { status?: unknown; reasonCode?: unknown };
}

const RETRYABLE_STATUS = new Set([408, 425, 429]);
/** The Reports client's codes for throttling, outages, lost connections and documents not ready yet. */
const RETRYABLE_CODES = new Set(['network', 'rate-limited', 'amazon-unavailable', 'not-ready']);

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Reads the Reports client's typed errors by their fields, so this module needs none of its classes. An error with
 * none of them (no user message, status or code) did not come from Amazon but from around the request: storage or
 * a worker being stopped ("No SW"). Those are retried, within the job's attempts.
 */
export function classifyFetchError(thrown: unknown): { retryable: boolean; error: JobError } {
  const fields: ErrorFields = typeof thrown === 'object' && thrown !== null ? thrown : {};
  const rawStatus = fields.status ?? fields.details?.status;
  const status = typeof rawStatus === 'number' ? rawStatus : undefined;
  const reasonCode = text(fields.reasonCode) ?? text(fields.details?.reasonCode);
  const environmental =
    reasonCode === undefined && text(fields.code) === undefined && status === undefined && !text(fields.userMessage);
  const retryable =
    fields.retryable !== false &&
    (fields.retryable === true ||
      environmental ||
      RETRYABLE_CODES.has(String(fields.code)) ||
      (status !== undefined && (RETRYABLE_STATUS.has(status) || status >= 500)));
  const userMessage = text(fields.userMessage) ?? 'Amazon Pay did not hand out this report file.';
  const code = isErrorCode(fields.code) ? fields.code : status ? 'amazon-error' : 'unknown';
  const details: JobErrorDetails = { ...(reasonCode && { reasonCode }), ...(status && { status }) };
  return { retryable, error: { code, userMessage, ...(Object.keys(details).length > 0 && { details }) } };
}

/** 5 s, 20 s, 80 s, … capped at 10 minutes: waits for throttling and outages to pass. */
export function backoffMs(attempt: number): number {
  return Math.min(5_000 * 4 ** Math.max(0, attempt - 1), 600_000);
}
