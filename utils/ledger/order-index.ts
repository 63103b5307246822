/**
 * The order index: which rows of each settlement belong to an order key. A search completes every timeline it
 * shows with the rows of its order from every settlement; the term index (terms.ts) could answer that too, but its
 * buckets are large (every id and amount of the rows whose ids share eight first characters), so completing one
 * order read hundreds of kilobytes. Here the bucket records (bucket-records.ts) are chosen by a hash of the whole
 * order key and hold only order keys: a few hundred bytes per bucket and settlement.
 */
import { bucketRecords, deleteBucketRecords, hashBucket, readBucket, type BucketRecord } from './bucket-records';
import { rowOrderKey } from './ids';
import type { RowRef } from './row-pages';
import type { SettlementRow } from './types';

export type OrderRecord = BucketRecord;

const orderKeysOf = (row: SettlementRow): string[] => {
  const orderKey = rowOrderKey(row);
  return orderKey ? [orderKey] : [];
};

/** The order records of one settlement's rows (all of one SettlementId and currency, in their stored order). */
export function orderRecords(settlementId: string, currency: string, rows: readonly SettlementRow[]): OrderRecord[] {
  return bucketRecords(settlementId, currency, rows, orderKeysOf, hashBucket);
}

export const deleteOrderRecords = deleteBucketRecords;

/** The rows of each order key, from every settlement; buckets are read together, each once. */
export async function lookupOrders(
  orders: IDBObjectStore,
  orderKeys: readonly string[],
): Promise<Map<string, RowRef[]>> {
  const found = new Map(orderKeys.map((key) => [key, [] as RowRef[]]));
  const buckets = [...new Set(orderKeys.map((key) => hashBucket(key)))];
  const records = await Promise.all(buckets.map((bucket) => readBucket(orders, bucket)));
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
