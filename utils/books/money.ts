/**
 * Minor units to the decimal strings the files want. Exponents per ISO 4217 (currencies with other than two minor
 * digits listed; everything else has two). Pure integer arithmetic on strings: nothing is rounded.
 */
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

export function currencyExponent(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2;
}

/** `-1234` cents → `-12.34` (JPY `-1234` → `-1234`); `separator` is the decimal mark. */
export function formatMinor(minor: number, currency: string, separator: '.' | ',' = '.'): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Not an integer amount in minor units: ${minor}`);
  const exponent = currencyExponent(currency);
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent ? separator + digits.slice(digits.length - exponent) : '';
  return `${minor < 0 ? '-' : ''}${whole}${fraction}`;
}
