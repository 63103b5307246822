/**
 * Bank statements as CSV, read through a column mapping the merchant chooses once per bank account: which column
 * holds the date (and in which order), the amount (signed, or credit and debit apart), the currency, the
 * counterparty, the purpose and references. The heading line is found by the date column's name, so a bank's
 * preamble lines are skipped; the delimiter is guessed from that line.
 */
import { StatementUnreadableError } from '../books/errors';
import { parseMinor } from '../books/money';
import { guessDelimiter, parseCsv } from '../csv/parse';
import { assignIds } from './entry-id';
import type { BankEntry } from './types';

export type CsvDateOrder = 'DD.MM.YYYY' | 'YYYY-MM-DD' | 'DD/MM/YYYY' | 'MM/DD/YYYY';

export interface CsvColumnMapping {
  /** The bank account the file belongs to (IBAN or a name). */
  account: string;
  date: string;
  dateOrder: CsvDateOrder;
  /** A signed amount column, or `credit` and `debit` columns. */
  amount?: string;
  credit?: string;
  debit?: string;
  decimal: ',' | '.';
  /** A currency column, else every line is in `currency`. */
  currencyColumn?: string;
  currency: string;
  counterparty?: string;
  purpose: string[];
  references: string[];
}

const DATE_PATTERNS: Readonly<Record<CsvDateOrder, RegExp>> = {
  'DD.MM.YYYY': /^(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{2}|\d{4})$/,
  'YYYY-MM-DD': /^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})/,
  'DD/MM/YYYY': /^(?<d>\d{1,2})\/(?<m>\d{1,2})\/(?<y>\d{2}|\d{4})$/,
  'MM/DD/YYYY': /^(?<m>\d{1,2})\/(?<d>\d{1,2})\/(?<y>\d{2}|\d{4})$/,
};

function localDate(value: string, order: CsvDateOrder): string | undefined {
  const groups = DATE_PATTERNS[order].exec(value.trim())?.groups;
  if (!groups) return undefined;
  const year = groups.y!.length === 2 ? `20${groups.y}` : groups.y!;
  const date = `${year}-${groups.m!.padStart(2, '0')}-${groups.d!.padStart(2, '0')}`;
  return new Date(`${date}T00:00:00Z`).toISOString().startsWith(date) ? date : undefined;
}

export function readCsvStatement(text: string, file: string, mapping: CsvColumnMapping): BankEntry[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  const headingIndex = lines.findIndex((line) => line.includes(mapping.date));
  const refuse = (reason: string, line?: number): never => {
    throw new StatementUnreadableError(`${file}${line ? `, line ${line}` : ''}: ${reason}`, { file, line, reason });
  };
  if (headingIndex < 0) refuse(`no heading line with the date column "${mapping.date}". Check the column mapping.`);
  const delimiter = guessDelimiter(lines[headingIndex]!);
  const records = parseCsv(lines.slice(headingIndex).join('\n'), delimiter);
  const heading = records[0]!.fields.map((f) => f.trim());
  const index = (name: string | undefined) => {
    if (name === undefined) return -1;
    const at = heading.indexOf(name);
    if (at < 0) refuse(`no column "${name}" in the heading line. Check the column mapping.`, headingIndex + 1);
    return at;
  };
  const [dateAt, amountAt, creditAt, debitAt, currencyAt, counterpartyAt] = [
    mapping.date,
    mapping.amount,
    mapping.credit,
    mapping.debit,
    mapping.currencyColumn,
    mapping.counterparty,
  ].map(index);
  if (amountAt! < 0 && creditAt! < 0)
    refuse('the mapping names neither an amount column nor credit and debit columns.');
  const purposeAt = mapping.purpose.map(index);
  const referenceAt = mapping.references.map(index);
  const raw = records.slice(1).map((record, i) => {
    const line = record.line + headingIndex;
    const cell = (at: number) => (at >= 0 ? (record.fields[at] ?? '').trim() : '');
    const currency = cell(currencyAt!) || mapping.currency;
    const date =
      localDate(cell(dateAt!), mapping.dateOrder) ??
      refuse(`"${cell(dateAt!)}" is not a date in the form ${mapping.dateOrder}.`, line);
    const read = (at: number) =>
      cell(at) === ''
        ? 0
        : (parseMinor(cell(at), currency, mapping.decimal) ??
          refuse(`"${cell(at)}" is not an amount in ${currency}.`, line));
    const amountMinor = amountAt! >= 0 ? read(amountAt!) : Math.abs(read(creditAt!)) - Math.abs(read(debitAt!));
    return {
      account: mapping.account,
      currency,
      amountMinor,
      bookingDate: date,
      status: 'booked' as const,
      reversal: false,
      counterparty: cell(counterpartyAt!),
      references: referenceAt.map(cell).filter(Boolean),
      remittance: purposeAt.map(cell).filter(Boolean).join(' '),
      details: [],
      source: { file, position: i + 1 },
    };
  });
  return assignIds(raw);
}
