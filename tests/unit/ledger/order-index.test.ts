import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { openLedgerDb, ORDER_KEYS, request } from '../../../utils/ledger/db';
import { importSettlementFile } from '../../../utils/ledger/import';
import { lookupOrders, type OrderRecord } from '../../../utils/ledger/order-index';
import { searchLedger } from '../../../utils/ledger/search';
import { deleteSellerSettlements } from '../../../utils/ledger/sellers';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/ledger/${name}`, import.meta.url)));
const FIXTURES = ['settlement-us.csv', 'settlement-eu-windows-1252-crlf.csv', 'settlement-jp.csv'];
/** The US fixture's order with a capture (its fourth row) and a refund (its sixth). */
const REFUNDED = 'P01-7730114-0091826';
const V3_STORES = ['files', 'settlements', 'row-pages', 'terms', 'settlement-lines'];

const all = <T>(db: IDBDatabase, store: string) => request<T[]>(db.transaction(store).objectStore(store).getAll());
const lookup = (db: IDBDatabase, keys: string[]) =>
  lookupOrders(db.transaction(ORDER_KEYS).objectStore(ORDER_KEYS), keys);

let db: IDBDatabase;
let dbCount = 0;
beforeEach(async () => {
  db = await openLedgerDb(`order-index-${++dbCount}`);
  for (const file of FIXTURES) expect((await importSettlementFile(db, fixture(file), file)).status).toBe('imported');
  return () => db.close();
});

/** The stores of version 3 holding what `from` holds: everything but the order index. */
async function writeVersion3(name: string, from: IDBDatabase): Promise<void> {
  const contents = await Promise.all(V3_STORES.map((store) => all<unknown>(from, store)));
  const open = indexedDB.open(name, 3);
  open.onupgradeneeded = () => {
    const v3 = open.result;
    v3.createObjectStore('files', { keyPath: 'sha256' });
    v3.createObjectStore('settlements', { keyPath: ['settlementId', 'currency'] }).createIndex(
      'by-settlement-id',
      'settlementId',
    );
    v3.createObjectStore('row-pages', { keyPath: ['settlementId', 'currency', 'page'] });
    v3.createObjectStore('terms', { keyPath: ['bucket', 'settlementId', 'currency'] });
    v3.createObjectStore('settlement-lines', { keyPath: ['settlementId', 'currency'] });
  };
  const v3 = await request(open);
  const tx = v3.transaction(V3_STORES, 'readwrite');
  V3_STORES.forEach((store, i) => contents[i]!.forEach((record) => tx.objectStore(store).put(record)));
  await new Promise((resolve) => (tx.oncomplete = resolve));
  v3.close();
}

describe('order index', () => {
  it("finds each order's rows in every settlement by their index, and nothing for an unknown order", async () => {
    const found = await lookup(db, [REFUNDED, 'P01-0000000-0000000']);
    expect(found.get(REFUNDED)).toEqual([
      { settlementId: '7301234567', currency: 'USD', index: 3 },
      { settlementId: '7301234567', currency: 'USD', index: 5 },
    ]);
    expect(found.get('P01-0000000-0000000')).toEqual([]);
  });

  it('keeps records small: only order keys and indexes, no other id, no amount', async () => {
    const records = await all<OrderRecord>(db, ORDER_KEYS);
    expect(records.length).toBeGreaterThan(0);
    for (const { lines } of records) {
      expect(lines).toMatch(/^\n([A-Z]\d{2}-\d{7}-\d{7}\t\d+\n)+$/);
    }
    expect(records.map((r) => r.lines).join('')).not.toContain('-C004417');
  });

  it('completes an amount match into its whole order from the order index', async () => {
    const [timeline] = (await searchLedger(db, '49.90')).timelines;
    expect(timeline!.key).toBe(REFUNDED);
    expect(timeline!.entries.map((e) => [e.category, e.amountMinor])).toEqual([
      ['capture', 4990],
      ['refund', -2000],
    ]);
  });

  it('is built from the stored rows when a version 3 ledger is upgraded, as import would write it', async () => {
    await writeVersion3(`order-index-v3-${dbCount}`, db);
    const upgraded = await openLedgerDb(`order-index-v3-${dbCount}`);
    const byKey = (r: OrderRecord) => `${r.bucket} ${r.settlementId} ${r.currency}`;
    const sorted = (records: OrderRecord[]) => records.sort((a, b) => byKey(a).localeCompare(byKey(b)));
    expect(sorted(await all<OrderRecord>(upgraded, ORDER_KEYS))).toEqual(
      sorted(await all<OrderRecord>(db, ORDER_KEYS)),
    );
    expect((await lookup(upgraded, [REFUNDED])).get(REFUNDED)).toHaveLength(2);
    const [timeline] = (await searchLedger(upgraded, '49.90')).timelines;
    expect(timeline!.entries.map((e) => e.category)).toEqual(['capture', 'refund']);
    upgraded.close();
  });

  it("leaves no order record of a deleted seller's settlements, and a re-import writes them again", async () => {
    const usRecords = async () => (await all<OrderRecord>(db, ORDER_KEYS)).filter((r) => r.currency === 'USD');
    const before = await usRecords();
    expect(before.length).toBeGreaterThan(0);
    const others = (await all<OrderRecord>(db, ORDER_KEYS)).length - before.length;
    expect(await deleteSellerSettlements(db, ['A1EXAMPLESELLER'])).toBe(1);
    expect(await usRecords()).toEqual([]);
    expect((await all<OrderRecord>(db, ORDER_KEYS)).length).toBe(others);
    expect((await lookup(db, [REFUNDED])).get(REFUNDED)).toEqual([]);
    expect((await importSettlementFile(db, fixture('settlement-us.csv'), 'again.csv')).status).toBe('imported');
    expect(await usRecords()).toEqual(before);
  });
});
