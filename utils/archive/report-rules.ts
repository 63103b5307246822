import type { Account } from '../accounts/types';
import { CAPTURE, creatableTypes, MULTI_CURRENCY, schedulableTypes, SETTLEMENT } from '../amazon-pay/report-types';
import { SCHEDULE_FREQUENCIES } from '../amazon-pay/types';
import { ReportCourierError } from '../errors/base';

/** Amazon's rules for on-demand reports and schedules (amazon-pay-api.md §2.4, §2.7, §2.8), enforced before asking. */

/** Which rule a request broke: what a view words in the UI language (the message stays English). */
export type ReportRule =
  | 'settlement-not-requestable'
  | 'capture-unavailable'
  | 'sandbox-only-settlement'
  | 'live-not-requestable'
  | 'missing-dates'
  | 'range-reversed'
  | 'range-future'
  | 'settlement-not-schedulable'
  | 'multi-currency-not-schedulable'
  | 'not-schedulable'
  | 'bad-frequency'
  | 'schedule-exists';

export class ReportRuleError extends ReportCourierError<{ rule: ReportRule }> {
  override name = 'ReportRuleError';

  constructor(rule: ReportRule, userMessage: string) {
    super('report-rule', userMessage, userMessage, { rule });
  }
}

export function checkCreateRules(input: {
  account: Account;
  reportType: string;
  startTime: Date;
  endTime: Date;
  now: number;
}): void {
  const { account, reportType, startTime, endTime, now } = input;
  if (reportType === SETTLEMENT)
    throw new ReportRuleError(
      'settlement-not-requestable',
      'Amazon creates settlement reports itself with each settlement; they cannot be requested.',
    );
  if (reportType === CAPTURE)
    throw new ReportRuleError(
      'capture-unavailable',
      'Capture reports are not available through the Amazon Pay API; use Seller Central.',
    );
  if (!creatableTypes(account.environment).includes(reportType)) {
    throw account.environment === 'sandbox'
      ? new ReportRuleError('sandbox-only-settlement', 'In sandbox Amazon offers only the sandbox settlement report.')
      : new ReportRuleError('live-not-requestable', 'This report type cannot be requested for a live account.');
  }
  if (Number.isNaN(startTime.getTime()) || Number.isNaN(endTime.getTime()))
    throw new ReportRuleError('missing-dates', 'Choose a start and an end date.');
  if (startTime >= endTime)
    throw new ReportRuleError('range-reversed', 'The start of the range must be before its end.');
  if (endTime.getTime() > now) throw new ReportRuleError('range-future', 'The range cannot end in the future.');
}

export function checkScheduleRules(input: {
  account: Account;
  reportType: string;
  scheduleFrequency: string;
  existing: number;
  deleteExistingSchedule: boolean;
}): void {
  const { account, reportType, scheduleFrequency, existing, deleteExistingSchedule } = input;
  if (reportType === SETTLEMENT)
    throw new ReportRuleError(
      'settlement-not-schedulable',
      'Settlement reports come with each settlement and cannot be scheduled.',
    );
  if (reportType === MULTI_CURRENCY)
    throw new ReportRuleError(
      'multi-currency-not-schedulable',
      'Amazon does not offer schedules for the multi-currency report.',
    );
  if (!schedulableTypes(account.environment).includes(reportType))
    throw new ReportRuleError('not-schedulable', 'This report type cannot be scheduled for this account.');
  if (!(SCHEDULE_FREQUENCIES as readonly string[]).includes(scheduleFrequency))
    throw new ReportRuleError('bad-frequency', 'Choose one of the frequencies Amazon offers.');
  if (existing > 0 && !deleteExistingSchedule) {
    throw new ReportRuleError(
      'schedule-exists',
      'This report type already has a schedule (Amazon allows one per type); choose "Replace the existing schedule" or cancel it first.',
    );
  }
}
