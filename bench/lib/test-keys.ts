/** The throwaway test key of the repository's signing vectors (tests/fixtures/vectors/keys), never a real merchant key. */
import { readFileSync } from 'node:fs';

export function testPrivateKeyPem(): string {
  return readFileSync(new URL('../../tests/fixtures/vectors/keys/test_private_pkcs8.pem', import.meta.url), 'utf8');
}

/** The PKCS#8 test key as the product holds it: a non-extractable WebCrypto RSA-PSS signing key. */
export async function testPrivateCryptoKey(): Promise<CryptoKey> {
  const der = Buffer.from(testPrivateKeyPem().replace(/-----(BEGIN|END) PRIVATE KEY-----|\s/g, ''), 'base64');
  return crypto.subtle.importKey('pkcs8', der, { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['sign']);
}
