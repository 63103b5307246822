import { readCachedReports, writeCachedReports } from '../../amazon-pay/report-cache';
import { retentionStart } from '../../amazon-pay/retention';
import type { Report } from '../../amazon-pay/types';
import { browserDownloads } from '../../browser-api';
import { createLimiter } from '../limiter';
import type { Handlers } from '../router';
import type { Services } from '../services';
import { toBatchView, toJobView } from '../views';
import { accountFor } from '../access';

/** Report look-ups one at a time per slot, shared by every request: a panel naming 500 unknown ids cannot flood Amazon. */
const REPORT_LOOKUPS_AT_ONCE = 4;

type DownloadHandlers = Pick<
  Handlers,
  'downloadReports' | 'getDownloads' | 'cancelDownloads' | 'pauseBatch' | 'resumeBatch' | 'retryFailed' | 'showDownload'
>;

export function downloadHandlers(services: Services): DownloadHandlers {
  const lookup = createLimiter(REPORT_LOOKUPS_AT_ONCE);

  /**
   * Reports come from the cached list. When several are missing (a bulk chosen on the options page), one fresh
   * listing refreshes the cache instead of a request per report; a straggler is then fetched on its own.
   */
  async function reportsById(accountId: string, reportIds: string[]): Promise<Report[]> {
    const account = await services.account(accountId);
    const client = services.client(account);
    let known = new Map((await readCachedReports(accountId))?.reports.map((r) => [r.reportId, r]));
    if (reportIds.filter((id) => !known.has(id)).length > 1) {
      const fresh = await client.listReports({ createdSince: retentionStart(Date.now()) });
      known = new Map((await writeCachedReports(accountId, fresh)).reports.map((r) => [r.reportId, r]));
    }
    return Promise.all(reportIds.map(async (id) => known.get(id) ?? lookup(() => client.getReport(id))));
  }

  return {
    async downloadReports({ accountId, reportIds, force }, caller) {
      const account = await accountFor(services, accountId, caller);
      const reports = (await reportsById(accountId, [...new Set(reportIds)])).filter(
        (r) => r.processingStatus === 'COMPLETED' && r.reportDocumentId,
      );
      const result = await services.pipeline.enqueue(accountId, reports, { force, accountLabel: account.label });
      return { batchId: result.batchId, queued: result.queued.length, skipped: result.skipped.length };
    },
    async getDownloads() {
      const { jobs, batches } = await services.pipeline.snapshot();
      return { jobs: jobs.map(toJobView), batches: batches.map(toBatchView) };
    },
    async cancelDownloads({ batchId, jobIds }) {
      await services.pipeline.cancelJobs(batchId ? { batchId } : (jobIds ?? []));
      return null;
    },
    async pauseBatch({ batchId }) {
      await services.pipeline.pause(batchId);
      return null;
    },
    async resumeBatch({ batchId }) {
      await services.pipeline.resume(batchId);
      return null;
    },
    async retryFailed({ batchId }) {
      await services.pipeline.retryFailed(batchId);
      return null;
    },
    async showDownload({ downloadId }) {
      browserDownloads().show(downloadId);
      return null;
    },
  };
}
