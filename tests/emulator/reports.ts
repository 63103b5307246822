/** The emulator's report and schedule records and their Amazon-shaped JSON views (amazon-pay-api.md §2.3). */
import { formatCompact } from './dates';
import type { ProcessingStatus } from './report-types';
import type { SettlementPlan } from './settlement-file';

export interface ReportRecord {
  reportId: string;
  reportType: string;
  startTime: number;
  endTime: number;
  createdTime: number;
  processingStartTime: number;
  /** Until this emulator-clock time the report is IN_PROGRESS. */
  processingEndTime: number;
  finalStatus: Exclude<ProcessingStatus, 'IN_PROGRESS'>;
  /** Assigned up front, exposed only once the report is COMPLETED. */
  reportDocumentId: string;
  /** Data rows in the report file. */
  rows: number;
  /** Seeded settlements: the period, its predecessor and the payout convention the file is rendered from. */
  settlement?: SettlementPlan;
}

export interface ScheduleRecord {
  reportScheduleId: string;
  reportType: string;
  scheduleFrequency: string;
  nextReportCreationTime: number;
}

export function statusAt(report: ReportRecord, now: number): ProcessingStatus {
  return now < report.processingEndTime ? 'IN_PROGRESS' : report.finalStatus;
}

/**
 * All nine fields for a finished COMPLETED report (the Node SDK's live test expects exactly these keys). Unfinished
 * reports leave out `processingEndTime`, and only COMPLETED ones carry `reportDocumentId` — undocumented, our guess.
 */
export function reportView(r: ReportRecord, now: number): Record<string, string> {
  const status = statusAt(r, now);
  const view: Record<string, string> = {
    createdTime: formatCompact(r.createdTime),
    endTime: formatCompact(r.endTime),
    processingStartTime: formatCompact(r.processingStartTime),
    processingStatus: status,
    reportId: r.reportId,
    reportType: r.reportType,
    startTime: formatCompact(r.startTime),
  };
  if (status !== 'IN_PROGRESS') view.processingEndTime = formatCompact(r.processingEndTime);
  if (status === 'COMPLETED') view.reportDocumentId = r.reportDocumentId;
  return Object.fromEntries(Object.entries(view).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function scheduleView(s: ScheduleRecord): Record<string, string> {
  return {
    nextReportCreationTime: formatCompact(s.nextReportCreationTime),
    reportScheduleId: s.reportScheduleId,
    reportType: s.reportType,
    scheduleFrequency: s.scheduleFrequency,
  };
}

/** Newest first; equal creation times fall back to the report id so the order is total (pagination relies on it). */
export function newestFirst(a: ReportRecord, b: ReportRecord): number {
  if (a.createdTime !== b.createdTime) return b.createdTime - a.createdTime;
  return a.reportId < b.reportId ? 1 : a.reportId > b.reportId ? -1 : 0;
}
