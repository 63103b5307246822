import type { ScheduleFrequency } from '../../amazon-pay/types';
import { checkScheduleRules } from '../../archive/report-rules';
import type { Handlers } from '../router';
import type { Services } from '../services';

export function scheduleHandlers(
  services: Services,
): Pick<Handlers, 'listSchedules' | 'createSchedule' | 'cancelSchedule'> {
  return {
    async listSchedules({ accountId }) {
      const schedules = await services.client(await services.account(accountId)).getReportSchedules();
      return {
        schedules: schedules.map((s) => ({
          reportScheduleId: s.reportScheduleId,
          reportType: s.reportType,
          scheduleFrequency: s.scheduleFrequency,
          nextReportCreationTime: s.nextReportCreationTime?.toISOString(),
        })),
      };
    },

    /** Amazon's rules are checked before asking, so the merchant gets our clear words, not a 400. */
    async createSchedule({ accountId, reportType, scheduleFrequency, nextReportCreationTime, deleteExistingSchedule }) {
      const account = await services.account(accountId);
      const client = services.client(account);
      const existing = await client.getReportSchedules([reportType]);
      checkScheduleRules({ account, reportType, scheduleFrequency, existing: existing.length, deleteExistingSchedule });
      return client.createReportSchedule({
        reportType,
        scheduleFrequency: scheduleFrequency as ScheduleFrequency,
        deleteExistingSchedule,
        nextReportCreationTime: nextReportCreationTime ? new Date(nextReportCreationTime) : undefined,
      });
    },

    async cancelSchedule({ accountId, reportScheduleId }) {
      await services.client(await services.account(accountId)).cancelReportSchedule(reportScheduleId);
      return null;
    },
  };
}
