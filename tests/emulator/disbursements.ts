/**
 * Get Disbursements data, consistent with the settlement files: every Transfer row in a settlement the merchant has
 * is one disbursement, for the settlement it pays, at the Transfer's time (to the millisecond, as Amazon's example
 * shows), with the amount as a decimal string. The reference id's shape is undocumented: ours is a guess.
 */
import { UPPER_ALNUM, createRng } from './prng';
import type { Region } from './merchants';
import { CURRENCIES } from './settlement-rows';
import { formatAmount, payoutOf } from './settlement-file';
import type { MerchantStore } from './store';

export interface DisbursementRecord {
  sellerId: string;
  settlementId: string;
  amazonDisbursementReferenceId: string;
  amountMinor: number;
  currencyCode: string;
  /** Epoch ms. */
  transactionTime: number;
  region: Region;
}

const cache = new WeakMap<MerchantStore, DisbursementRecord[]>();

/** Oldest first. */
export function disbursementsOf(store: MerchantStore): DisbursementRecord[] {
  const known = cache.get(store);
  if (known) return known;
  const out: DisbursementRecord[] = [];
  for (const report of store.reports.values()) {
    if (!report.settlement) continue;
    const payout = payoutOf(report.settlement);
    if (!payout) continue;
    const rng = createRng(`${report.settlement.period.seed}:disbursement`);
    out.push({
      sellerId: store.sellerId,
      settlementId: payout.paidSettlementId,
      amazonDisbursementReferenceId: rng.chars(UPPER_ALNUM, 15),
      amountMinor: payout.amountMinor,
      currencyCode: CURRENCIES[report.settlement.period.region],
      transactionTime: Math.floor(payout.postedAt / 1000) * 1000 + rng.int(0, 999),
      region: report.settlement.period.region,
    });
  }
  out.sort((a, b) => a.transactionTime - b.transactionTime);
  cache.set(store, out);
  return out;
}

/** `"1000.50"`, as Amazon's example writes it; yen without decimals. */
export function wireAmount(record: DisbursementRecord): string {
  return formatAmount(record.amountMinor, record.region);
}
