/**
 * A settlement's rows are stored in pages of PAGE_ROWS, one record each, keyed by [settlementId, currency, page]:
 * a record per row cost one IndexedDB write (and its index entries) per row, which made a 25 000-row import take
 * tens of seconds. A row is addressed by its index in its settlement: page = index / PAGE_ROWS.
 */
import { request } from './idb';
import type { SettlementRow } from './types';

export const PAGE_ROWS = 128;

export interface RowPage {
  settlementId: string;
  currency: string;
  page: number;
  rows: SettlementRow[];
}

/** A row's address, as the search index keeps it. */
export interface RowRef {
  settlementId: string;
  currency: string;
  index: number;
}

export function putRowPages(pages: IDBObjectStore, settlementId: string, currency: string, rows: SettlementRow[]) {
  for (let page = 0; page * PAGE_ROWS < rows.length; page++) {
    const slice = rows.slice(page * PAGE_ROWS, (page + 1) * PAGE_ROWS);
    pages.put({ settlementId, currency, page, rows: slice } satisfies RowPage);
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
  return stored.flatMap((page) => page.rows);
}

const pageKey = (ref: RowRef) => [ref.settlementId, ref.currency, Math.floor(ref.index / PAGE_ROWS)];

/** The rows at `refs` (in that order; a missing one is left out), reading each page once. */
export async function readRowsAt(pages: IDBObjectStore, refs: readonly RowRef[]): Promise<SettlementRow[]> {
  const loaded = new Map<string, Promise<RowPage | undefined>>();
  const rows = await Promise.all(
    refs.map(async (ref) => {
      const key = pageKey(ref);
      const id = JSON.stringify(key);
      if (!loaded.has(id)) loaded.set(id, request<RowPage | undefined>(pages.get(key)));
      return (await loaded.get(id))?.rows[ref.index % PAGE_ROWS];
    }),
  );
  return rows.filter((row) => row !== undefined);
}
