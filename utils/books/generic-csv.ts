/**
 * Our own settlement CSV, documented in docs/books-formats.md and kept stable: one line per settlement row with
 * every id, gross, fees and net, the booking date in the accounting time zone, and where the row came from (the
 * source file's SHA-256 and the row's line in it). UTF-8 with BOM so spreadsheet programs read it as UTF-8;
 * comma or semicolon; amounts with a `.` decimal and the currency's digits.
 */
import type { Region } from '../amazon-pay/endpoints';
import { number, text, writeCsv } from '../csv/write';
import type { SettlementRow } from '../ledger/types';
import { rowsInPeriod } from './bookings';
import { periodName } from './descriptions';
import { ExportRefusedError } from './errors';
import { type ExportResult, fileNamePart } from './export-types';
import { formatMinor } from './money';
import type { Period } from './time-zone';

export const GENERIC_COLUMNS = [
  'account',
  'region',
  'report_id',
  'settlement_id',
  'period_start',
  'period_end',
  'posted_at_utc',
  'posted_local_date',
  'type',
  'category',
  'amazon_transaction_id',
  'amazon_order_reference_id',
  'seller_reference_id',
  'seller_order_id',
  'store_name',
  'currency',
  'gross',
  'fee_percentage',
  'fee_fixed',
  'fee_total',
  'net',
  'description',
  'source_file_sha256',
  'row_number',
] as const;

/** One imported settlement file. */
export interface SourcedSettlement {
  reportId: string;
  /** SHA-256 of the file's bytes, lower-case hex. */
  sha256: string;
  header: Record<string, string>;
  rows: readonly SettlementRow[];
}

export interface GenericExportInput {
  accountName: string;
  region: Region;
  settlements: readonly SourcedSettlement[];
  currency: string;
  period: Period;
  timeZone: string;
  delimiter: ',' | ';';
}

export function exportGenericCsv(input: GenericExportInput): ExportResult {
  const rows = [GENERIC_COLUMNS.map(text)];
  const money = (minor: number, currency: string) => number(formatMinor(minor, currency));
  for (const settlement of input.settlements) {
    for (const { row, date } of rowsInPeriod(settlement.rows, input)) {
      rows.push([
        text(input.accountName),
        text(input.region),
        text(settlement.reportId),
        text(row.settlementId),
        text(settlement.header.SettlementStartDate ?? ''),
        text(settlement.header.SettlementEndDate ?? ''),
        text(row.postedAt),
        text(date),
        text(row.transactionType),
        text(row.category),
        text(row.amazonTransactionId),
        text(row.amazonOrderReferenceId),
        text(row.sellerReferenceId),
        text(row.sellerOrderId),
        text(row.storeName),
        text(row.currency),
        money(row.amountMinor, row.currency),
        money(row.percentageFeeMinor, row.currency),
        money(row.fixedFeeMinor, row.currency),
        money(row.feeMinor, row.currency),
        money(row.netMinor, row.currency),
        text(row.description),
        text(settlement.sha256),
        number(String(row.line)),
      ]);
    }
  }
  if (rows.length === 1)
    throw new ExportRefusedError('There is nothing to export in this period.', { reason: 'empty' });
  const csv = writeCsv(rows, { delimiter: input.delimiter, lineEnd: '\r\n' });
  return {
    files: [
      {
        name: `amazon-pay_${fileNamePart(input.accountName)}_${input.currency}_${periodName(input.period)}.csv`,
        mimeType: 'text/csv;charset=utf-8',
        bytes: new TextEncoder().encode(`\uFEFF${csv}`),
        lineCount: rows.length - 1,
      },
    ],
    changes: [],
  };
}
