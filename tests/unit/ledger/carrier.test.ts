import { describe, expect, it } from 'vitest';
import { payingKey, payingSettlements, type ChainItem } from '../../../utils/ledger/carrier';

/** A settlement with its activity and Transfer (payout), on day `day` of one month. */
const item = (id: string, day: number, activity: number, payout: number, currency = 'USD'): ChainItem => ({
  settlementId: id,
  currency,
  time: `2026-10-${String(day).padStart(2, '0')}T00:00:00Z`,
  identity: { activity, payout, carry: activity - payout, payoutRows: payout === 0 && activity < 0 ? 0 : 1 },
});

const payerOf = (items: ChainItem[], id: string, currency = 'USD') =>
  payingSettlements(items).get(payingKey(id, currency));

describe('which Transfer paid a settlement out', () => {
  it('is its own Transfer when the file balances', () => {
    const items = [item('A', 1, 500, 500), item('B', 2, 700, 700)];
    expect([payerOf(items, 'A'), payerOf(items, 'B')]).toEqual(['A', 'B']);
  });

  it("is the next file's Transfer when Transfers pay the previous period, and none yet for the newest file", () => {
    // A's Transfer pays a period before the archive; B's pays A's activity; C's pays B's.
    const items = [item('C', 3, 900, 700), item('A', 1, 500, 123), item('B', 2, 700, 500)];
    expect(['A', 'B', 'C'].map((id) => payerOf(items, id))).toEqual(['B', 'C', undefined]);
  });

  it('keeps currencies apart, and names no payer for a negative balance without a Transfer', () => {
    const items = [
      item('A', 1, 500, 123, 'EUR'),
      item('B', 2, 700, 500, 'EUR'),
      item('A', 1, -80, 0),
      item('B', 2, 40, 40),
    ];
    expect([payerOf(items, 'A', 'EUR'), payerOf(items, 'A'), payerOf(items, 'B')]).toEqual(['B', undefined, 'B']);
  });

  it('falls back to the file’s own Transfer when nothing explains the difference', () => {
    const items = [item('A', 1, 500, 500), item('B', 2, 700, 650), item('C', 3, 900, 900)];
    expect(payerOf(items, 'B')).toBe('B');
  });
});
