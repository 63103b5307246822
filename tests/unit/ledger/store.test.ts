import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { done, openLedgerDb, request, ROW_PAGES } from '../../../utils/ledger/db';
import { importSettlementFile } from '../../../utils/ledger/import';
import { listFiles, listSettlementLines, listSettlements, settlementRows } from '../../../utils/ledger/queries';
import { deleteSellerSettlements } from '../../../utils/ledger/sellers';
import type { RowPage } from '../../../utils/ledger/row-pages';
import { amountInCurrency, searchLedger } from '../../../utils/ledger/search';
import { generateSettlement } from '../../fixtures/ledger/generate';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/ledger/${name}`, import.meta.url)));
const encode = (text: string) => new TextEncoder().encode(text);

let db: IDBDatabase;
let dbCount = 0;
beforeEach(async () => {
  db = await openLedgerDb(`ledger-test-${++dbCount}`);
  return () => db.close();
});

describe('import', () => {
  it('stores the file by SHA-256, one summary per settlement and currency, and every row', async () => {
    const result = await importSettlementFile(db, fixture('settlement-us.csv'), 'settlement-us.csv');
    expect(result.status).toBe('imported');
    expect(result.file).toMatchObject({
      name: 'settlement-us.csv',
      rowCount: 11,
      settlementIds: ['7301234567'],
      errors: [],
    });
    expect(result.file.sha256).toMatch(/^[0-9a-f]{64}$/);
    const [listed, ...others] = await listSettlements(db);
    expect(others).toEqual([]);
    expect(listed!.summary).toMatchObject({
      settlementId: '7301234567',
      currency: 'USD',
      sellerId: 'A1EXAMPLESELLER',
      rowCount: 11,
      identity: { activity: 114934, payout: 120417, carry: -5483, payoutRows: 1 },
      payoutPostedAt: '2026-03-03T00:04:31Z',
    });
    expect(listed!.light).toBe('amber');
    expect((await settlementRows(db, '7301234567', 'USD')).map((r) => r.line)).toEqual([
      7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
    ]);
  });

  it('does nothing for the same bytes again, or for the same rows in re-saved bytes', async () => {
    const first = await importSettlementFile(db, fixture('settlement-us.csv'), 'a.csv');
    expect((await importSettlementFile(db, fixture('settlement-us.csv'), 'b.csv')).status).toBe('unchanged');
    const crlf = encode(new TextDecoder().decode(fixture('settlement-us.csv')).replace(/\n/g, '\r\n'));
    expect((await importSettlementFile(db, crlf, 'c.csv')).status).toBe('unchanged');
    expect((await listFiles(db)).map((f) => f.status)).toEqual(['imported', 'imported']);
    expect((await listSettlements(db))[0]!.summary.sha256).toBe(first.file.sha256);
  });

  it('records a different file for a stored SettlementId as a conflict and stores none of its rows', async () => {
    const original = await importSettlementFile(db, fixture('settlement-us.csv'), 'original.csv');
    const text = new TextDecoder()
      .decode(fixture('settlement-us.csv'))
      .replace('"-75.00","0","0","0","-75.00"', '"-70.00","0","0","0","-70.00"');
    const result = await importSettlementFile(db, encode(text), 'edited.csv');
    expect(result.status).toBe('conflict');
    expect(result.file.conflictsWith).toEqual([
      { settlementId: '7301234567', sha256: original.file.sha256, name: 'original.csv' },
    ]);
    const chargeback = (await settlementRows(db, '7301234567', 'USD')).find((r) => r.line === 13);
    expect(chargeback!.amountMinor).toBe(-7500);
    expect((await listFiles(db)).find((f) => f.name === 'edited.csv')!.status).toBe('conflict');
  });

  it('lights a chain of settlements whose Transfers pay the previous period green in the list', async () => {
    const first = generateSettlement({ seed: 31, rows: 15, transferMinor: 0, start: new Date(Date.UTC(2026, 2, 1)) });
    const second = generateSettlement({
      seed: 32,
      rows: 15,
      transferMinor: first.activityMinor,
      start: new Date(Date.UTC(2026, 2, 2)),
    });
    await importSettlementFile(db, encode(second.text), 'second.csv');
    await importSettlementFile(db, encode(first.text), 'first.csv');
    const listed = await listSettlements(db);
    expect(listed.map((l) => [l.summary.settlementId, l.payout.explanation, l.light])).toEqual([
      [second.settlementId, 'pays-previous', 'green'],
      [first.settlementId, 'paid-by-next', 'green'],
    ]);
  });
});

describe('settlement lines', () => {
  it('lists the small line records in the order and with the lights of the summaries, and drops them with them', async () => {
    await importSettlementFile(db, fixture('settlement-us.csv'), 'us.csv');
    await importSettlementFile(db, fixture('settlement-eu-windows-1252-crlf.csv'), 'eu.csv');
    const lines = await listSettlementLines(db);
    const listed = await listSettlements(db);
    expect(lines.map(({ line, light }) => [line.settlementId, line.currency, light])).toEqual(
      listed.map(({ summary, light }) => [summary.settlementId, summary.currency, light]),
    );
    expect(lines.find((l) => l.line.currency === 'USD')!.line).toMatchObject({
      grossMinor: 125000 + 4990 + 99,
      feeMinor: -3655 - 175 - 33 + 58,
      reversalsMinor: -1942 - 7500 - 1250,
      identity: { payout: 120417 },
      storedLight: 'green',
    });
    expect(await deleteSellerSettlements(db, ['A1EXAMPLESELLER'])).toBe(1);
    expect((await listSettlementLines(db)).map(({ line }) => line.currency)).toEqual(['EUR']);
  });
});

describe('row pages', () => {
  it('keeps a page as one packed text, and still reads a page written as row objects', async () => {
    await importSettlementFile(db, fixture('settlement-us.csv'), 'us.csv');
    const rows = await settlementRows(db, '7301234567', 'USD');
    expect(rows.map((r) => r.line)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    const tx = db.transaction(ROW_PAGES, 'readwrite');
    const pages = tx.objectStore(ROW_PAGES);
    const stored = await request<RowPage[]>(pages.getAll());
    expect(stored.map((page) => typeof ('packed' in page && page.packed))).toEqual(['string']);
    pages.put({ settlementId: '7301234567', currency: 'USD', page: 0, rows } satisfies RowPage);
    await done(tx);
    expect(await settlementRows(db, '7301234567', 'USD')).toEqual(rows);
    const found = await searchLedger(db, rows[2]!.amazonTransactionId);
    expect(found.timelines[0]!.entries).toContainEqual(rows[2]);
  });
});

describe('search', () => {
  beforeEach(async () => {
    await importSettlementFile(db, fixture('settlement-us.csv'), 'us.csv');
    await importSettlementFile(db, fixture('settlement-eu-windows-1252-crlf.csv'), 'eu.csv');
  });

  it('answers a charge id with the order timeline: capture, then refund, then the payout that carried it', async () => {
    const result = await searchLedger(db, 'p01-7730114-0091826-c004417');
    expect(result.query.kind).toBe('id');
    expect(result.timelines).toHaveLength(1);
    const [timeline] = result.timelines;
    expect(timeline!.key).toBe('P01-7730114-0091826');
    expect(timeline!.entries.map((e) => [e.category, e.amountMinor, e.feeMinor, e.netMinor])).toEqual([
      ['capture', 4990, -175, 4815],
      ['refund', -2000, 58, -1942],
    ]);
    expect(timeline!.payouts).toEqual([
      { settlementId: '7301234567', currency: 'USD', payoutMinor: 120417, payoutPostedAt: '2026-03-03T00:04:31Z' },
    ]);
  });

  it('finds an order by its Shopify #tail, by a reference prefix and by the settlement id', async () => {
    expect((await searchLedger(db, '#1002')).timelines.map((t) => t.key)).toEqual(['P01-7730114-0091826']);
    expect((await searchLedger(db, 'P01-2208')).timelines.map((t) => t.key)).toEqual(['P01-2208815-6612093']);
    expect((await searchLedger(db, 'cap-100')).timelines.map((t) => t.key)).toEqual([]);
    expect((await searchLedger(db, '7301234567')).settlements.map((s) => s.currency)).toEqual(['USD']);
    expect((await searchLedger(db, 'nothing-like-this')).timelines).toEqual([]);
  });

  it('finds rows by amount in either sign and either decimal mark, per currency', async () => {
    expect((await searchLedger(db, '49.90')).timelines.map((t) => t.key)).toEqual(['P01-7730114-0091826']);
    const refund = await searchLedger(db, '19,99');
    expect(refund.timelines.map((t) => [t.key, t.entries.map((e) => e.category)])).toEqual([
      ['S02-8812004-1190376', ['capture', 'refund']],
    ]);
    expect([
      amountInCurrency('1.234,56', 'EUR'),
      amountInCurrency('1,234', 'JPY'),
      amountInCurrency('1,234', 'USD'),
    ]).toEqual([123456, 1234, 123400]);
  });

  it('completes an order from every settlement that carries part of it, even when the lookup was cut short', async () => {
    const later = new TextDecoder().decode(fixture('settlement-us.csv')).replaceAll('7301234567', '7301239999');
    expect((await importSettlementFile(db, encode(later), 'later.csv')).status).toBe('imported');
    for (const size of [10, 1]) {
      const [timeline] = (await searchLedger(db, 'P01-7730114-0091826-C004417', { size })).timelines;
      expect(timeline!.entries.map((e) => `${e.settlementId} ${e.category}`).sort()).toEqual([
        '7301234567 capture',
        '7301234567 refund',
        '7301239999 capture',
        '7301239999 refund',
      ]);
      expect(timeline!.payouts.map((p) => p.settlementId).sort()).toEqual(['7301234567', '7301239999']);
    }
  });

  it("names the next file's Transfer as the payout when the archive's Transfers pay the previous period", async () => {
    const start = (day: number) => new Date(Date.UTC(2026, 9, day, 15, 0, 12));
    const a = generateSettlement({
      seed: 11,
      rows: 30,
      settlementId: '7100000001',
      start: start(1),
      transferMinor: 777,
    });
    const b = generateSettlement({
      seed: 12,
      rows: 30,
      settlementId: '7100000002',
      start: start(2),
      transferMinor: a.activityMinor,
    });
    const c = generateSettlement({
      seed: 13,
      rows: 30,
      settlementId: '7100000003',
      start: start(3),
      transferMinor: b.activityMinor,
    });
    for (const file of [c, a, b]) await importSettlementFile(db, encode(file.text), `${file.settlementId}.csv`);
    const orderIn = (file: { text: string }) => /"(P01-\d{7}-\d{7})-C\d{6}"/.exec(file.text)![1]!;
    const payoutsOf = async (order: string) =>
      (await searchLedger(db, order)).timelines[0]!.payouts.map((p) => [p.settlementId, p.payoutMinor]);
    expect(await payoutsOf(orderIn(a))).toEqual([['7100000002', a.activityMinor]]);
    expect(await payoutsOf(orderIn(b))).toEqual([['7100000003', b.activityMinor]]);
    // The newest file's activity is paid by a Transfer not yet in the archive.
    expect(await payoutsOf(orderIn(c))).toEqual([]);
  });
});
