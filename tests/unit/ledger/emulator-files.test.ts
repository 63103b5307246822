/** The emulator's settlement files, in the real layout and its variants, read by the ledger: no errors, identity green. */
import { describe, expect, it } from 'vitest';
import { checkArchive, payoutConvention } from '../../../utils/ledger/chain';
import { parseSettlementReport } from '../../../utils/ledger/settlement';
import { groupSettlements } from '../../../utils/ledger/summary';
import { settlementSeries, type SettlementFileOptions } from '../../emulator/settlement-file';

const CASES: [string, SettlementFileOptions][] = [
  ['NA, previous-period payouts, reserve', { region: 'na', seed: 'ledger-na', reserve: true }],
  [
    'EU, this-period payouts, CRLF without BOM',
    { region: 'eu', seed: 'ledger-eu', convention: 'this-period', variants: { crlf: true, noBom: true } },
  ],
  [
    'JP, thousands separators and .00',
    { region: 'jp', seed: 'ledger-jp', variants: { thousandsSeparators: true, jpyDecimals: true } },
  ],
];

describe('the emulator settlement files', () => {
  it.each(CASES)('%s: parse without errors, exactly as generated, and every payout identity is green', (_, options) => {
    const files = settlementSeries(6, { activityRows: 60, ...options });
    const settlements = files.flatMap((file) => {
      const report = parseSettlementReport(new Uint8Array(file.bytes));
      expect(report.errors).toEqual([]);
      expect(
        report.rows.map((r) => [
          r.line,
          Date.parse(r.postedAt),
          r.transactionType,
          r.amountMinor,
          r.feeMinor,
          r.netMinor,
        ]),
      ).toEqual(
        file.rows.map((r) => [
          r.line,
          Math.floor(r.postedAt / 1000) * 1000, // the file writes whole seconds
          r.transactionType,
          r.amountMinor,
          r.percentageFeeMinor + r.fixedFeeMinor,
          r.amountMinor + r.percentageFeeMinor + r.fixedFeeMinor,
        ]),
      );
      return groupSettlements(report);
    });
    const checked = checkArchive(settlements);
    for (const { settlement, checks } of checked) {
      const file = files.find((f) => f.settlementId === settlement.settlementId)!;
      expect(checks.find((c) => c.kind === 'payout-identity')).toMatchObject({
        light: 'green',
        activity: file.activityMinor,
        payout: file.payoutMinor,
        carry: file.carryMinor,
      });
      expect(checks.find((c) => c.kind === 'row-arithmetic')!.light).toBe('green');
    }
    expect(payoutConvention(checked)).toBe(options.convention === 'this-period' ? 'same-period' : 'previous-period');
  });
});
