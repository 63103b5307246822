/** Settlement files as Amazon writes them, and the numbers in them adding up the way the ledger checks them. */
import { describe, expect, it } from 'vitest';
import { records, toMinor } from './helpers/csv-records';
import { formatLocal } from './local-time';
import { SETTLEMENT_COLUMNS, settlementFile, settlementSeries, type SettlementFile } from './settlement-file';

const column = (name: string) => SETTLEMENT_COLUMNS.indexOf(name as (typeof SETTLEMENT_COLUMNS)[number]);
const dataRows = (file: SettlementFile) => records(file.text).slice(6);

describe('settlement file layout', () => {
  const file = settlementFile({ seed: 'layout', activityRows: 40, reserve: true });
  const lines = file.text.split('\n');

  it('starts with a BOM, two title lines and the Key/Value lines, then the column line with a trailing comma', () => {
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(lines.slice(0, 6)).toEqual([
      '\uFEFF"Amazon Payments Advanced",',
      '"Settlement Report",',
      `"SellerId","${file.sellerId}"`,
      `"SettlementStartDate","${formatLocal(file.start, 'America/Los_Angeles')}"`,
      `"SettlementEndDate","${formatLocal(file.end, 'America/Los_Angeles')}"`,
      '"TransactionPostedDate","SettlementId","AmazonTransactionId","SellerReferenceId","TransactionType","AmazonOrderReferenceId","SellerOrderId","StoreName","CurrencyCode","TransactionDescription","TransactionAmount","TransactionPercentageFee","TransactionFixedFee","TotalTransactionFee","NetTransactionAmount",',
    ]);
    expect(lines.at(-1)).toBe('');
  });

  it('quotes every field of every row, 15 of them, no trailing comma; dates with a space and the Pacific offset', () => {
    for (const line of lines.slice(6, -1))
      expect(line).toMatch(/^"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d -0[78]00"(,"[^"]*"){14}$/);
    expect(dataRows(file)).toHaveLength(file.rows.length);
  });

  it('writes zero as 0, two decimals otherwise, and rows in posted-date order', () => {
    const fees = dataRows(file).flatMap((r) => [
      r[column('TransactionPercentageFee')]!,
      r[column('TransactionFixedFee')]!,
    ]);
    expect(fees).toContain('0');
    for (const fee of fees) expect(fee).toMatch(/^(0|-?\d+\.\d\d)$/);
    const posted = file.rows.map((r) => r.postedAt);
    expect(posted).toEqual([...posted].sort((a, b) => a - b));
  });

  it("has a Transfer with an empty store name and Amazon's description, and Reserve rows released and withheld", () => {
    const rows = dataRows(file);
    const transfer = rows.filter((r) => r[column('TransactionType')] === 'Transfer');
    expect(transfer).toHaveLength(1);
    expect(transfer[0]!.slice(column('AmazonTransactionId'), column('CurrencyCode'))).toEqual([
      '',
      '',
      'Transfer',
      '',
      '',
      '',
    ]);
    expect(transfer[0]![column('TransactionDescription')]).toBe(
      'SellerPayments_DateRangeReport_transfer_accounting_ending_with_trace_id',
    );
    const reserves = rows
      .filter((r) => r[column('TransactionType')] === 'Reserve')
      .map((r) => [r[column('TransactionDescription')], Math.sign(toMinor(r[column('NetTransactionAmount')]!, 2))]);
    expect(reserves).toEqual([
      ['Previous Reserve Balance', 1],
      ['Current Reserve Amount', -1],
    ]);
  });

  it('keeps row arithmetic exact: amount + total fee = net, percentage + fixed = total, as written', () => {
    for (const r of dataRows(settlementFile({ seed: 'arith', activityRows: 500 }))) {
      const [amount, pct, fixed, total, netAmount] = [
        'TransactionAmount',
        'TransactionPercentageFee',
        'TransactionFixedFee',
        'TotalTransactionFee',
        'NetTransactionAmount',
      ].map((c) => toMinor(r[column(c)]!, 2));
      expect(pct! + fixed!).toBe(total);
      expect(amount! + total!).toBe(netAmount);
    }
  });
});

describe('rows and fee signs', () => {
  const big = settlementFile({ seed: 'kinds', activityRows: 25_000 });
  const byType = (type: string) => big.rows.filter((r) => r.transactionType === type);

  it('sizes reach 25 000 activity rows', () => {
    expect(big.rows.length).toBeGreaterThanOrEqual(25_000);
    expect(big.bytes.length).toBeGreaterThan(4_000_000);
  });

  it('captures pay fees; refunds, chargebacks and A-to-z claims take money back and return the percentage fee', () => {
    for (const r of byType('Capture'))
      expect([Math.sign(r.amountMinor), Math.sign(r.percentageFeeMinor), r.fixedFeeMinor]).toEqual([1, -1, -30]);
    for (const type of ['Refund', 'Chargeback', 'A to Z Guarantee Claim']) {
      expect(byType(type).length).toBeGreaterThan(50);
      for (const r of byType(type))
        expect([Math.sign(r.amountMinor), Math.sign(r.percentageFeeMinor), r.fixedFeeMinor]).toEqual([-1, 1, 0]);
    }
    expect(byType('Debt').every((r) => r.amountMinor < 0 && r.percentageFeeMinor === 0)).toBe(true);
    expect(new Set(byType('Adjustment').map((r) => Math.sign(r.amountMinor)))).toEqual(new Set([1, -1]));
  });
});

describe('the payout identity the ledger checks', () => {
  it("this-period: the Transfer pays the file's own activity, so carry is 0", () => {
    for (const seed of ['a', 'b', 'c']) {
      const file = settlementFile({ seed, convention: 'this-period', activityRows: 30, reserve: true });
      expect(file.activityMinor).toBeGreaterThan(0);
      expect([file.payoutMinor, file.carryMinor, file.paidSettlementId]).toEqual([
        file.activityMinor,
        0,
        file.settlementId,
      ]);
    }
  });

  it("previous-period: each Transfer pays the previous file's activity, and each reserve released was withheld before", () => {
    const files = settlementSeries(6, { seed: 'chain', activityRows: 25, reserve: true });
    for (let k = 1; k < files.length; k++) {
      expect(files[k]!.payoutMinor).toBe(files[k - 1]!.activityMinor);
      expect(files[k]!.paidSettlementId).toBe(files[k - 1]!.settlementId);
      const released = files[k]!.rows.find((r) => r.description === 'Previous Reserve Balance')!.amountMinor;
      expect(released).toBe(-files[k - 1]!.rows.find((r) => r.description === 'Current Reserve Amount')!.amountMinor);
      expect(files[k]!.start).toBe(files[k - 1]!.end + 60_000);
    }
    expect(new Set(files.map((f) => f.carryMinor)).size).toBeGreaterThan(1);
  });

  it("the file's numbers are the rows' numbers: activity and payout recomputed from the text", () => {
    const file = settlementFile({ seed: 'recompute', activityRows: 60, reserve: true });
    const rows = dataRows(file);
    const net = (r: string[]) => toMinor(r[column('NetTransactionAmount')]!, 2);
    const isTransfer = (r: string[]) => r[column('TransactionType')] === 'Transfer';
    expect(rows.filter((r) => !isTransfer(r)).reduce((s, r) => s + net(r), 0)).toBe(file.activityMinor);
    expect(-rows.filter(isTransfer).reduce((s, r) => s + net(r), 0)).toBe(file.payoutMinor);
  });
});

describe('regions and variants', () => {
  it('writes local time with daylight saving: Pacific -0700/-0800, Luxembourg +0200/+0100, Tokyo +0900', () => {
    const summer = Date.UTC(2026, 6, 1, 12);
    const winter = Date.UTC(2026, 0, 15, 12);
    expect([formatLocal(summer, 'America/Los_Angeles'), formatLocal(winter, 'America/Los_Angeles')]).toEqual([
      '2026-07-01T05:00:00 -0700',
      '2026-01-15T04:00:00 -0800',
    ]);
    expect([formatLocal(summer, 'Europe/Luxembourg'), formatLocal(winter, 'Europe/Luxembourg')]).toEqual([
      '2026-07-01T14:00:00 +0200',
      '2026-01-15T13:00:00 +0100',
    ]);
    expect(formatLocal(winter, 'Asia/Tokyo')).toBe('2026-01-15T21:00:00 +0900');
    const acrossDst = settlementFile({
      seed: 'dst',
      region: 'eu',
      start: Date.UTC(2026, 2, 28, 21, 3, 7),
      activityRows: 200,
    });
    expect(
      new Set(
        records(acrossDst.text)
          .slice(6)
          .map((r) => r[0]!.slice(-5)),
      ),
    ).toEqual(new Set(['+0100', '+0200']));
    expect(
      records(acrossDst.text)
        .slice(6)
        .every((r) => r[column('CurrencyCode')] === 'EUR'),
    ).toBe(true);
  });

  it('JPY has no decimals, unless asked; thousands separators on request', () => {
    const plain = settlementFile({ seed: 'jp', region: 'jp', activityRows: 50, periodHours: 168 });
    const amounts = dataRows(plain).map((r) => r[column('TransactionAmount')]!);
    expect(amounts.every((a) => /^-?\d+$/.test(a))).toBe(true);
    expect(plain.end - plain.start).toBe(7 * 86_400_000 - 60_000);
    const styled = settlementFile({
      seed: 'jp',
      region: 'jp',
      activityRows: 50,
      periodHours: 168,
      variants: { jpyDecimals: true, thousandsSeparators: true },
    });
    const styledAmounts = dataRows(styled).map((r) => r[column('TransactionAmount')]!);
    expect(styledAmounts.every((a) => /^(0|-?\d{1,3}(,\d{3})*\.00)$/.test(a))).toBe(true);
    expect(styledAmounts.some((a) => a.includes(','))).toBe(true);
    expect(styledAmounts.map((a) => toMinor(a, 0))).toEqual(amounts.map((a) => toMinor(a, 0)));
  });

  it('CRLF and BOM-less files on request, with the same records', () => {
    const base = settlementFile({ seed: 'v', activityRows: 10 });
    const variant = settlementFile({ seed: 'v', activityRows: 10, variants: { crlf: true, noBom: true } });
    expect(variant.text.startsWith('"Amazon Payments Advanced",\r\n"Settlement Report",\r\n')).toBe(true);
    expect(
      variant.text
        .split('\n')
        .slice(0, -1)
        .every((l) => l.endsWith('\r')),
    ).toBe(true);
    expect(records(variant.text)).toEqual(records(base.text));
  });
});
