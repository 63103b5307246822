/**
 * Report file contents. The settlement layout follows amazon-pay-api.md §2.12 (every field double-quoted, a
 * `"Key","Value"` header block, then a column line starting `"TransactionPostedDate"`); columns marked unverified
 * there, and all transaction-report columns, are our invention.
 */
import { formatWithOffset } from './dates';
import type { Region } from './merchants';
import { DIGITS, type Rng } from './prng';
import { BILLING_AGREEMENT, MULTI_CURRENCY, ORDER_REFERENCE, REFUND, SANDBOX_SETTLEMENT, SETTLEMENT } from './report-types';
import type { ReportRecord } from './reports';

const CURRENCY: Record<Region, string> = { na: 'USD', eu: 'EUR', jp: 'JPY' };

export interface FileContext {
  rng: Rng;
  sellerId: string;
  region: Region;
}

const quote = (f: string | number): string => {
  const s = String(f);
  return s.includes('"') ? s.replace(/"/g, '""') : s;
};
const line = (fields: readonly (string | number)[]): string => `"${fields.map(quote).join('","')}"\n`;

function money(rng: Rng, region: Region, min: number, max: number): number {
  const v = min + rng.next() * (max - min);
  return region === 'jp' ? Math.round(v * 100) : Math.round(v * 100) / 100;
}

const fmt = (v: number, region: Region): string => (region === 'jp' ? v.toFixed(0) : v.toFixed(2));
const orderRef = (rng: Rng): string => `P01-${rng.chars(DIGITS, 7)}-${rng.chars(DIGITS, 7)}`;

function postedAt(rng: Rng, r: ReportRecord): number {
  return r.startTime + Math.floor(rng.next() * Math.max(1, r.endTime - r.startTime));
}

const SETTLEMENT_COLUMNS = [
  'TransactionPostedDate', 'SettlementId', 'AmazonTransactionId', 'SellerReferenceId', 'TransactionType',
  'AmazonOrderReferenceId', 'SellerOrderId', 'StoreName', 'CurrencyCode', 'TransactionAmount',
  'TransactionPercentageFee', 'TransactionFixedFee', 'TotalTransactionFee', 'NetTransactionAmount', 'TransactionDescription',
];

function settlement(r: ReportRecord, c: FileContext): string[] {
  const { rng, region } = c;
  const settlementId = `${rng.int(1, 9)}${rng.chars(DIGITS, 9)}`;
  const out = [
    line(['SellerId', c.sellerId]),
    line(['SettlementStartDate', formatWithOffset(r.startTime)]),
    line(['SettlementEndDate', formatWithOffset(r.endTime)]),
    line(SETTLEMENT_COLUMNS),
  ];
  let total = 0;
  for (let i = 0; i < r.rows; i++) {
    const oro = orderRef(rng);
    const kind = rng.next();
    const type = kind < 0.85 ? 'Capture' : kind < 0.97 ? 'Refund' : rng.pick(['Chargeback', 'A to Z Guarantee Claim', 'Adjustment']);
    const sign = type === 'Capture' || type === 'Adjustment' ? 1 : -1;
    const amount = sign * money(rng, region, 3, 480);
    const pct = -sign * (region === 'jp' ? Math.round(Math.abs(amount) * 0.036) : Math.round(Math.abs(amount) * 2.9) / 100);
    const fixed = type === 'Capture' ? -(region === 'jp' ? 0 : 0.3) : 0;
    const fee = pct + fixed;
    const net = amount + fee;
    total += net;
    out.push(line([
      formatWithOffset(postedAt(rng, r)), settlementId, `${oro}-${type === 'Refund' ? 'R' : 'C'}${rng.chars(DIGITS, 6)}`,
      `ref-${rng.chars(DIGITS, 10)}`, type, oro, `ORDER-${rng.chars(DIGITS, 8)}`, 'Emulator Demo Store', CURRENCY[region],
      fmt(amount, region), fmt(pct, region), fmt(fixed, region), fmt(fee, region), fmt(net, region), '',
    ]));
  }
  out.push(line([
    formatWithOffset(r.endTime), settlementId, '', '', 'Transfer', '', '', 'Emulator Demo Store', CURRENCY[region],
    fmt(-total, region), fmt(0, region), fmt(0, region), fmt(0, region), fmt(-total, region), 'Payout to bank account',
  ]));
  return out;
}

type RowMaker = (rng: Rng, r: ReportRecord, region: Region) => (string | number)[];

const TRANSACTION_LAYOUTS: Record<string, { columns: string[]; row: RowMaker }> = {
  [ORDER_REFERENCE]: {
    columns: ['AmazonOrderReferenceId', 'SellerOrderId', 'CreationTimestamp', 'OrderReferenceStatus', 'OrderTotal', 'CurrencyCode', 'StoreName'],
    row: (rng, r, region) => [orderRef(rng), `ORDER-${rng.chars(DIGITS, 8)}`, formatWithOffset(postedAt(rng, r)),
      rng.pick(['Open', 'Closed', 'Canceled']), fmt(money(rng, region, 3, 480), region), CURRENCY[region], 'Emulator Demo Store'],
  },
  [BILLING_AGREEMENT]: {
    columns: ['AmazonBillingAgreementId', 'SellerBillingAgreementId', 'CreationTimestamp', 'BillingAgreementStatus', 'StoreName'],
    row: (rng, r) => [`C01-${rng.chars(DIGITS, 7)}-${rng.chars(DIGITS, 7)}`, `BA-${rng.chars(DIGITS, 8)}`,
      formatWithOffset(postedAt(rng, r)), rng.pick(['Open', 'Closed', 'Suspended']), 'Emulator Demo Store'],
  },
  [REFUND]: {
    columns: ['AmazonRefundId', 'AmazonCaptureId', 'RefundReferenceId', 'CreationTimestamp', 'RefundStatus', 'RefundAmount', 'CurrencyCode'],
    row: (rng, r, region) => {
      const oro = orderRef(rng);
      return [`${oro}-R${rng.chars(DIGITS, 6)}`, `${oro}-C${rng.chars(DIGITS, 6)}`, `refund-${rng.chars(DIGITS, 8)}`,
        formatWithOffset(postedAt(rng, r)), rng.pick(['Completed', 'Pending', 'Declined']), fmt(money(rng, region, 1, 200), region), CURRENCY[region]];
    },
  },
  [MULTI_CURRENCY]: {
    columns: ['AmazonTransactionId', 'AmazonOrderReferenceId', 'TransactionPostedDate', 'TransactionType', 'PresentmentAmount',
      'PresentmentCurrency', 'SettlementAmount', 'SettlementCurrency', 'ExchangeRate'],
    row: (rng, r, region) => {
      const oro = orderRef(rng);
      const rate = 0.6 + rng.next();
      const presented = money(rng, 'na', 3, 480);
      return [`${oro}-C${rng.chars(DIGITS, 6)}`, oro, formatWithOffset(postedAt(rng, r)), 'Capture', presented.toFixed(2),
        rng.pick(['GBP', 'CHF', 'SEK', 'DKK', 'NOK', 'AUD']), fmt(region === 'jp' ? Math.round(presented * rate * 100) : presented * rate, region), CURRENCY[region], rate.toFixed(6)];
    },
  },
};

/** Authorization reports (and anything unlisted) use this layout. */
const AUTHORIZATION_LAYOUT = {
  columns: ['AmazonAuthorizationId', 'AmazonOrderReferenceId', 'AuthorizationReferenceId', 'CreationTimestamp', 'AuthorizationStatus', 'AuthorizationAmount', 'CapturedAmount', 'CurrencyCode'],
  row: ((rng, r, region) => {
    const oro = orderRef(rng);
    const amount = money(rng, region, 3, 480);
    return [`${oro}-A${rng.chars(DIGITS, 6)}`, oro, `auth-${rng.chars(DIGITS, 8)}`, formatWithOffset(postedAt(rng, r)),
      rng.pick(['Closed', 'Open', 'Declined']), fmt(amount, region), fmt(rng.next() < 0.8 ? amount : 0, region), CURRENCY[region]];
  }) as RowMaker,
};

/** The file as a list of lines (each ending in `\n`). */
export function reportLines(r: ReportRecord, c: FileContext): string[] {
  if (r.reportType === SETTLEMENT || r.reportType === SANDBOX_SETTLEMENT) return settlement(r, c);
  const layout = TRANSACTION_LAYOUTS[r.reportType] ?? AUTHORIZATION_LAYOUT;
  const out = [line(layout.columns)];
  for (let i = 0; i < r.rows; i++) out.push(line(layout.row(c.rng, r, c.region)));
  return out;
}
