/**
 * Settlement flat files (`_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_`) in the layout of real US files (README
 * "Report files"), and `settlementSeries()` / `settlementFile()`: files for given options, with the numbers a
 * parser and the ledger's checks must find in them (rows in minor units, activity, payout, carry).
 */
import { formatLocal, REGION_TIME_ZONES } from './local-time';
import type { Region } from './merchants';
import { DIGITS, UPPER_ALNUM, createRng } from './prng';
import {
  CURRENCIES,
  EXPONENTS,
  net,
  periodActivity,
  periodRows,
  totalFee,
  transferRow,
  withheldReserve,
  type SettlementPeriod,
  type SettlementRow,
} from './settlement-rows';

/**
 * Which period a file's Transfer pays: its own, or (as the real files suggest: a Transfer early in the period,
 * before the captures it would pay) the previous one. A seeded choice per merchant in the emulator.
 */
export type PayoutConvention = 'this-period' | 'previous-period';

export interface SettlementPlan {
  period: SettlementPeriod;
  previous: SettlementPeriod | null;
  convention: PayoutConvention;
  sellerId: string;
}

export interface Payout {
  amountMinor: number;
  postedAt: number;
  /** The settlement whose balance it pays out. */
  paidSettlementId: string;
}

/** The file's Transfer, or null: none before the first period, and none for a negative balance (charged to the card). */
export function payoutOf(plan: SettlementPlan): Payout | null {
  const paid = plan.convention === 'this-period' ? plan.period : plan.previous;
  if (!paid) return null;
  const amountMinor = periodActivity(paid);
  if (amountMinor <= 0) return null;
  const { start, end } = plan.period;
  // Early in the period, as in the real files (a few hours after it opens).
  const postedAt =
    start +
    Math.floor(
      Math.min((end - start) * 0.4, 16 * 3_600_000) * (0.1 + 0.9 * createRng(`${plan.period.seed}:transfer`).next()),
    );
  return { amountMinor, postedAt, paidSettlementId: paid.settlementId };
}

export interface RenderVariants {
  /** CRLF line ends instead of LF. */
  crlf?: boolean;
  /** Leave out the UTF-8 byte-order mark real files start with. */
  noBom?: boolean;
  /** Amounts like `"1,234.56"` (seen stripped by JP and US parsers). */
  thousandsSeparators?: boolean;
  /** Write JPY amounts with `.00`; by default they have no decimals. */
  jpyDecimals?: boolean;
}

export const SETTLEMENT_COLUMNS = [
  'TransactionPostedDate',
  'SettlementId',
  'AmazonTransactionId',
  'SellerReferenceId',
  'TransactionType',
  'AmazonOrderReferenceId',
  'SellerOrderId',
  'StoreName',
  'CurrencyCode',
  'TransactionDescription',
  'TransactionAmount',
  'TransactionPercentageFee',
  'TransactionFixedFee',
  'TotalTransactionFee',
  'NetTransactionAmount',
] as const;

/** Minor units as Amazon writes them: a dot, the currency's decimals, zero as `0`. */
export function formatAmount(minor: number, region: Region, v: RenderVariants = {}): string {
  if (minor === 0) return '0';
  const exponent = EXPONENTS[region];
  const abs = Math.abs(minor);
  let whole = String(Math.floor(abs / 10 ** exponent));
  if (v.thousandsSeparators) whole = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  const fraction =
    exponent > 0 ? `.${String(abs % 10 ** exponent).padStart(exponent, '0')}` : v.jpyDecimals ? '.00' : '';
  return `${minor < 0 ? '-' : ''}${whole}${fraction}`;
}

export interface FileRow extends SettlementRow {
  /** 1-based physical line of the row in the file. */
  line: number;
  settlementId: string;
  currency: string;
}

/** The file's rows in posted-date order, the Transfer among them. */
export function planRows(plan: SettlementPlan): SettlementRow[] {
  const payout = payoutOf(plan);
  const rows = periodRows(plan.period);
  if (payout) {
    rows.push(transferRow(payout.postedAt, payout.amountMinor));
    rows.sort((a, b) => a.postedAt - b.postedAt);
  }
  return rows;
}

