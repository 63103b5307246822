/**
 * Reads for the views: the settlement list (from its line records, or from the summaries), lit with the chain check
 * over stored numbers; one settlement's rows; the imported files.
 */
import { payoutChain, type ChainItem } from './chain';
import { worstLight, type CheckLight, type PayoutVerdict } from './checks';
import {
  FILES,
  request,
  ROW_PAGES,
  SETTLEMENT_LINES,
  SETTLEMENTS,
  type StoredFile,
  type StoredRow,
  type StoredSettlement,
} from './db';
import type { SettlementLine } from './lines';
import { readSettlementRows } from './row-pages';

export interface ListedSettlement {
  summary: StoredSettlement;
  payout: PayoutVerdict;
  light: CheckLight;
}

/** Items newest first, each with its payout verdict against its neighbours in the same currency. */
function withPayouts<T extends ChainItem>(items: T[]): { item: T; payout: PayoutVerdict }[] {
  return payoutChain(items)
    .map(({ item, verdict }) => ({ item, payout: verdict }))
    .sort((a, b) => (a.item.time < b.item.time ? 1 : a.item.time > b.item.time ? -1 : 0));
}

/** Every settlement, newest first, each with its payout verdict against its neighbours and its overall light. */
export async function listSettlements(db: IDBDatabase): Promise<ListedSettlement[]> {
  const summaries = await request<StoredSettlement[]>(db.transaction(SETTLEMENTS).objectStore(SETTLEMENTS).getAll());
  return withPayouts(summaries).map(({ item, payout }) => ({
    summary: item,
    payout,
    light: worstLight(item.rowArithmetic.light, item.headerRows.light, payout.light),
  }));
}

export interface ListedLine {
  line: SettlementLine;
  light: CheckLight;
}

/** The settlement list as listSettlements orders and lights it, from the small line records alone. */
export async function listSettlementLines(db: IDBDatabase): Promise<ListedLine[]> {
  const lines = await request<SettlementLine[]>(
    db.transaction(SETTLEMENT_LINES).objectStore(SETTLEMENT_LINES).getAll(),
  );
  return withPayouts(lines).map(({ item, payout }) => ({
    line: item,
    light: worstLight(item.storedLight, payout.light),
  }));
}

export function settlementRows(db: IDBDatabase, settlementId: string, currency: string): Promise<StoredRow[]> {
  return readSettlementRows(db.transaction(ROW_PAGES).objectStore(ROW_PAGES), settlementId, currency);
}

export async function listFiles(db: IDBDatabase): Promise<StoredFile[]> {
  const files = await request<StoredFile[]>(db.transaction(FILES).objectStore(FILES).getAll());
  return files.sort((a, b) => b.importedAt - a.importedAt);
}
