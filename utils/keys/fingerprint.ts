import { sha256HexOf } from '../crypto/sha256-hex';
import type { Bytes } from './base64';

/**
 * SHA-256 of the DER SubjectPublicKeyInfo, lowercase hex: the value
 * `openssl pkey -in key.pem -pubout -outform DER | sha256sum` prints, so a user can tell which key is stored.
 */
export function publicKeyFingerprint(spki: Bytes): Promise<string> {
  return sha256HexOf(spki);
}
