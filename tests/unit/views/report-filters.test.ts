import { describe, expect, it } from 'vitest';
import type { ReportView } from '@/utils/messaging/protocol';
import { applyFilters, choicesOnly, DEFAULT_FILTERS, expiringUnarchived } from '@/utils/views/report-filters';

const DAY = 86_400_000;
const now = Date.parse('2026-11-27T12:00:00Z');

function report(id: string, daysAgo: number, overrides: Partial<ReportView> = {}): ReportView {
  const created = new Date(now - daysAgo * DAY).toISOString();
  return {
    reportId: id,
    reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_',
    startTime: created,
    endTime: created,
    createdTime: created,
    processingStatus: 'COMPLETED',
    ...overrides,
  };
}

const reports = [
  report('OLD', 60),
  report('NEW', 1),
  report('REFUND', 10, { reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_' }),
  report('FAILED', 3, { processingStatus: 'FAILED' }),
];
const ids = (list: ReportView[]) => list.map((r) => r.reportId);

describe('report filters', () => {
  it.each([
    [{}, ['NEW', 'FAILED', 'REFUND', 'OLD']],
    [{ period: '7' as const }, ['NEW', 'FAILED']],
    [{ period: '30' as const }, ['NEW', 'FAILED', 'REFUND']],
    [{ types: ['_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_'] }, ['REFUND']],
    [{ status: 'FAILED' as const }, ['FAILED']],
    [{ search: 're' }, ['REFUND']],
    [{ period: 'custom' as const, from: '2026-11-15', to: '2026-11-25' }, ['FAILED', 'REFUND']],
    [{ period: 'custom' as const }, ['NEW', 'FAILED', 'REFUND', 'OLD']],
  ])('with %o shows %o, newest first', (patch, expected) => {
    expect(ids(applyFilters(reports, { ...DEFAULT_FILTERS, ...patch }, now))).toEqual(expected);
  });

  it('counts completed, unarchived reports within 7 days of deletion', () => {
    const list = [
      report('EXPIRING', 85),
      report('ARCHIVED', 86, { downloaded: { filename: 'x.csv', downloadedAt: '' } }),
      report('FAILED_OLD', 88, { processingStatus: 'FAILED' }),
      report('SAFE', 80),
    ];
    expect(ids(expiringUnarchived(list, now))).toEqual(['EXPIRING']);
  });
});

describe('filters of a view without text fields (the Seller Central panel)', () => {
  it('drops a search and typed dates remembered from the popup, keeping the choices', () => {
    const remembered = {
      ...DEFAULT_FILTERS,
      search: 'NEW',
      period: 'custom' as const,
      from: '2026-01-01',
      status: 'COMPLETED' as const,
    };
    const shown = applyFilters(reports, choicesOnly(remembered), now).map((r) => r.reportId);
    expect(shown).toEqual(['NEW', 'REFUND', 'OLD']);
  });
});
