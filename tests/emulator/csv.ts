/**
 * Report file contents. Settlements come from settlement-file.ts; the refund report has the real 12-column layout
 * (one row per state change), the order-reference layout is a medium-confidence reconstruction, and the
 * authorization, billing-agreement and multi-currency layouts are our invention (README "Report files").
 */
import { formatLocal, REGION_TIME_ZONES } from './local-time';
import type { Region } from './merchants';
import { DIGITS, type Rng } from './prng';
import {
  BILLING_AGREEMENT,
  MULTI_CURRENCY,
  ORDER_REFERENCE,
  REFUND,
  SANDBOX_SETTLEMENT,
  SETTLEMENT,
} from './report-types';
import type { ReportRecord } from './reports';
import { formatAmount, renderSettlement, settlementIdFrom } from './settlement-file';
import { CURRENCIES, priceMinor } from './settlement-rows';

export interface FileContext {
  /** Seed of this document's contents. */
  seed: string;
  rng: Rng;
  sellerId: string;
  region: Region;
  storeName: string;
}

const line = (fields: readonly string[]): string => `${fields.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')}\n`;
const orderRef = (rng: Rng): string => `P01-${rng.chars(DIGITS, 7)}-${rng.chars(DIGITS, 7)}`;

interface Row {
  c: FileContext;
  r: ReportRecord;
  at: (ms: number) => string;
  money: (minor: number) => string;
  time: () => number;
}
type Layout = { columns: string[]; rows: (x: Row) => string[][] };

/** Real (SMASHPIG 2015 refund files): a Pending row, then a Completed (or Declined) row for the same refund. */
const REFUND_LAYOUT: Layout = {
  columns: [
    'AmazonRefundId',
    'RefundReferenceId',
    'AmazonCaptureId',
    'AmazonOrderReferenceId',
    'RefundAmount',
    'CurrencyCode',
    'SellerRefundNote',
    'RefundType',
    'RefundStatus',
    'LastUpdateTimestamp',
    'ReasonCode',
    'CreationTimestamp',
  ],
  rows: ({ c, at, money, time }) => {
    const { rng } = c;
    const order = orderRef(rng);
    const created = time();
    const fields = [
      `${order}-R0${rng.chars(DIGITS, 5)}`,
      `refund-${rng.chars(DIGITS, 8)}`,
      `${order}-C0${rng.chars(DIGITS, 5)}`,
      order,
      money(priceMinor(rng, 1, 200)),
      CURRENCIES[c.region],
      rng.next() < 0.7 ? '' : 'Customer return',
      rng.next() < 0.95 ? 'SellerInitiated' : 'BuyerInitiated',
    ];
    const declined = rng.next() < 0.05;
    const settled = created + rng.int(60, 4 * 3600) * 1000;
    return [
      [...fields, 'Pending', at(created), '', at(created)],
      [...fields, declined ? 'Declined' : 'Completed', at(settled), declined ? 'AmazonRejected' : '', at(created)],
    ];
  },
};

/** Medium confidence: the column set of a US retailer's published views of this report. */
const ORDER_REFERENCE_LAYOUT: Layout = {
  columns: [
    'AmazonOrderReferenceId',
    'SellerOrderId',
    'OrderTotal',
    'CurrencyCode',
    'SellerNote',
    'DestinationCity',
    'DestinationDistrictOrCounty',
    'DestinationStateOrRegion',
    'DestinationPostalCode',
    'DestinationCountryCode',
    'StoreName',
    'CustomInformation',
    'OrderReferenceStatus',
    'LastUpdateTimestamp',
    'ReasonCode',
    'ReasonDescription',
    'CreationTimestamp',
    'ExpirationTimestamp',
    'BillingAgreementId',
  ],
  rows: ({ c, at, money, time }) => {
    const { rng } = c;
    const created = time();
    const status = rng.pick(['Open', 'Closed', 'Closed', 'Canceled']);
    const [city, state, postal, country] = rng.pick(PLACES[c.region]);
    return [
      [
        orderRef(rng),
        `ORDER-${rng.chars(DIGITS, 8)}`,
        money(priceMinor(rng, 3, 480)),
        CURRENCIES[c.region],
        '',
        city,
        '',
        state,
        postal,
        country,
        c.storeName,
        '',
        status,
        at(created + rng.int(60, 86_400) * 1000),
        status === 'Closed' ? 'MaxAmountCharged' : status === 'Canceled' ? 'SellerCanceled' : '',
        '',
        at(created),
        at(created + 180 * 86_400_000),
        '',
      ],
    ];
  },
};

