/**
 * Turns pasted or uploaded PEM text into a non-extractable RSA-PSS signing key, or explains precisely why not.
 * Explicit imports and WebCrypto only, so it runs unchanged in a service worker, a page and Node.
 */
import { Base64Error, base64ToBytes, type Bytes } from './base64';
import { DerError } from './der';
import { KeyImportError, MIN_RSA_BITS, keyErrors } from './errors';
import { publicKeyFingerprint } from './fingerprint';
import { readOpenSshKeyInfo } from './openssh';
import { decryptPrivateKeyInfo } from './pbes2';
import { scanPem, type PemBlock } from './pem-armor';
import { describeEcPrivateKey, rsaKeyFromPkcs1, rsaKeyFromPkcs8, type RsaKeyInfo } from './rsa-key';

export { KeyImportError, type KeyImportErrorCode } from './errors';

export const SIGNING_ALGORITHM = { name: 'RSA-PSS', hash: 'SHA-256' } as const;

export interface ImportPrivateKeyOptions {
  /** For `BEGIN ENCRYPTED PRIVATE KEY` (PBES2). Empty counts as missing. */
  passphrase?: string;
}

export interface ImportedPrivateKey {
  key: CryptoKey;
  modulusBits: number;
  /** See `publicKeyFingerprint`. */
  publicKeyFingerprint: string;
}

/** Rejects with a `KeyImportError` whose message says what is wrong and how to fix it. */
export async function importPrivateKeyPem(pem: string, options: ImportPrivateKeyOptions = {}): Promise<CryptoKey> {
  return (await readPrivateKeyPem(pem, options)).key;
}

/** `importPrivateKeyPem` plus the non-secret facts the options page shows and the key store records. */
export async function readPrivateKeyPem(
  pem: string,
  options: ImportPrivateKeyOptions = {},
): Promise<ImportedPrivateKey> {
  const rsa = await asKeyImportError(() => rsaKeyOf(pickPrivateKeyBlock(pem), options.passphrase));
  if (rsa.modulusBits < MIN_RSA_BITS) throw keyErrors.tooSmall(rsa.modulusBits);
  let key: CryptoKey;
  try {
    key = await globalThis.crypto.subtle.importKey('pkcs8', rsa.pkcs8, SIGNING_ALGORITHM, false, ['sign']);
  } catch {
    throw keyErrors.importFailed();
  }
  return { key, modulusBits: rsa.modulusBits, publicKeyFingerprint: await publicKeyFingerprint(rsa.spki) };
}

const PUBLIC_KEY_LABELS = new Set(['PUBLIC KEY', 'RSA PUBLIC KEY']);
const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'TRUSTED CERTIFICATE', 'X509 CERTIFICATE']);
const SSH_PUBLIC_KEY_LINE = /^\s*(ssh-(rsa|dss|ed25519)|ecdsa-sha2-nistp\d+) AAAA/m;

function pickPrivateKeyBlock(text: string): PemBlock {
  const { blocks, broken } = scanPem(text);
  if (broken) throw keyErrors.truncated(broken.label, broken.missing);
  const keys = blocks.filter((block) => block.label.endsWith('PRIVATE KEY'));
  // The same key pasted twice is harmless; two different keys are ambiguous.
  const distinct = new Set(keys.map((block) => block.body)).size;
  if (distinct > 1) throw keyErrors.multipleKeys(distinct);
  if (keys[0]) return keys[0];
  const other = blocks[0];
  if (other && PUBLIC_KEY_LABELS.has(other.label)) throw keyErrors.publicKey();
  if (other && CERTIFICATE_LABELS.has(other.label)) throw keyErrors.certificate();
  if (other) throw keyErrors.unsupportedPem(other.label);
  if (/PuTTY-User-Key-File-\d+:/.test(text)) throw keyErrors.putty();
  if (SSH_PUBLIC_KEY_LINE.test(text)) throw keyErrors.publicKey();
  throw keyErrors.noPemBlock();
}

async function rsaKeyOf(block: PemBlock, passphrase: string | undefined): Promise<RsaKeyInfo> {
  if (block.headers['Proc-Type']?.toUpperCase().includes('ENCRYPTED')) throw keyErrors.legacyEncrypted();
  if (block.label === 'OPENSSH PRIVATE KEY') throw openSshError(block.body);
  const der = decodeBody(block.body);
  switch (block.label) {
    case 'PRIVATE KEY':
      return rsaKeyFromPkcs8(der);
    case 'RSA PRIVATE KEY':
      return rsaKeyFromPkcs1(der);
    case 'ENCRYPTED PRIVATE KEY':
      return rsaKeyFromPkcs8(await decryptPrivateKeyInfo(der, passphrase));
    case 'EC PRIVATE KEY':
      throw keyErrors.notRsa(describeEcPrivateKey(der));
    case 'DSA PRIVATE KEY':
      throw keyErrors.notRsa('a DSA');
    default:
      throw keyErrors.unsupportedPem(block.label);
  }
}

function decodeBody(body: string): Bytes {
  if (body === '') throw keyErrors.corruptDer();
  return base64ToBytes(body);
}

const SSH_KEY_TYPES: Record<string, string> = {
  'ssh-ed25519': 'an Ed25519',
  'ssh-dss': 'a DSA',
  'ecdsa-sha2-nistp256': 'an EC (P-256)',
  'ecdsa-sha2-nistp384': 'an EC (P-384)',
  'ecdsa-sha2-nistp521': 'an EC (P-521)',
};

/** Converting an OpenSSH key only helps when it is a large enough RSA key, so say which case this is. */
function openSshError(body: string): KeyImportError {
  let info;
  try {
    info = readOpenSshKeyInfo(decodeBody(body));
  } catch {
    return keyErrors.openssh();
  }
  if (!info || info.keyType === 'ssh-rsa') {
    const bits = info?.rsaBits;
    return bits !== undefined && bits < MIN_RSA_BITS ? keyErrors.tooSmall(bits) : keyErrors.openssh();
  }
  return keyErrors.notRsa(SSH_KEY_TYPES[info.keyType] ?? `an OpenSSH "${info.keyType.slice(0, 40)}"`);
}

async function asKeyImportError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Base64Error) throw keyErrors.invalidBase64();
    if (error instanceof DerError) throw keyErrors.corruptDer();
    throw error;
  }
}
