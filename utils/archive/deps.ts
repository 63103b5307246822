import type { Account } from '../accounts/types';
import type { ListReportsFilter, Report } from '../amazon-pay/types';
import type { ReportsClient } from '../amazon-pay/client';
import { searchHistory } from '../downloads/history';
import type { JobsDb } from '../downloads/jobs-store';
import type { DownloadPipeline } from '../downloads/pipeline';

/** The few background functions the archive uses: it depends on these, not on the whole composition root. */
export interface ArchiveDeps {
  account(accountId: string): Promise<Account>;
  listReports(account: Account, filter: ListReportsFilter): Promise<Report[]>;
  getReport(account: Account, reportId: string): Promise<Report>;
  enqueue: DownloadPipeline['enqueue'];
  /** Report ids this browser has downloaded for the account. */
  archivedIds(accountId: string): Promise<Set<string>>;
}

/** The archive's functions over the background's account look-up, signed clients, queue and history. */
export function archiveDeps(parts: {
  account(accountId: string): Promise<Account>;
  client(account: Account): Pick<ReportsClient, 'listReports' | 'getReport'>;
  pipeline: Pick<DownloadPipeline, 'enqueue'>;
  db: JobsDb;
}): ArchiveDeps {
  const { account, client, pipeline, db } = parts;
  return {
    account,
    listReports: (owner, filter) => client(owner).listReports(filter),
    getReport: (owner, reportId) => client(owner).getReport(reportId),
    enqueue: (...args) => pipeline.enqueue(...args),
    archivedIds: async (accountId) => new Set((await searchHistory(db, { accountId })).map((e) => e.reportId)),
  };
}
