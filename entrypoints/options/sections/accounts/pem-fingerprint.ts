import { generateHash } from '@webcrypto/tools';
import { base64ToBytes } from '@/utils/keys/base64';
import { scanPem } from '@/utils/keys/pem-armor';

/**
 * SHA-256 of the public key exactly as shown for Integration Central, computed from that text in the page
 * (@webcrypto/tools needs `window`, so this lives here, not in utils/keys); it must equal the stored key's.
 */
export async function publicPemFingerprint(pem: string): Promise<string> {
  const block = scanPem(pem).blocks.find((b) => b.label === 'PUBLIC KEY');
  if (!block) throw new Error('No public key in the text');
  const digest = new Uint8Array(await generateHash(base64ToBytes(block.body), 'SHA-256'));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
