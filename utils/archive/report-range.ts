import type { MessageKey } from '@/utils/i18n';
import { DAY_MS, utcDay } from '@/utils/time/days';

/** Amazon refuses a range that ends in the future; a minute's margin covers a slightly fast clock. */
const END_MARGIN_MS = 60_000;

export interface ReportRequestForm {
  reportType: string;
  /** yyyy-mm-dd, whole UTC days. */
  from: string;
  to: string;
}

export function defaultReportForm(reportType: string, now: number): ReportRequestForm {
  return { reportType, from: utcDay(now - 7 * DAY_MS), to: utcDay(now) };
}

/** From the start of the first day to the end of the last one, but never past now. */
export function toRange(form: ReportRequestForm, now: number): { startTime: string; endTime: string } {
  const start = Date.parse(`${form.from}T00:00:00.000Z`);
  const end = Math.min(Date.parse(`${form.to}T23:59:59.000Z`), now - END_MARGIN_MS);
  return { startTime: new Date(start).toISOString(), endTime: new Date(end).toISOString() };
}

export function rangeProblem(form: ReportRequestForm, now: number): MessageKey | undefined {
  if (!form.reportType) return 'reportNeedType';
  if (!form.from || !form.to) return 'periodMissing';
  if (form.to > utcDay(now)) return 'periodFuture';
  if (form.from > form.to) return 'periodReversed';
  const { startTime, endTime } = toRange(form, now);
  if (Date.parse(startTime) >= Date.parse(endTime)) return 'reportRangeEmpty';
  return undefined;
}
