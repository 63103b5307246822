import { readHistory } from './jobs-reads';
import type { JobsDb } from './jobs-store';
import type { HistoryEntry } from './types';

/** The per-account archive record: what was downloaded, where it landed, and when. Written with the job's `done`. */

export interface HistoryQuery {
  accountId?: string;
  reportType?: string;
  /** Case-insensitive match on the report id or the file path. */
  text?: string;
  /** `downloadedAt` bounds, epoch ms, inclusive. */
  from?: number;
  to?: number;
}

/** Newest first. */
export async function searchHistory(db: JobsDb, query: HistoryQuery = {}): Promise<HistoryEntry[]> {
  const text = query.text?.toLowerCase();
  const entries = await readHistory(db, query.accountId);
  return entries
    .filter((entry) => query.reportType === undefined || entry.reportType === query.reportType)
    .filter((entry) => query.from === undefined || entry.downloadedAt >= query.from)
    .filter((entry) => query.to === undefined || entry.downloadedAt <= query.to)
    .filter((entry) => !text || `${entry.reportId}\n${entry.finalPath}`.toLowerCase().includes(text))
    .sort((a, b) => b.downloadedAt - a.downloadedAt);
}

/** What views mark as "already archived" in a report list. */
export async function downloadedReportIds(db: JobsDb, accountId: string): Promise<Set<string>> {
  return new Set((await readHistory(db, accountId)).map((entry) => entry.reportId));
}
