/**
 * The ledger's own IndexedDB database. `files` keeps one record per imported file by the SHA-256 of its bytes (the
 * bytes themselves stay on disk); `settlements` one summary per SettlementId × currency, enough to list and light
 * hundreds of settlements without reading their rows; `row-pages` the parsed rows, PAGE_ROWS to a record
 * (row-pages.ts); `terms` the search index, one record per bucket and settlement (terms.ts, bucket-records.ts); `settlement-lines` what
 * the settlement list shows, one small record per settlement × currency (lines.ts); `order-keys` the rows of each
 * order key, one small record per bucket and settlement (order-index.ts).
 */
import type { Check } from './checks';
import { request } from './idb';
import { fillLines } from './lines';
import { fillOrderIndex, migrateRowsToPages } from './migrate';
import type { CategoryTotals, PayoutIdentity } from './summary';
import type { SettlementRow } from './types';

export interface StoredFile {
  sha256: string;
  name: string;
  size: number;
  importedAt: number;
  encoding: string;
  /** `conflict`: a settlement in it is already stored from different bytes with different rows; nothing was stored. */
  status: 'imported' | 'conflict';
  settlementIds: string[];
  conflictsWith: { settlementId: string; sha256: string; name: string }[];
  errors: { line: number; message: string }[];
  rowCount: number;
}

export interface StoredSettlement {
  settlementId: string;
  currency: string;
  sellerId: string;
  sha256: string;
  fileName: string;
  header: Record<string, string>;
  periodStart?: string;
  periodEnd?: string;
  /** For ordering: the period start, else the earliest row. */
  time: string;
  rowCount: number;
  categories: CategoryTotals[];
  identity: PayoutIdentity;
  /** Posting time of the (last) Transfer row, when there is one. */
  payoutPostedAt?: string;
  rowArithmetic: Check;
  headerRows: Check;
}

/** A row as stored and read back: exactly the parsed row. */
export type StoredRow = SettlementRow;

export const DB_NAME = 'report-courier-ledger';
export const FILES = 'files';
export const SETTLEMENTS = 'settlements';
export const ROW_PAGES = 'row-pages';
export const TERMS = 'terms';
export const SETTLEMENT_LINES = 'settlement-lines';
export const ORDER_KEYS = 'order-keys';
export const BY_SETTLEMENT_ID = 'by-settlement-id';
/**
 * Version 1 kept one record per row in `rows`; version 2 moves them into `row-pages` and `terms` in place; version 3
 * adds `settlement-lines` (lines.ts), filled from the summaries; version 4 adds `order-keys` (order-index.ts), filled
 * from the stored rows (from version 1, by the move into pages).
 */
export const LEDGER_DB_VERSION = 4;
const V1_ROWS = 'rows';

export { done, request } from './idb';

export function openLedgerDb(name = DB_NAME): Promise<IDBDatabase> {
  const open = indexedDB.open(name, LEDGER_DB_VERSION);
  open.onupgradeneeded = (event) => {
    const db = open.result;
    if (event.oldVersion < 1) {
      db.createObjectStore(FILES, { keyPath: 'sha256' });
      const settlements = db.createObjectStore(SETTLEMENTS, { keyPath: ['settlementId', 'currency'] });
      settlements.createIndex(BY_SETTLEMENT_ID, 'settlementId');
    }
    const orders =
      event.oldVersion < 4
        ? db.createObjectStore(ORDER_KEYS, { keyPath: ['bucket', 'settlementId', 'currency'] })
        : undefined;
    if (event.oldVersion < 2) {
      const pages = db.createObjectStore(ROW_PAGES, { keyPath: ['settlementId', 'currency', 'page'] });
      const terms = db.createObjectStore(TERMS, { keyPath: ['bucket', 'settlementId', 'currency'] });
      if (event.oldVersion === 1) {
        const v1Rows = open.transaction!.objectStore(V1_ROWS);
        migrateRowsToPages(v1Rows, { pages, terms, orders: orders! }, () => db.deleteObjectStore(V1_ROWS));
      }
    } else if (orders) {
      fillOrderIndex(open.transaction!.objectStore(ROW_PAGES), orders);
    }
    if (event.oldVersion < 3) {
      const lines = db.createObjectStore(SETTLEMENT_LINES, { keyPath: ['settlementId', 'currency'] });
      if (event.oldVersion > 0) fillLines(open.transaction!.objectStore(SETTLEMENTS), lines);
    }
  };
  return request(open).then((db) => {
    // A newer version of the extension upgrading the database must not wait for this page.
    db.onversionchange = () => db.close();
    return db;
  });
}
