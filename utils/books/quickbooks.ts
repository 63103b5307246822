/**
 * QuickBooks Online bank CSV, the 3-column layout `Date,Description,Amount` (signed, no currency symbol, no
 * thousands separator, no zero amounts — bookings are never zero), one date format per file, UTF-8, for a bank
 * account "Amazon Pay Clearing" in QuickBooks. Sources: docs/books-formats.md.
 */
import { number, text, writeCsv } from '../csv/write';
import { formatDate, lineLabel, lineSubject, periodName } from './descriptions';
import { ExportRefusedError } from './errors';
import type { ExportResult } from './export-types';
import { formatMinor } from './money';
import type { CsvExportInput } from './xero';

export const QUICKBOOKS_HEADING = ['Date', 'Description', 'Amount'] as const;

export function exportQuickBooks(input: CsvExportInput): ExportResult {
  if (input.bookings.length === 0)
    throw new ExportRefusedError('There is nothing to export in this period.', { reason: 'empty' });
  const rows = [QUICKBOOKS_HEADING.map(text)];
  for (const booking of input.bookings) {
    const ids = booking.row?.amazonTransactionId ? ` ${booking.row.amazonTransactionId}` : '';
    rows.push([
      text(formatDate(booking.date, input.dateOrder)),
      text(`Amazon Pay ${lineLabel(booking)} ${lineSubject(booking)}${ids}`),
      number(formatMinor(booking.amountMinor, booking.currency)),
    ]);
  }
  return {
    files: [
      {
        name: `quickbooks_${input.currency}_${periodName(input.period)}.csv`,
        mimeType: 'text/csv;charset=utf-8',
        bytes: new TextEncoder().encode(writeCsv(rows, { delimiter: ',', lineEnd: '\r\n' })),
        lineCount: input.bookings.length,
      },
    ],
    changes: [],
  };
}
