/**
 * The rows of one settlement period, in integer minor units, drawn from the period's own seed so that a period's
 * activity can be recomputed without rendering its file (a later file's Transfer may pay it). Row kinds and signs
 * follow real US files (Capture, Transfer, Reserve "Previous Reserve Balance"); the other kinds, their fees and the
 * withheld reserve are plausible guesses (see README).
 */
import type { Region } from './merchants';
import { DIGITS, createRng, type Rng } from './prng';

export const CURRENCIES: Record<Region, string> = { na: 'USD', eu: 'EUR', jp: 'JPY' };
/** Decimal places of the ledger currency (ISO 4217). */
export const EXPONENTS: Record<Region, number> = { na: 2, eu: 2, jp: 0 };
/** Percentage (basis points) and fixed fee in minor units: US from real files, EU and JP guessed. */
const FEES: Record<Region, { bp: number; fixed: number }> = {
  na: { bp: 290, fixed: 30 },
  eu: { bp: 190, fixed: 35 },
  jp: { bp: 390, fixed: 0 },
};

export const TRANSFER_DESCRIPTION = 'SellerPayments_DateRangeReport_transfer_accounting_ending_with_trace_id';
export const RELEASED_RESERVE_DESCRIPTION = 'Previous Reserve Balance';
/** Our guess at the row that withholds a reserve; no public file shows one. */
export const WITHHELD_RESERVE_DESCRIPTION = 'Current Reserve Amount';

export interface SettlementPeriod {
  /** Every row of the period follows from it. */
  seed: string;
  region: Region;
  settlementId: string;
  /** Epoch ms. */
  start: number;
  end: number;
  /** Capture, refund, chargeback, … rows (not counting Transfer and Reserve rows). */
  activityRows: number;
  /** Reserve withheld at the end of this period (0 for merchants without one), released in the next. */
  withheldReserveMinor: number;
  /** The previous period's withheld reserve, released early in this one. */
  releasedReserveMinor: number;
  storeName: string;
}

export interface SettlementRow {
  postedAt: number;
  transactionType: string;
  amazonTransactionId: string;
  sellerReferenceId: string;
  amazonOrderReferenceId: string;
  sellerOrderId: string;
  storeName: string;
  description: string;
  amountMinor: number;
  percentageFeeMinor: number;
  fixedFeeMinor: number;
}

export const totalFee = (r: SettlementRow): number => r.percentageFeeMinor + r.fixedFeeMinor;
export const net = (r: SettlementRow): number => r.amountMinor + totalFee(r);

const orderReference = (rng: Rng): string => `P01-${rng.chars(DIGITS, 7)}-${rng.chars(DIGITS, 7)}`;

/**
 * An amount of `min` to `max` dollars or euros in minor units; the same number of minor units is a plausible yen
 * price (a yen has no minor unit and is worth about a cent).
 */
export function priceMinor(rng: Rng, min: number, max: number): number {
  return Math.round((min + rng.next() * (max - min)) * 100);
}

const KINDS: ReadonlyArray<[number, string]> = [
  [0.82, 'Capture'],
  [0.94, 'Refund'],
  [0.96, 'Chargeback'],
  [0.97, 'A to Z Guarantee Claim'],
  [0.98, 'Debt'],
  [1, 'Adjustment'],
];

interface Money {
  type: string;
  amountMinor: number;
  percentageFeeMinor: number;
  fixedFeeMinor: number;
}

/**
 * A row's type and money, from a stream of their own (three draws a row) so that a period's activity can be summed
 * without building its rows. Types are weighted like a shop's month: mostly captures, some refunds, rare claims.
 */
function money(rng: Rng, region: Region): Money {
  const { bp, fixed } = FEES[region];
  const amount = priceMinor(rng, 3, 480);
  const draw = rng.next();
  const type = KINDS.find(([upTo]) => draw < upTo)![1];
  const credit = rng.next() < 0.5;
  if (type === 'Capture')
    return {
      type,
      amountMinor: amount,
      percentageFeeMinor: -Math.round((amount * bp) / 10_000),
      fixedFeeMinor: -fixed,
    };
  if (type === 'Debt') return { type, amountMinor: -Math.round(amount / 4), percentageFeeMinor: 0, fixedFeeMinor: 0 };
  if (type === 'Adjustment')
    return { type, amountMinor: credit ? amount : -Math.round(amount / 10), percentageFeeMinor: 0, fixedFeeMinor: 0 };
  // Money going back to the buyer returns the percentage fee, not the fixed one (guess).
  return { type, amountMinor: -amount, percentageFeeMinor: Math.round((amount * bp) / 10_000), fixedFeeMinor: 0 };
}

