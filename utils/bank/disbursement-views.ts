/**
 * Get Disbursements records as they cross the message boundary and rest in the bank store (the time as an ISO
 * string), and back to the client's shape for the payout candidates.
 */
import type { Disbursement } from '../amazon-pay/disbursements';
import type { DisbursementView } from '../messaging/protocol';
import { DAY_MS } from '../time/days';

export const disbursementView = (record: Disbursement): DisbursementView => ({
  ...record,
  transactionTime: record.transactionTime.toISOString(),
});

export const disbursementFromView = (view: DisbursementView): Disbursement => ({
  ...view,
  transactionTime: new Date(view.transactionTime),
});

/** How far before the earliest bank entry to ask: a payout may reach the bank days after it was posted. */
const LOOKBACK_DAYS = 30;
/** Without bank entries: the last quarter. */
const DEFAULT_DAYS = 90;

/** The settlement dates to ask Get Disbursements about: from before the earliest bank entry (or a quarter ago) to now. */
export function disbursementWindow(bookingDates: readonly string[], now: Date): { from: string; to: string } {
  const earliest = bookingDates.reduce<string | undefined>(
    (min, d) => (min === undefined || d < min ? d : min),
    undefined,
  );
  const from = earliest
    ? Date.parse(`${earliest}T00:00:00Z`) - LOOKBACK_DAYS * DAY_MS
    : now.getTime() - DEFAULT_DAYS * DAY_MS;
  return { from: new Date(from).toISOString(), to: now.toISOString() };
}
