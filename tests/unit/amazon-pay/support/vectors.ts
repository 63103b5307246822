/** The signing vectors and test keys of `tests/fixtures/vectors/`, typed for the signer's tests. */
import { constants, verify } from 'node:crypto';
import { readTestKey, readVectorFile, vectorFiles, type VectorPrefix } from '../../../fixtures/signing-vectors';

export { readVectorFile };

export interface Vector {
  name: string;
  config: {
    publicKeyId: string;
    region?: string;
    sandbox?: boolean | null;
    algorithm: 'AMZN-PAY-RSASSA-PSS-V2' | 'AMZN-PAY-RSASSA-PSS' | null;
  };
  fixedClock: string;
  request: { method: string; url: string; path: string; rawQuery: string; body: string | null };
  payloadSha256: string;
  canonicalRequest: string;
  canonicalRequestSha256: string;
  stringToSign: string;
  signedHeaders: string;
  saltLength: number;
  headersSent: Record<string, string>;
  signature: string;
}

/** Every vector whose file name starts with `prefix`, as `index.json` lists them. */
export function loadVectors(prefix: VectorPrefix): Vector[] {
  return vectorFiles(prefix).map((file) => readVectorFile<Vector>(file));
}

export const readKey = readTestKey;

/** The PKCS#8 test key as a non-extractable WebCrypto signing key, the way the product imports keys. */
export async function importTestPrivateKey(): Promise<CryptoKey> {
  const body = readKey('test_private_pkcs8.pem').replace(/-----(BEGIN|END) PRIVATE KEY-----|\s/g, '');
  return crypto.subtle.importKey('pkcs8', Buffer.from(body, 'base64'), { name: 'RSA-PSS', hash: 'SHA-256' }, false, [
    'sign',
  ]);
}

/** Independent check with Node's OpenSSL-backed verifier (RSA-PSS, SHA-256, MGF1-SHA-256). */
export function verifiesWithTestKey(data: string, signatureBase64: string, saltLength: number): boolean {
  return verify(
    'sha256',
    Buffer.from(data, 'utf8'),
    { key: readKey('test_public.pem'), padding: constants.RSA_PKCS1_PSS_PADDING, saltLength },
    Buffer.from(signatureBase64, 'base64'),
  );
}

/** The Base64 signature from an `authorization` header. */
export function signatureOf(authorization: string): string {
  const match = /, Signature=([A-Za-z0-9+/]+={0,2})$/.exec(authorization);
  if (!match?.[1]) throw new Error(`No Signature= part in ${authorization}`);
  return match[1];
}
