import { describe, expect, it } from 'vitest';
import {
  creatableTypes,
  MULTI_CURRENCY,
  REPORT_TYPES,
  reportTypeInfo,
  SANDBOX_SETTLEMENT,
  schedulableTypes,
  SETTLEMENT,
  typesFor,
} from '@/utils/amazon-pay/report-types';
import { checkCreateRules, checkScheduleRules } from '@/utils/archive/report-rules';
import { reportTypeShortName } from '@/utils/downloads/filenames';

const short = (types: string[]) => types.map((type) => reportTypeShortName(type));

describe('REPORT_TYPES', () => {
  it('names every type once, by API name and by file-name part', () => {
    expect(new Set(REPORT_TYPES.map((info) => info.apiName)).size).toBe(REPORT_TYPES.length);
    expect(new Set(REPORT_TYPES.map((info) => info.shortName)).size).toBe(REPORT_TYPES.length);
    expect(new Set(REPORT_TYPES.map((info) => info.messageKey)).size).toBe(REPORT_TYPES.length);
  });

  it('gives sandbox accounts the sandbox settlement only, and live accounts every other type', () => {
    expect(typesFor('sandbox')).toEqual([SANDBOX_SETTLEMENT]);
    expect(typesFor('live')).toHaveLength(REPORT_TYPES.length - 1);
    expect(typesFor('live')).not.toContain(SANDBOX_SETTLEMENT);
  });

  it('offers on demand and on a schedule what Amazon creates that way', () => {
    expect(short(creatableTypes('live'))).toEqual([
      'OrderReference',
      'BillingAgreement',
      'Authorization',
      'Refund',
      'MultiCurrency',
    ]);
    expect(short(schedulableTypes('live'))).toEqual(['OrderReference', 'BillingAgreement', 'Authorization', 'Refund']);
    expect(creatableTypes('sandbox')).toEqual([SANDBOX_SETTLEMENT]);
    expect(schedulableTypes('sandbox')).toEqual([SANDBOX_SETTLEMENT]);
  });

  it('is the table the rules enforce: every type the table calls creatable passes, every other is refused', () => {
    const account = { environment: 'live' } as Parameters<typeof checkCreateRules>[0]['account'];
    const range = { startTime: new Date('2024-01-01'), endTime: new Date('2024-01-02'), now: Date.parse('2024-02-01') };
    for (const type of typesFor('live')) {
      const create = () => checkCreateRules({ account, reportType: type, ...range });
      const schedule = () =>
        checkScheduleRules({
          account,
          reportType: type,
          scheduleFrequency: 'P1D',
          existing: 0,
          deleteExistingSchedule: false,
        });
      if (reportTypeInfo(type)!.creatable) expect(create).not.toThrow();
      else expect(create).toThrow();
      if (reportTypeInfo(type)!.schedulable) expect(schedule).not.toThrow();
      else expect(schedule).toThrow();
    }
  });

  it('knows nothing of a type Amazon adds later', () => {
    expect(reportTypeInfo('_GET_SOMETHING_NEW_')).toBeUndefined();
    expect([SETTLEMENT, MULTI_CURRENCY].map((type) => reportTypeInfo(type)?.shortName)).toEqual([
      'Settlement',
      'MultiCurrency',
    ]);
  });
});
