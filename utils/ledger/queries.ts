/**
 * Reads for the views: the settlement list (from its line records, or from the summaries), lit with the chain check
 * over stored numbers; one settlement's rows; the imported files.
 */
import { inPeriodOrder } from './chain';
import { explainPayout, type CheckLight, type PayoutNeighbour, type PayoutVerdict } from './checks';
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

const RANK: Record<CheckLight, number> = { green: 0, amber: 1, red: 2 };
const worst = (...lights: CheckLight[]): CheckLight => lights.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'green');
const neighbour = (s: Lightable | undefined): PayoutNeighbour | undefined =>
  s && { settlementId: s.settlementId, activity: s.identity.activity, payout: s.identity.payout };

interface Lightable {
  settlementId: string;
  currency: string;
  time: string;
  identity: StoredSettlement['identity'];
}

/** Items newest first, each with its payout verdict against its neighbours in the same currency. */
function withPayouts<T extends Lightable>(items: T[]): { item: T; payout: PayoutVerdict }[] {
  return inPeriodOrder(
    items,
    (s) => s.currency,
    (s) => s.time,
  )
    .map(({ item, previous, next }) => ({
      item,
      payout: explainPayout(item.identity, neighbour(previous), neighbour(next)),
    }))
    .sort((a, b) => (a.item.time < b.item.time ? 1 : a.item.time > b.item.time ? -1 : 0));
}

/** Every settlement, newest first, each with its payout verdict against its neighbours and its overall light. */
export async function listSettlements(db: IDBDatabase): Promise<ListedSettlement[]> {
  const summaries = await request<StoredSettlement[]>(db.transaction(SETTLEMENTS).objectStore(SETTLEMENTS).getAll());
  return withPayouts(summaries).map(({ item, payout }) => ({
    summary: item,
    payout,
    light: worst(item.rowArithmetic.light, item.headerRows.light, payout.light),
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
  return withPayouts(lines).map(({ item, payout }) => ({ line: item, light: worst(item.storedLight, payout.light) }));
}

export function settlementRows(db: IDBDatabase, settlementId: string, currency: string): Promise<StoredRow[]> {
  return readSettlementRows(db.transaction(ROW_PAGES).objectStore(ROW_PAGES), settlementId, currency);
}

export async function listFiles(db: IDBDatabase): Promise<StoredFile[]> {
  const files = await request<StoredFile[]>(db.transaction(FILES).objectStore(FILES).getAll());
  return files.sort((a, b) => b.importedAt - a.importedAt);
}
