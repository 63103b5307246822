import { describe, expect, it } from 'vitest';
import { documentFromWire, reportFromWire, scheduleFromWire } from '@/utils/amazon-pay/response-decoder';
import { BadResponseError } from '@/utils/amazon-pay/errors';

const wireReport = {
  reportId: 'A08439021T39K6DTX4JS8',
  reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_',
  startTime: '20221118T150630Z',
  endTime: '2022-12-02T15:03:50Z',
  createdTime: '20221207T170826Z',
  processingStatus: 'COMPLETED',
  processingStartTime: '20221207T170826Z',
  processingEndTime: '20221207T170826Z',
  reportDocumentId: 'amzn1.tortuga.3.45ee712dc-3512-6cbd-ad71-ab3cb4cffef7.T3FKJJI01Y1E32',
};

describe('reportFromWire', () => {
  it('parses compact and extended dates into Dates', () => {
    const report = reportFromWire(wireReport);
    expect(report.startTime).toEqual(new Date('2022-11-18T15:06:30Z'));
    expect(report.endTime).toEqual(new Date('2022-12-02T15:03:50Z'));
    expect(report.processingEndTime).toBeInstanceOf(Date);
    expect(report.reportDocumentId).toBe(wireReport.reportDocumentId);
  });

  it('leaves absent optional fields undefined', () => {
    const { processingStartTime: _s, processingEndTime: _e, reportDocumentId: _d, ...pending } = wireReport;
    const report = reportFromWire({ ...pending, processingStatus: 'IN_PROGRESS' });
    expect([report.processingStartTime, report.processingEndTime, report.reportDocumentId]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('reads an empty optional text or date as absent, and names the field it could not read', () => {
    const report = reportFromWire({ ...wireReport, processingStartTime: '', reportDocumentId: '' });
    expect([report.processingStartTime, report.reportDocumentId]).toEqual([undefined, undefined]);
    expect(() => reportFromWire({ ...wireReport, createdTime: 'soon' })).toThrow('unexpected report (createdTime)');
  });

  it.each([
    ['a missing id', { ...wireReport, reportId: undefined }],
    ['an unreadable date', { ...wireReport, startTime: '2022-11-18 15:06' }],
    ['an unreadable optional date', { ...wireReport, processingEndTime: 'yesterday' }],
    ['an optional date that is not text', { ...wireReport, processingStartTime: 1668783990 }],
    ['an empty id', { ...wireReport, reportId: '' }],
    ['a non-object', 'nope'],
  ])('rejects %s with BadResponseError', (_what, wire) => {
    expect(() => reportFromWire(wire)).toThrow(BadResponseError);
  });
});

describe('documentFromWire and scheduleFromWire', () => {
  it('parse the documented shapes', () => {
    expect(documentFromWire({ reportDocumentId: 'd1', url: 'https://x/y', compressionAlgorithm: 'N/A' })).toEqual({
      reportDocumentId: 'd1',
      url: 'https://x/y',
      compressionAlgorithm: 'N/A',
    });
    expect(
      scheduleFromWire({
        reportScheduleId: '68973459224',
        reportType: 'T',
        scheduleFrequency: 'P1D',
        nextReportCreationTime: '20221118T150630Z',
      }),
    ).toEqual({
      reportScheduleId: '68973459224',
      reportType: 'T',
      scheduleFrequency: 'P1D',
      nextReportCreationTime: new Date('2022-11-18T15:06:30Z'),
    });
  });

  it('rejects a document without url', () => {
    expect(() => documentFromWire({ reportDocumentId: 'd1' })).toThrow(BadResponseError);
  });
});
