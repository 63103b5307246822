import { beforeEach, describe, expect, it } from 'vitest';
import { openLedgerDb } from '../../../utils/ledger/db';
import { importSettlementFile } from '../../../utils/ledger/import';
import { MIN_PREFIX, searchLedger, type SearchResult } from '../../../utils/ledger/search';
import { order, sharedPrefixFiles } from '../../fixtures/ledger/orders';

let db: IDBDatabase;
let dbCount = 0;
beforeEach(async () => {
  db = await openLedgerDb(`ledger-search-pages-${++dbCount}`);
  for (const [i, bytes] of sharedPrefixFiles().entries()) {
    expect((await importSettlementFile(db, bytes, `orders-${i}.csv`)).status).toBe('imported');
  }
  return () => db.close();
});

async function allPages(query: string, size: number): Promise<SearchResult[]> {
  const pages = [await searchLedger(db, query, { size })];
  while (pages.at(-1)!.more) pages.push(await searchLedger(db, query, { offset: pages.length * size, size }));
  return pages;
}

describe('search pages', () => {
  it('shows every matching row exactly once over its pages, each order whole on one page', async () => {
    const pages = await allPages('P01-4242', 4);
    expect(pages.map((p) => [p.offset, p.timelines.length, p.more])).toEqual([
      [0, 4, true],
      [4, 4, true],
      [8, 3, false],
    ]);
    const keys = pages.flatMap((p) => p.timelines.map((t) => t.key));
    expect(keys).toEqual(Array.from({ length: 11 }, (_, n) => order(n)));
    const rows = pages.flatMap((p) => p.timelines.flatMap((t) => t.entries.map((e) => `${e.settlementId}:${e.line}`)));
    expect(new Set(rows).size).toBe(rows.length);
    expect(rows).toHaveLength(11 + 4 + 1);
    expect(pages.every((p) => p.matchedRows === 16)).toBe(true);
    expect(pages[0]!.timelines[0]!.entries.map((e) => [e.settlementId, e.category])).toEqual([
      ['7400000001', 'capture'],
      ['7400000001', 'refund'],
      ['7400000002', 'refund'],
    ]);
  });

  it('says how many rows an amount matched and pages through their orders', async () => {
    const result = await searchLedger(db, '10.00', { size: 3 });
    expect(result.matchedRows).toBe(11);
    expect(result.more).toBe(true);
    expect(result.timelines.map((t) => t.key)).toEqual([order(0), order(1), order(2)]);
    expect(result.timelines[0]!.entries).toHaveLength(3);
    expect(result.timelines[0]!.payouts).toEqual([]);
  });

  it(`looks a prefix shorter than ${MIN_PREFIX} characters up as a whole id only, and says so`, async () => {
    const short = await searchLedger(db, 'ref-1');
    expect(short).toMatchObject({ prefixTooShort: true, matchedRows: 1, more: false });
    expect(short.timelines.map((t) => t.key)).toEqual([order(1)]);
    const none = await searchLedger(db, 'P01-424');
    expect(none).toMatchObject({ prefixTooShort: true, matchedRows: 0, timelines: [] });
    expect((await searchLedger(db, 'P01-4242')).prefixTooShort).toBe(false);
  });
});
