import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { ReportList } from '@/components/ReportList';
import { PreviewTable } from '@/entrypoints/options/sections/bulk/PreviewTable';
import type { AccountView } from '@/utils/messaging/protocol';
import { setUiLanguage } from '@/tests/unit/setup/components';
import { job, report } from '../fixtures';

const rows = (overrides = {}) => {
  const r = report();
  return render(
    <ReportList reports={[r]} jobs={new Map([[r.reportId, job(overrides)]])} emptyText="" onDownload={() => {}} />,
  );
};

describe('dates, sizes and counts in the UI language', () => {
  it('German: day.month.year, decimal comma, thousands dot', () => {
    setUiLanguage('de');
    const { container } = rows({ state: 'downloading', bytes: 1.5 * 1024 * 1024 });
    expect(container.textContent).toContain('01.11.2026 – 02.11.2026');
    expect(container.textContent).toContain('Wird heruntergeladen: 1,5 MB');
    const account = { id: 'a', label: 'Shop' } as AccountView;
    render(
      <PreviewTable
        accounts={[account]}
        preview={{ perAccount: [{ accountId: 'a', matching: 1234, archived: 34 }] } as never}
      />,
    );
    expect(screen.getByRole('cell', { name: '1.234' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '1.200' })).toBeTruthy();
  });

  it('Japanese: year/month/day with the range mark; French sizes in octets', () => {
    setUiLanguage('ja');
    expect(rows().container.textContent).toContain('2026/11/01～2026/11/02');
    setUiLanguage('fr');
    const { container } = rows({ state: 'downloading', bytes: 2048 });
    expect(container.textContent).toContain('Téléchargement\u00a0: 2\u00a0Ko');
  });
});
