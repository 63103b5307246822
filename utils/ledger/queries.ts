/**
 * Reads for the views: the settlement list (summaries only, lit with the chain check over stored numbers), one
 * settlement's rows, and the imported files.
 */
import { inPeriodOrder } from './chain';
import { explainPayout, type CheckLight, type PayoutNeighbour, type PayoutVerdict } from './checks';
import { FILES, request, ROW_PAGES, SETTLEMENTS, type StoredFile, type StoredRow, type StoredSettlement } from './db';
import { readSettlementRows } from './row-pages';

export interface ListedSettlement {
  summary: StoredSettlement;
  payout: PayoutVerdict;
  light: CheckLight;
}

const RANK: Record<CheckLight, number> = { green: 0, amber: 1, red: 2 };
const worst = (...lights: CheckLight[]): CheckLight => lights.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'green');
const neighbour = (s: StoredSettlement | undefined): PayoutNeighbour | undefined =>
  s && { settlementId: s.settlementId, activity: s.identity.activity, payout: s.identity.payout };

/** Every settlement, newest first, each with its payout verdict against its neighbours and its overall light. */
export async function listSettlements(db: IDBDatabase): Promise<ListedSettlement[]> {
  const summaries = await request<StoredSettlement[]>(db.transaction(SETTLEMENTS).objectStore(SETTLEMENTS).getAll());
  return inPeriodOrder(
    summaries,
    (s) => s.currency,
    (s) => s.time,
  )
    .map(({ item, previous, next }) => {
      const payout = explainPayout(item.identity, neighbour(previous), neighbour(next));
      return { summary: item, payout, light: worst(item.rowArithmetic.light, item.headerRows.light, payout.light) };
    })
    .sort((a, b) => (a.summary.time < b.summary.time ? 1 : a.summary.time > b.summary.time ? -1 : 0));
}

export function settlementRows(db: IDBDatabase, settlementId: string, currency: string): Promise<StoredRow[]> {
  return readSettlementRows(db.transaction(ROW_PAGES).objectStore(ROW_PAGES), settlementId, currency);
}

export async function listFiles(db: IDBDatabase): Promise<StoredFile[]> {
  const files = await request<StoredFile[]>(db.transaction(FILES).objectStore(FILES).getAll());
  return files.sort((a, b) => b.importedAt - a.importedAt);
}
