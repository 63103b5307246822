import { describe, expect, it } from 'vitest';
import { readCamt053 } from '../../utils/bank/camt053';
import { matchPayouts } from '../../utils/bank/match';
import { readMt940 } from '../../utils/bank/mt940';
import { payoutCandidates } from '../../utils/bank/payouts';
import type { BankEntry } from '../../utils/bank/types';
import { bankStatementLines, demoDisbursements, writeCamt053, writeMt940 } from './bank-statement';

const disbursements = demoDisbursements('bank-test', 8, 'EUR', '2026-10-01');
const lines = bankStatementLines({ seed: 'bank-test', region: 'eu', disbursements });
const camt = readCamt053(writeCamt053(lines, 'DE02120300000000202051', 'EUR'), 'camt.xml');
const mt940 = readMt940(writeMt940(lines, '12030000/1234567890', 'EUR'), 'umsatz.sta');

describe('emulator bank statement', () => {
  it('is deterministic and carries every disbursement, the noise and a returned payout', () => {
    expect(bankStatementLines({ seed: 'bank-test', region: 'eu', disbursements })).toEqual(lines);
    const paid = lines.filter((l) => l.disbursementReferenceId && !l.reversal);
    expect(paid).toHaveLength(9); // eight payouts, the first credited again after its return
    expect(lines.filter((l) => l.reversal)).toHaveLength(2);
    expect(lines.filter((l) => !l.disbursementReferenceId).length).toBeGreaterThanOrEqual(5);
    expect(disbursements[2]!.amountMinor).toBe(disbursements[3]!.amountMinor);
  });

  it.each([
    ['camt.053.001.08', camt],
    ['MT940', mt940],
  ])('%s reads back line for line', (_, entries) => {
    expect(entries.map((e) => [e.bookingDate, e.amountMinor, e.reversal])).toEqual(
      lines.map((l) => [l.bookingDate, l.amountMinor, l.reversal]),
    );
    expect(entries.filter((e) => e.counterparty === 'AMAZON PAYMENTS EUROPE S.C.A.').length).toBe(10);
  });

  it.each([
    ['camt.053.001.08', camt],
    ['MT940', mt940],
  ])(
    '%s: the matcher finds the payouts by reference, leaves the equal pair to the merchant and cancels the return',
    (_, entries) => {
      const payouts = payoutCandidates([], disbursements, 'Europe/Berlin');
      const today = lines.at(-1)!.bookingDate;
      const result = matchPayouts(payouts, entries, { today });
      const refOf = (key: string) => payouts.find((p) => p.key === key)!.disbursementReferenceId;
      const byRule = (rule: string) =>
        result.matches
          .filter((m) => m.rule === rule)
          .map((m) => refOf(m.payoutKeys[0]!))
          .sort();
      const equalPair = [disbursements[2]!, disbursements[3]!].map((d) => d.amazonDisbursementReferenceId);
      expect(byRule('reference')).toEqual(
        disbursements
          .map((d) => d.amazonDisbursementReferenceId)
          .filter((r) => !equalPair.includes(r))
          .sort(),
      );
      expect(result.suggestions.filter((s) => s.rule === 'amount-window').map((s) => refOf(s.payoutKeys[0]!))).toEqual(
        expect.arrayContaining(equalPair),
      );
      expect(result.unmatchedPayouts.map((u) => u.payout.disbursementReferenceId).sort()).toEqual(
        [...equalPair].sort(),
      );
      expect(result.reversed).toHaveLength(2);
      const entryOf = (id: string) => entries.find((e) => e.id === id) as BankEntry;
      // the returned payout's first credit is cancelled; the credit two days later is the match
      const first = result.matches.find(
        (m) => refOf(m.payoutKeys[0]!) === disbursements[0]!.amazonDisbursementReferenceId,
      )!;
      const cancelled = result.reversed
        .map((r) => entryOf(r.creditId))
        .find((e) => e.counterparty.startsWith('AMAZON'))!;
      expect(entryOf(first.entryIds[0]!).bookingDate > cancelled.bookingDate).toBe(true);
      expect(result.unmatchedCredits).toHaveLength(2);
      expect(result.otherCredits).toBeGreaterThan(0);
    },
  );
});
