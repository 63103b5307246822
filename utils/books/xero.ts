/**
 * Xero bank-statement CSV for an "Amazon Pay" bank account in Xero: Date, Amount, Payee, Description, Reference;
 * amounts signed (money out negative) with a `.` decimal and no thousands separator; one date format per file;
 * UTF-8; at most 1 000 lines per file including the heading, split beyond. The payout line is then reconciled in
 * Xero as a transfer to the real bank account. Sources: docs/books-formats.md.
 */
import { text, number, writeCsv } from '../csv/write';
import type { Booking } from './bookings';
import { type DateOrder, formatDate, lineLabel, lineSubject, payeeOf, periodName } from './descriptions';
import { ExportRefusedError } from './errors';
import type { ExportFile, ExportResult } from './export-types';
import { formatMinor } from './money';
import type { Period } from './time-zone';

export const XERO_MAX_LINES = 1000;
export const XERO_HEADING = ['Date', 'Amount', 'Payee', 'Description', 'Reference'] as const;

export interface CsvExportInput {
  bookings: readonly Booking[];
  currency: string;
  period: Period;
  dateOrder: DateOrder;
}

export function exportXero(input: CsvExportInput): ExportResult {
  if (input.bookings.length === 0)
    throw new ExportRefusedError('There is nothing to export in this period.', { reason: 'empty' });
  const perFile = XERO_MAX_LINES - 1;
  const parts = Math.ceil(input.bookings.length / perFile);
  const encoder = new TextEncoder();
  const files: ExportFile[] = [];
  for (let part = 0; part < parts; part++) {
    const slice = input.bookings.slice(part * perFile, (part + 1) * perFile);
    const rows = [XERO_HEADING.map(text)];
    for (const booking of slice) {
      rows.push([
        text(formatDate(booking.date, input.dateOrder)),
        number(formatMinor(booking.amountMinor, booking.currency)),
        text(payeeOf(booking)),
        text(`${lineLabel(booking)} ${lineSubject(booking)}`),
        text(booking.row?.amazonTransactionId || booking.settlementId),
      ]);
    }
    const suffix = parts > 1 ? `_part${part + 1}` : '';
    files.push({
      name: `xero_${input.currency}_${periodName(input.period)}${suffix}.csv`,
      mimeType: 'text/csv;charset=utf-8',
      bytes: encoder.encode(writeCsv(rows, { delimiter: ',', lineEnd: '\r\n' })),
      lineCount: slice.length,
    });
  }
  return { files, changes: [] };
}
