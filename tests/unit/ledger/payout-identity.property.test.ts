/**
 * Property: for generated settlements whose Transfer pays their own activity (or, chained, the previous one's) the
 * payout identity is green; moving any one non-payout row by any non-zero amount (row arithmetic kept intact) is
 * never green, and the carry is exactly that amount.
 */
import { describe, expect, it } from 'vitest';
import { checkArchive } from '../../../utils/ledger/chain';
import { checkPayoutIdentity, checkRowArithmetic } from '../../../utils/ledger/checks';
import { parseSettlementReport } from '../../../utils/ledger/settlement';
import { groupSettlements, type Settlement } from '../../../utils/ledger/summary';
import { generateSettlement, prng } from '../../fixtures/ledger/generate';

const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY'] as const;

function parsed(text: string): Settlement {
  const report = parseSettlementReport(text);
  expect(report.errors).toEqual([]);
  const [settlement] = groupSettlements(report);
  return settlement!;
}

function perturbed(settlement: Settlement, random: () => number): { settlement: Settlement; delta: number } {
  const candidates = settlement.rows.filter((row) => row.category !== 'payout');
  const target = candidates[Math.floor(random() * candidates.length)]!;
  const delta = (1 + Math.floor(random() * 100_000)) * (random() < 0.5 ? -1 : 1);
  const rows = settlement.rows.map((row) =>
    row === target ? { ...row, amountMinor: row.amountMinor + delta, netMinor: row.netMinor + delta } : row,
  );
  return { settlement: { ...settlement, rows }, delta };
}

describe('payout identity (property)', () => {
  it('holds for 200 consistent settlements and is flagged, with the exact carry, after one row moves', () => {
    const random = prng(20261129);
    for (let run = 0; run < 200; run++) {
      const currency = CURRENCIES[run % CURRENCIES.length]!;
      const rows = 2 + Math.floor(random() * 60);
      const settlement = parsed(generateSettlement({ seed: run + 1, rows, currency }).text);
      expect(checkRowArithmetic(settlement.rows).light).toBe('green');
      expect(checkPayoutIdentity(settlement)).toMatchObject({ light: 'green', carry: 0 });

      const { settlement: moved, delta } = perturbed(settlement, random);
      expect(checkRowArithmetic(moved.rows).light).toBe('green');
      const check = checkPayoutIdentity(moved);
      expect(check.light).not.toBe('green');
      expect(check).toMatchObject({ carry: delta });
    }
  });

  it('holds along 40 chains where each Transfer pays the previous period, and a moved row breaks the link to the Transfer that pays it', () => {
    const random = prng(7);
    for (let chain = 0; chain < 40; chain++) {
      const length = 2 + Math.floor(random() * 5);
      const currency = CURRENCIES[chain % CURRENCIES.length]!;
      let previousActivity = 0;
      const settlements = Array.from({ length }, (_, index) => {
        const generated = generateSettlement({
          seed: chain * 100 + index,
          rows: 2 + Math.floor(random() * 40),
          currency,
          start: new Date(Date.UTC(2026, 1, 1 + index, 15)),
          transferMinor: previousActivity,
        });
        previousActivity = generated.activityMinor;
        return parsed(generated.text);
      });
      expect(checkArchive(settlements).map((c) => c.light)).toEqual(settlements.map(() => 'green'));

      // The moved activity is paid by the next file, so that is the Transfer that no longer adds up.
      const index = Math.floor(random() * (length - 1));
      const { settlement: moved } = perturbed(settlements[index]!, random);
      const checked = checkArchive(settlements.map((s, i) => (i === index ? moved : s)));
      const payer = checked[index + 1]!.checks.find((c) => c.kind === 'payout-identity')!;
      expect(payer, `chain ${chain}, settlement ${index + 1}`).toMatchObject({
        light: 'amber',
        explanation: 'unexplained',
      });
    }
  });
});
