import type { Handlers } from '../router';
import type { Services } from '../services';

export function bulkHandlers(services: Services): Pick<Handlers, 'previewBulk'> {
  return {
    /** How many reports a bulk download would take, and how many of them are archived already. */
    async previewBulk({ accountIds, reportTypes, statuses, createdSince, createdUntil }) {
      const perAccount = await Promise.all(
        accountIds.map(async (accountId) => {
          const account = await services.account(accountId);
          const reports = await services.archive.listReports(account, {
            reportTypes: reportTypes.length ? reportTypes : undefined,
            processingStatuses: statuses.length ? statuses : undefined,
            createdSince: new Date(createdSince),
            createdUntil: new Date(createdUntil),
          });
          const archived = await services.archive.archivedIds(accountId);
          return {
            accountId,
            matching: reports.length,
            archived: reports.filter((r) => archived.has(r.reportId)).length,
            reportIds: reports.map((r) => r.reportId),
          };
        }),
      );
      return { perAccount };
    },
  };
}
