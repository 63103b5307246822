import { describe, expect, it } from 'vitest';
import { readCachedReports, writeCachedReports } from '@/utils/amazon-pay/report-cache';
import type { Report } from '@/utils/amazon-pay/types';

function report(id: string): Report {
  return {
    reportId: id,
    reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_',
    startTime: new Date('2024-01-01T00:00:00Z'),
    endTime: new Date('2024-01-02T00:00:00Z'),
    createdTime: new Date('2024-01-02T01:00:00Z'),
    processingStatus: 'COMPLETED',
    reportDocumentId: `doc-${id}`,
  };
}

describe('report cache', () => {
  it('round-trips per account with Dates intact', async () => {
    await writeCachedReports('acc-a', [report('1'), report('2')], 1234);
    await writeCachedReports('acc-b', [report('3')], 5678);
    const a = await readCachedReports('acc-a');
    expect(a?.fetchedAt).toBe(1234);
    expect(a?.reports.map((r) => r.reportId)).toEqual(['1', '2']);
    expect(a?.reports[0]?.startTime).toBeInstanceOf(Date);
    expect(a?.reports[0]?.startTime.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect((await readCachedReports('acc-b'))?.reports).toEqual([report('3')]);
    expect(await readCachedReports('acc-none')).toBeUndefined();
  });
});
