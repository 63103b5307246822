/** The shared signing vectors (`../shared/vectors` beside the checkout; SHARED_VECTORS_DIR overrides). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const VECTORS_DIR = process.env.SHARED_VECTORS_DIR ?? path.resolve(repoRoot, '../shared/vectors');

export interface Vector {
  name: string;
  file: string;
  config: { publicKeyId: string; region?: string; sandbox?: boolean | null; algorithm: string | null };
  fixedClock: string;
  request: { method: string; url: string; path: string; rawQuery: string; body: string | null };
  canonicalRequest: string;
  stringToSign: string;
  signedHeaders: string;
  saltLength: number;
  headersSent: Record<string, string>;
}

/** Every sdk-* and portable-* vector. */
export function loadVectors(): Vector[] {
  return fs.readdirSync(VECTORS_DIR)
    .filter((f) => /^(sdk|portable)-.*\.json$/.test(f))
    .sort()
    .map((file) => ({ ...(JSON.parse(fs.readFileSync(path.join(VECTORS_DIR, file), 'utf8')) as Omit<Vector, 'file'>), file }));
}

export function vectorPublicKeyPem(): string {
  return fs.readFileSync(path.join(VECTORS_DIR, 'keys/test_public.pem'), 'utf8');
}

export function queryEncodingCases(): Array<{ value: string; rfc3986: string }> {
  return (JSON.parse(fs.readFileSync(path.join(VECTORS_DIR, 'query-encoding-cases.json'), 'utf8')) as { cases: Array<{ value: string; rfc3986: string }> }).cases;
}
