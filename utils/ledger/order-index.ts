/**
 * The order index: which rows of each settlement belong to an order key. A search completes every timeline it
 * shows with the rows of its order from every settlement; the term index (terms.ts) could answer that too, but its
 * buckets are large (every id and amount of the rows whose ids share eight first characters), so completing one
 * order read hundreds of kilobytes. Here a bucket is chosen by a hash of the whole order key and holds only
 * `orderKey\tindex\n` lines: one record per bucket and settlement of a few hundred bytes.
 */
import { request } from './idb';
import { rowOrderKey } from './ids';
import type { RowRef } from './row-pages';
import type { SettlementRow } from './types';

export const ORDER_BUCKETS = 1024;

export interface OrderRecord {
  bucket: number;
  settlementId: string;
  currency: string;
  lines: string;
}

/** FNV-1a over the whole order key. */
export function orderBucketOf(orderKey: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < orderKey.length; i++) hash = Math.imul(hash ^ orderKey.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % ORDER_BUCKETS;
}

/** The order records of one settlement's rows (all of one SettlementId and currency, in their stored order). */
export function orderRecords(settlementId: string, currency: string, rows: readonly SettlementRow[]): OrderRecord[] {
  const buckets = new Map<number, (string | number)[]>();
  for (let index = 0; index < rows.length; index++) {
    const orderKey = rowOrderKey(rows[index]!);
    if (!orderKey) continue;
    const bucket = orderBucketOf(orderKey);
    let parts = buckets.get(bucket);
    if (!parts) buckets.set(bucket, (parts = ['\n']));
    parts.push(orderKey, '\t', index, '\n');
  }
  return [...buckets].map(([bucket, parts]) => ({ bucket, settlementId, currency, lines: parts.join('') }));
}

export function deleteOrderRecords(orders: IDBObjectStore, settlementId: string, currency: string): void {
  for (let bucket = 0; bucket < ORDER_BUCKETS; bucket++) orders.delete([bucket, settlementId, currency]);
}

const bucketRange = (bucket: number) => IDBKeyRange.bound([bucket], [bucket, []]);

/** The rows of each order key, from every settlement; buckets are read together, each once. */
export async function lookupOrders(
  orders: IDBObjectStore,
  orderKeys: readonly string[],
): Promise<Map<string, RowRef[]>> {
  const found = new Map(orderKeys.map((key) => [key, [] as RowRef[]]));
  const buckets = [...new Set(orderKeys.map(orderBucketOf))];
  const records = await Promise.all(buckets.map((b) => request<OrderRecord[]>(orders.getAll(bucketRange(b)))));
  for (const { settlementId, currency, lines } of records.flat()) {
    for (const [key, refs] of found) {
      const needle = `\n${key}\t`;
      for (let at = lines.indexOf(needle); at !== -1; at = lines.indexOf(needle, at + 1)) {
        const start = at + needle.length;
        refs.push({ settlementId, currency, index: Number(lines.slice(start, lines.indexOf('\n', start))) });
      }
    }
  }
  return found;
}
