import { openLedgerDb } from '@/utils/ledger/db';
import { listSettlementLines, type ListedLine } from '@/utils/ledger/queries';

let opening: Promise<IDBDatabase> | undefined;

/** The options page reads and writes the ledger database itself: it lives in the extension's origin. */
export function ledgerDb(): Promise<IDBDatabase> {
  opening ??= openLedgerDb().catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

/** The list's lines read before the section's code is loaded, and once read, the lines themselves. */
export interface EarlyList {
  lines: Promise<ListedLine[]>;
  read?: ListedLine[];
}

let early: EarlyList | undefined;

/**
 * Starts reading the Settlements list's lines while the page loads the section's code, so the list can paint in the
 * section's first frame; resolves once read (a failed read is reported by the section, which takes it).
 */
export function readListEarly(): Promise<unknown> {
  const list: EarlyList = { lines: ledgerDb().then(listSettlementLines) };
  early = list;
  return list.lines.then(
    (lines) => (list.read = lines),
    () => undefined,
  );
}

/** The early read, once: later reads are the section's own and see what changed since. */
export function takeEarlyList(): EarlyList | undefined {
  const list = early;
  early = undefined;
  return list;
}
