import type { JobView, ReportView } from '@/utils/messaging/protocol';

export function report(overrides: Partial<ReportView> = {}): ReportView {
  return {
    reportId: 'A08439021T39K6DTX4JS8',
    reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_',
    startTime: '2026-11-01T00:00:00.000Z',
    endTime: '2026-11-02T00:00:00.000Z',
    createdTime: '2026-11-02T03:00:00.000Z',
    processingStatus: 'COMPLETED',
    reportDocumentId: 'amzn1.tortuga.3.doc.T3FKJJI01Y1E32',
    ...overrides,
  };
}

export function job(overrides: Partial<JobView> = {}): JobView {
  return {
    jobId: 'j1',
    batchId: 'b1',
    accountId: 'acc',
    reportId: 'A08439021T39K6DTX4JS8',
    state: 'queued',
    ...overrides,
  };
}
