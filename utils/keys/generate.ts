/**
 * Creates the signing key pair in the browser, the safest path: the private key is non-extractable from birth
 * and only the public key (for Integration Central) ever leaves WebCrypto.
 */
import type { Bytes } from './base64';
import { publicKeyFingerprint } from './fingerprint';
import { SIGNING_ALGORITHM } from './pem';
import { encodePem } from './pem-armor';

export interface GeneratedKeyPair {
  privateKey: CryptoKey;
  /** SPKI PEM (`-----BEGIN PUBLIC KEY-----`) to paste into Integration Central. */
  publicKeyPem: string;
  publicKeyFingerprint: string;
}

export async function generateSigningKeyPair(): Promise<GeneratedKeyPair> {
  const subtle = globalThis.crypto.subtle;
  // extractable: false applies to the private key only; public keys stay exportable by definition.
  const { privateKey, publicKey } = await subtle.generateKey(
    { ...SIGNING_ALGORITHM, modulusLength: 2048, publicExponent: Uint8Array.of(1, 0, 1) },
    false,
    ['sign', 'verify'],
  );
  const spki = new Uint8Array(await subtle.exportKey('spki', publicKey));
  return {
    privateKey,
    publicKeyPem: publicKeyPemFromSpki(spki),
    publicKeyFingerprint: await publicKeyFingerprint(spki),
  };
}

export function publicKeyPemFromSpki(spki: Bytes | ArrayBuffer): string {
  return encodePem('PUBLIC KEY', spki instanceof Uint8Array ? spki : new Uint8Array(spki));
}
