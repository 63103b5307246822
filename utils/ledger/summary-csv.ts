/**
 * The per-settlement summary CSV: one line per settlement and currency, amounts as plain decimals with exactly
 * the currency's decimals (computed from minor units as text, never through floating point). UTF-8 with a BOM
 * and CRLF, for spreadsheets; every cell through the formula neutraliser.
 */
import { csvRecord } from '../csv/cells';
import { currencyExponent } from './currencies';
import type { ListedSettlement } from './queries';
import type { SettlementCategory } from './types';

const REVERSALS: ReadonlySet<SettlementCategory> = new Set(['refund', 'chargeback', 'atoz', 'dispute']);

/** Minor units → `-12.34` (JPY `-1234`), exactly. */
export function decimalText(minor: number, currency: string): string {
  const exponent = currencyExponent(currency) ?? 2;
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const text = exponent > 0 ? `${whole}.${digits.slice(-exponent)}` : whole;
  return minor < 0 ? `-${text}` : text;
}

const COLUMNS = [
  'settlement_id',
  'currency',
  'seller_id',
  'period_start_utc',
  'period_end_utc',
  'rows',
  'captures_gross',
  'fees',
  'refunds_and_claims_net',
  'activity',
  'payout',
  'carry',
  'check',
  'payout_explanation',
  'file',
  'source_file_sha256',
];

export function settlementSummaryCsv(settlements: readonly ListedSettlement[]): string {
  const lines = settlements.map(({ summary, payout, light }) => {
    const money = (minor: number) => decimalText(minor, summary.currency);
    const total = (
      pick: (c: (typeof summary.categories)[number]) => number,
      only?: (c: SettlementCategory) => boolean,
    ) => summary.categories.filter((c) => !only || only(c.category)).reduce((sum, c) => sum + pick(c), 0);
    return csvRecord([
      summary.settlementId,
      summary.currency,
      summary.sellerId,
      summary.periodStart ?? '',
      summary.periodEnd ?? '',
      summary.rowCount,
      money(
        total(
          (c) => c.grossMinor,
          (c) => c === 'capture',
        ),
      ),
      money(total((c) => c.feeMinor)),
      money(
        total(
          (c) => c.netMinor,
          (c) => REVERSALS.has(c),
        ),
      ),
      money(summary.identity.activity),
      money(summary.identity.payout),
      money(summary.identity.carry),
      light,
      payout.explanation,
      summary.fileName,
      summary.sha256,
    ]);
  });
  return `\uFEFF${[csvRecord(COLUMNS), ...lines].join('\r\n')}\r\n`;
}
