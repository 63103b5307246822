import { describe, expect, it } from 'vitest';
import { defaultReportForm, rangeProblem, toRange } from '@/utils/archive/report-range';
import { NOW } from '../components/options/fixtures';

const ORDER = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_';

describe('the report range', () => {
  it.each([
    [{ reportType: '' }, 'reportNeedType'],
    [{ from: '' }, 'periodMissing'],
    [{ to: '2026-11-21' }, 'periodFuture'],
    [{ from: '2026-11-10', to: '2026-11-09' }, 'periodReversed'],
    [{ from: '2026-11-20', to: '2026-11-20' }, undefined],
    [{}, undefined],
  ])('%o → %s', (patch, problem) => {
    expect(rangeProblem({ ...defaultReportForm(ORDER, NOW), ...patch }, NOW)).toBe(problem);
  });

  it('is empty when today has not started yet (just after midnight UTC)', () => {
    const justAfterMidnight = Date.parse('2026-11-20T00:00:30Z');
    expect(rangeProblem({ reportType: ORDER, from: '2026-11-20', to: '2026-11-20' }, justAfterMidnight)).toBe(
      'reportRangeEmpty',
    );
  });

  it('covers whole UTC days and never ends in the future', () => {
    expect(toRange({ reportType: ORDER, from: '2026-11-01', to: '2026-11-07' }, NOW)).toEqual({
      startTime: '2026-11-01T00:00:00.000Z',
      endTime: '2026-11-07T23:59:59.000Z',
    });
    expect(toRange({ reportType: ORDER, from: '2026-11-19', to: '2026-11-20' }, NOW).endTime).toBe(
      '2026-11-20T11:59:00.000Z',
    );
  });
});
