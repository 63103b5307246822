import { base64ToBytes } from '@/utils/keys/base64';
import { publicKeyFingerprint } from '@/utils/keys/fingerprint';
import { scanPem } from '@/utils/keys/pem-armor';

/** SHA-256 of the public key exactly as shown for Integration Central, from that text; it must equal the stored key's. */
export async function publicPemFingerprint(pem: string): Promise<string> {
  const block = scanPem(pem).blocks.find((b) => b.label === 'PUBLIC KEY');
  if (!block) throw new Error('No public key in the text');
  return publicKeyFingerprint(base64ToBytes(block.body));
}
