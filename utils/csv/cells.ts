/**
 * CSV cells for every file this product writes (history today, ledger and books exports next). Report data and
 * merchant-typed text are untrusted: a spreadsheet evaluates a cell that starts with =, +, -, @, tab or CR as a
 * formula, so such a cell is prefixed with an apostrophe and shows as the text it is.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain signed decimal such as -12.34 or -12,34 is data, not a formula; amounts keep their sign. */
const PLAIN_DECIMAL = /^-?\d+(?:[.,]\d+)?$/;

/** The text a spreadsheet shows as written, never evaluates. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_DECIMAL.test(text) ? `'${text}` : text;
}

/** One field: neutralised, then quoted as RFC 4180 asks when it holds a quote, comma or line break. */
export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record of fields joined by commas (no line ending). */
export function csvRecord(values: readonly (string | number)[]): string {
  return values.map(csvField).join(',');
}
