/**
 * A settlement's rows are stored in pages of PAGE_ROWS, one record each, keyed by [settlementId, currency, page]:
 * a record per row cost one IndexedDB write (and its index entries) per row, which made a 25 000-row import take
 * tens of seconds. A row is addressed by its index in its settlement: page = index / PAGE_ROWS.
 *
 * A page keeps its rows as one JSON text of tuples (`packed`): IndexedDB clones a string in one copy, while 128 row
 * objects of 17 named fields cost Chromium more to store and far more to read back than everything else an import
 * or a search does. Pages written with row objects (`rows`) are still read.
 */
import { request } from './idb';
import type { SettlementCategory, SettlementRow } from './types';

export const PAGE_ROWS = 128;

interface PageKey {
  settlementId: string;
  currency: string;
  page: number;
}
export type RowPage = PageKey & ({ packed: string } | { rows: SettlementRow[] });

type RowTuple = [
  line: number,
  postedAt: string,
  settlementId: string,
  transactionType: string,
  category: SettlementCategory,
  currency: string,
  amountMinor: number,
  percentageFeeMinor: number,
  fixedFeeMinor: number,
  feeMinor: number,
  netMinor: number,
  amazonTransactionId: string,
  amazonOrderReferenceId: string,
  sellerReferenceId: string,
  sellerOrderId: string,
  storeName: string,
  description: string,
];

const tupleOf = (r: SettlementRow): RowTuple => [
  r.line,
  r.postedAt,
  r.settlementId,
  r.transactionType,
  r.category,
  r.currency,
  r.amountMinor,
  r.percentageFeeMinor,
  r.fixedFeeMinor,
  r.feeMinor,
  r.netMinor,
  r.amazonTransactionId,
  r.amazonOrderReferenceId,
  r.sellerReferenceId,
  r.sellerOrderId,
  r.storeName,
  r.description,
];

const rowOf = (t: RowTuple): SettlementRow => ({
  line: t[0],
  postedAt: t[1],
  settlementId: t[2],
  transactionType: t[3],
  category: t[4],
  currency: t[5],
  amountMinor: t[6],
  percentageFeeMinor: t[7],
  fixedFeeMinor: t[8],
  feeMinor: t[9],
  netMinor: t[10],
  amazonTransactionId: t[11],
  amazonOrderReferenceId: t[12],
  sellerReferenceId: t[13],
  sellerOrderId: t[14],
  storeName: t[15],
  description: t[16],
});

/** The rows of a stored page, whichever way it was written. */
export const pageRows = (page: RowPage): SettlementRow[] =>
  'packed' in page ? (JSON.parse(page.packed) as RowTuple[]).map(rowOf) : page.rows;

/** A row's address, as the search index keeps it. */
export interface RowRef {
  settlementId: string;
  currency: string;
  index: number;
}

export function putRowPages(pages: IDBObjectStore, settlementId: string, currency: string, rows: SettlementRow[]) {
  for (let page = 0; page * PAGE_ROWS < rows.length; page++) {
    const packed = JSON.stringify(rows.slice(page * PAGE_ROWS, (page + 1) * PAGE_ROWS).map(tupleOf));
    pages.put({ settlementId, currency, page, packed } satisfies RowPage);
  }
}

const settlementRange = (settlementId: string, currency: string) =>
  IDBKeyRange.bound([settlementId, currency], [settlementId, currency, []]);

export function deleteRowPages(pages: IDBObjectStore, settlementId: string, currency: string): void {
  pages.delete(settlementRange(settlementId, currency));
}

/** Every row of one settlement, in stored order. */
export async function readSettlementRows(
  pages: IDBObjectStore,
  settlementId: string,
  currency: string,
): Promise<SettlementRow[]> {
  const stored = await request<RowPage[]>(pages.getAll(settlementRange(settlementId, currency)));
  return stored.flatMap(pageRows);
}

const pageKey = (ref: RowRef) => [ref.settlementId, ref.currency, Math.floor(ref.index / PAGE_ROWS)];

/**
 * Reads rows by address for one search: each page is read and unpacked once, however many reads ask for its rows
 * (the hits of a query and the timelines completed from them mostly share pages).
 */
export function rowReader(pages: IDBObjectStore): (refs: readonly RowRef[]) => Promise<SettlementRow[]> {
  const loaded = new Map<string, Promise<SettlementRow[] | undefined>>();
  const pageOf = (ref: RowRef) => {
    const key = pageKey(ref);
    const id = JSON.stringify(key);
    if (!loaded.has(id)) {
      loaded.set(
        id,
        request<RowPage | undefined>(pages.get(key)).then((page) => page && pageRows(page)),
      );
    }
    return loaded.get(id)!;
  };
  /** The rows at `refs`, in that order; a missing one is left out. */
  return async (refs) => {
    const rows = await Promise.all(refs.map(async (ref) => (await pageOf(ref))?.[ref.index % PAGE_ROWS]));
    return rows.filter((row) => row !== undefined);
  };
}
