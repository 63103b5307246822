/**
 * The checks of one settlement, each green/amber/red with the numbers behind it. The payout identity is computed,
 * never assumed: a file need not balance on its own (the Transfer may pay the previous period, a negative balance
 * is charged to the merchant's card), so a difference is explained from the neighbouring settlements or the rows
 * that could account for it.
 */
import { payoutIdentity, type PayoutIdentity, type Settlement } from './summary';
import type { SettlementCategory, SettlementRow } from './types';

export type CheckLight = 'green' | 'amber' | 'red';

export type PayoutExplanation = 'balanced' | 'negative-balance' | 'pays-previous' | 'paid-by-next' | 'unexplained';

export type Check =
  | { kind: 'row-arithmetic'; light: CheckLight; rows: number; feeMismatches: number[]; netMismatches: number[] }
  | {
      kind: 'header-rows';
      light: CheckLight;
      outsidePeriod: number[];
      duplicates: number[];
      missingPeriod: boolean;
    }
  | ({
      kind: 'payout-identity';
      light: CheckLight;
      explanation: PayoutExplanation;
      /** The neighbouring settlement the explanation relies on. */
      neighbour?: string;
      /** Lines of rows that could account for an unexplained difference. */
      candidates: number[];
    } & PayoutIdentity);

/** `amount + fee = net` and `percentage + fixed = fee`, exactly, per row. */
export function checkRowArithmetic(rows: readonly SettlementRow[]): Check {
  const feeMismatches = rows.filter((r) => r.percentageFeeMinor + r.fixedFeeMinor !== r.feeMinor).map((r) => r.line);
  const netMismatches = rows.filter((r) => r.amountMinor + r.feeMinor !== r.netMinor).map((r) => r.line);
  const light = feeMismatches.length + netMismatches.length === 0 ? 'green' : 'red';
  return { kind: 'row-arithmetic', light, rows: rows.length, feeMismatches, netMismatches };
}

/**
 * Rows inside the header's period (reserve and transfer rows may sit on its edges, so outside is amber, not red),
 * and no row twice (same transaction id, type and amount).
 */
export function checkHeaderAndRows(settlement: Settlement): Check {
  const { periodStart, periodEnd } = settlement;
  const outsidePeriod =
    periodStart && periodEnd
      ? settlement.rows.filter((r) => r.postedAt < periodStart || r.postedAt > periodEnd).map((r) => r.line)
      : [];
  const seen = new Set<string>();
  const duplicates: number[] = [];
  for (const row of settlement.rows) {
    if (!row.amazonTransactionId) continue;
    const key = `${row.amazonTransactionId}\u0000${row.transactionType}\u0000${row.amountMinor}`;
    if (seen.has(key)) duplicates.push(row.line);
    seen.add(key);
  }
  const missingPeriod = !periodStart || !periodEnd;
  const light = outsidePeriod.length + duplicates.length === 0 && !missingPeriod ? 'green' : 'amber';
  return { kind: 'header-rows', light, outsidePeriod, duplicates, missingPeriod };
}

/** Categories whose rows move the balance without being sales: the usual reasons a period does not balance. */
const EXPLAINING: ReadonlySet<SettlementCategory> = new Set([
  'reserve',
  'debt',
  'adjustment',
  'other',
  'authorization',
]);

/** What the chain check needs of a neighbouring settlement (same currency, adjacent period). */
export interface PayoutNeighbour {
  settlementId: string;
  activity: number;
  payout: number;
}

export const neighbourOf = (settlement: Settlement): PayoutNeighbour => ({
  settlementId: settlement.settlementId,
  ...payoutIdentity(settlement.rows),
});

export interface PayoutVerdict {
  light: CheckLight;
  explanation: PayoutExplanation;
  neighbour?: string;
}

/**
 * The payout identity, explained in this order: balanced; a negative balance without a Transfer; a Transfer that
 * pays the previous settlement's activity (chain check); activity paid by the next settlement's Transfer; else an
 * unexplained difference. Needs only the numbers, so the list can light 365 settlements without reading their rows.
 */
export function explainPayout(
  identity: PayoutIdentity,
  previous?: PayoutNeighbour,
  next?: PayoutNeighbour,
): PayoutVerdict {
  if (identity.carry === 0) return { light: 'green', explanation: 'balanced' };
  if (identity.payoutRows === 0 && identity.activity < 0) return { light: 'amber', explanation: 'negative-balance' };
  if (identity.payoutRows > 0 && previous && previous.activity === identity.payout) {
    return { light: 'green', explanation: 'pays-previous', neighbour: previous.settlementId };
  }
  // Paid by the next Transfer explains only a file whose own payout needs no explaining: the first of the archive
  // (its Transfer pays a period not imported) or one without a Transfer.
  const ownPayoutOpen = !previous || identity.payoutRows === 0;
  if (ownPayoutOpen && next && next.payout === identity.activity) {
    return { light: 'green', explanation: 'paid-by-next', neighbour: next.settlementId };
  }
  return { light: 'amber', explanation: 'unexplained' };
}

/** Lines of rows that could account for a difference: reserve, debt, adjustments and the like, or the exact amount. */
export function explainingLines(rows: readonly SettlementRow[], carry: number): number[] {
  return rows
    .filter((r) => r.category !== 'payout' && (EXPLAINING.has(r.category) || Math.abs(r.netMinor) === Math.abs(carry)))
    .map((r) => r.line);
}

/** The payout identity of one settlement with its verdict and, when unexplained, the rows that could explain it. */
export function checkPayoutIdentity(settlement: Settlement, previous?: Settlement, next?: Settlement): Check {
  const identity = payoutIdentity(settlement.rows);
  const verdict = explainPayout(identity, previous && neighbourOf(previous), next && neighbourOf(next));
  const candidates = verdict.explanation === 'unexplained' ? explainingLines(settlement.rows, identity.carry) : [];
  return { kind: 'payout-identity', ...identity, ...verdict, candidates };
}

/** All checks of one settlement; `previous`/`next` are its neighbours in the same currency, by period. */
export function checkSettlement(settlement: Settlement, previous?: Settlement, next?: Settlement): Check[] {
  return [
    checkRowArithmetic(settlement.rows),
    checkHeaderAndRows(settlement),
    checkPayoutIdentity(settlement, previous, next),
  ];
}

const RANK: Record<CheckLight, number> = { green: 0, amber: 1, red: 2 };

/** The worst of some lights (green when there are none). */
export function worstLight(...lights: CheckLight[]): CheckLight {
  return lights.reduce<CheckLight>((worst, light) => (RANK[light] > RANK[worst] ? light : worst), 'green');
}

/** The worst light of a set of checks: the one the list shows. */
export function overallLight(checks: readonly Check[]): CheckLight {
  return worstLight(...checks.map((c) => c.light));
}

export interface RunningBalance {
  settlementId: string;
  opening: number;
  activity: number;
  payout: number;
  closing: number;
}

/** `closing(N) = closing(N−1) + activity(N) − payout(N)` over settlements of one currency in period order. */
export function runningBalance(settlements: readonly Settlement[]): RunningBalance[] {
  let closing = 0;
  return settlements.map((settlement) => {
    const { activity, payout } = payoutIdentity(settlement.rows);
    const opening = closing;
    closing = opening + activity - payout;
    return { settlementId: settlement.settlementId, opening, activity, payout, closing };
  });
}
