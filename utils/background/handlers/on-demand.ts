import { addOnDemand, listOnDemand } from '../../archive/on-demand';
import { checkCreateRules } from '../../archive/report-rules';
import type { Handlers } from '../router';
import type { Services } from '../services';

export function onDemandHandlers(
  services: Services,
  startFollowing: () => void,
): Pick<Handlers, 'createReport' | 'listOnDemand'> {
  return {
    async createReport({ accountId, reportType, startTime, endTime }) {
      const account = await services.account(accountId);
      const range = { startTime: new Date(startTime), endTime: new Date(endTime) };
      checkCreateRules({ account, reportType, ...range, now: Date.now() });
      const { reportId } = await services.client(account).createReport({ reportType, ...range });
      await addOnDemand({
        accountId,
        reportId,
        reportType,
        startTime: range.startTime.toISOString(),
        endTime: range.endTime.toISOString(),
        requestedAt: new Date().toISOString(),
        status: 'IN_PROGRESS',
      });
      startFollowing();
      return { reportId };
    },
    async listOnDemand({ accountId }) {
      return { items: await listOnDemand(accountId) };
    },
  };
}
