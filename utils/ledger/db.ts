/**
 * The ledger's own IndexedDB database. `files` keeps one record per imported file by the SHA-256 of its bytes (the
 * bytes themselves stay on disk); `settlements` one summary per SettlementId × currency, enough to list and light
 * hundreds of settlements without reading their rows; `rows` the parsed rows with their ids, keyed by
 * [settlementId, line] and indexed by every id (multiEntry), order key and [currency, amount].
 */
import type { Check } from './checks';
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
  /** SHA-256 of the rows without their line numbers: the same rows from re-saved bytes are not a conflict. */
  rowsDigest: string;
}

export interface StoredRow extends SettlementRow {
  ids: string[];
  orderKey?: string;
}

export const DB_NAME = 'report-courier-ledger';
export const FILES = 'files';
export const SETTLEMENTS = 'settlements';
export const ROWS = 'rows';
export const BY_SETTLEMENT_ID = 'by-settlement-id';
export const BY_ID = 'by-id';
export const BY_ORDER_KEY = 'by-order-key';
export const BY_AMOUNT = 'by-amount';
const VERSION = 1;

export const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

export const done = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new DOMException('The ledger transaction was aborted.', 'AbortError'));
  });

export function openLedgerDb(name = DB_NAME): Promise<IDBDatabase> {
  const open = indexedDB.open(name, VERSION);
  open.onupgradeneeded = () => {
    const db = open.result;
    db.createObjectStore(FILES, { keyPath: 'sha256' });
    const settlements = db.createObjectStore(SETTLEMENTS, { keyPath: ['settlementId', 'currency'] });
    settlements.createIndex(BY_SETTLEMENT_ID, 'settlementId');
    const rows = db.createObjectStore(ROWS, { keyPath: ['settlementId', 'line'] });
    rows.createIndex(BY_ID, 'ids', { multiEntry: true });
    rows.createIndex(BY_ORDER_KEY, 'orderKey');
    rows.createIndex(BY_AMOUNT, ['currency', 'amountMinor']);
  };
  return request(open).then((db) => {
    // A newer version of the extension upgrading the database must not wait for this page.
    db.onversionchange = () => db.close();
    return db;
  });
}
