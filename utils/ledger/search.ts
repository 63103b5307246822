/**
 * Search across every stored row by any id, by prefix, or by amount, answered as order timelines: capture →
 * refunds → chargebacks or claims, each with the settlement and payout that carried it. Every lookup is an index
 * range, so the time depends on the hits, not on how many rows are stored.
 */
import { parseMinorUnits } from './amounts';
import { currencyExponent } from './currencies';
import { BY_AMOUNT, BY_ID, BY_ORDER_KEY, BY_SETTLEMENT_ID, request, ROWS, SETTLEMENTS } from './db';
import type { StoredRow, StoredSettlement } from './db';
import { classifyQuery, type SearchQuery } from './ids';
import type { SettlementCategory } from './types';

export interface CarryingPayout {
  settlementId: string;
  currency: string;
  payoutMinor: number;
  payoutPostedAt?: string;
}

export interface OrderTimeline {
  /** The order key (`P01-1234567-1234567`), or the matched row's own id when it has none. */
  key: string;
  entries: StoredRow[];
  payouts: CarryingPayout[];
}

export interface SearchResult {
  query: SearchQuery;
  timelines: OrderTimeline[];
  /** Settlements whose SettlementId is the query. */
  settlements: StoredSettlement[];
  /** More rows matched than `limit`; the first ones are shown. */
  truncated: boolean;
}

const STEP: Partial<Record<SettlementCategory, number>> = {
  authorization: 0,
  capture: 1,
  refund: 2,
  chargeback: 3,
  atoz: 3,
  dispute: 3,
};
const byStep = (a: StoredRow, b: StoredRow): number =>
  (STEP[a.category] ?? 4) - (STEP[b.category] ?? 4) || (a.postedAt < b.postedAt ? -1 : a.postedAt > b.postedAt ? 1 : 0);

/** Query text → minor units in a currency: `49.90`, `49,90`, `1.234,56`, `1,234.56`, JPY `1,234`. */
export function amountInCurrency(text: string, currency: string): number | undefined {
  const exponent = currencyExponent(currency);
  if (exponent === undefined) return undefined;
  const last = Math.max(text.lastIndexOf('.'), text.lastIndexOf(','));
  const decimals = last === -1 ? 0 : text.length - last - 1;
  const isDecimal = last !== -1 && (decimals <= exponent || (decimals !== 3 && decimals > 0));
  const whole = (isDecimal ? text.slice(0, last) : text).replace(/[.,]/g, '');
  const normalised = isDecimal ? `${whole}.${text.slice(last + 1)}` : whole;
  const minor = parseMinorUnits(normalised, exponent);
  return typeof minor === 'number' ? minor : undefined;
}

export async function searchLedger(db: IDBDatabase, input: string, limit = 50): Promise<SearchResult> {
  const query = classifyQuery(input);
  const result: SearchResult = { query, timelines: [], settlements: [], truncated: false };
  if (query.kind === 'empty') return result;
  const tx = db.transaction([ROWS, SETTLEMENTS]);
  const rows = tx.objectStore(ROWS);
  const settlements = tx.objectStore(SETTLEMENTS);
  const byId = rows.index(BY_ID);
  const lookups: Promise<StoredRow[]>[] = [];

  if (query.kind === 'id' || query.kind === 'number') lookups.push(request(byId.getAll(query.id, limit + 1)));
  if (query.kind === 'id' && query.orderKey) {
    lookups.push(request(rows.index(BY_ORDER_KEY).getAll(query.orderKey, limit + 1)));
  }
  if (query.kind === 'prefix') {
    lookups.push(request(byId.getAll(IDBKeyRange.bound(query.prefix, `${query.prefix}\uffff`), limit + 1)));
  }
  if (query.kind === 'number') {
    result.settlements = await request(settlements.index(BY_SETTLEMENT_ID).getAll(query.id));
  }
  if (query.kind === 'number' || query.kind === 'amount') {
    const keys = (await request(settlements.getAllKeys())) as [string, string][];
    for (const currency of new Set(keys.map(([, c]) => c))) {
      const minor = amountInCurrency(query.amount, currency);
      if (minor === undefined || minor === 0) continue;
      for (const signed of [minor, -minor]) {
        lookups.push(request(rows.index(BY_AMOUNT).getAll([currency, signed], limit + 1)));
      }
    }
  }
  const matched = (await Promise.all(lookups)).flat();
  result.truncated = matched.length > limit;

  const timelines = new Map<string, StoredRow[]>();
  for (const row of matched) {
    const key = row.orderKey ?? row.ids[0] ?? `${row.settlementId}:${row.line}`;
    if (!timelines.has(key) && timelines.size < limit) timelines.set(key, []);
  }
  const expanded = await Promise.all(
    [...timelines.keys()].map(async (key) => {
      const own = matched.filter((r) => (r.orderKey ?? r.ids[0] ?? `${r.settlementId}:${r.line}`) === key);
      const all = own[0]?.orderKey ? await request<StoredRow[]>(rows.index(BY_ORDER_KEY).getAll(key)) : own;
      const unique = new Map(all.map((r) => [`${r.settlementId}:${r.line}`, r]));
      return { key, entries: [...unique.values()].sort(byStep) };
    }),
  );
  const summaries = new Map<string, Promise<StoredSettlement | undefined>>();
  result.timelines = await Promise.all(
    expanded.map(async ({ key, entries }) => {
      const carried = [...new Set(entries.map((e) => `${e.settlementId}\u0000${e.currency}`))];
      const payouts = await Promise.all(
        carried.map((id) => {
          if (!summaries.has(id)) summaries.set(id, request(settlements.get(id.split('\u0000'))));
          return summaries.get(id)!;
        }),
      );
      return {
        key,
        entries,
        payouts: payouts.flatMap((s) => (s ? [payoutOf(s)] : [])),
      };
    }),
  );
  return result;
}

function payoutOf(settlement: StoredSettlement): CarryingPayout {
  const payout: CarryingPayout = {
    settlementId: settlement.settlementId,
    currency: settlement.currency,
    payoutMinor: settlement.identity.payout,
  };
  if (settlement.payoutPostedAt) payout.payoutPostedAt = settlement.payoutPostedAt;
  return payout;
}
