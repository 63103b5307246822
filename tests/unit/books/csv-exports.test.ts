import { describe, expect, it } from 'vitest';
import { bookSettlementRows } from '../../../utils/books/bookings';
import { defaultDateOrder, type DateOrder } from '../../../utils/books/descriptions';
import { exportGenericCsv, GENERIC_COLUMNS } from '../../../utils/books/generic-csv';
import { exportQuickBooks } from '../../../utils/books/quickbooks';
import { monthPeriod } from '../../../utils/books/time-zone';
import { exportXero } from '../../../utils/books/xero';
import type { SettlementRow } from '../../../utils/ledger/types';
import { capture, netOfOctoberEur, octoberEu, rawFields, row, unquote } from './fixtures';

const PERIOD = monthPeriod(2026, 10);
const book = (rows: readonly SettlementRow[], currency = 'EUR') =>
  bookSettlementRows(rows, { currency, period: PERIOD, timeZone: 'Europe/Berlin', granularity: 'detailed' });
const utf8Lines = (bytes: Uint8Array) => {
  const textOf = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  expect(textOf.endsWith('\r\n')).toBe(true);
  expect(textOf.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  return textOf.split('\r\n').slice(0, -1);
};
/** Cents from a `.`-decimal amount cell, checking the cell's form on the way. */
const cents = (cell: string) => {
  expect(cell).toMatch(/^-?\d+\.\d{2}$/);
  return Math.round(Number(cell) * 100);
};
const DATE_RULES: Record<DateOrder, RegExp> = {
  'DD/MM/YYYY': /^(0[1-9]|[12]\d|3[01])\/(0[1-9]|1[0-2])\/\d{4}$/,
  'MM/DD/YYYY': /^(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])\/\d{4}$/,
};
/** A text cell must never start a formula once a spreadsheet unquotes it. */
const safe = (cell: string) => expect(unquote(cell)).not.toMatch(/^[=+\-@\t\r]/);

describe('Xero bank statement CSV', () => {
  const rows = octoberEu();
  const { files } = exportXero({ bookings: book(rows), currency: 'EUR', period: PERIOD, dateOrder: 'DD/MM/YYYY' });
  const lines = utf8Lines(files[0]!.bytes);

  it('writes Date, Amount, Payee, Description, Reference with signed dot-decimal amounts and one date format', () => {
    expect(files.map((f) => f.name)).toEqual(['xero_EUR_2026-10.csv']);
    expect(files[0]!.bytes[0]).not.toBe(0xef); // no BOM
    expect(lines[0]).toBe('Date,Amount,Payee,Description,Reference');
    for (const line of lines.slice(1)) {
      const fields = rawFields(line, ',');
      expect(fields, line).toHaveLength(5);
      expect(fields[0]).toMatch(DATE_RULES['DD/MM/YYYY']);
      cents(fields[1]!);
      fields.slice(2).forEach(safe);
    }
    expect(lines).toContain('01/10/2026,119.00,Amazon Pay customer,Capture #1001,S02-1234567-0011900-C000001');
    expect(lines).toContain('01/10/2026,-2.61,Amazon Pay,Fee capture #1001,S02-1234567-0011900-C000001');
    expect(lines).toContain('20/10/2026,-1000.00,Amazon Pay,Payout to bank settlement 5984860001,5984860001');
    expect(lines).toContain(
      '06/10/2026,10.00,Amazon Pay customer,"Capture =HYPERLINK(""http://x"")",S02-1234567-0001000-C000001',
    );
  });

  it('keeps the invariant: the amounts sum to the net of the rows in the period', () => {
    expect(lines.slice(1).reduce((sum, line) => sum + cents(rawFields(line, ',')[1]!), 0)).toBe(netOfOctoberEur(rows));
  });

  it('splits beyond 1 000 lines per file, heading in each, nothing lost', () => {
    const many = Array.from({ length: 1200 }, (_, i) =>
      capture(`2026-10-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`, 1000 + i, `o${i}`),
    );
    const split = exportXero({ bookings: book(many), currency: 'EUR', period: PERIOD, dateOrder: 'MM/DD/YYYY' });
    expect(split.files.map((f) => f.name)).toEqual([
      'xero_EUR_2026-10_part1.csv',
      'xero_EUR_2026-10_part2.csv',
      'xero_EUR_2026-10_part3.csv',
    ]);
    const all = split.files.map((f) => utf8Lines(f.bytes));
    expect(all.map((l) => l.length)).toEqual([1000, 1000, 403]);
    expect(all.every((l) => l[0] === 'Date,Amount,Payee,Description,Reference')).toBe(true);
    const body = all.flatMap((l) => l.slice(1));
    expect(body).toHaveLength(2400);
    expect(body.every((l) => DATE_RULES['MM/DD/YYYY'].test(rawFields(l, ',')[0]!))).toBe(true);
    expect(body.reduce((sum, l) => sum + cents(rawFields(l, ',')[1]!), 0)).toBe(
      many.reduce((s, r) => s + r.netMinor, 0),
    );
  });
});

