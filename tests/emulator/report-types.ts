/** Report enums and which operations each report type allows (amazon-pay-api.md §2.4). */

export const SETTLEMENT = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_';
export const SANDBOX_SETTLEMENT = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_';
export const ORDER_REFERENCE = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_';
export const BILLING_AGREEMENT = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_BILLING_AGREEMENT_DATA_';
export const AUTHORIZATION = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_AUTHORIZATION_DATA_';
export const CAPTURE = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_CAPTURE_DATA_';
export const REFUND = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_';
export const MULTI_CURRENCY = '_GET_CSV_CUSTOM_OFFAMAZONPAYMENTS_MULTI_CURRENCY_PAYMENTS_DATA_';

export const REPORT_TYPES = [
  SETTLEMENT,
  SANDBOX_SETTLEMENT,
  ORDER_REFERENCE,
  BILLING_AGREEMENT,
  AUTHORIZATION,
  CAPTURE,
  REFUND,
  MULTI_CURRENCY,
] as const;

export const TRANSACTION_TYPES = [ORDER_REFERENCE, BILLING_AGREEMENT, AUTHORIZATION, REFUND, MULTI_CURRENCY] as const;

export const PROCESSING_STATUSES = ['IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED'] as const;
export type ProcessingStatus = (typeof PROCESSING_STATUSES)[number];

export const SCHEDULE_FREQUENCIES = [
  'PT5M',
  'PT15M',
  'PT30M',
  'PT1H',
  'PT2H',
  'PT4H',
  'PT8H',
  'PT12H',
  'PT24H',
  'PT84H',
  'P1D',
  'P2D',
  'P3D',
  'P7D',
  'P14D',
  'P15D',
  'P18D',
  'P30D',
] as const;

export type Environment = 'live' | 'sandbox';

/**
 * Why a type cannot be created (or scheduled) in an environment, or null when it can. Sandbox accepts transaction
 * types (the official Node SDK's live sandbox test creates `_AUTHORIZATION_DATA_` reports and schedules with 201); they
 * hold no data there. `sandboxRefusesTransactionTypes` restores the refusal the docs' wording could also mean.
 */
export function creationRefusal(
  type: string,
  env: Environment,
  forSchedule: boolean,
  sandboxRefusesTransactionTypes = false,
): string | null {
  if (!(REPORT_TYPES as readonly string[]).includes(type))
    return `The value ${type} provided for reportType is invalid.`;
  if (env === 'sandbox' && type !== SANDBOX_SETTLEMENT && sandboxRefusesTransactionTypes)
    return `Only ${SANDBOX_SETTLEMENT} is available in sandbox.`;
  if (env === 'live' && type === SANDBOX_SETTLEMENT) return `${SANDBOX_SETTLEMENT} is only available in sandbox.`;
  if (type === SETTLEMENT)
    return `Settlement reports are generated automatically and cannot be ${forSchedule ? 'scheduled' : 'requested'}.`;
  if (type === CAPTURE) return `${CAPTURE} is currently not available via API.`;
  if (forSchedule && type === MULTI_CURRENCY) return `${MULTI_CURRENCY} does not support schedules.`;
  return null;
}

/** ISO 8601 durations of the schedule frequencies, in ms. */
export function frequencyMs(freq: string): number {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(freq);
  if (!m) return 0;
  return ((Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 60_000;
}
