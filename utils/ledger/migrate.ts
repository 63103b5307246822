/**
 * Version 1 → 2 of the ledger database, inside the upgrade transaction: the one-record-per-row store is read in key
 * order ([settlementId, line]), each settlement's rows are written as pages with their search terms, and the old
 * store is deleted. Files and summaries stay as they are; an interrupted upgrade rolls back as a whole.
 */
import { putRowPages } from './row-pages';
import { termRecords } from './terms';
import type { SettlementRow } from './types';

/** A version 1 row carried its ids and order key; the pages keep only the parsed row. */
type V1Row = SettlementRow & { ids?: string[]; orderKey?: string };

/** Moves every row of `v1Rows` into `pages` and `terms`, then calls `dropV1Rows`. */
export function migrateRowsToPages(
  v1Rows: IDBObjectStore,
  pages: IDBObjectStore,
  terms: IDBObjectStore,
  dropV1Rows: () => void,
): void {
  let settlementId: string | undefined;
  let byCurrency = new Map<string, SettlementRow[]>();

  const flush = () => {
    for (const [currency, rows] of byCurrency) {
      putRowPages(pages, settlementId!, currency, rows);
      for (const record of termRecords(settlementId!, currency, rows)) terms.put(record);
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
