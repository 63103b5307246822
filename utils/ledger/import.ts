/**
 * Import = parse + store + index, in one transaction per file. The same bytes again are a no-op (SHA-256); a
 * different file for a SettlementId already stored is a conflict unless its rows are the same: it is recorded
 * with what it conflicts with, and none of its rows are stored. Nothing is ever merged silently.
 */
import { checkHeaderAndRows, checkRowArithmetic } from './checks';
import { decodeSettlementBytes } from './decode';
import { BY_SETTLEMENT_ID, done, FILES, request, ROWS, SETTLEMENTS } from './db';
import type { StoredFile, StoredRow, StoredSettlement } from './db';
import { rowIds, rowOrderKey } from './ids';
import { parseSettlementReport } from './settlement';
import { categoryTable, groupSettlements, payoutIdentity, settlementTime, type Settlement } from './summary';

export type ImportResult =
  | { status: 'imported'; file: StoredFile }
  | { status: 'unchanged'; file: StoredFile }
  | { status: 'conflict'; file: StoredFile };

const hex = (buffer: ArrayBuffer): string =>
  Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
const sha256 = async (bytes: Uint8Array | string): Promise<string> =>
  hex(
    await crypto.subtle.digest(
      'SHA-256',
      (typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes) as Uint8Array<ArrayBuffer>,
    ),
  );

async function summarise(settlement: Settlement, sha: string, fileName: string): Promise<StoredSettlement> {
  const withoutLines = settlement.rows.map(({ line: _line, ...rest }) => rest);
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
    rowsDigest: await sha256(JSON.stringify(withoutLines)),
  };
  if (settlement.periodStart) summary.periodStart = settlement.periodStart;
  if (settlement.periodEnd) summary.periodEnd = settlement.periodEnd;
  if (payouts.length > 0) summary.payoutPostedAt = payouts[payouts.length - 1]!.postedAt;
  return summary;
}

export async function importSettlementFile(db: IDBDatabase, bytes: Uint8Array, name: string): Promise<ImportResult> {
  const sha = await sha256(bytes);
  const known = await request<StoredFile | undefined>(db.transaction(FILES).objectStore(FILES).get(sha));
  if (known) return { status: 'unchanged', file: known };

  const { text, encoding } = decodeSettlementBytes(bytes);
  const report = parseSettlementReport(text);
  const settlements = groupSettlements(report);
  const summaries = await Promise.all(settlements.map((s) => summarise(s, sha, name)));

  const tx = db.transaction([FILES, SETTLEMENTS, ROWS], 'readwrite');
  const written = done(tx);
  const settlementStore = tx.objectStore(SETTLEMENTS);
  const existing = await Promise.all(
    summaries.map((s) => request<StoredSettlement | undefined>(settlementStore.get([s.settlementId, s.currency]))),
  );
  const others = await Promise.all(
    summaries.map((s) => request<StoredSettlement[]>(settlementStore.index(BY_SETTLEMENT_ID).getAll(s.settlementId))),
  );
  const conflictsWith = summaries.flatMap((summary, i) => {
    const stored = existing[i] ?? others[i]!.find((o) => o.sha256 !== sha);
    if (!stored || (existing[i] && stored.rowsDigest === summary.rowsDigest)) return [];
    return [{ settlementId: summary.settlementId, sha256: stored.sha256, name: stored.fileName }];
  });
  const sameRowsElsewhere = summaries.length > 0 && summaries.every((s, i) => existing[i]?.rowsDigest === s.rowsDigest);

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
    for (const summary of summaries) settlementStore.put(summary);
    const rowStore = tx.objectStore(ROWS);
    for (const settlement of settlements) {
      for (const row of settlement.rows) {
        const stored: StoredRow = { ...row, ids: rowIds(row) };
        const orderKey = rowOrderKey(row);
        if (orderKey) stored.orderKey = orderKey;
        rowStore.put(stored);
      }
    }
  }
  await written;
  if (sameRowsElsewhere) return { status: 'unchanged', file };
  return { status: file.status, file };
}
