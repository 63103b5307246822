/**
 * The settlement report (`_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_`) → rows in minor units. Key/value lines
 * before the column line form the header; the column line is found by name and columns are mapped by name, so the
 * title lines and the column order may vary. A bad record becomes an error with its line; the rest still parses.
 */
import { parseMinorUnits, parseMinorUnitsIn, type AmountResult } from './amounts';
import { categoryOf } from './categories';
import { tokenizeCsv, type CsvRecord } from './csv';
import { currencyExponent } from './currencies';
import { decodeSettlementBytes } from './decode';
import { parsePostedAt, parsePostedAtIn } from './posted-at';
import type { SettlementCategory, SettlementReport, SettlementRow } from './types';

const STRING_COLUMNS = {
  settlementId: 'SettlementId',
  transactionType: 'TransactionType',
  amazonTransactionId: 'AmazonTransactionId',
  amazonOrderReferenceId: 'AmazonOrderReferenceId',
  sellerReferenceId: 'SellerReferenceId',
  sellerOrderId: 'SellerOrderId',
  storeName: 'StoreName',
  description: 'TransactionDescription',
} as const;
const AMOUNT_COLUMNS = {
  amountMinor: 'TransactionAmount',
  percentageFeeMinor: 'TransactionPercentageFee',
  fixedFeeMinor: 'TransactionFixedFee',
  feeMinor: 'TotalTransactionFee',
  netMinor: 'NetTransactionAmount',
} as const;
const REQUIRED = ['TransactionPostedDate', 'SettlementId', 'TransactionType', 'CurrencyCode', 'NetTransactionAmount'];

/** Column positions by lower-cased name; a column the file lacks maps to -1 (read as empty). */
function columnIndex(names: string[]): (name: string) => number {
  const positions = new Map(names.map((name, index) => [name.trim().toLowerCase(), index] as const));
  return (name) => positions.get(name.toLowerCase()) ?? -1;
}

/** How many fields remain once trailing empty ones are ignored. */
function filledLength(record: CsvRecord): number {
  let end = record.count;
  while (end > 0 && record.blank(end - 1)) end--;
  return end;
}

type RowReader = (record: CsvRecord, line: number) => SettlementRow | string;

export function parseSettlementReport(input: string | Uint8Array): SettlementReport {
  const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decodeSettlementBytes(input).text;
  const report: SettlementReport = { header: {}, rows: [], errors: [] };
  let columns = 0;
  let readRow: RowReader | undefined;

  tokenizeCsv(text, {
    error: (line, message) => report.errors.push({ line, message }),
    record: (record, line) => {
      const filled = filledLength(record);
      if (!readRow) {
        const fields = Array.from({ length: record.count }, (_, i) => record.field(i));
        if (fields.some((cell) => cell.trim().toLowerCase() === 'transactionposteddate')) {
          const cells = fields.slice(0, filled);
          columns = cells.length;
          const index = columnIndex(cells);
          const missing = REQUIRED.filter((name) => index(name) === -1);
          if (missing.length > 0) {
            report.errors.push({ line, message: `The column line lacks ${missing.join(', ')}.` });
            readRow = () => '';
            return;
          }
          readRow = rowReader(index);
        } else if (filled >= 2) {
          report.header[fields[0]!.trim()] = fields[1]!;
        }
        return;
      }
      if (filled === 0 || columns === 0) return;
      if (record.count < columns) {
        report.errors.push({
          line,
          message: `The row has ${record.count} fields; the column line has ${columns}.`,
        });
        return;
      }
      if (filled > columns) {
        report.errors.push({
          line,
          message: `The row has ${filled} fields; the column line has ${columns}.`,
        });
        return;
      }
      const row = readRow(record, line);
      if (typeof row === 'string') {
        if (row) report.errors.push({ line, message: row });
      } else report.rows.push(row);
    },
  });
  if (!readRow) {
    report.errors.push({ line: 1, message: 'No column line naming "TransactionPostedDate" was found.' });
  }
  return report;
}