describe('QuickBooks Online 3-column CSV', () => {
  it('writes Date,Description,Amount, omits zero lines and keeps the invariant', () => {
    const rows = [
      ...octoberEu(),
      row({ category: 'capture', postedAt: '2026-10-12T10:00:00Z', amountMinor: 500, sellerOrderId: 'nofee' }),
    ];
    const { files } = exportQuickBooks({
      bookings: book(rows),
      currency: 'EUR',
      period: PERIOD,
      dateOrder: 'MM/DD/YYYY',
    });
    expect(files[0]!.name).toBe('quickbooks_EUR_2026-10.csv');
    const lines = utf8Lines(files[0]!.bytes);
    expect(lines[0]).toBe('Date,Description,Amount');
    let sum = 0;
    for (const line of lines.slice(1)) {
      const fields = rawFields(line, ',');
      expect(fields).toHaveLength(3);
      expect(fields[0]).toMatch(DATE_RULES['MM/DD/YYYY']);
      safe(fields[1]!);
      sum += cents(fields[2]!);
      expect(fields[2]).not.toMatch(/^-?0\.00$/);
    }
    expect(lines.filter((l) => l.includes('nofee'))).toEqual(['10/12/2026,Amazon Pay Capture nofee,5.00']);
    expect(sum).toBe(netOfOctoberEur(rows));
  });

  it('defaults to month first for NA accounts and day first elsewhere', () => {
    expect([defaultDateOrder('na'), defaultDateOrder('eu'), defaultDateOrder('jp')]).toEqual([
      'MM/DD/YYYY',
      'DD/MM/YYYY',
      'DD/MM/YYYY',
    ]);
  });

  it('writes JPY without decimals', () => {
    const jpy = [
      capture('2026-10-10T01:00:00Z', 12345, '1', { currency: 'JPY', percentageFeeMinor: -444, fixedFeeMinor: 0 }),
    ];
    const bookings = bookSettlementRows(jpy, {
      currency: 'JPY',
      period: PERIOD,
      timeZone: 'Asia/Tokyo',
      granularity: 'detailed',
    });
    const lines = utf8Lines(
      exportQuickBooks({ bookings, currency: 'JPY', period: PERIOD, dateOrder: 'DD/MM/YYYY' }).files[0]!.bytes,
    );
    expect(lines.slice(1).map((l) => rawFields(l, ',')[2])).toEqual(['12345', '-444']);
  });
});

describe('generic CSV', () => {
  const rows = octoberEu();
  const sha256 = 'a'.repeat(64);
  const input = {
    accountName: 'Shop EU',
    region: 'eu' as const,
    currency: 'EUR',
    period: PERIOD,
    timeZone: 'Europe/Berlin',
    delimiter: ';' as const,
    settlements: [
      {
        reportId: '50001018001',
        sha256,
        header: { SettlementStartDate: '2026-09-30T22:00:00 +0200', SettlementEndDate: '2026-11-01T00:00:00 +0100' },
        rows,
      },
    ],
  };

  it('writes one line per settlement row with every id, gross, fees, net, the file hash and the row number', () => {
    const { files } = exportGenericCsv(input);
    expect(files[0]!.name).toBe('amazon-pay_Shop-EU_EUR_2026-10.csv');
    expect([...files[0]!.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = utf8Lines(files[0]!.bytes.slice(3));
    expect(lines[0]!.split(';')).toEqual([...GENERIC_COLUMNS]);
    const body = lines.slice(1).map((l) => rawFields(l, ';'));
    const expected = rows.filter((r) => r.currency === 'EUR' && !['1000', '1006'].includes(r.sellerOrderId));
    expect(body.map((f) => Number(f[23]))).toEqual(expected.map((r) => r.line));
    const column = (name: (typeof GENERIC_COLUMNS)[number]) => GENERIC_COLUMNS.indexOf(name);
    for (const [i, fields] of body.entries()) {
      const source = expected[i]!;
      expect(fields).toHaveLength(24);
      expect(fields[column('source_file_sha256')]).toBe(sha256);
      expect(unquote(fields[column('amazon_transaction_id')]!)).toBe(source.amazonTransactionId);
      const [gross, pct, fixed, fee, net] = ['gross', 'fee_percentage', 'fee_fixed', 'fee_total', 'net'].map((n) =>
        cents(fields[column(n as 'net')]!),
      );
      expect([gross, pct, fixed, fee, net]).toEqual([
        source.amountMinor,
        source.percentageFeeMinor,
        source.fixedFeeMinor,
        source.feeMinor,
        source.netMinor,
      ]);
      expect(gross! + fee!).toBe(net);
      [column('seller_order_id'), column('store_name'), column('description'), column('type')].forEach((c) =>
        safe(fields[c]!),
      );
    }
    expect(body.reduce((sum, f) => sum + cents(f[column('net')]!), 0)).toBe(netOfOctoberEur(rows));
    expect(body[0]!.slice(0, 8)).toEqual([
      'Shop EU',
      'eu',
      '50001018001',
      '5984860001',
      '2026-09-30T22:00:00 +0200',
      '2026-11-01T00:00:00 +0100',
      '2026-09-30T22:00:00Z',
      '2026-10-01',
    ]);
    expect(lines.join('\n')).toContain('アマゾン ストア');
  });

  it('writes comma-separated when asked, quoting what needs it', () => {
    const lines = utf8Lines(exportGenericCsv({ ...input, delimiter: ',' }).files[0]!.bytes.slice(3));
    expect(lines[0]).toBe(GENERIC_COLUMNS.join(','));
    expect(lines.some((l) => l.includes('"\'=HYPERLINK(""http://x"")"'))).toBe(true);
  });
});
