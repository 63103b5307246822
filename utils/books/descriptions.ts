/** English line texts shared by the Xero and QuickBooks files, and the dates both write. */
import type { Region } from '../amazon-pay/endpoints';
import type { SettlementCategory } from '../ledger/types';
import type { Booking } from './bookings';
import type { LocalDate, Period } from './time-zone';

export type DateOrder = 'DD/MM/YYYY' | 'MM/DD/YYYY';

/** US files default to month first, every other to day first; the merchant may choose either. */
export const defaultDateOrder = (region: Region): DateOrder => (region === 'na' ? 'MM/DD/YYYY' : 'DD/MM/YYYY');

export function formatDate(date: LocalDate, order: DateOrder): string {
  const [year, month, day] = [date.slice(0, 4), date.slice(5, 7), date.slice(8, 10)];
  return order === 'MM/DD/YYYY' ? `${month}/${day}/${year}` : `${day}/${month}/${year}`;
}

const LABELS: Readonly<Record<SettlementCategory, string>> = {
  capture: 'Capture',
  refund: 'Refund',
  chargeback: 'Chargeback',
  atoz: 'A-to-z claim',
  dispute: 'Dispute',
  debt: 'Debt',
  adjustment: 'Adjustment',
  authorization: 'Authorization',
  reserve: 'Reserve',
  payout: 'Payout to bank',
  other: 'Other',
};

/** The order a line belongs to (the shop's id first), or the settlement for payouts, reserves and summaries. */
export function lineSubject(booking: Booking): string {
  const row = booking.row;
  if (!row) return `settlement ${booking.settlementId} (${booking.rowCount} rows)`;
  if (booking.role === 'transit' || booking.role === 'reserve') return `settlement ${booking.settlementId}`;
  return row.sellerOrderId || row.amazonOrderReferenceId || `settlement ${booking.settlementId}`;
}

export function lineLabel(booking: Booking): string {
  const label =
    booking.category === 'other' && booking.row
      ? booking.row.transactionType || LABELS.other
      : LABELS[booking.category];
  return booking.kind === 'fee' ? `Fee ${label.toLowerCase()}` : label;
}

export function payeeOf(booking: Booking): string {
  if (booking.kind === 'fee' || booking.role === 'transit' || booking.role === 'other') return 'Amazon Pay';
  if (booking.role === 'reserve') return 'Amazon Pay reserve';
  return 'Amazon Pay customer';
}

/** `2026-10` for a calendar month, else `2026-10-05_2026-11-04`. */
export function periodName(period: Period): string {
  const month = period.from.slice(0, 7);
  const lastDay = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0))
    .toISOString()
    .slice(0, 10);
  return period.from.endsWith('-01') && period.to === lastDay ? month : `${period.from}_${period.to}`;
}
