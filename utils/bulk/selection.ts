import { RETENTION_MS } from '@/utils/amazon-pay/retention';
import { REPORT_TYPES, typesFor } from '@/utils/amazon-pay/report-types';
import type { MessageKey } from '@/utils/i18n';
import type { AccountView, BulkSelection, ReportView } from '@/utils/messaging/protocol';
import { DAY_MS, utcDay } from '@/utils/time/days';

export const DEFAULT_DAYS = 30;

export interface BulkForm {
  accountIds: string[];
  reportTypes: string[];
  statuses: ReportView['processingStatus'][];
  /** yyyy-mm-dd (UTC days, like the report dates shown elsewhere). */
  from: string;
  to: string;
}

export function oldestDay(now: number): string {
  return utcDay(now - RETENTION_MS);
}

export function typesForAccounts(accounts: AccountView[]): string[] {
  const environments = new Set(accounts.map((a) => a.environment));
  return REPORT_TYPES.map((info) => info.apiName).filter((type) =>
    [...environments].some((env) => typesFor(env).includes(type)),
  );
}

export function defaultForm(accounts: AccountView[], now: number): BulkForm {
  return {
    accountIds: accounts.map((a) => a.id),
    reportTypes: typesForAccounts(accounts),
    statuses: ['COMPLETED'],
    from: utcDay(now - DEFAULT_DAYS * DAY_MS),
    to: utcDay(now),
  };
}

/** The first thing that keeps the form from being checked, as a message key. */
export function formProblem(form: BulkForm, now: number): MessageKey | undefined {
  if (form.accountIds.length === 0) return 'bulkNeedAccount';
  if (form.reportTypes.length === 0) return 'bulkNeedType';
  if (form.statuses.length === 0) return 'bulkNeedStatus';
  if (!form.from || !form.to) return 'periodMissing';
  if (form.from < oldestDay(now)) return 'periodTooOld';
  if (form.to > utcDay(now)) return 'periodFuture';
  if (form.from > form.to) return 'periodReversed';
  return undefined;
}

/** Whole UTC days, clamped to what Amazon still keeps and to now. */
export function toSelection(form: BulkForm, now: number): BulkSelection {
  const since = Math.max(Date.parse(`${form.from}T00:00:00.000Z`), now - RETENTION_MS);
  const until = Math.min(Date.parse(`${form.to}T23:59:59.999Z`), now);
  return {
    accountIds: form.accountIds,
    reportTypes: form.reportTypes,
    statuses: form.statuses,
    createdSince: new Date(since).toISOString(),
    createdUntil: new Date(until).toISOString(),
  };
}
