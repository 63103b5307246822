/**
 * Upgrades of the ledger database, inside the upgrade transaction (an interrupted upgrade rolls back as a whole).
 * Version 1 → 2: the one-record-per-row store is read in key order ([settlementId, line]), each settlement's rows
 * are written as pages with their search terms and order records, and the old store is deleted. Version 2 or 3 → 4:
 * the order records are built from the stored pages. Files and summaries stay as they are.
 */
import { orderRecords } from './order-index';
import { pageRows, putRowPages, type RowPage } from './row-pages';
import { termRecords } from './terms';
import type { SettlementRow } from './types';

/** A version 1 row carried its ids and order key; the pages keep only the parsed row. */
type V1Row = SettlementRow & { ids?: string[]; orderKey?: string };

interface Targets {
  pages: IDBObjectStore;
  terms: IDBObjectStore;
  orders: IDBObjectStore;
}

/** Moves every row of `v1Rows` into pages, terms and order records, then calls `dropV1Rows`. */
export function migrateRowsToPages(v1Rows: IDBObjectStore, { pages, terms, orders }: Targets, dropV1Rows: () => void) {
  let settlementId: string | undefined;
  let byCurrency = new Map<string, SettlementRow[]>();

  const flush = () => {
    for (const [currency, rows] of byCurrency) {
      putRowPages(pages, settlementId!, currency, rows);
      for (const record of termRecords(settlementId!, currency, rows)) terms.put(record);
      for (const record of orderRecords(settlementId!, currency, rows)) orders.put(record);
    }
    byCurrency = new Map();
  };

  const cursor = v1Rows.openCursor();
  cursor.onsuccess = () => {
    const at = cursor.result;
    if (!at) {
      flush();
      dropV1Rows();
      return;
    }
    const { ids: _ids, orderKey: _orderKey, ...row } = at.value as V1Row;
    if (row.settlementId !== settlementId) {
      flush();
      settlementId = row.settlementId;
    }
    let rows = byCurrency.get(row.currency);
    if (!rows) byCurrency.set(row.currency, (rows = []));
    rows.push(row);
    at.continue();
  };
}

/**
 * Writes the order records of every settlement in `pages`. Pages come in key order ([settlementId, currency, page])
 * and a settlement's pages are written together (row-pages.ts), so its rows read in order keep their indexes.
 */
export function fillOrderIndex(pages: IDBObjectStore, orders: IDBObjectStore): void {
  let current: { settlementId: string; currency: string; rows: SettlementRow[] } | undefined;
  const flush = () => {
    if (!current) return;
    for (const record of orderRecords(current.settlementId, current.currency, current.rows)) orders.put(record);
  };
  const cursor = pages.openCursor();
  cursor.onsuccess = () => {
    const at = cursor.result;
    if (!at) return flush();
    const page = at.value as RowPage;
    if (current?.settlementId !== page.settlementId || current.currency !== page.currency) {
      flush();
      current = { settlementId: page.settlementId, currency: page.currency, rows: [] };
    }
    current.rows.push(...pageRows(page));
    at.continue();
  };
}
