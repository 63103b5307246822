/**
 * The settlement report (`_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_`) → rows in minor units. Key/value lines
 * before the column line form the header; the column line is found by name and columns are mapped by name, so the
 * title lines and the column order may vary. A bad record becomes an error with its line; the rest still parses.
 */
import { parseMinorUnits } from './amounts';
import { categoryOf } from './categories';
import { tokenizeCsv } from './csv';
import { currencyExponent } from './currencies';
import { decodeSettlementBytes } from './decode';
import { parsePostedAt } from './posted-at';
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
function filledLength(fields: readonly string[]): number {
  let end = fields.length;
  while (end > 0 && fields[end - 1]!.trim() === '') end--;
  return end;
}

export function parseSettlementReport(input: string | Uint8Array): SettlementReport {
  const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decodeSettlementBytes(input).text;
  const report: SettlementReport = { header: {}, rows: [], errors: [] };
  let columns = 0;
  let readRow: ((fields: string[], line: number) => SettlementRow | string) | undefined;

  tokenizeCsv(text, {
    error: (line, message) => report.errors.push({ line, message }),
    record: (fields, line) => {
      const filled = filledLength(fields);
      if (!readRow) {
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
      if (fields.length < columns) {
        report.errors.push({
          line,
          message: `The row has ${fields.length} fields; the column line has ${columns}.`,
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
      const row = readRow(fields, line);
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

/** Reads one data record, or returns why it cannot be read. Built as one literal so every row has the same shape. */
function rowReader(index: (name: string) => number): (fields: string[], line: number) => SettlementRow | string {
  const at = (name: string) => index(name);
  const postedAtAt = at('TransactionPostedDate');
  const currencyAt = at('CurrencyCode');
  const text = (fields: string[], position: number): string => (position === -1 ? '' : fields[position]!);
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
  let rawCurrency: string | undefined;
  let currency = '';
  let exponent: number | undefined;
  const minor = [0, 0, 0, 0, 0];

  return (fields, line) => {
    const rawPostedAt = fields[postedAtAt]!;
    const postedAt = parsePostedAt(rawPostedAt);
    if (!postedAt) return `TransactionPostedDate "${rawPostedAt}" is not a date and time with an offset.`;
    if (fields[currencyAt] !== rawCurrency) {
      rawCurrency = fields[currencyAt]!;
      currency = rawCurrency.trim().toUpperCase();
      exponent = currencyExponent(currency);
    }
    if (exponent === undefined) return `CurrencyCode "${fields[currencyAt]}" is not an ISO 4217 currency.`;
    for (let i = 0; i < 5; i++) {
      const [name, position] = amounts[i]!;
      const amount = position === -1 ? 0 : parseMinorUnits(fields[position]!, exponent);
      if (typeof amount === 'string') return `${name}: ${amount}`;
      minor[i] = amount;
    }
    const type = text(fields, transactionType!);
    let category = categories.get(type);
    if (category === undefined) categories.set(type, (category = categoryOf(type)));
    return {
      line,
      postedAt,
      settlementId: text(fields, settlementId!),
      transactionType: type,
      category,
      currency,
      amountMinor: minor[0]!,
      percentageFeeMinor: minor[1]!,
      fixedFeeMinor: minor[2]!,
      feeMinor: minor[3]!,
      netMinor: minor[4]!,
      amazonTransactionId: text(fields, transactionId!),
      amazonOrderReferenceId: text(fields, orderReferenceId!),
      sellerReferenceId: text(fields, sellerReferenceId!),
      sellerOrderId: text(fields, sellerOrderId!),
      storeName: text(fields, storeName!),
      description: text(fields, description!),
    };
  };
}
