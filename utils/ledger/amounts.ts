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
  let text = raw.trim();
  let negative = false;
  let signs = 0;
  if (text.length > 1 && text.charCodeAt(0) === 40 && text.charCodeAt(text.length - 1) === 41) {
    negative = true;
    signs++;
    text = text.slice(1, -1).trim();
  }
  let start = 0;
  let end = text.length;
  const first = text.charCodeAt(0);
  if (first === 45 || first === 43) {
    negative = negative || first === 45;
    signs++;
    start = 1;
  }
  if (end > start && text.charCodeAt(end - 1) === 45) {
    negative = true;
    signs++;
    end--;
  }
  if (signs > 1) return `"${raw}" has two signs.`;

  let value = 0;
  let wholeDigits = 0;
  let groupDigits = 0;
  let groups = 0;
  let i = start;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      if (groupDigits === 0 || (groups === 0 ? groupDigits > 3 : groupDigits !== 3)) return notAnAmount(raw);
      groups++;
      groupDigits = 0;
      continue;
    }
    if (c === DOT) break;
    const digit = c - ZERO;
    if (digit < 0 || digit > 9) return notAnAmount(raw);
    value = value * 10 + digit;
    wholeDigits++;
    groupDigits++;
  }
  if (wholeDigits === 0 || (groups > 0 && groupDigits !== 3)) return notAnAmount(raw);

  let decimals = 0;
  if (i < end) {
    i++;
    if (i === end) return notAnAmount(raw);
    for (; i < end; i++) {
      const digit = text.charCodeAt(i) - ZERO;
      if (digit < 0 || digit > 9) return notAnAmount(raw);
      decimals++;
      if (decimals <= exponent) value = value * 10 + digit;
      else if (digit !== 0) {
        const written = end - text.indexOf('.', start) - 1;
        return `"${raw}" has ${written} decimals; the currency has ${exponent}. It was not rounded.`;
      }
    }
  }
  for (; decimals < exponent; decimals++) value *= 10;
  if (!Number.isSafeInteger(value)) return `"${raw}" is too large to be kept exactly.`;
  return negative && value !== 0 ? -value : value;
}
