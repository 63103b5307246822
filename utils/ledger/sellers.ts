/**
 * The ledger by seller: how many settlements were paid to some seller ids, and dropping them — summaries, rows, their
 * terms and order records, and the records of the files they came from, so that importing one of those files again
 * stores it again.
 */
import {
  BY_SETTLEMENT_ID,
  done,
  FILES,
  ORDER_KEYS,
  request,
  ROW_PAGES,
  SETTLEMENT_LINES,
  SETTLEMENTS,
  TERMS,
  type StoredFile,
  type StoredSettlement,
} from './db';
import { deleteOrderRecords } from './order-index';
import { deleteRowPages } from './row-pages';
import { deleteTerms } from './terms';

const settlementsOf = async (db: IDBDatabase, sellerIds: readonly string[]): Promise<StoredSettlement[]> => {
  if (sellerIds.length === 0) return [];
  const all = await request<StoredSettlement[]>(db.transaction(SETTLEMENTS).objectStore(SETTLEMENTS).getAll());
  return all.filter((s) => sellerIds.includes(s.sellerId));
};

/** Settlements (one per SettlementId and currency, as listed) paid to any of these seller ids. */
export async function countSellerSettlements(db: IDBDatabase, sellerIds: readonly string[]): Promise<number> {
  return (await settlementsOf(db, sellerIds)).length;
}

/** Deletes every settlement paid to these seller ids, in one transaction; returns how many. */
export async function deleteSellerSettlements(db: IDBDatabase, sellerIds: readonly string[]): Promise<number> {
  if (sellerIds.length === 0) return 0;
  const tx = db.transaction([FILES, SETTLEMENTS, SETTLEMENT_LINES, ROW_PAGES, TERMS, ORDER_KEYS], 'readwrite');
  const written = done(tx);
  const settlements = tx.objectStore(SETTLEMENTS);
  const dropped = (await request<StoredSettlement[]>(settlements.getAll())).filter((s) =>
    sellerIds.includes(s.sellerId),
  );
  const settlementIds = new Set(dropped.map((s) => s.settlementId));
  for (const s of dropped) {
    settlements.delete([s.settlementId, s.currency]);
    tx.objectStore(SETTLEMENT_LINES).delete([s.settlementId, s.currency]);
    deleteRowPages(tx.objectStore(ROW_PAGES), s.settlementId, s.currency);
    deleteTerms(tx.objectStore(TERMS), s.settlementId, s.currency);
    deleteOrderRecords(tx.objectStore(ORDER_KEYS), s.settlementId, s.currency);
  }
  const files = tx.objectStore(FILES);
  for (const file of await request<StoredFile[]>(files.getAll())) {
    if (file.settlementIds.some((id) => settlementIds.has(id))) files.delete(file.sha256);
  }
  await written;
  return dropped.length;
}

/** The seller ids these settlements were paid to. */
export async function sellerIdsOf(db: IDBDatabase, settlementIds: readonly string[]): Promise<string[]> {
  const index = db.transaction(SETTLEMENTS).objectStore(SETTLEMENTS).index(BY_SETTLEMENT_ID);
  const found = await Promise.all(settlementIds.map((id) => request<StoredSettlement[]>(index.getAll(id))));
  return [...new Set(found.flat().map((s) => s.sellerId))].filter(Boolean);
}
