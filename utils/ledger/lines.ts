/**
 * The settlement list's own store: one small record per settlement × currency with only what a list line shows and
 * what its light needs. A full summary (header, category table, checks with their lines) is about 1.2 kB of nested
 * objects; reading 365 of them was most of the list's first paint, so the list reads these and the summaries follow.
 */
import type { StoredSettlement } from './db';
import { overallLight, type CheckLight } from './checks';
import type { PayoutIdentity } from './summary';
import type { SettlementCategory } from './types';

export interface SettlementLine {
  settlementId: string;
  currency: string;
  /** For ordering: the period start, else the earliest row. */
  time: string;
  periodStart?: string;
  periodEnd?: string;
  /** Captures' gross, every row's fees, and the net of refunds, chargebacks and claims. */
  grossMinor: number;
  feeMinor: number;
  reversalsMinor: number;
  identity: PayoutIdentity;
  /** The lights of the checks stored with the summary; the payout's light is computed against the neighbours. */
  storedLight: CheckLight;
}

const REVERSALS: ReadonlySet<SettlementCategory> = new Set(['refund', 'chargeback', 'atoz', 'dispute']);

export function lineOf(summary: StoredSettlement): SettlementLine {
  let grossMinor = 0;
  let feeMinor = 0;
  let reversalsMinor = 0;
  for (const c of summary.categories) {
    if (c.category === 'capture') grossMinor += c.grossMinor;
    if (REVERSALS.has(c.category)) reversalsMinor += c.netMinor;
    feeMinor += c.feeMinor;
  }
  const storedLight = overallLight([summary.rowArithmetic, summary.headerRows]);
  const line: SettlementLine = {
    settlementId: summary.settlementId,
    currency: summary.currency,
    time: summary.time,
    grossMinor,
    feeMinor,
    reversalsMinor,
    identity: summary.identity,
    storedLight,
  };
  if (summary.periodStart) line.periodStart = summary.periodStart;
  if (summary.periodEnd) line.periodEnd = summary.periodEnd;
  return line;
}

/** Fills the lines store from the summaries store (the upgrade to the version that added it). */
export function fillLines(settlements: IDBObjectStore, lines: IDBObjectStore): void {
  const all = settlements.getAll();
  all.onsuccess = () => {
    for (const summary of all.result as StoredSettlement[]) lines.put(lineOf(summary));
  };
}
