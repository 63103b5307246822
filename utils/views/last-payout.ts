/**
 * The popup's one line about the ledger: the newest settlement's payout and its check light. Read after the
 * popup's first rows are on screen, straight from the ledger database (the popup shares the extension's origin).
 */
import type { CheckLight } from '../ledger/checks';
import { openLedgerDb } from '../ledger/db';
import { listSettlements } from '../ledger/queries';

export interface LastPayout {
  settlementId: string;
  currency: string;
  payoutMinor: number;
  /** When the Transfer was posted, else the settlement's period end or start. */
  time: string;
  light: CheckLight;
}

/** The newest settlement (of any currency), or undefined when nothing is imported yet. */
export async function readLastPayout(open: () => Promise<IDBDatabase> = openLedgerDb): Promise<LastPayout | undefined> {
  const db = await open();
  try {
    const [newest] = await listSettlements(db);
    if (!newest) return undefined;
    const { summary, light } = newest;
    return {
      settlementId: summary.settlementId,
      currency: summary.currency,
      payoutMinor: summary.identity.payout,
      time: summary.payoutPostedAt ?? summary.periodEnd ?? summary.time,
      light,
    };
  } finally {
    db.close();
  }
}
