import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { historyCsv, newestFirst, searchEntries } from '@/entrypoints/options/sections/history/history-csv';
import { fromArchiveFolder, HistoryTable } from '@/entrypoints/options/sections/history/HistoryTable';
import type { HistoryView } from '@/utils/messaging/protocol';
import { expectAccessible } from '../a11y';

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

describe('the history table', () => {
  it.each([
    ['/home/m/Downloads/AmazonPay/Shop/Refund/a.csv', 'AmazonPay/Shop/Refund/a.csv'],
    ['C:\\Users\\m\\Downloads\\AmazonPay\\Shop\\a.csv', 'AmazonPay\\Shop\\a.csv'],
    ['AmazonPay/Shop/a.csv', 'AmazonPay/Shop/a.csv'],
    ['/home/m/NotAmazonPay/a.csv', '/home/m/NotAmazonPay/a.csv'],
  ])('shows %s from the archive folder on', (path, shown) => {
    expect(fromArchiveFolder(path)).toBe(shown);
  });

  it('lists when, which report, which file and how big, and exports', async () => {
    const onExport = vi.fn();
    const { container } = render(
      <HistoryTable entries={[entry()]} totalCount={3} search="R1" onSearch={vi.fn()} onExport={onExport} />,
    );
    const cells = [...container.querySelectorAll('tbody td')].map((td) => td.textContent);
    expect(cells).toEqual([
      expect.stringContaining('Nov 3, 2026'),
      'Settlement R1',
      'AmazonPay/Demo Shop/Settlement/2026-11-01_2026-11-02_R1.csv',
      '2 KB',
    ]);
    expect(container.querySelector('td.file')!.getAttribute('title')).toBe(entry().finalPath);
    expect(screen.getByRole('status').textContent).toBe('1 of 3 reports');
    fireEvent.click(screen.getByRole('button', { name: 'Export as CSV' }));
    expect(onExport).toHaveBeenCalled();
    await expectAccessible(container);
  });

  it('searches as the merchant types', () => {
    const onSearch = vi.fn();
    render(<HistoryTable entries={[]} totalCount={3} search="" onSearch={onSearch} onExport={vi.fn()} />);
    fireEvent.input(screen.getByLabelText('Search'), { target: { value: 'refund' } });
    expect(onSearch).toHaveBeenCalledWith('refund');
  });

  it.each([
    [0, 'Nothing archived yet for this account'],
    [3, 'No archived report matches this search.'],
  ])('tells an empty account from an empty search (%i archived)', async (total, text) => {
    const { container } = render(
      <HistoryTable entries={[]} totalCount={total} search="zzz" onSearch={vi.fn()} onExport={vi.fn()} />,
    );
    expect(container.textContent).toContain(text);
    expect((screen.getByRole('button', { name: 'Export as CSV' }) as HTMLButtonElement).disabled).toBe(true);
    await expectAccessible(container);
  });
});
