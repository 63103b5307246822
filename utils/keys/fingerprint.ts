import type { Bytes } from './base64';

/**
 * SHA-256 of the DER SubjectPublicKeyInfo, lowercase hex: the value
 * `openssl pkey -in key.pem -pubout -outform DER | sha256sum` prints, so a user can tell which key is stored.
 */
export async function publicKeyFingerprint(spki: Bytes): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', spki));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
