/** The throwaway test keys in shared/vectors/keys (beside the checkout), never a real merchant key. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function keysDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'shared', 'vectors', 'keys');
    if (existsSync(path.join(candidate, 'test_private_pkcs8.pem'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('shared/vectors/keys not found in any parent directory of bench/');
    dir = parent;
  }
}

export function testPrivateKeyPem(): string {
  return readFileSync(path.join(keysDir(), 'test_private_pkcs8.pem'), 'utf8');
}

/** The PKCS#8 test key as the product holds it: a non-extractable WebCrypto RSA-PSS signing key. */
export async function testPrivateCryptoKey(): Promise<CryptoKey> {
  const der = Buffer.from(testPrivateKeyPem().replace(/-----(BEGIN|END) PRIVATE KEY-----|\s/g, ''), 'base64');
  return crypto.subtle.importKey('pkcs8', der, { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['sign']);
}
