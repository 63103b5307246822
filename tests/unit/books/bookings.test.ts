import { describe, expect, it } from 'vitest';
import { bookSettlementRows } from '../../../utils/books/bookings';
import { ExportRefusedError } from '../../../utils/books/errors';
import { formatMinor, parseMinor } from '../../../utils/books/money';
import { monthPeriod } from '../../../utils/books/time-zone';
import { capture, netOfOctoberEur, octoberEu, row } from './fixtures';

const OPTIONS = { currency: 'EUR', period: monthPeriod(2026, 10), timeZone: 'Europe/Berlin' };

describe('bookings from settlement rows', () => {
  it('books gross and fee as separate lines, payouts to transit, reserves to reserve, unknown types to other', () => {
    const rows = octoberEu();
    const bookings = bookSettlementRows(rows, { ...OPTIONS, granularity: 'detailed' });
    const c = bookings.filter((b) => b.row?.sellerOrderId === '#1001');
    expect(c.map((b) => [b.kind, b.role, b.amountMinor])).toEqual([
      ['amount', 'receivables', 11900],
      ['fee', 'fees', -226 - 35],
    ]);
    expect(bookings.filter((b) => b.category === 'payout').map((b) => [b.role, b.amountMinor])).toEqual([
      ['transit', -100000],
    ]);
    expect(bookings.filter((b) => b.category === 'reserve').map((b) => [b.role, b.amountMinor])).toEqual([
      ['reserve', 2400],
      ['reserve', -3000],
    ]);
    expect(bookings.find((b) => b.category === 'other')?.role).toBe('other');
    expect(bookings.filter((b) => b.category === 'chargeback').map((b) => b.role)).toEqual(['disputes', 'fees']);
    expect(bookings.every((b) => b.amountMinor !== 0)).toBe(true);
  });

  it.each(['detailed', 'summary'] as const)(
    '%s: the clearing movements equal the net of the rows in the period',
    (granularity) => {
      const rows = octoberEu();
      const bookings = bookSettlementRows(rows, { ...OPTIONS, granularity });
      expect(bookings.reduce((sum, b) => sum + b.amountMinor, 0)).toBe(netOfOctoberEur(rows));
      expect(bookings.every((b) => b.date >= '2026-10-01' && b.date <= '2026-10-31' && b.currency === 'EUR')).toBe(
        true,
      );
    },
  );

  it('sorts by date and keeps each fee right after its amount', () => {
    const bookings = bookSettlementRows(octoberEu(), { ...OPTIONS, granularity: 'detailed' });
    const keys = bookings.map(
      (b) => `${b.date} ${String(b.row?.line).padStart(4, '0')} ${b.kind === 'amount' ? 0 : 1}`,
    );
    expect(keys).toEqual([...keys].sort());
  });

  it('summarises per settlement, category and kind, counting rows and never straddling a month', () => {
    const rows = [
      capture('2026-10-01T10:00:00Z', 1000, 'a'),
      capture('2026-10-02T10:00:00Z', 2000, 'b'),
      capture('2026-11-01T10:00:00Z', 3000, 'c'),
    ];
    const bookings = bookSettlementRows(rows, {
      ...OPTIONS,
      period: { from: '2026-10-01', to: '2026-11-30' },
      granularity: 'summary',
    });
    expect(bookings.map((b) => [b.date, b.kind, b.amountMinor, b.rowCount])).toEqual([
      ['2026-10-02', 'amount', 3000, 2],
      ['2026-10-02', 'fee', -19 - 38 - 70, 2],
      ['2026-11-01', 'amount', 3000, 1],
      ['2026-11-01', 'fee', -57 - 35, 1],
    ]);
  });

  it('refuses rows whose amount plus fee is not their net, naming their lines', () => {
    const broken = row({
      category: 'capture',
      postedAt: '2026-10-02T10:00:00Z',
      amountMinor: 1000,
      feeMinor: -59,
      netMinor: 950,
    });
    try {
      bookSettlementRows([capture('2026-10-02T10:00:00Z', 500, 'ok'), broken], { ...OPTIONS, granularity: 'detailed' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ExportRefusedError);
      expect((error as ExportRefusedError).details.lines).toEqual([broken.line]);
      expect((error as ExportRefusedError).userMessage).toContain(`lines ${broken.line}`);
    }
  });
});

describe('amounts in minor units', () => {
  it.each([
    [-1234, 'EUR', '.', '-12.34'],
    [5, 'USD', '.', '0.05'],
    [-5, 'EUR', ',', '-0,05'],
    [123456789, 'EUR', ',', '1234567,89'],
    [-1234, 'JPY', '.', '-1234'],
    [1234, 'KWD', '.', '1.234'],
    [0, 'GBP', '.', '0.00'],
  ] as const)('%i %s → %s', (minor, currency, separator, written) => {
    expect(formatMinor(minor, currency, separator)).toBe(written);
  });

  it('refuses what is not an integer', () => {
    expect(() => formatMinor(12.5, 'EUR')).toThrow(RangeError);
  });
});

describe('amounts read from text', () => {
  it.each([
    ['1000.50', 'EUR', '.', 100050],
    ['1,000.50', 'EUR', '.', 100050],
    ['1.000,50', 'EUR', ',', 100050],
    ['-45,1', 'EUR', ',', -4510],
    ['+7', 'EUR', '.', 700],
    ['1,234.00', 'JPY', '.', 1234],
    ['1 000,00', 'EUR', ',', 100000],
    ['1.000', 'EUR', '.', null], // three decimals for a two-decimal currency: refused, not one euro
    ['1.000,00', 'EUR', '.', null],
    ['1,00,000.00', 'EUR', '.', null],
    ['12.3.4', 'EUR', '.', null],
    ['', 'EUR', '.', null],
  ] as const)('%s %s (decimal %s) → %s', (text, currency, decimal, minor) => {
    expect(parseMinor(text, currency, decimal)).toBe(minor);
  });
});
