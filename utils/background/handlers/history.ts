import { searchHistory } from '../../downloads/history';
import type { Handlers } from '../router';
import type { Services } from '../services';

export function historyHandlers(services: Services): Pick<Handlers, 'getHistory'> {
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
  };
}
