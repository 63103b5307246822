import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { RunProgress } from '@/utils/bulk/run';
import { attemptsExhausted } from '@/utils/downloads/interrupts';
import { BulkRunView } from '@/entrypoints/options/sections/bulk/BulkRunView';
import type { JobView } from '@/utils/messaging/protocol';
import { expectAccessible } from '../a11y';
import { account, job } from './fixtures';

const running: RunProgress = { total: 4, done: 1, failed: 1, cancelled: 0, live: 2, paused: false };
const jobs: JobView[] = [
  job({
    jobId: '1',
    reportId: 'R1',
    state: 'done',
    bytes: 2048,
    filename: '/home/m/Downloads/AmazonPay/Demo Shop/Settlement/2026-11-01_2026-11-02_R1.csv',
  }),
  job({
    jobId: '2',
    reportId: 'R2',
    state: 'failed',
    error: attemptsExhausted('SERVER_FORBIDDEN', 5),
  }),
  job({ jobId: '3', reportId: 'R3', state: 'downloading', bytes: 100 }),
  job({
    jobId: '4',
    reportId: 'R4',
    state: 'queued',
    filename: 'AmazonPay/Demo Shop/Refund/2026-11-01_2026-11-02_R4.csv',
  }),
];

function renderRun(progress: RunProgress, skipped = 0) {
  const actions = { onPause: vi.fn(), onResume: vi.fn(), onCancel: vi.fn(), onRetryFailed: vi.fn(), onNew: vi.fn() };
  const failures = [{ reason: 'Amazon kept refusing the link.', reportIds: ['R2'] }];
  const view = render(
    <BulkRunView
      progress={progress}
      failures={progress.failed ? failures : []}
      jobs={jobs}
      accounts={[account()]}
      skipped={skipped}
      {...actions}
    />,
  );
  return { ...view, ...actions };
}

describe('a running bulk download', () => {
  it('shows one bar, the controls, the failures by reason and every report', async () => {
    const { container, onPause, onCancel, onRetryFailed } = renderRun(running, 3);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuemax')).toBe('4');
    expect(screen.getByText('Downloading: 1 of 4 saved.')).toBeTruthy();
    expect(screen.getByText(/3 reports were left out/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel the rest' }));
    const failures = screen.getByRole('region', { name: 'Failed downloads' });
    expect(failures.textContent).toContain('1 ×');
    expect(failures.textContent).toContain('Amazon kept refusing the link.');
    fireEvent.click(within(failures).getByRole('button', { name: 'Retry failed' }));
    expect([onPause, onCancel, onRetryFailed].map((f) => f.mock.calls.length)).toEqual([1, 1, 1]);
    await expectAccessible(container);
  });

  it('lists each report with its state, size, file and problem', () => {
    renderRun(running);
    const table = screen.getByRole('table', { name: 'Reports in this bulk download' });
    const row = (id: string) => table.querySelector(`tr[data-report-id="${id}"]`)!;
    expect([...row('R1').querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      'Demo Shop',
      'R1',
      'Saved',
      '2 KB',
      'Settlement/2026-11-01_2026-11-02_R1.csv',
      '',
    ]);
    expect(row('R2').textContent).toContain('The download kept failing (SERVER_FORBIDDEN) after 5 attempts.');
    expect(row('R3').textContent).toContain('Downloading…');
    expect(row('R4').textContent).toContain('Refund/2026-11-01_2026-11-02_R4.csv');
  });

  it('offers Resume when paused', async () => {
    const { container, onResume } = renderRun({ ...running, paused: true });
    expect(screen.getByText('Paused at 1 of 4. Resume to go on.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(onResume).toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
    await expectAccessible(container);
  });

  it('sums up when finished and offers a new run', async () => {
    const { container, onNew } = renderRun({ total: 4, done: 3, failed: 1, cancelled: 0, live: 0, paused: false });
    expect(screen.getByText('Finished: 3 saved, 1 failed, 0 cancelled.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
    expect(screen.getByRole('link', { name: 'See them in the archive history' }).getAttribute('href')).toBe('#history');
    fireEvent.click(screen.getByRole('button', { name: 'New bulk download' }));
    expect(onNew).toHaveBeenCalled();
    await expectAccessible(container);
  });

  it('says why the background stopped the batch', () => {
    renderRun({ ...running, paused: true, stoppedReason: 'The disk is full.' });
    expect(screen.getByText('The download stopped by itself')).toBeTruthy();
    expect(screen.getByText('The disk is full.')).toBeTruthy();
  });
});
