/**
 * What the ledger bench runs inside an extension page of Chromium, bundled into one script: our parser and Papa
 * Parse on the same bytes, import into a fresh ledger database, search over a large one. Each function times only
 * the call it measures (performance.now() around it), so the timing is outside the code measured.
 */
import Papa from 'papaparse';
import { openLedgerDb, request, SETTLEMENTS, type StoredSettlement } from '../../utils/ledger/db';
import { importSettlementFile } from '../../utils/ledger/import';
import { searchLedger } from '../../utils/ledger/search';
import { parseSettlementReport } from '../../utils/ledger/settlement';
import { generateSettlement } from '../../tests/fixtures/ledger/generate';

let file: Uint8Array = new Uint8Array();
let fileRows = 0;
/** The generated layout: five title and header lines and the column line before the rows. */
const LINES_BEFORE_ROWS = 6;

function time(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

async function timeAsync(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

const deleteDb = (name: string) =>
  new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });

/** Throws unless the database holds `settlements` summaries over `rows` rows. */
async function expectStored(db: IDBDatabase, settlements: number, rows: number): Promise<void> {
  const stored = await request<StoredSettlement[]>(db.transaction(SETTLEMENTS).objectStore(SETTLEMENTS).getAll());
  const storedRows = stored.reduce((sum, s) => sum + s.rowCount, 0);
  if (stored.length !== settlements || storedRows !== rows) {
    throw new Error(
      `the ledger holds ${stored.length} settlements and ${storedRows} rows, not ${settlements} and ${rows}`,
    );
  }
}

const ledgerBench = {
  /** One settlement file of `rows` rows in the real layout; returns its size in bytes. */
  makeFile(rows: number, seed = 1): number {
    file = new TextEncoder().encode(generateSettlement({ seed, rows }).text);
    fileRows = rows;
    return file.byteLength;
  },
  /** Ours: bytes → decoded, tokenized, checked rows in minor units. Returns ms; throws unless every row came out. */
  parseOurs(): number {
    let report: ReturnType<typeof parseSettlementReport> | undefined;
    const ms = time(() => (report = parseSettlementReport(file)));
    if (report?.rows.length !== fileRows || report.errors.length > 0) {
      throw new Error(`the parser returned ${report?.rows.length} rows of ${fileRows}: ${report?.errors[0]?.message}`);
    }
    return ms;
  },
  /**
   * Papa Parse on the same bytes, decoded as our parser decodes them (the BOM cut off first: Chromium decodes a
   * file that starts with one several times slower), then parsed into arrays of strings.
   */
  parsePapa(): number {
    let records = 0;
    const ms = time(() => {
      const bom = file[0] === 0xef && file[1] === 0xbb && file[2] === 0xbf;
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bom ? file.subarray(3) : file);
      records = Papa.parse<string[]>(text, { skipEmptyLines: true }).data.length;
    });
    if (records !== fileRows + LINES_BEFORE_ROWS) {
      throw new Error(`Papa Parse returned ${records} records of ${fileRows + LINES_BEFORE_ROWS}`);
    }
    return ms;
  },
  /** Parse + store + index the current file into a fresh database. */
  async importOnce(name: string): Promise<number> {
    await deleteDb(name);
    const db = await openLedgerDb(name);
    try {
      return await timeAsync(async () => {
        const result = await importSettlementFile(db, file, 'bench.csv');
        if (result.status !== 'imported' || result.file.rowCount !== fileRows || result.file.errors.length > 0) {
          throw new Error(`import said ${result.status} with ${result.file.rowCount} rows of ${fileRows}`);
        }
      });
    } finally {
      db.close();
    }
  },
  /**
   * Fills a database with `files` settlements of `rowsPerFile` rows; returns ids to search for. Throws unless every
   * file was imported whole.
   */
  async fill(name: string, files: number, rowsPerFile: number, startSeed = 1000): Promise<string[]> {
    await deleteDb(name);
    const db = await openLedgerDb(name);
    const probes: string[] = [];
    try {
      for (let i = 0; i < files; i++) {
        const generated = generateSettlement({
          seed: startSeed + i,
          rows: rowsPerFile,
          settlementId: String(8_000_000_000 + i),
          start: new Date(Date.UTC(2025, 0, 1) + i * 86_400_000),
        });
        const report = parseSettlementReport(generated.text);
        for (let p = 0; p < 5; p++) {
          const row = report.rows[Math.floor(((p + 1) * report.rows.length) / 7)]!;
          probes.push(row.amazonTransactionId || row.settlementId, row.amazonOrderReferenceId || row.settlementId);
        }
        const result = await importSettlementFile(db, new TextEncoder().encode(generated.text), `fill-${i}.csv`);
        if (result.status !== 'imported') throw new Error(`fill ${i}: ${result.status}`);
      }
      await expectStored(db, files, files * rowsPerFile);
    } finally {
      db.close();
    }
    return probes;
  },
  /** Each query timed on its own; returns the times and the queries that found no timeline or settlement. */
  async search(name: string, queries: string[]): Promise<{ times: number[]; empty: string[] }> {
    const db = await openLedgerDb(name);
    const times: number[] = [];
    const empty: string[] = [];
    try {
      for (const query of queries) {
        let found = 0;
        times.push(
          await timeAsync(async () => {
            const result = await searchLedger(db, query);
            found = result.timelines.length + result.settlements.length;
          }),
        );
        if (found === 0) empty.push(query);
      }
    } finally {
      db.close();
    }
    return { times, empty };
  },
  /** The settlements the options page lists: `count` small ones in the real ledger database. */
  async fillList(count: number): Promise<void> {
    await deleteDb('report-courier-ledger');
    const db = await openLedgerDb();
    try {
      for (let i = 0; i < count; i++) {
        const generated = generateSettlement({
          seed: 5000 + i,
          rows: 12,
          settlementId: String(9_000_000_000 + i),
          start: new Date(Date.UTC(2025, 0, 1) + i * 86_400_000),
        });
        const result = await importSettlementFile(db, new TextEncoder().encode(generated.text), `list-${i}.csv`);
        if (result.status !== 'imported') throw new Error(`list ${i}: ${result.status}`);
      }
      await expectStored(db, count, count * 12);
    } finally {
      db.close();
    }
  },
};

Object.assign(globalThis, { ledgerBench });
export type LedgerBench = typeof ledgerBench;
