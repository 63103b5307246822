/**
 * One order's timeline for the Seller Central panel: looked up by its order reference id, limited to the
 * currencies the page's region settles in, and reduced to the figures the panel shows (no store names, no
 * descriptions, no merchant references: the panel runs next to a page).
 */
import type { Region } from '../amazon-pay/endpoints';
import { searchLedger, type CarryingPayout } from './search';
import type { SettlementCategory } from './types';

/** An Amazon Pay order reference id (charge permission id) exactly: `P01-1234567-1234567`, `S02-…`. */
export const ORDER_REFERENCE_ID = /^[A-Z]\d{2}-\d{7}-\d{7}$/;

/**
 * The currencies each region's ledger settles in. A settlement file names its seller and currency but not the
 * API account it came from, so the currency is what ties a ledger row to a region (EU and UK ledgers are EUR or
 * GBP, whatever the buyer paid in).
 */
export const REGION_CURRENCIES: Readonly<Record<Region, readonly string[]>> = {
  na: ['USD'],
  eu: ['EUR', 'GBP'],
  jp: ['JPY'],
};

export interface LedgerEntryView {
  settlementId: string;
  line: number;
  category: SettlementCategory;
  currency: string;
  amountMinor: number;
  feeMinor: number;
  netMinor: number;
  postedAt: string;
}

export interface OrderTimelineView {
  key: string;
  entries: LedgerEntryView[];
  payouts: CarryingPayout[];
}

/** The order's timelines in the given currencies (all currencies without them); none for anything but an order id. */
export async function orderTimelines(
  db: IDBDatabase,
  orderReferenceId: string,
  currencies?: readonly string[],
): Promise<OrderTimelineView[]> {
  if (!ORDER_REFERENCE_ID.test(orderReferenceId)) return [];
  const inScope = (currency: string) => !currencies || currencies.includes(currency);
  const { timelines } = await searchLedger(db, orderReferenceId);
  return timelines
    .map(({ key, entries, payouts }) => ({
      key,
      entries: entries
        .filter((row) => inScope(row.currency))
        .map(({ settlementId, line, category, currency, amountMinor, feeMinor, netMinor, postedAt }) => ({
          settlementId,
          line,
          category,
          currency,
          amountMinor,
          feeMinor,
          netMinor,
          postedAt,
        })),
      payouts: payouts.filter((payout) => inScope(payout.currency)),
    }))
    .filter((timeline) => timeline.entries.length > 0);
}
