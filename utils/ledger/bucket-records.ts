/**
 * What the ledger's two indexes (terms.ts, order-index.ts) share: a settlement's keys spread over BUCKETS buckets by
 * an FNV-1a hash and kept as one record per bucket and settlement, each one string of `key\tindex\n` lines (index:
 * the row's place in its settlement). Import writes a few hundred records per settlement instead of an entry per
 * key, and a lookup reads one bucket: one record per settlement, one string each to clone.
 */
import { request } from './idb';
import type { SettlementRow } from './types';

export const BUCKETS = 1024;

export interface BucketRecord {
  bucket: number;
  settlementId: string;
  currency: string;
  lines: string;
}

/** FNV-1a over the first `end` characters of `text`. */
export function hashBucket(text: string, end = text.length): number {
  let hash = 0x811c9dc5;
  const last = Math.min(text.length, end);
  for (let i = 0; i < last; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % BUCKETS;
}

/** The records of one settlement's rows (all of one SettlementId and currency, in their stored order). */
export function bucketRecords(
  settlementId: string,
  currency: string,
  rows: readonly SettlementRow[],
  keysOf: (row: SettlementRow) => readonly string[],
  bucketOf: (key: string) => number,
): BucketRecord[] {
  // Each bucket's text is joined once from its parts (key, tab, index, line break): no string per line.
  const buckets = new Map<number, (string | number)[]>();
  for (let index = 0; index < rows.length; index++) {
    for (const key of keysOf(rows[index]!)) {
      const bucket = bucketOf(key);
      let parts = buckets.get(bucket);
      if (!parts) buckets.set(bucket, (parts = ['\n']));
      parts.push(key, '\t', index, '\n');
    }
  }
  return [...buckets].map(([bucket, parts]) => ({ bucket, settlementId, currency, lines: parts.join('') }));
}

export function deleteBucketRecords(store: IDBObjectStore, settlementId: string, currency: string): void {
  for (let bucket = 0; bucket < BUCKETS; bucket++) store.delete([bucket, settlementId, currency]);
}

/** Every settlement's record of one bucket. */
export function readBucket(store: IDBObjectStore, bucket: number): Promise<BucketRecord[]> {
  return request<BucketRecord[]>(store.getAll(IDBKeyRange.bound([bucket], [bucket, []])));
}
