/**
 * The payouts that carried a timeline's rows: the Transfer of each row's settlement when it balances, else the one
 * the payout chain names (carrier.ts). Summaries are read once per search, the chain only when a settlement needs it.
 */
import { payingKey, payingSettlements } from './carrier';
import { request, SETTLEMENT_LINES, SETTLEMENTS, type StoredRow, type StoredSettlement } from './db';
import type { SettlementLine } from './lines';

export interface CarryingPayout {
  settlementId: string;
  currency: string;
  payoutMinor: number;
  payoutPostedAt?: string;
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

/** `tx` must cover SETTLEMENTS and SETTLEMENT_LINES. */
export function payoutReader(tx: IDBTransaction): (entries: readonly StoredRow[]) => Promise<CarryingPayout[]> {
  const settlements = tx.objectStore(SETTLEMENTS);
  const summaries = new Map<string, Promise<StoredSettlement | undefined>>();
  const summaryOf = (settlementId: string, currency: string) => {
    const id = payingKey(settlementId, currency);
    if (!summaries.has(id)) summaries.set(id, request(settlements.get([settlementId, currency])));
    return summaries.get(id)!;
  };
  let chain: Promise<Map<string, string | undefined>> | undefined;
  const payerOf = async (settlementId: string, currency: string) => {
    const own = await summaryOf(settlementId, currency);
    if (!own || own.identity.carry === 0) return own && settlementId;
    chain ??= request<SettlementLine[]>(tx.objectStore(SETTLEMENT_LINES).getAll()).then(payingSettlements);
    return (await chain).get(payingKey(settlementId, currency));
  };
  return async (entries) => {
    const own = new Map(entries.map((e) => [payingKey(e.settlementId, e.currency), e]));
    const payers = await Promise.all(
      [...own.values()].map(async (e) => [await payerOf(e.settlementId, e.currency), e.currency]),
    );
    const carried = new Map<string, [string, string]>();
    for (const [payer, currency] of payers) if (payer) carried.set(payingKey(payer, currency!), [payer, currency!]);
    const payouts = await Promise.all([...carried.values()].map(([id, currency]) => summaryOf(id, currency)));
    return payouts.flatMap((s) => (s ? [payoutOf(s)] : []));
  };
}
