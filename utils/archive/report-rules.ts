import type { Account } from '../accounts/types';
import { SCHEDULE_FREQUENCIES } from '../amazon-pay/types';

/** Amazon's rules for on-demand reports and schedules (amazon-pay-api.md §2.4, §2.7, §2.8), enforced before asking. */

export const SETTLEMENT = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_';
export const SANDBOX_SETTLEMENT = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_';
export const MULTI_CURRENCY = '_GET_CSV_CUSTOM_OFFAMAZONPAYMENTS_MULTI_CURRENCY_PAYMENTS_DATA_';
const CAPTURE = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_CAPTURE_DATA_';

const TRANSACTION_TYPES = [
  '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_',
  '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_BILLING_AGREEMENT_DATA_',
  '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_AUTHORIZATION_DATA_',
  '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_',
];

export class ReportRuleError extends Error {
  readonly code = 'invalid-request';
  constructor(readonly userMessage: string) {
    super(userMessage);
    this.name = 'ReportRuleError';
  }
}

/** Types a merchant may create: sandbox offers only the sandbox settlement; live never the settlement (nor capture, which the API lacks). */
export function creatableTypes(environment: Account['environment']): string[] {
  return environment === 'sandbox' ? [SANDBOX_SETTLEMENT] : [...TRANSACTION_TYPES, MULTI_CURRENCY];
}

/** Types that may be scheduled: as creatable, less multi-currency. */
export function schedulableTypes(environment: Account['environment']): string[] {
  return creatableTypes(environment).filter((t) => t !== MULTI_CURRENCY);
}

export function checkCreateRules(input: { account: Account; reportType: string; startTime: Date; endTime: Date; now: number }): void {
  const { account, reportType, startTime, endTime, now } = input;
  if (reportType === SETTLEMENT) throw new ReportRuleError('Amazon creates settlement reports itself with each settlement; they cannot be requested.');
  if (reportType === CAPTURE) throw new ReportRuleError('Capture reports are not available through the Amazon Pay API; use Seller Central.');
  if (!creatableTypes(account.environment).includes(reportType)) {
    throw new ReportRuleError(account.environment === 'sandbox'
      ? 'In sandbox Amazon offers only the sandbox settlement report.'
      : 'This report type cannot be requested for a live account.');
  }
  if (Number.isNaN(startTime.getTime()) || Number.isNaN(endTime.getTime())) throw new ReportRuleError('Choose a start and an end date.');
  if (startTime >= endTime) throw new ReportRuleError('The start of the range must be before its end.');
  if (endTime.getTime() > now) throw new ReportRuleError('The range cannot end in the future.');
}

export function checkScheduleRules(input: {
  account: Account; reportType: string; scheduleFrequency: string; existing: number; deleteExistingSchedule: boolean;
}): void {
  const { account, reportType, scheduleFrequency, existing, deleteExistingSchedule } = input;
  if (reportType === SETTLEMENT) throw new ReportRuleError('Settlement reports come with each settlement and cannot be scheduled.');
  if (reportType === MULTI_CURRENCY) throw new ReportRuleError('Amazon does not offer schedules for the multi-currency report.');
  if (!schedulableTypes(account.environment).includes(reportType)) throw new ReportRuleError('This report type cannot be scheduled for this account.');
  if (!(SCHEDULE_FREQUENCIES as readonly string[]).includes(scheduleFrequency)) throw new ReportRuleError('Choose one of the frequencies Amazon offers.');
  if (existing > 0 && !deleteExistingSchedule) {
    throw new ReportRuleError('This report type already has a schedule (Amazon allows one per type); choose "Replace the existing schedule" or cancel it first.');
  }
}
