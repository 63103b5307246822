import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { defaultScheduleForm } from '@/utils/archive/schedule-form';
import { ScheduleForm } from '@/entrypoints/options/sections/reports/ScheduleForm';
import { ScheduleList } from '@/entrypoints/options/sections/reports/ScheduleList';
import { schedulableTypes } from '@/utils/amazon-pay/report-types';
import type { ScheduleView } from '@/utils/messaging/protocol';
import { expectAccessible } from '../a11y';
import { NOW } from './fixtures';

const ORDER = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_';
const existing: ScheduleView[] = [
  {
    reportScheduleId: 'S1',
    reportType: ORDER,
    scheduleFrequency: 'P7D',
    nextReportCreationTime: '2026-11-21T06:00:00.000Z',
  },
];

describe('the schedule list', () => {
  it('lists type, readable frequency and next creation, and asks before cancelling', async () => {
    const onCancel = vi.fn();
    const { container } = render(<ScheduleList schedules={existing} onCancel={onCancel} busy={false} />);
    const cells = [...container.querySelectorAll('tbody td')].slice(0, 3).map((td) => td.textContent);
    expect(cells).toEqual(['Order reference', 'Every 7 days', expect.stringContaining('Nov 21, 2026')]);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel the Order reference schedule' }));
    expect(onCancel).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel the Order reference schedule' }));
    expect(onCancel).toHaveBeenCalledWith('S1');
    await expectAccessible(container);
  });

  it('can keep the schedule after all', () => {
    const onCancel = vi.fn();
    render(<ScheduleList schedules={existing} onCancel={onCancel} busy={false} />);
    fireEvent.click(screen.getByRole('button', { name: /Cancel the/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(screen.getByRole('button', { name: /Cancel the/ }).textContent).toBe('Cancel');
  });

  it('says when there is none', () => {
    render(<ScheduleList schedules={[]} onCancel={vi.fn()} busy={false} />);
    expect(screen.getByText('No schedule for this account.')).toBeTruthy();
  });
});

describe('the schedule form', () => {
  it("offers schedulable types, Amazon's frequencies, the next creation time and replacing", async () => {
    const onChange = vi.fn();
    const onSubmit = vi.fn();
    const { container } = render(
      <ScheduleForm
        types={schedulableTypes('live')}
        form={defaultScheduleForm(ORDER, NOW)}
        onChange={onChange}
        onSubmit={onSubmit}
        busy={false}
        problem="This report type already has a schedule"
      />,
    );
    const type = screen.getByLabelText('Report type') as HTMLSelectElement;
    expect([...type.options].map((o) => o.textContent)).not.toContain('Multi-currency');
    expect([...type.options].map((o) => o.textContent)).not.toContain('Settlement');
    const frequency = screen.getByLabelText('Frequency') as HTMLSelectElement;
    expect(frequency.options).toHaveLength(18);
    expect(frequency.selectedOptions[0]!.textContent).toBe('Every day');
    expect((screen.getByLabelText('Next creation') as HTMLInputElement).type).toBe('datetime-local');
    fireEvent.click(screen.getByLabelText('Replace the existing schedule of this type'));
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ replaceExisting: true }));
    expect(screen.getByRole('alert').textContent).toContain('already has a schedule');
    fireEvent.click(screen.getByRole('button', { name: 'Create schedule' }));
    expect(onSubmit).toHaveBeenCalled();
    await expectAccessible(container);
  });
});
