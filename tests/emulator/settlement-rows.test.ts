import { describe, expect, it } from 'vitest';
import { periodActivity, periodRows, type SettlementPeriod } from './settlement-rows';

const DAY = 86_400_000;
const period = (seed: string): SettlementPeriod => ({
  seed,
  region: 'na',
  settlementId: '7300000001',
  start: Date.UTC(2026, 2, 1),
  end: Date.UTC(2026, 2, 1) + 14 * DAY,
  activityRows: 200,
  withheldReserveMinor: 0,
  releasedReserveMinor: 0,
  storeName: 'Demo Shop',
});

const REVERSALS = ['Refund', 'Chargeback', 'A to Z Guarantee Claim'];

describe('settlement rows: reversals on captured orders', () => {
  it.each(['a', 'b', 'c'])(
    'seed %s: many reversals give back on an order captured earlier in the period, never more than it',
    (seed) => {
      const rows = periodRows(period(seed));
      const captures = new Map(
        rows.filter((r) => r.transactionType === 'Capture').map((r) => [r.amazonOrderReferenceId, r]),
      );
      const reversals = rows.filter((r) => REVERSALS.includes(r.transactionType));
      const linked = reversals.filter((r) => captures.has(r.amazonOrderReferenceId));
      // About three in five of the reversals; the rest name orders captured before the period.
      expect(linked.length).toBeGreaterThan(reversals.length / 3);
      expect(linked.length).toBeLessThan(reversals.length);
      const givenBack = new Map<string, number>();
      for (const reversal of linked) {
        const capture = captures.get(reversal.amazonOrderReferenceId)!;
        expect(reversal.postedAt).toBeGreaterThanOrEqual(capture.postedAt);
        expect(reversal.postedAt).toBeLessThan(period(seed).end);
        expect(reversal.amazonTransactionId).toMatch(new RegExp(`^${capture.amazonOrderReferenceId}-R0\\d{5}$`));
        expect(reversal.sellerOrderId).toBe(capture.sellerOrderId);
        const total = (givenBack.get(capture.amazonOrderReferenceId) ?? 0) - reversal.amountMinor;
        givenBack.set(capture.amazonOrderReferenceId, total);
        expect(total).toBeLessThanOrEqual(capture.amountMinor);
      }
      // Rows stay in posted order, and the amounts still add up to the activity computed without the rows.
      expect(rows.map((r) => r.postedAt)).toEqual([...rows.map((r) => r.postedAt)].sort((a, b) => a - b));
      expect(rows.reduce((sum, r) => sum + r.amountMinor + r.percentageFeeMinor + r.fixedFeeMinor, 0)).toBe(
        periodActivity(period(seed)),
      );
    },
  );
});
