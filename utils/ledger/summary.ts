/**
 * What one settlement (one SettlementId in one currency) adds up to: the category table, the payout identity and
 * the figures the list and the detail view show. Sums only ever within one currency.
 */
import { parsePostedAt } from './posted-at';
import type { SettlementCategory, SettlementReport, SettlementRow } from './types';

export interface Settlement {
  settlementId: string;
  currency: string;
  header: Record<string, string>;
  /** The header's period in UTC, when the file states a readable one. */
  periodStart?: string;
  periodEnd?: string;
  rows: SettlementRow[];
}

export interface CategoryTotals {
  category: SettlementCategory;
  count: number;
  grossMinor: number;
  percentageFeeMinor: number;
  fixedFeeMinor: number;
  feeMinor: number;
  netMinor: number;
}

/** `activity` = Σ net of every row but payouts, `payout` = −Σ net of Transfer rows, `carry` = activity − payout. */
export interface PayoutIdentity {
  activity: number;
  payout: number;
  carry: number;
  payoutRows: number;
}

/** One settlement per SettlementId × currency, in the order they first appear. */
export function groupSettlements(report: SettlementReport): Settlement[] {
  const periodStart = parsePostedAt(report.header.SettlementStartDate ?? '');
  const periodEnd = parsePostedAt(report.header.SettlementEndDate ?? '');
  const groups = new Map<string, Settlement>();
  for (const row of report.rows) {
    const key = `${row.settlementId}\u0000${row.currency}`;
    let group = groups.get(key);
    if (!group) {
      group = { settlementId: row.settlementId, currency: row.currency, header: report.header, rows: [] };
      if (periodStart) group.periodStart = periodStart;
      if (periodEnd) group.periodEnd = periodEnd;
      groups.set(key, group);
    }
    group.rows.push(row);
  }
  return [...groups.values()];
}

const CATEGORY_ORDER: SettlementCategory[] = [
  'capture',
  'refund',
  'chargeback',
  'atoz',
  'dispute',
  'debt',
  'adjustment',
  'authorization',
  'reserve',
  'other',
  'payout',
];

export function categoryTable(rows: readonly SettlementRow[]): CategoryTotals[] {
  const totals = new Map<SettlementCategory, CategoryTotals>();
  for (const row of rows) {
    let line = totals.get(row.category);
    if (!line) {
      line = {
        category: row.category,
        count: 0,
        grossMinor: 0,
        percentageFeeMinor: 0,
        fixedFeeMinor: 0,
        feeMinor: 0,
        netMinor: 0,
      };
      totals.set(row.category, line);
    }
    line.count++;
    line.grossMinor += row.amountMinor;
    line.percentageFeeMinor += row.percentageFeeMinor;
    line.fixedFeeMinor += row.fixedFeeMinor;
    line.feeMinor += row.feeMinor;
    line.netMinor += row.netMinor;
  }
  return CATEGORY_ORDER.flatMap((category) => totals.get(category) ?? []);
}

export function payoutIdentity(rows: readonly SettlementRow[]): PayoutIdentity {
  let activity = 0;
  let payout = 0;
  let payoutRows = 0;
  for (const row of rows) {
    if (row.category === 'payout') {
      payout -= row.netMinor;
      payoutRows++;
    } else activity += row.netMinor;
  }
  return { activity, payout, carry: activity - payout, payoutRows };
}

/** −Σ fee / Σ gross over captures, as a fraction (0.029 for 2.9 %); undefined without captured money. */
export function effectiveFeeRate(rows: readonly SettlementRow[]): number | undefined {
  let gross = 0;
  let fee = 0;
  for (const row of rows) {
    if (row.category !== 'capture') continue;
    gross += row.amountMinor;
    fee += row.feeMinor;
  }
  return gross > 0 ? -fee / gross : undefined;
}

/** The largest refunds and chargebacks or claims by amount, for the detail view's "largest" list. */
export function largestReversals(rows: readonly SettlementRow[], limit = 5): SettlementRow[] {
  const reversals = new Set<SettlementCategory>(['refund', 'chargeback', 'atoz', 'dispute']);
  return rows
    .filter((row) => reversals.has(row.category))
    .sort((a, b) => Math.abs(b.amountMinor) - Math.abs(a.amountMinor) || a.line - b.line)
    .slice(0, limit);
}

/** When a settlement happened, for ordering: its stated start, else its earliest row. */
export function settlementTime(settlement: Settlement): string {
  if (settlement.periodStart) return settlement.periodStart;
  return settlement.rows.reduce((min, row) => (row.postedAt < min ? row.postedAt : min), '\uffff');
}
