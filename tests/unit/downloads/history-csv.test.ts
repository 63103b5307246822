import { describe, expect, it } from 'vitest';
import { historyCsv, newestFirst, searchEntries } from '@/utils/downloads/history-csv';
import type { HistoryView } from '@/utils/messaging/protocol';
import '../setup/ui-language';

function entry(overrides: Partial<HistoryView> = {}): HistoryView {
  return {
    accountId: 'acc-1',
    reportId: 'R1',
    reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_',
    finalPath: '/home/m/Downloads/AmazonPay/Demo Shop/Settlement/2026-11-01_2026-11-02_R1.csv',
    bytes: 2048,
    downloadedAt: '2026-11-03T10:00:00.000Z',
    ...overrides,
  };
}

describe('the history CSV', () => {
  it('has the agreed columns, a byte-order mark and CRLF rows', () => {
    const csv = historyCsv(
      [entry(), entry({ reportId: 'R2', finalPath: 'C:\\Reports\\a,"b".csv', bytes: 7 })],
      () => 'Shop, "Main"',
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'accountLabel,reportId,reportType,downloadedAt,file,bytes',
      '"Shop, ""Main""",R1,_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_,2026-11-03T10:00:00.000Z,/home/m/Downloads/AmazonPay/Demo Shop/Settlement/2026-11-01_2026-11-02_R1.csv,2048',
      '"Shop, ""Main""",R2,_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_,2026-11-03T10:00:00.000Z,"C:\\Reports\\a,""b"".csv",7',
      '',
    ]);
  });

  it('writes a label, file or type that starts like a formula as text', () => {
    const csv = historyCsv(
      [entry({ reportType: '=HYPERLINK("https://evil.example")', finalPath: '@SUM(1+1)' })],
      () => '+Shop',
    );
    expect(csv.slice(1).split('\r\n')[1]).toBe(
      `'+Shop,R1,"'=HYPERLINK(""https://evil.example"")",2026-11-03T10:00:00.000Z,'@SUM(1+1),2048`,
    );
  });

  it('finds entries by report ID, file or readable type, ignoring case', () => {
    const entries = [
      entry(),
      entry({
        reportId: 'X9',
        reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_',
        finalPath: '/x/Refund/b.csv',
      }),
    ];
    expect(searchEntries(entries, 'x9').map((e) => e.reportId)).toEqual(['X9']);
    expect(searchEntries(entries, 'REFUND').map((e) => e.reportId)).toEqual(['X9']);
    expect(searchEntries(entries, 'settlement').map((e) => e.reportId)).toEqual(['R1']);
    expect(searchEntries(entries, '  ')).toHaveLength(2);
  });

  it('puts the newest download first', () => {
    const order = newestFirst([
      entry({ reportId: 'old', downloadedAt: '2026-11-01T00:00:00Z' }),
      entry({ reportId: 'new' }),
    ]);
    expect(order.map((e) => e.reportId)).toEqual(['new', 'old']);
  });
});
