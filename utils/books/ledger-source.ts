/**
 * What the books read from the ledger database: which sellers and currencies it holds, and one seller's settlements
 * of one currency with their rows and where they came from. Read-only.
 */
import { request, ROW_PAGES, SETTLEMENTS, type StoredSettlement } from '../ledger/db';
import { readSettlementRows } from '../ledger/row-pages';
import type { SourcedSettlement } from './generic-csv';

export interface LedgerSeller {
  sellerId: string;
  currencies: string[];
}

/** Downloads are named `<start>_<end>_<reportId>.csv` (utils/downloads/filenames.ts); other names give no id. */
export function reportIdFromFileName(name: string): string {
  return /_([A-Za-z0-9]{6,})\.csv(?:\.gz)?$/i.exec(name)?.[1] ?? '';
}

async function summaries(db: IDBDatabase): Promise<StoredSettlement[]> {
  return request<StoredSettlement[]>(db.transaction(SETTLEMENTS).objectStore(SETTLEMENTS).getAll());
}

export async function ledgerSellers(db: IDBDatabase): Promise<LedgerSeller[]> {
  const bySeller = new Map<string, Set<string>>();
  for (const s of await summaries(db)) {
    const currencies = bySeller.get(s.sellerId) ?? bySeller.set(s.sellerId, new Set()).get(s.sellerId)!;
    currencies.add(s.currency);
  }
  return [...bySeller]
    .map(([sellerId, currencies]) => ({ sellerId, currencies: [...currencies].sort() }))
    .sort((a, b) => (a.sellerId < b.sellerId ? -1 : 1));
}

/** The seller's settlements of the currency, oldest first, each with its rows in file order. */
export async function sellerSettlements(
  db: IDBDatabase,
  sellerId: string,
  currency: string,
): Promise<(SourcedSettlement & { summary: StoredSettlement })[]> {
  const chosen = (await summaries(db))
    .filter((s) => s.sellerId === sellerId && s.currency === currency)
    .sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  const pages = db.transaction(ROW_PAGES).objectStore(ROW_PAGES);
  const rows = await Promise.all(chosen.map((s) => readSettlementRows(pages, s.settlementId, currency)));
  return chosen.map((summary, i) => ({
    summary,
    reportId: reportIdFromFileName(summary.fileName),
    sha256: summary.sha256,
    header: summary.header,
    rows: rows[i]!,
  }));
}
