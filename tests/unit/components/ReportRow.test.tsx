import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ReportList } from '@/components/ReportList';
import type { JobView } from '@/utils/messaging/protocol';
import { expectAccessible } from './a11y';
import { job, report } from './fixtures';

function renderRow(reportOverrides = {}, jobState?: Partial<JobView>, downloadAgain?: boolean) {
  const onDownload = vi.fn();
  const onShow = vi.fn();
  const r = report(reportOverrides);
  const jobs = new Map(jobState ? [[r.reportId, job(jobState)]] : []);
  const view = render(
    <ReportList
      reports={[r]}
      jobs={jobs}
      emptyText="none"
      onDownload={onDownload}
      onShow={onShow}
      downloadAgain={downloadAgain}
    />,
  );
  return { ...view, onDownload, onShow };
}

describe('a report row in the Seller Central panel (no "download again")', () => {
  const saved = { downloaded: { filename: 'R1.csv', downloadedAt: '2026-11-03T00:00:00Z' } };

  it('shows an archived report as saved, with nothing that would fetch it again', async () => {
    const { container } = renderRow(saved, undefined, false);
    expect(screen.queryByRole('button')).toBeNull();
    expect(container.querySelector('.report-action')?.textContent).toBe('Saved');
    await expectAccessible(container);
  });

  it('retries a failed download without forcing it', () => {
    const { onDownload } = renderRow(saved, { state: 'failed' }, false);
    fireEvent.click(screen.getByRole('button', { name: /Retry/ }));
    expect(onDownload).toHaveBeenCalledWith('A08439021T39K6DTX4JS8', false);
  });
});

describe('a report row', () => {
  it('shows the readable type, period, created date and status, and downloads on click', async () => {
    const { container, onDownload } = renderRow();
    expect(screen.getByText('Settlement')).toBeTruthy();
    expect(screen.getByText('Completed')).toBeTruthy();
    expect(container.textContent).toContain('Nov 1, 2026 – Nov 2, 2026');
    fireEvent.click(screen.getByRole('button', { name: /Download Settlement report A08439021T39K6DTX4JS8/ }));
    expect(onDownload).toHaveBeenCalledWith('A08439021T39K6DTX4JS8', false);
    await expectAccessible(container);
  });

  it.each(['IN_PROGRESS', 'FAILED', 'CANCELLED'] as const)('cannot download a %s report', async (status) => {
    const { container } = renderRow({ processingStatus: status });
    expect((screen.getByRole('button', { name: /Download/ }) as HTMLButtonElement).disabled).toBe(true);
    await expectAccessible(container);
  });

  it.each([
    [{ state: 'queued' } as const, 'Waiting…'],
    [{ state: 'requesting-url' } as const, 'Requesting link…'],
    [{ state: 'downloading', bytes: 2048 } as const, 'Downloading 2 KB'],
    [{ state: 'downloading' } as const, 'Downloading…'],
  ])('shows the live state %o', async (state, text) => {
    const { container } = renderRow({}, state);
    expect(screen.getByText(text)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    await expectAccessible(container);
  });

  it('offers Show in folder when done', async () => {
    const { container, onShow } = renderRow({}, { state: 'done', downloadId: 7 });
    fireEvent.click(screen.getByRole('button', { name: 'Show in folder' }));
    expect(onShow).toHaveBeenCalledWith(7);
    await expectAccessible(container);
  });

  it('shows why a download failed and retries it', async () => {
    const { container, onDownload } = renderRow(
      {},
      { state: 'failed', error: { code: 'FILE_NO_SPACE', userMessage: 'Your disk is full' } },
    );
    expect(container.textContent).toContain('Failed: Your disk is full');
    fireEvent.click(screen.getByRole('button', { name: /Retry/ }));
    expect(onDownload).toHaveBeenCalledWith('A08439021T39K6DTX4JS8', true);
    await expectAccessible(container);
  });

  it('says where an archived report was saved and offers to download it again', async () => {
    const { container, onDownload } = renderRow({
      downloaded: { filename: '/home/m/AmazonPay/Shop/Settlement/a.csv', downloadedAt: '2026-11-03T00:00:00Z' },
    });
    expect(screen.getByText('Saved as a.csv')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Download Settlement/ }));
    expect(onDownload).toHaveBeenCalledWith('A08439021T39K6DTX4JS8', true);
    await expectAccessible(container);
  });

  it('says so when nothing matches', () => {
    render(
      <ReportList
        reports={[]}
        jobs={new Map()}
        emptyText="No reports match these filters."
        onDownload={vi.fn()}
        onShow={vi.fn()}
      />,
    );
    expect(screen.getByText('No reports match these filters.')).toBeTruthy();
  });
});

describe('a long list', () => {
  it('paints the first rows at once and the rest right after', async () => {
    const reports = Array.from({ length: 60 }, (_, i) => report({ reportId: `R${i}` }));
    const { container } = render(
      <ReportList reports={reports} jobs={new Map()} emptyText="none" onDownload={vi.fn()} onShow={vi.fn()} />,
    );
    expect(container.querySelectorAll('li.report')).toHaveLength(25);
    await new Promise((r) => setTimeout(r, 100));
    expect(container.querySelectorAll('li.report')).toHaveLength(60);
  });
});

describe('a finished row where the folder cannot be opened', () => {
  it('says Saved without a Show in folder button', () => {
    const r = report();
    render(
      <ReportList
        reports={[r]}
        jobs={new Map([[r.reportId, job({ state: 'done', downloadId: 3 })]])}
        emptyText="none"
        onDownload={vi.fn()}
      />,
    );
    expect(screen.getByText('Saved')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show in folder' })).toBeNull();
  });
});
