/**
 * RFC 4180 writing for the exports. Cells are typed: text is neutralised against formula injection and quoted when
 * needed (or always), numbers are written as given after a check that they really are plain numbers — a negative
 * amount must stay a number, and a check is what makes leaving it unprefixed safe.
 */
import { neutraliseFormula } from './cells';

export type Cell = { text: string } | { number: string };

export const text = (value: string): Cell => ({ text: value });
export const number = (value: string): Cell => ({ number: value });

const PLAIN_NUMBER = /^-?\d+([.,]\d+)?$/;

export interface CsvDialect {
  delimiter: ',' | ';';
  /** Quote every text cell (DATEV) rather than only those that need it. */
  quoteAllText?: boolean;
  lineEnd: '\r\n' | '\n';
}

export function formatCell(cell: Cell, dialect: CsvDialect): string {
  if ('number' in cell) {
    if (cell.number !== '' && !PLAIN_NUMBER.test(cell.number)) throw new Error(`Not a plain number: ${cell.number}`);
    return cell.number;
  }
  const value = neutraliseFormula(cell.text);
  const needsQuotes = dialect.quoteAllText || value.includes(dialect.delimiter) || /["\r\n]/.test(value);
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One line per row, the line end after every line including the last. */
export function writeCsv(rows: readonly (readonly Cell[])[], dialect: CsvDialect): string {
  let out = '';
  for (const row of rows) out += row.map((cell) => formatCell(cell, dialect)).join(dialect.delimiter) + dialect.lineEnd;
  return out;
}
