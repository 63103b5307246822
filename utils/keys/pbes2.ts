/** Decrypts a PKCS#8 EncryptedPrivateKeyInfo protected with PBES2 (PBKDF2 + AES-CBC), using only WebCrypto. */
import type { Bytes } from './base64';
import { DerError, TAG, children, decodeOid, decodeSmallInteger, expectTag, readRoot, valueOf } from './der';
import { keyErrors } from './errors';

const PBES2 = '1.2.840.113549.1.5.13';
const PBKDF2 = '1.2.840.113549.1.5.12';
const PRF_HASHES: Record<string, string> = {
  '1.2.840.113549.2.7': 'SHA-1',
  '1.2.840.113549.2.9': 'SHA-256',
  '1.2.840.113549.2.10': 'SHA-384',
  '1.2.840.113549.2.11': 'SHA-512',
};
/** Key sizes in bytes. AES-192 is left out on purpose: Chromium's WebCrypto does not support it. */
const AES_CBC_KEY_BYTES: Record<string, number> = {
  '2.16.840.1.101.3.4.1.2': 16,
  '2.16.840.1.101.3.4.1.42': 32,
};
const KNOWN_UNSUPPORTED: Record<string, string> = {
  '2.16.840.1.101.3.4.1.22': 'AES-192-CBC',
  '1.2.840.113549.3.7': 'Triple DES',
  '1.3.6.1.4.1.11591.4.11': 'scrypt',
};
/** Beyond this the derivation would freeze the page for minutes; no tool writes such counts. */
const MAX_ITERATIONS = 10_000_000;

interface Pbes2Params {
  salt: Bytes;
  iterations: number;
  hash: string;
  keyBytes: number;
  iv: Bytes;
  ciphertext: Bytes;
}

function describe(oid: string): string {
  if (KNOWN_UNSUPPORTED[oid]) return KNOWN_UNSUPPORTED[oid];
  if (oid.startsWith('1.2.840.113549.1.5.') || oid.startsWith('1.2.840.113549.1.12.1.')) return 'a legacy PBES1 scheme';
  return `an unknown scheme (${oid})`;
}

function parse(der: Bytes): Pbes2Params {
  const [algorithm, encrypted] = children(der, readRoot(der));
  const [schemeOid, schemeParams] = children(der, expectTag(algorithm, TAG.SEQUENCE));
  const scheme = decodeOid(der, expectTag(schemeOid, TAG.OID));
  if (scheme !== PBES2) throw keyErrors.unsupportedEncryption(describe(scheme));
  const [kdf, cipher] = children(der, expectTag(schemeParams, TAG.SEQUENCE));
  const [kdfOid, kdfParams] = children(der, expectTag(kdf, TAG.SEQUENCE));
  const kdfName = decodeOid(der, expectTag(kdfOid, TAG.OID));
  if (kdfName !== PBKDF2) throw keyErrors.unsupportedEncryption(describe(kdfName));
  const [cipherOid, ivTlv] = children(der, expectTag(cipher, TAG.SEQUENCE));
  const cipherName = decodeOid(der, expectTag(cipherOid, TAG.OID));
  const keyBytes = AES_CBC_KEY_BYTES[cipherName];
  if (!keyBytes) throw keyErrors.unsupportedEncryption(describe(cipherName));

  const [saltTlv, iterationsTlv, ...optional] = children(der, expectTag(kdfParams, TAG.SEQUENCE));
  // keyLength (an INTEGER) may precede the PRF; the cipher already fixes the length.
  const prf = optional.find((item) => item.tag === TAG.SEQUENCE);
  const prfOid = prf ? decodeOid(der, expectTag(children(der, prf)[0], TAG.OID)) : '1.2.840.113549.2.7';
  const hash = PRF_HASHES[prfOid];
  if (!hash) throw keyErrors.unsupportedEncryption(`PBKDF2 with an unknown hash (${prfOid})`);
  const iterations = decodeSmallInteger(der, expectTag(iterationsTlv, TAG.INTEGER));
  if (iterations < 1 || iterations > MAX_ITERATIONS) {
    throw keyErrors.unsupportedEncryption(`PBKDF2 with ${iterations} iterations`);
  }
  const iv = valueOf(der, expectTag(ivTlv, TAG.OCTET_STRING));
  if (iv.length !== 16) throw new DerError('AES-CBC needs a 16-byte IV');
  return {
    salt: valueOf(der, expectTag(saltTlv, TAG.OCTET_STRING)),
    iterations,
    hash,
    keyBytes,
    iv,
    ciphertext: valueOf(der, expectTag(encrypted, TAG.OCTET_STRING)),
  };
}

/**
 * Returns the decrypted PrivateKeyInfo DER. An empty passphrase counts as none, since that is what an
 * untouched form field sends.
 */
export async function decryptPrivateKeyInfo(der: Bytes, passphrase: string | undefined): Promise<Bytes> {
  const params = parse(der);
  if (!passphrase) throw keyErrors.passphraseRequired();
  const subtle = globalThis.crypto.subtle;
  const password = await subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveBits']);
  const keyBits = await subtle.deriveBits(
    { name: 'PBKDF2', salt: params.salt, iterations: params.iterations, hash: params.hash },
    password,
    params.keyBytes * 8,
  );
  const aesKey = await subtle.importKey('raw', keyBits, 'AES-CBC', false, ['decrypt']);
  let plain: Bytes;
  try {
    plain = new Uint8Array(await subtle.decrypt({ name: 'AES-CBC', iv: params.iv }, aesKey, params.ciphertext));
  } catch {
    throw keyErrors.wrongPassphrase();
  }
  // Bad padding is caught above; the rare wrong key that pads correctly still yields no well-formed DER.
  try {
    readRoot(plain);
  } catch {
    throw keyErrors.wrongPassphrase();
  }
  return plain;
}
