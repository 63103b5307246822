import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { openLedgerDb } from '../../../utils/ledger/db';
import { importSettlementFile } from '../../../utils/ledger/import';
import { MIN_PREFIX, searchLedger, type SearchResult } from '../../../utils/ledger/search';

/** The real layout's title, header and column lines, from the US fixture. */
const HEADER = new TextDecoder()
  .decode(readFileSync(new URL('../../fixtures/ledger/settlement-us.csv', import.meta.url)))
  .split('\n')
  .slice(0, 6);

const order = (n: number) => `P01-4242${String(n).padStart(3, '0')}-0000001`;
const cells = (values: string[]) => values.map((v) => `"${v}"`).join(',');
const capture = (settlementId: string, n: number) =>
  cells([
    '2026-03-02T10:00:00 -0800',
    settlementId,
    `${order(n)}-C00000${n % 10}`,
    `ref-${n}`,
    'Capture',
    order(n),
    `#${2000 + n}`,
    'Store',
    'USD',
    '',
    '10.00',
    '-0.29',
    '-0.30',
    '-0.59',
    '9.41',
  ]);
const refund = (settlementId: string, n: number) =>
  cells([
    '2026-03-02T12:00:00 -0800',
    settlementId,
    `${order(n)}-R00000${n % 10}`,
    `back-${n}`,
    'Refund',
    order(n),
    `#${2000 + n}`,
    'Store',
    'USD',
    '',
    '-4.00',
    '0.12',
    '0',
    '0.12',
    '-3.88',
  ]);
const file = (lines: string[]) => new TextEncoder().encode([...HEADER, ...lines, ''].join('\n'));

let db: IDBDatabase;
let dbCount = 0;
beforeEach(async () => {
  db = await openLedgerDb(`ledger-search-pages-${++dbCount}`);
  // Eleven orders in one settlement, every third refunded; order 0 is refunded again in a later settlement.
  const first = Array.from({ length: 11 }, (_, n) => [
    capture('7400000001', n),
    ...(n % 3 ? [] : [refund('7400000001', n)]),
  ]);
  expect((await importSettlementFile(db, file(first.flat()), 'first.csv')).status).toBe('imported');
  expect((await importSettlementFile(db, file([refund('7400000002', 0)]), 'second.csv')).status).toBe('imported');
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
