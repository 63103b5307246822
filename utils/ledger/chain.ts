/**
 * Checks over an archive: settlements of one currency in period order, each checked against its neighbours, and
 * which payout convention the files follow (a Transfer paying its own period, or the previous one).
 */
import {
  checkSettlement,
  explainPayout,
  overallLight,
  type Check,
  type CheckLight,
  type PayoutNeighbour,
} from './checks';
import { settlementTime, type PayoutIdentity, type Settlement } from './summary';

export interface CheckedSettlement {
  settlement: Settlement;
  checks: Check[];
  light: CheckLight;
}

export type PayoutConvention = 'same-period' | 'previous-period' | 'mixed' | 'unknown';

/** Items of each currency in period order, each with its neighbours in that currency. */
export function inPeriodOrder<T>(
  items: readonly T[],
  currencyOf: (item: T) => string,
  timeOf: (item: T) => string,
): { item: T; previous?: T; next?: T }[] {
  const byCurrency = new Map<string, { item: T; time: string }[]>();
  for (const item of items) {
    const series = byCurrency.get(currencyOf(item)) ?? [];
    series.push({ item, time: timeOf(item) });
    byCurrency.set(currencyOf(item), series);
  }
  return [...byCurrency.values()].flatMap((series) => {
    const ordered = series.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0)).map(({ item }) => item);
    return ordered.map((item, index) => ({ item, previous: ordered[index - 1], next: ordered[index + 1] }));
  });
}

/** What a payout verdict needs of a stored settlement or of its list line. */
export interface ChainItem {
  settlementId: string;
  currency: string;
  time: string;
  identity: PayoutIdentity;
}

const neighbour = (item: ChainItem | undefined): PayoutNeighbour | undefined =>
  item && { settlementId: item.settlementId, activity: item.identity.activity, payout: item.identity.payout };

/** Stored items of each currency in period order, each with its neighbours and its payout verdict against them. */
export function payoutChain<T extends ChainItem>(items: readonly T[]) {
  return inPeriodOrder(
    items,
    (item) => item.currency,
    (item) => item.time,
  ).map(({ item, previous, next }) => ({
    item,
    next,
    verdict: explainPayout(item.identity, neighbour(previous), neighbour(next)),
  }));
}

/** Every settlement checked with its neighbours in the same currency; the result keeps period order per currency. */
export function checkArchive(settlements: readonly Settlement[]): CheckedSettlement[] {
  return inPeriodOrder(settlements, (s) => s.currency, settlementTime).map(({ item, previous, next }) => {
    const checks = checkSettlement(item, previous, next);
    return { settlement: item, checks, light: overallLight(checks) };
  });
}

/** The convention the archive's Transfers follow, from the payout-identity explanations. */
export function payoutConvention(checked: readonly CheckedSettlement[]): PayoutConvention {
  let same = 0;
  let previous = 0;
  for (const { checks } of checked) {
    const identity = checks.find((c) => c.kind === 'payout-identity');
    if (identity?.kind !== 'payout-identity' || identity.payoutRows === 0) continue;
    if (identity.explanation === 'balanced') same++;
    else if (identity.explanation === 'pays-previous') previous++;
  }
  if (same > 0 && previous > 0) return 'mixed';
  if (same > 0) return 'same-period';
  return previous > 0 ? 'previous-period' : 'unknown';
}
