import { currencyExponent } from '../ledger/currencies';
import { uiLanguage } from '../i18n';

const formats = new Map<string, Intl.NumberFormat>();

/** Minor units as the UI language writes money in that currency, with exactly the currency's decimals. */
export function formatMinor(minor: number, currency: string): string {
  const exponent = currencyExponent(currency) ?? 2;
  const key = `${uiLanguage()}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(uiLanguage(), {
      style: 'currency',
      currency,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    formats.set(key, format);
  }
  return format.format(minor / 10 ** exponent);
}

/** Short money for a chart's axis ("$3.2M"), where the exact amount would not fit beside the plot. */
export function formatAxisMinor(minor: number, currency: string): string {
  const exponent = currencyExponent(currency) ?? 2;
  return new Intl.NumberFormat(uiLanguage(), {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(minor / 10 ** exponent);
}

export function formatRate(rate: number): string {
  return new Intl.NumberFormat(uiLanguage(), { style: 'percent', minimumFractionDigits: 2 }).format(rate);
}
