import { describe, expect, it } from 'vitest';
import { defaultAccountingSettings } from '../../../utils/books/accounting-settings';
import { lastFullMonth, runExport } from '../../../utils/books/export-run';
import { reportIdFromFileName } from '../../../utils/books/ledger-source';
import { capture } from './fixtures';

const settlement = {
  reportId: 'R1',
  sha256: 'ab',
  header: {},
  rows: [capture('2026-02-10T10:00:00Z', 10_000, '1001')],
};
const choice = {
  format: 'xero' as const,
  currency: 'EUR',
  period: { from: '2026-02-01', to: '2026-02-28' },
  granularity: 'detailed' as const,
  dateOrder: 'DD/MM/YYYY' as const,
};
const account = { label: 'EU Shop', region: 'eu' as const };
const settings = { ...defaultAccountingSettings('eu'), sellerId: 'A2EUSELLER' };

describe('one export run', () => {
  it('takes the last full month in the accounting time zone', () => {
    // 1 March 00:30 in Berlin is still 28 February in UTC and in Los Angeles.
    const now = new Date('2026-02-28T23:30:00Z');
    expect(lastFullMonth('Europe/Berlin', now)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(lastFullMonth('America/Los_Angeles', now)).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(lastFullMonth('Asia/Tokyo', new Date('2026-01-10T00:00:00Z'))).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    });
  });

  it('refuses without a seller id and with a reversed period, each with its reason', () => {
    expect(() => runExport([settlement], account, { ...settings, sellerId: '' }, choice, new Date())).toThrow(
      expect.objectContaining({ code: 'export-refused', details: { reason: 'no-seller' } }),
    );
    const reversed = { ...choice, period: { from: '2026-03-01', to: '2026-02-01' } };
    expect(() => runExport([settlement], account, settings, reversed, new Date())).toThrow(
      expect.objectContaining({ details: { reason: 'period-reversed' } }),
    );
  });

  it('books the rows of every settlement into the chosen format', () => {
    const result = runExport([settlement, settlement], account, settings, choice, new Date());
    expect(result.files.map((f) => [f.name, f.lineCount])).toEqual([['xero_EUR_2026-02.csv', 4]]);
  });

  it("reads the report id from the download's file name, nothing from other names", () => {
    expect(reportIdFromFileName('AmazonPay/Shop/Settlement/2026-02-01_2026-02-07_5511223344.csv')).toBe('5511223344');
    expect(reportIdFromFileName('settlement-us.csv')).toBe('');
  });
});
