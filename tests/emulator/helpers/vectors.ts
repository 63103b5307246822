/** The signing vectors of `tests/fixtures/vectors/`, as the emulator's tests replay them. */
import { readTestKey, readVectorFile, vectorFiles, VECTORS_DIR } from '../../fixtures/signing-vectors';

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

/** Every sdk-* and portable-* vector `index.json` names (`dir` for the loader's own tests); never none. */
export function loadVectors(dir = VECTORS_DIR): Vector[] {
  return vectorFiles(undefined, dir).map((file) => ({ ...readVectorFile<Omit<Vector, 'file'>>(file, dir), file }));
}

export function vectorPublicKeyPem(): string {
  return readTestKey('test_public.pem');
}

/** The query-encoding samples; never none. */
export function queryEncodingCases(dir = VECTORS_DIR): Array<{ value: string; rfc3986: string }> {
  const { cases = [] } = readVectorFile<{ cases?: Array<{ value: string; rfc3986: string }> }>(
    'query-encoding-cases.json',
    dir,
  );
  if (cases.length === 0) throw new Error(`query-encoding-cases.json in ${dir} holds no cases`);
  return cases;
}
