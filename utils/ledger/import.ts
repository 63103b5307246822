/**
 * Import = parse + store + index, in one transaction per file. The same bytes again are a no-op (SHA-256); a
 * different file for a SettlementId already stored is a conflict unless its rows are the same: it is recorded
 * with what it conflicts with, and none of its rows are stored. Nothing is ever merged silently.
 */
import { checkHeaderAndRows, checkRowArithmetic } from './checks';
import { decodeSettlementBytes } from './decode';
import {
  BY_SETTLEMENT_ID,
  done,
  FILES,
  ORDER_KEYS,
  request,
  ROW_PAGES,
  SETTLEMENT_LINES,
  SETTLEMENTS,
  TERMS,
} from './db';
import type { StoredFile, StoredSettlement } from './db';
import { lineOf } from './lines';
import { orderRecords } from './order-index';
import { putRowPages, readSettlementRows } from './row-pages';
import { parseSettlementReport } from './settlement';
import { categoryTable, groupSettlements, payoutIdentity, settlementTime, type Settlement } from './summary';
import { termRecords } from './terms';
import type { SettlementRow } from './types';
import { sha256HexOf } from '../crypto/sha256-hex';

export type ImportResult =
  | { status: 'imported'; file: StoredFile }
  | { status: 'unchanged'; file: StoredFile }
  | { status: 'conflict'; file: StoredFile };

/** Every field of a row but its line: the same rows from re-saved bytes are the same settlement. */
const ROW_FIELDS: (keyof SettlementRow)[] = [
  'postedAt',
  'settlementId',
  'transactionType',
  'category',
  'currency',
  'amountMinor',
  'percentageFeeMinor',
  'fixedFeeMinor',
  'feeMinor',
  'netMinor',
  'amazonTransactionId',
  'amazonOrderReferenceId',
  'sellerReferenceId',
  'sellerOrderId',
  'storeName',
  'description',
];

const sameRows = (a: readonly SettlementRow[], b: readonly SettlementRow[]): boolean =>
  a.length === b.length && a.every((row, i) => ROW_FIELDS.every((field) => row[field] === b[i]![field]));

function summarise(settlement: Settlement, sha: string, fileName: string): StoredSettlement {
  const payouts = settlement.rows.filter((r) => r.category === 'payout');
  const summary: StoredSettlement = {
    settlementId: settlement.settlementId,
    currency: settlement.currency,
    sellerId: settlement.header.SellerId ?? '',
    sha256: sha,
    fileName,
    header: settlement.header,
    time: settlementTime(settlement),
    rowCount: settlement.rows.length,
    categories: categoryTable(settlement.rows),
    identity: payoutIdentity(settlement.rows),
    rowArithmetic: checkRowArithmetic(settlement.rows),
    headerRows: checkHeaderAndRows(settlement),
  };
  if (settlement.periodStart) summary.periodStart = settlement.periodStart;
  if (settlement.periodEnd) summary.periodEnd = settlement.periodEnd;
  if (payouts.length > 0) summary.payoutPostedAt = payouts[payouts.length - 1]!.postedAt;
  return summary;
}

export async function importSettlementFile(db: IDBDatabase, bytes: Uint8Array, name: string): Promise<ImportResult> {
  const sha = await sha256HexOf(bytes);
  const known = await request<StoredFile | undefined>(db.transaction(FILES).objectStore(FILES).get(sha));
  if (known) return { status: 'unchanged', file: known };

  const { text, encoding } = decodeSettlementBytes(bytes);
  const report = parseSettlementReport(text);
  const settlements = groupSettlements(report);
  const summaries = settlements.map((s) => summarise(s, sha, name));

  const tx = db.transaction([FILES, SETTLEMENTS, SETTLEMENT_LINES, ROW_PAGES, TERMS, ORDER_KEYS], 'readwrite');
  const written = done(tx);
  const settlementStore = tx.objectStore(SETTLEMENTS);
  const pages = tx.objectStore(ROW_PAGES);
  const existing = await Promise.all(
    summaries.map((s) => request<StoredSettlement | undefined>(settlementStore.get([s.settlementId, s.currency]))),
  );
  const others = await Promise.all(
    summaries.map((s) => request<StoredSettlement[]>(settlementStore.index(BY_SETTLEMENT_ID).getAll(s.settlementId))),
  );
  // Rows are compared only when the settlement is already stored: a new one costs no comparison at all.
  const unchanged = await Promise.all(
    settlements.map(
      async ({ settlementId, currency, rows }, i) =>
        existing[i] !== undefined && sameRows(await readSettlementRows(pages, settlementId, currency), rows),
    ),
  );
  const conflictsWith = summaries.flatMap((summary, i) => {
    const stored = existing[i] ?? others[i]!.find((o) => o.sha256 !== sha);
    if (!stored || unchanged[i]) return [];
    return [{ settlementId: summary.settlementId, sha256: stored.sha256, name: stored.fileName }];
  });
  const sameRowsElsewhere = summaries.length > 0 && unchanged.every(Boolean);

  const file: StoredFile = {
    sha256: sha,
    name,
    size: bytes.byteLength,
    importedAt: Date.now(),
    encoding,
    status: conflictsWith.length > 0 ? 'conflict' : 'imported',
    settlementIds: [...new Set(summaries.map((s) => s.settlementId))],
    conflictsWith,
    errors: report.errors,
    rowCount: report.rows.length,
  };
  tx.objectStore(FILES).put(file);
  if (file.status === 'imported' && !sameRowsElsewhere) {
    const lines = tx.objectStore(SETTLEMENT_LINES);
    for (const summary of summaries) {
      settlementStore.put(summary);
      lines.put(lineOf(summary));
    }
    const terms = tx.objectStore(TERMS);
    const orders = tx.objectStore(ORDER_KEYS);
    for (const { settlementId, currency, rows } of settlements) {
      putRowPages(pages, settlementId, currency, rows);
      for (const record of termRecords(settlementId, currency, rows)) terms.put(record);
      for (const record of orderRecords(settlementId, currency, rows)) orders.put(record);
    }
  }
  await written;
  if (sameRowsElsewhere) return { status: 'unchanged', file };
  return { status: file.status, file };
}
