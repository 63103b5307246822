/**
 * Why a private key could not be imported, with a message that says what is wrong and how to fix it.
 * Messages never contain key material: only labels, algorithm names and sizes.
 */
import { ReportCourierError } from '../errors/base';
import type { KeyImportErrorCode } from '../errors/codes';

export type { KeyImportErrorCode } from '../errors/codes';

export class KeyImportError extends ReportCourierError<{ params: ReadonlyArray<string | number> }> {
  override name = 'KeyImportError';

  constructor(
    override readonly code: KeyImportErrorCode,
    message: string,
    /** The message's variable parts, in order, so a view can word it in the UI language. */
    params: ReadonlyArray<string | number> = [],
  ) {
    super(code, message, message, { params });
  }
}

export const MIN_RSA_BITS = 2048;

const PASTE_PRIVATE =
  'Paste the private key instead: the file that starts with -----BEGIN PRIVATE KEY----- ' +
  '(Integration Central saved it as AmazonPay_<public key ID>.pem).';
const NEW_KEY =
  'Use the key Integration Central created, generate a key pair here, or create one with ' +
  '`openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out private.pem` ' +
  'and register its public key in Integration Central.';
const COPY_AGAIN = 'Copy the whole key file again from the original, including its BEGIN and END lines.';

const error = (code: KeyImportErrorCode, message: string, params?: Array<string | number>) =>
  new KeyImportError(code, message, params);

/** "an EC (P-256)" → "EC (P-256)": the article belongs to the English sentence, not to the name. */
const bare = (name: string) => name.replace(/^an? /, '');

/** One constructor per failure, so every message is written (and reviewed) in one place. */
export const keyErrors = {
  noPemBlock: () =>
    error(
      'no-pem-block',
      'No private key found in the text. Paste the whole key file, from -----BEGIN PRIVATE KEY----- ' +
        'to -----END PRIVATE KEY-----.',
    ),
  truncated: (label: string, missing: 'BEGIN' | 'END') =>
    error('truncated', `The key is cut off: its -----${missing} ${label}----- line is missing. ${COPY_AGAIN}`, [
      missing,
      label,
    ]),
  invalidBase64: () =>
    error(
      'invalid-base64',
      'The key text is damaged: between the BEGIN and END lines it has characters that do not belong in a key. ' +
        COPY_AGAIN,
    ),
  corruptDer: () => error('corrupt-der', `The key is damaged or incomplete: its contents do not add up. ${COPY_AGAIN}`),
  multipleKeys: (count: number) =>
    error('multiple-keys', `The text contains ${count} private keys. Paste only the one for this account.`, [count]),
  openssh: () =>
    error(
      'openssh-key',
      'This is an OpenSSH private key (made by ssh-keygen), which browsers cannot use. Convert it to PKCS#8 ' +
        'with `ssh-keygen -p -m PKCS8 -f <file>` (this rewrites the file in place), then paste the file again.',
    ),
  putty: () =>
    error(
      'putty-key',
      'This is a PuTTY key (.ppk). In PuTTYgen, load it, choose Conversions > Export OpenSSH key, ' +
        'and paste the exported file.',
    ),
  passphraseRequired: () =>
    error(
      'passphrase-required',
      'This key is protected by a passphrase. Enter the passphrase, or remove it with ' +
        '`openssl pkcs8 -in key.pem -out plain.pem` and paste plain.pem.',
    ),
  wrongPassphrase: () =>
    error(
      'wrong-passphrase',
      'The passphrase is wrong: the key could not be decrypted with it. Check it and try again.',
    ),
  unsupportedEncryption: (scheme: string) =>
    error(
      'unsupported-encryption',
      `This key is encrypted with ${scheme}, which the browser cannot decrypt. Remove the passphrase with ` +
        '`openssl pkcs8 -in key.pem -out plain.pem` and paste plain.pem.',
    ),
  legacyEncrypted: () =>
    error(
      'legacy-encrypted-key',
      'This key is encrypted in the old OpenSSL format (Proc-Type: 4,ENCRYPTED), which the browser cannot ' +
        'decrypt. Remove the passphrase with `openssl pkey -in key.pem -out plain.pem` and paste plain.pem.',
    ),
  publicKey: () => error('public-key', `This is a public key, not a private key. ${PASTE_PRIVATE}`),
  certificate: () => error('certificate', `This is a certificate, not a private key. ${PASTE_PRIVATE}`),
  unsupportedPem: (label: string) =>
    error('unsupported-pem', `This is a "${label.slice(0, 40)}" block, not a private key. ${PASTE_PRIVATE}`, [
      label.slice(0, 40),
    ]),
  notRsa: (algorithm: string) =>
    error(
      'not-rsa',
      `This is ${algorithm} key; Amazon Pay needs an RSA key of at least ${MIN_RSA_BITS} bits. ${NEW_KEY}`,
      [bare(algorithm), MIN_RSA_BITS],
    ),
  tooSmall: (bits: number) =>
    error(
      'key-too-small',
      `This RSA key has only ${bits} bits; Amazon Pay needs at least ${MIN_RSA_BITS}. ${NEW_KEY}`,
      [bits, MIN_RSA_BITS],
    ),
  importFailed: () =>
    error(
      'import-failed',
      'The browser refused this key although it looks like an RSA private key. Re-export it with ' +
        '`openssl pkcs8 -topk8 -nocrypt -in key.pem -out fixed.pem` and paste fixed.pem.',
    ),
};
