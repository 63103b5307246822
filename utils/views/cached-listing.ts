/**
 * An account's cached report list as views show it, each report marked when this browser has archived it. Read
 * straight from IndexedDB, so the popup paints it without a message to the background (which would wake it).
 */
import { readCachedReports } from '../amazon-pay/report-cache';
import type { Report } from '../amazon-pay/types';
import { toReportView } from '../background/views';
import { readHistory } from '../downloads/jobs-reads';
import type { JobsDb } from '../downloads/jobs-store';
import type { HistoryEntry } from '../downloads/types';
import type { ReportListing } from '../messaging/protocol';

export async function toListing(
  db: JobsDb,
  accountId: string,
  reports: Report[],
  fetchedAt: number | null,
): Promise<ReportListing> {
  return viewOf(accountId, reports, fetchedAt, await readHistory(db, accountId));
}

export async function readCachedListing(db: JobsDb, accountId: string): Promise<ReportListing> {
  // Two databases: both open at once.
  const [cached, history] = await Promise.all([readCachedReports(accountId), readHistory(db, accountId)]);
  return viewOf(accountId, cached?.reports ?? [], cached?.fetchedAt ?? null, history);
}

function viewOf(
  accountId: string,
  reports: Report[],
  fetchedAt: number | null,
  history: HistoryEntry[],
): ReportListing {
  const saved = new Map(history.map((entry) => [entry.reportId, entry]));
  return { accountId, reports: reports.map((report) => toReportView(report, saved)), fetchedAt };
}