function activityRow(ids: Rng, m: Money, p: SettlementPeriod): SettlementRow {
  const order = orderReference(ids);
  const postedAt = p.start + Math.floor(ids.next() * (p.end - p.start));
  const sellerOrderId = ids.next() < 0.3 ? '' : `ORDER-${ids.chars(DIGITS, 8)}`;
  const row: SettlementRow = {
    postedAt,
    transactionType: m.type,
    amazonTransactionId: '',
    sellerReferenceId: '',
    amazonOrderReferenceId: order,
    sellerOrderId,
    storeName: p.storeName,
    description: '',
    amountMinor: m.amountMinor,
    percentageFeeMinor: m.percentageFeeMinor,
    fixedFeeMinor: m.fixedFeeMinor,
  };
  if (m.type === 'Capture') {
    row.amazonTransactionId = `${order}-C0${ids.chars(DIGITS, 5)}`;
    // Captures made in Seller Central carry an Amazon-generated 19-digit reference (real 2018 file).
    row.sellerReferenceId = ids.next() < 0.1 ? `${ids.int(1, 9)}${ids.chars(DIGITS, 18)}` : `${ids.chars(DIGITS, 8)}-0`;
  } else if (m.type === 'Debt' || m.type === 'Adjustment') {
    row.amazonOrderReferenceId = '';
    row.sellerOrderId = '';
  } else {
    row.amazonTransactionId = `${order}-R0${ids.chars(DIGITS, 5)}`;
    row.sellerReferenceId = `refund-${ids.chars(DIGITS, 8)}`;
  }
  return row;
}

/** Rows that give money back to the buyer, and so name the order they give it back on. */
const REVERSALS = new Set(['Refund', 'Chargeback', 'A to Z Guarantee Claim']);
/** How many reversals give back on an order captured earlier in the same period (the rest: earlier periods). */
const LINKED_SHARE = 0.6;

/**
 * Points most refunds, chargebacks and claims at an order captured earlier in the period, as Amazon's files do (the
 * reversal carries the captured order's reference id, and its own id starts with it), posted after that capture and
 * never giving back more than is left of it. Decided from a stream of its own, so the amounts (and so the period's
 * activity) and the other rows' ids do not change.
 */
function linkReversals(rows: SettlementRow[], links: Rng, end: number): void {
  const refundable = new Map<SettlementRow, number>();
  for (const row of rows) {
    if (row.transactionType === 'Capture') refundable.set(row, row.amountMinor);
    if (!REVERSALS.has(row.transactionType) || links.next() >= LINKED_SHARE) continue;
    const candidates = [...refundable].filter(([, left]) => left >= -row.amountMinor).map(([capture]) => capture);
    if (candidates.length === 0) continue;
    const capture = links.pick(candidates);
    refundable.set(capture, refundable.get(capture)! + row.amountMinor);
    const ownId = row.amazonTransactionId.slice(row.amazonOrderReferenceId.length);
    row.amazonOrderReferenceId = capture.amazonOrderReferenceId;
    row.amazonTransactionId = `${capture.amazonOrderReferenceId}${ownId}`;
    row.sellerOrderId = capture.sellerOrderId;
    row.postedAt = capture.postedAt + Math.floor(links.next() * (end - capture.postedAt));
  }
}

function reserveRow(postedAt: number, description: string, amountMinor: number): SettlementRow {
  return {
    postedAt,
    transactionType: 'Reserve',
    amazonTransactionId: '',
    sellerReferenceId: '',
    amazonOrderReferenceId: '',
    sellerOrderId: '',
    storeName: '',
    description,
    amountMinor,
    percentageFeeMinor: 0,
    fixedFeeMinor: 0,
  };
}

/** The period's rows without any Transfer, in posted-date order. */
export function periodRows(p: SettlementPeriod): SettlementRow[] {
  const ids = createRng(`${p.seed}:rows`);
  const amounts = createRng(`${p.seed}:amounts`);
  const rows = Array.from({ length: p.activityRows }, () => activityRow(ids, money(amounts, p.region), p));
  linkReversals(rows, createRng(`${p.seed}:links`), p.end);
  const length = p.end - p.start;
  if (p.releasedReserveMinor !== 0)
    rows.push(
      reserveRow(
        p.start + Math.min(length / 10, 15 * 60_000 + ids.int(0, 600_000)),
        RELEASED_RESERVE_DESCRIPTION,
        p.releasedReserveMinor,
      ),
    );
  if (p.withheldReserveMinor !== 0)
    rows.push(reserveRow(p.end - ids.int(1, 600) * 1000, WITHHELD_RESERVE_DESCRIPTION, -p.withheldReserveMinor));
  return rows.sort((a, b) => a.postedAt - b.postedAt);
}

/** What the period adds to the merchant's balance: every row but Transfers (the amounts alone, without the rows). */
export function periodActivity(p: SettlementPeriod): number {
  const amounts = createRng(`${p.seed}:amounts`);
  let sum = p.releasedReserveMinor - p.withheldReserveMinor;
  for (let i = 0; i < p.activityRows; i++) {
    const m = money(amounts, p.region);
    sum += m.amountMinor + m.percentageFeeMinor + m.fixedFeeMinor;
  }
  return sum;
}

export function transferRow(postedAt: number, payoutMinor: number): SettlementRow {
  return {
    postedAt,
    transactionType: 'Transfer',
    amazonTransactionId: '',
    sellerReferenceId: '',
    amazonOrderReferenceId: '',
    sellerOrderId: '',
    storeName: '',
    description: TRANSFER_DESCRIPTION,
    amountMinor: -payoutMinor,
    percentageFeeMinor: 0,
    fixedFeeMinor: 0,
  };
}

/** A reserve some merchants must keep, from the period's seed alone (so the next period can release it). */
export function withheldReserve(seed: string, keepsReserve: boolean): number {
  if (!keepsReserve) return 0;
  return priceMinor(createRng(`${seed}:reserve`), 20, 300);
}
