/** The vector loaders refuse a folder that would leave the replay tests with nothing to replay. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VECTORS_DIR } from '../fixtures/signing-vectors';
import { loadVectors, queryEncodingCases } from './helpers/vectors';

const made: string[] = [];
function folder(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-vectors-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), JSON.stringify(content));
  return dir;
}
const copy = (file: string) => JSON.parse(fs.readFileSync(path.join(VECTORS_DIR, file), 'utf8')) as unknown;

afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('loadVectors', () => {
  it('loads every vector index.json names, from the repository', () => {
    const named = (copy('index.json') as { vectors: Array<{ file: string }> }).vectors.map((v) => v.file);
    expect(loadVectors().map((v) => v.file)).toEqual(named);
    expect(named.filter((file) => file.startsWith('sdk-')).length).toBeGreaterThanOrEqual(9);
    expect(named.filter((file) => file.startsWith('portable-')).length).toBeGreaterThanOrEqual(3);
  });

  it('refuses an empty folder', () => {
    expect(() => loadVectors(folder({}))).toThrow(/No index.json/);
  });

  it('refuses an index that names no vector', () => {
    expect(() => loadVectors(folder({ 'index.json': { vectors: [] } }))).toThrow(/names no vectors/);
  });

  it('refuses an index naming a missing file', () => {
    const dir = folder({
      'index.json': { vectors: [{ file: 'sdk-get-reports.json' }, { file: 'sdk-gone.json' }] },
      'sdk-get-reports.json': copy('sdk-get-reports.json'),
    });
    expect(() => loadVectors(dir)).toThrow(/missing: sdk-gone.json/);
  });

  it('refuses a vector the index does not name', () => {
    const dir = folder({
      'index.json': { vectors: [{ file: 'sdk-get-reports.json' }] },
      'sdk-get-reports.json': copy('sdk-get-reports.json'),
      'portable-get-reports.json': copy('portable-get-reports.json'),
    });
    expect(() => loadVectors(dir)).toThrow(/not named in .*: portable-get-reports.json/);
  });
});

describe('queryEncodingCases', () => {
  it('loads the samples', () => {
    expect(queryEncodingCases().length).toBeGreaterThan(0);
  });

  it('refuses a missing or empty file', () => {
    expect(() => queryEncodingCases(folder({}))).toThrow(/ENOENT/);
    expect(() => queryEncodingCases(folder({ 'query-encoding-cases.json': { cases: [] } }))).toThrow(/holds no cases/);
  });
});
