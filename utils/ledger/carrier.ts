/**
 * Which settlement's Transfer paid a settlement's activity out. Files follow one of two conventions (the chain check,
 * checks.ts): a Transfer pays its own period, or the previous one. An order's timeline names the payout that carried
 * it, so a capture in a file whose Transfer pays the previous period is carried by the next file's Transfer.
 */
import { inPeriodOrder } from './chain';
import { explainPayout, type PayoutNeighbour } from './checks';
import type { PayoutIdentity } from './summary';

export interface ChainItem {
  settlementId: string;
  currency: string;
  time: string;
  identity: PayoutIdentity;
}

const keyOf = (settlementId: string, currency: string) => `${settlementId}\u0000${currency}`;
const neighbour = (item: ChainItem | undefined): PayoutNeighbour | undefined =>
  item && { settlementId: item.settlementId, activity: item.identity.activity, payout: item.identity.payout };

/**
 * For each settlement × currency, the settlement whose Transfer paid its activity: its own when it balances (or
 * when nothing explains it otherwise and it has a Transfer), the next one's when that one pays the previous period;
 * none when no stored Transfer pays it (a negative balance, or the newest file of a pays-previous archive).
 */
export function payingSettlements(items: readonly ChainItem[]): Map<string, string | undefined> {
  const ordered = inPeriodOrder(
    items,
    (item) => item.currency,
    (item) => item.time,
  );
  const verdicts = new Map(
    ordered.map(({ item, previous, next }) => [
      keyOf(item.settlementId, item.currency),
      explainPayout(item.identity, neighbour(previous), neighbour(next)).explanation,
    ]),
  );
  const paying = new Map<string, string | undefined>();
  for (const { item, next } of ordered) {
    const own = verdicts.get(keyOf(item.settlementId, item.currency));
    const nextPaysThis =
      own === 'paid-by-next' || (next && verdicts.get(keyOf(next.settlementId, next.currency)) === 'pays-previous');
    const payer =
      own === 'balanced'
        ? item.settlementId
        : nextPaysThis
          ? next?.settlementId
          : own === 'unexplained' && item.identity.payoutRows > 0
            ? item.settlementId
            : undefined;
    paying.set(keyOf(item.settlementId, item.currency), payer);
  }
  return paying;
}

export const payingKey = keyOf;
