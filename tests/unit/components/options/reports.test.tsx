import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { CreateReportForm } from '@/entrypoints/options/sections/reports/CreateReportForm';
import { OnDemandList } from '@/entrypoints/options/sections/reports/OnDemandList';
import { defaultReportForm } from '@/utils/archive/report-range';
import { creatableTypes } from '@/utils/amazon-pay/report-types';
import type { JobView, OnDemandView } from '@/utils/messaging/protocol';
import { expectAccessible } from '../a11y';
import { job, NOW } from './fixtures';

const ORDER = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_';

function item(overrides: Partial<OnDemandView> = {}): OnDemandView {
  return {
    accountId: 'acc-1',
    reportId: 'R1',
    reportType: ORDER,
    startTime: '2026-11-01T00:00:00.000Z',
    endTime: '2026-11-07T23:59:59.000Z',
    requestedAt: '2026-11-20T11:00:00.000Z',
    status: 'IN_PROGRESS',
    ...overrides,
  };
}

describe('the create-report form', () => {
  it('offers only the types Amazon allows, never the live settlement', async () => {
    const onSubmit = vi.fn();
    const { container } = render(
      <CreateReportForm
        types={creatableTypes('live')}
        form={defaultReportForm(ORDER, NOW)}
        onChange={vi.fn()}
        onSubmit={onSubmit}
        busy={false}
        now={NOW}
        problem="The end date cannot be in the future."
      />,
    );
    const options = [...container.querySelectorAll('option')].map((o) => o.textContent);
    expect(options).toEqual(['Order reference', 'Billing agreement', 'Authorization', 'Refund', 'Multi-currency']);
    expect(screen.getByRole('alert').textContent).toBe('The end date cannot be in the future.');
    fireEvent.click(screen.getByRole('button', { name: 'Create report' }));
    expect(onSubmit).toHaveBeenCalled();
    await expectAccessible(container);
  });

  it('reports the chosen dates', () => {
    const onChange = vi.fn();
    render(
      <CreateReportForm
        types={creatableTypes('sandbox')}
        form={defaultReportForm('', NOW)}
        onChange={onChange}
        onSubmit={vi.fn()}
        busy={false}
        now={NOW}
      />,
    );
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2026-11-02' } });
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ from: '2026-11-02' }));
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Sandbox settlement']);
  });
});

describe('the requested reports', () => {
  const row = (container: Element, id: string) => container.querySelector(`tr[data-report-id="${id}"]`)!.textContent;

  it('follows each report to its download and explains a cancelled one', async () => {
    const jobs = new Map<string, JobView>([
      [
        'R2',
        job({
          reportId: 'R2',
          state: 'done',
          filename: '/d/AmazonPay/Shop/Order reference/2026-11-01_2026-11-07_R2.csv',
        }),
      ],
      ['R3', job({ reportId: 'R3', state: 'downloading', bytes: 2048 })],
    ]);
    const { container } = render(
      <OnDemandList
        jobs={jobs}
        items={[
          item(),
          item({ reportId: 'R2', status: 'COMPLETED' }),
          item({ reportId: 'R3', status: 'COMPLETED' }),
          item({ reportId: 'R4', status: 'CANCELLED' }),
          item({ reportId: 'R5', status: 'FAILED' }),
        ]}
      />,
    );
    expect(row(container, 'R1')).toContain('Amazon is preparing it…');
    expect(row(container, 'R1')).toContain('Downloads when ready');
    expect(row(container, 'R2')).toContain('Saved as Order reference/2026-11-01_2026-11-07_R2.csv');
    expect(row(container, 'R3')).toContain('Downloading 2 KB');
    expect(row(container, 'R4')).toContain('Cancelled: no data in that range');
    expect(row(container, 'R5')).toContain('Amazon could not create it');
    expect(row(container, 'R1')).toContain('Order reference');
    await expectAccessible(container);
  });

  it('says when nothing was requested', () => {
    render(<OnDemandList items={[]} jobs={new Map()} />);
    expect(screen.getByText(/No report requested from this browser/)).toBeTruthy();
  });
});
