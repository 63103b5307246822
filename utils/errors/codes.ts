/**
 * Every code an error the product shows can carry, grouped by where it arises. Views word each one in the UI
 * language (utils/views/error-text.ts), and that table is a `Record` over this union: a code added here without
 * wording does not compile.
 */

/** The Amazon Pay client (utils/amazon-pay/errors.ts). */
export const AMAZON_PAY_CODES = [
  'unauthorized',
  'account-inactive',
  'not-found',
  'rate-limited',
  'not-ready',
  'amazon-unavailable',
  'invalid-request',
  'amazon-error',
  'signature-mismatch',
  'clock-skew',
  'bad-response',
  'network',
] as const;

/** A private key pasted or loaded from a file (utils/keys/errors.ts). */
export const KEY_IMPORT_CODES = [
  'no-pem-block',
  'truncated',
  'invalid-base64',
  'corrupt-der',
  'multiple-keys',
  'openssh-key',
  'putty-key',
  'passphrase-required',
  'wrong-passphrase',
  'unsupported-encryption',
  'legacy-encrypted-key',
  'public-key',
  'certificate',
  'unsupported-pem',
  'not-rsa',
  'key-too-small',
  'import-failed',
] as const;

/** Keeping keys (utils/keys/keystore.ts, candidate-key.ts) and signing with them. */
export const KEY_STORE_CODES = [
  'key-missing',
  'key-not-storable',
  'key-storage-unavailable',
  'candidate-key-missing',
] as const;

/**
 * The download queue. The browser's InterruptReason names keep their spelling: stored jobs carry them.
 * `DOWNLOAD_FOLDER_REFUSED` and `DOWNLOAD_REFUSED` are ours (utils/downloads/interrupts.ts, runner.ts).
 */
export const DOWNLOAD_CODES = [
  'FILE_NO_SPACE',
  'FILE_ACCESS_DENIED',
  'DOWNLOAD_FOLDER_REFUSED',
  'FILE_NAME_TOO_LONG',
  'FILE_TOO_LARGE',
  'FILE_VIRUS_INFECTED',
  'FILE_BLOCKED',
  'FILE_SECURITY_CHECK_FAILED',
  'DOWNLOAD_REFUSED',
  'USER_CANCELED',
  'attempts-exhausted',
  'storage-full',
  'storage-failed',
] as const;

/** Messaging, accounts, on-demand reports and Amazon's report rules. */
export const BACKGROUND_CODES = [
  'no-reply',
  'refused',
  'other-region',
  'no-account',
  'account-not-found',
  'account-exists',
  'on-demand-deadline',
  'report-rule',
] as const;

/** Exports and bank statements (utils/books/errors.ts). */
export const BOOKS_CODES = ['export-refused', 'statement-unreadable'] as const;

export const ERROR_CODES = [
  'unknown',
  ...AMAZON_PAY_CODES,
  ...KEY_IMPORT_CODES,
  ...KEY_STORE_CODES,
  ...DOWNLOAD_CODES,
  ...BACKGROUND_CODES,
  ...BOOKS_CODES,
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
export type KeyImportErrorCode = (typeof KEY_IMPORT_CODES)[number];

const known = new Set<string>(ERROR_CODES);

/** A code from the other side of the message boundary (or from storage) is one of ours, or it is `unknown`. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && known.has(code);
}
