import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
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
