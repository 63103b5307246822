import type { HistoryView } from '@/utils/messaging/protocol';
import { csvRecord } from '@/utils/csv/cells';
import { reportTypeName } from '@/utils/views/format';

export const CSV_COLUMNS = ['accountLabel', 'reportId', 'reportType', 'downloadedAt', 'file', 'bytes'] as const;

/**
 * CRLF rows as RFC 4180 asks; a byte-order mark first, because spreadsheet programs otherwise read
 * non-ASCII account labels and paths with the wrong encoding.
 */
export function historyCsv(entries: HistoryView[], accountLabel: (accountId: string) => string): string {
  const rows = entries.map((e) => [
    accountLabel(e.accountId),
    e.reportId,
    e.reportType,
    e.downloadedAt,
    e.finalPath,
    e.bytes,
  ]);
  return `\uFEFF${[CSV_COLUMNS, ...rows].map(csvRecord).join('\r\n')}\r\n`;
}

/** Matches the report ID, the file path or the readable type, ignoring case. */
export function searchEntries(entries: HistoryView[], text: string): HistoryView[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return entries;
  return entries.filter((e) =>
    [e.reportId, e.finalPath, reportTypeName(e.reportType)].some((field) => field.toLowerCase().includes(needle)),
  );
}

/** Newest download first. */
export function newestFirst(entries: HistoryView[]): HistoryView[] {
  return [...entries].sort((a, b) => Date.parse(b.downloadedAt) - Date.parse(a.downloadedAt));
}