/** An amount or a time read in place, or from the field's own string when it had doubled quotes. */
function amountAt(record: CsvRecord, position: number, exponent: number): AmountResult {
  const value = record.unescaped[position];
  if (value != null) return parseMinorUnits(value, exponent);
  return parseMinorUnitsIn(record.text, record.starts[position]!, record.ends[position]!, exponent);
}
function postedAtAt(record: CsvRecord, position: number): string | undefined {
  const value = record.unescaped[position];
  if (value != null) return parsePostedAt(value);
  return parsePostedAtIn(record.text, record.starts[position]!, record.ends[position]!);
}

/**
 * Field `position` as a string; for the columns a file repeats on every row (its settlement id, types, store,
 * descriptions) the string of the last row when the text is the same, so they cost no new string per row.
 */
function repeatedText(record: CsvRecord, position: number, last: string[], slot: number): string {
  if (position === -1) return '';
  const value = record.unescaped[position];
  if (value != null) return value;
  const start = record.starts[position]!;
  const end = record.ends[position]!;
  const previous = last[slot]!;
  if (end - start === previous.length && record.text.startsWith(previous, start)) return previous;
  return (last[slot] = record.text.slice(start, end));
}
const uniqueText = (record: CsvRecord, position: number): string => (position === -1 ? '' : record.field(position));

/** Reads one data record, or returns why it cannot be read. Built as one literal so every row has the same shape. */
function rowReader(index: (name: string) => number): RowReader {
  const at = (name: string) => index(name);
  const postedAtColumn = at('TransactionPostedDate');
  const currencyColumn = at('CurrencyCode');
  const [
    settlementId,
    transactionType,
    transactionId,
    orderReferenceId,
    sellerReferenceId,
    sellerOrderId,
    storeName,
    description,
  ] = Object.values(STRING_COLUMNS).map(at) as number[];
  const amounts = Object.values(AMOUNT_COLUMNS).map((name) => [name, at(name)] as const);

  // A file has a handful of types and currencies: each is classified once, not once per row.
  const categories = new Map<string, SettlementCategory>();
  const last = ['', '', '', '', ''];
  let rawCurrency: string | undefined;
  let currency = '';
  let exponent: number | undefined;
  const minor = [0, 0, 0, 0, 0];

  return (record, line) => {
    const postedAt = postedAtAt(record, postedAtColumn);
    if (!postedAt) {
      return `TransactionPostedDate "${record.field(postedAtColumn)}" is not a date and time with an offset.`;
    }
    const writtenCurrency = repeatedText(record, currencyColumn, last, 0);
    if (writtenCurrency !== rawCurrency) {
      rawCurrency = writtenCurrency;
      currency = rawCurrency.trim().toUpperCase();
      exponent = currencyExponent(currency);
    }
    if (exponent === undefined) return `CurrencyCode "${rawCurrency}" is not an ISO 4217 currency.`;
    for (let i = 0; i < 5; i++) {
      const [name, position] = amounts[i]!;
      const amount = position === -1 ? 0 : amountAt(record, position, exponent);
      if (typeof amount === 'string') return `${name}: ${amount}`;
      minor[i] = amount;
    }
    const type = repeatedText(record, transactionType!, last, 1);
    let category = categories.get(type);
    if (category === undefined) categories.set(type, (category = categoryOf(type)));
    return {
      line,
      postedAt,
      settlementId: repeatedText(record, settlementId!, last, 2),
      transactionType: type,
      category,
      currency,
      amountMinor: minor[0]!,
      percentageFeeMinor: minor[1]!,
      fixedFeeMinor: minor[2]!,
      feeMinor: minor[3]!,
      netMinor: minor[4]!,
      amazonTransactionId: uniqueText(record, transactionId!),
      amazonOrderReferenceId: uniqueText(record, orderReferenceId!),
      sellerReferenceId: uniqueText(record, sellerReferenceId!),
      sellerOrderId: uniqueText(record, sellerOrderId!),
      storeName: repeatedText(record, storeName!, last, 3),
      description: repeatedText(record, description!, last, 4),
    };
  };
}
