/**
 * Settlement amounts as written ("-0.29", "1,234.56", "0", JPY "1,234") → integer minor units, exactly. Nothing is
 * ever rounded: digits past the currency's exponent are accepted only when they are zeros ("1,234.00" in JPY).
 * A character loop rather than a regular expression: a settlement has five amounts per row and this is the hot path.
 */
/** Minor units, or (a string) why the text is not an amount. A bare union: no object per amount on the hot path. */
export type AmountResult = number | string;

const ZERO = 48;
const COMMA = 44;
const DOT = 46;

const notAnAmount = (raw: string): string => `"${raw}" is not an amount.`;

export function parseMinorUnits(raw: string, exponent: number): AmountResult {
  return parseMinorUnitsIn(raw, 0, raw.length, exponent);
}

/** What String.prototype.trim removes: ASCII white space and line breaks, and Unicode spaces. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 160 ||
    c === 5760 ||
    (c >= 8192 && c <= 8202) ||
    c === 8232 ||
    c === 8233 ||
    c === 8239 ||
    c === 8287 ||
    c === 12288 ||
    c === 65279
  );
}

/** The amount written in text[from, to), read in place: a settlement's amounts never become strings of their own. */
export function parseMinorUnitsIn(source: string, from: number, to: number, exponent: number): AmountResult {
  let start = from;
  let end = to;
  while (start < end && isSpace(source.charCodeAt(start))) start++;
  while (end > start && isSpace(source.charCodeAt(end - 1))) end--;
  let negative = false;
  let signs = 0;
  if (end - start > 1 && source.charCodeAt(start) === 40 && source.charCodeAt(end - 1) === 41) {
    negative = true;
    signs++;
    start++;
    end--;
    while (start < end && isSpace(source.charCodeAt(start))) start++;
    while (end > start && isSpace(source.charCodeAt(end - 1))) end--;
  }
  const first = source.charCodeAt(start);
  if (start < end && (first === 45 || first === 43)) {
    negative = negative || first === 45;
    signs++;
    start++;
  }
  if (end > start && source.charCodeAt(end - 1) === 45) {
    negative = true;
    signs++;
    end--;
  }
  if (signs > 1) return `"${source.slice(from, to)}" has two signs.`;

  let value = 0;
  let wholeDigits = 0;
  let groupDigits = 0;
  let groups = 0;
  let i = start;
  for (; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c === COMMA) {
      if (groupDigits === 0 || (groups === 0 ? groupDigits > 3 : groupDigits !== 3))
        return notAnAmount(source.slice(from, to));
      groups++;
      groupDigits = 0;
      continue;
    }
    if (c === DOT) break;
    const digit = c - ZERO;
    if (digit < 0 || digit > 9) return notAnAmount(source.slice(from, to));
    value = value * 10 + digit;
    wholeDigits++;
    groupDigits++;
  }
  if (wholeDigits === 0 || (groups > 0 && groupDigits !== 3)) return notAnAmount(source.slice(from, to));

  let decimals = 0;
  if (i < end) {
    i++;
    if (i === end) return notAnAmount(source.slice(from, to));
    for (; i < end; i++) {
      const digit = source.charCodeAt(i) - ZERO;
      if (digit < 0 || digit > 9) return notAnAmount(source.slice(from, to));
      decimals++;
      if (decimals <= exponent) value = value * 10 + digit;
      else if (digit !== 0) {
        const written = end - source.indexOf('.', start) - 1;
        return `"${source.slice(from, to)}" has ${written} decimals; the currency has ${exponent}. It was not rounded.`;
      }
    }
  }
  for (; decimals < exponent; decimals++) value *= 10;
  if (!Number.isSafeInteger(value)) return `"${source.slice(from, to)}" is too large to be kept exactly.`;
  return negative && value !== 0 ? -value : value;
}
