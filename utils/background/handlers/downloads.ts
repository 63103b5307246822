import { readCachedReports } from '../../amazon-pay/report-cache';
import type { Report } from '../../amazon-pay/types';
import { browserDownloads } from '../../browser-api';
import type { Handlers } from '../router';
import type { Services } from '../services';
import { toBatchView, toJobView } from '../views';
import { accountFor } from './reports';

type DownloadHandlers = Pick<Handlers,
  'downloadReports' | 'getDownloads' | 'cancelDownloads' | 'pauseBatch' | 'resumeBatch' | 'retryFailed' | 'showDownload'>;

export function downloadHandlers(services: Services): DownloadHandlers {
  /** Reports come from the cached list; any the cache lacks are fetched one by one. */
  async function reportsById(accountId: string, reportIds: string[]): Promise<Report[]> {
    const account = await services.account(accountId);
    const cached = new Map((await readCachedReports(accountId))?.reports.map((r) => [r.reportId, r]));
    const client = services.client(account);
    return Promise.all(reportIds.map(async (id) => cached.get(id) ?? client.getReport(id)));
  }

  return {
    async downloadReports({ accountId, reportIds, force }, caller) {
      const account = await accountFor(services, accountId, caller);
      const reports = (await reportsById(accountId, [...new Set(reportIds)])).filter((r) => r.processingStatus === 'COMPLETED' && r.reportDocumentId);
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
