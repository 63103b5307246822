import { openLedgerDb } from '@/utils/ledger/db';

let opening: Promise<IDBDatabase> | undefined;

/** The options page reads and writes the ledger database itself: it lives in the extension's origin. */
export function ledgerDb(): Promise<IDBDatabase> {
  opening ??= openLedgerDb().catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}
