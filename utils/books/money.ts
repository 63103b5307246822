/**
 * Minor units to the decimal strings the files want and back, with the ledger's ISO 4217 exponents. Pure integer
 * arithmetic on strings: nothing is rounded.
 */
import { currencyExponent } from '../ledger/currencies';

/** Digits after the decimal point; the ledger's ISO 4217 table, two for a code it does not know. */
export function exponentOf(currency: string): number {
  return currencyExponent(currency.toUpperCase()) ?? 2;
}

/** `-1234` cents → `-12.34` (JPY `-1234` → `-1234`); `separator` is the decimal mark. */
export function formatMinor(minor: number, currency: string, separator: '.' | ',' = '.'): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Not an integer amount in minor units: ${minor}`);
  const exponent = exponentOf(currency);
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent ? separator + digits.slice(digits.length - exponent) : '';
  return `${minor < 0 ? '-' : ''}${whole}${fraction}`;
}

/**
 * A decimal string (`1000.50`, `1,000.50`, `1.000,50` with `decimal: ','`) to minor units. Thousands separators only
 * in groups of three; more decimals than the currency has is refused (so `1.000` is never read as one euro), except
 * zeros after a currency without minor units (`1,234.00` yen). `null` when the text is not such an amount.
 */
export function parseMinor(value: string, currency: string, decimal: '.' | ',' = '.'): number | null {
  const thousands = decimal === '.' ? ',' : '.';
  const pattern = new RegExp(`^([+-]?)(\\d{1,3}(?:\\${thousands}\\d{3})+|\\d+)(?:\\${decimal}(\\d+))?$`);
  const match = pattern.exec(value.trim().replace(/\s/g, ''));
  if (!match) return null;
  const exponent = exponentOf(currency);
  let fraction = match[3] ?? '';
  if (exponent === 0) fraction = fraction.replace(/0+$/, '');
  if (fraction.length > exponent) return null;
  const minor = Number(match[2]!.split(thousands).join('') + fraction.padEnd(exponent, '0'));
  return Number.isSafeInteger(minor) ? (match[1] === '-' ? -minor : minor) : null;
}