const q = (field: string): string => (field.includes('"') ? field.replace(/"/g, '""') : field);

/** The file's text; lines are built by concatenation, as a 25 000-row file makes every allocation count. */
export function renderSettlement(plan: SettlementPlan, v: RenderVariants = {}, rows = planRows(plan)): string {
  const { period } = plan;
  const zone = REGION_TIME_ZONES[period.region];
  const currency = CURRENCIES[period.region];
  const id = q(period.settlementId);
  const amount = (minor: number) => formatAmount(minor, period.region, v);
  const eol = v.crlf ? '\r\n' : '\n';
  let text =
    `${v.noBom ? '' : '\uFEFF'}"Amazon Payments Advanced",${eol}"Settlement Report",${eol}"SellerId","${q(plan.sellerId)}"${eol}` +
    `"SettlementStartDate","${formatLocal(period.start, zone)}"${eol}"SettlementEndDate","${formatLocal(period.end, zone)}"${eol}` +
    `${SETTLEMENT_COLUMNS.map((c) => `"${c}"`).join(',')},${eol}`;
  for (const r of rows) {
    const fee = totalFee(r);
    text +=
      `"${formatLocal(r.postedAt, zone)}","${id}","${q(r.amazonTransactionId)}","${q(r.sellerReferenceId)}","${q(r.transactionType)}",` +
      `"${q(r.amazonOrderReferenceId)}","${q(r.sellerOrderId)}","${q(r.storeName)}","${currency}","${q(r.description)}","${amount(r.amountMinor)}",` +
      `"${amount(r.percentageFeeMinor)}","${amount(r.fixedFeeMinor)}","${amount(fee)}","${amount(r.amountMinor + fee)}"${eol}`;
  }
  return text;
}

export interface SettlementFileOptions {
  region?: Region;
  seed?: string;
  /** Capture, refund, … rows per file (Transfer and Reserve rows come on top). */
  activityRows?: number;
  /** Start of the (first) period; a period lasts `periodHours` (24 by default) less a minute, as in the real files. */
  start?: Date | number;
  periodHours?: number;
  convention?: PayoutConvention;
  /** The merchant keeps a reserve: each file releases the previous one and withholds a new one. */
  reserve?: boolean;
  variants?: RenderVariants;
}

export interface SettlementFile {
  text: string;
  /** UTF-8, as downloaded. */
  bytes: Buffer;
  sellerId: string;
  settlementId: string;
  currency: string;
  start: number;
  end: number;
  rows: FileRow[];
  /** Σ net of every row but Transfers. */
  activityMinor: number;
  /** −Σ net of the Transfer rows (0 without one). */
  payoutMinor: number;
  /** activity − payout: 0 when the Transfer pays this period. */
  carryMinor: number;
  convention: PayoutConvention;
  /** The settlement the Transfer pays (the previous file's with `previous-period`). */
  paidSettlementId?: string;
}

/** Consecutive settlement files of one merchant; with `previous-period`, file k's Transfer pays file k−1's activity. */
export function settlementSeries(count: number, o: SettlementFileOptions = {}): SettlementFile[] {
  const region = o.region ?? 'na';
  const seed = o.seed ?? 'settlement';
  const rng = createRng(`${seed}:series`);
  const sellerId = `A${rng.chars(UPPER_ALNUM, 13)}`;
  const lengthMs = (o.periodHours ?? 24) * 3_600_000;
  const firstStart = o.start === undefined ? Date.UTC(2026, 9, 1, 22, 0, 44) : Number(o.start);
  const convention = o.convention ?? 'previous-period';
  const firstId = rng.int(1_000_000_000, 8_999_999_999);
  const withheld = (k: number) => withheldReserve(`${seed}:${k}`, o.reserve ?? false);
  // Period −1 exists so that the first file can release its reserve and pay its activity.
  const periods: SettlementPeriod[] = Array.from({ length: count + 1 }, (_, i) => {
    const k = i - 1;
    const start = firstStart + k * lengthMs;
    return {
      seed: `${seed}:${k}`,
      region,
      settlementId: String(firstId + k * 7),
      start,
      end: start + lengthMs - 60_000,
      activityRows: o.activityRows ?? 20,
      withheldReserveMinor: withheld(k),
      releasedReserveMinor: withheld(k - 1),
      storeName: 'Emulator Demo Store',
    };
  });
  return periods.slice(1).map((period, i) => {
    const plan: SettlementPlan = { period, previous: periods[i]!, convention, sellerId };
    const planned = planRows(plan);
    const text = renderSettlement(plan, o.variants, planned);
    const rows = planned.map((r, line) => ({
      ...r,
      line: line + 7,
      settlementId: period.settlementId,
      currency: CURRENCIES[region],
    }));
    const activityMinor = rows.filter((r) => r.transactionType !== 'Transfer').reduce((s, r) => s + net(r), 0);
    const payoutMinor = -rows.filter((r) => r.transactionType === 'Transfer').reduce((s, r) => s + net(r), 0);
    return {
      text,
      bytes: Buffer.from(text, 'utf8'),
      sellerId,
      settlementId: period.settlementId,
      currency: CURRENCIES[region],
      start: period.start,
      end: period.end,
      rows,
      activityMinor,
      payoutMinor,
      carryMinor: activityMinor - payoutMinor,
      convention,
      paidSettlementId: payoutOf(plan)?.paidSettlementId,
    };
  });
}

/** One settlement file (see `settlementSeries`). */
export function settlementFile(o: SettlementFileOptions = {}): SettlementFile {
  return settlementSeries(1, o)[0]!;
}

/** A settlement id like Amazon's (10 digits). */
export function settlementIdFrom(seed: string): string {
  const rng = createRng(`${seed}:settlementId`);
  return `${rng.int(1, 9)}${rng.chars(DIGITS, 9)}`;
}
