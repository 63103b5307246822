import { describe, expect, it } from 'vitest';
import { defaultScheduleForm, frequencyLabel, localInputValue, scheduleProblem } from '@/utils/archive/schedule-form';
import type { ScheduleView } from '@/utils/messaging/protocol';
import { NOW } from '../components/options/fixtures';
import '../setup/ui-language';

const ORDER = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_';
const existing: ScheduleView[] = [
  {
    reportScheduleId: 'S1',
    reportType: ORDER,
    scheduleFrequency: 'P7D',
    nextReportCreationTime: '2026-11-21T06:00:00.000Z',
  },
];

describe('schedule rules', () => {
  it.each([
    ['PT5M', 'Every 5 minutes'],
    ['PT1H', 'Every hour'],
    ['PT84H', 'Every 84 hours'],
    ['PT24H', 'Every 24 hours'],
    ['P1D', 'Every day'],
    ['P14D', 'Every 14 days'],
    ['weird', 'weird'],
  ])('labels %s as "%s"', (frequency, label) => {
    expect(frequencyLabel(frequency)).toBe(label);
  });

  it('refuses a second schedule of a type unless it replaces the first', () => {
    const form = defaultScheduleForm(ORDER, NOW);
    expect(scheduleProblem(form, existing, NOW)).toBe('scheduleExists');
    expect(scheduleProblem({ ...form, replaceExisting: true }, existing, NOW)).toBeUndefined();
    expect(scheduleProblem(form, [], NOW)).toBeUndefined();
  });

  it.each([
    [{ reportType: '' }, 'reportNeedType'],
    [{ scheduleFrequency: 'P9D' }, 'scheduleNeedFrequency'],
    [{ nextCreation: 'soon' }, 'scheduleBadTime'],
    [{ nextCreation: localInputValue(NOW - 60_000) }, 'scheduleTimePast'],
    [{ nextCreation: '' }, undefined],
  ])('%o → %s', (patch, problem) => {
    expect(scheduleProblem({ ...defaultScheduleForm(ORDER, NOW), ...patch }, [], NOW)).toBe(problem);
  });

  it('proposes a day from the next full hour, daily', () => {
    const form = defaultScheduleForm(ORDER, NOW + 60_000);
    expect(new Date(form.nextCreation).getTime()).toBe(NOW + 3_600_000 + 86_400_000);
    expect(form.scheduleFrequency).toBe('P1D');
  });
});
