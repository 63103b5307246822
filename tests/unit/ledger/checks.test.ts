import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkArchive, payoutConvention } from '../../../utils/ledger/chain';
import {
  checkHeaderAndRows,
  checkPayoutIdentity,
  checkRowArithmetic,
  overallLight,
  runningBalance,
} from '../../../utils/ledger/checks';
import { parseSettlementReport } from '../../../utils/ledger/settlement';
import {
  categoryTable,
  effectiveFeeRate,
  groupSettlements,
  largestReversals,
  type Settlement,
} from '../../../utils/ledger/summary';
import { generateSettlement } from '../../fixtures/ledger/generate';

const fixtureText = (name: string) => readFileSync(new URL(`../../fixtures/ledger/${name}`, import.meta.url), 'utf8');
const settlementOf = (text: string): Settlement => {
  const [settlement, ...others] = groupSettlements(parseSettlementReport(text));
  expect(others).toEqual([]);
  return settlement!;
};
const us = () => settlementOf(fixtureText('settlement-us.csv'));

describe('settlement figures', () => {
  it('sums each category in minor units, captures first and the payout last', () => {
    expect(
      categoryTable(us().rows).map((t) => [
        t.category,
        t.count,
        t.grossMinor,
        t.percentageFeeMinor,
        t.fixedFeeMinor,
        t.feeMinor,
        t.netMinor,
      ]),
    ).toEqual([
      ['capture', 3, 130089, -3773, -90, -3863, 126226],
      ['refund', 1, -2000, 58, 0, 58, -1942],
      ['chargeback', 1, -7500, 0, 0, 0, -7500],
      ['atoz', 1, -1250, 0, 0, 0, -1250],
      ['debt', 1, -500, 0, 0, 0, -500],
      ['reserve', 2, 0, 0, 0, 0, 0],
      ['other', 1, -100, 0, 0, 0, -100],
      ['payout', 1, -120417, 0, 0, 0, -120417],
    ]);
  });

  it('gives the effective fee rate on captures and the largest reversals', () => {
    expect(effectiveFeeRate(us().rows)).toBeCloseTo(3863 / 130089, 12);
    expect(largestReversals(us().rows, 2).map((r) => r.line)).toEqual([13, 12]);
  });

  it('splits a file into one settlement per SettlementId and currency, with the period in UTC', () => {
    const text = fixtureText('settlement-us.csv').replace(/"USD","Monthly/, '"EUR","Monthly');
    const groups = groupSettlements(parseSettlementReport(text));
    expect(groups.map((g) => [g.settlementId, g.currency, g.rows.length])).toEqual([
      ['7301234567', 'USD', 10],
      ['7301234567', 'EUR', 1],
    ]);
    expect([groups[0]!.periodStart, groups[0]!.periodEnd]).toEqual(['2026-03-02T23:00:12Z', '2026-03-03T22:59:58Z']);
  });
});

describe('row arithmetic and header consistency', () => {
  it('is green for the real layout and red with the lines where amount + fee ≠ net or percentage + fixed ≠ fee', () => {
    expect(checkRowArithmetic(us().rows)).toEqual({
      kind: 'row-arithmetic',
      light: 'green',
      rows: 11,
      feeMismatches: [],
      netMismatches: [],
    });
    const broken = fixtureText('settlement-us.csv')
      .replace('"-1.45","-0.30","-1.75","48.15"', '"-1.45","-0.30","-1.74","48.16"')
      .replace('"0.99","-0.03","-0.30","-0.33","0.66"', '"0.99","-0.03","-0.30","-0.33","0.67"');
    expect(checkRowArithmetic(settlementOf(broken).rows)).toMatchObject({
      light: 'red',
      feeMismatches: [10],
      netMismatches: [11],
    });
  });

  it('flags rows outside the stated period and rows that appear twice, amber', () => {
    expect(checkHeaderAndRows(us()).light).toBe('green');
    const lines = fixtureText('settlement-us.csv').split('\n');
    const late = lines[8]!.replace('2026-03-02T18:12:09 -0800', '2026-03-04T18:12:09 -0800');
    const text = [...lines.slice(0, 8), late, lines[9], lines[9], ...lines.slice(10)].join('\n');
    expect(checkHeaderAndRows(settlementOf(text))).toEqual({
      kind: 'header-rows',
      light: 'amber',
      outsidePeriod: [9],
      duplicates: [11],
      missingPeriod: false,
    });
  });
});

describe('payout identity', () => {
  it('computes activity, payout and carry and, alone, calls the difference unexplained with the rows that could explain it', () => {
    expect(checkPayoutIdentity(us())).toEqual({
      kind: 'payout-identity',
      light: 'amber',
      explanation: 'unexplained',
      activity: 114934,
      payout: 120417,
      carry: -5483,
      payoutRows: 1,
      candidates: [8, 15, 16, 17],
    });
  });

  it('explains a Transfer that pays the previous settlement (chain check) and names that settlement', () => {
    const earlier = generateSettlement({ seed: 1, rows: 30, transferMinor: 0 });
    const previous = settlementOf(earlier.text);
    const withPrevious = settlementOf(
      generateSettlement({ seed: 2, rows: 30, transferMinor: earlier.activityMinor }).text,
    );
    expect(checkPayoutIdentity(withPrevious, previous)).toMatchObject({
      light: 'green',
      explanation: 'pays-previous',
      neighbour: previous.settlementId,
    });
    expect(checkPayoutIdentity(previous, undefined, withPrevious)).toMatchObject({
      light: 'green',
      explanation: 'paid-by-next',
    });
  });

  it('explains a negative balance without a Transfer', () => {
    const text = fixtureText('settlement-errors.csv').split('\n');
    const refundOnly = [
      text[0],
      text[1],
      '"2026-05-04T10:00:00 -0500","6600000001","P01-1000001-1000001-R000001","","Refund","P01-1000001-1000001","2001","Test Store","USD","","-10.00","0.29","0","0.29","-9.71"',
    ].join('\n');
    expect(checkPayoutIdentity(settlementOf(refundOnly))).toMatchObject({
      light: 'amber',
      explanation: 'negative-balance',
      activity: -971,
      payout: 0,
      carry: -971,
    });
  });
});

describe('checks over an archive', () => {
  const start = (day: number) => new Date(Date.UTC(2026, 0, day, 15, 0, 12));

  it('orders settlements by period, follows the chain and reports the convention and the running balance', () => {
    const first = generateSettlement({ seed: 10, rows: 20, start: start(5), transferMinor: 0 });
    const second = generateSettlement({ seed: 11, rows: 20, start: start(6), transferMinor: first.activityMinor });
    const third = generateSettlement({ seed: 12, rows: 20, start: start(7), transferMinor: second.activityMinor });
    const settlements = [third, first, second].map((g) => settlementOf(g.text));
    const checked = checkArchive(settlements);
    expect(checked.map((c) => c.settlement.settlementId)).toEqual([first, second, third].map((g) => g.settlementId));
    expect(checked.map((c) => c.light)).toEqual(['green', 'green', 'green']);
    expect(payoutConvention(checked)).toBe('previous-period');
    expect(runningBalance(checked.map((c) => c.settlement)).map((b) => [b.opening, b.closing])).toEqual([
      [0, first.activityMinor],
      [first.activityMinor, second.activityMinor],
      [second.activityMinor, third.activityMinor],
    ]);
  });

  it('shows the worst light of a settlement', () => {
    const broken = settlementOf(fixtureText('settlement-us.csv').replace('"-36.55","1,213.45"', '"-36.55","1,213.46"'));
    expect(overallLight(checkArchive([broken])[0]!.checks)).toBe('red');
    expect(payoutConvention(checkArchive([settlementOf(generateSettlement({ seed: 3, rows: 10 }).text)]))).toBe(
      'same-period',
    );
  });
});
