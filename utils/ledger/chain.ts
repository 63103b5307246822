/**
 * Checks over an archive: settlements of one currency in period order, each checked against its neighbours, and
 * which payout convention the files follow (a Transfer paying its own period, or the previous one).
 */
import { checkSettlement, overallLight, type Check, type CheckLight } from './checks';
import { settlementTime, type Settlement } from './summary';

export interface CheckedSettlement {
  settlement: Settlement;
  checks: Check[];
  light: CheckLight;
}

export type PayoutConvention = 'same-period' | 'previous-period' | 'mixed' | 'unknown';

/** Every settlement checked with its neighbours in the same currency; the result keeps period order per currency. */
export function checkArchive(settlements: readonly Settlement[]): CheckedSettlement[] {
  const byCurrency = new Map<string, Settlement[]>();
  for (const settlement of settlements) {
    const series = byCurrency.get(settlement.currency) ?? [];
    series.push(settlement);
    byCurrency.set(settlement.currency, series);
  }
  const checked: CheckedSettlement[] = [];
  for (const series of byCurrency.values()) {
    const ordered = series
      .map((settlement) => ({ settlement, time: settlementTime(settlement) }))
      .sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0))
      .map(({ settlement }) => settlement);
    ordered.forEach((settlement, index) => {
      const checks = checkSettlement(settlement, ordered[index - 1], ordered[index + 1]);
      checked.push({ settlement, checks, light: overallLight(checks) });
    });
  }
  return checked;
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
