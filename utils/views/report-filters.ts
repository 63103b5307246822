import { isExpiringUnarchived } from '../amazon-pay/retention';
import { DAY_MS } from '../time/days';
import type { ReportView } from '../messaging/protocol';

export type PeriodChoice = '7' | '30' | '90' | 'custom';

export interface ReportFilters {
  types: string[];
  status: ReportView['processingStatus'] | '';
  period: PeriodChoice;
  /** yyyy-mm-dd, used when period is custom. */
  from?: string;
  to?: string;
  search: string;
}

export const DEFAULT_FILTERS: ReportFilters = { types: [], status: '', period: '90', search: '' };

/**
 * The filters of a view that offers no text fields (the Seller Central panel: a page sees every key typed on it):
 * no search, and the default period in place of typed dates.
 */
export function choicesOnly(filters: ReportFilters): ReportFilters {
  return { ...filters, search: '', period: filters.period === 'custom' ? DEFAULT_FILTERS.period : filters.period };
}

/** Newest first, filtered as the merchant chose. */
export function applyFilters(reports: ReportView[], filters: ReportFilters, now: number): ReportView[] {
  const search = filters.search.trim().toLowerCase();
  const [since, until] = periodBounds(filters, now);
  return reports
    .filter((r) => filters.types.length === 0 || filters.types.includes(r.reportType))
    .filter((r) => !filters.status || r.processingStatus === filters.status)
    .filter((r) => {
      const created = Date.parse(r.createdTime);
      return created >= since && created <= until;
    })
    .filter((r) => !search || r.reportId.toLowerCase().includes(search))
    .sort((a, b) => Date.parse(b.createdTime) - Date.parse(a.createdTime));
}

function periodBounds(filters: ReportFilters, now: number): [number, number] {
  if (filters.period !== 'custom') return [now - Number(filters.period) * DAY_MS, Infinity];
  const since = filters.from ? Date.parse(`${filters.from}T00:00:00Z`) : -Infinity;
  const until = filters.to ? Date.parse(`${filters.to}T23:59:59.999Z`) : Infinity;
  return [since, until];
}

export function expiringUnarchived(reports: ReportView[], now: number): ReportView[] {
  return reports.filter((r) =>
    isExpiringUnarchived(
      { status: r.processingStatus, createdMs: Date.parse(r.createdTime), archived: !!r.downloaded },
      now,
    ),
  );
}
