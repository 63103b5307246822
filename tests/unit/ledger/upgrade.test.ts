import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FILES,
  openLedgerDb,
  ORDER_KEYS,
  request,
  SETTLEMENTS,
  type StoredFile,
  type StoredSettlement,
} from '../../../utils/ledger/db';
import { rowIds, rowOrderKey } from '../../../utils/ledger/ids';
import { importSettlementFile } from '../../../utils/ledger/import';
import { lineOf } from '../../../utils/ledger/lines';
import { listFiles, listSettlementLines, listSettlements, settlementRows } from '../../../utils/ledger/queries';
import { searchLedger } from '../../../utils/ledger/search';
import type { SettlementRow } from '../../../utils/ledger/types';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/ledger/${name}`, import.meta.url)));
const FIXTURES = ['settlement-us.csv', 'settlement-eu-windows-1252-crlf.csv', 'settlement-jp.csv'];

interface Snapshot {
  files: StoredFile[];
  summaries: StoredSettlement[];
  rows: SettlementRow[][];
}

/** What the current code stores for the fixtures, read back through the public queries. */
async function importedSnapshot(name: string): Promise<Snapshot> {
  const db = await openLedgerDb(name);
  for (const file of FIXTURES) expect((await importSettlementFile(db, fixture(file), file)).status).toBe('imported');
  const summaries = (await listSettlements(db)).map((listed) => listed.summary);
  const rows = await Promise.all(summaries.map((s) => settlementRows(db, s.settlementId, s.currency)));
  const files = await listFiles(db);
  db.close();
  return { files, summaries, rows };
}

/** The same data in the layout version 1 shipped with: one record per row with its ids, three indexes on rows. */
async function writeVersion1(name: string, { files, summaries, rows }: Snapshot): Promise<void> {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    const db = open.result;
    db.createObjectStore('files', { keyPath: 'sha256' });
    db.createObjectStore('settlements', { keyPath: ['settlementId', 'currency'] }).createIndex(
      'by-settlement-id',
      'settlementId',
    );
    const store = db.createObjectStore('rows', { keyPath: ['settlementId', 'line'] });
    store.createIndex('by-id', 'ids', { multiEntry: true });
    store.createIndex('by-order-key', 'orderKey');
    store.createIndex('by-amount', ['currency', 'amountMinor']);
  };
  const db = await request(open);
  const tx = db.transaction(['files', 'settlements', 'rows'], 'readwrite');
  for (const file of files) tx.objectStore('files').put(file);
  for (const summary of summaries) tx.objectStore('settlements').put({ ...summary, rowsDigest: 'version 1' });
  for (const row of rows.flat()) {
    const orderKey = rowOrderKey(row);
    tx.objectStore('rows').put({ ...row, ids: rowIds(row), ...(orderKey ? { orderKey } : {}) });
  }
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
}

describe('ledger database upgrade from version 1', () => {
  it('moves every row into pages, the term index and the order index in place; files, summaries and search survive', async () => {
    const expected = await importedSnapshot('upgrade-reference');
    await writeVersion1('upgrade-v1', expected);

    const db = await openLedgerDb('upgrade-v1');
    expect([...db.objectStoreNames].sort()).toEqual([
      'files',
      'order-keys',
      'row-pages',
      'settlement-lines',
      'settlements',
      'terms',
    ]);
    expect(await listFiles(db)).toEqual(expected.files);
    const summaries = (await listSettlements(db)).map((listed) => listed.summary);
    expect(
      summaries.map(({ rowsDigest: _, ...summary }: StoredSettlement & { rowsDigest?: string }) => summary),
    ).toEqual(expected.summaries);
    for (const [i, s] of expected.summaries.entries()) {
      expect(await settlementRows(db, s.settlementId, s.currency)).toEqual(expected.rows[i]);
    }
    const reference = await openLedgerDb('upgrade-reference');
    const orderRecords = (from: IDBDatabase) =>
      request<unknown[]>(from.transaction(ORDER_KEYS).objectStore(ORDER_KEYS).getAll());
    expect(await orderRecords(db)).toEqual(await orderRecords(reference));
    reference.close();
    const found = await searchLedger(db, 'p01-7730114-0091826-c004417');
    expect(found.timelines.map((t) => [t.key, t.entries.map((e) => e.category)])).toEqual([
      ['P01-7730114-0091826', ['capture', 'refund']],
    ]);
    expect((await searchLedger(db, '19,99')).timelines.map((t) => t.key)).toEqual(['S02-8812004-1190376']);
    const listed = await listSettlements(db);
    expect(await listSettlementLines(db)).toEqual(
      listed.map(({ summary, light }) => ({ line: lineOf(summary), light })),
    );
    db.close();
  });

  it('keeps re-imports a no-op and a different file for a stored SettlementId a conflict after the upgrade', async () => {
    await writeVersion1('upgrade-again', await importedSnapshot('upgrade-again-reference'));
    const db = await openLedgerDb('upgrade-again');
    expect((await importSettlementFile(db, fixture('settlement-us.csv'), 'again.csv')).status).toBe('unchanged');
    const text = new TextDecoder().decode(fixture('settlement-us.csv'));
    const resaved = new TextEncoder().encode(text.replace(/\n/g, '\r\n'));
    expect((await importSettlementFile(db, resaved, 'resaved.csv')).status).toBe('unchanged');
    const edited = new TextEncoder().encode(
      text.replace('"-75.00","0","0","0","-75.00"', '"-70.00","0","0","0","-70.00"'),
    );
    expect((await importSettlementFile(db, edited, 'edited.csv')).status).toBe('conflict');
    const stored = await request<StoredSettlement[]>(db.transaction(SETTLEMENTS).objectStore(SETTLEMENTS).getAll());
    expect(stored).toHaveLength(3);
    expect((await request<StoredFile[]>(db.transaction(FILES).objectStore(FILES).getAll())).length).toBe(5);
    db.close();
  });
});
