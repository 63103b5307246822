/**
 * Settlement rows as bookings on the Amazon Pay clearing account ("the virtual bank account" German bookkeepers and
 * DATEV tools use): every row's amount and its fee are separate bookings, a Transfer is money out to the payout
 * transit account, reserves move to and from the reserve account. The sum of the bookings in a period is the sum of
 * the rows' net amounts in that period — the invariant every export keeps.
 */
import type { SettlementCategory, SettlementRow } from '../ledger/types';
import { ExportRefusedError } from './errors';
import { inPeriod, type LocalDate, type Period, ZoneClock } from './time-zone';

/** The account on the other side of the clearing account. */
export type BookingRole = 'receivables' | 'fees' | 'disputes' | 'transit' | 'reserve' | 'other';
export type Granularity = 'detailed' | 'summary';

export interface Booking {
  role: BookingRole;
  kind: 'amount' | 'fee';
  category: SettlementCategory;
  currency: string;
  /** Movement on the clearing account in minor units: positive into the Amazon Pay balance. Never 0. */
  amountMinor: number;
  /** Booking date in the accounting time zone (in a summary: the latest row's date; a summary stays in one month). */
  date: LocalDate;
  settlementId: string;
  /** The row in a detailed booking; absent in a summary. */
  row?: SettlementRow;
  /** How many rows the booking carries. */
  rowCount: number;
}

export interface BookingOptions {
  currency: string;
  period: Period;
  timeZone: string;
  granularity: Granularity;
}

const AMOUNT_ROLE: Readonly<Record<SettlementCategory, BookingRole>> = {
  capture: 'receivables',
  refund: 'receivables',
  chargeback: 'disputes',
  atoz: 'disputes',
  dispute: 'disputes',
  payout: 'transit',
  reserve: 'reserve',
  debt: 'other',
  adjustment: 'other',
  authorization: 'other',
  other: 'other',
};

export const roleOf = (category: SettlementCategory, kind: Booking['kind']): BookingRole =>
  kind === 'fee' ? 'fees' : AMOUNT_ROLE[category];

/** The rows of one currency whose booking date lies in the period, each with that date. */
export function rowsInPeriod(rows: readonly SettlementRow[], options: Omit<BookingOptions, 'granularity'>) {
  const clock = new ZoneClock(options.timeZone);
  const dated: { row: SettlementRow; date: LocalDate }[] = [];
  for (const row of rows) {
    if (row.currency !== options.currency) continue;
    const date = clock.localDate(row.postedAt);
    if (inPeriod(date, options.period)) dated.push({ row, date });
  }
  return dated;
}

function refuseBrokenRows(rows: readonly SettlementRow[]): void {
  const broken = rows.filter((row) => row.amountMinor + row.feeMinor !== row.netMinor).map((row) => row.line);
  if (broken.length === 0) return;
  throw new ExportRefusedError(
    `Amount plus fee is not the net amount in ${broken.length} settlement row(s) (lines ${broken.slice(0, 10).join(', ')}). ` +
      'Check the settlement in the ledger before exporting it.',
    { lines: broken, reason: 'row arithmetic' },
  );
}

function compareBookings(a: Booking, b: Booking): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.settlementId !== b.settlementId) return a.settlementId < b.settlementId ? -1 : 1;
  const lineA = a.row?.line ?? 0;
  const lineB = b.row?.line ?? 0;
  if (lineA !== lineB) return lineA - lineB;
  if (a.category !== b.category) return a.category < b.category ? -1 : 1;
  return a.kind === b.kind ? 0 : a.kind === 'amount' ? -1 : 1;
}

export function bookSettlementRows(rows: readonly SettlementRow[], options: BookingOptions): Booking[] {
  const dated = rowsInPeriod(rows, options);
  refuseBrokenRows(dated.map((d) => d.row));
  const bookings: Booking[] = [];
  const summary = new Map<string, Booking>();
  for (const { row, date } of dated) {
    for (const kind of ['amount', 'fee'] as const) {
      const amountMinor = kind === 'amount' ? row.amountMinor : row.feeMinor;
      if (amountMinor === 0) continue;
      const role = roleOf(row.category, kind);
      const booking: Booking = {
        role,
        kind,
        category: row.category,
        currency: row.currency,
        amountMinor,
        date,
        settlementId: row.settlementId,
        rowCount: 1,
      };
      if (options.granularity === 'detailed') {
        booking.row = row;
        bookings.push(booking);
        continue;
      }
      // Per month too, so a summary never straddles a month (and so a fiscal year) boundary.
      const key = `${row.settlementId}\u0000${row.category}\u0000${kind}\u0000${date.slice(0, 7)}`;
      const line = summary.get(key);
      if (line) {
        line.amountMinor += amountMinor;
        line.rowCount += 1;
        if (date > line.date) line.date = date;
      } else {
        summary.set(key, booking);
      }
    }
  }
  for (const line of summary.values()) if (line.amountMinor !== 0) bookings.push(line);
  return bookings.sort(compareBookings);
}
