import { searchHistory } from '../../downloads/history';
import type { ReportView } from '../../messaging/protocol';
import type { Handlers } from '../router';
import type { Services } from '../services';

export function historyHandlers(services: Services): Pick<Handlers, 'getHistory' | 'previewBulk' | 'getClockSkew'> {
  return {
    async getHistory({ accountId, text }) {
      const entries = await searchHistory(services.db, { accountId, text });
      return {
        entries: entries.map((e) => ({
          accountId: e.accountId,
          reportId: e.reportId,
          reportType: e.reportType,
          finalPath: e.finalPath || e.filename,
          bytes: e.bytes,
          downloadedAt: new Date(e.downloadedAt).toISOString(),
        })),
      };
    },

    /** How many reports a bulk download would take, and how many of them are archived already. */
    async previewBulk({ accountIds, reportTypes, statuses, createdSince, createdUntil }) {
      const perAccount = await Promise.all(
        accountIds.map(async (accountId) => {
          const account = await services.account(accountId);
          const reports = await services.client(account).listReports({
            reportTypes: reportTypes.length ? reportTypes : undefined,
            processingStatuses: statuses.length ? (statuses as ReportView['processingStatus'][]) : undefined,
            createdSince: new Date(createdSince),
            createdUntil: new Date(createdUntil),
          });
          const archived = new Set((await searchHistory(services.db, { accountId })).map((e) => e.reportId));
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

    async getClockSkew() {
      const offsets = services.skew.snapshot();
      const seconds: Partial<Record<'na' | 'eu' | 'jp', number>> = {};
      for (const [region, ms] of Object.entries(offsets)) seconds[region as 'na'] = Math.round((ms ?? 0) / 1000);
      return { seconds };
    },
  };
}