const PLACES: Record<Region, Array<[string, string, string, string]>> = {
  na: [
    ['Seattle', 'WA', '98109', 'US'],
    ['Austin', 'TX', '78701', 'US'],
  ],
  eu: [
    ['Berlin', '', '10115', 'DE'],
    ['London', '', 'SW1A 1AA', 'GB'],
  ],
  jp: [
    ['Shibuya-ku', 'Tokyo', '150-0002', 'JP'],
    ['Osaka-shi', 'Osaka', '530-0001', 'JP'],
  ],
};

const invented = (columns: string[], row: (x: Row) => string[]): Layout => ({ columns, rows: (x) => [row(x)] });

const LAYOUTS: Record<string, Layout> = {
  [REFUND]: REFUND_LAYOUT,
  [ORDER_REFERENCE]: ORDER_REFERENCE_LAYOUT,
  [BILLING_AGREEMENT]: invented(
    [
      'AmazonBillingAgreementId',
      'SellerBillingAgreementId',
      'CreationTimestamp',
      'BillingAgreementStatus',
      'StoreName',
    ],
    ({ c, at, time }) => [
      `C01-${c.rng.chars(DIGITS, 7)}-${c.rng.chars(DIGITS, 7)}`,
      `BA-${c.rng.chars(DIGITS, 8)}`,
      at(time()),
      c.rng.pick(['Open', 'Closed', 'Suspended']),
      c.storeName,
    ],
  ),
  [MULTI_CURRENCY]: invented(
    [
      'AmazonTransactionId',
      'AmazonOrderReferenceId',
      'TransactionPostedDate',
      'TransactionType',
      'PresentmentAmount',
      'PresentmentCurrency',
      'SettlementAmount',
      'SettlementCurrency',
      'ExchangeRate',
    ],
    ({ c, at, money, time }) => {
      const order = orderRef(c.rng);
      const rate = 0.6 + c.rng.next();
      const presented = priceMinor(c.rng, 3, 480);
      return [
        `${order}-C0${c.rng.chars(DIGITS, 5)}`,
        order,
        at(time()),
        'Capture',
        formatAmount(presented, 'na'),
        c.rng.pick(['GBP', 'CHF', 'SEK', 'DKK', 'NOK', 'AUD']),
        money(Math.round(presented * rate)),
        CURRENCIES[c.region],
        rate.toFixed(6),
      ];
    },
  ),
};

/** Authorization reports (and anything unlisted) use this invented layout. */
const AUTHORIZATION_LAYOUT = invented(
  [
    'AmazonAuthorizationId',
    'AmazonOrderReferenceId',
    'AuthorizationReferenceId',
    'CreationTimestamp',
    'AuthorizationStatus',
    'AuthorizationAmount',
    'CapturedAmount',
    'CurrencyCode',
  ],
  ({ c, at, money, time }) => {
    const order = orderRef(c.rng);
    const amount = priceMinor(c.rng, 3, 480);
    return [
      `${order}-A0${c.rng.chars(DIGITS, 5)}`,
      order,
      `auth-${c.rng.chars(DIGITS, 8)}`,
      at(time()),
      c.rng.pick(['Closed', 'Open', 'Declined']),
      money(amount),
      money(c.rng.next() < 0.8 ? amount : 0),
      CURRENCIES[c.region],
    ];
  },
);

/** The whole file. */
export function reportText(r: ReportRecord, c: FileContext): string {
  if (r.reportType === SETTLEMENT || r.reportType === SANDBOX_SETTLEMENT) {
    // Requested (sandbox) settlements stand alone: their Transfer pays their own period.
    return renderSettlement(
      r.settlement ?? {
        period: {
          seed: c.seed,
          region: c.region,
          settlementId: settlementIdFrom(c.seed),
          start: r.startTime,
          end: r.endTime,
          activityRows: r.rows,
          withheldReserveMinor: 0,
          releasedReserveMinor: 0,
          storeName: c.storeName,
        },
        previous: null,
        convention: 'this-period',
        sellerId: c.sellerId,
      },
    );
  }
  const layout = LAYOUTS[r.reportType] ?? AUTHORIZATION_LAYOUT;
  const zone = REGION_TIME_ZONES[c.region];
  const row: Row = {
    c,
    r,
    at: (ms) => formatLocal(ms, zone),
    money: (m) => formatAmount(m, c.region),
    time: () => r.startTime + Math.floor(c.rng.next() * Math.max(1, r.endTime - r.startTime)),
  };
  const rows: string[][] = [];
  while (rows.length < r.rows) rows.push(...layout.rows(row));
  return [line(layout.columns), ...rows.map(line)].join('');
}
