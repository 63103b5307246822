/**
 * Which settlement's Transfer paid a settlement's activity out. Files follow one of two conventions (the chain check,
 * checks.ts): a Transfer pays its own period, or the previous one. An order's timeline names the payout that carried
 * it, so a capture in a file whose Transfer pays the previous period is carried by the next file's Transfer.
 */
import { payoutChain, type ChainItem } from './chain';

export type { ChainItem } from './chain';

export const payingKey = (settlementId: string, currency: string) => `${settlementId}\u0000${currency}`;

/**
 * For each settlement × currency, the settlement whose Transfer paid its activity: its own when it balances (or
 * when nothing explains it otherwise and it has a Transfer), the next one's when that one pays the previous period;
 * none when no stored Transfer pays it (a negative balance, or the newest file of a pays-previous archive).
 */
export function payingSettlements(items: readonly ChainItem[]): Map<string, string | undefined> {
  const chain = payoutChain(items);
  const verdicts = new Map(chain.map(({ item, verdict }) => [payingKey(item.settlementId, item.currency), verdict]));
  const paying = new Map<string, string | undefined>();
  for (const { item, next, verdict } of chain) {
    const own = verdict.explanation;
    const nextPaysThis =
      own === 'paid-by-next' ||
      (next && verdicts.get(payingKey(next.settlementId, next.currency))?.explanation === 'pays-previous');
    const payer =
      own === 'balanced'
        ? item.settlementId
        : nextPaysThis
          ? next?.settlementId
          : own === 'unexplained' && item.identity.payoutRows > 0
            ? item.settlementId
            : undefined;
    paying.set(payingKey(item.settlementId, item.currency), payer);
  }
  return paying;
}
